"""Sign a PDF the standard way: PAdES baseline B-B (ETSI.CAdES.detached), with pyHanko.

Each signature goes into an invisible field named after the signer's role (``inspector1``,
``inspector2``), appended as an incremental update, so a second inspector whose key is on this device
signs the already signed file and both signatures stay valid. Any PDF reader then shows who signed
and whether a byte changed since.

No certification (DocMDP) signature: the second inspector's signature adds its own field, which some
readers count as a forbidden change under a certification signature. Nothing but signatures is ever
added after issuing, and verification checks that with pyHanko's difference analysis.
"""

from __future__ import annotations

import re
from io import BytesIO

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

ROLES = ("inspector1", "inspector2")
_FIELD = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")


class PadesError(ValueError):
    pass


def asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _asn1_key(private_key) -> asn1_keys.PrivateKeyInfo:
    der = private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return asn1_keys.PrivateKeyInfo.load(der)


def sign_pdf(
    pdf_bytes: bytes,
    private_key,
    cert: x509.Certificate,
    field_name: str = "inspector1",
    *,
    name: str | None = None,
    reason: str | None = None,
    location: str | None = None,
    chain: list[x509.Certificate] = (),
) -> bytes:
    """``pdf_bytes`` with one more PAdES signature appended in the field ``field_name``."""
    if not _FIELD.match(field_name):
        raise PadesError(f"签名域名称不合法：{field_name!r}")
    signer = signers.SimpleSigner(
        signing_cert=asn1_cert(cert),
        signing_key=_asn1_key(private_key),
        cert_registry=SimpleCertificateStore.from_certs([asn1_cert(c) for c in chain]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=name,
        reason=reason,
        location=location,
    )
    try:
        writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
        if field_name in _signed_fields(writer):
            raise PadesError(f"签名域 {field_name} 已经签过名")
        out = signers.sign_pdf(
            writer,
            meta,
            signer=signer,
            new_field_spec=fields.SigFieldSpec(sig_field_name=field_name),  # no box: invisible
        )
    except PdfError as exc:
        raise PadesError(f"无法签署该 PDF：{exc}") from exc
    return out.getvalue()


def _signed_fields(writer: IncrementalPdfFileWriter) -> set[str]:
    return {name for name, _value, _ref in fields.enumerate_sig_fields(writer.prev, filled_status=True)}
