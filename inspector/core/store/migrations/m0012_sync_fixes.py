"""Schema step 0012_sync_fixes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from inspector.core.store.migrations import migrations


@migrations(name="0012_sync_fixes")
def sync_fixes(db: Database) -> None:
    """Sync fixes: id aliases (an enterprise two workspaces registered under two ids, one 统一社会信用代码,
    merged into the record already held), the last export found by time, and the trusted signing keys and
    the conflicts to review audited: the rows already there get their audit entry ("migrate") so that
    ``audit verify`` holds from here on."""
    from inspector.core.store import audit

    db.executescript(
        """
        CREATE TABLE sync_aliases (
            table_name TEXT NOT NULL,
            alias_id TEXT NOT NULL,        -- the id another workspace gave the record
            record_id TEXT NOT NULL,       -- the record held here it was merged into
            bundle_id TEXT NOT NULL,       -- the bundle that brought it
            at TEXT NOT NULL,
            PRIMARY KEY (table_name, alias_id)
        );
        CREATE INDEX sync_exports_created ON sync_exports(created_at, seq_to, id);
        """
    )
    conn = db.conn
    device = conn.execute("SELECT id FROM device ORDER BY id LIMIT 1").fetchone()
    for table, key in (("sync_conflicts", "id"), ("sync_keys", "key_id")):
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY {key}")
        names = [c[0] for c in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            audit.append(
                conn,
                actor="",
                device_id=device[0] if device else "",
                action="migrate",
                table=table,
                record_id=str(row[key]),
                digest=audit.row_digest(row),
            )
