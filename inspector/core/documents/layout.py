"""The common layout of the enforcement documents: A4 pages, header, number line, signature boxes,
seal space, the 一式两份 line and 「共 N 页 第 M 页」 on every page, and a QR box at the foot of page 1.

Rendering is deterministic: reportlab runs with ``invariant=1``, the font is a fixed subset, and all
text comes from the stored content, so the same content and signatures give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from inspector.core import clock
from inspector.core.documents import linebreak
from inspector.core.documents.fonts import DocumentFont
from inspector.core.documents.marks import Box, QrMark, SealSpace, SignatureBox, draw_drawing, qr_drawing

__all__ = ["Box", "QrMark", "Rendered", "SealSpace", "SignatureBox", "Styles", "build", "qr_drawing"]

PAGE_W, PAGE_H = A4
LEFT = RIGHT = 22 * mm
TOP = 20 * mm
WIDTH = PAGE_W - LEFT - RIGHT
RULE_Y = 25 * mm  # the rule above the 一式两份 line
FOOT_Y = 19 * mm  # the 一式两份 line and 共 N 页 第 M 页
# Page 1's foot is taller: the QR box at the left, the code, 一式两份 and page count beside it.
QR_SIZE = 24 * mm
QR_Y = 9 * mm  # bottom of the QR box on page 1
FIRST_RULE_Y = QR_Y + QR_SIZE + 2 * mm
FIRST_TEXT_X = LEFT + QR_SIZE + 4 * mm
CODE_Y = 27 * mm
FIRST_BOTTOM = FIRST_RULE_Y + 2 * mm
LATER_BOTTOM = RULE_Y + 2 * mm
LATER_TOP = PAGE_H - TOP - 8 * mm  # room for the continuation header
DUPLICATE_LINE = "本文书一式两份：一份由应急管理部门备案，一份交被检查单位。"

# Chinese line breaking (标点禁则) for every wordWrap="CJK" paragraph: see linebreak.py.
linebreak.install()


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    boxes: list[Box] = field(default_factory=list)
    qr_box: Box | None = None


# -- text ---------------------------------------------------------------------------------------------


def esc(text: Any) -> str:
    return escape(str(text or ""))


def cn_date(iso: str | None) -> str:
    """``2026-03-01`` → ``2026年3月1日``; nothing → the blank form ``    年  月  日``."""
    if not iso:
        return "　　年　月　日"
    y, m, d = iso[:10].split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def cn_time(iso: str, with_year: bool = True) -> str:
    moment = clock.parse(iso)
    day = f"{moment.year}年" if with_year else ""
    return f"{day}{moment.month}月{moment.day}日{moment.hour}时{moment.minute:02d}分"


def cn_span(start: str | None, end: str | None) -> str:
    """检查时间 ___年___月___日___时___分至___月___日___时___分."""
    if not start:
        return ""
    return cn_time(start) + ("至" + cn_time(end, with_year=False) if end else "")


def strip_suffix(name: str, suffix: str) -> str:
    name = (name or "").strip()
    return name[: -len(suffix)] if name.endswith(suffix) else name


class Styles:
    def __init__(self, font: str):
        base = ParagraphStyle("base", fontName=font, fontSize=12, leading=20, wordWrap="CJK")
        self.font = font
        self.body = ParagraphStyle("body", base, firstLineIndent=24)
        self.plain = base
        self.kind = ParagraphStyle("kind", base, alignment=TA_CENTER, fontSize=12, leading=18)
        self.title = ParagraphStyle("title", base, alignment=TA_CENTER, fontSize=22, leading=32)
        self.body_name = ParagraphStyle("issuer", base, alignment=TA_CENTER, fontSize=14, leading=22)
        self.number = ParagraphStyle("number", base, alignment=TA_CENTER, spaceAfter=8)
        self.right = ParagraphStyle("right", base, alignment=TA_RIGHT)
        self.small = ParagraphStyle("small", base, fontSize=9, leading=12)
        self.note = ParagraphStyle("note", base, fontSize=10.5, leading=16, alignment=TA_CENTER)


# -- pages --------------------------------------------------------------------------------------------


def draw_qr(c: Canvas, qr: QrMark | None, styles: Styles) -> None:
    if qr is None or qr.drawing is None:
        return
    mark, x, y, size = qr.drawing, LEFT, QR_Y, QR_SIZE
    c.saveState()
    if isinstance(mark, Drawing):
        c.translate(x, y)
        c.scale(size / mark.width, size / mark.height)
        draw_drawing(c, mark, styles.font)
    elif isinstance(mark, Flowable):
        w, h = mark.wrap(size, size)
        c.translate(x, y)
        c.scale(size / max(w, 1), size / max(h, 1))
        mark.drawOn(c, 0, 0)
    elif callable(mark):
        mark(c, x, y, size)
    c.restoreState()
    if qr.code_text:
        c.setFont(styles.font, 9)
        c.setFillColorRGB(0, 0, 0)
        c.drawString(FIRST_TEXT_X, CODE_Y, qr.code_text)


def draw_draft_mark(c: Canvas, font: str) -> None:
    """An unnumbered preview says so on every page, beneath the text."""
    c.saveState()
    c.setFillColorRGB(0.88, 0.88, 0.88)
    c.setFont(font, 72)
    c.translate(PAGE_W / 2, PAGE_H / 2)
    c.rotate(35)
    c.drawCentredString(0, 0, "样稿 未编号")
    c.restoreState()


def page_callbacks(content: dict, number_text: str, qr: QrMark | None, styles: Styles):
    def first(c: Canvas, doc) -> None:
        if not number_text:
            draw_draft_mark(c, styles.font)
        draw_qr(c, qr, styles)

    def later(c: Canvas, doc) -> None:
        if not number_text:
            draw_draft_mark(c, styles.font)
        c.saveState()
        c.setFont(styles.font, 9)
        c.setFillColorRGB(0.3, 0.3, 0.3)
        c.drawString(LEFT, PAGE_H - TOP, f"{content['title']}（续页）")
        c.drawRightString(PAGE_W - RIGHT, PAGE_H - TOP, number_text)
        c.restoreState()

    return first, later


def canvas_maker(font: str, stats: dict) -> Callable[..., Canvas]:
    """A canvas that holds its pages until the end, then stamps each with 共 N 页 第 M 页."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = stats["pages"] = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            rule_y, text_x = (FIRST_RULE_Y, FIRST_TEXT_X) if number == 1 else (RULE_Y, LEFT)
            self.saveState()
            self.setStrokeColorRGB(0, 0, 0)
            self.setLineWidth(0.6)
            self.line(LEFT, rule_y, PAGE_W - RIGHT, rule_y)
            self.setFillColorRGB(0, 0, 0)
            self.setFont(font, 10)
            self.drawString(text_x, FOOT_Y, DUPLICATE_LINE)
            self.setFont(font, 10.5)
            self.drawRightString(PAGE_W - RIGHT, FOOT_Y, f"共 {total} 页 第 {number} 页")
            self.restoreState()

    return NumberedCanvas


def build(content: dict, story: list, font: DocumentFont, qr: QrMark | None, boxes: list[Box]) -> Rendered:
    styles = Styles(font.name)
    number_text = (content.get("number") or {}).get("text", "")
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=LATER_BOTTOM,
        invariant=1,
        title=f"{content['title']} {number_text}".strip(),
        author=content["office"]["issuing_body"],
        subject=content["enterprise"]["name"],
        creator="inspector",
        producer="inspector (reportlab)",
        initialFontName=font.name,
        keywords=[qr.payload] if qr is not None and qr.payload else [],
        lang="zh-CN",
    )
    first_frame = Frame(
        LEFT,
        FIRST_BOTTOM,
        WIDTH,
        PAGE_H - TOP - FIRST_BOTTOM,
        id="first",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    later_frame = Frame(
        LEFT,
        LATER_BOTTOM,
        WIDTH,
        LATER_TOP - LATER_BOTTOM,
        id="later",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    on_first, on_later = page_callbacks(content, number_text, qr, styles)
    doc.addPageTemplates(
        [
            PageTemplate("first", [first_frame], onPage=on_first, autoNextPageTemplate="later"),
            PageTemplate("later", [later_frame], onPage=on_later),
        ]
    )
    stats: dict = {}
    doc.build(story, canvasmaker=canvas_maker(font.name, stats))
    qr_box = Box("qr", 1, LEFT, QR_Y, QR_SIZE, QR_SIZE)
    return Rendered(buffer.getvalue(), stats.get("pages", 0), list(boxes), qr_box)
