"""Handwritten signatures on a document: strokes in their box, or a recorded refusal.

A stroke is a list of ``[x, y]`` points on the signature pad, both in 0..1 with ``y`` growing
downward (as a pad on screen captures them), the pad being 3:1 wide; a signature is a list of
strokes. The roles are ``inspector1``,
``inspector2`` (… ``inspectorN`` for more) and ``enterprise``; only the enterprise may refuse, and a
refusal records its time and a witness (「被检查单位负责人拒绝签字」).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field

from inspector.core import clock

ENTERPRISE = "enterprise"
PAD_ASPECT = 3.0  # width / height of the signature pad (= inspector.core.signing.STROKE_ASPECT)
_ROLE = re.compile(r"^(inspector[1-9]|enterprise)$")
MAX_POINTS = 20000


class SignatureError(ValueError):
    pass


@dataclass
class Signature:
    role: str
    signer_name: str = ""
    signer_id: str | None = None
    strokes: list[list[list[float]]] = field(default_factory=list)
    refused: bool = False
    refused_at: str | None = None  # UTC ISO-8601, like every stored time
    witness: str = ""
    signed_at: str | None = None

    @property
    def signed(self) -> bool:
        return bool(self.strokes)

    def to_dict(self) -> dict:
        return asdict(self)


def _clean_strokes(role: str, strokes) -> list[list[list[float]]]:
    if strokes is None:
        return []
    if isinstance(strokes, str):
        strokes = json.loads(strokes)
    clean, total = [], 0
    for stroke in strokes:
        points = []
        for point in stroke:
            x, y = float(point[0]), float(point[1])
            if not (math.isfinite(x) and math.isfinite(y)):
                raise SignatureError(f"{role} 的签名含有无效的坐标")
            points.append([round(min(max(x, 0.0), 1.0), 4), round(min(max(y, 0.0), 1.0), 4)])
        total += len(points)
        if points:
            clean.append(points)
    if total > MAX_POINTS:
        raise SignatureError(f"{role} 的签名点数过多（{total}）")
    return clean


def make(value: Signature | Mapping, role: str | None = None) -> Signature:
    """A checked Signature from a Signature or a plain dict (strokes may be JSON text)."""
    data = value.to_dict() if isinstance(value, Signature) else dict(value)
    role = role or data.get("role") or ""
    if not _ROLE.match(role):
        raise SignatureError(f"未知的签名角色“{role}”，应为 inspector1、inspector2 或 enterprise")
    refused = bool(data.get("refused"))
    sig = Signature(
        role=role,
        signer_name=str(data.get("signer_name") or "").strip(),
        signer_id=data.get("signer_id") or None,
        strokes=_clean_strokes(role, data.get("strokes")),
        refused=refused,
        refused_at=data.get("refused_at") or None,
        witness=str(data.get("witness") or "").strip(),
        signed_at=data.get("signed_at") or None,
    )
    if refused:
        if role != ENTERPRISE:
            raise SignatureError("只有被检查单位负责人可以拒绝签字")
        if sig.strokes:
            raise SignatureError("拒绝签字时不应有签名笔迹")
        if not sig.witness:
            raise SignatureError("被检查单位负责人拒绝签字时须写明见证人")
        sig.refused_at = sig.refused_at or clock.utc_iso()
    elif sig.strokes and not sig.signed_at:
        sig.signed_at = clock.utc_iso()
    return sig


def collect(signatures: Mapping | Iterable | None) -> dict[str, Signature]:
    """Signatures by role, from a ``{role: sig}`` mapping or a list of sigs that name their role."""
    if not signatures:
        return {}
    if isinstance(signatures, Mapping):
        found = {role: make(value, role) for role, value in signatures.items() if value is not None}
    else:
        found = {}
        for value in signatures:
            sig = make(value)
            if sig.role in found:
                raise SignatureError(f"角色 {sig.role} 的签名重复")
            found[sig.role] = sig
    return dict(sorted(found.items()))


def from_rows(rows: Iterable[dict]) -> dict[str, Signature]:
    return {
        row["role"]: Signature(
            role=row["role"],
            signer_name=row["signer_name"] or "",
            signer_id=row["signer_id"],
            strokes=json.loads(row["strokes"]) if row["strokes"] else [],
            refused=bool(row["refused"]),
            refused_at=row["refused_at"],
            witness=row["witness"] or "",
            signed_at=row["signed_at"],
        )
        for row in rows
    }


def to_row(sig: Signature, document_id: str) -> dict:
    return {
        "document_id": document_id,
        "role": sig.role,
        "signer_id": sig.signer_id,
        "signer_name": sig.signer_name,
        "strokes": json.dumps(sig.strokes, separators=(",", ":")) if sig.strokes else None,
        "refused": int(sig.refused),
        "refused_at": sig.refused_at,
        "witness": sig.witness,
        "signed_at": sig.signed_at,
    }
