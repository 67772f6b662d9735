"""Certificates the workspace knows, and who they belong to.

Trust is explicit: a certificate registered for an inspector (their own, created on this device, or a
colleague's, imported) is trusted as that inspector. Certificates start self-signed; when the office
issues them, its CA certificate goes into the ``signing.office_roots`` setting (the sync issue carries
it) and a certificate it issued is trusted for the inspector whose 执法证号 it names, even before it is
registered here. Nothing checks for "self-signed": the issuer is data, see :attr:`KnownCert.issuer`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from inspector.core import clock
from inspector.core.store import Store

PDF, PAPER = "pdf", "paper"
OFFICE_ROOTS_SETTING = "signing.office_roots"  # list of PEM: the office CA, carried by sync


class CertificateError(ValueError):
    """A certificate cannot be used or registered; the message says why, in Chinese."""


def purpose_of(public_key) -> str | None:
    if isinstance(public_key, rsa.RSAPublicKey) and public_key.key_size >= 2048:
        return PDF
    if isinstance(public_key, ec.EllipticCurvePublicKey) and public_key.curve.name == "secp256r1":
        return PAPER
    return None


def key_id(public_key) -> str:
    """Short id of a public key (sha256 of its SubjectPublicKeyInfo): survives re-issued certificates."""
    spki = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).hexdigest()[:16]


def _attr(name: x509.Name, oid) -> str:
    found = name.get_attributes_for_oid(oid)
    return str(found[0].value) if found else ""


@dataclass(frozen=True)
class KnownCert:
    """A certificate the workspace knows: an inspector's own, a colleague's, or office-issued."""

    row_id: str
    inspector_id: str
    cert: x509.Certificate
    has_key: bool
    created_at: str

    @property
    def purpose(self) -> str | None:
        return purpose_of(self.cert.public_key())

    @property
    def key_id(self) -> str:
        return key_id(self.cert.public_key())

    @property
    def fingerprint(self) -> str:
        return self.cert.fingerprint(hashes.SHA256()).hex()

    @property
    def subject_name(self) -> str:
        return _attr(self.cert.subject, NameOID.COMMON_NAME)

    @property
    def subject_cert_no(self) -> str:
        return _attr(self.cert.subject, NameOID.SERIAL_NUMBER)

    @property
    def issuer(self) -> str:
        return self.cert.issuer.rfc4514_string()

    @property
    def self_signed(self) -> bool:
        return self.cert.issuer == self.cert.subject


def inspector_row(store: Store, inspector_id: str) -> dict:
    row = store.row("SELECT * FROM inspectors WHERE id=?", [inspector_id])
    if row is None:
        raise CertificateError(f"本工作区没有这位执法人员（{inspector_id}）")
    return row


def _rows(store: Store, where: str = "1=1", params=()) -> list[KnownCert]:
    found = []
    for row in store.rows(f"SELECT * FROM inspector_keys WHERE {where} ORDER BY created_at, id", params):
        cert = x509.load_pem_x509_certificate(row["cert_pem"].encode())
        found.append(KnownCert(row["id"], row["inspector_id"], cert, bool(row["key_pem"]), row["created_at"]))
    return found


def certificates(store: Store) -> list[KnownCert]:
    """Every inspector certificate the workspace knows, oldest first."""
    return _rows(store)


def import_certificate(store: Store, inspector_id: str, cert_pem: str | bytes) -> KnownCert:
    """Add a colleague's certificate, or one the office issued (for a key here or elsewhere)."""
    data = cert_pem.encode() if isinstance(cert_pem, str) else cert_pem
    try:
        cert = x509.load_pem_x509_certificate(data)
    except ValueError as exc:
        raise CertificateError("不是有效的 PEM 证书") from exc
    if purpose_of(cert.public_key()) is None:
        raise CertificateError("证书的密钥类型不受支持（需要 RSA ≥ 2048 位或 ECDSA P-256）")
    person = inspector_row(store, inspector_id)
    on_cert = _attr(cert.subject, NameOID.SERIAL_NUMBER)
    if on_cert and on_cert != person["cert_no"]:
        raise CertificateError(
            f"证书上的执法证号 {on_cert} 与 {person['name']} 的证号 {person['cert_no']} 不符"
        )
    known = _rows(store)
    fingerprint = cert.fingerprint(hashes.SHA256()).hex()
    for existing in known:
        if existing.fingerprint == fingerprint:
            if existing.inspector_id != inspector_id:
                raise CertificateError("该证书已登记在另一位执法人员名下")
            return existing
    # An office-issued certificate for a key this device holds keeps the (already encrypted) key.
    kid = key_id(cert.public_key())
    key_pem = None
    for row in store.rows(
        "SELECT * FROM inspector_keys WHERE inspector_id=? AND key_pem IS NOT NULL", [inspector_id]
    ):
        if key_id(x509.load_pem_x509_certificate(row["cert_pem"].encode()).public_key()) == kid:
            key_pem = row["key_pem"]
    record = store.insert(
        "inspector_keys",
        {
            "inspector_id": inspector_id,
            "cert_pem": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
            "key_pem": key_pem,
            "created_at": clock.utc_iso(),
        },
        action="import_certificate",
    )
    return KnownCert(record["id"], inspector_id, cert, key_pem is not None, record["created_at"])


def export_certificates(store: Store, inspector_id: str) -> str:
    """The inspector's certificates as PEM, to hand to colleagues or the office."""
    return "".join(
        k.cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
        for k in _rows(store, "inspector_id=?", [inspector_id])
    )


def office_roots(store: Store) -> list[x509.Certificate]:
    """The office CA certificates this workspace trusts (none until the office issues certificates)."""
    return [x509.load_pem_x509_certificate(pem.encode()) for pem in store.setting(OFFICE_ROOTS_SETTING, [])]


def add_office_root(store: Store, cert_pem: str) -> None:
    cert = x509.load_pem_x509_certificate(cert_pem.encode())
    pems = store.setting(OFFICE_ROOTS_SETTING, [])
    pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    if pem not in pems:
        store.set_setting(OFFICE_ROOTS_SETTING, [*pems, pem])


def issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    """Whether ``issuer`` signed ``cert`` (a self-signed certificate is not issued by another)."""
    if cert.issuer != issuer.subject or cert == issuer:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True)
class Signer:
    """Who a certificate belongs to, as the workspace knows them."""

    inspector_id: str
    name: str
    cert_no: str
    via: str  # "known": the certificate is registered; "office": issued by a trusted office CA


def identify(store: Store, cert: x509.Certificate) -> Signer | None:
    """The inspector a certificate belongs to, or None when the workspace does not trust it."""
    fingerprint = cert.fingerprint(hashes.SHA256()).hex()
    for known in _rows(store):
        if known.fingerprint == fingerprint:
            person = inspector_row(store, known.inspector_id)
            return Signer(person["id"], person["name"], person["cert_no"], "known")
    for root in office_roots(store):
        if not issued_by(cert, root):  # its validity period is checked when a signature is validated
            continue
        cert_no = _attr(cert.subject, NameOID.SERIAL_NUMBER)
        person = store.row("SELECT * FROM inspectors WHERE cert_no=? AND deleted_at IS NULL", [cert_no])
        if person:
            return Signer(person["id"], person["name"], person["cert_no"], "office")
    return None
