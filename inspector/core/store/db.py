"""Open the workspace database: durability settings, backups and schema steps.

WAL with ``synchronous=FULL`` makes every committed transaction survive a power cut, not just a crash.
Before pending schema steps run, the file is copied aside (SQLite's online backup, which is consistent
under WAL). A file written by a newer version of the app is refused and left untouched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from inspector.core import clock
from inspector.core.store.migrations import MIGRATION_SET, migrations


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


class NewerDatabaseError(DatabaseError):
    pass


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection with the app's durability settings (used by the store and by benchmarks)."""
    conn = sqlite3.connect(str(path), timeout=10)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _applied_names(path: Path) -> list[str]:
    """Schema steps recorded in the file, read without changing it.

    A plain connection that only reads: as the last connection it removes the WAL side files it made,
    so a refused file is left exactly as it was found.
    """
    conn = sqlite3.connect(str(path))
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
        ).fetchone()
        if not has_table:
            return []
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set=? ORDER BY rowid", [MIGRATION_SET]
        ).fetchall()
        return [row[0] for row in rows]
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} 不是可用的数据库文件：{exc}") from exc
    finally:
        conn.close()


def known_steps() -> list[str]:
    return [step.name for step in migrations._migrations]


def check_not_newer(path: Path) -> list[str]:
    applied = _applied_names(path) if path.exists() else []
    unknown = [name for name in applied if name not in known_steps()]
    if unknown:
        raise NewerDatabaseError(
            f"数据库 {path} 由更新版本的 inspector 写入（未知的结构步骤：{', '.join(unknown)}）。"
            "请升级本软件后再打开；文件未作任何改动。"
        )
    return applied


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def open_database(path: Path, backups_dir: Path | None = None) -> Database:
    """Open (creating if needed) and bring the schema up to date, or raise DatabaseError."""
    path = Path(path)
    applied = check_not_newer(path)
    conn = connect(path)
    db = Database(conn)
    pending = [step.name for step in migrations.pending(db)]
    if pending and applied:
        stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
        backup(conn, (backups_dir or path.parent) / f"{path.stem}-{stamp}-before-{pending[0]}.db")
    try:
        migrations.apply(db)
    except Exception as exc:
        conn.close()
        raise DatabaseError(f"数据库结构升级失败（已回滚，原文件已备份）：{exc}") from exc
    return db
