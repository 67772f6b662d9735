"""One window per workspace: the second start brings the first window forward, or says where it is open.

The workspace lock (:mod:`inspector.core.store.lock`) decides who is first; the first listens on a
QLocalServer named after the workspace, and a second start that finds the lock taken asks it, through a
QLocalSocket, to come forward. When no window answers (the lock is held by ``inspector restore``, or by
an app on another computer sharing the folder), the second start says who holds it.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from inspector.core.store.lock import WorkspaceLock

FIRST, HANDED_OVER, ELSEWHERE = "first", "handed-over", "elsewhere"
_RAISE = b"raise\n"


def server_name(root: Path) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name (some service accounts): the path alone
        user = ""
    key = f"{Path(root).resolve()}|{user}".encode()
    return "inspector-" + hashlib.sha256(key).hexdigest()[:20]


class SingleInstance(QObject):
    """``claim()`` once at start; keep the object alive as long as the window."""

    activated = Signal()  # another start asked this window to come forward

    def __init__(self, root: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.lock = WorkspaceLock(root, "app")
        self.name = server_name(root)
        self.server: QLocalServer | None = None

    def claim(self) -> str:
        try:
            first = self.lock.acquire()
        except OSError:  # a folder this user cannot write: the app opens read-only, nothing to guard
            return FIRST
        if first:
            self._listen()
            return FIRST
        return HANDED_OVER if self._ask_first_to_come_forward() else ELSEWHERE

    def holder(self) -> str:
        return self.lock.holder()

    def elsewhere_message(self) -> str:
        text = self.tr(
            "This workspace is already open: %1.\nClose it there first, or open another workspace."
        )
        return text.replace("%1", self.holder() or str(self.lock.path.parent))

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.release()

    def _listen(self) -> None:
        QLocalServer.removeServer(self.name)  # a socket file left by a crash; we hold the lock
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(self.name)

    def _on_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            if socket.bytesAvailable():
                self._on_message(socket)

    def _on_message(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_RAISE.strip()):
            self.activated.emit()
        socket.disconnectFromServer()

    def _ask_first_to_come_forward(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(1000):
            return False
        socket.write(_RAISE)
        sent = socket.waitForBytesWritten(1000)
        socket.disconnectFromServer()
        return sent


def bring_forward(window) -> None:
    from PySide6.QtCore import Qt

    window.setWindowState((window.windowState() & ~Qt.WindowMinimized) | Qt.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
