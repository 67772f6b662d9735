"""Digital signatures of enforcement documents: keys, the printed QR payload, PAdES, verification.

The documents' issuing code calls::

    signer = signer_for(store, inspector_id, pin)          # PinError on a wrong PIN
    qr_text, code = signer.payload_for(content_sha256, number_text)
    drawing = signer.qr_drawing(qr_text)                    # reportlab Drawing, put on the page
    pdf = signer.sign_pdf(pdf_bytes, role="inspector1")     # PAdES B-B, invisible field "inspector1"
    pdf = signer_for(store, second_id, pin2).sign_pdf(pdf, role="inspector2")  # when on this device

No Qt here, ever.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm

from inspector.core.signing import keys, pades
from inspector.core.signing.certs import CertificateError, certificates, identify, import_certificate
from inspector.core.signing.keys import PinError, check_pin, ensure_key, env_pin, has_key, unlock
from inspector.core.signing.payload import (
    PayloadError,
    content_digest,
    find_by_short_code,
    parse_payload,
    short_code,
    short_code_for,
    sign_payload,
    verify_payload,
)
from inspector.core.signing.qr import STROKE_ASPECT, qr_drawing, strokes_drawing
from inspector.core.signing.verdict import Verdict
from inspector.core.signing.verify import verify_pdf
from inspector.core.store import Store

__all__ = [
    "STROKE_ASPECT",
    "CertificateError",
    "DocumentSigner",
    "PayloadError",
    "PinError",
    "Verdict",
    "certificates",
    "check_pin",
    "content_digest",
    "ensure_key",
    "env_pin",
    "find_by_short_code",
    "has_key",
    "identify",
    "import_certificate",
    "parse_payload",
    "qr_drawing",
    "short_code",
    "short_code_for",
    "sign_payload",
    "signer_for",
    "strokes_drawing",
    "unlock",
    "verify_payload",
    "verify_pdf",
]

_REASONS = {"inspector1": "签发安全生产行政执法文书", "inspector2": "执法人员签名"}


@dataclass(frozen=True)
class DocumentSigner:
    """One inspector with keys unlocked: signs the QR payload and the PDF file."""

    inspector: dict
    keys: keys.Keys

    @property
    def inspector_id(self) -> str:
        return self.inspector["id"]

    @property
    def display_name(self) -> str:
        return f"{self.inspector['name']}（证号 {self.inspector['cert_no']}）"

    def payload_for(self, content_sha256: str, number_text: str) -> tuple[str, str]:
        """The QR text and the short code printed under it."""
        text = sign_payload(self.keys.paper.private_key, number_text, content_sha256)
        return text, short_code(text)

    def qr_drawing(self, qr_text: str, size: float = 30 * mm) -> Drawing:
        return qr_drawing(qr_text, size)

    def sign_pdf(self, pdf_bytes: bytes, role: str = "inspector1", *, location: str | None = None) -> bytes:
        return pades.sign_pdf(
            pdf_bytes,
            self.keys.pdf.private_key,
            self.keys.pdf.cert,
            role,
            name=self.display_name,
            reason=_REASONS.get(role, "签名"),
            location=location or self.inspector.get("organisation") or None,
        )


def signer_for(store: Store, inspector_id: str, pin: str | None = None) -> DocumentSigner:
    """The inspector's signer; keys are created on first use. ``pin`` defaults to ``INSPECTOR_PIN``."""
    pin = pin if pin is not None else env_pin()
    unlocked = ensure_key(store, inspector_id, pin)
    return DocumentSigner(keys.inspector_row(store, inspector_id), unlocked)
