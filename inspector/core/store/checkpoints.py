"""Signed checkpoints: the audit chain's head, signed with the inspector's key whenever it is unlocked.

A checkpoint says "on device D, the chain's entry number ``seq`` had hash ``H`` at time T", signed with
the inspector's paper key (ECDSA P-256). It is taken when the key is unlocked anyway: issuing a
document, exporting a bundle, finishing an inspection with the PIN. Each is kept three times: in the
``checkpoints`` table, as a line of ``logs/checkpoints.jsonl`` in the workspace folder (which an older copy
of the database file does not roll back), and in whatever left the laptop with it (an issued
document's content carries the head too; an export bundle carries the checkpoint itself).

A chain that was truncated, edited and re-chained, or replaced by an older copy no longer matches the
checkpoints taken before: ``audit.verify`` names which. The office side (sync) calls :func:`compare` with
a checkpoint it received earlier from a laptop (:meth:`Checkpoint.to_dict` / :meth:`Checkpoint.from_dict`).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from inspector.core import clock, ids

MAGIC = "INSPCP1"
FORMAT = 1
FILE_NAME = "checkpoints.jsonl"


class CheckpointError(ValueError):
    """A checkpoint record is malformed; the message names the field and what was expected."""


@dataclass(frozen=True)
class Checkpoint:
    id: str
    device_id: str
    seq: int
    hash: bytes  # 32 bytes
    at: str
    reason: str
    inspector_id: str
    key_id: str
    signature: bytes = b""  # DER ECDSA over signed_text

    @property
    def signed_text(self) -> bytes:
        fields = [MAGIC, self.id, self.device_id, str(self.seq), self.hash.hex(), self.at, self.reason]
        return "|".join([*fields, self.inspector_id, self.key_id]).encode("utf-8")

    def to_dict(self) -> dict:
        """The exchange form (export bundles, the workspace's checkpoint file): versioned, JSON-safe."""
        return {
            "format": FORMAT,
            "id": self.id,
            "device_id": self.device_id,
            "seq": self.seq,
            "hash": self.hash.hex(),
            "at": self.at,
            "reason": self.reason,
            "inspector_id": self.inspector_id,
            "key_id": self.key_id,
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: dict, where: str = "检查点") -> Checkpoint:
        if not isinstance(data, dict):
            raise CheckpointError(f"{where}：应为一个对象")
        if data.get("format") != FORMAT:
            raise CheckpointError(f"{where}：format 应为 {FORMAT}，实际为 {data.get('format')!r}")
        text = {}
        for name in ("id", "device_id", "at", "reason", "inspector_id", "key_id", "hash", "signature"):
            value = data.get(name)
            if not isinstance(value, str) or not value:
                raise CheckpointError(f"{where}：字段 {name} 应为非空文本")
            text[name] = value
        seq = data.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise CheckpointError(f"{where}：字段 seq 应为正整数")
        try:
            digest = bytes.fromhex(text["hash"])
            signature = base64.b64decode(text["signature"], validate=True)
        except (ValueError, binascii.Error) as exc:
            raise CheckpointError(f"{where}：字段 hash 应为十六进制、signature 应为 base64") from exc
        if len(digest) != 32:
            raise CheckpointError(f"{where}：字段 hash 应为 64 位十六进制 SHA-256")
        fields = {k: text[k] for k in ("id", "device_id", "at", "reason", "inspector_id", "key_id")}
        return cls(seq=seq, hash=digest, signature=signature, **fields)

    @classmethod
    def from_row(cls, row: dict) -> Checkpoint:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


def head(conn: sqlite3.Connection) -> tuple[int, bytes] | None:
    """The chain's newest entry: (seq, hash), or None for an empty chain."""
    found = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (found[0], bytes(found[1])) if found else None


def key_id(public_key) -> str:
    """As ``signing.certs.key_id``: sha256 of the SubjectPublicKeyInfo, 16 hex digits."""
    from cryptography.hazmat.primitives import serialization

    spki = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    from hashlib import sha256

    return sha256(spki).hexdigest()[:16]


def take(store, private_key, inspector_id: str, reason: str) -> Checkpoint | None:
    """Sign the current head with ``private_key`` (the inspector's unlocked paper key) and keep it.

    None when nothing was logged since the last checkpoint (whose own entry is then the head).
    """
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    with store.transaction():
        current = head(store.conn)
        if current is None:
            return None
        last = store.conn.execute("SELECT max(seq) FROM checkpoints").fetchone()[0]
        if last is not None and current[0] <= last + 1:
            return None
        unsigned = Checkpoint(
            id=ids.new_id(),
            device_id=store.device_id or "",
            seq=current[0],
            hash=current[1],
            at=clock.utc_iso(),
            reason=reason,
            inspector_id=inspector_id,
            key_id=key_id(private_key.public_key()),
        )
        signature = private_key.sign(unsigned.signed_text, ec.ECDSA(hashes.SHA256()))
        checkpoint = replace(unsigned, signature=signature)
        store.insert("checkpoints", dict(checkpoint.__dict__), action="checkpoint")
    if store.workspace is not None:
        path = store.workspace.logs_dir / FILE_NAME
        try:
            _append_to_file(path, checkpoint)
        except OSError as exc:  # the checkpoint is kept in the database; what was issued stays issued
            store.warnings.append(f"检查点未能写入 {path}：{exc.strerror or exc}")
    return checkpoint


def latest(conn: sqlite3.Connection) -> Checkpoint | None:
    """The newest checkpoint of this database (what an export bundle carries to the office)."""
    cur = conn.execute("SELECT * FROM checkpoints ORDER BY seq DESC, id DESC LIMIT 1")
    found = cur.fetchone()
    if found is None:
        return None
    return Checkpoint.from_row(dict(zip([d[0] for d in cur.description], found, strict=True)))


def take_for(store, signer, reason: str) -> Checkpoint | None:
    """A checkpoint signed by an unlocked ``signing.DocumentSigner`` (anything with ``keys.paper``)."""
    keys = getattr(signer, "keys", None)
    if keys is None:
        return None
    return take(store, keys.paper.private_key, signer.inspector_id, reason)


def _append_to_file(path: Path, checkpoint: Checkpoint) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(checkpoint.to_dict(), sort_keys=True) + "\n")
        out.flush()
        os.fsync(out.fileno())


def from_file(path: Path) -> Iterator[Checkpoint]:
    """The checkpoints kept beside the database, one JSON object a line (a torn last line is skipped)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield Checkpoint.from_dict(json.loads(line), f"{path} 第 {number} 行")
            except (ValueError, CheckpointError):
                if line.endswith("\n"):
                    raise
                return  # a line cut short by a crash while it was written


# -- checking -------------------------------------------------------------------------------------------


def public_keys(conn: sqlite3.Connection) -> dict[str, tuple[str, object]]:
    """key id → (inspector id, public key) of every certificate in the workspace."""
    from cryptography import x509

    found: dict[str, tuple[str, object]] = {}
    for inspector_id, pem in conn.execute("SELECT inspector_id, cert_pem FROM inspector_keys ORDER BY id"):
        public = x509.load_pem_x509_certificate(pem.encode()).public_key()
        found[key_id(public)] = (inspector_id, public)
    return found


def signature_problem(checkpoint: Checkpoint, keys: dict[str, tuple[str, object]]) -> str | None:
    """Why the checkpoint's signature cannot be trusted, or None when it is good."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    known = keys.get(checkpoint.key_id)
    if known is None or known[0] != checkpoint.inspector_id:
        return f"签名密钥 {checkpoint.key_id} 不是本工作区执法人员 {checkpoint.inspector_id} 的密钥"
    if not isinstance(known[1], ec.EllipticCurvePublicKey):
        return f"签名密钥 {checkpoint.key_id} 不是检查点所用的 P-256 密钥"
    try:
        known[1].verify(checkpoint.signature, checkpoint.signed_text, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return "签名与内容不符（检查点被改动）"
    return None


@dataclass(frozen=True)
class Comparison:
    status: str  # anchored, behind, diverged, foreign, unsigned
    message: str

    @property
    def ok(self) -> bool:
        return self.status == "anchored"


_REASONS = {"issue": "签发", "finish": "结束检查", "export": "导出"}


def describe(checkpoint: Checkpoint) -> str:
    try:
        when = clock.local(checkpoint.at).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        when = checkpoint.at
    verb, _, rest = checkpoint.reason.partition(" ")
    reason = _REASONS.get(verb, verb) + rest
    return f"{when} 的签名检查点（{reason}，第 {checkpoint.seq} 条）"


def compare(conn: sqlite3.Connection, checkpoint: Checkpoint, check_signature: bool = True) -> Comparison:
    """Does this database's chain still contain ``checkpoint`` (e.g. one the office received earlier)?

    ``behind``: the chain ends before the checkpoint (an older copy of the database, or truncated);
    ``diverged``: the entry is there with another hash (rewritten and re-chained, or another database);
    ``foreign``: the checkpoint is another device's; ``unsigned``: its signature does not hold.
    This compares the one entry only; ``audit.verify`` walks the chain up to it.
    """
    what = describe(checkpoint)
    device = conn.execute("SELECT id FROM device LIMIT 1").fetchone()
    if device is None or device[0] != checkpoint.device_id:
        return Comparison("foreign", f"{what}属于设备 {checkpoint.device_id}，不是本机的审计链")
    if check_signature:
        problem = signature_problem(checkpoint, public_keys(conn))
        if problem:
            return Comparison("unsigned", f"{what}不可信：{problem}")
    found = conn.execute("SELECT hash FROM audit_log WHERE seq=?", [checkpoint.seq]).fetchone()
    if found is None:
        last = head(conn)
        end = last[0] if last else 0
        if end < checkpoint.seq:
            return Comparison("behind", behind_message(end, checkpoint.seq, what))
        return Comparison("diverged", f"第 {checkpoint.seq} 条审计记录缺失，{what}无法核对：有记录被删除")
    if bytes(found[0]) != checkpoint.hash:
        return Comparison("diverged", diverged_message(checkpoint.seq, what))
    return Comparison("anchored", f"第 1–{checkpoint.seq} 条审计记录与{what}一致")


def behind_message(end: int, seq: int, what: str) -> str:
    return (
        f"审计链只到第 {end} 条，落后于{what}：第 {end + 1}–{seq} 条记录被删除（截断），"
        "或数据库被恢复为更早的副本"
    )


def diverged_message(seq: int, what: str) -> str:
    return (
        f"第 {seq} 条审计记录的哈希与{what}不符：第 1–{seq} 条中有记录被改写后重新计算了哈希链，"
        "或数据库被换成了另一个"
    )
