"""The signing PIN: stronger stretching with old keys upgraded, the office's rule, wrong PINs slowed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import serialization

from inspector.core import clock, office, profile
from inspector.core.signing import keys, pin_rules

PIN = "246810"


@pytest.fixture
def me(demo_store):
    return profile.profile(demo_store)


def actions(store, action: str) -> int:
    return store.row("SELECT count(*) AS n FROM audit_log WHERE action=?", [action])["n"]


def test_keys_made_the_old_way_unlock_and_are_upgraded(demo_store, me):
    made = keys.ensure_key(demo_store, me["id"], PIN)
    for row in demo_store.rows("SELECT * FROM inspector_keys WHERE inspector_id=?", [me["id"]]):
        cert = keys.x509.load_pem_x509_certificate(row["cert_pem"].encode())
        private = made.pdf if keys.purpose_of(cert.public_key()) == keys.PDF else made.paper
        old = private.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(keys._legacy_password(PIN, private.cert.public_key())),
        )
        demo_store.update("inspector_keys", row["id"], {"key_pem": old.decode()})

    unlocked = keys.unlock(demo_store, me["id"], PIN)  # the old way still opens them …
    assert unlocked.pdf.key_id == made.pdf.key_id and unlocked.paper.key_id == made.paper.key_id
    assert actions(demo_store, "upgrade_key_kdf") == 2  # … and they are stored the new way from now on
    stretched = keys.stretch(PIN, me["id"])
    for row in demo_store.rows("SELECT * FROM inspector_keys WHERE inspector_id=?", [me["id"]]):
        cert = keys.x509.load_pem_x509_certificate(row["cert_pem"].encode())
        serialization.load_pem_private_key(
            row["key_pem"].encode(), keys._password(stretched, cert.public_key())
        )
        with pytest.raises(ValueError):
            serialization.load_pem_private_key(
                row["key_pem"].encode(), keys._legacy_password(PIN, cert.public_key())
            )
    keys.unlock(demo_store, me["id"], PIN)
    assert actions(demo_store, "upgrade_key_kdf") == 2  # once only


def test_the_stretching_costs_more_than_before():
    assert keys.SCRYPT_N == 2 * keys.LEGACY_SCRYPT_N  # and one scrypt per unlock covers both keys


@pytest.mark.parametrize(
    ("rule", "pin", "refused"),
    [
        (pin_rules.PinRule(), "123456", None),
        (pin_rules.PinRule(min_digits=8), "123456", "至少 8 位数字"),
        (pin_rules.PinRule(min_digits=8), "12345678", None),
        (pin_rules.PinRule(passphrase=True), "123456789012", "要求使用签名口令"),
        (pin_rules.PinRule(passphrase=True), "库尔勒应急局2026年执法", None),
        (pin_rules.PinRule(), "短口令abc", "6–12 位数字，或 12–64 个字的口令"),
        (pin_rules.PinRule(), "１２３４５６７８９０１２", "6–12 位数字，或 12–64 个字的口令"),
    ],
)
def test_pin_forms_and_the_office_rule(rule, pin, refused):
    if refused:
        with pytest.raises(keys.PinError, match=refused):
            keys.check_pin(pin, rule)
    else:
        assert keys.check_pin(pin, rule) == pin


def test_the_office_rule_applies_to_new_keys_and_changed_pins(demo_store, me):
    settings = office.load(demo_store)
    settings.issuing_body, settings.pin_min_digits = "库尔勒市应急管理局", 8
    office.save(demo_store, settings)
    with pytest.raises(keys.PinError, match="至少 8 位数字"):
        keys.ensure_key(demo_store, me["id"], PIN)
    assert not keys.has_key(demo_store, me["id"])
    keys.ensure_key(demo_store, me["id"], "24681012")
    with pytest.raises(keys.PinError, match="至少 8 位数字"):
        keys.change_pin(demo_store, me["id"], "24681012", "135790")
    keys.change_pin(demo_store, me["id"], "24681012", "库尔勒应急局2026年执法")
    assert keys.unlock(demo_store, me["id"], "库尔勒应急局2026年执法").inspector_id == me["id"]
    with pytest.raises(keys.PinError, match="不正确"):
        keys.unlock(demo_store, me["id"], "24681012")


def test_wrong_pins_are_audited_and_slowed_down_after_three(demo_store, me, monkeypatch):
    keys.ensure_key(demo_store, me["id"], PIN)
    start = clock.now()
    monkeypatch.setattr(clock, "now", lambda: start)
    for _ in range(3):
        with pytest.raises(keys.PinError, match="不正确"):
            keys.unlock(demo_store, me["id"], "999999")
    assert actions(demo_store, "pin_wrong") == 3
    with pytest.raises(keys.PinError, match="已连续输错 3 次，请 5 秒后再试"):
        keys.unlock(demo_store, me["id"], PIN)  # not even tried, right or wrong
    monkeypatch.setattr(clock, "now", lambda: start + timedelta(seconds=6))
    with pytest.raises(keys.PinError, match="不正确"):
        keys.unlock(demo_store, me["id"], "999999")
    with pytest.raises(keys.PinError, match=r"已连续输错 4 次，请 \d+ 秒后再试"):
        keys.unlock(demo_store, me["id"], PIN)
    assert pin_rules.delay_after(4) == 10 and pin_rules.delay_after(20) == pin_rules.MAX_DELAY_SECONDS
    monkeypatch.setattr(clock, "now", lambda: start + timedelta(seconds=60))
    keys.unlock(demo_store, me["id"], PIN)  # the right PIN after the wait: the count starts again
    assert pin_rules.wrong_count(demo_store, me["id"])[0] == 0
    assert actions(demo_store, "pin_wrong") == 4 and actions(demo_store, "pin_right") == 1
