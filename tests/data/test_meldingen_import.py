"""Meldingen into the register: the file importer (all or nothing) and the Signalen client against a local server."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Transformer
from sqlalchemy import text

from clients.signalen import SignalenUnavailable, lees_signaal, map_signal, signalen_paginas
from core.kalender import nu
from data import meldingen_import as mi
from data import signalen_import
from queries.lagen import as_layer
from tests.stubserver import StubHandler, serveer

KOP = "locatie;ontvangen_op;bron;categorie;omschrijving;afgehandeld_op;afhandeling;tevreden\n"


def _count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM hkd.meldingen")).scalar()


def _code(engine, aanbieder: str) -> str:
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT l.code FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = :a "
            "ORDER BY l.code LIMIT 1"), {"a": aanbieder}).scalar_one()


def test_valid_file_is_written_whole(fresh_demo):
    code = _code(fresh_demo, "alfa")
    csv = KOP + (f"{code};2025-03-01 21:15;omwonende;Geluid;Harde muziek;2025-03-02 10:00;afgehandeld;ja\n"
                 f"{code};02-03-2025;Politie;drugs/alcohol;Gebruik bij de ingang;;;\n")
    voor = _count(fresh_demo)
    with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
        plan = mi.plan_import(conn, mi.lees_bestand(csv.encode(), "m.csv"))
        assert plan.geldig, plan.problemen
        assert mi.importeer(conn, plan) == mi.Ingelezen(nieuw=2, overgeslagen=0)
    assert _count(fresh_demo) == voor + 2


def test_every_bad_row_is_reported_and_nothing_written(fresh_demo):
    eigen, ander = _code(fresh_demo, "alfa"), _code(fresh_demo, "bravo")
    morgen = (nu() + timedelta(days=1)).strftime("%Y-%m-%d")
    csv = KOP + "\n".join([
        f"{eigen};2025-03-01;omwonende;geluid;Goed;2025-03-02;afgehandeld;ja",  # row 2 fine
        f"{eigen};{morgen};omwonende;geluid;Toekomst;;;",  # 3 future
        f"{eigen};2025-03-05;omwonende;geluid;Te vroeg af;2025-03-01;afgehandeld;",  # 4 handled before received
        "ONBEKEND-9;2025-03-01;omwonende;geluid;Onbekend;;;",  # 5 unknown location
        f"{ander};2025-03-01;omwonende;geluid;Van een ander;;;",  # 6 other provider's location
        f"{eigen};2025-03-01;omwonende;inbraak;Categorie;;;",  # 7 unknown category
        f"{eigen};gisteren;buurman;geluid;=HYPERLINK(\"x\");;;",  # 8 bad date, bad source
        f"{eigen};2025-03-01;omwonende;geluid;Tevreden zonder afhandeling;;;ja",  # 9
    ]) + "\n"
    voor = _count(fresh_demo)
    with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
        plan = mi.plan_import(conn, mi.lees_bestand(csv.encode(), "m.csv"))
    rijen = {p.rij for p in plan.problemen}
    assert rijen == {3, 4, 5, 6, 7, 8, 9}
    teksten = " | ".join(str(p) for p in plan.problemen)
    assert "toekomst" in teksten and "vóór de melding" in teksten and "onbekende locatie" in teksten
    assert "onbekende categorie" in teksten and "onbekende bron" in teksten and "geen datum" in teksten
    assert not plan.geldig
    with pytest.raises(ValueError):
        with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
            mi.importeer(conn, plan)
    assert _count(fresh_demo) == voor


def test_file_with_personal_data_of_reporters_is_refused():
    frame = mi.lees_bestand((KOP.strip() + ";email_melder\nHKD-001;2025-03-01;omwonende;geluid;x;;;;a@b.nl\n"
                             ).encode(), "m.csv")
    plan = mi.valideer(frame, {"HKD-001": 1})
    assert not plan.geldig and "persoonsgegevens" in plan.problemen[0].reden and plan.problemen[0].rij == 0


def test_excel_file_is_read():
    import io

    import pandas as pd
    buf = io.BytesIO()
    pd.DataFrame([{"Locatie": "HKD-001", "Ontvangen_op": "2025-01-02 10:00", "Bron": "politie",
                   "Categorie": "agressie", "Omschrijving": "Ruzie op straat"}]).to_excel(buf, index=False)
    plan = mi.valideer(mi.lees_bestand(buf.getvalue(), "m.xlsx"), {"HKD-001": 1})
    assert plan.geldig and plan.regels[0]["categorie"] == "agressie"


# --- Signalen ----------------------------------------------------------------------------------------------------

_TO_WGS = Transformer.from_crs(28992, 4326, always_xy=True)


def _signal(i: int, lon: float, lat: float, state: str = "m", sub: str = "geluidsoverlast-muziek",
            main: str = "overlast-bedrijven-en-horeca", dagen: int = 10) -> dict:
    created = (nu() - timedelta(days=dagen)).isoformat()
    status_at = (nu() - timedelta(days=dagen - 2)).isoformat()
    return {
        "_links": {"self": {"href": f"http://x/signals/v1/private/signals/{i}"}}, "id": i, "id_display": f"SIG-{i}",
        "source": "online", "text": "Mijn buurman Piet de Vries, 06-12345678, maakt herrie",
        "status": {"state": state, "state_display": "x", "created_at": status_at},
        "location": {"geometrie": {"type": "Point", "coordinates": [lon, lat]}, "address_text": "Straat 1"},
        "category": {"main": "Overlast", "main_slug": main, "sub": "Geluid", "sub_slug": sub},
        "reporter": {"email": "piet@example.org", "phone": "0612345678", "sharing_allowed": True},
        "created_at": created, "updated_at": created,
    }


class _Signalen(StubHandler):
    pages: list[dict] = []
    seen_auth: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.seen_auth.append(self.headers.get("Authorization", ""))
        nr = int(self.path.split("page=")[1]) if "page=" in self.path else 0
        self.antwoord(self.pages[nr])


@pytest.fixture
def signalen_server():
    with serveer(_Signalen) as base:
        yield base


def test_signalen_import_links_maps_and_drops_reporter_data(fresh_demo, signalen_server):
    with fresh_demo.connect() as conn:
        x, y, loc_id = conn.execute(text("SELECT ST_X(geom), ST_Y(geom), id FROM hkd.locaties ORDER BY code LIMIT 1")
                                    ).one()
    lon, lat = _TO_WGS.transform(x + 20, y + 20)
    ver_lon, ver_lat = _TO_WGS.transform(x + 20, y + 20_000)
    base = signalen_server
    _Signalen.pages = [
        {"_links": {"next": {"href": f"{base}/signals/v1/private/signals/?page=1"}}, "count": 4,
         "results": [_signal(1, lon, lat, state="o"), _signal(2, lon, lat, sub="drank-en-drugsoverlast",
                                                               main="overlast-van-en-door-personen-of-groepen")]},
        {"_links": {"next": {"href": None}}, "count": 4,
         "results": [_signal(3, ver_lon, ver_lat), _signal(4, lon, lat, state="a"), {"id": "kapot"}]},
    ]
    _Signalen.seen_auth = []
    with as_layer(fresh_demo, "hkd", "signalen") as conn:
        r = signalen_import.importeer(conn, base, "geheim")
    assert (r.gelezen, r.nieuw, r.niet_bij_locatie, r.overgeslagen) == (5, 2, 1, 2)
    # the broken one is reported (where and why, no values); the cancelled one is only counted
    assert r.problemen == ("Signalen, signaal zonder geldig id: id: geen nummer; niet ingelezen",)
    assert _Signalen.seen_auth == ["Bearer geheim", "Bearer geheim"]
    with fresh_demo.connect() as conn:
        rows = conn.execute(text("SELECT extern_id, locatie_id, categorie, afhandeling, omschrijving, "
                                 "to_jsonb(m)::text AS alles FROM hkd.meldingen m WHERE systeem = 'signalen' "
                                 "ORDER BY extern_id")).all()
    assert [(r.extern_id, r.locatie_id, r.categorie, r.afhandeling) for r in rows] == [
        ("SIG-1", loc_id, "geluid", "afgehandeld"), ("SIG-2", loc_id, "drugs_alcohol", None)]
    for row in rows:  # no reporter data and no free text of the reporter
        assert "Piet" not in row.alles and "0612345678" not in row.alles and "example.org" not in row.alles
    # a second run refreshes the handling and duplicates nothing
    _Signalen.pages[0]["results"][1] = _signal(2, lon, lat, state="o")
    with as_layer(fresh_demo, "hkd", "signalen") as conn:
        r2 = signalen_import.importeer(conn, base)
    assert (r2.nieuw, r2.bijgewerkt) == (0, 1)


@pytest.mark.parametrize("kapot, reden", [
    ({"location": None}, "location: geen punt"),
    ({"location": {"geometrie": {"coordinates": [float("nan"), 51.9]}}}, "location: geen punt"),
    ({"location": {"geometrie": {"coordinates": [999, 51.9]}}}, "location: geen punt"),
    ({"created_at": "2025-03-01T10:00:00"}, "created_at: geen tijdstip met tijdzone"),
    ({"created_at": "gisteren"}, "created_at: geen tijdstip met tijdzone"),
    ({"status": {"state": "o", "created_at": None}}, "status.created_at: geen tijdstip"),
    ({"id": True}, "id: geen nummer"),
    ({"id": -3}, "id: geen nummer"),
])
def test_a_broken_signal_is_reported_with_its_id_and_reason_and_no_values(kapot, reden):
    signaal = _signal(77, 4.48, 51.92) | kapot
    with_id = isinstance(signaal["id"], int) and not isinstance(signaal["id"], bool) and signaal["id"] > 0
    uitkomst = lees_signaal(signaal)
    assert isinstance(uitkomst, str) and uitkomst.startswith(reden), uitkomst
    assert signalen_import._waar(signaal) == ("Signalen, signaal 77" if with_id else "Signalen, signaal zonder geldig id")
    assert "Piet" not in uitkomst and "06" not in uitkomst and "2025" not in uitkomst


def test_signalen_unreachable_or_garbage_or_other_host(signalen_server):
    with pytest.raises(SignalenUnavailable):
        list(signalen_paginas("http://127.0.0.1:9", timeout=2))
    with pytest.raises(SignalenUnavailable):
        list(signalen_paginas(""))
    _Signalen.pages = [{"results": "geen lijst"}]
    with pytest.raises(SignalenUnavailable):
        list(signalen_paginas(signalen_server))
    _Signalen.pages = [{"_links": {"next": {"href": "http://elders.example/signals/"}}, "results": []}]
    with pytest.raises(SignalenUnavailable, match="andere server"):
        list(signalen_paginas(signalen_server))


@pytest.mark.parametrize("kapot", [
    {}, {"id": 1}, {"id": 1, "created_at": "gisteren", "location": {"geometrie": {"coordinates": [4, 52]}}},
    {"id": 1, "created_at": "2025-01-01T10:00:00", "location": {"geometrie": {"coordinates": [4, 52]}}},
    {"id": 1, "created_at": "2025-01-01T10:00:00+01:00", "location": {"geometrie": {"coordinates": ["x", 52]}}},
])
def test_map_signal_refuses_broken_signals(kapot):
    assert map_signal(kapot) is None


# --- Re-imports are no-ops; overlap adds only what is new -------------------------------------------------------

def _xlsx_van(csv_tekst: str) -> bytes:
    import io

    import openpyxl
    wb = openpyxl.Workbook()
    for regel in csv_tekst.splitlines():
        wb.active.append(regel.split(";"))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("vorm", ["csv", "bom", "xlsx"])
def test_loading_the_same_file_twice_adds_nothing(fresh_demo, vorm):
    code = _code(fresh_demo, "alfa")
    tekst = KOP + (f"{code};01-03-2025 21:15;omwonende;geluid;Harde muziek;;;\n"
                   f"{code};02-03-2025;politie;agressie;Ruzie bij de ingang;03-03-2025;afgehandeld;nee\n")
    data = {"csv": tekst.encode(), "bom": b"\xef\xbb\xbf" + tekst.encode(), "xlsx": _xlsx_van(tekst)}[vorm]
    naam = f"m.{'xlsx' if vorm == 'xlsx' else 'csv'}"
    voor = _count(fresh_demo)
    uitkomsten = []
    for _ in range(2):
        with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
            uitkomsten.append(mi.importeer(conn, mi.plan_import(conn, mi.lees_bestand(data, naam))))
    assert uitkomsten == [mi.Ingelezen(2, 0), mi.Ingelezen(0, 2)]
    assert _count(fresh_demo) == voor + 2
    with fresh_demo.connect() as conn:  # one audit entry per load, written under the provider's layer
        ladingen = conn.execute(text("SELECT gebruiker, gegevens FROM hkd.audit_log WHERE tabel = 'meldingen' "
                                     "AND actie = 'LOAD' ORDER BY id")).all()
    assert [(g, d["bestand"], d["nieuw"], d["overgeslagen"]) for g, d in ladingen] == [
        ("alfa-user", naam, 2, 0), ("alfa-user", naam, 0, 2)]


def test_an_overlapping_file_adds_only_what_is_new_and_says_what_it_skipped(fresh_demo, monkeypatch, capsys,
                                                                             tmp_path):
    from ops.cli import main

    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    code = _code(fresh_demo, "alfa")
    een, twee, drie = (f"{code};0{d}-03-2025 10:00;omwonende;geluid;Melding {d};;;\n" for d in (1, 2, 3))
    eerste, tweede = tmp_path / "jan.csv", tmp_path / "feb.csv"
    eerste.write_text(KOP + een + twee, encoding="utf-8")
    tweede.write_text(KOP + twee + drie, encoding="utf-8")
    voor = _count(fresh_demo)
    assert main(["meldingen", "import", str(eerste)]) == 0
    assert "2 meldingen ingelezen" in capsys.readouterr().out
    assert main(["meldingen", "import", str(tweede)]) == 0
    assert "1 meldingen ingelezen uit" in (uit := capsys.readouterr().out) and "1 overgeslagen" in uit
    assert _count(fresh_demo) == voor + 3
    dubbel = tmp_path / "dubbel.csv"
    dubbel.write_text(KOP + drie + drie, encoding="utf-8")  # the same row twice: reported, loaded (here: skipped) once
    assert main(["meldingen", "import", str(dubbel)]) == 0
    uit = capsys.readouterr().out
    assert "1 dubbele regel in het bestand één keer geladen: rij 3 (gelijk aan rij 2)" in uit
    assert "0 meldingen ingelezen" in uit and "1 overgeslagen" in uit
    anders = tmp_path / "anders.csv"  # the same melding with another handling: which one is meant?
    anders.write_text(KOP + drie + drie.replace(";;;", ";04-03-2025 09:00;afgehandeld;"), encoding="utf-8")
    assert main(["meldingen", "import", str(anders)]) == 2
    err = capsys.readouterr().err
    assert "anders.csv, rij 3: dezelfde" in err and "dubbele regel in het bestand" in err
    assert _count(fresh_demo) == voor + 3


def test_cli_refusal_names_the_file_on_every_problem(fresh_demo, monkeypatch, capsys, tmp_path):
    from ops.cli import main

    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    kapot = tmp_path / "kapot.csv"
    kapot.write_text(KOP + "ONBEKEND;gisteren;buurman;geluid;Bel 06-12345678;;;\n", encoding="utf-8")
    assert main(["meldingen", "import", str(kapot)]) == 2
    regels = [r for r in capsys.readouterr().err.splitlines() if r.startswith("  - ")]
    assert len(regels) >= 3 and all(r.startswith("  - kapot.csv, rij 2") for r in regels), regels
    assert "0612345678" not in " ".join(regels).replace("-", "")  # the phone number is named, not repeated


def test_a_database_that_is_gone_ends_in_dutch_without_a_traceback_or_values(monkeypatch, capsys, tmp_path):
    from ops.cli import main

    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://hkd:geheim@127.0.0.1:9/hkd")
    bestand = tmp_path / "m.csv"
    bestand.write_text(KOP + "HKD-001;01-03-2025;omwonende;geluid;Geheime waarde;;;\n", encoding="utf-8")
    assert main(["meldingen", "import", str(bestand)]) == 2
    err = capsys.readouterr().err
    assert "verbinding met de database is weggevallen" in err and "m.csv" in err
    assert "Traceback" not in err and "Geheime waarde" not in err and "geheim" not in err


def test_a_connection_lost_mid_load_writes_nothing_and_is_a_dutch_refusal(fresh_demo):
    from data.importeur import weigering

    code = _code(fresh_demo, "alfa")
    tekst = KOP + "".join(f"{code};01-03-2025 10:{i:02d};omwonende;geluid;Rij {i};;;\n" for i in range(50))
    voor = _count(fresh_demo)
    with pytest.raises(Exception) as exc:
        with as_layer(fresh_demo, "hkd", "beheer") as conn:
            plan = mi.plan_import(conn, mi.lees_bestand(tekst.encode(), "groot.csv"))
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
            with fresh_demo.connect() as ander:
                ander.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            mi.importeer(conn, plan)
    fout = weigering(exc.value, "groot.csv")
    assert [str(p) for p in fout.problems] == [
        "groot.csv: de verbinding met de database is weggevallen tijdens het laden; er is niets opgeslagen. Probeer "
        "het opnieuw als de database weer bereikbaar is"]
    assert _count(fresh_demo) == voor


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                    lambda kind: st.lists(kind, max_size=3) | st.dictionaries(st.text(max_size=8), kind, max_size=3),
                    max_leaves=12)
VELD = st.sampled_from(["id", "created_at", "status", "location", "category", "source"])


@settings(max_examples=300, deadline=None)
@given(wijziging=st.dictionaries(VELD, JSON, max_size=4))
def test_any_signal_is_a_melding_or_a_dutch_reason_without_its_values(wijziging):
    """The Signalen mapping's property: whatever a field holds, the signal becomes a melding of the register's own
    vocabulary, or a reason that names the field and quotes none of the values."""
    signaal = _signal(12, 4.48, 51.92) | wijziging
    uitkomst = lees_signaal(signaal)
    if isinstance(uitkomst, str):
        assert uitkomst.split(":")[0] in {"id", "location", "created_at", "status.created_at", "geannuleerd in "
                                          "Signalen"} or uitkomst == "geannuleerd in Signalen", uitkomst
        for waarde in wijziging.values():
            assert not (isinstance(waarde, str) and len(waarde) > 3 and waarde in uitkomst)
    else:
        assert uitkomst.extern_id.startswith("SIG-") and uitkomst.omschrijving.startswith("Signalen: ")
        assert uitkomst.ontvangen_op.tzinfo is not None and -180 <= uitkomst.lon <= 180
