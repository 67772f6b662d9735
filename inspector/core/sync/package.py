"""The office's package for a laptop: what an inspector needs for the next days in the field.

The enterprise register of their region, the roster with public keys, the open and listed hazards due
for re-check (回头看) with what they came from (inspections, findings, notices), the office's own
checklists, its settings, and the document-number blocks assigned to that laptop. Signed with the
office's key; the laptop imports it like any bundle (same checks, one transaction).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from inspector.core.store import audit, checkpoints
from inspector.core.sync import bundle, rules
from inspector.core.sync.export import bundle_header, signing_keys


class PackageError(ValueError):
    pass


@dataclass(frozen=True)
class PackageResult:
    path: Path
    target: dict
    counts: dict[str, int]


def resolve_target(store, who: str) -> dict:
    """An inspector (id, 执法证号 or name) or a region (as the register writes it)."""
    person = store.row(
        "SELECT * FROM inspectors WHERE deleted_at IS NULL AND (id=? OR cert_no=? OR name=?) ORDER BY id LIMIT 1",
        [who, who, who],
    )
    if person:
        regions = [
            r["region"]
            for r in store.rows(
                "SELECT DISTINCT e.region FROM inspection_inspectors ii JOIN inspections i ON i.id=ii.inspection_id"
                " JOIN enterprises e ON e.id=i.enterprise_id WHERE ii.inspector_id=? ORDER BY e.region",
                [person["id"]],
            )
        ]
        device = store.row(
            "SELECT id FROM sync_devices WHERE inspector_id=? AND kind='field' ORDER BY last_created_at DESC, id LIMIT 1",
            [person["id"]],
        )
        return {
            "inspector_id": person["id"],
            "device_id": device["id"] if device else None,
            "regions": regions,
            "label": f"{person['name']}（证号 {person['cert_no']}）",
        }
    if store.row("SELECT 1 FROM enterprises WHERE region=? AND deleted_at IS NULL LIMIT 1", [who]):
        return {"inspector_id": None, "device_id": None, "regions": [who], "label": who}
    raise PackageError(f"没有名为“{who}”的执法人员（姓名、执法证号或标识），也没有这个地区的企业")


def _in(column: str, values) -> tuple[str, list]:
    values = sorted(set(v for v in values if v is not None))
    return f"{column} IN ({','.join('?' * len(values))})" if values else "0", values


def _select(store, table: str, column: str, values, extra: str = "") -> list[dict]:
    where, params = _in(column, values)
    rows = store.rows(f"SELECT * FROM {table} WHERE {where}{extra} ORDER BY id", params)
    for row in rows:
        for local in rules.LOCAL.get(table, {}):
            row.pop(local, None)
    return rows


def records_for(store, target: dict) -> dict[str, list[dict]]:
    regions = target["regions"]
    if regions:
        where, params = _in("region", regions)
        enterprises = store.rows(
            f"SELECT * FROM enterprises WHERE deleted_at IS NULL AND {where} ORDER BY id", params
        )
    else:
        enterprises = store.rows("SELECT * FROM enterprises WHERE deleted_at IS NULL ORDER BY id")
    out: dict[str, list[dict]] = {"enterprises": enterprises}
    out["inspectors"] = [
        {k: v for k, v in r.items() if k != "is_profile"}
        for r in store.rows("SELECT * FROM inspectors WHERE deleted_at IS NULL ORDER BY id")
    ]
    out["inspector_keys"] = [
        {k: v for k, v in r.items() if k != "key_pem"}
        for r in store.rows("SELECT * FROM inspector_keys ORDER BY id")
    ]
    hazards = _select(
        store,
        "hazards",
        "enterprise_id",
        [e["id"] for e in enterprises],
        " AND status!='verified' AND deleted_at IS NULL",
    )
    out["hazards"] = hazards
    out["findings"] = _select(store, "findings", "id", [h["finding_id"] for h in hazards])
    out["answers"] = _select(store, "answers", "id", [f["answer_id"] for f in out["findings"]])
    inspection_ids = [f["inspection_id"] for f in out["findings"]]
    out["inspections"] = _select(store, "inspections", "id", inspection_ids)
    out["inspection_inspectors"] = _select(store, "inspection_inspectors", "inspection_id", inspection_ids)
    out["inspection_checklists"] = _select(store, "inspection_checklists", "inspection_id", inspection_ids)
    snapshots = [r["snapshot_id"] for r in out["inspection_checklists"]] + [
        a["snapshot_id"] for a in out["answers"]
    ]
    out["checklist_snapshots"] = _select(store, "checklist_snapshots", "id", snapshots)
    out["documents"] = _select(store, "documents", "inspection_id", inspection_ids)
    out["signatures"] = _select(store, "signatures", "document_id", [d["id"] for d in out["documents"]])
    out["hazard_transitions"] = _select(store, "hazard_transitions", "hazard_id", [h["id"] for h in hazards])
    return {t: out[t] for t in rules.TABLES if out.get(t)}


def build_package(store, who: str, out: Path, *, pin: str | None = None) -> PackageResult:
    from inspector.core.checklists.library import checklist_files

    target = resolve_target(store, who)
    me, keys, cert_pem = signing_keys(store, pin)
    records = records_for(store, target)
    writer = bundle.Writer()
    counts = {}
    for table, rows in records.items():
        counts[table] = writer.add_rows(f"records/{table}.jsonl", rows)
    blocks = store.rows(
        "SELECT * FROM number_blocks WHERE device_id=? ORDER BY doc_kind, year, first",
        [target["device_id"] or ""],
    )
    if blocks:
        writer.add("blocks.jsonl", "".join(json.dumps(b, sort_keys=True) + "\n" for b in blocks).encode())
    settings = {
        r["key"]: json.loads(r["value"])
        for r in store.rows("SELECT key, value FROM settings WHERE key LIKE 'office.%' ORDER BY key")
    }
    writer.add("settings.json", json.dumps(settings, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    workspace = store.workspace
    for path in checklist_files(workspace.checklists_dir if workspace else None):
        writer.add(f"checklists/{path.name}", path.read_bytes())
    device = store.row("SELECT * FROM device LIMIT 1")
    head = checkpoints.head(store.conn)
    seq = head[0] if head else 0
    acknowledged = {}
    if target["device_id"]:
        held = store.row("SELECT last_seq FROM sync_devices WHERE id=?", [target["device_id"]])
        acknowledged[target["device_id"]] = held["last_seq"] if held else 0
    audit_range = {
        "device_id": device["id"],
        "from": seq,
        "to": seq,
        "previous_hash": audit.GENESIS,
        "head_hash": head[1].hex() if head else audit.GENESIS,
    }
    header = bundle_header(
        "package", device, me, keys, audit_range, counts, full=True, target=target, acknowledged=acknowledged
    )
    out = Path(out)
    if out.is_dir():
        out = out / f"package-{target['label']}-{header['created_at'][:10]}.zip"
    writer.write(out, header, keys.paper.private_key, cert_pem)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO sync_exports (id, kind, seq_from, seq_to, full, created_at, file_name, target)"
            " VALUES (?, 'package', ?, ?, 1, ?, ?, ?)",
            [header["id"], seq, seq, header["created_at"], out.name, target["label"]],
        )
        rules.remember(store, records)
    return PackageResult(out, target, counts)


def apply_extras(store, b: bundle.Bundle) -> None:
    """Inside the import's transaction: settings, number blocks, checklists, the office's acknowledgement."""
    from inspector.core.checklists.library import parse
    from inspector.core.documents import numbering

    for key, value in sorted((b.json("settings.json") or {}).items()):
        if key.startswith("office.") and store.setting(key) != value:
            store.set_setting(key, value)
    for line in (b.entries.get("blocks.jsonl") or b"").decode().splitlines():
        block = json.loads(line)
        if block["device_id"] != store.device_id:
            continue
        known = store.row(
            "SELECT 1 FROM number_blocks WHERE device_id=? AND doc_kind=? AND year=? AND first=?",
            [store.device_id, block["doc_kind"], block["year"], block["first"]],
        )
        if not known:
            numbering.set_block(store, block["doc_kind"], block["year"], block["first"], block["last"])
    acknowledged = (b.manifest.get("acknowledged") or {}).get(store.device_id)
    if acknowledged is not None and store.setting("sync.acknowledged_seq") != acknowledged:
        store.set_setting("sync.acknowledged_seq", acknowledged)
    names = b.names("checklists/")
    if names and store.workspace is not None:
        folder = store.workspace.checklists_dir
        folder.mkdir(parents=True, exist_ok=True)
        staged = []
        for name in names:
            target = folder / Path(name).name
            try:
                parse(b.entries[name], name, target)
            except Exception as exc:
                raise ValueError(f"包中的检查表 {name} 无效：{exc}") from exc
            partial = target.with_name(target.name + ".part")
            partial.write_bytes(b.entries[name])
            staged.append((partial, target))
        for partial, target in staged:
            partial.replace(target)
