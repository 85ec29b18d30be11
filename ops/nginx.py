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
import textwrap
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from core.settings import get_settings
from reports.publicatie import herkomst

MIME_TYPES = Path("/etc/nginx/mime.types")
SNIPPET_NAAM = "hkd-kopregels.conf"

# The security headers of every answer of the public site, declared once: nginx gets them as an include snippet in
# every location (nginx drops the server level's add_header in a location that has one of its own), the local
# Python server (ops/publicatie.py) sends the same. The pages carry a stricter CSP of their own (a meta tag naming
# the basemap host); both policies apply, so the header's ``img-src https:`` only lets that meta narrow it.
def kopregels() -> dict[str, str]:
    """Every header, as configured now (the geocoder's origin, when one is set, may be asked by the site's search)."""
    geocoder = herkomst(get_settings().geocoder_url)
    return {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Content-Security-Policy": (
            # no inline script: the pages run one file of the site (Leaflet and ours, reports.publicatie.site._bundel)
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: https:; "
            f"connect-src 'self'{' ' + geocoder if geocoder else ''}; font-src 'self'; object-src 'none'; "
            "base-uri 'none'; form-action 'none'"
        ),
        "Permissions-Policy": "geolocation=(), camera=(), microphone=(), payment=(), usb=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Strict-Transport-Security": "max-age=31536000",  # ignored by browsers over plain http (the tests)
    }


def snippet() -> str:
    """The include snippet (``/etc/nginx/snippets/hkd-kopregels.conf`` in production)."""
    return "".join(f'add_header {k} "{v}" always;\n' for k, v in kopregels().items())


SERVER_BLOCK = """\
    server {{
        listen {listen};
        root {root};
        index index.html;
        charset utf-8;
        etag on;
        autoindex off;                         # never list /data/ or /vendor/
        gzip on;
        gzip_static on;
        gzip_vary on;
        gzip_comp_level 5;
        gzip_min_length 512;
        gzip_types text/css text/javascript application/javascript application/json application/geo+json
                   text/csv text/plain image/svg+xml;
        # Security headers: included in EVERY location (a location with its own add_header drops the server's).
        include {kopregels};
        # Pages and data: cache briefly, then revalidate (ETag): readers see a new publication within a minute.
        location / {{
            try_files $uri $uri/ =404;
            include {kopregels};
            add_header Cache-Control "public, max-age=60, stale-while-revalidate=30" always;
        }}
        # Vendored Leaflet: changes only with a new HKD Kaart release; a folder is never listed.
        location /vendor/ {{
            try_files $uri =404;
            include {kopregels};
            add_header Cache-Control "public, max-age=86400" always;
        }}
        # The manifest is for checking a copy, not for readers; .gz twins are served through gzip_static.
        location = /MANIFEST.sha256 {{
            default_type text/plain;
            include {kopregels};
        }}
    }}
"""


# The dashboard behind nginx as TLS-terminating reverse proxy. Streamlit sets its identity cookie without the Secure
# flag (on purpose, for Safari's sake), so the proxy adds it: over TLS a cookie without Secure would also be sent
# over a plain-http request to the same host. Headers: no framing (clickjacking on the ladder), no referrer, HSTS.
# Streamlit's own frontend needs inline styles and scripts, so no resource CSP here, only frame-ancestors.
KOPREGELS_DASHBOARD = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=(), payment=(), usb=()",
    "Strict-Transport-Security": "max-age=31536000",
}
SNIPPET_DASHBOARD = "hkd-dashboard-kopregels.conf"


def snippet_dashboard() -> str:
    """The dashboard proxy's header snippet (``/etc/nginx/snippets/hkd-dashboard-kopregels.conf``)."""
    return "".join(f'add_header {k} "{v}" always;\n' for k, v in KOPREGELS_DASHBOARD.items())


DASHBOARD_BLOCK = """\
    server {{
        listen {listen};
        client_max_body_size 50m;              # uploads of registers and indicator files
        include {kopregels};
        location / {{
            proxy_pass http://{upstream};
            proxy_http_version 1.1;            # the websocket (/_stcore/stream)
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_read_timeout 86400s;         # a meeting keeps its websocket open for hours
            # Secure on every Streamlit cookie (identity, its chunks, tokens, XSRF): never sent over plain http.
            proxy_cookie_flags ~^_streamlit_ secure;
            include {kopregels};
        }}
    }}
"""


def config(root: Path, port: int, prefix: Path, address: str = "127.0.0.1", workers: int = 2) -> str:
    """A complete nginx.conf serving ``root`` (the ``actueel`` symlink) on ``address:port``, everything it writes
    under ``prefix`` (the header snippet is ``prefix/hkd-kopregels.conf``, written by :func:`running`); runs in the
    foreground (``daemon off``) so the caller owns the process."""
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
{SERVER_BLOCK.format(listen=f"{address}:{port}", root=root, kopregels=prefix / SNIPPET_NAAM)}}}
"""


def dashboard_block_productie() -> str:
    """The dashboard's server block as docs/sessies.md shows it (add ``server_name`` and the certificates)."""
    return textwrap.dedent(DASHBOARD_BLOCK.format(listen="443 ssl http2", upstream="127.0.0.1:8501",
                                                  kopregels="snippets/" + SNIPPET_DASHBOARD))


def dashboard_proxy_config(upstream: str, port: int, prefix: Path, address: str = "127.0.0.1") -> str:
    """A complete nginx.conf proxying ``address:port`` to the dashboard at ``upstream`` (``host:port``)."""
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    temp = "\n".join(f"    {k}_temp_path {prefix}/tmp/{k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                        "scgi"))
    block = DASHBOARD_BLOCK.format(listen=f"{address}:{port}", upstream=upstream,
                                   kopregels=prefix / SNIPPET_DASHBOARD)
    return f"""{user}daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    server_tokens off;
{temp}
{block}}}
"""


def free_port(address: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((address, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running(root: Path, prefix: Path, port: int | None = None, workers: int = 2) -> Iterator[str]:
    """Run Debian's nginx as a child in the foreground on ``root``; yields its base URL; stops it afterwards."""
    port = port or free_port()
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    (prefix / SNIPPET_NAAM).write_text(snippet(), encoding="utf-8")
    with _nginx(config(root, port, prefix, workers=workers), prefix, port, "/robots.txt") as base:
        yield base


@contextlib.contextmanager
def dashboard_proxy(upstream: str, prefix: Path, port: int | None = None, probe: str = "/") -> Iterator[str]:
    """Run Debian's nginx as the dashboard's reverse proxy in front of ``upstream`` (``host:port``)."""
    port = port or free_port()
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    (prefix / SNIPPET_DASHBOARD).write_text(snippet_dashboard(), encoding="utf-8")
    with _nginx(dashboard_proxy_config(upstream, port, prefix), prefix, port, probe) as base:
        yield base


@contextlib.contextmanager
def _nginx(text: str, prefix: Path, port: int, probe: str) -> Iterator[str]:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        raise RuntimeError("nginx is niet geïnstalleerd (apt-get install nginx-light; ./scripts/setup --browser)")
    conf = prefix / "nginx.conf"
    conf.write_text(text, encoding="utf-8")
    proc = subprocess.Popen([binary, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"nginx stopte: {proc.stderr.read().decode(errors='replace')}")
            try:
                urllib.request.urlopen(base + probe, timeout=2).close()
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
