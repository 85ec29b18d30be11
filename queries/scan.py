"""The draagkrachtscan: ring counts (PostGIS ST_DWithin on RD New), the wijk's figures and notes, logged views."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
from sqlalchemy import Connection

from core.kalender import vandaag
from geo.draagkracht import BronReeks, IndicatorStand, Kandidaat, NabijeLocatie, Notitie, ScanResultaat
from geo.rings import met_kandidaat
from geo.scan_norms import ScanConfig
from queries.publiek import demo_geladen
from queries.sqlfiles import sql

WIJKPROFIEL = ("wijkprofiel_veiligheid", "wijkprofiel_sociaal", "wijkprofiel_fysiek")
VEERKRACHT = ("kwetsbare_groepen", "overlast_onveiligheid")
CLUSTERS = {"MO": "Maatschappelijke Ontwikkeling", "SO": "Stadsontwikkeling", "DV": "Dienstverlening"}


def woonvormen(conn: Connection) -> dict[str, str]:
    """``{code: naam}`` of the woonvormen, in their order."""
    return dict(conn.execute(sql("scan", "woonvormen")).all())


def locaties_adres(conn: Connection, datum: date | None = None) -> pd.DataFrame:
    """All locations at address level with fase and point."""
    return pd.read_sql(sql("scan", "locaties_adres"), conn, params={"datum": datum or vandaag()})


def locaties_omgeving(conn: Connection, x: float, y: float, straal: float, datum: date | None = None) -> pd.DataFrame:
    """The locations within ``straal`` metres of ``(x, y)`` (RD New) with fase and point, for the scan map."""
    return pd.read_sql(sql("scan", "locaties_omgeving"), conn,
                       params={"x": x, "y": y, "straal": straal, "datum": datum or vandaag()})


def buurten_omgeving(conn: Connection, x: float, y: float, straal: float) -> pd.DataFrame:
    """Simplified outlines (GeoJSON text, WGS84) of the buurten within ``straal`` metres of ``(x, y)`` (RD New)."""
    return pd.read_sql(sql("scan", "buurten_omgeving"), conn, params={"x": x, "y": y, "straal": straal})


def ring_tellingen(conn: Connection, x: float, y: float, ringen: tuple[int, ...]) -> list[tuple[int, int, int]]:
    """``(straal, voorzieningen, plaatsen)`` within each radius of ``(x, y)`` (RD New)."""
    rows = conn.execute(sql("scan", "ring_tellingen"), {"x": x, "y": y, "ringen": list(ringen)})
    return [(r.straal, r.voorzieningen, r.plaatsen) for r in rows]


def _standen(conn: Connection, niveau: str, code: str | None, indicatoren: tuple[str, ...]) -> dict:
    if not code:
        return {}
    frame = pd.read_sql(sql("scan", "indicator_reeks"), conn,
                        params={"niveau": niveau, "code": code, "indicatoren": list(indicatoren)})
    out = {}
    for ind, reeks in frame.groupby("indicator"):
        reeks = reeks.sort_values("jaar")
        first, last = reeks.iloc[0], reeks.iloc[-1]
        out[ind] = IndicatorStand(ind, int(last.jaar), float(last.waarde), int(first.jaar), float(first.waarde))
    return out


def veerkracht_klassen(conn: Connection) -> dict[str, tuple[str, str]]:
    """``{buurt_code: (klasse, tekst)}``: the Veerkracht class of every buurt over the whole series (first to last
    year), empty when the classifier or the data is missing. It compares all buurten, so callers cache it."""
    try:
        from geo.veerkracht import KLASSE_BY_CODE, classificeer, periode_waarden
    except ImportError:
        return {}
    frame = pd.read_sql(sql("scan", "veerkracht_reeksen"), conn)
    if frame.empty:
        return {}
    van, tot = int(frame["jaar"].min()), int(frame["jaar"].max())
    if van >= tot:
        return {}
    per = {ind: periode_waarden(f, van, tot) for ind, f in frame.groupby("indicator")}
    if set(per) != set(VEERKRACHT):
        return {}
    klassen = classificeer(per["kwetsbare_groepen"], per["overlast_onveiligheid"])
    out = {}
    for buurt_code, klasse in klassen["klasse"].items():
        k = KLASSE_BY_CODE[klasse]
        out[buurt_code] = (k.code, f"{k.label}: {k.naam} ({van}-{tot})")
    return out


def gegevens_versie(conn: Connection) -> int:
    """The id of the latest audited write: it changes whenever the data a scan reads may have changed (locations,
    fase decisions, beheer-status, a load of areas or indicators). HKD only (the audit log is HKD's)."""
    return int(conn.execute(sql("scan", "gegevens_versie")).scalar_one())


def notities(conn: Connection, buurt_code: str) -> list[Notitie]:
    """The notes about a wijk, newest first."""
    return [Notitie(r.cluster, r.tekst, r.auteur, r.geschreven_op)
            for r in conn.execute(sql("scan", "wijk_notities"), {"buurt": buurt_code})]


def notitie_toevoegen(conn: Connection, buurt_code: str, cluster: str, tekst: str) -> int:
    """Append a note (author and time are set by the database); returns its id."""
    if cluster not in CLUSTERS:
        raise ValueError(f"onbekend cluster {cluster!r}")
    if not tekst.strip():
        raise ValueError("een notitie heeft tekst nodig")
    return conn.execute(sql("scan", "notitie_toevoegen"),
                        {"buurt": buurt_code, "cluster": cluster, "tekst": tekst.strip()}).one().id


def bronnen(conn: Connection, buurt_code: str | None, wijkprofiel_code: str | None) -> tuple[BronReeks, ...]:
    """The source of every indicator series the scan reads (the buurt's population and Veerkracht series, the
    Wijkprofiel indices of its wijk), with their first and last year."""
    return tuple(BronReeks(r.indicator, r.bron or "", r.van, r.tot) for r in conn.execute(
        sql("scan", "scan_bronnen"), {"buurt": buurt_code, "wijkprofiel": wijkprofiel_code,
                                      "buurt_indicatoren": ["inwoners", *VEERKRACHT],
                                      "wijkprofiel_indicatoren": list(WIJKPROFIEL)}))


def scan(conn: Connection, kandidaat: Kandidaat, config: ScanConfig, datum: date | None = None,
         klassen: dict[str, tuple[str, str]] | None = None) -> ScanResultaat:
    """Run the whole scan for a candidate (the page logs the view once, see ``dashboard.inzage``).

    ``klassen`` is :func:`veerkracht_klassen` when the caller has it cached; computed here otherwise."""
    datum = datum or vandaag()
    p = {"x": kandidaat.x, "y": kandidaat.y}
    gebied = conn.execute(sql("scan", "kandidaat_gebieden"), p).one()
    if not gebied.in_gemeente:
        raise ValueError("de kandidaatlocatie ligt buiten de gemeente")
    ringen = met_kandidaat(ring_tellingen(conn, kandidaat.x, kandidaat.y, config.ringen), kandidaat.plaatsen)
    buurt = conn.execute(sql("scan", "buurt_plaatsen"), {"buurt": gebied.buurt_code}).one()
    nabij = [NabijeLocatie(r.code, r.naam, r.aanbieder, r.woonvorm, r.plaatsen, r.fase, float(r.afstand_m),
                           float(r.x), float(r.y))
             for r in conn.execute(sql("scan", "nabije_locaties"), {**p, "straal": max(config.ringen), "datum": datum})]
    indices = {**_standen(conn, "wijkprofiel", gebied.wijkprofiel_code, WIJKPROFIEL),
               **_standen(conn, "buurt", gebied.buurt_code, VEERKRACHT)}
    omgeving = [json.loads(r.geometry) for r in
                conn.execute(sql("scan", "omgeving"), {**p, "half": max(config.ringen) * 1.25})]
    lijnen = []
    for geom in omgeving:
        if geom["type"] == "LineString":
            lijnen.append([tuple(c) for c in geom["coordinates"]])
        elif geom["type"] == "MultiLineString":
            lijnen.extend([tuple(c) for c in part] for part in geom["coordinates"])
    return ScanResultaat(
        kandidaat=kandidaat, config=config, buurt_code=gebied.buurt_code, buurt=gebied.buurt,
        wijkprofiel=gebied.wijkprofiel, pc4=gebied.pc4, ringen=ringen, buurt_voorzieningen=buurt.voorzieningen,
        buurt_plaatsen=buurt.plaatsen, inwoners=None if buurt.inwoners is None else float(buurt.inwoners),
        inwoners_jaar=buurt.inwoners_jaar, nabij=nabij, indices=indices,
        veerkracht_klasse=(veerkracht_klassen(conn) if klassen is None else klassen).get(gebied.buurt_code)
        if gebied.buurt_code else None,
        notities=notities(conn, gebied.buurt_code) if gebied.buurt_code else [], omgeving=lijnen,
        bronnen=bronnen(conn, gebied.buurt_code, gebied.wijkprofiel_code), demo=demo_geladen(conn),
    )
