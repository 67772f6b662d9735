"""Verify an issued PDF: its PAdES signatures, and the QR payload it carries in its metadata.

Trust is what the workspace knows (see :mod:`certs`): the registered inspector certificates (self-signed
for now) and any office CA. For each signature pyHanko checks that the signed bytes are unchanged
(intact), that the signature matches them (valid) and that the certificate chains to a trusted one;
its difference analysis says what was added after the signature. Only further signatures may follow
a signature: the last one must cover the whole file.

The renderer puts the QR payload into the PDF's document information: ``/InspectorPayload``
(preferred), or anywhere in ``/Subject`` or ``/Keywords``. When present it is verified too, and the
content hash compared with the workspace's record of the document.

A document is valid only when
(a) every PDF signature is by an inspector the document names, with a certificate valid when it signed;
(b) the signed bytes are the issued ones: one signed revision of the file is, byte for byte, the PDF
    the workspace archived;
(c) every revision after the first signed one adds a signature and nothing else.
Where the workspace has no record of the document (checked elsewhere), (a) and (b) rest on the QR: the
first signature must be by the inspector who signed the QR (the issuer signs both), and the canonical
content the first signed revision carries (``/InspectorContent``) must hash to the QR's content hash;
its inspectors are then the ones every signature must belong to. The verdict says that the page's
text itself was not compared with a record.
A document a correction has replaced is 已被更正 (its own exit code), never plainly 有效.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from datetime import datetime
from io import BytesIO
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

from inspector.core.signing import certs, payload
from inspector.core.signing.pades import asn1_cert
from inspector.core.signing.verdict import (
    CONTENT_CHANGED,
    FILE_CHANGED,
    MALFORMED,
    NO_SIGNATURE,
    NOT_AS_ISSUED,
    NOT_ITS_INSPECTOR,
    SIGNATURE_BROKEN,
    UNKNOWN_SIGNER,
    Verdict,
)
from inspector.core.store import Store

PAYLOAD_KEYS = ("/InspectorPayload", "/Subject", "/Keywords")
CONTENT_KEY = "/InspectorContent"  # the canonical content the renderer puts in the information
_PAYLOAD = re.compile(re.escape(payload.MAGIC) + r"\|\S+")
# pyHanko logs every untrusted certificate with a traceback; the verdict already says it.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())

_KEY_USAGE = KeyUsageConstraints(
    key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False
)


def validation_context(store: Store, moment: datetime | None = None) -> ValidationContext:
    """Offline validation against the workspace's certificates, at ``moment`` (default: now).

    The office CAs and the registered certificates they did not issue (self-signed ones) are trust
    anchors; a certificate an office CA issued is validated through it, validity period included.
    """
    roots = certs.office_roots(store)
    known = [k.cert for k in certs.certificates(store)]
    issued = [c for c in known if any(certs.issued_by(c, root) for root in roots)]
    anchors = roots + [c for c in known if c not in issued]
    return ValidationContext(
        trust_roots=[asn1_cert(c) for c in anchors],
        other_certs=[asn1_cert(c) for c in issued],
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=moment,
    )


def embedded_payload(reader: PdfFileReader) -> str | None:
    try:
        info = reader.trailer["/Info"]
    except KeyError:
        return None
    for key in PAYLOAD_KEYS:
        value = info.get(key)
        found = _PAYLOAD.search(str(value)) if value is not None else None
        if found:
            return found.group(0)
    return None


def verify_pdf(store: Store, source: Path | str | bytes, at: datetime | None = None) -> Verdict:
    """Verify a PDF file (path or bytes) against the inspectors the workspace knows, as of ``at``."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    verdict = Verdict()
    if not data.startswith(b"%PDF-"):
        return verdict.fail(MALFORMED, "不是 PDF 文件")
    try:  # any failure to parse means the file is damaged
        reader = PdfFileReader(BytesIO(data), strict=False)
        reader.root  # noqa: B018 - parse the structure now
    except Exception as exc:
        return verdict.fail(FILE_CHANGED, f"文件已被改动或损坏，无法读取其结构：{exc}")
    try:  # a signature blob that does not even parse
        signatures = reader.embedded_signatures
    except Exception as exc:
        return verdict.fail(SIGNATURE_BROKEN, f"签名数据已损坏，无法解析：{exc}")
    if not signatures:
        verdict.fail(NO_SIGNATURE, "文件中没有数字签名")
    context = validation_context(store, at)
    signed: list[tuple[object, certs.Signer | None]] = []
    for position, embedded in enumerate(signatures):
        signer = _check_signature(store, embedded, context, position == len(signatures) - 1, verdict)
        signed.append((embedded, signer))
    only_signatures = _only_signatures_after(reader, signatures, verdict)
    text = embedded_payload(reader)
    if text:
        verdict.merge(payload.verify_payload(store, text))
    else:
        verdict.note("文件中没有二维码数据，只核对了数字签名")
    _check_issued(store, verdict, data, signed, bool(text))
    if only_signatures and len(signatures) > 1 and verdict.intact:
        verdict.note("第一个签名之后只追加了签名")
    return verdict


def _revision_end(embedded) -> int:
    """Where the revision a signature covers ends: the last byte of its /ByteRange."""
    byte_range = [int(x) for x in embedded.byte_range]
    return byte_range[2] + byte_range[3]


def _only_signatures_after(reader: PdfFileReader, signatures, verdict: Verdict) -> bool:
    """(c): every revision after the first signed one is a signature's own revision."""
    if not signatures:
        return False
    signed_revisions = {embedded.signed_revision for embedded in signatures}
    first = min(signed_revisions)
    others = set(range(first + 1, reader.xrefs.total_revisions)) - signed_revisions
    if others:
        verdict.fail(FILE_CHANGED, f"文件已被改动：签名之后追加了 {len(others)} 次不是签名的修改")
        return False
    return True


def _check_issued(store: Store, verdict: Verdict, data: bytes, signed, has_payload: bool) -> None:
    """(a) and (b): the signers are the document's inspectors and the signed bytes the issued ones."""
    people = [s for _, s in signed if s is not None]
    if not people:
        return
    doc = None
    if verdict.number_text:
        doc = store.row(
            "SELECT content, pdf_sha256 FROM documents WHERE number_text=? AND deleted_at IS NULL",
            [verdict.number_text],
        )
    if doc is None:
        _check_without_record(verdict, signed, has_payload, _signed_content(signed))
        return
    named = _inspector_ids(doc["content"])
    for embedded, signer in signed:
        if signer is not None and signer.inspector_id not in named:
            verdict.fail(
                NOT_ITS_INSPECTOR,
                f"签名 {embedded.field_name} 的签名人 {signer.name}（证号 {signer.cert_no}）"
                f"不是 {verdict.number_text} 所载的执法人员",
            )
    if not doc["pdf_sha256"]:
        verdict.note("本工作区尚未存档这份文书的 PDF，未能逐字节核对签名所覆盖的文件")
        return
    ends = [_revision_end(embedded) for embedded, _ in signed]
    if any(hashlib.sha256(data[:end]).hexdigest() == doc["pdf_sha256"] for end in ends):
        same = len(data) == max(ends) and hashlib.sha256(data).hexdigest() == doc["pdf_sha256"]
        verdict.note(
            "与本工作区存档的 PDF 逐字节相同"
            if same
            else "签名所覆盖的文件与本工作区存档的 PDF 逐字节相同，其后只追加了签名"
        )
    else:
        verdict.fail(
            NOT_AS_ISSUED,
            f"签名所覆盖的文件不是本工作区签发的 {verdict.number_text}：与存档的 PDF 不是同一份文件",
        )


def _signed_content(signed) -> str | None:
    """The canonical content carried in the document information of the first signed revision."""
    embedded = signed[0][0] if signed else None
    if embedded is None:
        return None
    try:
        view = embedded.reader.get_historical_resolver(embedded.signed_revision)
        value = view.trailer_view["/Info"].get(CONTENT_KEY)
    except Exception:  # an old document without it, or a damaged information dictionary
        return None
    return str(value) if value is not None else None


def _check_without_record(verdict: Verdict, signed, has_payload: bool, content_text: str | None) -> None:
    """Checked elsewhere: the issuer signs the QR and then the PDF, so the first signature is theirs;
    the content the signed file carries must hash to what the QR signed, and then names the inspectors."""
    first_embedded, first = signed[0]
    qr_signer = verdict.qr_signer_id if has_payload else None
    if qr_signer and first is not None and first.inspector_id != qr_signer:
        verdict.fail(
            NOT_ITS_INSPECTOR,
            f"签名 {first_embedded.field_name} 的签名人 {first.name}（证号 {first.cert_no}）"
            "不是签署二维码的执法人员",
        )
    if not (qr_signer and content_text and verdict.content_sha256):
        if verdict.number_text:
            verdict.note(
                f"本工作区没有 {verdict.number_text} 的记录：只核对了数字签名和二维码，"
                "未能核对文书内容和执法人员"
            )
        return
    if payload.content_digest(content_text) != verdict.content_sha256:
        verdict.fail(CONTENT_CHANGED, "内容已被改动：文件所载的文书内容与二维码中签署的哈希不一致")
        return
    named = _inspector_ids(content_text)
    for embedded, signer in signed:
        if signer is not None and signer.inspector_id not in named:
            verdict.fail(
                NOT_ITS_INSPECTOR,
                f"签名 {embedded.field_name} 的签名人 {signer.name}（证号 {signer.cert_no}）"
                f"不是 {verdict.number_text} 所载的执法人员",
            )
    verdict.note(
        f"本工作区没有 {verdict.number_text} 的记录：文件所载的文书内容与二维码中签署的哈希一致，"
        "签名人均为文书所载的执法人员；页面上的文字未与记录比对"
    )
    verdict.particulars = payload.particulars(content_text)


def _inspector_ids(content_text: str) -> set[str]:
    try:
        return {p["id"] for p in json.loads(content_text)["inspectors"]}
    except (ValueError, KeyError, TypeError):
        return set()


def _check_signature(
    store: Store, embedded, context: ValidationContext, last: bool, verdict: Verdict
) -> certs.Signer | None:
    """Check one signature; the inspector who made it when it checks out, else None."""
    field = embedded.field_name
    try:  # a damaged signature blob fails in many ways
        status = validate_pdf_signature(embedded, context, key_usage_settings=_KEY_USAGE)
    except Exception as exc:
        verdict.fail(SIGNATURE_BROKEN, f"签名 {field} 已损坏，无法解析：{exc}")
        return None
    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    signer = certs.identify(store, cert)
    who = f"{signer.name}（证号 {signer.cert_no}）" if signer else _describe(cert)
    if not status.intact:
        verdict.fail(FILE_CHANGED, f"文件已被改动：签名 {field}（{who}）所覆盖的内容与签名时不一致")
        return None
    if not status.valid:
        verdict.fail(SIGNATURE_BROKEN, f"签名 {field}（{who}）与文件内容不符：签名数据已损坏")
        return None
    if status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        verdict.fail(FILE_CHANGED, f"文件已被改动：签名 {field} 没有覆盖整个文件")
    elif last and status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        verdict.fail(FILE_CHANGED, f"文件已被改动：签名 {field} 之后又追加了未签名的修改")
    elif status.docmdp_ok is False or (
        status.modification_level is not None and status.modification_level > ModificationLevel.FORM_FILLING
    ):
        verdict.fail(FILE_CHANGED, f"文件已被改动：签名 {field} 之后的修改不只是追加签名")
    if signer is None:
        verdict.fail(UNKNOWN_SIGNER, f"签名人未知：签名 {field} 的证书（{who}）不属于本工作区已知的执法人员")
        return None
    if not status.trusted and not _trusted_when_signed(store, embedded, status, field, verdict):
        problem = status.trust_problem_indic.name if status.trust_problem_indic else "未知原因"
        verdict.fail(SIGNATURE_BROKEN, f"签名 {field}（{who}）的证书未通过校验：{problem}")
        return None
    claimed = status.signer_reported_dt
    if claimed is not None and not cert.not_valid_before_utc <= claimed <= cert.not_valid_after_utc:
        verdict.fail(SIGNATURE_BROKEN, f"签名 {field}（{who}）的签名时间不在其证书的有效期内")
        return None
    if who not in verdict.signers:
        verdict.signers.append(who)
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    later = "，自签名后文件未被改动" if whole else ""
    verdict.note(f"签名 {field}：{who}，签名有效{later}")
    return signer


def _trusted_when_signed(store: Store, embedded, status, field: str, verdict: Verdict) -> bool:
    """A certificate that has expired since: check it at the signing time the file records.

    PAdES B-B carries no trusted time stamp, so that time is the signer's own claim; say so.
    """
    claimed = status.signer_reported_dt
    cert = status.signing_cert
    if claimed is None or not cert.not_valid_before <= claimed <= cert.not_valid_after:
        return False
    again = validate_pdf_signature(
        embedded, validation_context(store, claimed), key_usage_settings=_KEY_USAGE
    )
    if again.trusted:
        when = f"{claimed.astimezone():%Y-%m-%d %H:%M}"
        verdict.note(
            f"签名 {field} 的证书现已过期；按文件记载的签名时间 {when} 核验有效"
            "（该时间是签名人自己记载的，无可信时间戳佐证）"
        )
    return again.trusted


def _describe(cert: x509.Certificate) -> str:
    def attr(oid) -> str:
        found = cert.subject.get_attributes_for_oid(oid)
        return str(found[0].value) if found else "?"

    return f"{attr(NameOID.COMMON_NAME)}，证号 {attr(NameOID.SERIAL_NUMBER)}"
