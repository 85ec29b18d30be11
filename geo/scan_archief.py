"""Saved draagkrachtscans (pure): a :class:`ScanResultaat` to JSON and back, the norms' version, and what differs.

A saved scan keeps every input (point, woonvorm, places, rings, the norms) and every figure it was judged on, plus
the judged criteria as shown. Reopening rebuilds exactly that result from the JSON, never from today's data; a scan
run today for the same inputs is compared criterion by criterion (:func:`verschillen`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime

from geo.draagkracht import BronReeks, IndicatorStand, Kandidaat, NabijeLocatie, Notitie, ScanResultaat
from geo.rings import RingTelling
from geo.scan_norms import NIVEAU_SYMBOOL, Beoordeling, Norm, ScanConfig

FORMAAT = 1
"""Version of the JSON layout below (a reader of a later layout must still read this one)."""


def config_json(config: ScanConfig) -> dict:
    """Rings, norm ring and every norm, as plain JSON."""
    return {"ringen": list(config.ringen), "normring": config.normring,
            "normen": {k: asdict(v) for k, v in sorted(config.normen.items())}}


def normen_versie(config: ScanConfig) -> str:
    """A short, stable fingerprint of the rings and norms (equal norms give an equal version)."""
    blob = json.dumps(config_json(config), sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def invoer_json(res: ScanResultaat) -> dict:
    """The inputs of a scan: the candidate and the configuration."""
    return {"kandidaat": asdict(res.kandidaat), "config": config_json(res.config)}


def naar_json(res: ScanResultaat) -> dict:
    """Everything the scan showed, including the judged criteria as they were shown."""
    return {
        "formaat": FORMAAT,
        **invoer_json(res),
        "buurt_code": res.buurt_code, "buurt": res.buurt, "wijkprofiel": res.wijkprofiel, "pc4": res.pc4,
        "ringen": [asdict(r) for r in res.ringen],
        "buurt_voorzieningen": res.buurt_voorzieningen, "buurt_plaatsen": res.buurt_plaatsen,
        "inwoners": res.inwoners, "inwoners_jaar": res.inwoners_jaar,
        "nabij": [asdict(n) for n in res.nabij],
        "indices": {k: asdict(v) for k, v in res.indices.items()},
        "veerkracht_klasse": list(res.veerkracht_klasse) if res.veerkracht_klasse else None,
        "notities": [{**asdict(n), "geschreven_op": n.geschreven_op.isoformat()} for n in res.notities],
        "omgeving": [[list(p) for p in lijn] for lijn in res.omgeving],
        "gemaakt_op": res.gemaakt_op.isoformat(),
        "beoordelingen": [asdict(b) for b in res.beoordelingen()],
        "bronnen": [asdict(b) for b in res.bronnen], "demo": res.demo,
    }


def _config(d: dict) -> ScanConfig:
    return ScanConfig(tuple(d["ringen"]), d["normring"], {k: Norm(**v) for k, v in d["normen"].items()})


def uit_json(d: dict) -> ScanResultaat:
    """The scan exactly as saved (its own norms, its own figures)."""
    if d.get("formaat") != FORMAAT:
        raise ValueError(f"onbekend formaat van een bewaarde scan: {d.get('formaat')!r}")
    return ScanResultaat(
        kandidaat=Kandidaat(**d["kandidaat"]), config=_config(d["config"]), buurt_code=d["buurt_code"],
        buurt=d["buurt"], wijkprofiel=d["wijkprofiel"], pc4=d["pc4"],
        ringen=[RingTelling(**r) for r in d["ringen"]], buurt_voorzieningen=d["buurt_voorzieningen"],
        buurt_plaatsen=d["buurt_plaatsen"], inwoners=d["inwoners"], inwoners_jaar=d["inwoners_jaar"],
        nabij=[NabijeLocatie(**n) for n in d["nabij"]],
        indices={k: IndicatorStand(**v) for k, v in d["indices"].items()},
        veerkracht_klasse=tuple(d["veerkracht_klasse"]) if d["veerkracht_klasse"] else None,
        notities=[Notitie(n["cluster"], n["tekst"], n["auteur"], datetime.fromisoformat(n["geschreven_op"]))
                  for n in d["notities"]],
        omgeving=[[tuple(p) for p in lijn] for lijn in d["omgeving"]],
        gemaakt_op=datetime.fromisoformat(d["gemaakt_op"]),
        # scans saved before the sources were kept have none (their PDF, kept as made, has its sources line)
        bronnen=tuple(BronReeks(**b) for b in d.get("bronnen", ())), demo=bool(d.get("demo", False)),
    )


def bewaarde_beoordelingen(d: dict) -> list[Beoordeling]:
    """The criteria exactly as they were shown when the scan was saved."""
    return [Beoordeling(**b) for b in d["beoordelingen"]]


@dataclass(frozen=True)
class Verschil:
    """One criterion whose value or level differs between the saved scan and a run today."""

    criterium: str
    toen_waarde: str
    toen_niveau: str
    nu_waarde: str
    nu_niveau: str
    norm_gewijzigd: bool


def verschillen(toen: list[Beoordeling], nu: list[Beoordeling]) -> list[Verschil]:
    """Criteria whose value, level or norm changed (criteria only in one of both count as changed too)."""
    oud = {b.criterium: b for b in toen}
    nieuw = {b.criterium: b for b in nu}
    out = []
    for naam in [*oud, *(n for n in nieuw if n not in oud)]:
        a, b = oud.get(naam), nieuw.get(naam)
        if a and b and (a.waarde, a.niveau, a.normtekst) == (b.waarde, b.niveau, b.normtekst):
            continue
        out.append(Verschil(naam, a.waarde if a else "(niet in de scan)", a.niveau if a else "onbekend",
                            b.waarde if b else "(niet meer in de scan)", b.niveau if b else "onbekend",
                            bool(a and b and a.normtekst != b.normtekst)))
    return out


def vergelijking(kolommen: dict[str, list[Beoordeling]]) -> list[dict[str, str]]:
    """Criteria as rows, candidates as columns (``{kandidaat: criteria}``), each cell ``"✔ waarde (label)"`` with
    the same sign and norm as the single scan; the norm column is shared when all candidates used the same norm."""
    volgorde: list[str] = []
    for criteria in kolommen.values():
        volgorde += [b.criterium for b in criteria if b.criterium not in volgorde]
    rijen = []
    for naam in volgorde:
        rij = {"Criterium": naam}
        normen = set()
        for kandidaat, criteria in kolommen.items():
            b = next((x for x in criteria if x.criterium == naam), None)
            rij[kandidaat] = f"{NIVEAU_SYMBOOL[b.niveau]} {b.waarde} ({b.label})" if b else "—"
            if b:
                normen.add(b.normtekst)
        rij["Norm"] = normen.pop() if len(normen) == 1 else "verschilt per scan: " + " | ".join(sorted(normen))
        rijen.append(rij)
    return rijen
