"""Recording a beheersafspraak (seed 001, issue 22) through the real pages on a writable clone of the demo: HKD from
the location detail on the Escalatieladder, a provider for its own locations on the Aanbiederskaart; the history
shows it at once, typed text literally; wrong input gets a Dutch reason and writes nothing."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import text

from core.kalender import vandaag
from dashboard.ladder.afspraken import fouten
from dashboard.toegang.auth import User
from reports.veilig import md_tekst

HKD = User(naam="t.tester", rol="hkd")
ALFA = User(naam="alfa-user", rol="aanbieder", aanbieder_code="alfa")
VIJANDIG = '<img src=x onerror=alert(1)> =HYPERLINK("http://x";"klik") [link](http://x) **vet**'


def _aantal(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM hkd.beheersafspraken")).scalar_one()


def _knop(at, label: str):
    return next(b for b in at.button if b.label == label)


def _detail(app_rw, code: str = "HKD-006"):
    at = app_rw("escalatieladder", hkd_user=HKD)
    keuze = next(o for o in at.selectbox(key="ladder_locatie").options if o.startswith(code))
    at.selectbox(key="ladder_locatie").set_value(keuze).run()
    assert not at.exception, at.exception
    return at


def test_hkd_records_an_agreement_from_the_location_detail_and_sees_it_in_the_history(app_rw, fresh_demo):
    at = _detail(app_rw)
    voor = _aantal(fresh_demo)
    at.selectbox(key="beheersafspraak_soort_HKD-006").set_value("gemeente")
    at.text_area(key="beheersafspraak_tekst_HKD-006").input(VIJANDIG)
    _knop(at, "Afspraak vastleggen").click().run()
    assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
    assert _aantal(fresh_demo) == voor + 1
    assert any(s.value.startswith("Vastgelegd: tussen zorgaanbieder en gemeente (contract), geldt vanaf "
                                  f"{vandaag():%d-%m-%Y}") for s in at.success)
    historie = next(t.value for t in at.table if "Wat is afgesproken" in t.value.columns)
    eerste = historie.iloc[0]
    assert eerste["Wat is afgesproken"] == md_tekst(VIJANDIG)  # shown literally: no image, link or bold
    assert re.search(r"(?<!\\)[<>\[\]*]", eerste["Wat is afgesproken"]) is None  # every markup character escaped
    assert eerste["Vastgelegd door"] == "t\\.tester" and eerste["Geldt vanaf"] == f"{vandaag():%d-%m-%Y}"
    assert "+00:00" not in eerste["Vastgelegd op"]
    with fresh_demo.connect() as conn:  # stored as typed, attributed by the database
        rij = conn.execute(text("SELECT soort, omschrijving, vastgelegd_door FROM hkd.beheersafspraken "
                                "ORDER BY id DESC LIMIT 1")).one()
    assert tuple(rij) == ("gemeente", VIJANDIG, "t.tester")
    # the checklist of the three kinds reads the new date at once
    assert f"Tussen zorgaanbieder en gemeente (contract): vastgelegd sinds {vandaag():%d-%m-%Y}" in " ".join(
        m.value for m in at.markdown)


def test_empty_text_or_personal_data_gets_a_dutch_reason_and_writes_nothing(app_rw, fresh_demo):
    at = _detail(app_rw)
    voor = _aantal(fresh_demo)
    _knop(at, "Afspraak vastleggen").click().run()
    assert [e.value for e in at.error] == ["Beschrijf kort wat er is afgesproken en waar het is vastgelegd (bijv. "
                                           "'huisregels bijgewerkt, ondertekend door alle bewoners')."]
    at.text_area(key="beheersafspraak_tekst_HKD-006").input("Afgesproken met mevrouw, bel 06-12345678")
    _knop(at, "Afspraak vastleggen").click().run()
    assert [e.value for e in at.error] == ["De omschrijving bevat persoonsgegevens (een telefoonnummer): leg geen namen, "
                                           "adressen, telefoonnummers, e-mailadressen of BSN vast."]
    assert _aantal(fresh_demo) == voor


def test_a_provider_records_the_client_kind_for_its_own_location(app_rw, fresh_demo):
    at = app_rw("aanbiederskaart", hkd_user=ALFA)
    assert not at.exception, at.exception
    locatie = at.selectbox(key="afspraak_locatie")
    code = locatie.value
    assert at.selectbox(key=f"beheersafspraak_soort_{code}").options == [
        "Tussen zorgaanbieder en cliënt (ondersteuningsplannen en huisregels)"]  # the contract is HKD's
    at.text_area(key=f"beheersafspraak_tekst_{code}").input("Huisregels bijgewerkt en met de bewoners besproken")
    _knop(at, "Afspraak vastleggen").click().run()
    assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
    historie = next(t.value for t in at.table if "Wat is afgesproken" in t.value.columns)
    assert historie.iloc[0]["Vastgelegd door"] == md_tekst("alfa-user") == "alfa-user"
    assert historie.iloc[0]["Wat is afgesproken"] == md_tekst("Huisregels bijgewerkt en met de bewoners besproken")


def test_the_form_s_rules_in_dutch():
    op = date(2027, 3, 1)
    assert fouten("client", date(2027, 3, 2), "huisregels", "hkd", op=op) == [
        "De datum 02-03-2027 ligt in de toekomst: leg een afspraak vast die al geldt."]
    assert fouten("gemeente", op, "contract", "aanbieder", op=op) == [
        "Tussen zorgaanbieder en gemeente (contract) legt u niet vast in deze laag."]
    assert fouten("client", op, "x" * 301, "hkd", op=op) == ["De omschrijving is 301 tekens; hoogstens 300."]
    assert fouten("gemeente", op, "contract verlengd tot 2028", "hkd", op=op) == []


def test_the_voor_en_nameting_shows_the_qualitative_side_the_wijk_notes(app_rw, fresh_demo):
    """Seed 001: voor- en nametingen of leefbaarheid, qualitative and quantitative. Beside the meldingen and
    indicators, the notes colleagues in the wijk wrote (MO, SO, DV) are listed before and after the reference date,
    typed text literally."""
    from queries import scan
    from queries.lagen import as_layer

    with as_layer(fresh_demo, "hkd", "wijkteam-zuid") as conn:
        buurt = conn.execute(text("SELECT buurt_code FROM hkd.locaties WHERE code = 'HKD-006'")).scalar_one()
        scan.notitie_toevoegen(conn, buurt, "MO", "Minder klachten sinds de huisregels; <b>zie</b> =verslag")
    at = _detail(app_rw)
    at.checkbox(key="voor_na_aan_ladder").check().run()
    assert not at.exception, at.exception
    kop = next(m.value for m in at.markdown if m.value.startswith("**Kwalitatief: notities over de wijk"))
    assert kop.endswith(" na " + at.date_input(key="voor_na_ref_ladder").value.strftime("%d-%m-%Y"))
    notities = next(t.value for t in at.table if "Notitie" in t.value.columns)
    laatste = notities.iloc[-1]
    assert laatste["Notitie"] == md_tekst("Minder klachten sinds de huisregels; <b>zie</b> =verslag")
    assert (laatste["Moment"], laatste["Cluster"], laatste["Geschreven"]) == ("na", "MO", f"{vandaag():%d-%m-%Y}")
