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

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from ops.serve import visit


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


async def _visitor(ws_url: str, until: float, result: LoadResult, timeout: float) -> None:
    while time.perf_counter() < until:
        try:
            result.map_times.append(await visit(ws_url, timeout, _is_map))
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
