"""The printed QR payload: small, signed, and any changed character makes it fail."""

from __future__ import annotations

import re

import pytest

from inspector.core import canonical, profile
from inspector.core.signing import keys, payload, qr, signer_for
from inspector.core.signing.verdict import CONTENT_CHANGED, MALFORMED, SIGNATURE_BROKEN, UNKNOWN_SIGNER

PIN = "246810"
NUMBER = "（库）应急责改〔2026〕17号"
CONTENT = {
    "kind": "notice",
    "number": {"text": NUMBER},
    "enterprise": {"name": "库尔勒金泰化工有限责任公司"},
    "problems": ["2号罐区可燃气体检测报警装置未投用，违反《危险化学品安全管理条例》第二十条"],
}


pytestmark = pytest.mark.usefixtures("quick_keys")  # see tests/conftest.py


@pytest.fixture
def signer(demo_store):
    return signer_for(demo_store, profile.profile(demo_store)["id"], PIN)


@pytest.fixture
def qr_text(signer):
    text, _code = signer.payload_for(canonical.digest(CONTENT), NUMBER)
    return text


def test_payload_format_and_size(signer, qr_text):
    fields = qr_text.split("|")
    assert fields[0] == "INSP1" and fields[1] == NUMBER
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", fields[2])
    assert fields[3] == signer.keys.paper.key_id
    assert re.fullmatch(r"[A-Za-z0-9_-]{86}", fields[4])
    assert len(qr_text.encode()) < 220
    assert qr.qr_code(qr_text).version <= 11
    parsed = payload.parse_payload(qr_text)
    assert parsed.content_sha256 == canonical.digest(CONTENT)
    assert parsed.text == qr_text


def test_payload_is_deterministic_for_the_same_document(signer, qr_text):
    assert signer.payload_for(canonical.digest(CONTENT), NUMBER)[0] == qr_text


def test_payload_verifies_with_and_without_content(demo_store, qr_text):
    verdict = payload.verify_payload(demo_store, qr_text, CONTENT)
    assert verdict.valid, verdict.problems
    assert verdict.signers == ["张伟（证号 65280019001）"]
    assert verdict.number_text == NUMBER
    assert payload.verify_payload(demo_store, qr_text, canonical.dumps(CONTENT)).valid
    assert payload.verify_payload(demo_store, qr_text).valid  # the workspace has no such document


def test_one_changed_character_of_the_content_fails(demo_store, qr_text):
    changed = canonical.dumps(CONTENT).replace("2号罐区", "3号罐区")
    verdict = payload.verify_payload(demo_store, qr_text, changed)
    assert not verdict.valid and verdict.reason == CONTENT_CHANGED


@pytest.mark.parametrize("where", ["number", "hash", "key", "signature"])
def test_one_changed_character_of_the_payload_fails(demo_store, qr_text, where):
    fields = qr_text.split("|")
    index = {"number": 1, "hash": 2, "key": 3, "signature": 4}[where]
    text = fields[index]
    position = len(text) // 2
    swap = {"7": "8", "号": "吗"}.get(text[position], "A" if text[position] != "A" else "B")
    fields[index] = text[:position] + swap + text[position + 1 :]
    verdict = payload.verify_payload(demo_store, "|".join(fields), CONTENT)
    assert not verdict.valid
    assert verdict.reason in {SIGNATURE_BROKEN, UNKNOWN_SIGNER, MALFORMED}
    if where in ("number", "hash"):
        assert verdict.reason == SIGNATURE_BROKEN


@pytest.mark.parametrize("text", ["", "hello", "INSP1|x", "INSP2|a|b|c|d", "INSP1|n|!!|0123456789abcdef|xx"])
def test_malformed_payloads(demo_store, text):
    verdict = payload.verify_payload(demo_store, text)
    assert not verdict.valid and verdict.reason == MALFORMED


def test_payload_of_an_unknown_inspector(demo_store, qr_text):
    from inspector.core import demo
    from inspector.core.store import Store, paths

    other = Store.open(paths.workspace("elsewhere"))
    try:
        demo.seed(other)
        verdict = payload.verify_payload(other, qr_text, CONTENT)
        assert verdict.reason == UNKNOWN_SIGNER
    finally:
        other.close()


def _store_document(store, content, number=NUMBER, content_sha256=None):
    return store.insert(
        "documents",
        {
            "kind": "notice",
            "number_year": 2026,
            "number_seq": 17,
            "number_text": number,
            "issued_at": "2026-03-01T02:00:00.000+00:00",
            "content": canonical.dumps(content),
            "content_sha256": content_sha256 or canonical.digest(content),
        },
    )


def test_payload_is_checked_against_the_workspaces_record(demo_store, qr_text):
    doc = _store_document(demo_store, CONTENT)
    verdict = payload.verify_payload(demo_store, qr_text)
    assert verdict.valid and any("一致" in n for n in verdict.notes)

    # The record altered outside the software: content no longer matches its hash.
    changed = canonical.dumps(CONTENT).replace("2号罐区", "3号罐区")
    demo_store.conn.execute("UPDATE documents SET content=? WHERE id=?", [changed, doc["id"]])
    verdict = payload.verify_payload(demo_store, qr_text)
    assert verdict.reason == CONTENT_CHANGED


def test_payload_signed_for_other_content_than_recorded(demo_store, signer):
    _store_document(demo_store, CONTENT)
    other = dict(CONTENT, problems=["另一个问题"])
    text, _ = signer.payload_for(canonical.digest(other), NUMBER)
    assert payload.verify_payload(demo_store, text).reason == CONTENT_CHANGED


def test_short_code(demo_store, signer, qr_text):
    code = payload.short_code(qr_text)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", code)
    assert signer.payload_for(canonical.digest(CONTENT), NUMBER)[1] == code
    assert code == payload.short_code_for(NUMBER, canonical.digest(CONTENT))
    assert payload.short_code_for(NUMBER, canonical.digest({**CONTENT, "x": 1})) != code
    assert payload.find_by_short_code(demo_store, code) is None
    doc = _store_document(demo_store, CONTENT)
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert payload.find_by_short_code(demo_store, typed)["id"] == doc["id"]


def test_payload_refuses_bad_input(signer):
    with pytest.raises(payload.PayloadError):
        signer.payload_for("ab" * 32, "编号|含竖线")
    with pytest.raises(payload.PayloadError):
        signer.payload_for("abc", NUMBER)


def test_signer_for_takes_the_pin_from_the_environment(demo_store, monkeypatch):
    me = profile.profile(demo_store)["id"]
    monkeypatch.setenv(keys.PIN_ENV, PIN)
    assert signer_for(demo_store, me).inspector_id == me
    monkeypatch.setenv(keys.PIN_ENV, "000000")
    with pytest.raises(keys.PinError):
        signer_for(demo_store, me)
    monkeypatch.delenv(keys.PIN_ENV)
    with pytest.raises(keys.PinError):
        signer_for(demo_store, me)
