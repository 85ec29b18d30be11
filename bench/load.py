"""Concurrent public sessions over Streamlit's own websocket protocol, bounded in count and time (loopback only).

Each simulated visitor opens a session, asks for a script run of the public map, and waits until the map's
data has arrived (the deck.gl element) and the run has finished. No browser draws here: the figures are the
server's side of "time until drawn"; the browser's own share is measured by ``hkd bench``.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class LoadResult:
    """Outcome of a load run."""

    sessions: int
    seconds: float
    map_times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def runs(self) -> int:
        return len(self.map_times)

    def quantile(self, q: float) -> float:
        if not self.map_times:
            return float("nan")
        ordered = sorted(self.map_times)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    def summary(self) -> str:
        med = statistics.median(self.map_times) if self.map_times else float("nan")
        return (f"{self.sessions} gelijktijdige sessies, {self.seconds:.0f} s: {self.runs} kaarten geladen, "
                f"{len(self.errors)} fouten; tijd tot kaartgegevens mediaan {med:.2f} s, p95 {self.quantile(0.95):.2f} s")


def _is_map(fm: ForwardMsg) -> bool:
    if fm.WhichOneof("type") != "delta":
        return False
    delta = fm.delta
    return delta.WhichOneof("type") == "new_element" and delta.new_element.WhichOneof("type") == "deck_gl_json_chart"


async def _one_visit(ws_url: str, timeout: float) -> float:
    t0 = time.perf_counter()
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = ""
        await ws.send(msg.SerializeToString())
        got_map = None
        while True:
            data = await asyncio.wait_for(ws.recv(), timeout)
            fm = ForwardMsg()
            fm.ParseFromString(data)
            if got_map is None and _is_map(fm):
                got_map = time.perf_counter() - t0
            if fm.WhichOneof("type") == "script_finished":
                if got_map is None:
                    raise RuntimeError("run finished without a map")
                return got_map


async def _visitor(ws_url: str, until: float, result: LoadResult, timeout: float) -> None:
    while time.perf_counter() < until:
        try:
            result.map_times.append(await _one_visit(ws_url, timeout))
        except Exception as exc:  # every failure counts, whatever its kind
            result.errors.append(f"{type(exc).__name__}: {exc}"[:200])


def run_load(base_url: str, sessions: int = 50, seconds: float = 60, timeout: float = 30) -> LoadResult:
    """Run ``sessions`` visitors in parallel for ``seconds`` against a loopback Streamlit server."""
    host = urlparse(base_url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("load tests only target this machine (loopback)")
    ws_url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
    result = LoadResult(sessions, seconds)

    async def main() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(*(_visitor(ws_url, until, result, timeout) for _ in range(sessions)))

    asyncio.run(main())
    return result
