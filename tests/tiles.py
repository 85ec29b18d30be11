"""A local XYZ tile server for the tests: stdlib http.server, generated PNG tiles, and a log of every request."""

from __future__ import annotations

import struct
import threading
import zlib
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def png(rgb: tuple[int, int, int] = (120, 180, 230), size: int = 256) -> bytes:
    """A plain-coloured ``size`` x ``size`` RGB PNG (stdlib only)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * size))
            + chunk(b"IEND", b""))


class TileServer:
    """Serves ``/tiles/{z}/{x}/{y}.png`` (one colour) on 127.0.0.1; ``requests`` lists every path asked for."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.tile = png()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server API)
                server.requests.append(self.path)
                parts = self.path.split("?")[0].strip("/").split("/")
                if len(parts) == 4 and parts[0] == "tiles" and parts[3].endswith(".png"):
                    self.send_response(200)
                    self.send_header("Content-Type", "image/png")
                    self.send_header("Access-Control-Allow-Origin", "*")
                    self.send_header("Content-Length", str(len(server.tile)))
                    self.end_headers()
                    self.wfile.write(server.tile)
                else:
                    self.send_error(404)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.template = f"http://127.0.0.1:{self.port}/tiles/{{z}}/{{x}}/{{y}}.png"

    def tile_requests(self) -> list[str]:
        return [p for p in self.requests if p.startswith("/tiles/")]


@contextmanager
def tile_server():
    """A running :class:`TileServer`, stopped afterwards."""
    server = TileServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
