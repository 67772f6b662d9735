"""Which tables travel, in which order, which columns stay local, and the rule when both sides changed."""

from __future__ import annotations

import json

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
    from inspector.core.store import audit

    return audit.comparable({k: v for k, v in row.items() if k not in local} if local else row)


def text(table: str, row: dict) -> str:
    """Canonical JSON of the shared part (files as their SHA-256)."""
    return canonical.dumps(shared(table, row))


def digest(table: str, row: dict) -> str:
    return canonical.sha256_text(text(table, row))


def preferred(table: str, a: dict, b: dict) -> bool:
    """Whether version ``a`` is kept over ``b`` when only the senders changed it: the newer one (last change,
    then digest); for a record named by its content, the first made. The same answer in any order."""
    if table in IMMUTABLE:
        return (a.get("created_at") or "", digest(table, a)) < (b.get("created_at") or "", digest(table, b))
    return (a.get("updated_at") or "", digest(table, a)) > (b.get("updated_at") or "", digest(table, b))


def _norm(value):
    return json.loads(canonical.dumps(value))


def resolve(table: str, office: dict, field: dict, base: dict | None = None) -> tuple[dict, str, list[str]]:
    """The version kept when both sides changed a record since ``base`` (the version they last exchanged),
    the rule applied (in Chinese), and the columns both changed.

    Column by column: what only one side changed is taken from that side; what both changed follows the
    written rule. A hazard's status columns go together (a status without its times would be a lie).
    Without a base the whole record follows the rule.
    """
    office_wins = table in OFFICE_WINS
    group = OFFICE_COLUMNS.get(table, set())
    if base is None:
        if group:
            kept = dict(field)
            kept.update({c: office[c] for c in group})
        else:
            kept = dict(office if office_wins else field)
        return (
            kept,
            _RULE[table in OFFICE_COLUMNS or office_wins, bool(group)],
            sorted(set(office) - {"updated_at"}),
        )
    o = {c: _norm(office.get(c)) for c in field}
    f = {c: _norm(field.get(c)) for c in field}
    kept, both = dict(field), []
    for column in field:
        b = base.get(column)
        if o[column] == f[column] or f[column] == b:
            kept[column] = office.get(column)
        elif o[column] == b:
            kept[column] = field[column]
        else:
            both.append(column)
            kept[column] = office.get(column) if office_wins or column in group else field[column]
    if group and any(o[c] != base.get(c) for c in group) and any(f[c] != base.get(c) for c in group):
        kept.update({c: office.get(c) for c in group})
        both = sorted(set(both) | {c for c in group if o[c] != f[c]})
    both = [c for c in both if c != "updated_at"]
    return kept, _RULE[office_wins or bool(set(both) & group), bool(group)], both


_RULE = {
    (True, True): "隐患的台账状态和挂牌督办以办公室的决定为准，其余以现场记录为准",
    (False, True): "隐患的现场事实以现场记录为准；双方各自改动的字段都已保留",
    (True, False): "登记信息以办公室为准",
    (False, False): "现场查明的事实以现场记录为准",
}


def remember(store, records: dict[str, list[dict]]) -> None:
    """The version each record left in (export, package): a later change by one side only is then no conflict."""
    rows = []
    for table, found in records.items():
        for row in found:
            content = text(table, row)
            rows.append((table, row["id"], canonical.sha256_text(content), content))
    store.conn.executemany(
        "INSERT INTO sync_base (table_name, record_id, digest, content) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (table_name, record_id) DO UPDATE SET digest=excluded.digest, content=excluded.content",
        rows,
    )
