"""The meldingenregister: record, list, count near locations, and propose locations to the Sturingsoverleg agenda."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta

import pandas as pd
from sqlalchemy import Connection

from core.kalender import TZ, nu
from geo.agenda import AgendaVoorstel
from geo.meldingen import FASE_HEROVERWEGEN, MeldingNormen, maanden_terug, melding_signaal, signaal_reden
from queries.sqlfiles import sql


@dataclass(frozen=True)
class Melding:
    """One melding as recorded (no personal data of the reporter: there is no field for it)."""

    locatie_id: int
    ontvangen_op: datetime
    bron: str
    categorie: str
    omschrijving: str
    afgehandeld_op: datetime | None = None
    afhandeling: str | None = None
    melder_tevreden: bool | None = None


def normen(conn: Connection) -> MeldingNormen:
    """The monitoring norms stored in ``hkd.monitoring_normen``."""
    row = conn.execute(sql("meldingen", "normen")).mappings().one()
    waarden = {f.name: row[f.name] for f in fields(MeldingNormen)}
    waarden["ring_meters"] = tuple(int(r) for r in row["ring_meters"])
    return MeldingNormen(**waarden)


def registreer(conn: Connection, melding: Melding) -> int:
    """Record ``melding``; return its id (the database refuses other providers' locations and future dates)."""
    return conn.execute(sql("meldingen", "registreer"), melding.__dict__).scalar_one()


def registreer_nieuw(conn: Connection, meldingen: list[Melding]) -> int:
    """Record the meldingen the register does not have yet (same location, receipt, source, category and
    description); returns how many were new. One lock per transaction keeps two loads from racing."""
    conn.execute(sql("meldingen", "import_slot"))
    nieuw = 0
    for melding in meldingen:
        nieuw += conn.execute(sql("meldingen", "registreer_nieuw"), melding.__dict__).one_or_none() is not None
    return nieuw


def registreer_extern(conn: Connection, rijen: list[dict]) -> tuple[int, int]:
    """Record or refresh meldingen from another system (keys as in ``registreer_extern``); ``(new, updated)``."""
    nieuw = bijgewerkt = 0
    for rij in rijen:
        res = conn.execute(sql("meldingen", "registreer_extern"), rij).one_or_none()
        if res is None:
            continue  # known and unchanged
        if res.nieuw:
            nieuw += 1
        else:
            bijgewerkt += 1
    return nieuw, bijgewerkt


def afhandeling(conn: Connection, melding_id: int, afgehandeld_op: datetime, hoe: str,
                melder_tevreden: bool | None) -> bool:
    """Record the handling of a visible melding; False when the layer cannot see it."""
    res = conn.execute(sql("meldingen", "afhandeling"), {
        "id": melding_id, "afgehandeld_op": afgehandeld_op, "afhandeling": hoe, "melder_tevreden": melder_tevreden,
    }).one_or_none()
    return res is not None


def locaties_keuze(conn: Connection) -> pd.DataFrame:
    """``id, code, naam`` of the locations the layer may record meldingen for."""
    return pd.read_sql(sql("meldingen", "locaties_keuze"), conn)


def koppel_locatie(conn: Connection, x: float, y: float, max_m: int) -> int | None:
    """The nearest location within ``max_m`` metres of the RD point (``None`` when none)."""
    return conn.execute(sql("meldingen", "koppel_locatie"), {"x": x, "y": y, "max_m": max_m}).scalar_one_or_none()


def _grenzen(van: date, tot: date) -> tuple[datetime, datetime]:
    """Local-day bounds: from the start of ``van`` up to (not including) the day after ``tot``."""
    return (datetime.combine(van, time(), TZ), datetime.combine(tot + timedelta(days=1), time(), TZ))


def lijst(conn: Connection, van: date, tot: date, norm_dagen: int, locatie_id: int | None = None) -> pd.DataFrame:
    """Meldingen received from ``van`` through ``tot`` (local days), newest first, with handling time and norm."""
    begin, eind = _grenzen(van, tot)
    return pd.read_sql(sql("meldingen", "lijst"), conn, params={
        "van": begin, "tot": eind, "norm_dagen": norm_dagen, "locatie_id": locatie_id,
    })


def per_locatie(conn: Connection, van: date, tot: date, nrm: MeldingNormen) -> pd.DataFrame:
    """Per visible location: meldingen, not within the norm, open, and counts within each ring of ``nrm``."""
    begin, eind = _grenzen(van, tot)
    frame = pd.read_sql(sql("meldingen", "per_locatie"), conn, params={
        "van": begin, "tot": eind, "norm_dagen": nrm.afhandel_norm_dagen, "op": min(eind, nu()),
        "ringen": list(nrm.ring_meters),
    })
    for i, straal in enumerate(nrm.ring_meters):
        frame[f"ring_{straal}"] = frame["ringen"].map(lambda r, i=i: int(r[i]) if r is not None else 0)
    return frame.drop(columns=["ringen"])


def tijdlijn(conn: Connection, locatie_id: int, van: date, tot: date, norm_dagen: int) -> pd.DataFrame:
    """Meldingen per month of one location (``maand, aantal, buiten_norm``), months without any included as 0."""
    begin, eind = _grenzen(van, tot)
    frame = pd.read_sql(sql("meldingen", "tijdlijn"), conn, params={
        "locatie_id": locatie_id, "van": begin, "tot": eind, "norm_dagen": norm_dagen,
        "op": min(eind, nu()),
    })
    maanden = pd.date_range(pd.Timestamp(van).replace(day=1), pd.Timestamp(tot), freq="MS").date
    alle = pd.DataFrame({"maand": list(maanden)})
    frame["maand"] = pd.to_datetime(frame["maand"]).dt.date
    return alle.merge(frame, on="maand", how="left").fillna(0).astype({"aantal": int, "buiten_norm": int})


def agenda_voorstellen(conn: Connection, datum: date) -> list[AgendaVoorstel]:
    """Locations whose meldingen over the last period pass a threshold, as agenda proposals (bron "meldingen").

    The period is the ``signaal_periode_maanden`` up to and including ``datum``; the proposal is a fase review,
    the decision stays with the meeting.
    """
    nrm = normen(conn)
    begin, eind = _grenzen(maanden_terug(datum, nrm.signaal_periode_maanden) + timedelta(days=1), datum)
    rows = conn.execute(sql("meldingen", "signaal_tellingen"), {
        "van": begin, "tot": eind, "norm_dagen": nrm.afhandel_norm_dagen, "op": min(eind, nu())}).all()
    voorstellen = []
    for row in rows:
        signaal = melding_signaal(int(row.aantal), int(row.buiten_norm), nrm)
        if signaal is None:
            continue
        voorstellen.append(AgendaVoorstel(
            bron="meldingen", sleutel=f"locatie:{int(row.id)}", titel=f"{row.code} {row.naam}",
            redenen=(signaal_reden(signaal), FASE_HEROVERWEGEN),
            gewicht=int(row.aantal) + 2 * int(row.buiten_norm), locatie_id=int(row.id),
        ))
    return sorted(voorstellen, key=lambda v: (-v.gewicht, v.titel))


def voor_na_notities(conn: Connection, locatie_id: int, referentie: date, jaren: int = 4) -> pd.DataFrame:
    """The notes about a location's wijk (``cluster, tekst, auteur, geschreven_op``) written ``jaren`` years either
    side of ``referentie``: the qualitative side of a voor- en nameting."""
    return pd.read_sql(sql("meldingen", "voor_na_notities"), conn,
                       params={"locatie_id": locatie_id, "referentie": referentie, "jaren": jaren})


def voor_na_indicatoren(conn: Connection, locatie_id: int, referentie: date, jaren: int = 4) -> pd.DataFrame:
    """Buurt and Wijkprofiel indicators of a location for ``jaren`` years either side of ``referentie``."""
    return pd.read_sql(sql("meldingen", "voor_na_indicatoren"), conn, params={
        "locatie_id": locatie_id, "van_jaar": referentie.year - jaren, "tot_jaar": referentie.year + jaren,
    })


def voor_na_meldingen(conn: Connection, locatie_id: int, referentie: date, ringen: tuple[int, ...],
                      maanden: int = 6, aantal: int = 4) -> pd.DataFrame:
    """Meldingen within each ring per period of ``maanden`` months, ``aantal`` periods before and after the date.

    ``periode`` -1 is the last period before ``referentie``, 0 the first after; ``per_km2`` is the count over the
    ring's area. Periods that have not ended yet are included (partly observed)."""
    return pd.read_sql(sql("meldingen", "voor_na_meldingen"), conn, params={
        "locatie_id": locatie_id, "ref": datetime.combine(referentie, time(), TZ), "maanden": maanden,
        "aantal": aantal, "ringen": list(ringen),
    })
