"""One window per workspace: the second start brings the first window forward, or says where it is open.

The workspace lock (:mod:`inspector.core.store.lock`) decides who is first; the first listens on a
QLocalServer named after the workspace (from just after its first paint: QtNetwork is not on the way to
the window), and a second start that finds the lock taken asks it, through a QLocalSocket, to come
forward — waiting a few seconds for a window on this computer that is still starting. When no window
answers (the lock is held by ``inspector restore``, or by an app on another computer sharing the folder),
the second start says who holds it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from inspector.core.store.lock import WorkspaceLock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

FIRST, HANDED_OVER, ELSEWHERE = "first", "handed-over", "elsewhere"
_RAISE = b"raise\n"
STARTING_WINDOW_WAIT = 3.0  # seconds a second start waits for a first window that is still starting


def server_name(root: Path) -> str:
    import getpass
    import hashlib

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
        self.root = Path(root)
        self.server: QLocalServer | None = None

    def claim(self) -> str:
        """FIRST (this start holds the workspace: call ``listen()`` once its window shows), HANDED_OVER
        (the first window was asked to come forward) or ELSEWHERE (see ``elsewhere_message()``)."""
        try:
            first = self.lock.acquire()
        except OSError:  # a folder this user cannot write: the app opens read-only, nothing to guard
            return FIRST
        if first:
            return FIRST
        return HANDED_OVER if self._ask_first_to_come_forward() else ELSEWHERE

    def listen(self) -> None:
        """Answer later starts (bring this window forward). Only once the lock is held."""
        if self.server is not None or not self.lock.held:
            return
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.root)
        QLocalServer.removeServer(name)  # a socket file left by a crash; we hold the lock
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(name)

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
        from PySide6.QtNetwork import QLocalSocket

        name = server_name(self.root)
        socket = QLocalSocket()
        give_up = time.monotonic() + (STARTING_WINDOW_WAIT if self.lock.held_by_app_here() else 0)
        while True:
            socket.connectToServer(name)
            if socket.waitForConnected(1000):
                break
            if time.monotonic() >= give_up:
                return False
            time.sleep(0.1)  # the first window is still starting: it listens from its first paint
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
