"""Verifying issued documents against the workspace's record: the insider forgery, the superseded
document, the exact wording, and what ``--payload`` prints for a clerk to compare with the paper."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from inspector.cli import main as cli_main
from inspector.core import canonical, profile, signing
from inspector.core.documents.issue import issue, signatures_of
from inspector.core.documents.layout import QrMark, qr_drawing
from inspector.core.documents.render import render
from inspector.core.documents.samples import sample_signatures
from inspector.core.signing.verdict import (
    EXIT_SUPERSEDED,
    NOT_AS_ISSUED,
    NOT_ITS_INSPECTOR,
    SUPERSEDED,
)

pytestmark = pytest.mark.usefixtures("quick_keys")  # see tests/conftest.py

PIN = "246810"


@pytest.fixture
def issued(demo_store, finished):
    me = profile.profile(demo_store)
    signer = signing.signer_for(demo_store, me["id"], PIN)
    return issue(demo_store, "notice", finished["id"], signer=signer, signatures=sample_signatures())


def _forge(store, doc: dict, signer) -> bytes:
    """The issued notice with a later deadline, its QR copied, signed with ``signer``'s key."""
    import io

    payload = signing.verify.embedded_payload(PdfFileReader(io.BytesIO(bytes(doc["pdf"])), strict=False))
    content = json.loads(doc["content"])
    for problem in content["problems"]:
        problem["deadline"] = "2099-12-31"
    for group in content["deadline_groups"]:
        group["deadline"] = "2099-12-31"
    qr = QrMark(qr_drawing(payload), "核验码：XXXX", payload)
    pdf = render(content, signatures_of(store, doc["id"]), qr)
    return signer.sign_pdf(pdf, role="inspector1")


def test_the_issued_notice_verifies_byte_for_byte(demo_store, issued):
    verdict = signing.verify_pdf(demo_store, bytes(issued["pdf"]))
    assert verdict.valid and verdict.exit_code == 0, verdict.problems
    assert "与本工作区存档的 PDF 逐字节相同" in verdict.notes
    assert "二维码中签署的内容哈希与本工作区登记的这份文书一致" in verdict.notes
    assert not any("之后只追加了签名" in note for note in verdict.notes)  # nothing was appended
    assert not any("内容一致" in note for note in verdict.notes)  # only a hash was compared


def test_a_forgery_signed_by_an_inspector_not_on_the_document_is_refused(demo_store, issued):
    named = {p["id"] for p in json.loads(issued["content"])["inspectors"]}
    outsider = next(p for p in profile.roster(demo_store) if p["id"] not in named)
    forged = _forge(demo_store, issued, signing.signer_for(demo_store, outsider["id"], "135790"))
    verdict = signing.verify_pdf(demo_store, forged)
    assert not verdict.valid and verdict.exit_code == 1
    assert NOT_ITS_INSPECTOR in verdict.reasons and NOT_AS_ISSUED in verdict.reasons
    assert f"不是 {issued['number_text']} 所载的执法人员" in " ".join(p.message for p in verdict.problems)
    assert verdict.headline().startswith("无效：")
    assert not any("一致" in note for note in verdict.notes if "哈希" not in note)


def test_an_insider_forgery_by_the_documents_own_inspector_is_refused(demo_store, issued):
    """A colleague named on the notice, with a valid key, signs a changed copy: not the issued bytes."""
    colleague = json.loads(issued["content"])["inspectors"][1]
    forged = _forge(demo_store, issued, signing.signer_for(demo_store, colleague["id"], "135790"))
    verdict = signing.verify_pdf(demo_store, forged)
    assert verdict.reasons == [NOT_AS_ISSUED], verdict.problems
    assert "签名所覆盖的文件不是本工作区签发的" in verdict.problems[0].message


def test_a_second_inspector_signing_later_is_only_a_signature_appended(demo_store, issued):
    colleague = json.loads(issued["content"])["inspectors"][1]
    second = signing.signer_for(demo_store, colleague["id"], "135790")
    both = second.sign_pdf(bytes(issued["pdf"]), role="inspector2")
    verdict = signing.verify_pdf(demo_store, both)
    assert verdict.valid, verdict.problems
    assert "签名所覆盖的文件与本工作区存档的 PDF 逐字节相同，其后只追加了签名" in verdict.notes
    assert "第一个签名之后只追加了签名" in verdict.notes


def test_anything_but_a_signature_appended_is_a_changed_file(demo_store, issued):
    from io import BytesIO

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(bytes(issued["pdf"])), strict=False)
    writer.set_info(None)
    writer.root["/Lang"] = __import__("pyhanko").pdf_utils.generic.TextStringObject("en")
    writer.update_root()
    out = BytesIO()
    writer.write(out)
    verdict = signing.verify_pdf(demo_store, out.getvalue())
    assert not verdict.valid and "file_changed" in verdict.reasons
    assert not any("只追加了签名" in note for note in verdict.notes)


def test_a_superseded_document_says_so_with_its_own_exit_code(demo_store, finished, issued, tmp_path, capsys):
    correction = issue(demo_store, "notice", finished["id"], replaces=issued["id"])
    verdict = signing.verify_pdf(demo_store, bytes(issued["pdf"]))
    assert verdict.intact and not verdict.valid and verdict.reason == SUPERSEDED
    assert verdict.superseded_by == correction["number_text"]
    assert verdict.headline() == f"已被更正：已由{correction['number_text']}更正替代，本文书作废"
    assert verdict.exit_code == EXIT_SUPERSEDED == 3

    path = tmp_path / "old.pdf"
    path.write_bytes(bytes(issued["pdf"]))
    demo_store.close()
    assert cli_main(["verify", str(path)]) == EXIT_SUPERSEDED
    out = capsys.readouterr().out
    assert out.startswith("已被更正") and correction["number_text"] in out and "有效\n" not in out


def test_verify_help_documents_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        cli_main(["verify", "--help"])
    out = capsys.readouterr().out
    for line in ("0  有效", "1  无效", "2  用法错误", "3  已被更正"):
        assert line in out


def test_payload_prints_what_a_clerk_compares(demo_store, issued, capsys):
    from io import BytesIO

    text = signing.verify.embedded_payload(PdfFileReader(BytesIO(bytes(issued["pdf"])), strict=False))
    content = json.loads(issued["content"])
    demo_store.close()
    assert cli_main(["verify", "--payload", text]) == 0
    out = capsys.readouterr().out
    assert out.startswith("有效")
    assert "请与纸质文书逐项核对" in out
    assert f"被检查单位：{content['enterprise']['name']}" in out
    assert f"文书：责令限期整改指令书 {issued['number_text']}" in out
    assert "签发日期：" in out and "整改期限：第" in out
    assert f"问题：{len(content['problems'])}项" in out
    assert all(p["name"] in out and p["cert_no"] in out for p in content["inspectors"])
    assert canonical.digest(content) == issued["content_sha256"]


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler-utils and zbar-tools"
)
def test_the_qr_of_an_issued_notice_scans_at_150_dpi_greyscale_and_verifies(demo_store, issued, tmp_path):
    (tmp_path / "notice.pdf").write_bytes(bytes(issued["pdf"]))
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", "notice.pdf", "scan"],
        cwd=tmp_path,
        check=True,
    )
    out = subprocess.run(["zbarimg", "-q", "--raw", "scan.png"], cwd=tmp_path, capture_output=True, text=True)
    text = out.stdout.strip()
    assert text.startswith(f"INSP1|{issued['number_text']}|")
    verdict = signing.verify_payload(demo_store, text)
    assert verdict.valid and verdict.particulars, verdict.problems


def _elsewhere(store, doc: dict) -> None:
    """As if checked in a workspace that knows the inspectors' certificates but not this document."""
    store.conn.execute(
        "UPDATE documents SET number_text = number_text || '-elsewhere' WHERE id=?", [doc["id"]]
    )
    store.conn.commit()


def test_elsewhere_the_content_the_file_carries_is_checked_against_the_qr(demo_store, issued):
    pdf = bytes(issued["pdf"])
    named = {p["id"] for p in json.loads(issued["content"])["inspectors"]}
    outsider = next(p for p in profile.roster(demo_store) if p["id"] not in named)
    colleague = json.loads(issued["content"])["inspectors"][1]
    forged = _forge(demo_store, issued, signing.signer_for(demo_store, colleague["id"], "135790"))
    countersigned = signing.signer_for(demo_store, outsider["id"], "135790").sign_pdf(pdf, role="inspector2")
    _elsewhere(demo_store, issued)

    honest = signing.verify_pdf(demo_store, pdf)
    assert honest.valid, honest.problems
    assert any("文件所载的文书内容与二维码中签署的哈希一致" in note for note in honest.notes)
    assert dict(honest.particulars)["问题"] == f"{len(json.loads(issued['content'])['problems'])}项"

    verdict = signing.verify_pdf(demo_store, forged)  # a document inspector's key, a changed content
    assert not verdict.valid and set(verdict.reasons) == {NOT_ITS_INSPECTOR, "content_changed"}

    verdict = signing.verify_pdf(demo_store, countersigned)  # a signature by someone not on the document
    assert verdict.reasons == [NOT_ITS_INSPECTOR], verdict.problems
