"""PAdES: sign a PDF, verify it, and see each kind of tampering reported for what it is."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from inspector.cli import main as cli_main
from inspector.core import canonical, clock, profile
from inspector.core.signing import certs, keys, pades, signer_for, verify_pdf
from inspector.core.signing.verdict import (
    CONTENT_CHANGED,
    FILE_CHANGED,
    MALFORMED,
    NO_SIGNATURE,
    SIGNATURE_BROKEN,
    UNKNOWN_SIGNER,
)

NUMBER = "（库）应急责改〔2026〕17号"
CONTENT = {"number": {"text": NUMBER}, "problems": ["安全出口上锁"]}


pytestmark = pytest.mark.usefixtures("quick_keys")  # see tests/conftest.py


def _pdf(qr_text: str | None = None, signer=None) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, pageCompression=0)
    page.setFont("Helvetica", 12)
    page.drawString(20 * mm, 270 * mm, "Order to rectify within a time limit - test page")
    if qr_text:
        page.setSubject(qr_text)
        renderPDF.draw(signer.qr_drawing(qr_text), page, 20 * mm, 20 * mm)
    page.save()
    return out.getvalue()


@pytest.fixture
def people(demo_store):
    me = profile.profile(demo_store)
    colleague = profile.roster(demo_store)[0]
    return signer_for(demo_store, me["id"], "246810"), signer_for(demo_store, colleague["id"], "135790")


@pytest.fixture
def signed(people):
    first, second = people
    qr_text, _ = first.payload_for(canonical.digest(CONTENT), NUMBER)
    return second.sign_pdf(first.sign_pdf(_pdf(qr_text, first)), role="inspector2")


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def test_signed_pdf_verifies(demo_store, people):
    first, _ = people
    verdict = verify_pdf(demo_store, first.sign_pdf(_pdf()))
    assert verdict.valid, verdict.problems
    assert verdict.signers == ["张伟（证号 65280019001）"]


def test_two_inspectors_and_the_qr_payload_verify(demo_store, signed):
    verdict = verify_pdf(demo_store, signed)
    assert verdict.valid, verdict.problems
    assert verdict.signers == ["张伟（证号 65280019001）", "李娜（证号 65280019002）"]
    assert verdict.number_text == NUMBER
    assert any("二维码签名有效" in note for note in verdict.notes)


def test_one_flipped_byte_in_the_page_is_a_changed_file(demo_store, signed):
    at = signed.index(b"Order to rectify") + 3
    verdict = verify_pdf(demo_store, _flip(signed, at))
    assert not verdict.valid
    assert verdict.reason == FILE_CHANGED
    assert "文件已被改动" in verdict.problems[0].message


def test_bytes_appended_after_signing_are_a_changed_file(demo_store, signed):
    verdict = verify_pdf(demo_store, signed + b"\n% appended\n")
    assert verdict.reason == FILE_CHANGED and "追加" in verdict.problems[0].message


def test_a_damaged_signature_is_broken(demo_store, people):
    first, _ = people
    data = first.sign_pdf(_pdf())
    hex_start = data.rindex(b"/Contents <") + len(b"/Contents <")
    hex_end = data.index(b">", hex_start)
    payload_end = hex_start + len(data[hex_start:hex_end].rstrip(b"0"))
    at = payload_end - 40  # inside the RSA signature value, at the end of the CMS blob
    digit = b"0" if data[at : at + 1] != b"0" else b"1"
    verdict = verify_pdf(demo_store, data[:at] + digit + data[at + 1 :])
    assert not verdict.valid and verdict.reason == SIGNATURE_BROKEN


def test_a_signer_the_workspace_does_not_know(demo_store, signed):
    from inspector.core import demo
    from inspector.core.store import Store, paths

    other = Store.open(paths.workspace("elsewhere"))
    try:
        demo.seed(other)
        verdict = verify_pdf(other, signed)
    finally:
        other.close()
    assert not verdict.valid and verdict.reason == UNKNOWN_SIGNER
    assert "签名人未知" in verdict.problems[0].message


def test_an_unsigned_pdf_and_a_non_pdf(demo_store):
    assert verify_pdf(demo_store, _pdf()).reason == NO_SIGNATURE
    assert verify_pdf(demo_store, b"not a pdf").reason == MALFORMED


def test_a_role_signs_only_once(people):
    first, _ = people
    once = first.sign_pdf(_pdf())
    with pytest.raises(pades.PadesError):
        first.sign_pdf(once)
    with pytest.raises(pades.PadesError):
        first.sign_pdf(once, role="bad name")


def test_the_workspace_record_is_compared(demo_store, signed):
    demo_store.insert(
        "documents",
        {
            "kind": "notice",
            "number_year": 2026,
            "number_seq": 17,
            "number_text": NUMBER,
            "issued_at": "2026-03-01T02:00:00.000+00:00",
            "content": canonical.dumps({"other": 1}),
            "content_sha256": canonical.digest({"other": 1}),
        },
    )
    verdict = verify_pdf(demo_store, signed)
    assert verdict.reason == CONTENT_CHANGED


@pytest.mark.skipif(not shutil.which("pdfsig"), reason="needs poppler-utils")
def test_another_reader_sees_valid_pades_signatures(signed, tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert out.count("Signature is Valid.") == 2
    assert "ETSI.CAdES.detached" in out and "张伟" in out and "Total document signed" in out


def test_cli_verify(demo_store, signed, tmp_path, capsys):
    good = tmp_path / "good.pdf"
    good.write_bytes(signed)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(_flip(signed, signed.index(b"Order to rectify") + 3))
    demo_store.close()  # the command opens the workspace itself

    assert cli_main(["verify", str(good)]) == 0
    assert capsys.readouterr().out.startswith("有效")
    assert cli_main(["verify", str(bad)]) == 1
    assert "无效：文件已被改动" in capsys.readouterr().out
    assert cli_main(["verify"]) == 2
    assert cli_main(["verify", str(tmp_path / "missing.pdf")]) == 2
    capsys.readouterr()

    from pyhanko.pdf_utils.reader import PdfFileReader

    text = str(PdfFileReader(io.BytesIO(signed)).trailer["/Info"]["/Subject"])
    assert cli_main(["verify", "--payload", text]) == 0
    assert "有效" in capsys.readouterr().out
    assert cli_main(["verify", "--payload", text.replace("17号", "18号")]) == 1
    assert "签名已损坏" in capsys.readouterr().out
    assert cli_main(["verify", "--json", "--payload", "junk"]) == 1
    assert '"reason": "malformed"' in capsys.readouterr().out


def test_years_later_the_signature_still_verifies(demo_store, people):
    """Self-signed certificates are trust anchors: their expiry does not undo a signature made in time."""
    first, _ = people
    data = first.sign_pdf(_pdf())
    assert verify_pdf(demo_store, data, at=clock.now() + timedelta(days=7 * 365)).valid


def test_an_office_issued_certificate_is_checked_at_the_signing_time_once_expired(demo_store):
    """A colleague's certificate the office issued, not registered here: trusted through the office CA,
    its validity period enforced; once expired, the signature is checked at the time it records."""
    from inspector.core import demo
    from inspector.core.store import Store, paths
    from tests.core.test_signing_keys import _issue, _office_ca

    ca_key, ca_cert = _office_ca()
    laptop = Store.open(paths.workspace("colleague-laptop"))
    try:
        demo.seed(laptop)
        her = next(p for p in profile.roster(laptop) if p["cert_no"] == "65280019002")
        own = keys.ensure_key(laptop, her["id"], "135790")
        issued = _issue(ca_key, ca_cert, own.pdf.cert)  # valid for 1,000 days
        certs.import_certificate(laptop, her["id"], issued.public_bytes(serialization.Encoding.PEM))
        signer = signer_for(laptop, her["id"], "135790")
        assert signer.keys.pdf.cert == issued
        data = signer.sign_pdf(_pdf())
    finally:
        laptop.close()

    assert verify_pdf(demo_store, data).reason == UNKNOWN_SIGNER
    certs.add_office_root(demo_store, ca_cert.public_bytes(serialization.Encoding.PEM).decode())
    now = verify_pdf(demo_store, data)
    assert now.valid, now.problems
    assert now.signers == ["李娜（证号 65280019002）"]
    assert not any("过期" in note for note in now.notes)
    later = verify_pdf(demo_store, data, at=clock.now() + timedelta(days=5 * 365))
    assert later.valid, later.problems
    assert any("现已过期" in note for note in later.notes)


def test_without_the_record_the_first_signature_must_be_the_qr_signers(demo_store, people):
    """Checked where the workspace has no record: a copied QR under another inspector's signature fails."""
    from inspector.core.signing.verdict import NOT_ITS_INSPECTOR

    first, second = people
    qr_text, _ = first.payload_for(canonical.digest(CONTENT), NUMBER)
    verdict = verify_pdf(demo_store, second.sign_pdf(_pdf(qr_text, first)))
    assert verdict.reasons == [NOT_ITS_INSPECTOR]
    assert "不是签署二维码的执法人员" in verdict.problems[0].message
    honest = verify_pdf(demo_store, first.sign_pdf(_pdf(qr_text, first)))
    assert honest.valid and any("未能核对文书内容和执法人员" in note for note in honest.notes)
