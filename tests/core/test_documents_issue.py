"""Issuing: number + content + signatures in one transaction, then the PDF; never changed afterwards;
corrections; crashes at every step; the signing hook (a fake and the real one)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap

import pytest

from inspector.core import canonical, profile, signing
from inspector.core.documents import preview
from inspector.core.documents.issue import IssueError, complete, current, issue, render_document
from inspector.core.documents.samples import sample_signatures
from inspector.core.documents.signatures import SignatureError
from inspector.core.store import audit
from tests.core.test_documents_support import (
    needs_poppler,
    pdf_fonts,
    pdf_text,
)

pytestmark = pytest.mark.usefixtures("quick_keys")  # see tests/conftest.py

PIN = "246810"


def _count(store, table):
    return store.row(f"SELECT count(*) AS n FROM {table}")["n"]


def test_issuing_stores_number_content_signatures_and_pdf(demo_store, finished):
    doc = issue(demo_store, "notice", finished["id"], signatures=sample_signatures())
    assert doc["number_text"] == f"（库）应急责改〔{doc['number_year']}〕1001号"
    content = json.loads(doc["content"])
    assert doc["content"] == canonical.dumps(content)
    assert doc["content_sha256"] == canonical.digest(content)
    assert content["number"]["text"] == doc["number_text"]
    assert doc["pdf_sha256"] == hashlib.sha256(doc["pdf"]).hexdigest()
    assert doc["issued_by"] == profile.profile(demo_store)["id"]
    rows = demo_store.rows("SELECT * FROM signatures WHERE document_id=? ORDER BY role", [doc["id"]])
    assert [r["role"] for r in rows] == ["enterprise", "inspector1", "inspector2"]
    assert [r["signer_name"] for r in rows] == ["陈晓东", "张伟", "李娜"]
    assert json.loads(rows[1]["strokes"])[0][0] == sample_signatures()["inspector1"]["strokes"][0][0]
    assert audit.verify(demo_store.conn).ok


def test_signatures_go_to_the_box_of_the_inspector_who_signed(demo_store, finished):
    me, colleague = profile.profile(demo_store), profile.roster(demo_store)[0]
    strokes = sample_signatures()["inspector1"]["strokes"]
    # a signing dialog that lists the colleague first still puts each signature in its owner's box
    signatures = {
        "inspector1": {"strokes": strokes, "signer_id": colleague["id"], "signer_name": "x"},
        "inspector2": {"strokes": strokes[:1], "signer_id": me["id"]},
    }
    doc = issue(demo_store, "notice", finished["id"], signatures=signatures)
    stored = demo_store.rows("SELECT * FROM signatures WHERE document_id=?", [doc["id"]])
    rows = {r["role"]: r for r in stored}
    assert (rows["inspector1"]["signer_id"], rows["inspector1"]["signer_name"]) == (me["id"], "张伟")
    assert len(json.loads(rows["inspector1"]["strokes"])) == 1
    assert (rows["inspector2"]["signer_id"], rows["inspector2"]["signer_name"]) == (colleague["id"], "李娜")
    stranger = profile.roster(demo_store)[1]
    with pytest.raises(IssueError, match="不是本次检查的执法人员"):
        issue(
            demo_store,
            "record",
            finished["id"],
            signatures={"inspector1": {"strokes": strokes, "signer_id": stranger["id"]}},
        )


def test_an_issued_document_is_returned_as_stored_and_renders_the_same(demo_store, finished):
    first = issue(demo_store, "notice", finished["id"], signatures=sample_signatures())
    blocks_before = demo_store.rows("SELECT * FROM number_blocks")
    again = issue(demo_store, "notice", finished["id"], signatures={})
    assert again["id"] == first["id"] and bytes(again["pdf"]) == bytes(first["pdf"])
    assert demo_store.rows("SELECT * FROM number_blocks") == blocks_before  # no number taken
    assert render_document(demo_store, first) == bytes(first["pdf"])  # no signer: deterministic


def test_each_kind_takes_its_own_sequence(demo_store, finished):
    kinds = ("record", "notice", "measures")
    numbers = [issue(demo_store, kind, finished["id"])["number_text"] for kind in kinds]
    assert numbers == [
        "（库）应急检记〔2026〕1001号",
        "（库）应急责改〔2026〕1001号",
        "（库）应急现决〔2026〕1001号",
    ]


def test_a_correction_is_a_new_document_naming_the_one_it_replaces(demo_store, finished, tmp_path):
    old = issue(demo_store, "notice", finished["id"])
    new = issue(demo_store, "notice", finished["id"], replaces=old["number_text"])
    assert new["number_seq"] == old["number_seq"] + 1 and new["replaces_id"] == old["id"]
    assert json.loads(new["content"])["replaces"] == {"id": old["id"], "number_text": old["number_text"]}
    assert current(demo_store, "notice", finished["id"])["id"] == new["id"]
    assert demo_store.get("documents", old["id"])["pdf_sha256"] == old["pdf_sha256"]  # never changed
    with pytest.raises(IssueError, match="已被更正过"):
        issue(demo_store, "notice", finished["id"], replaces=old["id"])
    with pytest.raises(IssueError, match="不能用它来更正"):
        issue(demo_store, "record", finished["id"], replaces=new["id"])


def test_a_correction_cannot_replace_another_inspections_document(
    demo_store, finished, mini_checklist, tmp_path
):
    from inspector.core.documents.issue import check_issuable
    from tests.core.test_documents_support import finished_inspection

    other = finished_inspection(
        demo_store, mini_checklist, tmp_path, enterprise_name="轮台县塔河煤业有限公司"
    )
    theirs = issue(demo_store, "notice", finished["id"])
    mine = issue(demo_store, "notice", other["id"])
    before = {t: _count(demo_store, t) for t in ("documents", "signatures", "audit_log")}
    blocks = demo_store.rows("SELECT * FROM number_blocks ORDER BY id")
    for attempt in (
        lambda: issue(demo_store, "notice", other["id"], replaces=theirs["number_text"]),
        lambda: check_issuable(demo_store, "notice", other["id"], replaces=theirs["id"]),
    ):
        with pytest.raises(IssueError) as refused:
            attempt()
        message = str(refused.value)
        for named in (
            theirs["number_text"],
            mine["number_text"],
            "库尔勒金泰化工有限责任公司",
            "轮台县塔河煤业有限公司",
        ):
            assert named in message
    assert {t: _count(demo_store, t) for t in before} == before  # nothing written, no number taken
    assert demo_store.rows("SELECT * FROM number_blocks ORDER BY id") == blocks
    assert current(demo_store, "notice", finished["id"])["id"] == theirs["id"]  # still in force
    assert audit.verify(demo_store.conn).ok


def test_a_failure_inside_the_transaction_leaves_nothing_and_skips_no_number(
    demo_store, finished, monkeypatch
):
    real_insert = demo_store.insert

    def failing(table, record, action="create"):
        if table == "signatures":
            raise OSError("disk full")
        return real_insert(table, record, action)

    monkeypatch.setattr(demo_store, "insert", failing)
    with pytest.raises(OSError):
        issue(demo_store, "notice", finished["id"], signatures=sample_signatures())
    monkeypatch.undo()
    assert _count(demo_store, "documents") == 0
    assert issue(demo_store, "notice", finished["id"])["number_seq"] == 1001


def test_a_failure_after_the_transaction_is_completed_by_the_next_call(demo_store, finished, monkeypatch):
    module = sys.modules["inspector.core.documents.issue"]

    def broken(*args, **kwargs):
        raise RuntimeError("printer driver crashed the renderer")

    monkeypatch.setattr(module, "render_document", broken)
    with pytest.raises(RuntimeError):
        issue(demo_store, "notice", finished["id"])
    monkeypatch.undo()
    half = current(demo_store, "notice", finished["id"])
    assert half["pdf"] is None and half["number_seq"] == 1001
    done = issue(demo_store, "notice", finished["id"])
    assert done["id"] == half["id"] and done["pdf"] is not None
    assert complete(demo_store, done)["pdf_sha256"] == done["pdf_sha256"]


CRASH = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from inspector.core.store import paths
    from inspector.core.store import Store
    from inspector.core.documents.issue import issue
    store = Store.open(paths.Workspace(Path(sys.argv[1])))
    real_insert = store.insert
    def insert(table, record, action="create"):
        if table == "signatures":
            os._exit(3)              # power cut in the middle of issuing
        return real_insert(table, record, action)
    store.insert = insert
    issue(store, "notice", sys.argv[2], signatures={"inspector1": {"strokes": [[[0, 0], [1, 1]]]}})
    """
)


def test_a_power_cut_while_issuing_loses_the_number_to_no_one(demo_store, finished):
    root = demo_store.workspace.root
    result = subprocess.run(
        [sys.executable, "-c", CRASH, str(root), finished["id"]], capture_output=True, text=True
    )
    assert result.returncode == 3, result.stderr
    assert _count(demo_store, "documents") == 0
    assert issue(demo_store, "notice", finished["id"])["number_seq"] == 1001


class FakeSigner:
    inspector_id = None

    def __init__(self):
        self.calls = []

    def payload_for(self, content_sha256, number_text):
        self.calls.append(("payload", content_sha256, number_text))
        return f"INSP1|{number_text}|{content_sha256}", "ABCD-EFGH-JKMN-PQRS"

    def sign_pdf(self, pdf_bytes, role="inspector1"):
        self.calls.append(("sign", role))
        return pdf_bytes + b"%signed\n"


@needs_poppler
def test_the_signing_hook_gets_the_content_hash_and_number_and_signs_last(demo_store, finished, tmp_path):
    signer = FakeSigner()
    signer.inspector_id = profile.roster(demo_store)[0]["id"]  # the colleague, in position 2
    doc = issue(demo_store, "notice", finished["id"], signer=signer)
    assert signer.calls == [("payload", doc["content_sha256"], doc["number_text"]), ("sign", "inspector2")]
    pdf = bytes(doc["pdf"])
    assert pdf.endswith(b"%signed\n")
    assert "核验码：ABCD-EFGH-JKMN-PQRS" in pdf_text(pdf, tmp_path)
    (tmp_path / "signed.pdf").write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(tmp_path / "signed.pdf")], capture_output=True, text=True).stdout
    assert f"Keywords:        INSP1|{doc['number_text']}|{doc['content_sha256']}" in info  # for verify


@needs_poppler
def test_with_the_real_signer_the_pdf_verifies(demo_store, finished, tmp_path):
    me = profile.profile(demo_store)
    signer = signing.signer_for(demo_store, me["id"], PIN)
    doc = issue(demo_store, "notice", finished["id"], signer=signer, signatures=sample_signatures())
    verdict = signing.verify_pdf(demo_store, bytes(doc["pdf"]))
    assert verdict.valid, verdict.reasons
    assert any("二维码签名有效" in note for note in verdict.notes), verdict.notes
    assert all(f["emb"] == "yes" for f in pdf_fonts(bytes(doc["pdf"]), tmp_path))


def test_refusals_are_checked(demo_store, finished):
    with pytest.raises(SignatureError, match="见证人"):
        issue(demo_store, "notice", finished["id"], signatures={"enterprise": {"refused": True}})
    with pytest.raises(SignatureError, match="只有被检查单位负责人"):
        issue(
            demo_store, "notice", finished["id"], signatures={"inspector1": {"refused": True, "witness": "x"}}
        )
    with pytest.raises(IssueError, match="没有对应的执法人员"):
        issue(demo_store, "notice", finished["id"], signatures={"inspector3": {"strokes": [[[0, 0]]]}})
    assert _count(demo_store, "documents") == 0
    doc = issue(demo_store, "notice", finished["id"], signatures=sample_signatures(refused=True))
    row = demo_store.row("SELECT * FROM signatures WHERE document_id=? AND role='enterprise'", [doc["id"]])
    assert row["refused"] == 1 and row["witness"] == "园区管委会 王军" and row["refused_at"]


@needs_poppler
def test_a_preview_stores_nothing_and_takes_no_number(demo_store, finished, tmp_path):
    before = (_count(demo_store, "documents"), _count(demo_store, "number_blocks"))
    text = pdf_text(preview(demo_store, "notice", finished["id"]), tmp_path)
    assert "（库）应急责改〔〕号" in text
    assert (_count(demo_store, "documents"), _count(demo_store, "number_blocks")) == before


def test_the_signature_boxes_have_the_signing_pads_shape():
    from inspector.core.documents.parts import BOX_H, BOX_W
    from inspector.core.documents.signatures import PAD_ASPECT

    assert PAD_ASPECT == signing.STROKE_ASPECT
    assert abs(BOX_W / BOX_H - PAD_ASPECT) < 1e-9
