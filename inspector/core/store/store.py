"""The local store: one SQLite file per workspace, every change audited.

All writes go through :class:`Store` so that each one is stamped (times, origin device), committed
durably and appended to the audit chain in the same transaction. Reads may use ``store.rows``.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector.core import clock, ids
from inspector.core.store import audit
from inspector.core.store.db import open_database
from inspector.core.store.paths import Workspace

SYSTEM_ACTOR = "system"


class StoreError(Exception):
    pass


class Store:
    def __init__(self, db: Database, workspace: Workspace | None = None):
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.workspace = workspace
        self._depth = 0
        self._column_cache: dict[str, set[str]] = {}
        self.device_id: str | None = None
        self.actor: str = SYSTEM_ACTOR
        self.reload_identity()

    @classmethod
    def open(cls, workspace: Workspace) -> Store:
        workspace.ensure()
        return cls(open_database(workspace.db_path, workspace.backups_dir), workspace)

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
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    # -- reads ----------------------------------------------------------------------------------------

    def rows(self, sql: str, params: Any = ()) -> list[dict]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def row(self, sql: str, params: Any = ()) -> dict | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def get(self, table: str, key: str) -> dict | None:
        column = audit.AUDITED[table]
        return self.row(f"SELECT * FROM {table} WHERE {column}=?", [key])

    # -- writes ---------------------------------------------------------------------------------------

    def _columns(self, table: str) -> set[str]:
        if table not in self._column_cache:
            self._column_cache[table] = {col.name for col in self.db.table(table).columns}
        return self._column_cache[table]

    def _log(self, action: str, table: str, key: str) -> dict | None:
        """Append the audit entry for a record's new state; returns that state (None once deleted)."""
        row = self.get(table, key)
        audit.append(
            self.conn,
            actor=self.actor,
            device_id=self.device_id or "",
            action=action,
            table=table,
            record_id=key,
            digest=audit.row_digest(row) if row is not None else None,
        )
        return row

    def insert(self, table: str, record: dict, action: str = "create") -> dict:
        record = dict(record)
        columns = self._columns(table)
        key = audit.AUDITED[table]
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
        key = audit.AUDITED[table]
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
        key = audit.AUDITED[table]
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
