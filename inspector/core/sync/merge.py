"""Import: plan what a checked bundle would change, then apply it all in one transaction.

For each record: new → added; identical → skipped; changed by one side only since the two last
exchanged it (``sync_base``) → the newer version kept, the version replaced kept in ``sync_history``;
changed by both → :func:`rules.resolve` decides and both versions go to ``sync_conflicts``. Nothing is
ever lost. A refused bundle writes nothing: every check runs before the one transaction starts.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from inspector.core import canonical, clock, ids
from inspector.core.store import audit
from inspector.core.sync import bundle as bundles
from inspector.core.sync import checks, rules
from inspector.core.sync.bundle import BundleError

CHUNK = 500
TITLES = {
    "inspectors": "执法人员",
    "inspector_keys": "证书",
    "enterprises": "企业",
    "checklist_snapshots": "检查表",
    "number_blocks": "编号段",
    "inspections": "检查",
    "inspection_checklists": "检查所用检查表",
    "inspection_inspectors": "检查人员",
    "answers": "检查项结论",
    "findings": "问题",
    "hazards": "隐患",
    "media": "照片",
    "finding_media": "问题照片",
    "documents": "文书",
    "signatures": "签名",
    "rechecks": "复查",
    "hazard_transitions": "隐患状态变化",
    "recheck_items": "复查结论",
    "ledger_media": "台账照片",
}


@dataclass
class ImportReport:
    file: str
    bundle_id: str = ""
    ok: bool = True
    reason: str = ""  # the refusal's code
    message: str = ""
    dry_run: bool = False
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    conflicts: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not self.ok:
            return f"拒绝导入：{self.message}"
        if self.message:
            return self.message
        verb = "将" if self.dry_run else "已"

        def part(counter: Counter) -> str:
            return "，".join(f"{n} 条{TITLES.get(t, t)}" for t, n in sorted(counter.items()) if n)

        pieces = []
        if self.added:
            pieces.append(f"{verb}新增 {part(self.added)}")
        if self.updated:
            pieces.append(f"{verb}更新 {part(self.updated)}")
        if self.deleted:
            pieces.append(f"{verb}删除 {part(self.deleted)}")
        if not pieces:
            pieces.append("没有新内容")
        if self.conflicts:
            pieces.append(f"{len(self.conflicts)} 处冲突待复核")
        skipped = sum(self.skipped.values())
        if skipped:
            pieces.append(f"{skipped} 条相同、已跳过")
        return "；".join(pieces)

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "bundle_id": self.bundle_id,
            "ok": self.ok,
            "reason": self.reason,
            "summary": self.summary(),
            "dry_run": self.dry_run,
            "added": dict(self.added),
            "updated": dict(self.updated),
            "skipped": dict(self.skipped),
            "deleted": dict(self.deleted),
            "conflicts": len(self.conflicts),
            "warnings": self.warnings,
        }


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


def plan(store, b: bundles.Bundle, checked: checks.Checked, report: ImportReport) -> Plan:
    """What importing would do; reads only. The incoming side is the field's, except for packages."""
    result = Plan(b, checked, report=report)
    incoming_is_office = b.kind == "package"
    for table in rules.TABLES:
        rows = checked.records.get(table, [])
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


def _json(row: dict) -> str:
    return canonical.dumps(row)


def _stable_id(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


class _AuditBatch:
    """Appends many audit entries at once: the chain computed here, one executemany."""

    def __init__(self, store):
        self.store = store
        last = store.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        self.seq, self.prev = (last[0], bytes(last[1]).hex()) if last else (0, audit.GENESIS)
        self.at = clock.utc_iso()
        self.rows: list[tuple] = []

    def add(self, action: str, table: str, record_id: str, row: dict | None) -> None:
        self.seq += 1
        entry = {
            "seq": self.seq,
            "id": ids.new_id(),
            "at": self.at,
            "actor": self.store.actor,
            "device_id": self.store.device_id or "",
            "action": action,
            "table_name": table,
            "record_id": record_id,
            "digest": audit.row_digest(row) if row is not None else None,
        }
        self.prev = audit.chain_hash(self.prev, entry)
        self.rows.append(
            (
                *(
                    entry[k]
                    for k in ("seq", "id", "at", "actor", "device_id", "action", "table_name", "record_id")
                ),
                bytes.fromhex(entry["digest"]) if entry["digest"] else None,
                bytes.fromhex(self.prev),
            )
        )

    def flush(self) -> None:
        self.store.conn.executemany(
            "INSERT INTO audit_log (seq, id, at, actor, device_id, action, table_name, record_id, digest, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.rows,
        )


def execute(store, p: Plan, write_files: bool = True) -> None:
    """Apply the plan in one transaction (the caller holds none); rolled back whole on any error."""
    b, checked = p.bundle, p.checked
    now = clock.utc_iso()
    if write_files:
        _write_photos(store, p)
    with store.transaction():
        conn = store.conn
        log = _AuditBatch(store)
        for table in rules.TABLES:
            rows = p.inserts.get(table)
            if rows and table == "documents":  # a correction after the document it replaces
                new_ids = {r["id"] for r in rows}
                rows = sorted(rows, key=lambda r: (r["replaces_id"] in new_ids, r["issued_at"], r["id"]))
            if rows:
                names = list(rows[0])
                conn.executemany(
                    f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                    [[r[n] for n in names] for r in rows],
                )
                for row in rows:
                    log.add("sync_add", table, row["id"], row)
            for old, new in p.updates.get(table, []):
                names = [n for n in new if n != "id"]
                conn.execute(
                    f"UPDATE {table} SET {', '.join(f'{n}=?' for n in names)} WHERE id=?",
                    [*(new[n] for n in names), new["id"]],
                )
                log.add("sync_update", table, new["id"], new)
                conn.execute(
                    "INSERT OR IGNORE INTO sync_history VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        _stable_id(table, old["id"], rules.digest(table, old), rules.digest(table, new)),
                        table,
                        old["id"],
                        rules.digest(table, old),
                        _json(old),
                        rules.digest(table, new),
                        b.id,
                        now,
                    ],
                )
        for table, old in reversed(p.deletes):
            conn.execute(f"DELETE FROM {table} WHERE id=?", [old["id"]])
            log.add("sync_delete", table, old["id"], None)
            conn.execute(
                "INSERT OR IGNORE INTO sync_history VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    _stable_id(table, old["id"], rules.digest(table, old), ""),
                    table,
                    old["id"],
                    rules.digest(table, old),
                    _json(old),
                    "",
                    b.id,
                    now,
                ],
            )
        for table, version, kept in p.superseded:
            d_version = rules.digest(table, version)
            conn.execute(
                "INSERT OR IGNORE INTO sync_history VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    _stable_id(table, version["id"], d_version, kept),
                    table,
                    version["id"],
                    d_version,
                    _json(version),
                    kept,
                    b.id,
                    now,
                ],
            )
        log.flush()
        conn.executemany(
            "INSERT INTO sync_base (table_name, record_id, digest, content) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (table_name, record_id) DO UPDATE SET digest=excluded.digest, content=excluded.content",
            p.base,
        )
        for c in p.conflicts:
            office, fieldside = c["office_version"], c["field_version"]
            conn.execute(
                "INSERT OR IGNORE INTO sync_conflicts (id, table_name, record_id, office_version, field_version, kept,"
                " rule, bundle_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    _stable_id(
                        c["table_name"],
                        c["record_id"],
                        rules.digest(c["table_name"], office),
                        rules.digest(c["table_name"], fieldside),
                    ),
                    c["table_name"],
                    c["record_id"],
                    _json(office),
                    _json(fieldside),
                    _json(c["kept"]),
                    c["rule"],
                    b.id,
                    now,
                ],
            )
        _record_chains(store, p, now)
        if b.kind == "package":
            from inspector.core.sync import package

            package.apply_extras(store, b)
        conn.execute(
            "INSERT INTO sync_bundles (id, kind, device_id, inspector_id, seq_from, seq_to, created_at, imported_at,"
            " file_name, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                b.id,
                b.kind,
                b.device_id,
                b.manifest["inspector"]["id"],
                int(b.manifest["audit"]["from"]),
                int(b.manifest["audit"]["to"]),
                b.manifest["created_at"],
                now,
                b.path.name,
                json.dumps(p.report.as_dict() if p.report else {}, ensure_ascii=False, sort_keys=True),
            ],
        )
        if checked.new_key:
            key = checked.new_key
            conn.execute(
                "INSERT INTO sync_keys (key_id, inspector_id, device_id, cert_pem, trusted_at, trusted_by, how)"
                " VALUES (:key_id, :inspector_id, :device_id, :cert_pem, :trusted_at, :trusted_by, :how)",
                key,
            )


def _record_chains(store, p: Plan, now: str) -> None:
    b, checked, conn = p.bundle, p.checked, store.conn
    for device_id, entries in checked.chains.items():
        conn.executemany(
            "INSERT OR IGNORE INTO sync_audit (device_id, seq, id, at, actor, action, table_name, record_id, digest, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    device_id,
                    e["seq"],
                    e["id"],
                    e["at"],
                    e["actor"],
                    e["action"],
                    e["table_name"],
                    e["record_id"],
                    bytes.fromhex(e["digest"]) if e["digest"] else None,
                    bytes.fromhex(e["hash"]),
                )
                for e in entries
            ],
        )
    carried = {d["id"]: d for d in b.rows("devices.jsonl")}
    for device_id, (seq, head_hash, created_at) in checked.heads.items():
        info = carried.get(device_id) or {}
        if device_id == b.device_id:
            info = {**b.manifest["device"], "inspector_id": b.manifest["inspector"]["id"]}
        conn.execute(
            "INSERT INTO sync_devices (id, kind, label, series_no, inspector_id, last_seq, last_hash, last_created_at,"
            " first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " kind=excluded.kind, label=excluded.label, series_no=excluded.series_no,"
            " inspector_id=excluded.inspector_id,"
            " last_hash=CASE WHEN excluded.last_seq >= last_seq THEN excluded.last_hash ELSE last_hash END,"
            " last_seq=max(last_seq, excluded.last_seq),"
            " last_created_at=max(last_created_at, excluded.last_created_at)",
            [
                device_id,
                info.get("kind", "field"),
                info.get("label", ""),
                info.get("series_no"),
                info.get("inspector_id"),
                seq,
                bytes.fromhex(head_hash) if head_hash else None,
                created_at,
                now,
            ],
        )
    conn.executemany(
        "INSERT OR IGNORE INTO sync_checkpoints (id, device_id, seq, hash, at, reason, inspector_id, key_id, signature)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (c.id, c.device_id, c.seq, c.hash, c.at, c.reason, c.inspector_id, c.key_id, c.signature)
            for c in checked.checkpoints
            if c.device_id != store.device_id
        ],
    )


def _write_photos(store, p: Plan) -> None:
    """Photo files first (named by content, so a failed import leaves at most an unused file)."""
    import os

    from inspector.core.capture import media

    for row in p.inserts.get("media", []):
        data = p.bundle.entries.get(f"blobs/{row['sha256']}")
        if data is None or store.workspace is None:
            continue
        target = media.media_root(store) / row["rel_path"]
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        with partial.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(target)


def import_bundle(
    store, path: Path | str, *, dry_run: bool = False, trust: bool = False, write_files: bool = True
) -> ImportReport:
    """Check, then (unless ``dry_run``) apply one bundle; a refusal comes back as a report, nothing written."""
    path = Path(path)
    report = ImportReport(file=path.name, dry_run=dry_run)
    try:
        b = bundles.read(path)
        report.bundle_id = b.id
        checked = checks.check(store, b, trust=trust)
        if checked.nothing_new:
            report.message = checked.nothing_new
            return report
        p = plan(store, b, checked, report)
        if not dry_run:
            execute(store, p, write_files=write_files)
    except BundleError as exc:
        report.ok, report.reason, report.message = False, exc.reason, str(exc)
    except Exception as exc:  # a constraint the plan could not foresee: rolled back whole
        import sqlite3

        if not isinstance(exc, sqlite3.IntegrityError | ValueError):
            raise
        report.ok, report.reason = False, "conflict"
        report.message = f"{path.name}：无法合并（{exc}）；工作区未作任何改动"
    return report


def bundle_files(paths) -> list[Path]:
    """Files given, folders expanded to the ``*.zip`` in them, in a stable order."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix == ".zip" and p.is_file())
        else:
            found.append(path)
    return found


def _order_key(path: Path):
    """Import order: by device, then where its chain segment starts (so a folder imports gap-free)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(bundles.MANIFEST))
        span = manifest["audit"]
        return (str(manifest["device"]["id"]), int(span["from"]), int(span["to"]), path.name)
    except Exception:  # unreadable here: read() names the problem when its turn comes
        return ("", 0, 0, path.name)


BATCH = 50  # bundles written per transaction by import_many (each bundle its own savepoint)


class _DryRun(Exception):
    pass


def import_many(
    store,
    paths,
    *,
    dry_run: bool = False,
    trust: bool = False,
    progress: Callable[[int, int, ImportReport], None] | None = None,
) -> list[ImportReport]:
    """Each bundle on its own (one refused does not stop the others), ordered so a folder imports whole.

    Bundles are applied in batches: one transaction holds up to ``BATCH`` of them, each in its own
    savepoint, so that a refused bundle is rolled back alone while the disk sees one commit per batch.
    A dry run applies them the same way and rolls everything back: it reports what the whole set would
    do (the second bundle of a laptop after its first), and writes nothing.
    """
    files = sorted(bundle_files(paths), key=_order_key)
    reports: list[ImportReport] = []
    for start in range(0, len(files), BATCH):
        batch: list[ImportReport] = []
        try:
            with store.transaction():
                for path in files[start : start + BATCH]:
                    report = import_bundle(store, path, trust=trust, write_files=not dry_run)
                    report.dry_run = dry_run
                    batch.append(report)
                    if progress:
                        progress(len(reports) + len(batch), len(files), report)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        except Exception as exc:
            for report in batch:
                if report.ok:
                    report.ok, report.reason = False, "not-saved"
                    report.message = f"{report.file}：未能保存（{exc}）；工作区未作任何改动"
            reports += batch
            raise
        reports += batch
    return reports
