"""Conflicts to review: records both the office and the field changed, each with both versions kept.

The import already applied the written rule (:func:`rules.resolve`); here a clerk sees what each side
said, column by column, and marks the conflict reviewed. Pages by (at, id), never all rows.
"""

from __future__ import annotations

import json

from inspector.core import clock
from inspector.core.sync.report import TITLES

_IGNORED = {"updated_at"}


def count_open(store) -> int:
    return store.conn.execute("SELECT count(*) FROM sync_conflicts WHERE reviewed_at IS NULL").fetchone()[0]


def open_conflicts(store, limit: int = 50, after: dict | None = None) -> list[dict]:
    """The oldest open conflicts first; ``after`` = the last row of the previous page."""
    sql = "SELECT * FROM sync_conflicts WHERE reviewed_at IS NULL"
    params: list = []
    if after:
        sql += " AND (at, id) > (?, ?)"
        params += [after["at"], after["id"]]
    rows = store.rows(sql + " ORDER BY at, id LIMIT ?", [*params, limit])
    for row in rows:
        row["what"] = TITLES.get(row["table_name"], row["table_name"])
        row["differences"] = differences(row)
    return rows


def differences(conflict: dict) -> list[dict]:
    """Column by column where the two versions differ: what the office had, the field sent, and was kept."""
    office = json.loads(conflict["office_version"])
    field = json.loads(conflict["field_version"])
    kept = json.loads(conflict["kept"])
    return [
        {"column": column, "office": office.get(column), "field": field.get(column), "kept": kept.get(column)}
        for column in sorted(set(office) | set(field))
        if column not in _IGNORED and office.get(column) != field.get(column)
    ]


def describe(conflict: dict) -> str:
    """One line a clerk reads: 字段：办公室 → 现场（保留 …）."""
    parts = []
    for d in conflict["differences"]:
        side = "办公室" if d["kept"] == d["office"] else "现场"
        parts.append(f"{d['column']}：办公室“{d['office']}”，现场“{d['field']}”，保留{side}的")
    return "；".join(parts)


def mark_reviewed(store, conflict_id: str) -> None:
    """Mark a conflict reviewed (once), through the audit trail."""
    with store.transaction():
        if store.row("SELECT 1 FROM sync_conflicts WHERE id=? AND reviewed_at IS NULL", [conflict_id]):
            store.update(
                "sync_conflicts", conflict_id, {"reviewed_at": clock.utc_iso()}, action="review_conflict"
            )
