"""The audit trail (痕迹执法): an append-only log, each row chained to the one before by hash.

Every change of state appends one row: who, when, what, which record, and a digest of the record's new
content. Hashes are stored as 32 bytes; the chain is computed over their hex text (as it always was).
``verify`` streams the chain in constant memory and reports rows altered, deleted or inserted; checks it
against every signed checkpoint and every issued document's recorded head (:mod:`checkpoints`), naming
a truncation, a rewritten-and-rechained record or an older copy of the database; says which range is
anchored and which tail is not yet; and reports every audited record whose current content no longer
matches its last logged digest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from inspector.core import canonical, clock, ids
from inspector.core.store import checkpoints

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
    "checkpoints": "id",
    "hazard_transitions": "id",
    "rechecks": "id",
    "recheck_items": "id",
    "ledger_media": "id",
    "sync_keys": "key_id",
    "sync_conflicts": "id",
}

_FIELDS = ("seq", "id", "at", "actor", "device_id", "action", "table_name", "record_id", "digest")


# Columns added to an audited table after its records were logged, with the default they were given: a
# record still holding that default is digested without the column, as it was logged before it existed.
LATE_COLUMNS = {"measures": ""}  # findings.measures (0011_measures)


def comparable(row: dict) -> dict:
    """The record as digested: late columns left out while they hold their default."""
    return {k: v for k, v in row.items() if k not in LATE_COLUMNS or v != LATE_COLUMNS[k]}


def row_digest(row: dict) -> str:
    return canonical.digest(comparable(row))


_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chain_hash(prev_hash: str, entry: dict) -> str:
    """Hex SHA-256 over the previous hash (hex) and the entry's fields (``digest`` as hex text)."""
    return _chain_bytes(prev_hash, entry).hex()


def _chain_bytes(prev_hash: str, entry: dict) -> bytes:
    text = prev_hash + "\n" + _JSON.encode({k: entry[k] for k in _FIELDS})
    from hashlib import sha256  # on first use: OpenSSL loads in a few ms, off the start-up path

    return sha256(text.encode("utf-8")).digest()


def head(conn: sqlite3.Connection) -> dict:
    """The chain's head as recorded in documents: ``{"seq": n, "hash": hex}`` (seq 0 when empty)."""
    found = checkpoints.head(conn)
    return {"seq": found[0], "hash": found[1].hex()} if found else {"seq": 0, "hash": GENESIS}


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
    last = checkpoints.head(conn)
    seq, prev = (last[0] + 1, last[1].hex()) if last else (1, GENESIS)
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
    entry["hash"] = chain_hash(prev, entry)
    conn.execute(
        "INSERT INTO audit_log (seq, id, at, actor, device_id, action, table_name, record_id, digest, hash)"
        " VALUES (:seq, :id, :at, :actor, :device_id, :action, :table_name, :record_id, :digest, :hash)",
        {**entry, "digest": _unhex(digest), "hash": bytes.fromhex(entry["hash"])},
    )
    return entry


def _unhex(text: str | None) -> bytes | None:
    return bytes.fromhex(text) if text is not None else None


MAX_LISTED = 200  # problems listed one by one; beyond that only counted (memory stays bounded)


@dataclass(frozen=True)
class Problem:
    seq: int | None
    message: str


@dataclass
class Report:
    entries: int = 0
    problems: list[Problem] = field(default_factory=list)
    unlisted: int = 0  # further problems, counted but not listed
    anchored_through: int = 0  # entries 1..n match a signed checkpoint or an issued document
    anchors: int = 0  # checkpoints and documents checked
    integrity: list[str] = field(default_factory=list)  # what PRAGMA integrity_check said, when not ok

    @property
    def ok(self) -> bool:
        return not self.problems and not self.integrity

    @property
    def unanchored(self) -> tuple[int, int] | None:
        """The tail since the last checkpoint: (first, last) seq, or None when everything is anchored."""
        return (self.anchored_through + 1, self.entries) if self.entries > self.anchored_through else None

    def add(self, seq: int | None, message: str) -> None:
        if len(self.problems) < MAX_LISTED:
            self.problems.append(Problem(seq, message))
        else:
            self.unlisted += 1


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str  # hex
    source: str  # what anchors it, as a reader would name it


def verify(
    conn: sqlite3.Connection,
    anchors: Iterable[Anchor] = (),
    *,
    integrity: bool = False,
) -> Report:
    """Check the whole trail; ``anchors`` adds heads known from elsewhere (checkpoint file, office).

    ``integrity=True`` first runs SQLite's full ``integrity_check`` (slow on large files).
    """
    report = Report()
    if integrity:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        if result != ["ok"]:
            report.integrity = result
            return report  # a damaged file: the rest would only repeat it
    by_seq: dict[int, list[Anchor]] = {}
    for anchor in [*stored_anchors(conn, report), *anchors]:
        by_seq.setdefault(anchor.seq, []).append(anchor)
        report.anchors += 1
    _walk_chain(conn, by_seq, report)
    _check_records(conn, report)
    return report


def stored_anchors(conn: sqlite3.Connection, report: Report) -> Iterator[Anchor]:
    """The checkpoints in the database whose signature holds, then every issued document's head."""
    keys = checkpoints.public_keys(conn)
    for row in _iter_rows(conn, "SELECT * FROM checkpoints ORDER BY seq, id"):
        checkpoint = checkpoints.Checkpoint.from_row(row)
        problem = checkpoints.signature_problem(checkpoint, keys)
        if problem:
            report.add(checkpoint.seq, f"{checkpoints.describe(checkpoint)}不可信：{problem}")
        else:
            yield Anchor(checkpoint.seq, checkpoint.hash.hex(), checkpoints.describe(checkpoint))
    for number, seq, digest in conn.execute(
        "SELECT number_text, json_extract(content, '$.audit_head.seq'), json_extract(content, '$.audit_head.hash')"
        " FROM documents WHERE deleted_at IS NULL AND json_extract(content, '$.audit_head.seq') > 0"
        # a document issued on another device (received by sync) records that device's chain
        " AND origin_device = (SELECT id FROM device LIMIT 1)"
        " ORDER BY number_text"
    ):
        yield Anchor(int(seq), str(digest), f"文书 {number} 签发时记录的审计链（第 {seq} 条）")


def file_anchors(path) -> Iterator[Anchor]:
    """The checkpoints kept beside the database (``logs/checkpoints.jsonl``); signatures checked at take."""
    for checkpoint in checkpoints.from_file(path):
        yield Anchor(
            checkpoint.seq, checkpoint.hash.hex(), f"工作区检查点文件中的{checkpoints.describe(checkpoint)}"
        )


def _hex(value) -> str | None:
    """A stored hash as the hex text the chain is computed over (tampered types hash as they are)."""
    if isinstance(value, bytes):
        return value.hex()
    return value if value is None or isinstance(value, str) else repr(value)


_quote = json.encoder.encode_basestring  # what the encoder uses for str with ensure_ascii=False


def _entry_text(row: tuple, digest: str | None) -> str:
    """``canonical.dumps`` of an entry's fields, built directly (the chain walk's inner loop).

    Falls back to the encoder for anything that is not the text it should be (a tampered row).
    """
    seq, id_, at, actor, device_id, action, table_name, record_id = row[:8]
    if type(seq) is int and all(
        type(v) is str for v in (id_, at, actor, device_id, action, table_name, record_id)
    ):
        return (
            f'{{"action":{_quote(action)},"actor":{_quote(actor)},"at":{_quote(at)},'
            f'"device_id":{_quote(device_id)},"digest":{"null" if digest is None else _quote(digest)},'
            f'"id":{_quote(id_)},"record_id":{_quote(record_id)},"seq":{seq},"table_name":{_quote(table_name)}}}'
        )
    return _JSON.encode({**dict(zip(_FIELDS, row, strict=False)), "digest": digest})


def _walk_chain(conn: sqlite3.Connection, anchors: dict[int, list[Anchor]], report: Report) -> None:
    prev, expected, broken_at = GENESIS, 1, None
    cursor = conn.execute(
        "SELECT seq, id, at, actor, device_id, action, table_name, record_id, digest, hash"
        " FROM audit_log ORDER BY seq"
    )
    from hashlib import sha256

    for row in cursor:
        seq = row[0]
        stored = _hex(row[9]) or ""
        report.entries += 1
        if seq != expected:
            gap = f"第 {expected} 条" if seq == expected + 1 else f"第 {expected}–{seq - 1} 条"
            report.add(seq, f"{gap}审计记录缺失（链在第 {seq} 条处断开）：有记录被删除")
            broken_at = broken_at or expected
        elif sha256((prev + "\n" + _entry_text(row, _hex(row[8]))).encode()).hexdigest() != stored:
            report.add(
                seq,
                f"第 {seq} 条审计记录的内容被改动，或与前一条不衔接（有记录被插入或删除）（{row[6]} {row[7]}）",
            )
            broken_at = broken_at or seq
        if seq in anchors:
            for anchor in anchors.pop(seq):
                if anchor.hash != stored:
                    report.add(seq, checkpoints.diverged_message(seq, anchor.source))
                    broken_at = broken_at or seq
                elif broken_at is None:
                    report.anchored_through = seq
        prev, expected = stored, seq + 1
    end = expected - 1
    for seq in sorted(anchors):
        for anchor in anchors[seq]:
            report.add(seq, checkpoints.behind_message(end, seq, anchor.source))


def _iter_rows(conn: sqlite3.Connection, sql: str, params=()) -> Iterator[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(names, row, strict=True))


def _logged() -> str:
    # The newest entry per record, in (table, record) order along the audit_log_record index; the bare
    # digest column comes from the row holding max(seq).
    return (
        "SELECT table_name, record_id, digest, max(seq) FROM audit_log"
        " GROUP BY table_name, record_id ORDER BY table_name, record_id"
    )


def _check_records(conn: sqlite3.Connection, report: Report) -> None:
    """Every audited record's current content must match the digest last logged for it.

    A merge of two sorted streams (the last entry per record, and each audited table in key order), so
    memory does not grow with the number of records.
    """
    logged = ((t, r, d, s) for t, r, d, s in conn.execute(_logged()) if t in AUDITED)
    pending = next(logged, None)
    for table in sorted(AUDITED):
        key = AUDITED[table]
        for row in _iter_rows(conn, f"SELECT * FROM {table} ORDER BY {key}"):
            ref = (table, str(row[key]))
            while pending is not None and (pending[0], pending[1]) < ref:
                _deleted_outside(pending, report)
                pending = next(logged, None)
            if pending is None or (pending[0], pending[1]) != ref:
                report.add(None, f"{table} 中的记录 {ref[1]} 没有审计记录：在软件之外被插入")
                continue
            digest, seq = pending[2], pending[3]
            if digest is None or _hex(digest) != row_digest(row):
                report.add(seq, f"{table} 中的记录 {ref[1]} 在软件之外被改动（与第 {seq} 条审计记录不符）")
            pending = next(logged, None)
        while pending is not None and pending[0] == table:
            _deleted_outside(pending, report)
            pending = next(logged, None)


def _deleted_outside(logged: tuple, report: Report) -> None:
    table, record_id, digest, seq = logged
    if digest is not None:
        report.add(seq, f"{table} 中的记录 {record_id} 在软件之外被删除")
