"""Start the dashboard server and warm it up by running its entry script once, over Streamlit's own websocket.

Warming up, for two reasons: the first visitor does not pay for the imports (about 5 s), and the entry script's
``st.navigation`` switches Streamlit out of its legacy ``pages/`` mode, in which a deep link on a fresh server
would run a page file without ``app.py`` (no sidebar, no frame).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


async def visit(ws_url: str, timeout: float, watch: Callable[[ForwardMsg], bool] | None = None) -> float:
    """Open one session, run the default page to the end; return seconds until ``watch`` first matched
    (or until the run finished when ``watch`` is None)."""
    t0 = time.perf_counter()
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = ""
        await ws.send(msg.SerializeToString())
        seen = None
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await asyncio.wait_for(ws.recv(), timeout))
            if seen is None and watch is not None and watch(fm):
                seen = time.perf_counter() - t0
            if fm.WhichOneof("type") == "script_finished":
                if watch is None:
                    return time.perf_counter() - t0
                if seen is None:
                    raise RuntimeError("the run finished without the expected element")
                return seen


def wait_healthy(base_url: str, timeout: float = 60) -> None:
    """Wait until the server answers its health check."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(base_url.rstrip("/") + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{base_url} did not come up in {timeout:.0f} s") from None
            time.sleep(0.2)


def warm_up(base_url: str, timeout: float = 90) -> float:
    """Run the entry script once; returns its duration in seconds."""
    ws_url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
    # In a thread of its own: the caller may already run an event loop (Playwright's sync API does).
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, visit(ws_url, timeout)).result()


ROOT = Path(__file__).resolve().parent.parent


def streamlit_command(port: int, address: str = "127.0.0.1") -> list[str]:
    """``streamlit run dashboard/app.py`` headless on ``address:port`` (run with the project root as cwd)."""
    return [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"), "--server.headless",
            "true", "--server.port", str(port), "--server.address", address]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running(database_url: str, log_dir: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run ``streamlit run dashboard/app.py`` on a free loopback port against ``database_url``, warmed up;
    yield its base URL. The server's output goes to ``log_dir/streamlit-PORT.log``."""
    port = free_port()
    log_dir.mkdir(parents=True, exist_ok=True)
    with open(log_dir / f"streamlit-{port}.log", "w") as log:
        proc = subprocess.Popen(
            streamlit_command(port), cwd=ROOT, env={**os.environ, **(env or {}), "DATABASE_URL": database_url}, stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            try:
                wait_healthy(base)
            except TimeoutError:
                raise RuntimeError(f"streamlit did not start; see {log.name}") from None
            warm_up(base)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:  # script threads still busy after a load run: stop it hard
                proc.kill()
                proc.wait()
