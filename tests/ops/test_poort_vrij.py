"""The local database's port check: a listener makes the port busy, a free port stays usable afterwards."""

import socket

from ops.localdb import _port_busy


def _vrije_poort() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_port_another_program_listens_on_is_busy():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as luisteraar:
        luisteraar.bind(("127.0.0.1", 0))
        luisteraar.listen(1)
        assert _port_busy(luisteraar.getsockname()[1])


def test_asking_about_a_free_port_leaves_it_free_to_listen_on():
    poort = _vrije_poort()
    for _ in range(50):
        assert not _port_busy(poort)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", poort))  # PostgreSQL binds without waiting out TIME_WAIT leftovers of a probe
        server.listen(1)
        assert _port_busy(poort)
