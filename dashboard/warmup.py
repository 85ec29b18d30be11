"""Warm a freshly started dashboard server by running its entry script once, over Streamlit's own websocket.

Two reasons: the first visitor does not pay for the imports (about 5 s), and the entry script's
``st.navigation`` switches Streamlit out of its legacy ``pages/`` mode, in which a deep link on a fresh server
would run a page file without ``app.py`` (no sidebar, no frame).
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from collections.abc import Callable

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
    return asyncio.run(visit(ws_url, timeout))
