"""Which tables travel, in which order, which columns stay local, and the rule when both sides changed."""

from __future__ import annotations

from inspector.core import canonical

# Tables that travel between workspaces, parents before children (foreign keys are also deferred).
TABLES = (
    "inspectors",
    "inspector_keys",
    "enterprises",
    "checklist_snapshots",
    "number_blocks",
    "inspections",
    "inspection_checklists",
    "inspection_inspectors",
    "answers",
    "findings",
    "hazards",
    "media",
    "finding_media",
    "documents",
    "signatures",
    "rechecks",
    "hazard_transitions",
    "recheck_items",
    "ledger_media",
)

# Records named by their content (the same id is the same thing, whenever and wherever it was made).
IMMUTABLE = {"checklist_snapshots"}

# Columns that belong to the workspace holding the record: never sent, never overwritten.
LOCAL = {"inspectors": {"is_profile": 0}, "inspector_keys": {"key_pem": None}}

# Both sides changed: the office's version wins for these tables …
OFFICE_WINS = {"inspectors", "inspector_keys", "enterprises", "checklist_snapshots", "number_blocks"}
# … and for these columns of a hazard (its ledger status and listing); the field's for the rest.
OFFICE_COLUMNS = {
    "hazards": {"status", "listed_supervision", "supervision_deadline", "rectified_at", "verified_at"}
}


def shared(table: str, row: dict) -> dict:
    """The part of a record that is compared and exchanged (local columns left out)."""
    local = LOCAL.get(table)
    return {k: v for k, v in row.items() if k not in local} if local else dict(row)


def digest(table: str, row: dict) -> str:
    return canonical.digest(shared(table, row))


def preferred(table: str, a: dict, b: dict) -> bool:
    """Whether version ``a`` is kept over ``b`` when only the senders changed it: the newer one (last change,
    then digest); for a record named by its content, the first made. The same answer in any order."""
    if table in IMMUTABLE:
        return (a.get("created_at") or "", digest(table, a)) < (b.get("created_at") or "", digest(table, b))
    return (a.get("updated_at") or "", digest(table, a)) > (b.get("updated_at") or "", digest(table, b))


def resolve(table: str, office: dict, field: dict) -> tuple[dict, str]:
    """The version kept when both sides changed a record, and the rule that chose it (in Chinese)."""
    if table in OFFICE_COLUMNS:
        kept = dict(field)
        for column in OFFICE_COLUMNS[table]:
            kept[column] = office[column]
        return kept, "隐患的台账状态和挂牌督办以办公室的决定为准，其余以现场记录为准"
    if table in OFFICE_WINS:
        return dict(office), "登记信息以办公室为准"
    return dict(field), "现场查明的事实以现场记录为准"


def remember(store, records: dict[str, list[dict]]) -> None:
    """The version each record left in (export, package): a later change by one side only is then no conflict."""
    store.conn.executemany(
        "INSERT INTO sync_base (table_name, record_id, digest) VALUES (?, ?, ?)"
        " ON CONFLICT (table_name, record_id) DO UPDATE SET digest=excluded.digest",
        [(table, row["id"], digest(table, row)) for table, rows in records.items() for row in rows],
    )
