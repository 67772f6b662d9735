"""The payload printed as a QR code, so that a paper copy can be checked too.

    INSP1|（库）应急责改〔2026〕17号|<sha256 of the canonical content, base64url>|<key id>|<signature>

- the document number, as printed;
- the SHA-256 of the document's canonical content (43 base64url characters for 32 bytes);
- the key id: the first 16 hex digits of the SHA-256 of the signing key's SubjectPublicKeyInfo
  (it names the key, not the certificate, so a certificate the office re-issues for the same key still
  matches);
- an ECDSA P-256 / SHA-256 signature over everything before the last ``|``, as raw r‖s (64 bytes, 86
  base64url characters).

About 200 bytes in all, a QR of version 10 at error level M. The same with the inspector's RSA-3072
key would need a 384-byte signature (~570 bytes, version 19+), hence the separate P-256 paper key.

The short code (e.g. ``7Q2K-M9XD-41TB-HC0R``) is 80 bits of SHA-256 over the number and content hash,
in Crockford base32: printed under the QR, typed by a clerk to find the document and to see that the
paper copy's content matches the record. It does not prove who signed; the QR does.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from inspector.core import canonical
from inspector.core.documents import registry
from inspector.core.signing import certs
from inspector.core.signing.verdict import (
    CONTENT_CHANGED,
    MALFORMED,
    SIGNATURE_BROKEN,
    UNKNOWN_SIGNER,
    Verdict,
)
from inspector.core.store import Store

MAGIC = "INSP1"
SEP = "|"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class PayloadError(ValueError):
    """The text is not a payload of this system; the message says what is wrong."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str, size: int, what: str) -> bytes:
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise PayloadError(f"{what}不是有效的 base64url 编码") from exc
    if len(data) != size or _b64(data) != text:
        raise PayloadError(f"{what}长度或编码不对")
    return data


@dataclass(frozen=True)
class Payload:
    number_text: str
    content_sha256: str  # hex
    key_id: str
    signature: bytes = b""  # raw r‖s

    @property
    def signed_text(self) -> str:
        digest = _b64(bytes.fromhex(self.content_sha256))
        return SEP.join([MAGIC, self.number_text, digest, self.key_id])

    @property
    def text(self) -> str:
        return self.signed_text + SEP + _b64(self.signature)


def _ecdsa():
    try:  # RFC 6979: the same document always gives the same QR
        return ec.ECDSA(hashes.SHA256(), deterministic_signing=True)
    except TypeError:  # cryptography < 44
        return ec.ECDSA(hashes.SHA256())


def sign_payload(private_key: ec.EllipticCurvePrivateKey, number_text: str, content_sha256: str) -> str:
    """The QR text for a document, signed with the inspector's paper key."""
    if SEP in number_text or not number_text.strip():
        raise PayloadError("文书编号为空或含有“|”")
    if len(content_sha256) != 64:
        raise PayloadError("内容哈希应为 64 位十六进制 SHA-256")
    unsigned = Payload(number_text, content_sha256.lower(), certs.key_id(private_key.public_key()))
    r, s = decode_dss_signature(private_key.sign(unsigned.signed_text.encode("utf-8"), _ecdsa()))
    signed = Payload(
        unsigned.number_text,
        unsigned.content_sha256,
        unsigned.key_id,
        r.to_bytes(32, "big") + s.to_bytes(32, "big"),
    )
    return signed.text


def parse_payload(text: str) -> Payload:
    fields = text.strip().split(SEP)
    if len(fields) < 5 or fields[0] != MAGIC:
        raise PayloadError(f"不是本系统文书二维码的内容（应以“{MAGIC}|”开头，共 5 段）")
    digest, kid, signature = fields[-3:]
    number_text = SEP.join(fields[1:-3])
    if not number_text:
        raise PayloadError("二维码中没有文书编号")
    if len(kid) != 16 or any(c not in "0123456789abcdef" for c in kid):
        raise PayloadError("密钥编号应为 16 位十六进制")
    return Payload(number_text, _unb64(digest, 32, "内容哈希").hex(), kid, _unb64(signature, 64, "签名"))


def content_digest(content: Any) -> str:
    """SHA-256 (hex) of a document's canonical content: a dict/list, its JSON text, or raw bytes."""
    if isinstance(content, bytes | bytearray):
        return hashlib.sha256(bytes(content)).hexdigest()
    if isinstance(content, str):
        try:
            content = json.loads(content)
        except ValueError:
            return canonical.sha256_text(content)
    return canonical.digest(content)


def short_code_for(number_text: str, content_sha256: str) -> str:
    raw = hashlib.sha256(f"{number_text}{SEP}{content_sha256.lower()}".encode()).digest()[:10]
    value = int.from_bytes(raw, "big")
    chars = "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(75, -1, -5))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def short_code(payload: str | Payload) -> str:
    """The ~16-character code printed under the QR (4 groups of 4, Crockford base32)."""
    parsed = parse_payload(payload) if isinstance(payload, str) else payload
    return short_code_for(parsed.number_text, parsed.content_sha256)


def normalise_code(code: str) -> str:
    """What a clerk typed, as printed: case, O/0, I/L/1 and separators forgiven."""
    table = str.maketrans({"O": "0", "I": "1", "L": "1"})
    chars = "".join(c for c in code.upper().translate(table) if c in _CROCKFORD)
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def find_by_short_code(store: Store, code: str) -> dict | None:
    """The document of the workspace whose printed short code is ``code``."""
    wanted = normalise_code(code)
    for doc in store.rows("SELECT id, number_text, content_sha256 FROM documents WHERE deleted_at IS NULL"):
        if short_code_for(doc["number_text"], doc["content_sha256"]) == wanted:
            return doc
    return None


def _signature_ok(public_key, payload: Payload) -> bool:
    r, s = int.from_bytes(payload.signature[:32], "big"), int.from_bytes(payload.signature[32:], "big")
    try:
        public_key.verify(
            encode_dss_signature(r, s), payload.signed_text.encode("utf-8"), ec.ECDSA(hashes.SHA256())
        )
    except InvalidSignature:
        return False
    return True


def verify_payload(store: Store, text: str, content: Any = None) -> Verdict:
    """Check a scanned QR text: the signature against known inspectors, then the content hash.

    ``content`` (the document's content, as a dict or canonical JSON) is compared when given;
    otherwise the document of the same number in the workspace, when it has one.
    """
    verdict = Verdict()
    try:
        payload = parse_payload(text)
    except PayloadError as exc:
        return verdict.fail(MALFORMED, str(exc))
    verdict.number_text = payload.number_text
    candidates = [
        k for k in certs.certificates(store) if k.purpose == certs.PAPER and k.key_id == payload.key_id
    ]
    if not candidates:
        return verdict.fail(
            UNKNOWN_SIGNER, f"签名人未知：本工作区没有密钥编号 {payload.key_id} 的执法人员证书"
        )
    signed_by = next((k for k in candidates if _signature_ok(k.cert.public_key(), payload)), None)
    if signed_by is None:
        return verdict.fail(
            SIGNATURE_BROKEN, "签名不符：二维码中的文书编号、内容哈希或签名被改动，或不是该执法人员所签"
        )
    signer = certs.identify(store, signed_by.cert)
    if signer is None:  # registered but no longer trusted (e.g. its inspector was removed)
        return verdict.fail(UNKNOWN_SIGNER, "签名人未知：证书不属于本工作区的执法人员")
    verdict.signers.append(f"{signer.name}（证号 {signer.cert_no}）")
    verdict.qr_signer_id, verdict.content_sha256 = signer.inspector_id, payload.content_sha256
    verdict.note(f"二维码签名有效：{payload.number_text}，由 {signer.name}（证号 {signer.cert_no}）签署")
    _check_content(store, payload, content, verdict)
    return verdict


def _check_content(store: Store, payload: Payload, content: Any, verdict: Verdict) -> None:
    if content is not None:
        if content_digest(content) != payload.content_sha256:
            verdict.fail(CONTENT_CHANGED, "内容已被改动：文书内容的哈希与二维码中签署的不一致")
        else:
            verdict.note("文书内容与二维码中签署的哈希一致")
        return
    doc = store.row(
        "SELECT id, content, content_sha256 FROM documents WHERE number_text=? AND deleted_at IS NULL",
        [payload.number_text],
    )
    if doc is None:
        verdict.note(f"本工作区没有编号为 {payload.number_text} 的文书记录，只核对了签名")
        return
    recomputed = {content_digest(doc["content"]), canonical.sha256_text(doc["content"])}
    if doc["content_sha256"] != payload.content_sha256:
        verdict.fail(CONTENT_CHANGED, "内容已被改动：二维码中签署的内容哈希与本工作区登记的这份文书不一致")
    elif doc["content_sha256"] not in recomputed:
        verdict.fail(CONTENT_CHANGED, "内容已被改动：本工作区登记的文书内容与其哈希不一致（记录被改动）")
    else:  # a hash was compared, not the text: say so
        verdict.note("二维码中签署的内容哈希与本工作区登记的这份文书一致")
        verdict.particulars = particulars(doc["content"])
    later = registry.replaced_by(store, doc["id"])
    if later:
        verdict.superseded_by = later["number_text"]


def particulars(content_json: str) -> list[tuple[str, str]]:
    """What a clerk compares with the paper copy: enterprise, number, date, deadlines, problems, inspectors."""
    try:
        content = json.loads(content_json)
        found = [
            ("被检查单位", content["enterprise"]["name"]),
            ("文书", f"{content['title']} {content['number']['text']}"),
            ("签发日期", _cn_date(content.get("issued_on"))),
        ]
        groups = content.get("deadline_groups") or []
        if groups:
            found.append(
                (
                    "整改期限",
                    "；".join(
                        f"第{'、'.join(str(n) for n in g['items'])}项 {_cn_date(g['deadline'])}前"
                        for g in groups
                    ),
                )
            )
        if "problems" in content:
            found.append(("问题", f"{len(content['problems'])}项"))
        if content.get("original"):
            found.append(("所复查的文书", content["original"]["number_text"]))
        people = "、".join(f"{p['name']}（证号 {p['cert_no']}）" for p in content["inspectors"])
        found.append(("执法人员", people))
    except (ValueError, KeyError, TypeError):
        return []
    return found


def _cn_date(iso: str | None) -> str:
    if not iso:
        return "（未记载）"
    y, m, d = iso[:10].split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"
