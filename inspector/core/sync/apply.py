"""Writing a plan in one transaction: records, this workspace's audit entries, the senders' chains,
the merge's bookkeeping (base versions, history, conflicts), the bundle as imported."""

from __future__ import annotations

import hashlib
import json

from inspector.core import canonical, clock, ids
from inspector.core.store import audit
from inspector.core.sync import rules
from inspector.core.sync.plan import Plan


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
            conflict_id = _stable_id(
                c["table_name"],
                c["record_id"],
                rules.digest(c["table_name"], office),
                rules.digest(c["table_name"], fieldside),
            )
            if store.row("SELECT 1 FROM sync_conflicts WHERE id=?", [conflict_id]):
                continue
            store.insert(
                "sync_conflicts",
                {
                    "id": conflict_id,
                    "table_name": c["table_name"],
                    "record_id": c["record_id"],
                    "office_version": _json(office),
                    "field_version": _json(fieldside),
                    "kept": _json(c["kept"]),
                    "rule": c["rule"],
                    "bundle_id": b.id,
                    "at": now,
                },
                action="sync_conflict",
            )
        conn.executemany(
            "INSERT OR IGNORE INTO sync_aliases (table_name, alias_id, record_id, bundle_id, at) VALUES (?, ?, ?, ?, ?)",
            [(table, alias, held, b.id, now) for table, alias, held in p.aliases],
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
            store.insert("sync_keys", checked.new_key, action="trust_key")


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
