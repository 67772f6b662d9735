"""Everything checked before an import writes anything.

The bundle's structure, hashes and signature are checked when it is read (:func:`bundle.read`); here:
the kind of bundle this workspace accepts, the signing key against the trusted keys (``trust`` accepts
an unknown one, recorded by the import), the continuity of every audit chain it carries with what this
workspace holds (a gap, a fork, or a chain that went backwards is refused and named), the checkpoints'
signatures, the records' fields, and every document's PAdES signature by one of its own inspectors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspector.core import clock
from inspector.core.store import audit, checkpoints
from inspector.core.sync import rules, workspace
from inspector.core.sync.bundle import KIND_LABELS, Bundle, BundleError

ACCEPTS = {"office": ("field", "office"), "field": ("package",)}


@dataclass
class Checked:
    """What the checks found: whether anything is new, and what the import must record."""

    nothing_new: str = ""  # why the bundle changes nothing (already imported, older than what is held)
    chains: dict[str, list[dict]] = field(default_factory=dict)  # device → audit entries not yet held
    heads: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # device → (seq, hash, created_at)
    checkpoints: list[checkpoints.Checkpoint] = field(default_factory=list)
    new_key: dict | None = None
    warnings: list[str] = field(default_factory=list)
    records: dict[str, list[dict]] = field(default_factory=dict)
    deletions: list[dict] = field(default_factory=list)


def refuse(b: Bundle, reason: str, message: str) -> BundleError:
    return BundleError(reason, f"{b.path.name}：{message}")


def check(store, b: Bundle, *, trust: bool = False) -> Checked:
    result = Checked()
    ours = workspace.kind(store)
    if b.kind not in ACCEPTS[ours]:
        wanted = "或".join(KIND_LABELS[k] for k in ACCEPTS[ours])
        raise refuse(b, "kind", f"这是{KIND_LABELS[b.kind]}，{workspace.LABELS[ours]}工作区只导入{wanted}")
    if b.device_id == store.device_id:
        raise refuse(b, "own", "这是本机自己导出的同步包")
    manifest = b.manifest
    if manifest["signer"].get("inspector_id") != manifest["inspector"].get("id"):
        raise refuse(b, "signature", "签名人与包中所称的执法人员不符")
    if manifest["audit"].get("device_id") != b.device_id:
        raise refuse(b, "replayed", "审计链所属设备与包所称的设备不符")
    _check_cert_subject(b)
    result.new_key = _check_trust(store, b, trust)
    if store.row("SELECT 1 FROM sync_bundles WHERE id=?", [b.id]):
        result.nothing_new = "这个同步包已经导入过，没有任何改动"
        return result
    if b.kind == "package":
        _check_package_target(store, b)
        _check_package_order(store, b, result)
    else:
        _check_own_chain(store, b, result)
        if b.kind == "office":
            _check_carried(store, b, result)
    if result.nothing_new:
        return result
    _check_records(store, b, result)
    if b.kind != "package":
        _check_record_digests(b, result)
    _check_checkpoints(store, b, result)
    _check_numbers(store, b, result)
    _check_documents(store, b, result)
    if b.kind == "field":
        _flag_duplicate_number(store, b, result)
    return result


def _check_cert_subject(b: Bundle) -> None:
    from cryptography.x509.oid import NameOID

    uid = b.signer_cert.subject.get_attributes_for_oid(NameOID.USER_ID)
    if not uid or uid[0].value != b.manifest["inspector"]["id"]:
        raise refuse(b, "signature", "签名人证书不属于包中所称的执法人员")


def _check_trust(store, b: Bundle, trust: bool) -> dict | None:
    from cryptography.hazmat.primitives import serialization

    held = store.row("SELECT * FROM sync_keys WHERE key_id=?", [b.key_id])
    who = f"{b.manifest['inspector'].get('name', '?')}（证号 {b.manifest['inspector'].get('cert_no', '?')}）"
    if held:
        if held["inspector_id"] != b.manifest["inspector"]["id"]:
            raise refuse(b, "signature", f"签名密钥 {b.key_id} 已登记为另一名执法人员的密钥")
        if held["device_id"] != b.device_id:
            raise refuse(
                b,
                "replayed",
                f"签名密钥 {b.key_id}（{who}）登记于设备 {held['device_id']}，而包自称来自设备 {b.device_id}："
                "疑似从另一台设备转来的包",
            )
        return None
    if not trust:
        raise refuse(
            b,
            "untrusted",
            f"签名密钥 {b.key_id}（{who}，设备 {b.device_id}）尚未被本工作区信任。"
            "核实后可用 --trust 导入一次并记录该密钥",
        )
    return {
        "key_id": b.key_id,
        "inspector_id": b.manifest["inspector"]["id"],
        "device_id": b.device_id,
        "cert_pem": b.signer_cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        "trusted_at": clock.utc_iso(),
        "trusted_by": store.actor,
        "how": "explicit",
    }


def _check_package_target(store, b: Bundle) -> None:
    target = b.manifest.get("target") or {}
    me = store.row("SELECT id FROM inspectors WHERE is_profile=1 AND deleted_at IS NULL LIMIT 1")
    if target.get("device_id") and target["device_id"] != store.device_id:
        raise refuse(b, "target", f"这个包是为设备 {target['device_id']} 制作的，不是本机")
    if target.get("inspector_id") and (me is None or target["inspector_id"] != me["id"]):
        raise refuse(
            b,
            "target",
            f"这个包是为执法人员 {target.get('label', target['inspector_id'])} 制作的，不是本机的使用人",
        )


def _check_package_order(store, b: Bundle, result: Checked) -> None:
    held = store.row("SELECT * FROM sync_devices WHERE id=?", [b.device_id])
    seq = int(b.manifest["audit"]["to"])
    if held and (b.manifest["created_at"] < held["last_created_at"] or seq < held["last_seq"]):
        raise refuse(
            b,
            "backwards",
            f"这个包比本机已导入的办公室包更旧（办公室审计链第 {seq} 条，本机已有第 {held['last_seq']} 条）",
        )
    result.heads[b.device_id] = (seq, b.manifest["audit"].get("head_hash", ""), b.manifest["created_at"])


def _entries(b: Bundle, device_id: str) -> list[dict]:
    return b.rows(f"audit/{device_id}.jsonl")


def _walk(b: Bundle, device_id: str, entries: list[dict], first: int, previous: str) -> None:
    """The segment's own chain: consecutive numbers, each hash over the one before."""
    prev, expected = previous, first
    for number, entry in enumerate(entries, start=1):
        where = f"audit/{device_id}.jsonl 第 {number} 行"
        try:
            ok = entry["seq"] == expected and audit.chain_hash(prev, entry) == entry["hash"]
        except (KeyError, TypeError) as exc:
            raise refuse(b, "corrupted", f"{where}缺少字段：{exc}") from exc
        if not ok:
            raise refuse(b, "tampered", f"{where}（第 {expected} 条）与前一条不衔接：审计链被改动")
        prev, expected = entry["hash"], expected + 1


def continuity(
    store,
    b: Bundle,
    device_id: str,
    entries: list[dict],
    first: int,
    last: int,
    previous: str,
    created_at: str,
) -> list[dict]:
    """The entries not yet held, after checking the segment continues what this workspace holds."""
    if len(entries) != max(0, last - first + 1):
        raise refuse(
            b, "corrupted", f"设备 {device_id} 的审计链应有第 {first}–{last} 条，包中只有 {len(entries)} 条"
        )
    _walk(b, device_id, entries, first, previous)
    held = store.row("SELECT * FROM sync_devices WHERE id=?", [device_id])
    held_last = held["last_seq"] if held else 0
    if first > held_last + 1:
        raise refuse(
            b,
            "gap",
            f"设备 {device_id} 的审计链有缺口：本工作区只有到第 {held_last} 条，这个包从第 {first} 条开始"
            f"（第 {held_last + 1}–{first - 1} 条缺失）。请先导入更早的包，或在该设备上用 --full 重新导出",
        )
    if first > 1 and first == held_last + 1 and bytes(held["last_hash"]).hex() != previous:
        raise _fork(b, device_id, first - 1, last, held_last)
    overlap = [e for e in entries if e["seq"] <= held_last]
    if overlap:
        held_hashes = dict(
            store.conn.execute(
                "SELECT seq, hash FROM sync_audit WHERE device_id=? AND seq BETWEEN ? AND ?",
                [device_id, overlap[0]["seq"], overlap[-1]["seq"]],
            ).fetchall()
        )
        for entry in overlap:
            if entry["seq"] in held_hashes and bytes(held_hashes[entry["seq"]]).hex() != entry["hash"]:
                raise _fork(b, device_id, entry["seq"], last, held_last)
    if last < held_last and created_at > (held["last_created_at"] if held else ""):
        raise refuse(
            b,
            "backwards",
            f"设备 {device_id} 的审计链倒退了：这个包只到第 {last} 条，本工作区已有到第 {held_last} 条，"
            "且包是之后才制作的。该设备的数据库可能被恢复为更早的备份",
        )
    return [e for e in entries if e["seq"] > held_last]


def _fork(b: Bundle, device_id: str, seq: int, last: int, held_last: int) -> BundleError:
    if last <= held_last:
        return refuse(
            b,
            "backwards",
            f"设备 {device_id} 的审计链倒退并改写了：第 {seq} 条与本工作区已有的不同，且包只到第 {last} 条"
            f"（已有到第 {held_last} 条）。该设备的数据库可能被恢复为更早的备份后又有改动",
        )
    return refuse(
        b,
        "fork",
        f"设备 {device_id} 的审计链分叉：第 {seq} 条与本工作区已有的不同。该设备的数据库被恢复为更早的副本或被替换",
    )


def _check_own_chain(store, b: Bundle, result: Checked) -> None:
    span = b.manifest["audit"]
    try:
        first, last, previous = int(span["from"]), int(span["to"]), str(span["previous_hash"])
    except (KeyError, TypeError, ValueError) as exc:
        raise refuse(b, "corrupted", f"manifest.json 的 audit 字段不完整：{exc}") from exc
    entries = _entries(b, b.device_id)
    new = continuity(store, b, b.device_id, entries, first, last, previous, b.manifest["created_at"])
    held = store.row("SELECT last_seq FROM sync_devices WHERE id=?", [b.device_id])
    if not new and held and last <= held["last_seq"]:
        result.nothing_new = f"设备 {b.device_id} 第 {first}–{last} 条已全部导入过，没有任何改动"
        return
    result.chains[b.device_id] = new
    head_hash = entries[-1]["hash"] if entries else previous
    result.heads[b.device_id] = (last, head_hash, b.manifest["created_at"])


def _check_carried(store, b: Bundle, result: Checked) -> None:
    for name in b.names("audit/"):
        device_id = name[len("audit/") : -len(".jsonl")]
        if device_id == b.device_id:
            continue
        if device_id == store.device_id:
            continue  # our own chain, carried back: we hold it in audit_log
        entries = _entries(b, device_id)
        if not entries:
            continue
        last = entries[-1]["seq"]
        new = continuity(store, b, device_id, entries, 1, last, audit.GENESIS, "")
        if new:
            result.chains[device_id] = new
            result.heads[device_id] = (last, entries[-1]["hash"], b.manifest["created_at"])


def _check_records(store, b: Bundle, result: Checked) -> None:
    columns = {}
    for name in b.names("records/"):
        table = name[len("records/") : -len(".jsonl")]
        if table not in rules.TABLES:
            raise refuse(b, "corrupted", f"{name}：不认识的记录类型 {table}")
        if table not in columns:
            columns[table] = [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")]
        known = set(columns[table])
        needed = known - set(rules.LOCAL.get(table, {})) - set(audit.LATE_COLUMNS)  # older senders lack these
        rows = b.rows(name)
        for number, row in enumerate(rows, start=1):
            extra, missing = set(row) - known, needed - set(row)
            if extra or missing:
                what = (
                    f"多出字段 {', '.join(sorted(extra))}"
                    if extra
                    else f"缺少字段 {', '.join(sorted(missing))}"
                )
                raise refuse(
                    b, "corrupted", f"{name} 第 {number} 行：{what}（本软件的 {table} 表没有或需要它们）"
                )
            if not isinstance(row.get("id"), str) or not row["id"]:
                raise refuse(b, "corrupted", f"{name} 第 {number} 行：字段 id 应为非空文本")
        result.records[table] = rows
    for number, row in enumerate(b.rows("deletions.jsonl"), start=1):
        if row.get("table") not in rules.TABLES or not isinstance(row.get("id"), str):
            raise refuse(b, "corrupted", f"deletions.jsonl 第 {number} 行：应为 {{table, id}}")
        result.deletions.append(row)


def _check_record_digests(b: Bundle, result: Checked) -> None:
    """Each record as the sender's own chain last logged it: a record changed outside the software (no
    audit entry, or not the content logged) is refused by name. (Inspectors and their certificates leave
    out local columns, so their digests cannot be recomputed here; the signature still covers them.)"""
    last: dict[tuple[str, str], tuple[int, str | None]] = {}
    for entry in b.rows(f"audit/{b.device_id}.jsonl"):
        last[(entry["table_name"], entry["record_id"])] = (entry["seq"], entry["digest"])
    for table, rows in result.records.items():
        if table in rules.LOCAL:
            continue
        for row in rows:
            seq, digest = last.get((table, row["id"]), (None, None))
            if seq is None:
                raise refuse(
                    b, "tampered", f"{table} 中的记录 {row['id']} 不在包的审计链中：在软件之外被加入"
                )
            if digest != audit.row_digest(row):
                raise refuse(
                    b,
                    "tampered",
                    f"{table} 中的记录 {row['id']} 与设备 {b.device_id} 审计链第 {seq} 条记载的内容不符：在软件之外被改动",
                )


def _known_keys(store, b: Bundle, result: Checked) -> dict:
    from cryptography import x509

    keys = checkpoints.public_keys(store.conn)
    for row in result.records.get("inspector_keys", []):
        public = x509.load_pem_x509_certificate(row["cert_pem"].encode()).public_key()
        keys[checkpoints.key_id(public)] = (row["inspector_id"], public)
    keys[b.key_id] = (b.manifest["inspector"]["id"], b.signer_cert.public_key())
    return keys


def _check_checkpoints(store, b: Bundle, result: Checked) -> None:
    keys = _known_keys(store, b, result)
    for name in ("checkpoints.jsonl", "carried-checkpoints.jsonl"):
        for number, data in enumerate(b.rows(name), start=1):
            try:
                checkpoint = checkpoints.Checkpoint.from_dict(data, f"{name} 第 {number} 行")
            except checkpoints.CheckpointError as exc:
                raise refuse(b, "corrupted", str(exc)) from exc
            problem = checkpoints.signature_problem(checkpoint, keys)
            if problem:
                raise refuse(b, "signature", f"{checkpoints.describe(checkpoint)}不可信：{problem}")
            entries = {e["seq"]: e["hash"] for e in result.chains.get(checkpoint.device_id, [])}
            if checkpoint.seq in entries and entries[checkpoint.seq] != checkpoint.hash.hex():
                raise refuse(
                    b,
                    "tampered",
                    checkpoints.diverged_message(checkpoint.seq, checkpoints.describe(checkpoint)),
                )
            result.checkpoints.append(checkpoint)


def _check_numbers(store, b: Bundle, result: Checked) -> None:
    """Two documents with one number cannot both stand (laptops sharing a number issued the same one)."""
    documents = result.records.get("documents", [])
    for start in range(0, len(documents), 500):
        part = {d["number_text"]: d for d in documents[start : start + 500]}
        for held in store.rows(
            f"SELECT id, number_text, origin_device FROM documents WHERE number_text IN ({','.join('?' * len(part))})"
            " ORDER BY number_text",
            list(part),
        ):
            if held["id"] != part[held["number_text"]]["id"]:
                raise refuse(
                    b,
                    "number",
                    f"文书编号 {held['number_text']} 已被设备 {held['origin_device']} 的另一份文书使用："
                    "两台电脑使用了相同的本机编号。请为其中一台重新分配编号后重新出具该文书",
                )


def _check_documents(store, b: Bundle, result: Checked) -> None:
    from inspector.core.sync import pades_check

    documents = [d for d in result.records.get("documents", []) if d.get("pdf")]
    if not documents:
        return
    problems, unsigned = pades_check.check(store, result.records, documents)
    if problems:
        raise refuse(b, "pades", "；".join(problems[:5]))
    for number in unsigned:
        result.warnings.append(f"文书 {number} 的 PDF 没有数字签名")


def _flag_duplicate_number(store, b: Bundle, result: Checked) -> None:
    series = b.manifest["device"].get("series_no")
    clash = store.rows(
        "SELECT id, label FROM sync_devices WHERE kind='field' AND series_no=? AND id!=? ORDER BY id",
        [series, b.device_id],
    )
    for other in clash:
        result.warnings.append(
            f"本机编号 {series} 同时被设备 {b.device_id} 和 {other['id']}（{other['label']}）使用：两台电脑的文书编号会重复，"
            "请为其中一台重新分配编号"
        )
