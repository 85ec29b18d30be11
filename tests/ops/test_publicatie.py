"""``hkd publiceer`` on a real PostGIS: the site, the atomic switch, the log, failures, privacy, the change signal."""

import gzip
import json
import threading
import time
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import text

from core.kalender import vandaag
from geo.overzicht import hoekpunten
from geo.privacyscan import scan
from ops import publicatie as pub
from queries.db import acting_as
from queries.fasen import locaties_kaart
from queries.lagen import as_layer
from queries.publicatie import KANAAL, locaties_privacyscan, publicatie_stand, recente_publicaties


def _site(root: Path) -> dict[str, bytes]:
    live = pub.actueel(root).resolve()
    return {str(p.relative_to(live)): p.read_bytes() for p in live.rglob("*") if p.is_file()}


def _publicaties(engine):
    with as_layer(engine, "hkd", "test") as conn:
        return recente_publicaties(conn, 50)


def test_publish_writes_a_complete_site_and_logs_it(fresh_demo, tmp_path):
    r = pub.publiceer(fresh_demo, tmp_path, "tester", "test")
    live = pub.actueel(tmp_path)
    assert live.is_symlink() and live.resolve() == r.map
    files = _site(tmp_path)
    for naam in ("index.html", "embed.html", "kaart.js", "stijl.css", "data/pc4.geojson",
                 "data/woonvormen.json", "per_pc4.csv", "per_pc4_woonvorm.csv", "vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css",
                 "versie.json", "MANIFEST.sha256"):
        assert naam in files, naam
    # the first view's overview: the same areas with fewer vertices, on the real boundaries of the demo too
    vol = json.loads(files["data/pc4.geojson"])
    overzicht = json.loads(files["index.html"].decode().split('id="hkd-laag">', 1)[1].split("</script>", 1)[0])
    assert [f["properties"] for f in overzicht["features"]] == [f["properties"] for f in vol["features"]]
    punten = [sum(hoekpunten(json.dumps(f["geometry"])) for f in laag["features"]) for laag in (vol, overzicht)]
    assert punten[1] < punten[0], punten
    log = _publicaties(fresh_demo)
    assert list(log["status"]) == ["gepubliceerd"]
    row = log.iloc[0]
    assert row["door"] == "tester" and row["data_versie"] == r.data_versie and row["checksum"] == r.checksum
    assert row["map"] == r.map.name and f'"checksum": "{r.checksum}"' in files["versie.json"].decode()


def test_republish_switches_atomically_and_keeps_a_few(fresh_demo, tmp_path):
    first = pub.publiceer(fresh_demo, tmp_path, "tester")
    namen = [pub.publiceer(fresh_demo, tmp_path, "tester", altijd=True).map.name for _ in range(4)]
    assert pub.actueel(tmp_path).resolve().name == namen[-1]
    kept = sorted(p.name for p in (tmp_path / "releases").iterdir())
    assert len(kept) == pub.BEWAREN and first.map.name not in kept
    assert not list(tmp_path.glob(".actueel*")), "no temporary link left behind"


def test_a_failure_leaves_the_live_site_and_is_logged(fresh_demo, tmp_path, monkeypatch):
    ok = pub.publiceer(fresh_demo, tmp_path, "tester")
    monkeypatch.setattr(pub, "LEAFLET_DIR", tmp_path / "nergens")
    with pytest.raises(pub.PublicatieFout, match="Leaflet ontbreekt"):
        pub.publiceer(fresh_demo, tmp_path, "tester", "na besluit")
    assert pub.actueel(tmp_path).resolve() == ok.map
    assert (pub.actueel(tmp_path) / "index.html").exists()
    with as_layer(fresh_demo, "hkd", "test") as conn:
        stand = publicatie_stand(conn)
    assert stand.laatste_gelukt.map == ok.map.name
    assert stand.mislukt is not None and "Leaflet ontbreekt" in stand.mislukt.fout
    assert stand.mislukt.aanleiding == "na besluit"


def test_the_log_is_append_only_and_hidden_from_other_layers(fresh_demo, tmp_path):
    pub.publiceer(fresh_demo, tmp_path, "tester")
    with pytest.raises(Exception, match="alleen-toevoegen"), fresh_demo.begin() as conn:
        conn.execute(text("UPDATE hkd.publicaties SET door = 'x'"))
    for rol in ("publiek", "aanbieder"):
        with pytest.raises(Exception, match="permission denied"), as_layer(fresh_demo, rol, "x", "alfa") as conn:
            publicatie_stand(conn)


def test_the_published_site_pins_down_no_facility(fresh_demo, tmp_path):
    pub.publiceer(fresh_demo, tmp_path, "tester")
    with as_layer(fresh_demo, "hkd", "test") as conn:
        locaties = locaties_privacyscan(conn)
        hkd_payload = locaties_kaart(conn, vandaag()).to_json(orient="records")
    assert len(locaties) == 78
    assert scan(_site(tmp_path), locaties) == []
    # Positive control: the scanner fires on what an HKD page sends to the browser (points, names, streets).
    findings = scan({"escalatieladder.json": hkd_payload.encode()}, locaties)
    assert any("WGS84" in f for f in findings) and any("naam" in f for f in findings)
    assert len({f.split(" van ", 1)[1] for f in findings}) == 78, "every location is caught"


def _besluit(engine, fase="2"):
    with acting_as(engine, "tester") as conn:
        conn.execute(text("INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, vastgelegd_door) "
                          "SELECT min(id), :f, current_date, 'test', 'tester' FROM hkd.locaties"), {"f": fase})


def test_a_public_write_signals_once_on_commit_and_a_rollback_not(fresh_demo):
    with psycopg.connect(pub.dsn_van(fresh_demo), autocommit=True) as listener:
        listener.execute(sql.SQL("LISTEN {}").format(sql.Identifier(KANAAL)))
        with pytest.raises(RuntimeError), fresh_demo.begin() as conn:
            conn.execute(text("UPDATE hkd.locaties SET plaatsen = plaatsen + 1"))
            raise RuntimeError("rollback")
        assert list(listener.notifies(timeout=1, stop_after=1)) == []
        _besluit(fresh_demo)
        got = [n.payload for n in listener.notifies(timeout=30, stop_after=1)]
        assert got == ["fase_besluiten"]


def test_the_publisher_republishes_after_a_change(fresh_demo, tmp_path):
    stop = threading.Event()
    meldingen: list[str] = []
    t = threading.Thread(target=pub.volg, args=(fresh_demo, tmp_path), daemon=True,
                         kwargs={"debounce": 0.2, "stop": stop, "melden": meldingen.append})
    t.start()
    try:
        deadline = time.monotonic() + 120
        while not pub.actueel(tmp_path).exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        eerste = pub.actueel(tmp_path).resolve()
        with acting_as(fresh_demo, "tester") as conn:
            # every location: a change the public figures show (one location may be hidden or round the same)
            conn.execute(text("UPDATE hkd.locaties SET plaatsen = plaatsen + 50"))
        while pub.actueel(tmp_path).resolve() == eerste and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        stop.set()
        t.join(timeout=30)
    assert pub.actueel(tmp_path).resolve() != eerste, meldingen
    log = _publicaties(fresh_demo)
    assert list(log["aanleiding"])[:2] == ["wijziging in locaties", "start"]


def test_cli_publishes_and_refuses_in_dutch(empty_db, fresh_demo, tmp_path, monkeypatch, capsys):
    from ops.cli import main

    monkeypatch.setenv("DATABASE_URL", empty_db.hkd_url)
    assert main(["publiceer", "--map", str(tmp_path / "leeg")]) == 1
    assert "Publicatie mislukt; de vorige publicatie blijft staan. Reden: er zijn geen postcodegebieden" in \
        capsys.readouterr().err
    assert not pub.actueel(tmp_path / "leeg").exists()
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    assert main(["publiceer", "--map", str(tmp_path / "site"), "--door", "beheerder <b>x</b>"]) == 0
    assert "Gepubliceerd in" in capsys.readouterr().out
    assert list(_publicaties(fresh_demo)["door"]) == ["beheerder <b>x</b>"]


def test_publishing_twice_without_a_public_change_writes_one_release(fresh_demo, tmp_path):
    first = pub.publiceer(fresh_demo, tmp_path, "tester", "start")
    _besluit(fresh_demo)  # a fase decision: no public figure changes
    again = pub.publiceer(fresh_demo, tmp_path, "tester", "wijziging in fase_besluiten")
    assert not again.nieuw and again.map == first.map and again.data_versie == first.data_versie
    assert [p.name for p in (tmp_path / "releases").iterdir()] == [first.map.name]
    assert list(_publicaties(fresh_demo)["aanleiding"]) == ["start"], "a skipped round is not a publication"
    with acting_as(fresh_demo, "tester") as conn:  # a register change the public sees: a new release
        conn.execute(text("UPDATE hkd.locaties SET plaatsen = plaatsen + 50"))
    changed = pub.publiceer(fresh_demo, tmp_path, "tester", "wijziging in locaties")
    assert changed.nieuw and changed.data_versie != first.data_versie
    assert pub.actueel(tmp_path).resolve() == changed.map
    assert len(list((tmp_path / "releases").iterdir())) == 2


def test_the_site_server_sends_the_compressed_twins_over_http_1_1(fresh_demo, tmp_path):
    import gzip
    import http.client
    import threading

    pub.publiceer(fresh_demo, tmp_path, "tester")
    server = pub.site_server(tmp_path, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
        gezien = {}
        for pad in ("/", "/data/pc4.geojson", "/kaart.js", "/per_pc4.csv"):  # one keep-alive connection
            conn.request("GET", pad, headers={"Accept-Encoding": "gzip, deflate, br"})
            r = conn.getresponse()
            body = r.read()
            assert r.status == 200 and r.version == 11, pad
            assert r.getheader("Content-Encoding") == "gzip" and r.getheader("Vary") == "Accept-Encoding", pad
            gezien[pad] = (len(body), gzip.decompress(body), r.getheader("Content-Type"))
        # the character set in the header, as nginx's `charset utf-8` sends it
        assert gezien["/"][2] == "text/html; charset=utf-8" and gezien["/kaart.js"][2] == "text/javascript; charset=utf-8"
        raw = (pub.actueel(tmp_path) / "data/pc4.geojson").read_bytes()
        assert gezien["/data/pc4.geojson"][1] == raw and gezien["/data/pc4.geojson"][0] < len(raw) / 3
        assert b"Voorzieningen per postcodegebied" in gezien["/"][1]
        conn.request("GET", "/data/pc4.geojson")  # a client without gzip gets the plain file
        r = conn.getresponse()
        assert r.getheader("Content-Encoding") is None and r.read() == raw
        assert r.getheader("Content-Type").startswith("application/geo+json")
        conn.close()
    finally:
        server.shutdown()
        server.server_close()


def _release(root: Path, bestanden: dict[str, bytes]) -> Path:
    return pub.schrijf(root, bestanden)[0]


def test_a_file_the_live_release_holds_unchanged_is_linked_not_written_and_compressed_again(tmp_path):
    """The boundaries, the search index and Leaflet rarely change while the figures do: a new release links what
    the live one holds byte for byte (file and .gz twin), and writes and compresses only what changed."""
    groot = b'{"gebied":[' + b",".join(b'["%d","Buurt %d"]' % (i, i) for i in range(400)) + b"]}"
    eerste = _release(tmp_path, {"index.html": b"<p>1</p>" * 100, "data/gebieden.json": groot})
    tweede = _release(tmp_path, {"index.html": b"<p>2</p>" * 100, "data/gebieden.json": groot})
    for naam in ("data/gebieden.json", "data/gebieden.json.gz"):
        assert (tweede / naam).samefile(eerste / naam), naam
    assert not (tweede / "index.html").samefile(eerste / "index.html")
    assert gzip.decompress((tweede / "index.html.gz").read_bytes()) == b"<p>2</p>" * 100
    assert gzip.decompress((tweede / "data/gebieden.json.gz").read_bytes()) == groot


def test_a_live_file_changed_or_broken_since_its_manifest_is_written_anew(tmp_path):
    """What the manifest promises is read back before it is carried over: a live file changed by hand, a twin cut
    short or gone never reaches the next release."""
    inhoud = {"a.json": b'{"a":"' + b"x" * 2000 + b'"}', "b.json": b'{"b":"' + b"y" * 2000 + b'"}',
              "c.json": b'{"c":"' + b"z" * 2000 + b'"}'}
    eerste = _release(tmp_path, inhoud)
    (eerste / "a.json").write_bytes(b'{"a":"vervalst"}')  # same inode in any later link: never linked again
    (eerste / "b.json.gz").write_bytes((eerste / "b.json.gz").read_bytes()[:40])
    (eerste / "c.json.gz").unlink()
    tweede = _release(tmp_path, inhoud)
    for naam, verwacht in inhoud.items():
        assert (tweede / naam).read_bytes() == verwacht, naam
        assert gzip.decompress((tweede / (naam + ".gz")).read_bytes()) == verwacht, naam
        assert not (tweede / naam).samefile(eerste / naam), naam


def test_linked_files_outlive_the_releases_they_came_from(tmp_path):
    inhoud = {"data/pc4.geojson": b'{"type":"FeatureCollection","features":[]}' * 30}
    for n in range(pub.BEWAREN + 2):
        _release(tmp_path, {**inhoud, "versie.txt": str(n).encode()})
    live = pub.actueel(tmp_path).resolve()
    assert len(list((tmp_path / "releases").iterdir())) == pub.BEWAREN
    assert (live / "data/pc4.geojson").read_bytes() == inhoud["data/pc4.geojson"]
    assert gzip.decompress((live / "data/pc4.geojson.gz").read_bytes()) == inhoud["data/pc4.geojson"]
