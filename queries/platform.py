"""Platform HKD: aanbod per woonvorm over time against targets, corporations, uitstroom, spreiding, focus areas."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Connection

from geo.spreiding import concentratie, dun_uit, index_tov_stad, klasse_tov_stad, lorenz, per_1000
from queries import fasen
from queries.importeren import tel_upserts
from queries.sqlfiles import sql


def aanbod_per_jaar(conn: Connection, van: int, tot: int, peildatum: date) -> pd.DataFrame:
    """``jaar, op, woonvorm, woonvorm_naam, volgorde, voorzieningen, plaatsen, instroom`` for every year and
    woonvorm: the stand at the end of the year (at ``peildatum`` in its own year) from the in-use dates, and the
    places that came into use during the year. Row-level security of the caller applies."""
    return pd.read_sql(sql("platform", "aanbod_per_jaar"), conn,
                       params={"van": van, "tot": tot, "peildatum": peildatum})


def doelen(conn: Connection) -> pd.DataFrame:
    """``woonvorm, woonvorm_naam, jaar, soort, plaatsen, bron, vastgesteld_door, vastgesteld_op``."""
    return pd.read_sql(sql("platform", "doelen"), conn)


def zet_doel(conn: Connection, woonvorm: str, jaar: int, plaatsen: int, bron: str, soort: str = "stand") -> None:
    """Set or change one target (HKD)."""
    conn.execute(sql("platform", "zet_doel"),
                 {"woonvorm": woonvorm, "jaar": jaar, "soort": soort, "plaatsen": plaatsen, "bron": bron})


def upsert_corporatie(conn: Connection, code: str, naam: str) -> None:
    """Add a woningcorporatie or rename it, by code."""
    conn.execute(sql("platform", "upsert_corporatie"), {"code": code, "naam": naam})


def corporaties(conn: Connection) -> pd.DataFrame:
    """``id, code, naam, eigenaar_van, verhuurder_van`` (links to locations the caller may see)."""
    return pd.read_sql(sql("platform", "corporaties"), conn)


def koppel_corporatie(conn: Connection, locatie_code: str, corporatie_code: str, rol: str) -> int:
    """Link a location to a corporation as ``eigenaar`` or ``verhuurder``; returns the rows written (0 or 1)."""
    return conn.execute(sql("platform", "koppel_corporatie"),
                        {"locatie": locatie_code, "corporatie": corporatie_code, "rol": rol}).rowcount


def zet_in_gebruik(conn: Connection, locatie_code: str, sinds: date | None, tot: date | None = None) -> int:
    """Set when a location came into use (and went out of use); returns the rows changed."""
    return conn.execute(sql("platform", "zet_in_gebruik"),
                        {"code": locatie_code, "sinds": sinds, "tot": tot}).rowcount


def upsert_uitstroom(conn: Connection, rows: list[dict]) -> None:
    """Write periods of the uitstroom monitor (keys: jaar, kwartaal, corporatie code or None, figures, bron)."""
    if rows:
        conn.execute(sql("platform", "upsert_uitstroom"), rows)


def upsert_uitstroom_geteld(conn: Connection, rows: list[dict]) -> tuple[int, int]:
    """:func:`upsert_uitstroom` row by row: ``(new, changed)`` periods; the rest were loaded before unchanged."""
    return tel_upserts(conn, sql("platform", "upsert_uitstroom"), rows)


def uitstroom(conn: Connection) -> pd.DataFrame:
    """The uitstroom series: ``jaar, kwartaal, corporatie_code, corporatie, uitstromers, directe_bemiddeling,
    reguliere_urgentie, wachttijd_maanden, bron, geladen_op`` (corporatie NULL: all together)."""
    return pd.read_sql(sql("platform", "uitstroom"), conn)


def spreiding_buurt(conn: Connection, op: date) -> pd.DataFrame:
    """Per CBS buurt: ``code, naam, gebied_code, voorzieningen, plaatsen, inwoners, inwoners_jaar`` on ``op``."""
    return pd.read_sql(sql("platform", "spreiding_buurt"), conn, params={"op": op})


def spreiding(conn: Connection, niveau: str, op: date) -> pd.DataFrame:
    """Per ``buurt`` or ``gebied``: ``code, naam, voorzieningen, plaatsen, inwoners`` on ``op`` (all woonvormen
    the caller may see; areas without facilities included)."""
    buurten = spreiding_buurt(conn, op)
    if niveau == "buurt":
        return buurten
    if niveau != "gebied":
        raise ValueError(f"onbekend niveau {niveau!r}")
    namen = pd.read_sql(sql("platform", "gebied_namen"), conn)
    per = (buurten.groupby("gebied_code", as_index=False)
           .agg(voorzieningen=("voorzieningen", "sum"), plaatsen=("plaatsen", "sum"),
                inwoners=("inwoners", lambda s: s.sum(min_count=1)), inwoners_jaar=("inwoners_jaar", "max"))
           .rename(columns={"gebied_code": "code"}))
    return namen.merge(per, on="code", how="left").fillna({"voorzieningen": 0, "plaatsen": 0}).astype(
        {"voorzieningen": int, "plaatsen": int})


def tegen_stad(nu: pd.DataFrame, vorig: pd.DataFrame) -> pd.DataFrame:
    """:func:`spreiding` frames of two dates joined: ``nu`` with ``plaatsen_vorig``, ``per_1000``, ``index`` (city =
    100) and ``klasse`` (:data:`geo.spreiding.KLASSEN_TOV_STAD`) against the city's figure per 1,000 inhabitants."""
    stad = per_1000(nu["plaatsen"].sum(), nu["inwoners"].sum())
    t = nu.merge(vorig[["code", "plaatsen"]].rename(columns={"plaatsen": "plaatsen_vorig"}), on="code", how="left")
    t["per_1000"] = [per_1000(p, i) for p, i in zip(t["plaatsen"], t["inwoners"], strict=True)]
    t["index"] = [index_tov_stad(v, stad) for v in t["per_1000"]]
    t["klasse"] = [klasse_tov_stad(p, i) for p, i in zip(t["plaatsen"], t["index"], strict=True)]
    return t


def spreiding_tegen_stad(conn: Connection, niveau: str, op: date, vorige: date) -> pd.DataFrame:
    """:func:`tegen_stad` of :func:`spreiding` on ``op`` and on ``vorige``: computed once per cached call rather than
    on every rerun of the page (3,000 to 14,000 areas at national scale)."""
    return tegen_stad(spreiding(conn, niveau, op), spreiding(conn, niveau, vorige))


def lorenz_op(conn: Connection, op: date, punten: int = 400) -> list[tuple[float, float]]:
    """The Lorenz curve of places over the residential buurten weighed by inhabitants on ``op``, thinned to at
    most ``punten`` points (a chart needs no 14,000)."""
    b = spreiding_buurt(conn, op)
    b = b[b["inwoners"].notna() & (b["inwoners"] > 0)]
    return dun_uit(lorenz(b["plaatsen"].tolist(), b["inwoners"].tolist()), punten)


def omtrekken(conn: Connection, niveau: str) -> pd.DataFrame:
    """``code, naam, geometry`` (GeoJSON text, WGS84) of every area of ``niveau``."""
    return pd.read_sql(sql("platform", "omtrekken"), conn, params={"niveau": niveau})


def focus_omtrekken(conn: Connection, codes: tuple[str, ...]) -> pd.DataFrame:
    """``code, naam, geometry`` of the given CBS buurten (read through the public view: every layer may draw them)."""
    return pd.read_sql(sql("platform", "focus_omtrekken"), conn, params={"codes": list(codes)})


def fase_telling(conn: Connection, op: date) -> dict[str, int]:
    """Locations per fase on ``op``."""
    return {r.fase: r.n for r in conn.execute(sql("platform", "fase_telling"), {"op": op})}


def initiatieven_per_stap(conn: Connection) -> dict[str, int] | None:
    """Initiatives per step when ``hkd.initiatieven`` exists and is readable (another feature adds it), else ``None``."""
    if not conn.execute(sql("platform", "tabel_bestaat"), {"naam": "hkd.initiatieven"}).scalar_one():
        return None
    try:
        with conn.begin_nested():
            return {r.stap: r.n for r in conn.execute(sql("platform", "initiatieven_per_stap"))}
    except Exception:  # a table of another shape than expected: leave the section out rather than fail
        return None


def publiek_spreiding_gebied(conn: Connection) -> pd.DataFrame:
    """The disclosure-controlled spreiding per gebied: ``code, naam, voorzieningen, plaatsen`` (public layer)."""
    return pd.read_sql(sql("platform", "publiek_spreiding_gebied"), conn)


@dataclass(frozen=True)
class Bron:
    """A data source and its date."""

    bron: str
    datum: date | None


def bronnen(conn: Connection) -> list[Bron]:
    """The data sources of the platform figures with their dates (where known)."""
    return [Bron(r.bron, r.datum) for r in conn.execute(sql("platform", "bronnen")) if r.bron]


def aanbod_tegen_doelen(aanbod: pd.DataFrame, doelen_frame: pd.DataFrame) -> pd.DataFrame:
    """Per year and woonvorm: ``plaatsen``, ``instroom``, and where a target exists ``doel``, ``doel_soort``,
    ``gerealiseerd`` (the stand or the instroom, whichever the target counts), ``verschil`` and ``percentage``."""
    doel = doelen_frame[["woonvorm", "jaar", "soort", "plaatsen"]].rename(
        columns={"plaatsen": "doel", "soort": "doel_soort"})
    out = aanbod.merge(doel, on=["woonvorm", "jaar"], how="left")
    out["gerealiseerd"] = out["plaatsen"].where(out["doel_soort"] != "instroom", out["instroom"])
    out["verschil"] = (out["gerealiseerd"] - out["doel"]).astype("Int64")
    out["percentage"] = (100 * out["gerealiseerd"] / out["doel"].where(out["doel"] > 0)).round(1)
    out["doel"] = out["doel"].astype("Int64")
    return out


def concentratie_op(conn: Connection, op: date):
    """The concentration of places over the residential buurten (those with inhabitants) on ``op``."""
    b = spreiding_buurt(conn, op)
    b = b[b["inwoners"].notna() & (b["inwoners"] > 0)]
    return concentratie(b["plaatsen"].tolist(), b["inwoners"].tolist())


def concentratie_reeks(conn: Connection, data: list[date]) -> dict:
    """:func:`concentratie_op` for every date of ``data`` from one statement (not one query per year)."""
    per_op = {r.op: r for r in conn.execute(sql("platform", "concentratie_reeks"), {"data": list(data)})}
    return {op: concentratie(per_op[op].plaatsen, per_op[op].inwoners) if op in per_op else concentratie([], [])
            for op in data}


@dataclass(frozen=True)
class PlatformCijfers:
    """Everything the Platform report and page show, for one reporting date against an earlier one."""

    peildatum: date
    vorige: date
    aanbod: pd.DataFrame  # aanbod_tegen_doelen over the years
    uitstroom: pd.DataFrame
    spreiding_nu: pd.DataFrame  # per gebied on peildatum
    spreiding_vorig: pd.DataFrame  # per gebied on vorige
    concentratie: pd.DataFrame  # jaar, op, plaatsen, per_1000_stad, aandeel_top20, gini_gebieden, gini_inwoners
    ladder_nu: dict[str, int]
    ladder_vorig: dict[str, int]
    voortgang: pd.DataFrame  # the inventory's three actions on the last date up to peildatum
    initiatieven: dict[str, int] | None
    bronnen: list[Bron]


def platform_cijfers(conn: Connection, peildatum: date, vorige: date, inventarisatie: date,
                     van: int = 2015) -> PlatformCijfers:
    """Collect the Platform figures (HKD layer) for ``peildatum`` against ``vorige`` (the previous report)."""
    aanbod = aanbod_tegen_doelen(aanbod_per_jaar(conn, van, peildatum.year, peildatum), doelen(conn))
    rijen = [{"jaar": op.year, "op": op, **asdict(c)} for op, c in concentratie_reeks(
        conn, [min(date(jaar, 12, 31), peildatum) for jaar in range(van, peildatum.year + 1)]).items()]
    voortgang = fasen.inventaris_voortgang(conn, inventarisatie, peildatum)
    return PlatformCijfers(
        peildatum=peildatum, vorige=vorige, aanbod=aanbod, uitstroom=uitstroom(conn),
        spreiding_nu=spreiding(conn, "gebied", peildatum), spreiding_vorig=spreiding(conn, "gebied", vorige),
        concentratie=pd.DataFrame(rijen), ladder_nu=fase_telling(conn, peildatum),
        ladder_vorig=fase_telling(conn, vorige), voortgang=voortgang.tail(1).reset_index(drop=True),
        initiatieven=initiatieven_per_stap(conn), bronnen=bronnen(conn),
    )
