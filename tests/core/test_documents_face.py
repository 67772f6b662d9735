"""The official face of the documents: fonts, margins, boxes, seal room, the QR at 150 dpi, page breaks
without widows or orphans, 「以下空白」, 「此栏不够」 only on page 1, metadata and the 演示 mark."""

from __future__ import annotations

import itertools
import random
import re
import shutil
import subprocess

import pytest
from reportlab.lib.units import mm

from inspector.core.documents import layout
from inspector.core.documents.layout import QrMark
from inspector.core.documents.render import render, render_detailed
from inspector.core.documents.samples import sample_content, sample_signatures
from inspector.core.signing.qr import qr_drawing
from tests.core.test_documents_support import ink_inside, needs_poppler, page_png, pages_text, pdf_fonts

PAYLOAD = "INSP1|（库）应急责改〔2026〕17号|" + "A" * 43 + "|0123456789abcdef|" + "B" * 86
ISSUED_AT = "2026-03-01T02:05:00.000+00:00"
needs_zbar = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler-utils and zbar-tools"
)


def _qr() -> QrMark:
    return QrMark(qr_drawing(PAYLOAD), "核验码：7Q2K-M9XD-41TB-HC0R", PAYLOAD)


def _layout_lines(pdf: bytes, tmp_path) -> list[list[str]]:
    path = tmp_path / "layout.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in out.split("\f")]


@needs_zbar
@pytest.mark.parametrize("kind", ["notice", "record"])
def test_the_qr_decodes_from_a_150_dpi_greyscale_scan(kind, tmp_path):
    pdf = render(sample_content(kind, 3), sample_signatures(), _qr(), issued_at=ISSUED_AT)
    (tmp_path / "doc.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", "doc.pdf", "scan"],
        cwd=tmp_path,
        check=True,
    )
    out = subprocess.run(["zbarimg", "-q", "--raw", "scan.png"], cwd=tmp_path, capture_output=True, text=True)
    assert out.stdout.strip() == PAYLOAD


def test_the_qr_keeps_its_quiet_zone_and_distance_from_the_edges():
    rendered = render_detailed(sample_content("notice", 3), sample_signatures(), _qr())
    box = rendered.qr_box
    assert min(box.x, box.y, layout.PAGE_W - box.x - box.w, layout.PAGE_H - box.y - box.h) >= 15 * mm - 0.01
    assert box.y + box.h < layout.FIRST_RULE_Y  # the footer rule stays outside the QR box
    assert box.x + box.w + 2 * mm <= layout.FIRST_TEXT_X
    drawing = qr_drawing(PAYLOAD)
    assert drawing.contents[0].fillColor is not None  # a white ground under the quiet zone


def test_margins_boxes_and_seal_room():
    assert 28 * mm <= layout.LEFT  # binding
    rendered = render_detailed(sample_content("notice", 3), sample_signatures(), _qr())
    boxes = {b.role: b for b in rendered.boxes}
    for role in ("inspector1", "inspector2", "enterprise"):
        assert boxes[role].w >= 40 * mm and boxes[role].h >= 15 * mm
        assert boxes[role].x >= layout.LEFT - 0.01
    seal = boxes["seal"]
    assert seal.w >= 42 * mm and seal.h >= 42 * mm
    assert seal.x + seal.w <= layout.PAGE_W - layout.RIGHT + 0.01
    for role in ("inspector1", "inspector2", "enterprise"):  # nothing else inside the seal's square
        other = boxes[role]
        overlap_x = other.x < seal.x + seal.w and seal.x < other.x + other.w
        overlap_y = other.y < seal.y + seal.h and seal.y < other.y + other.h
        assert not (overlap_x and overlap_y and other.page == seal.page), role


@needs_poppler
def test_signer_names_print_at_10_pt_and_the_seal_square_holds_only_its_line_and_date(tmp_path):
    from inspector.core.documents import marks

    assert marks.CAPTION_SIZE == 10
    rendered = render_detailed(sample_content("notice", 1), sample_signatures(), _qr())
    seal = next(b for b in rendered.boxes if b.role == "seal")
    image = page_png(rendered.pdf, tmp_path, seal.page)
    top = type(seal)("seal", seal.page, seal.x, seal.y + seal.h / 2 + 14, seal.w, seal.h / 2 - 14)
    assert ink_inside(image, top, margin=0) == 0  # the upper half of the seal square is empty


@needs_poppler
def test_the_body_is_set_in_a_song_face_and_every_font_is_embedded(tmp_path):
    from inspector.core.documents.fonts import document_font

    font = document_font()
    if "uming" not in font.path.lower():
        pytest.skip("fonts-arphic-uming is not installed (tools/bootstrap installs it)")
    assert font.family == "AR PL UMing CN"
    pdf = render(sample_content("notice", 3), sample_signatures(), _qr())
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in pdf_fonts(pdf, tmp_path))


@needs_poppler
def test_metadata_carries_the_issue_time_title_number_and_office(tmp_path):
    pdf = render(sample_content("notice", 3), sample_signatures(), _qr(), issued_at=ISSUED_AT)
    path = tmp_path / "meta.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", "-isodates", str(path)], capture_output=True, text=True).stdout
    local = layout._pdf_time(ISSUED_AT)
    y, mo, d, h, mi, _ = local[0]
    assert f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}" in info.split("CreationDate:")[1].splitlines()[0]
    assert "2000-01-01" not in info
    assert "Title:           责令限期整改指令书 （库）应急责改〔2026〕17号" in info
    assert "Author:          巴音郭楞蒙古自治州应急管理局" in info
    assert render(sample_content("notice", 3), sample_signatures(), _qr(), issued_at=ISSUED_AT) == pdf


@needs_poppler
def test_demo_documents_say_so_on_every_page(tmp_path):
    content = dict(sample_content("notice", 22), demo=True)
    pages = pages_text(render(content, sample_signatures(), _qr()), tmp_path)
    assert len(pages) == 3 and all("演示" in page for page in pages)
    plain = pages_text(render(sample_content("notice", 22), sample_signatures(), _qr()), tmp_path)
    assert not any("演示" in page for page in plain)


@needs_poppler
def test_the_extra_sheet_line_prints_only_when_the_problems_fit_on_page_one(tmp_path):
    short = pages_text(render(sample_content("notice", 3), sample_signatures(), _qr()), tmp_path)
    assert "（此栏不够，可另附页）" in short[0]
    long = pages_text(render(sample_content("notice", 22), sample_signatures(), _qr()), tmp_path)
    assert not any("此栏不够" in page for page in long)
    assert "（续页）" in long[1]


PARAGRAPH_START = re.compile(
    r"^(\d+．|其中重大|现责令|整改期间|如果不服|经查|安全生产监管|被检查单位|应急管理部门)"
)
FURNITURE = ("本文书一式两份", "共 ", "核验码", "（续页）", "（以下空白）", "演示", "年3月1日")


def _body(page: list[str]) -> list[str]:
    return [line for line in page if not any(word in line for word in FURNITURE)]


@needs_poppler
@pytest.mark.parametrize("seed", range(6))
def test_no_widow_or_orphan_in_a_notice_of_22_problems(seed, tmp_path):
    """A page never starts with the last line of a paragraph begun on the page before (a widow such as
    「第十三条。」) nor ends with the first line of a paragraph that goes on (an orphan)."""
    content = sample_content("notice", 22)
    rng = random.Random(seed)
    for problem in content["problems"]:
        problem["description"] += "，" + "现场检查发现" * rng.randint(0, 9)
    raw = [page for page in _layout_lines(render(content, sample_signatures(), _qr()), tmp_path) if page]
    pages = [_body(page) for page in raw]
    for page, following in itertools.pairwise(raw):  # 「以下空白」 never interrupts the list of problems
        if "（以下空白）" in page:
            assert not re.match(r"^\d+．", _body(following)[0]), _body(following)[0]
    assert len(pages) >= 3
    for before, after in itertools.pairwise(pages):
        first, last = after[0], before[-1]
        if not PARAGRAPH_START.match(first):  # the page goes on with a paragraph from the page before
            assert len(after) > 1 and not PARAGRAPH_START.match(after[1]), (first, after[:2])
            assert not PARAGRAPH_START.match(last), ("orphan", last)


@needs_poppler
def test_a_page_with_room_left_says_nothing_follows(tmp_path):
    pages = pages_text(render(sample_content("notice", 22), sample_signatures(), _qr()), tmp_path)
    assert "（以下空白）" in pages[1] and "（以下空白）" not in pages[-1]


@needs_zbar
def test_the_qr_decodes_from_a_photo_like_image(tmp_path):
    """A phone photo of the printed page: about 300 dpi, turned a few degrees, slightly blurred, JPEG."""
    from PIL import Image, ImageFilter

    pdf = render(sample_content("notice", 3), sample_signatures(), _qr(), issued_at=ISSUED_AT)
    (tmp_path / "doc.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", "doc.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    page = Image.open(tmp_path / "page.png").convert("L")
    photo = page.rotate(3, expand=True, fillcolor=255, resample=Image.BICUBIC)
    photo.filter(ImageFilter.GaussianBlur(1.6)).save(tmp_path / "photo.jpg", quality=60)
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", "photo.jpg"], cwd=tmp_path, capture_output=True, text=True
    )
    assert out.stdout.strip() == PAYLOAD
