"""The local store: one SQLite file per workspace, every change audited.

All writes go through :class:`Store` so that each one is stamped (times, origin device), committed
durably and appended to the audit chain in the same transaction. Reads may use ``store.rows``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.core import clock, ids
from inspector.core.store import db as db_module
from inspector.core.store.db import DatabaseError, MissingDatabaseError, open_database, sqlite_utils_database

if TYPE_CHECKING:
    from sqlite_utils import Database
from inspector.core.store.paths import Workspace

SYSTEM_ACTOR = "system"
WAIT_POLL_MS = 250  # how long a polite writer waits before it says that it waits
WAIT_LIMIT_MS = 10 * 60 * 1000  # … and how long it then waits for the other writer at most


class StoreError(Exception):
    pass


class ReadOnlyError(StoreError):
    """The workspace was opened read-only; nothing can be saved."""


def _audit():
    """The audit module, loaded on the first write or key lookup (not on the way to the first paint)."""
    from inspector.core.store import audit

    return audit


def _backups():
    from inspector.core.store import backups

    return backups


class StorageFullError(StoreError):
    """The disk is full: the message names the folder and the space needed; nothing was saved."""


def _missing_message(workspace: Workspace) -> str:
    last = _backups().latest(workspace)
    hint = f"最近的备份：{last}，可用 inspector restore {last} 恢复" if last else "没有找到备份"
    state = "是空文件（0 字节）" if workspace.db_path.exists() else "不见了"
    return (
        f"工作区 {workspace.root} 的数据库 {workspace.db_path} {state}，但该工作区已有数据"
        f"（照片、备份或检查点）。{hint}。为免覆盖，软件不会新建空数据库。"
    )


class Store:
    def __init__(self, db: Database | sqlite3.Connection, workspace: Workspace | None = None):
        if isinstance(db, sqlite3.Connection):
            self._db: Database | None = None
            self.conn: sqlite3.Connection = db
        else:
            self._db = db
            self.conn = db.conn
        self.workspace = workspace
        self._depth = 0
        self._column_cache: dict[str, set[str]] = {}
        self.device_id: str | None = None
        self.actor: str = SYSTEM_ACTOR
        self.read_only = bool(self.conn.execute("PRAGMA query_only").fetchone()[0])
        # Called with a message when a write has to wait for another program's (CLI: print it).
        self.on_wait: Callable[[str], None] | None = None
        self.warnings: list[str] = []  # said once to the user after opening (e.g. a failed daily backup)
        self._unchecked = False  # open(check_later=True) until check_now()
        self.reload_identity()

    @property
    def db(self) -> Database:
        """sqlite-utils' ``Database`` over this store's connection, made on first use (imports sqlite-utils)."""
        if self._db is None:
            self._db = sqlite_utils_database(self.conn)
        return self._db

    @classmethod
    def open(cls, workspace: Workspace, check_later: bool = False) -> Store:
        """Open the workspace's database, never silently replacing a lost one with an empty one.

        On the first open of each day (and before schema steps) the database is backed up.
        ``check_later`` (the app, so that its window paints first): ``quick_check`` and the daily backup
        wait for ``check_now()``, which must run before anything is written; they still run here when a
        schema step is pending (the check precedes the step) or the file is new.
        """
        path = workspace.db_path
        lost = not path.exists() or path.stat().st_size == 0
        if lost and workspace.has_data():
            raise MissingDatabaseError(_missing_message(workspace))
        defer = check_later and db_module.deferrable(path)
        if workspace.root.exists() and not workspace.writable():
            return cls._opened(
                open_database(path, workspace.backups_dir, read_only=True, check=not defer), workspace, defer
            )
        workspace.ensure()
        store = cls._opened(open_database(path, workspace.backups_dir, check=not defer), workspace, defer)
        if not store.read_only:
            try:
                workspace.mark()
            except OSError as exc:
                store._backup_failed(exc)
        if not defer:
            store._daily_backup()
        return store

    @classmethod
    def _opened(cls, conn: sqlite3.Connection, workspace: Workspace, unchecked: bool) -> Store:
        try:
            store = cls(conn, workspace)
        except sqlite3.DatabaseError:
            if unchecked:  # a damaged file read before its check: say so as the check would
                try:
                    db_module.quick_check(conn, workspace.db_path, workspace.backups_dir)
                except DatabaseError:
                    conn.close()
                    raise
            raise
        store._unchecked = unchecked
        return store

    def check_now(self) -> None:
        """The checks ``open(check_later=True)`` left: ``quick_check``, then the day's backup.

        Raises CorruptDatabaseError (naming the backup to restore from) and then writes nothing.
        """
        if not self._unchecked:
            return
        workspace = self.workspace
        db_module.quick_check(self.conn, workspace.db_path, workspace.backups_dir)
        self._unchecked = False
        self._daily_backup()

    def _daily_backup(self) -> None:
        if self.read_only or self.workspace is None:
            return
        try:
            _backups().daily(self.conn, self.workspace.backups_dir, self.workspace.db_path.stem)
        except OSError as exc:
            self._backup_failed(exc)

    def _backup_failed(self, exc: OSError) -> None:
        """The day's work goes on, but the user is told; the next open tries again."""
        detail = str(exc) if isinstance(exc, _backups().DiskFullError) else f"{exc.strerror or exc}"
        self.warnings.append(f"今天的自动备份没有完成：{detail}")

    @classmethod
    def open_file(cls, path: Path) -> Store:
        return cls(open_database(path))

    def close(self) -> None:
        self.conn.close()

    def reload_identity(self) -> None:
        device = self.conn.execute("SELECT id FROM device LIMIT 1").fetchone()
        self.device_id = device[0] if device else None
        profile = self.conn.execute(
            "SELECT id FROM inspectors WHERE is_profile=1 AND deleted_at IS NULL LIMIT 1"
        ).fetchone()
        self.actor = profile[0] if profile else SYSTEM_ACTOR

    # -- transactions ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """One durable transaction; nested calls join the outer one (as savepoints)."""
        if self._depth:
            name = f"sp{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # SQLite may have rolled all back already (e.g. disk full)
                    with contextlib.suppress(sqlite3.OperationalError):
                        self.conn.execute(f"ROLLBACK TO {name}")
                        self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        if self.read_only:
            raise ReadOnlyError(self.read_only_message())
        self._begin()
        self._depth = 1
        try:
            yield self
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            translated = self._translated(exc)
            if translated is exc:
                raise
            raise translated from exc
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _begin(self) -> None:
        """BEGIN IMMEDIATE: the write lock is taken before anything is read, so reads stay true."""
        try:
            if self.on_wait is None:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            self.conn.execute(f"PRAGMA busy_timeout={WAIT_POLL_MS}")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
            self.on_wait(f"另一个程序{self._other_writer()}正在写入工作区 {self._where()}，等待它完成……")
            self.conn.execute(f"PRAGMA busy_timeout={WAIT_LIMIT_MS}")
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            translated = self._translated(exc)
            if translated is exc:
                raise
            raise translated from exc
        finally:
            if self.on_wait is not None:
                self.conn.execute("PRAGMA busy_timeout=10000")

    @contextlib.contextmanager
    def announce(self, what: str) -> Iterator[None]:
        """Tell other writers what this long write is (they show it while they wait), e.g. an import."""
        note = self._writer_note()
        note.write_text(
            json.dumps({"what": what, "pid": os.getpid(), "since": clock.utc_iso()}, ensure_ascii=False),
            encoding="utf-8",
        )
        try:
            yield
        finally:
            note.unlink(missing_ok=True)

    def _writer_note(self) -> Path:
        if self.workspace is not None:
            return self.workspace.logs_dir / "writing.json"
        return self._where().with_name(self._where().name + ".writing.json")

    def _other_writer(self) -> str:
        try:
            note = json.loads(self._writer_note().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return "（inspector 窗口或命令）"
        return f"（{note.get('what')}，进程 {note.get('pid')}，自 {str(note.get('since', ''))[:19]} 起）"

    def _where(self) -> Path:
        return (
            self.workspace.root
            if self.workspace
            else Path(self.conn.execute("PRAGMA database_list").fetchone()[2])
        )

    def read_only_message(self) -> str:
        return f"工作区 {self._where()} 以只读方式打开（文件或文件夹不可写），不能保存改动"

    def _translated(self, exc: sqlite3.OperationalError) -> Exception:
        if _backups().is_disk_full(exc):
            folder = self._where()
            return StorageFullError(_backups().disk_full_message(folder, _backups().MIN_FREE_BYTES))
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY or "readonly" in str(exc):
            return ReadOnlyError(self.read_only_message())
        if "locked" in str(exc) or "busy" in str(exc):
            return StoreError(f"工作区 {self._where()} 正被另一个程序长时间写入，请稍后再试；本次改动未保存")
        return exc

    # -- reads ----------------------------------------------------------------------------------------

    def rows(self, sql: str, params: Any = ()) -> list[dict]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def row(self, sql: str, params: Any = ()) -> dict | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def get(self, table: str, key: str) -> dict | None:
        column = _audit().AUDITED[table]
        return self.row(f"SELECT * FROM {table} WHERE {column}=?", [key])

    # -- writes ---------------------------------------------------------------------------------------

    def _columns(self, table: str) -> set[str]:
        if table not in self._column_cache:
            self._column_cache[table] = {
                row[1] for row in self.conn.execute("SELECT * FROM pragma_table_info(?)", [table])
            }
        return self._column_cache[table]

    def _log(self, action: str, table: str, key: str) -> dict | None:
        """Append the audit entry for a record's new state; returns that state (None once deleted)."""
        row = self.get(table, key)
        _audit().append(
            self.conn,
            actor=self.actor,
            device_id=self.device_id or "",
            action=action,
            table=table,
            record_id=key,
            digest=_audit().row_digest(row) if row is not None else None,
        )
        return row

    def insert(self, table: str, record: dict, action: str = "create") -> dict:
        record = dict(record)
        columns = self._columns(table)
        key = _audit().AUDITED[table]
        stamp = clock.utc_iso()
        if key == "id":
            record.setdefault("id", ids.new_id())
        for column, value in (
            ("created_at", stamp),
            ("updated_at", stamp),
            ("origin_device", self.device_id),
        ):
            if column in columns:
                record.setdefault(column, value)
        if "origin_device" in columns and not record.get("origin_device"):
            raise StoreError("本机尚未初始化（缺少设备标识），请先完成首次设置")
        names = list(record)
        with self.transaction():
            self.conn.execute(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [record[n] for n in names],
            )
            return self._log(action, table, str(record[key])) or record

    def update(self, table: str, key_value: str, changes: dict, action: str = "update") -> dict:
        changes = dict(changes)
        key = _audit().AUDITED[table]
        if "updated_at" in self._columns(table):
            changes.setdefault("updated_at", clock.utc_iso())
        assignments = ", ".join(f"{name}=?" for name in changes)
        with self.transaction():
            cur = self.conn.execute(
                f"UPDATE {table} SET {assignments} WHERE {key}=?", [*changes.values(), key_value]
            )
            if cur.rowcount != 1:
                raise StoreError(f"{table} 中没有记录 {key_value}")
            return self._log(action, table, key_value) or {}

    def delete(self, table: str, key_value: str, action: str = "delete") -> None:
        """Remove a record for good (link rows); records that travel are retired with ``deleted_at``."""
        key = _audit().AUDITED[table]
        with self.transaction():
            self.conn.execute(f"DELETE FROM {table} WHERE {key}=?", [key_value])
            self._log(action, table, key_value)

    # -- settings -------------------------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        found = self.conn.execute("SELECT value FROM settings WHERE key=?", [key]).fetchone()
        return json.loads(found[0]) if found else default

    def set_setting(self, key: str, value: Any) -> None:
        encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self.transaction():
            exists = self.conn.execute("SELECT 1 FROM settings WHERE key=?", [key]).fetchone()
            if exists:
                self.update("settings", key, {"value": encoded}, action="setting")
            else:
                self.insert(
                    "settings", {"key": key, "value": encoded, "updated_at": clock.utc_iso()}, "setting"
                )
