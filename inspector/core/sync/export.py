"""The export bundle: what changed since the last export (or everything, ``full``), signed.

A laptop's bundle carries its own audit chain segment and the records those entries touched; an
office's bundle (up the hierarchy) carries the same for the office's chain, plus every other device's
chain and checkpoints the office holds, so that each record keeps its origin and its audit trail.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector.core import clock, ids, profile
from inspector.core.store import audit, checkpoints
from inspector.core.sync import bundle, rules, workspace
from inspector.core.sync.status import start_seq

Progress = Callable[[int, int], None]
CHUNK = 500


@dataclass(frozen=True)
class ExportResult:
    path: Path
    id: str
    seq_from: int
    seq_to: int
    full: bool
    counts: dict[str, int]
    photos: int

    @property
    def empty(self) -> bool:
        return self.seq_from > self.seq_to


def signing_keys(store, pin: str | None):
    """The profile inspector's unlocked paper key and certificate (PinError when the PIN is wrong)."""
    from cryptography.hazmat.primitives import serialization

    from inspector.core import signing

    me = profile.profile(store)
    if me is None:
        raise bundle.BundleError("setup", "本工作区尚未完成首次设置，无法签名")
    keys = signing.signer_for(store, me["id"], pin).keys
    cert_pem = keys.paper.cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    return me, keys, cert_pem


def bundle_header(kind: str, device: dict, me: dict, keys, audit_range: dict, counts: dict, **extra) -> dict:
    """The manifest header every bundle carries (export, office export, package): who, which device, what range."""
    return {
        "id": ids.new_id(),
        "kind": kind,
        "created_at": clock.utc_iso(),
        "device": {k: device[k] for k in ("id", "label", "kind", "series_no")},
        "inspector": {k: me[k] for k in ("id", "name", "cert_no", "organisation")},
        "signer": {"key_id": keys.paper.key_id, "inspector_id": me["id"]},
        "audit": audit_range,
        "counts": counts,
        **extra,
    }


def _records(store, seq_from: int, seq_to: int) -> tuple[dict[str, list[dict]], list[dict]]:
    """The current version of every travelling record touched in the range; those gone as deletions."""
    touched: dict[str, list[str]] = {}
    for table, record_id in store.conn.execute(
        "SELECT table_name, record_id FROM audit_log WHERE seq BETWEEN ? AND ?"
        " GROUP BY table_name, record_id ORDER BY table_name, record_id",
        [seq_from, seq_to],
    ):
        if table in rules.TABLES or table == "checkpoints":
            touched.setdefault(table, []).append(record_id)
    found: dict[str, list[dict]] = {}
    deletions = []
    for table, keys in touched.items():
        rows = []
        for start in range(0, len(keys), CHUNK):
            part = keys[start : start + CHUNK]
            rows += store.rows(
                f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(part))}) ORDER BY id", part
            )
        present = {r["id"] for r in rows}
        deletions += [{"table": table, "id": k} for k in keys if k not in present]
        for row in rows:
            for column in rules.LOCAL.get(table, {}):
                row.pop(column, None)
        found[table] = rows
    return found, deletions


def _chain(conn, table: str, where: str, params) -> list[dict]:
    out = []
    for row in conn.execute(
        f"SELECT seq, id, at, actor, device_id, action, table_name, record_id, digest, hash FROM {table}"
        f" WHERE {where} ORDER BY seq",
        params,
    ):
        entry = dict(
            zip(
                ("seq", "id", "at", "actor", "device_id", "action", "table_name", "record_id"),
                row,
                strict=False,
            )
        )
        entry["digest"] = bytes(row[8]).hex() if row[8] is not None else None
        entry["hash"] = bytes(row[9]).hex()
        out.append(entry)
    return out


def _lines(rows) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows).encode("utf-8")


def export_bundle(
    store, out: Path, *, full: bool = False, pin: str | None = None, progress: Progress | None = None
) -> ExportResult:
    """Write the bundle to ``out`` (a file, or a folder to put it in); the range is then remembered."""
    step = progress or (lambda done, total: None)
    me, keys, cert_pem = signing_keys(store, pin)
    kind = workspace.kind(store)
    checkpoints.take(store, keys.paper.private_key, me["id"], "export")
    head = checkpoints.head(store.conn)
    seq_to = head[0] if head else 0
    seq_from = 1 if full else min(start_seq(store), seq_to + 1)
    step(1, 5)
    records, deletions = _records(store, seq_from, seq_to)
    cps = records.pop("checkpoints", [])
    writer = bundle.Writer()
    counts = {}
    for table in rules.TABLES:
        if records.get(table):
            counts[table] = writer.add_rows(f"records/{table}.jsonl", records[table])
    if deletions:
        writer.add("deletions.jsonl", _lines(deletions))
    step(2, 5)
    photos = 0
    from inspector.core.capture import media as media_files

    for row in records.get("media", []):
        path = media_files.path_of(store, row)
        if path.exists():
            name = f"blobs/{row['sha256']}"
            if name not in writer.entries:
                writer.add(name, path.read_bytes())
                photos += 1
    step(3, 5)
    device = store.row("SELECT * FROM device LIMIT 1")
    writer.add(
        f"audit/{device['id']}.jsonl",
        _lines(_chain(store.conn, "audit_log", "seq BETWEEN ? AND ?", [seq_from, seq_to])),
    )
    writer.add(
        "checkpoints.jsonl",
        _lines(
            checkpoints.Checkpoint.from_row(c).to_dict()
            for c in sorted(cps, key=lambda c: (c["seq"], c["id"]))
        ),
    )
    if kind == "office":
        _carried(store, writer)
    step(4, 5)
    previous = store.conn.execute("SELECT hash FROM audit_log WHERE seq=?", [seq_from - 1]).fetchone()
    audit_range = {
        "device_id": device["id"],
        "from": seq_from,
        "to": seq_to,
        "previous_hash": bytes(previous[0]).hex() if previous else audit.GENESIS,
    }
    header = bundle_header(kind, device, me, keys, audit_range, counts, full=full)
    out = Path(out)
    if out.is_dir():
        stamp = header["created_at"][:19].replace(":", "").replace("-", "")
        out = out / f"inspector-{device['series_no']:03d}-{stamp}-{seq_from}-{seq_to}.zip"
    writer.write(out, header, keys.paper.private_key, cert_pem)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO sync_exports (id, kind, seq_from, seq_to, full, created_at, file_name)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [header["id"], kind, seq_from, seq_to, int(full), header["created_at"], out.name],
        )
        rules.remember(store, {t: rows for t, rows in records.items() if t in rules.TABLES})
    step(5, 5)
    return ExportResult(out, header["id"], seq_from, seq_to, full, counts, photos)


def _carried(store, writer: bundle.Writer) -> None:
    """An office's bundle also carries every other device's chain, checkpoints and roster entry."""
    devices = store.rows("SELECT * FROM sync_devices ORDER BY id")
    for device in devices:
        device["last_hash"] = bytes(device["last_hash"]).hex() if device["last_hash"] else None
        entries = _chain(store.conn, "sync_audit", "device_id=?", [device["id"]])
        if entries:
            writer.add(f"audit/{device['id']}.jsonl", _lines(entries))
    writer.add("devices.jsonl", _lines(devices))
    rows = store.rows("SELECT * FROM sync_checkpoints ORDER BY device_id, seq, id")
    writer.add(
        "carried-checkpoints.jsonl", _lines(checkpoints.Checkpoint.from_row(r).to_dict() for r in rows)
    )
