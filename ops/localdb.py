"""The project-local PostGIS server: a private PostgreSQL cluster under ``.hkd/`` on a loopback port.

Used whenever ``DATABASE_URL`` is not set. Works as a normal user and as root; PostgreSQL refuses to run as
root, so then the cluster belongs to the unprivileged ``postgres`` OS user and commands run through ``runuser``.
"""

from __future__ import annotations

import os
import pwd
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from psycopg import sql as pgsql

from core.settings import Settings


class LocalDbError(RuntimeError):
    """A problem with the project-local server, worded for the person at the terminal."""


@dataclass(frozen=True)
class LocalServer:
    """Paths and port of one project-local cluster."""

    root: Path
    port: int
    dbname: str

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "run"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def url(self, dbname: str | None = None) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname or self.dbname}"


def server_for(settings: Settings, name: str = "pg") -> LocalServer:
    """Return the local server described by ``settings`` (``name`` separates e.g. the test cluster)."""
    return LocalServer(root=settings.state_dir / name, port=settings.local_port, dbname=settings.local_dbname)


def find_bindir() -> Path:
    """Return the newest PostgreSQL bin directory whose version also has PostGIS installed."""
    candidates = []
    for bindir in Path("/usr/lib/postgresql").glob("*/bin"):
        version = bindir.parent.name
        if (bindir / "initdb").exists() and Path(f"/usr/share/postgresql/{version}/extension/postgis.control").exists():
            candidates.append((float(version), bindir))
    if not candidates:
        raise LocalDbError(
            "Geen PostgreSQL met PostGIS gevonden. Installeer het met:\n"
            "  sudo apt-get install -y postgresql postgis   (of: make setup)"
        )
    return max(candidates)[1]


def _as_server_user() -> list[str]:
    """Prefix that runs a command as the unprivileged server owner when we are root."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


def _chown_for_server(path: Path) -> None:
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        for p in [path, *path.rglob("*")]:
            os.chown(p, pw.pw_uid, pw.pw_gid)


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*_as_server_user(), *cmd], capture_output=True, text=True, **kw)


def _port_busy(port: int) -> bool:
    """Whether another program holds ``port`` on the loopback address.

    Asked by binding, not by connecting: a connect to a free port inside Linux's ephemeral range can be answered by
    the probe itself (a TCP self-connect), which leaves the port in TIME_WAIT so that PostgreSQL cannot bind it.
    SO_REUSEADDR lets the probe ignore such leftovers, as PostgreSQL does; a listener still makes the bind fail.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return True
        return False


def is_running(server: LocalServer) -> bool:
    """True when this project's cluster is up and accepting connections."""
    if not (server.data_dir / "PG_VERSION").exists():
        return False
    res = _run([str(find_bindir() / "pg_ctl"), "-D", str(server.data_dir), "status"])
    return res.returncode == 0


def _clear_stale_lock(server: LocalServer) -> str | None:
    pidfile = server.data_dir / "postmaster.pid"
    if not pidfile.exists():
        return None
    try:
        pid = int(pidfile.read_text().splitlines()[0])
        os.kill(pid, 0)
        return None  # a live process holds it
    except (ValueError, IndexError, ProcessLookupError):
        pidfile.unlink()
        return f"Verouderd lockbestand {pidfile} verwijderd (de server was niet netjes gestopt)."
    except PermissionError:
        return None


def init(server: LocalServer) -> bool:
    """Create the cluster if it does not exist yet; return True when it was created now."""
    if (server.data_dir / "PG_VERSION").exists():
        return False
    server.root.mkdir(parents=True, exist_ok=True)
    server.socket_dir.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        # The postgres user must be able to reach the folder; the project tree may sit below /root.
        for parent in [server.root, *server.root.parents]:
            mode = parent.stat().st_mode
            if not mode & 0o001:
                os.chmod(parent, mode | 0o001)
    _chown_for_server(server.root)
    res = _run(
        [
            str(find_bindir() / "initdb"), "-D", str(server.data_dir), "-U", "postgres",
            "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8",
        ]
    )
    if res.returncode != 0:
        raise LocalDbError(f"initdb mislukt:\n{res.stderr.strip() or res.stdout.strip()}")
    return True


def start(server: LocalServer) -> list[str]:
    """Start the cluster (creating it first if needed) and make sure the database exists.

    Returns the messages worth showing; raises :class:`LocalDbError` with a clear reason otherwise.
    """
    messages: list[str] = []
    if init(server):
        messages.append(f"Nieuwe lokale PostGIS-cluster aangemaakt in {server.data_dir}.")
    if is_running(server):
        messages.append(f"Lokale database draait al op poort {server.port}.")
    else:
        stale = _clear_stale_lock(server)
        if stale:
            messages.append(stale)
        if _port_busy(server.port):
            raise LocalDbError(
                f"Poort {server.port} is al in gebruik door een ander programma. "
                f"Kies een vrije poort met HKD_PG_PORT=... of stop dat programma."
            )
        res = _run(
            [
                str(find_bindir() / "pg_ctl"), "-D", str(server.data_dir), "-l", str(server.log_file), "-w",
                "-t", "60", "-o",
                f"-p {server.port} -k {server.socket_dir} -c listen_addresses=127.0.0.1",
                "start",
            ]
        )
        if res.returncode != 0:
            tail = server.log_file.read_text()[-1500:] if server.log_file.exists() else ""
            raise LocalDbError(f"Starten van de lokale database mislukt:\n{res.stderr.strip()}\n{tail}")
        messages.append(f"Lokale database gestart op 127.0.0.1:{server.port}.")
    ensure_database(server, server.dbname)
    return messages


def ensure_database(server: LocalServer, dbname: str) -> None:
    """Create ``dbname`` with PostGIS on the local cluster when it does not exist."""
    import psycopg

    deadline = time.monotonic() + 20
    while True:
        try:
            conn = psycopg.connect(host="127.0.0.1", port=server.port, user="postgres", dbname="postgres",
                                   autocommit=True)
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    with conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,)).fetchone()
        if not exists:
            conn.execute(pgsql.SQL("CREATE DATABASE {}").format(pgsql.Identifier(dbname)))


def stop(server: LocalServer) -> str:
    """Stop the cluster if it runs."""
    if not is_running(server):
        return "Lokale database draaide niet."
    res = _run([str(find_bindir() / "pg_ctl"), "-D", str(server.data_dir), "-m", "fast", "-w", "stop"])
    if res.returncode != 0:
        raise LocalDbError(f"Stoppen mislukt: {res.stderr.strip()}")
    return "Lokale database gestopt."

