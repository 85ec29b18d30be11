"""The Meldingen page in the real app (AppTest on the demo): HKD sees all and the agenda signals, a provider its
own; a location's meldingen are logged once per view; a melding recorded through the form lands in the register."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from dashboard.toegang.auth import SESSION_KEY, User

HKD = User("beleid", "hkd")
ALFA = User("alfa", "aanbieder", "alfa")


@pytest.fixture
def app_fresh(app_rw, fresh_demo):
    """The Meldingen page on a private demo copy: ``open_page(user)`` and the engine."""
    return (lambda user: app_rw("meldingen", user)), fresh_demo


def _codes(engine, aanbieder: str) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(text(
            "SELECT l.code FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = :a"),
            {"a": aanbieder}).scalars())


def _log(engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text(
            "SELECT omschrijving FROM hkd.inzage_log WHERE onderdeel = 'meldingen' ORDER BY id")).scalars())


def test_hkd_sees_all_locations_signals_and_logs_a_view_once(app_fresh):
    open_page, engine = app_fresh
    at = open_page(HKD)
    tabel = at.dataframe[0].value
    assert len(tabel) == 78
    assert any("Signalen voor de agenda" in s.value for s in at.subheader)
    signalen = [t.value for t in at.table if "Reden" in t.value.columns][0]
    assert signalen["Reden"].str.contains("meldingen in 3 maanden").all() and len(signalen) >= 1
    # the meldkaart draws every location at its address: one entry for the view, not one per rerun
    assert _log(engine) == ["meldkaart met 78 locaties op adresniveau"]
    kies = at.selectbox(key="meldingen_locatie")
    kies.set_value(kies.options[0]).run()
    at.run()
    at.run()
    assert len(_log(engine)) == 2


def test_provider_sees_only_its_own_and_records_a_melding(app_fresh):
    open_page, engine = app_fresh
    at = open_page(ALFA)
    eigen = _codes(engine, "alfa")
    assert set(at.dataframe[0].value["Code"]) == eigen
    assert not any("Signalen voor de agenda" in s.value for s in at.subheader)
    with engine.connect() as conn:
        voor = conn.execute(text("SELECT count(*) FROM hkd.meldingen")).scalar()
    form_locatie = [s for s in at.selectbox if s.label == "Locatie"][0]
    assert {o.split()[0] for o in form_locatie.options} == eigen
    form_locatie.set_value(form_locatie.options[0])
    [t for t in at.text_input if t.label == "Korte omschrijving"][0].set_value("Harde muziek <script>")
    [b for b in at.button if b.label == "Melding vastleggen"][0].click().run()
    assert not at.exception, at.exception
    with engine.connect() as conn:
        na = conn.execute(text("SELECT count(*) FROM hkd.meldingen")).scalar()
        door, leeftijd = conn.execute(text("SELECT vastgelegd_door, extract(epoch FROM now() - ontvangen_op) "
                                           "FROM hkd.meldingen ORDER BY id DESC LIMIT 1")).one()
    assert na == voor + 1 and door == "alfa"
    assert 0 <= leeftijd < 600  # received "now" by default (Rotterdam's time), at any hour of the day
    assert any("Melding vastgelegd" in s.value for s in at.success)


def test_a_melding_with_a_phone_number_is_refused_in_dutch_and_not_recorded(app_fresh):
    open_page, engine = app_fresh
    at = open_page(ALFA)
    with engine.connect() as conn:
        voor = conn.execute(text("SELECT count(*) FROM hkd.meldingen")).scalar()
    form_locatie = [s for s in at.selectbox if s.label == "Locatie"][0]
    form_locatie.set_value(form_locatie.options[0])
    [t for t in at.text_input if t.label == "Korte omschrijving"][0].set_value("Melder belt terug op 06-12345678")
    [b for b in at.button if b.label == "Melding vastleggen"][0].click().run()
    assert not at.exception, at.exception
    # the page escapes Markdown: read the message as the user sees it
    assert any("Niet vastgelegd: De omschrijving bevat persoonsgegevens (een telefoonnummer)"
               in e.value.replace("\\", "") for e in at.error), [e.value for e in at.error]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM hkd.meldingen")).scalar() == voor


def test_hkd_records_a_verbeteractie_with_a_deadline(app_fresh):
    open_page, engine = app_fresh
    at = open_page(HKD)
    at.selectbox(key="verbeter_locatie").set_value(at.selectbox(key="verbeter_locatie").options[0])
    at.text_input(key="verbeter_actie").set_value("Huisregels herzien =SOM(A1)")
    [b for b in at.button if b.label == "Verbeteractie vastleggen"][0].click().run()
    assert not at.exception, at.exception
    with engine.connect() as conn:
        rij = conn.execute(text("SELECT actie, status, vastgelegd_door FROM hkd.verbeteracties ORDER BY id DESC "
                                "LIMIT 1")).one()
    assert tuple(rij) == ("Huisregels herzien =SOM(A1)", "open", "beleid")
    assert any("Verbeteractie vastgelegd" in s.value for s in at.success)


def test_extra_inzet_recorded_by_hkd_shows_at_the_location_for_hkd_and_its_provider_only(app_fresh):
    open_page, engine = app_fresh
    eigen = sorted(_codes(engine, "alfa"))[0]
    at = open_page(HKD)
    plek = next(o for o in at.selectbox(key="inzet_loc").options if o.startswith(eigen + " "))
    at.selectbox(key="inzet_loc").set_value(plek)
    at.text_input(key="inzet_toelichting").set_value("Avondsurveillance =1+1")
    [b for b in at.button if b.label == "Extra inzet vastleggen"][0].click().run()
    assert not at.exception and any("Extra inzet vastgelegd" in s.value for s in at.success)

    def inzet_bij(at, code):
        kies = at.selectbox(key="meldingen_locatie")
        kies.set_value(next(o for o in kies.options if o.startswith(code + " "))).run()
        assert not at.exception, at.exception
        return [d.value for d in at.dataframe if "Maatregel" in d.value.columns]

    tabel = inzet_bij(at, eigen)[0]
    assert list(tabel["Tot"]) == ["loopt"] and list(tabel["Stand"]) == ["lopend"]
    assert tabel.iloc[0]["Toelichting"] == "Avondsurveillance =1+1"
    assert inzet_bij(open_page(ALFA), eigen)[0].equals(tabel)  # the provider sees it at its own location
    ander = sorted(_codes(engine, "bravo"))[0]
    assert inzet_bij(open_page(HKD), ander) == []  # no extra inzet there: no table


def test_escalatieladder_counts_progress_against_the_plan(app):
    at = app("escalatieladder", **{SESSION_KEY: HKD})
    assert not at.exception, at.exception
    assert any("Tegen de planning:" in m.value and "te laat" in m.value for m in at.markdown)


def test_the_upload_caption_names_the_columns_the_importer_reads(app):
    """The caption is read from the format the importer validates against (geo.formaten), so the two cannot drift."""
    from geo.formaten import MELDINGEN

    at = app("meldingen", ALFA)
    kop = next(c.value for c in at.caption if c.value.startswith("Verplicht:"))
    verplicht, optioneel = kop.split("Optioneel:", 1)
    assert all(f"`{n}`" in verplicht for n in MELDINGEN.verplichte_namen)
    assert all(f"`{n}`" in optioneel.split(".")[0] for n in MELDINGEN.optionele_namen)
    assert {"locatie", "omschrijving"} <= set(MELDINGEN.verplichte_namen) and "tevreden" in MELDINGEN.optionele_namen
