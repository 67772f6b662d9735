"""The common layout of the enforcement documents: A4 pages, header, number line, signature boxes,
seal space, the 一式两份 line and 「共 N 页 第 M 页」 on every page, and a QR box at the foot of page 1.

The left (binding) margin is 28 mm; the QR keeps its quiet zone and stands 15 mm or more from every
edge; a page whose text ends with room to spare before the document goes on says 「（以下空白）」;
paragraphs leave no widow or orphan line; documents of the demo workspace say 「演示」 on every page.

The PDF's creation date is the document's issue time (given by the caller; a preview has none and
carries reportlab's fixed date), its title the title and number, its author the issuing office. The
same content, signatures and issue time give the same bytes.
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

from inspector.core import canonical, clock
from inspector.core.documents import linebreak
from inspector.core.documents.fonts import DocumentFont
from inspector.core.documents.marks import Box, QrMark, SealSpace, SignatureBox, draw_drawing, qr_drawing

__all__ = ["Box", "QrMark", "Rendered", "SealSpace", "SignatureBox", "Styles", "build", "qr_drawing"]

PAGE_W, PAGE_H = A4
LEFT = 28 * mm  # the binding side
RIGHT = 20 * mm
TOP = 20 * mm
WIDTH = PAGE_W - LEFT - RIGHT
RULE_Y = 25 * mm  # the rule above the 一式两份 line
FOOT_Y = 19 * mm  # the 一式两份 line and 共 N 页 第 M 页
# Page 1's foot is taller: the QR box at the left, the code, 一式两份 and page count beside it. The QR
# (quiet zone included in its drawing) is 30 mm square: modules of about 0.46 mm, 2.7 pixels at 150 dpi.
QR_SIZE = 30 * mm
QR_EDGE = 15 * mm  # the least distance of the QR box from any edge of the paper
QR_Y = QR_EDGE  # bottom of the QR box on page 1
FIRST_RULE_Y = QR_Y + QR_SIZE + 2 * mm
FIRST_TEXT_X = LEFT + QR_SIZE + 4 * mm
CODE_Y = QR_Y + QR_SIZE - 8 * mm
FIRST_DUPLICATE_Y = QR_Y + 10 * mm
FIRST_COUNT_Y = QR_Y + 2 * mm
FIRST_BOTTOM = FIRST_RULE_Y + 2 * mm
LATER_BOTTOM = RULE_Y + 2 * mm
LATER_TOP = PAGE_H - TOP - 8 * mm  # room for the continuation header
DUPLICATE_LINE = "本文书一式两份：一份由应急管理部门备案，一份交被检查单位。"
BLANK_BELOW = "（以下空白）"
BLANK_ROOM = 60  # points (3 lines) left empty, more pages to come: 「以下空白」 (never a widow's gap)
DEMO_MARK = "演示"
CONTENT_KEY = "InspectorContent"  # the document information entry that carries the canonical content

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
    def __init__(self, font: str, heading: str | None = None):
        base = ParagraphStyle(
            "base", fontName=font, fontSize=12, leading=20, wordWrap="CJK", allowWidows=0, allowOrphans=0
        )
        self.font = font
        self.heading_font = heading or font
        self.body = ParagraphStyle("body", base, firstLineIndent=24)
        self.plain = base
        self.kind = ParagraphStyle("kind", base, alignment=TA_CENTER, fontSize=12, leading=18)
        self.title = ParagraphStyle(
            "title", base, fontName=self.heading_font, alignment=TA_CENTER, fontSize=22, leading=32
        )
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
        c.setFont(styles.font, 10)
        c.setFillColorRGB(0, 0, 0)
        c.drawString(FIRST_TEXT_X, CODE_Y, qr.code_text)


def draw_demo_mark(c: Canvas, font: str) -> None:
    """A document of the demo workspace says so on every page: it can never pass for a real one."""
    c.saveState()
    c.setFillColorRGB(0.8, 0.1, 0.1)
    c.setStrokeColorRGB(0.8, 0.1, 0.1)
    c.setFont(font, 16)
    x, y = PAGE_W - RIGHT, PAGE_H - 12 * mm
    c.drawRightString(x - 2 * mm, y, DEMO_MARK)
    width = c.stringWidth(DEMO_MARK, font, 16)
    c.setLineWidth(1)
    c.rect(x - width - 4 * mm, y - 2 * mm, width + 4 * mm, 7.5 * mm, stroke=1, fill=0)
    c.restoreState()


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
    def marks(c: Canvas) -> None:
        if not number_text:
            draw_draft_mark(c, styles.font)
        if content.get("demo"):
            draw_demo_mark(c, styles.font)

    def first(c: Canvas, doc) -> None:
        marks(c)
        draw_qr(c, qr, styles)

    def later(c: Canvas, doc) -> None:
        marks(c)
        c.saveState()
        c.setFont(styles.font, 9)
        c.setFillColorRGB(0.3, 0.3, 0.3)
        c.drawString(LEFT, PAGE_H - TOP, f"{content['title']}（续页）")
        c.drawRightString(PAGE_W - RIGHT, PAGE_H - TOP, number_text)
        c.restoreState()

    return first, later


def _pdf_time(issued_at: str | None) -> tuple[tuple, int, int] | None:
    """(Y, M, D, h, m, s), offset hours and minutes of the issue time in the local zone."""
    if not issued_at:
        return None
    moment = clock.local(issued_at) if "T" in issued_at else None
    if moment is None:
        return None
    offset = int(moment.utcoffset().total_seconds() // 60) if moment.utcoffset() else 0
    return tuple(moment.timetuple())[:6], int(offset / 60), abs(offset) % 60


def _text_string(value: str) -> str:
    """A PDF text string as UTF-16BE hex with its byte-order mark: one pass, whatever the characters."""
    return "<FEFF" + value.encode("utf-16-be").hex().upper() + ">"


def _info_with(info, extra: dict[str, str]):
    """reportlab's document information with more entries: a numbered document carries its canonical
    content, so a verifier without the workspace's record can hash what the signed file says."""
    original = info.format
    entries = "".join(f"/{key} {_text_string(value)}\n" for key, value in extra.items()).encode("ascii")

    class _Info(type(info)):
        def format(self, document):
            return original(document).replace(b"<<", b"<<\n" + entries, 1)

    copied = _Info.__new__(_Info)
    copied.__dict__.update(info.__dict__)
    return copied


def canvas_maker(
    font: str, stats: dict, issued_at: str | None = None, extra_info: dict | None = None
) -> Callable[..., Canvas]:
    """A canvas that holds its pages until the end, then stamps each with 共 N 页 第 M 页."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            when = _pdf_time(issued_at)
            if when is not None:  # the document's issue time, not reportlab's fixed 2000-01-01
                stamp = self._doc._timeStamp
                stamp.YMDhms, stamp.dhh, stamp.dmm = when
            if extra_info:
                self._doc.info = _info_with(self._doc.info, extra_info)
            total = stats["pages"] = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            first = number == 1
            rule_y = FIRST_RULE_Y if first else RULE_Y
            self.saveState()
            self.setStrokeColorRGB(0, 0, 0)
            self.setLineWidth(0.6)
            self.line(LEFT, rule_y, PAGE_W - RIGHT, rule_y)
            self.setFillColorRGB(0, 0, 0)
            self.setFont(font, 10)
            if first:  # beside the QR: the code above, then 一式两份, then the page count
                self.drawString(FIRST_TEXT_X, FIRST_DUPLICATE_Y, DUPLICATE_LINE)
            else:
                self.drawString(LEFT, FOOT_Y, DUPLICATE_LINE)
            self.setFont(font, 10.5)
            count_y = FIRST_COUNT_Y if first else FOOT_Y
            self.drawRightString(PAGE_W - RIGHT, count_y, f"共 {total} 页 第 {number} 页")
            self.restoreState()

    return NumberedCanvas


class _Document(BaseDocTemplate):
    """Writes 「（以下空白）」 under the last line of a page that has room left while more pages follow."""

    blank_font = ""

    def handle_pageEnd(self):
        if not getattr(self, "_finishing", False):
            self._mark_blank()
        super().handle_pageEnd()

    def _endBuild(self):
        self._finishing = True
        super()._endBuild()

    def _mark_blank(self) -> None:
        frame = getattr(self, "frame", None)
        if frame is None or frame._atTop or frame._y - frame._y1p < BLANK_ROOM:
            return
        c = self.canv
        c.saveState()
        c.setFont(self.blank_font, 12)
        c.setFillColorRGB(0, 0, 0)
        c.drawCentredString(frame._x1 + frame._width / 2, frame._y - 16, BLANK_BELOW)
        c.restoreState()


def build(
    content: dict,
    story: list,
    font: DocumentFont,
    qr: QrMark | None,
    boxes: list[Box],
    issued_at: str | None = None,
    heading: DocumentFont | None = None,
) -> Rendered:
    styles = Styles(font.name, heading.name if heading else None)
    number_text = (content.get("number") or {}).get("text", "")
    buffer = io.BytesIO()
    doc = _Document(
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
    doc.blank_font = font.name
    stats: dict = {}
    extra = {CONTENT_KEY: canonical.dumps(content)} if number_text else None
    doc.build(story, canvasmaker=canvas_maker(font.name, stats, issued_at, extra))
    qr_box = Box("qr", 1, LEFT, QR_Y, QR_SIZE, QR_SIZE)
    return Rendered(buffer.getvalue(), stats.get("pages", 0), list(boxes), qr_box)
