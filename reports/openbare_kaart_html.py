"""The embeddable public map: one self-contained HTML file with an inline SVG of the PC4 areas (no script, no CDN)."""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from core.taal import aantal
from geo.colours import class_index, colour_for, count_classes
from reports.veilig import cel

WIDTH = 860


@dataclass(frozen=True)
class Pc4Figuur:
    """One PC4 area as published: disclosure-controlled figures and its outline (GeoJSON geometry dict)."""

    pc4: str
    plaats: str
    voorzieningen: int
    plaatsen: int | None
    geometry: dict


def _rings(geometry: dict) -> Iterable[Sequence[Sequence[float]]]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def _projector(figuren: Sequence[Pc4Figuur]):
    pts = [pt for f in figuren for ring in _rings(f.geometry) for pt in ring]
    lon0, lon1 = min(p[0] for p in pts), max(p[0] for p in pts)
    lat0, lat1 = min(p[1] for p in pts), max(p[1] for p in pts)
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    scale = WIDTH / max((lon1 - lon0) * kx, 1e-9)
    height = (lat1 - lat0) * scale

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - lon0) * kx * scale, (lat1 - lat) * scale

    return project, height


def _path(geometry: dict, project) -> str:
    parts = []
    for ring in _rings(geometry):
        xy = [project(lon, lat) for lon, lat, *_ in ring]
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
    return "".join(parts)


def plaatsen_tekst(plaatsen: int | None) -> str:
    """Places as shown to the public (hidden ones say so in words)."""
    return "niet getoond" if plaatsen is None else f"{plaatsen}"


def render(figuren: Sequence[Pc4Figuur], regel: Sequence[str], vertrouwelijk: Sequence[str], credit: str,
           datum: str, titel: str = "Voorzieningen per postcodegebied") -> str:
    """The complete HTML page: map coloured by number of facilities, legend in words, rule, credit and a table."""
    breaks, labels = count_classes([f.voorzieningen for f in figuren])
    project, height = _projector(figuren)
    paths = []
    for f in figuren:
        rgb = colour_for(class_index(f.voorzieningen, breaks))
        tip = (f"Postcode {f.pc4} ({f.plaats}): {aantal(int(f.voorzieningen), 'voorziening', 'voorzieningen')}, "
               f"plaatsen: {plaatsen_tekst(f.plaatsen)}")
        paths.append(
            f'<path d="{_path(f.geometry, project)}" fill="rgb{rgb}" stroke="#444" stroke-width="0.6" '
            f'fill-rule="evenodd"><title>{html.escape(tip)}</title></path>'
        )
    legend = "".join(
        f'<li><span class="sw" style="background:rgb{colour_for(i)}"></span>{html.escape(label)} {"voorziening" if label == "1" else "voorzieningen"}</li>'
        for i, label in enumerate(labels)
    )
    rows = "".join(
        f"<tr><td>{html.escape(f.pc4)}</td><td>{html.escape(cel(f.plaats))}</td><td>{f.voorzieningen}</td>"
        f"<td>{plaatsen_tekst(f.plaatsen)}</td></tr>"
        for f in figuren if f.voorzieningen
    )
    regel_html = "".join(f"<li>{html.escape(r)}</li>" for r in regel)
    vertrouwelijk_html = "".join(f"<li>{html.escape(v)}</li>" for v in vertrouwelijk)
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(titel)}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:1em;color:#222;max-width:{WIDTH + 40}px}}
svg{{width:100%;height:auto;border:1px solid #ccc;background:#fff}}
path:hover{{stroke:#000;stroke-width:2}}
ul.legenda{{list-style:none;padding:0}} ul.legenda li{{display:flex;align-items:center;gap:.5em;margin:.2em 0}}
.sw{{display:inline-block;width:1.1em;height:1.1em;border:1px solid #444}}
table{{border-collapse:collapse}} td,th{{border:1px solid #ccc;padding:.2em .5em;text-align:left}}
small{{color:#555}}
</style></head><body>
<h1>{html.escape(titel)}</h1>
<p>Opvang- en woonvoorzieningen onder het Convenant Huisvesting Kwetsbare Doelgroepen (Rotterdam), geteld per
postcodegebied. Stand {html.escape(datum)}. Beweeg over een gebied voor de cijfers.</p>
<svg viewBox="0 0 {WIDTH} {height:.0f}" role="img" aria-label="Kaart van voorzieningen per postcodegebied">
{"".join(paths)}
</svg>
<h2>Legenda</h2><ul class="legenda">{legend}</ul>
<h2>Zo beschermen we adressen</h2><ul>{regel_html}</ul>
<h2>Vertrouwelijke woonvormen</h2><ul>{vertrouwelijk_html or "<li>Geen.</li>"}</ul>
<details><summary>Cijfers per postcodegebied</summary>
<table><thead><tr><th>Postcode</th><th>Plaats</th><th>Voorzieningen</th><th>Plaatsen</th></tr></thead>
<tbody>{rows}</tbody></table></details>
<p><small>{html.escape(credit)}</small></p>
</body></html>
"""


def figuren_from_records(records: Iterable[dict]) -> list[Pc4Figuur]:
    """Build figures from rows ``pc4, plaats, voorzieningen, plaatsen (None = hidden), geometry (GeoJSON text)``."""
    out = []
    for r in records:
        p = r["plaatsen"]
        hidden = p is None or (isinstance(p, float) and math.isnan(p)) or str(p) == "<NA>"
        out.append(Pc4Figuur(str(r["pc4"]), str(r["plaats"]), int(r["voorzieningen"]),
                             None if hidden else int(p), json.loads(r["geometry"])))
    return out


CREDIT = "Grenzen: CBS / Kadaster (CC BY 4.0). Bewerking: gemeente Rotterdam, HKD Kaart."


def vertrouwelijk_zinnen(data) -> list[str]:
    """One Dutch sentence per confidential woonvorm at its allowed level (``data``: ``queries.publiek.OpenbareKaart``)."""
    out = []
    for r in data.vertrouwelijk.itertuples():
        if pd.isna(r.voorzieningen):
            out.append(f"{r.woonvorm_naam}, {r.naam}: minder dan {data.regel.min_voorzieningen} voorzieningen.")
        else:
            out.append(f"{r.woonvorm_naam}, {r.naam}: {r.voorzieningen} voorzieningen, ongeveer {r.plaatsen} plaatsen.")
    return out


def statische_kaart(data, datum: str) -> str:
    """The embeddable, self-contained HTML map of the public layer (no script, no CDN, no points)."""
    figuren = figuren_from_records(data.pc4.to_dict("records"))
    return render(figuren, data.regel.toelichting(data.vertrouwelijke_namen), vertrouwelijk_zinnen(data), CREDIT,
                  datum)
