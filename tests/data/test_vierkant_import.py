"""CBS 100 m squares as an indicator level: codes as CBS writes them, hostile rows refused with their row in Dutch,
all or nothing, observations required, and no layer ever shown a square under 10 observations."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy.exc
from sqlalchemy import text

from data.indicator_import import IndicatorImportError, load_indicatoren, read_cbs, read_generiek
from queries import trends
from queries.db import acting_as
from queries.lagen import as_layer

LAGEN = (("publiek", "test", None), ("aanbieder", "alfa-user", "alfa"), ("hkd", "test", None))


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def _state(engine) -> tuple:
    with engine.connect() as conn:
        return (conn.execute(text("SELECT count(*), coalesce(sum(waarde), 0) FROM hkd.indicatoren")).one(),
                conn.execute(text("SELECT count(*) FROM hkd.audit_log WHERE tabel = 'indicatoren'")).scalar_one())


def _bloemhof_vierkanten(engine, n: int) -> list[str]:
    """``n`` squares whose centre lies in Bloemhof (the demo has values for them up to 2024)."""
    with engine.connect() as conn:
        return list(conn.execute(text(
            "SELECT DISTINCT vierkant FROM publiek.vierkant_waarden v JOIN hkd.gebieden g ON g.code = v.buurt_code "
            "WHERE g.naam = 'Bloemhof' ORDER BY vierkant LIMIT :n"), {"n": n}).scalars())


# Reading (no database) -------------------------------------------------------------------------------------------
def test_square_codes_are_read_as_cbs_writes_them_and_the_level_follows_from_the_code(tmp_path):
    path = _write(tmp_path, "v.csv", "gebied_code;jaar;indicator;waarde;waarnemingen\n"
                                     "E0912N4366;2018;kwetsbare_groepen;120,5;40\n"
                                     "crs28992res100mE0913N4366;2018;kwetsbare_groepen;99;12\n"
                                     "e0914n4366;2018;kwetsbare_groepen;101;10\n")
    rijen = read_generiek(path).rijen
    assert list(rijen["niveau"]) == ["vierkant"] * 3
    assert list(rijen["gebied_code"]) == ["E0912N4366", "E0913N4366", "E0914N4366"]
    assert list(rijen["waarnemingen"]) == [40, 12, 10]


def test_hostile_square_rows_are_each_refused_with_row_column_and_reason(tmp_path):
    path = _write(tmp_path, "v.csv", "niveau;gebied_code;jaar;indicator;waarde;waarnemingen\n"
                                     "vierkant;E0912N4366;2018;kwetsbare_groepen;120;40\n"
                                     "vierkant;E912N4366;2018;kwetsbare_groepen;120;40\n"
                                     "vierkant;E0912N1366;2018;kwetsbare_groepen;120;40\n"
                                     "vierkant;BU05991081;2018;kwetsbare_groepen;120;40\n"
                                     "vierkant;=HYPERLINK(\"x\");2018;kwetsbare_groepen;120;40\n"
                                     "vierkant;E0912N4367;2018;kwetsbare_groepen;120;-3\n")
    with pytest.raises(IndicatorImportError) as exc:
        read_generiek(path)
    problemen = [str(p) for p in exc.value.problems]
    assert [p.split(":")[0] for p in problemen] == [
        "v.csv, rij 3, gebied_code", "v.csv, rij 4, gebied_code", "v.csv, rij 5, gebied_code",
        "v.csv, rij 6, gebied_code", "v.csv, rij 7, waarnemingen"], problemen  # the good row 2 is not blamed
    assert "geen CBS-vierkantcode van 100 m" in problemen[0] and "E0912N4366" in problemen[0]
    assert "'E0912N1366' is geen CBS-vierkantcode" in problemen[1]  # y 136.6 km: outside the Netherlands
    assert "'BU05991081' is geen CBS-vierkantcode" in problemen[2]
    assert "Traceback" not in "".join(problemen)


def test_a_square_value_without_observations_refuses_the_file_row_by_row(tmp_path):
    path = _write(tmp_path, "v.csv", "gebied_code;jaar;indicator;waarde;waarnemingen\n"
                                     "E0912N4366;2018;kwetsbare_groepen;120;40\n"
                                     "E0913N4366;2018;kwetsbare_groepen;120;\n"
                                     "E0914N4366;2018;lvb;8,5;\n")
    with pytest.raises(IndicatorImportError) as exc:
        read_generiek(path)
    assert [str(p).split(":")[0] for p in exc.value.problems] == ["v.csv, rij 3, waarnemingen",
                                                                   "v.csv, rij 4, waarnemingen"]
    assert "zonder aantal waarnemingen" in str(exc.value.problems[0])


def test_a_cbs_square_file_derives_observations_from_the_squares_inhabitants(tmp_path):
    """CBS's own column crs28992res100m; the inhabitants of a square are their own count, a share of them is
    inhabitants x share / 100."""
    path = _write(tmp_path, "cbs_vierkant.csv", "crs28992res100m;jaar;aantal_inwoners;pct_bijstand_van_inwoners\n"
                                                "E0912N4366;2022;250;4,0\nE0913N4366;2022;5;10,0\n")
    rijen = read_cbs(path).rijen.set_index(["gebied_code", "indicator"])["waarnemingen"]
    assert rijen[("E0912N4366", "inwoners")] == 250 and rijen[("E0912N4366", "pct_bijstand_van_inwoners")] == 10
    assert rijen[("E0913N4366", "inwoners")] == 5


# Loading (database) ----------------------------------------------------------------------------------------------
def test_squares_in_a_buurt_load_and_a_square_outside_every_buurt_refuses_the_whole_file(fresh_demo, tmp_path):
    binnen = _bloemhof_vierkanten(fresh_demo, 2)
    goed = _write(tmp_path, "goed.csv", "gebied_code;jaar;indicator;waarde;waarnemingen\n"
                  + "".join(f"{c};2031;kwetsbare_groepen;150;{n}\n" for c, n in zip(binnen, (40, 9), strict=True)))
    fout = _write(tmp_path, "fout.csv", "gebied_code;jaar;indicator;waarde;waarnemingen\n"
                  f"{binnen[0]};2032;kwetsbare_groepen;150;40\nE0100N4000;2032;kwetsbare_groepen;150;40\n")
    before = _state(fresh_demo)
    with pytest.raises(IndicatorImportError) as exc:
        load_indicatoren(fresh_demo, fout, "generiek")
    assert [str(p) for p in exc.value.problems] == [
        "fout.csv, rij 3, gebied_code: vierkant E0100N4000 ligt niet in een geladen buurt (grenzen 2015)"]
    assert _state(fresh_demo) == before, "all or nothing"
    resultaat = load_indicatoren(fresh_demo, goed, "generiek")
    assert (resultaat.waarden, resultaat.nieuw) == (2, 2)


def test_no_layer_is_ever_shown_a_square_under_10_observations(fresh_demo, tmp_path):
    """Footnote 6 in the database: a square with 9 observations has no value in any layer's view, table or grid;
    its neighbour with 40 is shown."""
    groot, klein = _bloemhof_vierkanten(fresh_demo, 2)
    load_indicatoren(fresh_demo, _write(tmp_path, "v.csv", "gebied_code;jaar;indicator;waarde;waarnemingen\n"
                                        f"{groot};2031;kwetsbare_groepen;150;40\n"
                                        f"{klein};2031;kwetsbare_groepen;160;9\n"), "generiek")
    for rol, gebruiker, aanbieder in LAGEN:
        with as_layer(fresh_demo, rol, gebruiker, aanbieder) as conn:
            waarden = dict(conn.execute(text(
                "SELECT vierkant, waarde FROM publiek.vierkant_waarden WHERE jaar = 2031")).all())
            view = dict(conn.execute(text(
                "SELECT gebied_code, waarde FROM publiek.indicator_waarden WHERE niveau = 'vierkant' "
                "AND jaar = 2031")).all())
            raster = trends.raster_100m(conn, "buurt", "kwetsbare_groepen", 2031, False)
        assert waarden == view == {groot: 150.0, klein: None}, rol
        eigen = raster[raster["eigen"]]
        assert list(eigen["waarde"]) == [150.0], rol
        assert not (raster["waarde"] == 160.0).any(), rol


def test_the_database_refuses_a_square_without_observations_or_with_a_bad_code(fresh_demo):
    """The rules hold below the importer too (migration 560)."""
    for code, n in (("E0912N4366", None), ("BU05991081X", 40), ("E0912N4366 ", 40)):
        with pytest.raises(sqlalchemy.exc.IntegrityError), fresh_demo.begin() as conn:
            conn.execute(text("INSERT INTO hkd.indicatoren (niveau, gebied_code, jaar, indicator, waarde, bron, "
                              "waarnemingen) VALUES ('vierkant', :c, 2031, 'kwetsbare_groepen', 1, 'x', :n)"),
                         {"c": code, "n": n})


def test_a_squares_buurt_follows_the_boundaries_and_layers_read_it_only_through_the_view(fresh_demo):
    """The buurt of a square is kept (hkd.vierkant_buurt_bepaald) and refreshed when the boundaries change: Bloemhof
    moved 5 km east no longer holds its squares. No layer reads the kept table itself."""
    (code,) = _bloemhof_vierkanten(fresh_demo, 1)
    with acting_as(fresh_demo, "test") as conn:
        conn.execute(text("UPDATE hkd.gebieden SET geom = ST_Translate(geom, 5000, 0) "
                          "WHERE niveau = 'buurt' AND naam = 'Bloemhof'"))
    with fresh_demo.connect() as conn:
        buurten = set(conn.execute(text("SELECT buurt_code FROM publiek.vierkant_waarden WHERE vierkant = :c"),
                                   {"c": code}).scalars())
    assert buurten == {None}
    for rol, gebruiker, aanbieder in LAGEN:
        with pytest.raises(sqlalchemy.exc.ProgrammingError, match="permission denied"), \
                as_layer(fresh_demo, rol, gebruiker, aanbieder) as conn:
            conn.execute(text("SELECT count(*) FROM hkd.vierkant_buurt_bepaald"))
