"""One window per data folder: a second start hands over to the running window."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAKE = b"show\n"
QUICK = b"quick\n"  # open the quick-ask window


def server_name(data_dir: Path) -> str:
    """A per-user, per-data-folder name for the local socket."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"hearth-{digest}"


def ask_running_instance_to_show(
    data_dir: Path, timeout_ms: int = 1000, request: bytes = WAKE
) -> bool:
    """Tells the running Hearth to bring its window (or with ``QUICK``, its quick-ask
    window) forward; whether it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(request)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts on the same data folder and asks the window to show."""

    showRequested = Signal()
    quickRequested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(data_dir)
        QLocalServer.removeServer(name)  # a crashed instance may have left the socket
        self.listening = self._server.listen(name)
        self._server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # The socket is a child of the server and goes with it.
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))

    def _on_ready(self, socket: QLocalSocket) -> None:
        said = bytes(socket.readAll().data())
        if said.startswith(WAKE.strip()):
            self.showRequested.emit()
        elif said.startswith(QUICK.strip()):
            self.quickRequested.emit()
