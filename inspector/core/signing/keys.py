"""Each inspector's signing keys: created on first use, kept encrypted with the inspector's PIN.

An inspector has two keys, each with an X.509 certificate naming them (CN = name, serialNumber = 执法证号,
O = organisation, UID = inspector id):

- ``pdf``: RSA-3072, for the PAdES signature of the PDF file (RSA-SHA256 is what every PDF reader checks);
- ``paper``: ECDSA P-256, for the printed QR payload (a 64-byte signature keeps the QR small).

The purpose of a stored certificate follows from its key type, so an office-issued certificate needs
no extra column. Certificates are self-signed on first use; an office-issued one is added with
:func:`certs.import_certificate` and, when it certifies a key this device holds, takes over signing.

Private keys are stored as encrypted PKCS#8 PEM (``BestAvailableEncryption``). Its own key derivation
is weak (PBKDF2, 2,048 rounds) and a PIN has only 10⁶–10¹² values, so the password handed to it comes
from the PIN stretched with scrypt once per unlock (salted by the inspector), then one HMAC per key:
a guess costs an attacker the whole scrypt. Keys made before (scrypt N=2¹⁵ per key, salted by the key)
still unlock, and are re-encrypted the new way on that unlock. The office may require a longer PIN
(:mod:`inspector.core.signing.pin_rules`); wrong PINs are counted and slowed down there.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from inspector.core import clock
from inspector.core.signing.certs import (  # noqa: F401 - re-exported: the key API in one place
    PAPER,
    PDF,
    CertificateError,
    KnownCert,
    certificates,
    import_certificate,
    inspector_row,
    key_id,
    purpose_of,
)
from inspector.core.store import Store

PIN_ENV = "INSPECTOR_PIN"
RSA_BITS = 3072
# scrypt cost, once per unlock: N=2¹⁶, r=8 (64 MiB) took 0.21 s of CPU on this project's AMD EPYC build
# machine (N=2¹⁵: 0.10 s, 2¹⁷: 0.42 s); an old laptop is 2–3× slower, so about 0.5 s there. Not stored
# with the key: raising it later means trying the old value too, as LEGACY_SCRYPT_N is tried now.
SCRYPT_N = 2**16
LEGACY_SCRYPT_N = 2**15  # keys made before: one scrypt per key, salted by the key
VALID_DAYS = 5 * 365 + 1


class PinError(ValueError):
    """The PIN is missing, malformed or wrong; the message says which, in Chinese."""


def check_pin(pin: str | None, rule=None) -> str:
    """The PIN, stripped, when it has a usable form (and meets the office's ``rule`` when given)."""
    from inspector.core.signing import pin_rules

    return pin_rules.checked(pin, rule)


def env_pin() -> str | None:
    """The PIN that scripts give in ``INSPECTOR_PIN`` (None when unset)."""
    return os.environ.get(PIN_ENV) or None


def stretch(pin: str, inspector_id: str) -> bytes:
    """The PIN stretched once per unlock; each key's password is derived from it by :func:`_password`."""
    salt = b"inspector-pin|" + inspector_id.encode()
    return hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=8, p=1, maxmem=160 * 2**20, dklen=32)


def _password(stretched: bytes, public_key) -> bytes:
    return hmac.new(stretched, b"inspector-key|" + key_id(public_key).encode(), "sha256").hexdigest().encode()


def _legacy_password(pin: str, public_key) -> bytes:
    salt = b"inspector-key|" + key_id(public_key).encode()
    stretched = hashlib.scrypt(
        pin.encode(), salt=salt, n=LEGACY_SCRYPT_N, r=8, p=1, maxmem=64 * 2**20, dklen=32
    )
    return stretched.hex().encode()


@dataclass(frozen=True)
class UnlockedKey:
    private_key: object
    cert: x509.Certificate

    @property
    def key_id(self) -> str:
        return key_id(self.cert.public_key())


@dataclass(frozen=True)
class Keys:
    """An inspector's unlocked keys, ready to sign."""

    inspector_id: str
    pdf: UnlockedKey
    paper: UnlockedKey


def has_key(store: Store, inspector_id: str) -> bool:
    """Whether this device holds a private key of the inspector (so a PIN can unlock it)."""
    return bool(
        store.row("SELECT 1 FROM inspector_keys WHERE inspector_id=? AND key_pem IS NOT NULL", [inspector_id])
    )


def _new_certificate(inspector: dict, private_key) -> x509.Certificate:
    attrs = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, inspector["organisation"] or "安全生产监管部门"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "安全生产行政执法"),
        x509.NameAttribute(NameOID.COMMON_NAME, inspector["name"]),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, inspector["cert_no"]),
        x509.NameAttribute(NameOID.USER_ID, inspector["id"]),
    ]
    name = x509.Name(attrs)
    now = clock.now()
    public = private_key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
    )
    return builder.sign(private_key, hashes.SHA256())


def _new_key(purpose: str):
    if purpose == PDF:
        return rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    return ec.generate_private_key(ec.SECP256R1())


def _encrypt(private_key, stretched: bytes) -> str:
    encryption = serialization.BestAvailableEncryption(_password(stretched, private_key.public_key()))
    return private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    ).decode("ascii")


def _signing_rows(store: Store, inspector_id: str) -> dict[str, dict]:
    """The newest usable certificate with a private key, per purpose."""
    chosen: dict[str, dict] = {}
    for row in store.rows(
        "SELECT * FROM inspector_keys WHERE inspector_id=? AND key_pem IS NOT NULL ORDER BY created_at, id",
        [inspector_id],
    ):
        cert = x509.load_pem_x509_certificate(row["cert_pem"].encode())
        purpose = purpose_of(cert.public_key())
        if purpose and cert.not_valid_after_utc > clock.now():
            chosen[purpose] = {**row, "cert": cert}
    return chosen


def _unlock_row(row: dict, pin: str, stretched: bytes) -> tuple[UnlockedKey, bool]:
    """The key and whether it was stored the old way (so the caller re-encrypts it)."""
    cert = row["cert"]
    pem = row["key_pem"].encode()
    legacy = False
    try:
        key = serialization.load_pem_private_key(pem, _password(stretched, cert.public_key()))
    except (ValueError, TypeError):
        try:
            key = serialization.load_pem_private_key(pem, _legacy_password(pin, cert.public_key()))
        except (ValueError, TypeError) as exc:
            raise PinError("签名 PIN 不正确") from exc
        legacy = True
    if key_id(key.public_key()) != key_id(cert.public_key()):
        raise CertificateError("存储的私钥与证书不匹配")
    return UnlockedKey(key, cert), legacy


def _unlock_rows(store: Store, inspector_id: str, rows: dict[str, dict], pin: str) -> dict[str, UnlockedKey]:
    """Every row's key, or :class:`PinError` (counted); keys stored the old way are upgraded."""
    from inspector.core.signing import pin_rules

    pin_rules.wait_before_trying(store, inspector_id)
    stretched = stretch(pin, inspector_id)
    unlocked, upgrade = {}, []
    try:
        for purpose, row in rows.items():
            unlocked[purpose], legacy = _unlock_row(row, pin, stretched)
            if legacy:
                upgrade.append(row["id"])
    except PinError:
        pin_rules.record_wrong_pin(store, inspector_id)
        raise
    pin_rules.record_right_pin(store, inspector_id)
    if upgrade:
        with store.transaction():
            for purpose, row in rows.items():
                if row["id"] in upgrade:
                    pem = _encrypt(unlocked[purpose].private_key, stretched)
                    store.update("inspector_keys", row["id"], {"key_pem": pem}, action="upgrade_key_kdf")
    return unlocked


def unlock(store: Store, inspector_id: str, pin: str | None) -> Keys:
    """The inspector's keys, decrypted with the PIN; :class:`PinError` when it is wrong or missing."""
    pin = check_pin(pin)
    rows = _signing_rows(store, inspector_id)
    missing = [p for p in (PDF, PAPER) if p not in rows]
    if missing:
        name = inspector_row(store, inspector_id)["name"]
        raise PinError(f"本机没有 {name} 的有效签名密钥，请先用 PIN 创建")
    unlocked = _unlock_rows(store, inspector_id, rows, pin)
    return Keys(inspector_id, unlocked[PDF], unlocked[PAPER])


def ensure_key(store: Store, inspector_id: str, pin: str | None) -> Keys:
    """The inspector's keys; created (with self-signed certificates) on first use on this device.

    A new key needs a PIN that meets the office's rule (:func:`pin_rules.office_rule`).
    """
    from inspector.core.signing import pin_rules

    pin = check_pin(pin)
    inspector = inspector_row(store, inspector_id)
    rows = _signing_rows(store, inspector_id)
    if len(rows) < 2:
        pin = check_pin(pin, pin_rules.office_rule(store))
    unlocked = _unlock_rows(store, inspector_id, rows, pin) if rows else {}  # checks the PIN first
    stretched = stretch(pin, inspector_id) if len(unlocked) < 2 else b""
    with store.transaction():
        for purpose in (PDF, PAPER):
            if purpose in unlocked:
                continue
            private_key = _new_key(purpose)
            cert = _new_certificate(inspector, private_key)
            store.insert(
                "inspector_keys",
                {
                    "inspector_id": inspector_id,
                    "cert_pem": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
                    "key_pem": _encrypt(private_key, stretched),
                    "created_at": clock.utc_iso(),
                },
                action="create_key",
            )
            unlocked[purpose] = UnlockedKey(private_key, cert)
    return Keys(inspector_id, unlocked[PDF], unlocked[PAPER])


def change_pin(store: Store, inspector_id: str, old_pin: str | None, new_pin: str | None) -> None:
    """Re-encrypt the inspector's keys under a new PIN that meets the office's rule."""
    from inspector.core.signing import pin_rules

    new_pin = check_pin(new_pin, pin_rules.office_rule(store))
    rows = _signing_rows(store, inspector_id)
    unlocked = _unlock_rows(store, inspector_id, rows, check_pin(old_pin))
    stretched = stretch(new_pin, inspector_id)
    with store.transaction():
        for purpose, row in rows.items():
            pem = _encrypt(unlocked[purpose].private_key, stretched)
            store.update("inspector_keys", row["id"], {"key_pem": pem}, action="change_pin")
