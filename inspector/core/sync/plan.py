"""The plan of an import: for each record, added, skipped, updated (the newer kept) or in conflict.

Reads only; :mod:`.apply` writes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from inspector.core import canonical
from inspector.core.sync import bundle as bundles
from inspector.core.sync import checks, rules
from inspector.core.sync.report import ImportReport

CHUNK = 500


@dataclass
class Plan:
    bundle: bundles.Bundle
    checked: checks.Checked
    inserts: dict[str, list[dict]] = field(default_factory=dict)
    updates: dict[str, list[tuple[dict, dict]]] = field(default_factory=dict)  # (held, new)
    deletes: list[tuple[str, dict]] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    base: list[tuple[str, str, str, str]] = field(default_factory=list)
    superseded: list[tuple[str, dict, str]] = field(default_factory=list)  # (table, version, digest kept)
    aliases: list[tuple[str, str, str]] = field(default_factory=list)  # (table, id sent, id held) new here
    report: ImportReport | None = None


def _held(store, table: str, keys: list[str]) -> dict[str, dict]:
    found = {}
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        for row in store.rows(f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(part))})", part):
            found[row["id"]] = row
    return found


def _bases(store, table: str, keys: list[str]) -> dict[str, tuple[str, str]]:
    """record id → (digest, canonical JSON) of the version last exchanged."""
    found = {}
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        for record_id, digest, content in store.conn.execute(
            "SELECT record_id, digest, content FROM sync_base WHERE table_name=?"
            f" AND record_id IN ({','.join('?' * len(part))})",
            [table, *part],
        ):
            found[record_id] = (digest, content)
    return found


MERGED_RULE = "同一统一社会信用代码的企业已登记为另一编号：并入已登记的记录，登记信息以办公室为准"


def _same_code(store, result: Plan, rows: list[dict], incoming_is_office: bool) -> set[str]:
    """Enterprises sent under an id this workspace holds under another one (same 统一社会信用代码): merged
    into the record held here. Their id becomes an alias, every incoming record pointing at it is pointed
    at the held record, and both versions are kept as a conflict to review (the register: office wins).
    Returns the incoming ids merged."""
    pointed = {
        r["enterprise_id"]
        for t in rules.TABLES
        for r in result.checked.records.get(t, [])
        if "enterprise_id" in r
    }
    aliases = _stored_aliases(store, sorted(pointed | {r["id"] for r in rows}))
    report = result.report
    for row in rows:
        if row["id"] in aliases:
            continue
        code = (row.get("code") or "").strip()
        if not code or store.row("SELECT 1 FROM enterprises WHERE id=?", [row["id"]]):
            continue
        held = store.row(
            "SELECT id FROM enterprises WHERE code=? AND code IS NOT NULL AND code != '' AND id!=? ORDER BY id LIMIT 1",
            [code, row["id"]],
        )
        if held:
            aliases[row["id"]] = held["id"]
            result.aliases.append(("enterprises", row["id"], held["id"]))
            report.warnings.append(
                f"企业“{row.get('name', '')}”（统一社会信用代码 {code}）在本工作区已登记为另一编号："
                "已并入已登记的记录，其检查和隐患随之归入该记录，两个版本都已保留，待复核"
            )
    if not aliases:
        return set()
    bases = _bases(store, "enterprises", list(aliases))
    for row in rows:
        if row["id"] not in aliases:
            continue
        old = _held(store, "enterprises", [aliases[row["id"]]])[aliases[row["id"]]]
        text_new = rules.text("enterprises", row)
        d_new = canonical.sha256_text(text_new)
        result.base.append(("enterprises", row["id"], d_new, text_new))  # what this alias last sent
        if bases.get(row["id"], (None,))[0] == d_new or rules.digest(
            "enterprises", {**row, "id": old["id"]}
        ) == rules.digest("enterprises", old):
            report.skipped["enterprises"] += 1
            continue
        office, fieldside = (row, old) if incoming_is_office else (old, row)
        kept, _, both = rules.resolve("enterprises", office, fieldside)
        kept = {**kept, "id": old["id"]}
        conflict = {
            "table_name": "enterprises",
            "record_id": old["id"],
            "office_version": office,
            "field_version": fieldside,
            "kept": kept,
            "rule": MERGED_RULE,
            "columns": both,
        }
        result.conflicts.append(conflict)
        report.conflicts.append(conflict)
        if rules.digest("enterprises", kept) != rules.digest("enterprises", old):
            result.updates.setdefault("enterprises", []).append((old, kept))
            report.updated["enterprises"] += 1
    for table in rules.TABLES:
        for row in result.checked.records.get(table, []):
            if row.get("enterprise_id") in aliases:
                row["enterprise_id"] = aliases[row["enterprise_id"]]
    return set(aliases)


def _stored_aliases(store, keys: list[str]) -> dict[str, str]:
    found = {}
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        for alias, record_id in store.conn.execute(
            "SELECT alias_id, record_id FROM sync_aliases WHERE table_name='enterprises'"
            f" AND alias_id IN ({','.join('?' * len(part))})",
            part,
        ):
            found[alias] = record_id
    return found


def plan(store, b: bundles.Bundle, checked: checks.Checked, report: ImportReport) -> Plan:
    """What importing would do; reads only. The incoming side is the field's, except for packages."""
    result = Plan(b, checked, report=report)
    incoming_is_office = b.kind == "package"
    merged = _same_code(store, result, checked.records.get("enterprises", []), incoming_is_office)
    for table in rules.TABLES:
        rows = checked.records.get(table, [])
        if table == "enterprises":
            rows = [r for r in rows if r["id"] not in merged]
        if not rows:
            continue
        held = _held(store, table, [r["id"] for r in rows])
        bases = _bases(store, table, [r["id"] for r in rows])
        for row in rows:
            old = held.get(row["id"])
            local = rules.LOCAL.get(table, {})
            new = {**row, **({k: old[k] for k in local} if old else dict(local))}
            text_new = rules.text(table, new)
            d_new = canonical.sha256_text(text_new)
            result.base.append((table, row["id"], d_new, text_new))
            if old is None:
                result.inserts.setdefault(table, []).append(new)
                report.added[table] += 1
                continue
            d_old = rules.digest(table, old)
            base, base_text = bases.get(row["id"], (None, None))
            if d_old == d_new or d_new == base:
                report.skipped[table] += 1  # identical, or the sender has not changed it since
                continue
            if table in rules.IMMUTABLE or (base is not None and d_old == base):
                if rules.preferred(table, new, old):
                    result.updates.setdefault(table, []).append((old, new))
                    report.updated[table] += 1
                else:  # another device's newer version is held already: this one goes to the history
                    result.superseded.append((table, new, d_old))
                    report.skipped[table] += 1
                continue
            office, fieldside = (new, old) if incoming_is_office else (old, new)
            base_row = json.loads(base_text) if base_text else None
            kept, rule, both = rules.resolve(table, office, fieldside, base_row)
            conflict = {
                "table_name": table,
                "record_id": row["id"],
                "office_version": office,
                "field_version": fieldside,
                "kept": kept,
                "rule": rule,
                "columns": both,
            }
            result.conflicts.append(conflict)
            report.conflicts.append(conflict)
            if rules.digest(table, kept) != d_old:
                result.updates.setdefault(table, []).append((old, {**kept, **{k: old[k] for k in local}}))
                report.updated[table] += 1
    for deletion in checked.deletions:
        table = deletion["table"]
        old = _held(store, table, [deletion["id"]]).get(deletion["id"])
        if old is None:
            continue
        base = _bases(store, table, [deletion["id"]]).get(deletion["id"], (None,))[0]
        if base is not None and rules.digest(table, old) == base:
            result.deletes.append((table, old))
            report.deleted[table] += 1
        else:
            report.skipped[table] += 1  # changed here since: kept
    report.warnings += checked.warnings
    return result
