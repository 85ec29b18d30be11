"""The nginx configuration that serves the published public site, and a way to run nginx on it (tests, bench).

The same text is the documented production configuration (docs/publicatie.md): static files from the ``actueel``
symlink, pre-compressed ``.gz`` files served as they are (``gzip_static``; ``hkd publiceer`` writes them) with on-the-fly
gzip as a fallback, short caching for pages and data (a new publication is live for readers within a minute, and
``ETag`` revalidation is cheap), longer caching for the vendored scripts.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

MIME_TYPES = Path("/etc/nginx/mime.types")

SERVER_BLOCK = """\
    server {{
        listen {listen};
        root {root};
        index index.html;
        charset utf-8;
        etag on;
        gzip on;
        gzip_static on;
        gzip_vary on;
        gzip_comp_level 5;
        gzip_min_length 512;
        gzip_types text/css text/javascript application/javascript application/json application/geo+json
                   text/csv text/plain image/svg+xml;
        add_header X-Content-Type-Options nosniff always;
        add_header Referrer-Policy no-referrer always;
        # Pages and data: cache briefly, then revalidate (ETag): readers see a new publication within a minute.
        location / {{
            try_files $uri $uri/ =404;
            add_header Cache-Control "public, max-age=60, stale-while-revalidate=30" always;
            add_header X-Content-Type-Options nosniff always;
        }}
        # Vendored Leaflet: changes only with a new HKD Kaart release.
        location /vendor/ {{
            add_header Cache-Control "public, max-age=86400" always;
            add_header X-Content-Type-Options nosniff always;
        }}
        # The manifest is for checking a copy, not for readers; .gz twins are served through gzip_static.
        location = /MANIFEST.sha256 {{ default_type text/plain; }}
    }}
"""


def config(root: Path, port: int, prefix: Path, address: str = "127.0.0.1", workers: int = 2) -> str:
    """A complete nginx.conf serving ``root`` (the ``actueel`` symlink) on ``address:port``, everything it writes
    under ``prefix``; runs in the foreground (``daemon off``) so the caller owns the process."""
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""  # workers must read what root wrote
    temp = "\n".join(f"    {k}_temp_path {prefix}/tmp/{k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                        "scgi"))
    return f"""{user}daemon off;
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include {MIME_TYPES};
    types {{ application/geo+json geojson; text/csv csv; }}
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 30;
    keepalive_requests 10000;
    server_tokens off;
{temp}
{SERVER_BLOCK.format(listen=f"{address}:{port}", root=root)}}}
"""


def free_port(address: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((address, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running(root: Path, prefix: Path, port: int | None = None, workers: int = 2) -> Iterator[str]:
    """Run Debian's nginx as a child in the foreground on ``root``; yields its base URL; stops it afterwards."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        raise RuntimeError("nginx is niet geïnstalleerd (apt-get install nginx-light; ./scripts/setup --browser)")
    port = port or free_port()
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(config(root, port, prefix, workers=workers), encoding="utf-8")
    proc = subprocess.Popen([binary, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"nginx stopte: {proc.stderr.read().decode(errors='replace')}")
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
