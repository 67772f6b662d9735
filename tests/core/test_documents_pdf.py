"""The PDFs read back: every fixed phrase and filled field, embedded fonts only, signatures in their
boxes, continuation pages numbered 共 N 页 第 M 页, deterministic bytes, a QR that scans."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from inspector.core.documents import QrMark, render, render_detailed
from inspector.core.documents.layout import qr_drawing
from inspector.core.documents.samples import sample_content, sample_signatures
from tests.core.test_documents_support import (
    ink_inside,
    needs_poppler,
    page_png,
    pages_text,
    pdf_fonts,
    pdf_text,
)

pytestmark = needs_poppler

COMMON = [
    "安全生产行政执法文书",
    "巴音郭楞蒙古自治州应急管理局",
    "应急管理部门（印章）",
    "2026年3月1日",
    "本文书一式两份：一份由应急管理部门备案，一份交被检查单位。",
]
NOTICE = [
    "责令限期整改指令书",
    "（库）应急责改〔2026〕17号",
    "库尔勒金泰化工有限责任公司（被检查单位）：",
    "经查，你单位存在下列问题：",
    "1．2号罐区：可燃气体检测报警装置未投用，依据《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》"
    "第十二项，判定为重大事故隐患。",
    "2．甲类仓库：疏散通道堆放杂物，未保持畅通，违反《中华人民共和国安全生产法》第四十二条。",
    "（此栏不够，可另附页）",
    "其中重大事故隐患1项。",
    "现责令你单位对上述第1、2项问题于2026年3月15日前整改完毕；第3项问题于2026年3月31日前整改完毕，"
    "达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。",
    "整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。",
    "如果不服本指令，可以依法在60日内向巴音郭楞蒙古自治州人民政府申请行政复议，或者在6个月内依法向"
    "库尔勒市人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的除外。",
    "安全生产监管行政执法人员（签名）：",
    "证号：65280019001",
    "证号：65280019002",
    "被检查单位负责人（签名）：",
]
RECORD = [
    "现场检查记录",
    "（库）应急检记〔2026〕17号",
    "被检查单位：库尔勒金泰化工有限责任公司",
    "地址：库尔勒经济技术开发区化工园区纬二路8号",
    "法定代表人（负责人）：陈晓东",
    "职务：总经理",
    "联系电话：0996-2156789",
    "检查场所：罐区、仓库及装置区",
    "检查时间：2026年3月1日9时30分至3月1日11时45分",
    "我们是巴音郭楞蒙古自治州应急管理局行政执法人员张伟、李娜，证件号码为65280019001、65280019002，"
    "这是我们的证件（出示证件）。现依法对你单位进行现场检查，请予以配合。",
    "检查情况：",
    "依据《危险化学品企业安全生产执法检查表》（版本：2026.1），共120项，检查45项：符合40项，不符合3项，不适用2项。",
    "部位：2号罐区；问题：可燃气体检测报警装置未投用（重大事故隐患）；照片1（01010101）",
    "检查人员（签名）：",
    "被检查单位现场负责人（签名）：",
]
MEASURES = [
    "现场处理措施决定书",
    "（库）应急现决〔2026〕17号",
    "本机关于2026年3月1日现场检查时，发现你单位有下列违法违规行为和事故隐患：",
    "以上存在的问题无法保证安全生产，依据《中华人民共和国安全生产法》第六十五条第一款第三项的规定，现作出如下现场处理决定：",
    "1．责令从危险区域内撤出作业人员（第1项）；",
    "2．责令停止使用相关设施、设备（第1项）。",
    "如果不服本决定，可以依法在60日内向巴音郭楞蒙古自治州人民政府申请行政复议",
    "但本决定不停止执行",
    "被检查单位负责人（签名）：拒绝签字（2026年3月1日",
    "见证人：园区管委会王军）",
]
RECHECK = [
    "整改复查意见书",
    "（库）应急复查〔2026〕17号",
    "库尔勒金泰化工有限责任公司（被复查单位）：",
    "本机关于2026年1月10日作出了责令限期整改的决定[（库）应急责改〔2026〕3号]，经对你单位整改情况进行复查，提出如下意见：",
    "复查情况：已整改",
    "复查情况：未整改，报警控制器仍处于屏蔽状态",
    "被复查单位负责人（签名）：",
]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    ("kind", "phrases", "refused"),
    [
        ("notice", NOTICE, False),
        ("record", RECORD, False),
        ("measures", MEASURES, True),
        ("recheck", RECHECK, False),
    ],
)
def test_every_fixed_phrase_and_filled_field_reads_back(kind, phrases, refused, tmp_path):
    text = pdf_text(render(sample_content(kind, 3), sample_signatures(refused=refused)), tmp_path)
    expected = [*COMMON, *phrases] if kind != "record" else [p for p in COMMON if "印章" not in p] + phrases
    missing = [p for p in expected if _squash(p) not in text]
    assert not missing, f"{kind}: not found in the PDF text: {missing}"
    assert re.search(r"共\d+页第1页", text)


def test_the_record_has_no_seal_but_the_others_do(tmp_path):
    assert "印章" not in pdf_text(render(sample_content("record", 1)), tmp_path)


def test_only_embedded_fonts(tmp_path):
    qr = QrMark(qr_drawing("INSP1|test"), "核验码：ABCD-EFGH", "INSP1|test")
    for kind in ("notice", "record", "measures", "recheck"):
        fonts = pdf_fonts(render(sample_content(kind, 20), sample_signatures(), qr), tmp_path)
        assert fonts, kind
        assert all(f["emb"] == f["sub"] == f["uni"] == "yes" for f in fonts), (kind, fonts)


def test_continuation_pages_carry_the_page_count_title_and_number(tmp_path):
    content = sample_content("notice", 20)
    rendered = render_detailed(content, sample_signatures())
    assert rendered.pages >= 2
    pages = pages_text(rendered.pdf, tmp_path)
    assert len(pages) == rendered.pages
    for number, page in enumerate(pages, start=1):
        assert f"共{rendered.pages}页第{number}页" in page
        assert "本文书一式两份" in page
        if number > 1:
            assert "责令限期整改指令书（续页）" in page and "（库）应急责改〔2026〕17号" in page
    assert "20．" in "".join(pages)
    # the signatures never stand alone: the appeal text shares their page
    assert "如果不服本指令" in pages[-1] and "被检查单位负责人（签名）" in pages[-1]


def test_signatures_are_drawn_inside_their_boxes(tmp_path):
    content = sample_content("notice", 2)
    signatures = sample_signatures()
    del signatures["inspector2"]  # one box left empty for signing on paper
    rendered = render_detailed(content, signatures)
    boxes = {b.role: b for b in rendered.boxes}
    assert set(boxes) == {"inspector1", "inspector2", "enterprise", "seal"}
    image = page_png(rendered.pdf, tmp_path, boxes["inspector1"].page)
    assert ink_inside(image, boxes["inspector1"]) > 40
    assert ink_inside(image, boxes["enterprise"]) > 40
    assert ink_inside(image, boxes["inspector2"]) == 0
    # strokes far outside 0..1 are clamped into the box: nothing leaks onto the page around it
    wild = {"inspector2": {"strokes": [[[-5, -5], [5, 5]], [[2, 0.5], [-1, 0.5]]]}}
    clipped = render_detailed(content, wild)
    box = next(b for b in clipped.boxes if b.role == "inspector2")
    image = page_png(clipped.pdf, tmp_path, box.page)
    assert ink_inside(image, box) > 20
    outside = type(box)(box.role, box.page, box.x - 30, box.y, 25, box.h)  # left of the box: the label gap
    assert ink_inside(image, outside, margin=0) == 0


def test_rendering_is_deterministic():
    content = sample_content("notice", 20)
    qr = QrMark(qr_drawing("INSP1|test"), "核验码：ABCD-EFGH", "INSP1|test")
    assert render(content, sample_signatures(), qr) == render(content, sample_signatures(), qr)


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="zbar-tools not installed")
def test_the_qr_at_the_foot_of_page_one_scans(tmp_path):
    payload = "INSP1|（库）应急责改〔2026〕17号|" + "A" * 43 + "|0123456789abcdef|" + "B" * 86
    rendered = render_detailed(
        sample_content("notice", 20),
        sample_signatures(),
        QrMark(qr_drawing(payload), "核验码：7Q2K-M9XD-41TB-HC0R", payload),
    )
    assert rendered.qr_box.page == 1
    page_png(rendered.pdf, tmp_path, 1, dpi=200).save(tmp_path / "qr.png")
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "qr.png")], capture_output=True, text=True
    ).stdout
    assert out.strip() == payload
    assert "核验码：7Q2K-M9XD-41TB-HC0R" in pdf_text(rendered.pdf, tmp_path)


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="zbar-tools not installed")
def test_the_signing_sides_qr_drawing_is_drawn_fast_and_still_scans(tmp_path):
    from inspector.core.signing import qr_drawing as signing_qr

    payload = "INSP1|（库）应急责改〔2026〕17号|" + "C" * 43 + "|fedcba9876543210|" + "D" * 86
    pdf = render(sample_content("notice", 2), None, QrMark(signing_qr(payload), "核验码：X", payload))
    page_png(pdf, tmp_path, 1, dpi=300).save(tmp_path / "qr.png")
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "qr.png")], capture_output=True, text=True
    ).stdout
    assert out.strip() == payload
    assert all(f["emb"] == "yes" for f in pdf_fonts(pdf, tmp_path))


def test_an_unnumbered_draft_shows_the_blank_number_line_and_says_it_is_a_draft(tmp_path):
    text = pdf_text(render(sample_content("notice", 2, number=None)), tmp_path)
    assert "（库）应急责改〔〕号" in text
    assert set("样稿未编号") <= set(text)  # the rotated watermark comes out in pieces


def test_the_major_count_line_is_an_office_setting(tmp_path):
    content = sample_content("notice", 2)
    content["office"]["print_major_count"] = False
    assert "其中重大事故隐患" not in pdf_text(render(content), tmp_path)


def test_a_correction_names_the_document_it_replaces(tmp_path):
    content = sample_content("notice", 2)
    content["replaces"] = {"id": "x", "number_text": "（库）应急责改〔2026〕16号"}
    assert "本文书更正并替代（库）应急责改〔2026〕16号，原文书作废" in pdf_text(render(content), tmp_path)
