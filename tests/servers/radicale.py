"""A real CalDAV server (Radicale) on a random loopback port, for tests.

Radicale runs in-process as a WSGI app behind a threading wsgiref server, with its storage
in a temporary folder and htpasswd (plain) authentication for one user.
"""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


@dataclass
class RadicaleServer:
    """A running Radicale: ``url`` is the server root, ``calendar_url`` one empty calendar."""

    url: str
    user: str
    password: str
    calendar_url: str
    storage: Path
    _server: WSGIServer
    _thread: threading.Thread

    def stop(self) -> None:
        """Shuts the server down."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def start_radicale(root: Path, user: str = "alice", password: str = "secret") -> RadicaleServer:
    """Starts Radicale on 127.0.0.1 with one user and one calendar called ``work``."""
    import caldav
    import radicale
    import radicale.config
    import radicale.log

    storage = root / "collections"
    (storage / "collection-root").mkdir(parents=True, exist_ok=True)
    users = root / "users"
    users.write_text(f"{user}:{password}\n", encoding="utf-8")
    configuration = radicale.config.load([])
    configuration.update(
        {
            "auth": {
                "type": "htpasswd",
                "htpasswd_filename": str(users),
                "htpasswd_encryption": "plain",
                "delay": "0",
            },
            "rights": {"type": "owner_only"},
            "storage": {"filesystem_folder": str(storage)},
            "logging": {"level": "warning", "mask_passwords": "True"},
        },
        "test",
        privileged=True,
    )
    app = radicale.Application(configuration)
    server = make_server(
        "127.0.0.1", 0, app, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )
    port = server.server_address[1]
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="radicale", daemon=True
    )
    thread.start()
    url = f"http://127.0.0.1:{port}/"
    client = caldav.DAVClient(url=url, username=user, password=password, require_tls=False)
    calendar = client.principal().make_calendar(name="work", cal_id="work")
    return RadicaleServer(
        url=url,
        user=user,
        password=password,
        calendar_url=str(calendar.url),
        storage=storage,
        _server=server,
        _thread=thread,
    )


@pytest.fixture
def radicale_server(tmp_path: Path) -> Iterator[RadicaleServer]:
    """A Radicale CalDAV server with user alice/secret and an empty ``work`` calendar."""
    server = start_radicale(tmp_path)
    try:
        yield server
    finally:
        server.stop()
