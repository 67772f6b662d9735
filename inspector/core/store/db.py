"""Open the workspace database: durability settings, checks, backups and schema steps.

WAL with ``synchronous=FULL`` makes every committed transaction survive a power cut, not just a crash.
``PRAGMA quick_check`` runs on every open (the app may run it just after its first paint instead:
``check=False``, honoured only when no schema step is pending, since the check must precede a step). Before pending schema steps run, the file is copied aside
(SQLite's online backup, which is consistent under WAL). A file written by a newer version of the app
is refused and left untouched (it is read through a ``mode=ro`` connection, which never checkpoints its
``-wal``). A file or folder the user cannot write is opened read-only.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from inspector.core.store.migrations import MIGRATION_SET, migrations


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


class NewerDatabaseError(DatabaseError):
    pass


class CorruptDatabaseError(DatabaseError):
    pass


class MissingDatabaseError(DatabaseError):
    pass


def connect(path: Path | str, read_only: bool = False) -> sqlite3.Connection:
    """A connection with the app's durability settings (used by the store and by benchmarks)."""
    if read_only:
        conn = sqlite3.connect(read_only_uri(Path(path)), uri=True, timeout=10)
        conn.execute("PRAGMA query_only=ON")
    else:
        conn = sqlite3.connect(str(path), timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without ever writing it or checkpointing its -wal into it.

    Without a -wal beside it the file alone is the database: ``immutable`` reads it without creating
    side files. With one, ``mode=ro`` reads both.
    """
    path = Path(path).resolve()
    has_wal = path.with_name(path.name + "-wal").exists()
    return f"{path.as_uri()}?mode=ro" + ("" if has_wal else "&immutable=1")  # file:///C:/… on Windows


def writable(path: Path) -> bool:
    """Whether the app may write the database file and create its side files beside it."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def _restore_hint(backups_dir: Path | None) -> str:
    from inspector.core.store import backups

    found = backups.latest_good(backups_dir) if backups_dir else None
    if found is None:
        return "没有找到完好的备份。"
    return f"最近的完好备份是 {found}，可用 inspector restore {found} 恢复。"


def _applied_names(path: Path) -> list[str]:
    """Schema steps recorded in the file, read without changing it.

    A ``mode=ro`` connection: it never writes the file, so it never checkpoints a ``-wal`` into it and a
    refused file is left exactly as it was found.
    """
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"无法读取数据库 {path}：{exc}") from exc
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
    return migrations.names()


def check_not_newer(path: Path) -> list[str]:
    applied = _applied_names(path) if path.exists() else []
    unknown = [name for name in applied if name not in known_steps()]
    if unknown:
        raise NewerDatabaseError(
            f"数据库 {path} 由更新版本的 inspector 写入（未知的结构步骤：{', '.join(unknown)}）。"
            "请升级本软件后再打开；文件未作任何改动。"
        )
    return applied


def quick_check(conn: sqlite3.Connection, path: Path, backups_dir: Path | None) -> None:
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        result = [str(exc)]
    if result != ["ok"]:
        found = "; ".join(" ".join(line.split()) for line in result)  # SQLite's lines, as one line of text
        raise CorruptDatabaseError(
            f"数据库文件 {path} 已损坏（SQLite quick_check：{found}）。{_restore_hint(backups_dir)}"
        )


def deferrable(path: Path) -> bool:
    """Whether opening ``path`` may leave ``quick_check`` for later: it exists and no schema step is pending."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return False
    try:
        applied = check_not_newer(path)
    except DatabaseError:
        return False  # opening says why, with the check first
    return all(name in applied for name in known_steps())


def open_database(
    path: Path, backups_dir: Path | None = None, read_only: bool | None = None, check: bool = True
) -> sqlite3.Connection:
    """Open (creating if needed), check and bring the schema up to date, or raise DatabaseError.

    ``read_only`` None: read-only exactly when the file or its folder cannot be written. ``check`` False
    leaves ``quick_check`` to the caller (who must run it before writing), unless a schema step is
    pending: then it runs here, before the step. sqlite-utils is imported only when a schema step is
    pending (the steps' names are known without it).
    """
    path = Path(path)
    applied = check_not_newer(path)
    pending = [name for name in known_steps() if name not in applied]
    if read_only is None:
        read_only = path.exists() and not writable(path)
    try:
        conn = connect(path, read_only=read_only)
    except sqlite3.Error as exc:
        raise DatabaseError(f"无法打开数据库 {path}：{exc}") from exc
    if check or pending:
        try:
            quick_check(conn, path, backups_dir)
        except DatabaseError:
            conn.close()
            raise
    if read_only:
        if pending:
            conn.close()
            raise DatabaseError(
                f"数据库 {path} 是只读的，且需要升级结构（{', '.join(pending)}）才能使用；"
                "请让该文件和所在文件夹可写后再打开。"
            )
        return conn
    if not pending:
        return conn
    if applied:
        from inspector.core.store import backups

        backups.make(conn, backups.target(backups_dir or path.parent, path.stem, f"before-{pending[0]}"))
    try:
        migrations.apply(sqlite_utils_database(conn))
    except Exception as exc:
        conn.close()
        raise DatabaseError(f"数据库结构升级失败（已回滚，原文件已备份）：{exc}") from exc
    return conn


def sqlite_utils_database(conn: sqlite3.Connection):
    """sqlite-utils' ``Database`` over ``conn`` (imports sqlite-utils: only where a step or helper needs it).

    No sqlite-utils plugins: the app ships none, and looking for them scans every installed package's
    entry points (≈ 12 ms); what happens to be installed must not change the store.
    """
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)
