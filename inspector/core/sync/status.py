"""What has not been exported yet (home page, sync page, export): light, so the home page's figure
does not import the export, its zip and signing code at start-up."""

from __future__ import annotations

from inspector.core.sync import rules


def pending(store) -> dict:
    """What has not been exported yet, counted from the last export: {"from", "to", "records"}; and what was
    exported but not yet acknowledged by the office (an incremental export sends it again):
    {"unacknowledged_from", "unacknowledged"} (home page and sync page)."""
    end = store.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0] or 0
    last_to = _last_exported_seq(store)
    start = last_to + 1
    acknowledged = store.setting("sync.acknowledged_seq")
    ack_from = int(acknowledged) + 1 if acknowledged is not None else start
    last = store.row(
        "SELECT created_at FROM sync_exports WHERE kind!='package' ORDER BY created_at DESC, seq_to DESC, id DESC LIMIT 1"
    )
    return {
        "from": start,
        "to": end,
        "records": _touched(store, start, end),
        "unacknowledged_from": ack_from,
        "unacknowledged": _touched(store, ack_from, last_to) if ack_from <= last_to else 0,
        "last_export": last["created_at"] if last else None,
    }


def _last_exported_seq(store) -> int:
    return store.conn.execute("SELECT max(seq_to) FROM sync_exports WHERE kind!='package'").fetchone()[0] or 0


def _touched(store, seq_from: int, seq_to: int) -> int:
    """How many travelling records the audit entries ``seq_from``…``seq_to`` touched."""
    return store.conn.execute(
        "SELECT count(DISTINCT table_name || '/' || record_id) FROM audit_log WHERE seq BETWEEN ? AND ?"
        " AND table_name IN (" + ",".join("?" * len(rules.TABLES)) + ")",
        [seq_from, seq_to, *rules.TABLES],
    ).fetchone()[0]


def start_seq(store) -> int:
    acknowledged = store.setting("sync.acknowledged_seq")
    if acknowledged is not None:
        return int(acknowledged) + 1
    return _last_exported_seq(store) + 1
