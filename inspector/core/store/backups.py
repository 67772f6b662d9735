"""Rolling backups with SQLite's online backup API (consistent under WAL, while the app is open).

A backup is taken on the first open of each day and before every schema step; the newest
``KEEP_DAILY`` daily copies and ``KEEP_OTHER`` of the others are kept. The copy of the database taken
before a restore (``…-before-restore.db``) is never pruned: it is what a restore discarded. Each is written to a ``.part`` file
and renamed when complete, so a crash or a full disk never leaves a half copy that looks like a backup.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from inspector.core import clock

KEEP_DAILY = 7
KEEP_OTHER = 5
DAILY = "daily"
BEFORE_RESTORE = "before-restore"  # the label of the safety copy made by a restore: never pruned
MIN_FREE_BYTES = 64 * 2**20  # what a write is asked to leave free when the disk is full


class DiskFullError(OSError):
    """The disk is full; the message names the folder, the space left and the space needed."""


def disk_full_message(folder: Path, needed: int) -> str:
    free = _free(folder)
    left = f"只剩 {free / 2**20:.0f} MB" if free is not None else "已满"
    return (
        f"磁盘空间不足：文件夹 {folder} 所在的磁盘{left}，还需要约 {max(needed, 2**20) / 2**20:.0f} MB。"
        "请清理磁盘后重试；本次操作没有保存任何内容。"
    )


def _free(folder: Path) -> int | None:
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            import shutil

            return shutil.disk_usage(candidate).free
    return None


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    if isinstance(exc, sqlite3.Error):
        return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(exc)
    return False


def stamp() -> str:
    return clock.now().strftime("%Y%m%dT%H%M%SZ")


def target(folder: Path, stem: str, label: str) -> Path:
    return folder / f"{stem}-{stamp()}-{label}.db"


def make(conn: sqlite3.Connection, path: Path) -> Path:
    """Copy the open database to ``path`` (via ``path.part``); a full disk leaves nothing behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(str(part))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        part.replace(path)
    except (OSError, sqlite3.Error) as exc:
        part.unlink(missing_ok=True)
        if is_disk_full(exc):
            size = (
                conn.execute("PRAGMA page_count").fetchone()[0]
                * conn.execute("PRAGMA page_size").fetchone()[0]
            )
            raise DiskFullError(errno.ENOSPC, disk_full_message(path.parent, size)) from exc
        raise
    return path


def all_backups(folder: Path) -> list[Path]:
    """Finished backups, newest first (the stamp in the name orders them; the name breaks ties)."""
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.glob("*.db") if p.is_file()), key=lambda p: (_stamp_of(p), p.name), reverse=True
    )


def _stamp_of(path: Path) -> str:
    parts = path.stem.split("-")
    return next((part for part in parts if len(part) == 16 and part.endswith("Z") and "T" in part), "")


def latest(workspace) -> Path | None:
    """The newest backup that SQLite's ``quick_check`` finds sound (the one to restore from)."""
    return latest_good(workspace.backups_dir)


def latest_good(folder: Path) -> Path | None:
    for path in all_backups(folder):
        if is_sound(path):
            return path
    return None


def is_sound(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        return [row[0] for row in conn.execute("PRAGMA quick_check(1)")] == ["ok"]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def daily(conn: sqlite3.Connection, folder: Path, stem: str) -> Path | None:
    """Today's backup, unless one was taken already today (UTC); then prune old ones."""
    today = clock.now().strftime("%Y%m%d")
    if any(_stamp_of(p).startswith(today) and p.stem.endswith(DAILY) for p in all_backups(folder)):
        return None
    made = make(conn, target(folder, stem, DAILY))
    prune(folder)
    return made


def prune(folder: Path) -> None:
    """Keep the newest KEEP_DAILY daily backups and KEEP_OTHER of the rest (manual, before steps).

    Copies taken before a restore are kept whatever their number (only a person deletes them).
    """
    found = [p for p in all_backups(folder) if not p.stem.endswith(BEFORE_RESTORE)]
    dailies = [p for p in found if p.stem.endswith(DAILY)]
    others = [p for p in found if not p.stem.endswith(DAILY)]
    for old in dailies[KEEP_DAILY:] + others[KEEP_OTHER:]:
        old.unlink(missing_ok=True)
    for stale in folder.glob("*.part"):  # left by a crash in the middle of a copy
        stale.unlink(missing_ok=True)
