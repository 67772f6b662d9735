"""One app window per workspace: an OS file lock on ``inspector.lock`` in the workspace folder.

The lock is held by the open app (and by ``inspector restore``, which replaces the database file). The
operating system releases it when the process ends, however it ends, so a crash leaves no stale lock.
The file names the holder (process id, host, what it is doing) for the message the next one shows.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from inspector.core import clock

FILE_NAME = "inspector.lock"


def _host() -> str:
    """This computer's name (``socket`` is not imported for it: a few ms of every start)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    name = os.environ.get("COMPUTERNAME")
    if name:
        return name
    import socket

    return socket.gethostname()


class WorkspaceLock:
    def __init__(self, root: Path, purpose: str = "app"):
        self.path = Path(root) / FILE_NAME
        self.purpose = purpose
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process holds it."""
        if self._handle is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        note = {
            "pid": os.getpid(),
            "host": _host(),
            "purpose": self.purpose,
            "since": clock.utc_iso(),
        }
        handle.write(json.dumps(note).encode() + b"\n" + b" " * 64)  # padding: the locked byte range
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def note(self) -> dict:
        """What the holder wrote: pid, host, purpose, since (empty when unknown)."""
        try:
            note = json.loads(self.path.read_text(encoding="utf-8").splitlines()[0])
        except (OSError, ValueError, IndexError):
            return {}
        return note if isinstance(note, dict) else {}

    def holder(self) -> str:
        """Who holds the lock, as a person would read it (empty when unknown)."""
        note = self.note()
        if not note:
            return ""
        what = {"app": "inspector 窗口", "restore": "inspector restore"}.get(note.get("purpose"), "inspector")
        return f"{what}（进程 {note.get('pid')}，计算机 {note.get('host')}，自 {note.get('since', '')[:19]}）"

    def held_by_app_here(self) -> bool:
        """The holder is an app window on this computer (it may still be starting)."""
        note = self.note()
        return note.get("purpose") == "app" and note.get("host") == _host()

    def __enter__(self) -> WorkspaceLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
