"""One window per person: a second start hands over to the running one and ends.

Double-clicking the app (or a .sponsor file) while it already runs brings the running window
forward, and opens the file there, rather than starting a second window that would find the
file locked. The running window listens on a local socket (QLocalServer: a Unix socket only
its user may connect to, or a named pipe on Windows) named for the user and the app's folders,
so two people on one computer, or a portable copy with its own SPONSOR_DESK_HOME (and each
test), each have their own.

The message is one line of JSON, {"open": "/path/to/file" or null}, answered by "ok".
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..locations import data_dir

CONNECT_MS = 500
ANSWER_MS = 2000
_LOCK_MS = 3000


def server_name() -> str:
    """Per user and per app folder; short, because Unix socket paths are."""
    key = f"{getpass.getuser()}\0{data_dir().resolve()}".encode()
    return f"sponsor-desk-{hashlib.sha256(key).hexdigest()[:16]}"


def hand_over(path: Path | None) -> bool:
    """Tell a running window to come forward (and open `path`); True when one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = {"open": str(Path(path).resolve()) if path is not None else None}
    socket.write((json.dumps(message) + "\n").encode())
    socket.flush()
    answered = socket.waitForReadyRead(ANSWER_MS) and bytes(socket.readAll()).startswith(b"ok")
    socket.disconnectFromServer()
    return answered


class Listener(QObject):
    """The running window's ear: calls `arrived(path or None)` for each later start."""

    def __init__(self, arrived: Callable[[Path | None], None], parent: QObject | None = None):
        super().__init__(parent)
        self._arrived = arrived
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)

    def listen(self) -> bool:
        """Start listening; a socket a crashed window left behind is cleared first."""
        name = server_name()
        if self._server.listen(name):
            return True
        QLocalServer.removeServer(name)  # only reached when no window answered on it
        return self._server.listen(name)

    def _on_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_ready(socket)

    def _on_ready(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            message = json.loads(bytes(socket.readLine()).decode())
            path = Path(message["open"]) if message.get("open") else None
        except (ValueError, KeyError, TypeError, AttributeError):
            socket.disconnectFromServer()  # not one of ours: ignored
            return
        socket.write(b"ok\n")
        socket.flush()
        self._arrived(path)


def start_or_hand_over(path: Path | None, arrived: Callable[[Path | None], None]):
    """(listener, None) for the first window, or (None, True) when a running one took over.

    A lock in the app's folder makes "is one running? if not, I am the one" a single step,
    so two windows started at the same moment cannot both become the running one."""
    lock = QLockFile(str(data_dir() / "window.lock"))  # a crashed holder's is stale
    locked = lock.tryLock(_LOCK_MS)
    try:
        if hand_over(path):
            return None, True
        listener = Listener(arrived, QCoreApplication.instance())  # lives as long as the app
        if not listener.listen():
            return None, False  # no single-window guard this time; the app still works
        return listener, False
    finally:
        if locked:
            lock.unlock()
