"""Keys: created on first use, locked by the PIN, certificates naming the inspector; colleagues' and
office-issued certificates."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from inspector.core import clock, profile
from inspector.core.signing import certs, keys
from inspector.core.store import audit

PIN = "246810"


@pytest.fixture
def me(demo_store):
    return profile.profile(demo_store)


def test_first_use_creates_an_rsa_and_a_p256_key_with_self_signed_certificates(demo_store, me):
    assert not keys.has_key(demo_store, me["id"])
    unlocked = keys.ensure_key(demo_store, me["id"], PIN)
    assert keys.has_key(demo_store, me["id"])
    assert isinstance(unlocked.pdf.private_key, rsa.RSAPrivateKey)
    assert unlocked.pdf.private_key.key_size == keys.RSA_BITS
    assert isinstance(unlocked.paper.private_key, ec.EllipticCurvePrivateKey)
    cert = unlocked.pdf.cert
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "张伟"
    assert cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == "65280019001"
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == me["organisation"]
    assert cert.issuer == cert.subject
    years = (cert.not_valid_after_utc - cert.not_valid_before_utc) / timedelta(days=365)
    assert 4.9 < years < 5.1
    assert cert.extensions.get_extension_for_class(x509.KeyUsage).value.content_commitment

    rows = demo_store.rows("SELECT * FROM inspector_keys WHERE inspector_id=?", [me["id"]])
    assert len(rows) == 2
    for row in rows:
        assert row["key_pem"].startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        with pytest.raises((TypeError, ValueError)):  # not readable without the (stretched) PIN
            serialization.load_pem_private_key(row["key_pem"].encode(), None)
        with pytest.raises(ValueError):
            serialization.load_pem_private_key(row["key_pem"].encode(), PIN.encode())
    assert audit.verify(demo_store.conn).ok


def test_second_use_unlocks_the_same_keys(demo_store, me):
    first = keys.ensure_key(demo_store, me["id"], PIN)
    again = keys.ensure_key(demo_store, me["id"], PIN)
    unlocked = keys.unlock(demo_store, me["id"], PIN)
    assert first.pdf.key_id == again.pdf.key_id == unlocked.pdf.key_id
    assert first.paper.key_id == unlocked.paper.key_id
    assert len(keys.certificates(demo_store)) == 2


def test_wrong_pin_is_refused_with_a_clear_message(demo_store, me):
    keys.ensure_key(demo_store, me["id"], PIN)
    with pytest.raises(keys.PinError, match="PIN 不正确"):
        keys.unlock(demo_store, me["id"], "135790")
    with pytest.raises(keys.PinError, match="PIN 不正确"):
        keys.ensure_key(demo_store, me["id"], "135790")
    assert len(keys.certificates(demo_store)) == 2  # a wrong PIN creates nothing


@pytest.mark.parametrize("pin", [None, "", "12345", "1234567890123", "12ab56", "１２３４５６"])
def test_pin_rules(demo_store, me, pin):
    with pytest.raises(keys.PinError, match="PIN"):
        keys.ensure_key(demo_store, me["id"], pin)
    assert not keys.has_key(demo_store, me["id"])


def test_unlock_without_a_key_on_this_device(demo_store):
    colleague = profile.roster(demo_store)[0]
    with pytest.raises(keys.PinError, match="没有"):
        keys.unlock(demo_store, colleague["id"], PIN)


def _workspace_store(name):
    from inspector.core import demo
    from inspector.core.store import Store, paths

    store = Store.open(paths.workspace(name))
    demo.seed(store)
    return store


def test_a_colleagues_certificate_is_imported_without_a_key(demo_store):
    laptop = _workspace_store("colleague-laptop")
    try:
        her = next(p for p in profile.roster(laptop) if p["cert_no"] == "65280019002")
        keys.ensure_key(laptop, her["id"], "112233")
        pem = certs.export_certificates(laptop, her["id"])
    finally:
        laptop.close()
    here = next(p for p in profile.roster(demo_store) if p["cert_no"] == "65280019002")
    imported = [
        certs.import_certificate(demo_store, here["id"], cert.public_bytes(serialization.Encoding.PEM))
        for cert in x509.load_pem_x509_certificates(pem.encode())
    ]
    assert {k.purpose for k in imported} == {keys.PDF, keys.PAPER}
    assert not keys.has_key(demo_store, here["id"])
    again = certs.import_certificate(
        demo_store, here["id"], imported[0].cert.public_bytes(serialization.Encoding.PEM)
    )
    assert again.row_id == imported[0].row_id  # importing twice changes nothing
    signer = certs.identify(demo_store, imported[0].cert)
    assert (signer.name, signer.cert_no, signer.via) == ("李娜", "65280019002", "known")

    wang = next(p for p in profile.roster(demo_store) if p["cert_no"] == "65280019003")
    with pytest.raises(certs.CertificateError, match="证号"):
        certs.import_certificate(
            demo_store, wang["id"], imported[1].cert.public_bytes(serialization.Encoding.PEM)
        )
    with pytest.raises(certs.CertificateError, match="PEM"):
        certs.import_certificate(demo_store, wang["id"], "not a certificate")


def _office_ca():
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "××州应急管理局 执法证书签发")])
    now = clock.now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _issue(ca_key, ca_cert, subject_cert):
    now = clock.now()
    return (
        x509.CertificateBuilder()
        .subject_name(subject_cert.subject)
        .issuer_name(ca_cert.subject)
        .public_key(subject_cert.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1000))
        .add_extension(subject_cert.extensions.get_extension_for_class(x509.KeyUsage).value, critical=True)
        .sign(ca_key, hashes.SHA256())
    )


def test_office_issued_certificate_takes_over_signing_and_is_trusted_through_the_office_root(demo_store, me):
    own = keys.ensure_key(demo_store, me["id"], PIN)
    ca_key, ca_cert = _office_ca()
    issued = _issue(ca_key, ca_cert, own.pdf.cert)
    pem = issued.public_bytes(serialization.Encoding.PEM).decode()

    # Not yet trusted: neither registered nor issued by a root the workspace knows.
    assert certs.identify(demo_store, issued) is None
    certs.add_office_root(demo_store, ca_cert.public_bytes(serialization.Encoding.PEM).decode())
    assert certs.identify(demo_store, issued).via == "office"

    known = certs.import_certificate(demo_store, me["id"], pem)
    assert known.has_key and not known.self_signed and "应急管理局" in known.issuer
    unlocked = keys.unlock(demo_store, me["id"], PIN)
    assert unlocked.pdf.cert == issued  # the newest certificate for the key signs from now on
    assert unlocked.pdf.key_id == own.pdf.key_id
