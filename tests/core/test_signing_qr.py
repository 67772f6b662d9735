"""The printed QR, read back by a real decoder: reportlab PDF → pdftoppm → zbarimg → verify."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from inspector.core import canonical, profile
from inspector.core.signing import payload, qr, signer_for
from inspector.core.signing.verdict import CONTENT_CHANGED

NUMBER = "（库）应急责改〔2026〕1234号"
CONTENT = {"number": {"text": NUMBER}, "problems": ["消防通道堵塞，违反《消防法》第二十八条"]}

needs_tools = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler-utils and zbar-tools"
)


pytestmark = pytest.mark.usefixtures("quick_keys")  # see tests/conftest.py


def _pdf_with_qr(text: str, code: str, size: float) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("Helvetica", 9)
    page.drawString(20 * mm, 280 * mm, "QR test page")
    renderPDF.draw(qr.qr_drawing(text, size), page, 20 * mm, 20 * mm)
    page.drawString(20 * mm + size + 3 * mm, 20 * mm + size - 10, code)
    page.save()
    return out.getvalue()


def _scan(pdf: bytes, tmp_path) -> str:
    source = tmp_path / "qr.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(source), str(tmp_path / "page")], check=True
    )
    found = subprocess.run(
        ["zbarimg", "--raw", "-q", str(tmp_path / "page.png")], capture_output=True, check=True
    )
    return found.stdout.decode("utf-8").rstrip("\n")


@needs_tools
@pytest.mark.parametrize("size_mm", [30, 22])
def test_qr_in_a_pdf_decodes_with_zbarimg_and_verifies(demo_store, tmp_path, size_mm):
    signer = signer_for(demo_store, profile.profile(demo_store)["id"], "246810")
    text, code = signer.payload_for(canonical.digest(CONTENT), NUMBER)
    assert qr.qr_code(text).version <= qr.MAX_VERSION

    scanned = _scan(_pdf_with_qr(text, code, size_mm * mm), tmp_path)

    assert scanned == text
    assert payload.verify_payload(demo_store, scanned, CONTENT).valid
    changed = canonical.dumps(CONTENT).replace("二十八", "二十九")
    verdict = payload.verify_payload(demo_store, scanned, changed)
    assert not verdict.valid and verdict.reason == CONTENT_CHANGED


def test_qr_drawing_has_a_quiet_zone_and_square_size():
    drawing = qr.qr_drawing("INSP1|test", 30 * mm)
    assert drawing.width == drawing.height == 30 * mm
    modules = qr.qr_code("INSP1|test").symbol_size(border=qr.QUIET_ZONE)[0]
    first_dark = min(shape.x for shape in drawing.contents[1:])
    assert first_dark == pytest.approx(qr.QUIET_ZONE * 30 * mm / modules)


def test_too_long_for_a_small_qr():
    with pytest.raises(qr.QrError):
        qr.qr_code("x" * 1000)


def test_strokes_keep_their_shape():
    drawing = qr.strokes_drawing([[[0, 0], [1, 1]], [[0.5, 0.5]]], 60, 40)
    line = drawing.contents[0]
    width = line.points[2] - line.points[0]
    height = line.points[1] - line.points[3]
    assert width / height == pytest.approx(qr.STROKE_ASPECT)
    assert len(drawing.contents) == 2
