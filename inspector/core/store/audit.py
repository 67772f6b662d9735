"""The audit trail (痕迹执法): an append-only log, each row chained to the one before by hash.

Every change of state appends one row: who, when, what, which record, and a digest of the record's new
content. ``verify`` walks the chain and reports the first row that was altered, deleted or inserted out
of order, and every audited record whose current content no longer matches its last logged digest.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from inspector.core import canonical, clock, ids

GENESIS = "0" * 64

# Tables whose records are audited, with their key column.
AUDITED = {
    "settings": "key",
    "device": "id",
    "inspectors": "id",
    "number_blocks": "id",
    "enterprises": "id",
    "checklist_snapshots": "id",
    "inspections": "id",
    "inspection_checklists": "id",
    "inspection_inspectors": "id",
    "answers": "id",
    "findings": "id",
    "hazards": "id",
    "media": "id",
    "finding_media": "id",
    "documents": "id",
    "signatures": "id",
    "inspector_keys": "id",
    "hazard_transitions": "id",
    "rechecks": "id",
    "recheck_items": "id",
    "ledger_media": "id",
}

_FIELDS = ("seq", "id", "at", "actor", "device_id", "action", "table_name", "record_id", "digest")


def row_digest(row: dict) -> str:
    return canonical.digest(row)


def chain_hash(prev_hash: str, entry: dict) -> str:
    return canonical.sha256_text(prev_hash + "\n" + canonical.dumps({k: entry[k] for k in _FIELDS}))


def append(
    conn: sqlite3.Connection,
    *,
    actor: str,
    device_id: str,
    action: str,
    table: str,
    record_id: str,
    digest: str | None,
) -> dict:
    """Append one entry; the caller holds the write transaction."""
    head = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
    entry = {
        "seq": seq,
        "id": ids.new_id(),
        "at": clock.utc_iso(),
        "actor": actor,
        "device_id": device_id,
        "action": action,
        "table_name": table,
        "record_id": record_id,
        "digest": digest,
    }
    entry["prev_hash"] = prev
    entry["hash"] = chain_hash(prev, entry)
    conn.execute(
        "INSERT INTO audit_log (seq, id, at, actor, device_id, action, table_name, record_id, digest,"
        " prev_hash, hash) VALUES (:seq, :id, :at, :actor, :device_id, :action, :table_name, :record_id,"
        " :digest, :prev_hash, :hash)",
        entry,
    )
    return entry


@dataclass(frozen=True)
class Problem:
    seq: int | None
    message: str


@dataclass(frozen=True)
class Report:
    entries: int
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def _rows(conn: sqlite3.Connection, sql: str, params=()) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def verify(conn: sqlite3.Connection) -> Report:
    problems: list[Problem] = []
    entries = _rows(conn, "SELECT * FROM audit_log ORDER BY seq")
    prev_hash, expected_seq = GENESIS, 1
    for entry in entries:
        seq = entry["seq"]
        if seq != expected_seq:
            problems.append(
                Problem(seq, f"第 {expected_seq} 条审计记录缺失（链在第 {seq} 条处断开）：有记录被删除")
            )
            break
        if entry["prev_hash"] != prev_hash:
            problems.append(
                Problem(seq, f"第 {seq} 条审计记录与前一条不衔接：有记录被删除、插入或顺序被改动")
            )
            break
        if chain_hash(prev_hash, entry) != entry["hash"]:
            problems.append(
                Problem(seq, f"第 {seq} 条审计记录的内容被改动（{entry['table_name']} {entry['record_id']}）")
            )
            break
        prev_hash, expected_seq = entry["hash"], seq + 1
    problems.extend(_check_records(conn))
    return Report(len(entries), problems)


def _check_records(conn: sqlite3.Connection) -> list[Problem]:
    """Every audited record's current content must match the digest last logged for it."""
    last = {
        (row["table_name"], row["record_id"]): row
        for row in _rows(conn, "SELECT seq, table_name, record_id, digest FROM audit_log ORDER BY seq")
    }
    problems = []
    seen = set()
    for table, key in AUDITED.items():
        for row in _rows(conn, f"SELECT * FROM {table}"):
            ref = (table, str(row[key]))
            seen.add(ref)
            logged = last.get(ref)
            if logged is None:
                problems.append(Problem(None, f"{table} 中的记录 {ref[1]} 没有审计记录：在软件之外被插入"))
            elif logged["digest"] != row_digest(row):
                problems.append(
                    Problem(
                        logged["seq"],
                        f"{table} 中的记录 {ref[1]} 在软件之外被改动（与第 {logged['seq']} 条审计记录不符）",
                    )
                )
    for ref, logged in last.items():
        if ref not in seen and logged["digest"] is not None:
            problems.append(Problem(logged["seq"], f"{ref[0]} 中的记录 {ref[1]} 在软件之外被删除"))
    return problems
