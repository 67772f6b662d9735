"""What is drawn into boxes: handwritten signatures, the seal's space, and the QR code's drawing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Rect
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from inspector.core.documents.signatures import PAD_ASPECT, Signature

INK = (0.08, 0.12, 0.42)
CAPTION_SIZE = 10  # the signer's name under a signature box
SEAL_SIZE = 42 * mm  # an office seal's diameter
SEAL_LINE = "应急管理部门（印章）"


@dataclass
class QrMark:
    """What the signing side prints in the QR box: a reportlab Drawing or Flowable, or a callable
    ``draw(canvas, x, y, size)``; and the short code printed beside it."""

    drawing: Any = None
    code_text: str = ""
    payload: str = ""  # the QR text, also written to the PDF's /Keywords for `inspector verify`


@dataclass(frozen=True)
class Box:
    role: str
    page: int
    x: float  # points from the page's bottom-left corner
    y: float
    w: float
    h: float


def qr_drawing(text: str) -> Drawing:
    """A QR code of ``text`` as a reportlab Drawing (error correction M)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(x1 - x0, y1 - y0)
    drawing.add(widget)
    return drawing


class SignatureBox(Flowable):
    """A box a person signs in; strokes (0..1, y down) are drawn as paths clipped to the box."""

    def __init__(
        self,
        role: str,
        sig: Signature | None,
        sink: list[Box],
        font: str,
        width: float = 33 * mm,
        height: float = 11 * mm,
        caption: str = "",
    ):
        super().__init__()
        self.role, self.sig, self.sink, self.font = role, sig, sink, font
        self.box_w, self.box_h, self.caption = width, height, caption
        self.cap_h = CAPTION_SIZE + 3 if caption else 0

    def wrap(self, avail_w, avail_h):
        return self.box_w, self.box_h + self.cap_h

    def draw(self):
        c = self.canv
        c.saveState()
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.setLineWidth(0.5)
        c.rect(0, self.cap_h, self.box_w, self.box_h, stroke=1, fill=0)
        if self.sig and self.sig.strokes:
            path = c.beginPath()
            path.rect(0, self.cap_h, self.box_w, self.box_h)
            c.clipPath(path, stroke=0, fill=0)
            c.setStrokeColorRGB(*INK)
            c.setLineWidth(1.1)
            c.setLineCap(1)
            c.setLineJoin(1)
            # the pad's aspect is kept: strokes are scaled to fit and centred, never stretched
            scale = min(self.box_w, self.box_h * PAD_ASPECT)
            pad_w, pad_h = scale, scale / PAD_ASPECT
            left, bottom = (self.box_w - pad_w) / 2, self.cap_h + (self.box_h - pad_h) / 2
            ink = c.beginPath()
            ops = ink._code  # formatted here: reportlab's number formatting is slow in pure Python
            for stroke in self.sig.strokes:
                points = [(left + x * pad_w, bottom + (1 - y) * pad_h) for x, y in stroke]
                ops.append(f"{points[0][0]:.2f} {points[0][1]:.2f} m")
                if len(points) == 1:
                    ops.append(f"{points[0][0] + 0.3:.2f} {points[0][1]:.2f} l")
                ops.extend(f"{x:.2f} {y:.2f} l" for x, y in points[1:])
            c.drawPath(ink, stroke=1, fill=0)
        c.restoreState()
        if self.caption:
            c.setFont(self.font, CAPTION_SIZE)
            c.setFillColorRGB(0.2, 0.2, 0.2)
            c.drawString(1, 2, self.caption)
        x, y = c.absolutePosition(0, self.cap_h)
        self.sink.append(Box(self.role, c.getPageNumber(), round(x, 2), round(y, 2), self.box_w, self.box_h))


class SealBlock(Flowable):
    """A square the seal is pressed on: 「应急管理部门（印章）」 and the date at its middle, right-aligned,
    nothing else within it. Its place is reported as the box ``seal``."""

    def __init__(self, sink: list[Box], font: str, date_text: str, width: float):
        super().__init__()
        self.sink, self.font, self.date_text, self.block_w = sink, font, date_text, width

    def wrap(self, avail_w, avail_h):
        return self.block_w, SEAL_SIZE

    def draw(self):
        c = self.canv
        c.saveState()
        c.setFillColorRGB(0, 0, 0)
        c.setFont(self.font, 12)
        middle = SEAL_SIZE / 2
        c.drawRightString(self.block_w, middle + 2, SEAL_LINE)
        c.drawRightString(self.block_w, middle - 18, self.date_text)
        c.restoreState()
        x, y = c.absolutePosition(self.block_w - SEAL_SIZE, 0)
        self.sink.append(Box("seal", c.getPageNumber(), round(x, 2), round(y, 2), SEAL_SIZE, SEAL_SIZE))


class SealSpace(Flowable):
    """Empty room for the office's seal above the 应急管理部门（印章） line."""

    def __init__(self, height: float = 14 * mm):
        super().__init__()
        self.height = height

    def wrap(self, avail_w, avail_h):
        return avail_w, self.height

    def draw(self):
        pass


def _flat_rects(node, out: dict) -> bool:
    """Collect the filled, unstroked, untransformed rectangles of a drawing by colour (a QR code is
    only that); False when the drawing holds anything else."""
    for child in getattr(node, "contents", ()):
        if type(child) is Rect:
            if child.strokeColor is not None or child.rx or child.ry:
                return False
            fill = child.fillColor
            if fill is not None:
                bucket = out.get(id(fill)) or out.setdefault(id(fill), (fill, []))
                bucket[1].append((child.x, child.y, child.width, child.height))
        elif isinstance(child, Group):
            if tuple(child.transform) != (1, 0, 0, 1, 0, 0) or not _flat_rects(child, out):
                return False
        else:
            return False
    return True


def draw_drawing(c: Canvas, drawing: Drawing, font: str) -> None:
    """A Drawing on the canvas; a QR's hundreds of rectangles go as one path per colour, which is
    many times faster than reportlab's node-by-node renderer and draws the same."""
    groups: dict = {}
    identity = tuple(getattr(drawing, "transform", (1, 0, 0, 1, 0, 0))) == (1, 0, 0, 1, 0, 0)
    if identity and getattr(drawing, "renderScale", 1) == 1 and _flat_rects(drawing, groups):
        for colour, rects in groups.values():
            path = c.beginPath()
            path._code.extend(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re" for x, y, w, h in rects)
            c.setFillColor(colour)
            c.drawPath(path, stroke=0, fill=1)
        return
    drawing.initialFontName = font  # else renderPDF sets Helvetica, a font the PDF would not embed
    renderPDF.draw(drawing, c, 0, 0)
