"""Pieces every document is built from: header and number line, addressee, numbered items, the
appeal text, signature rows with their boxes, and the seal and date."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from inspector.core import clock
from inspector.core.documents.layout import WIDTH, Styles, cn_date, esc, strip_suffix
from inspector.core.documents.marks import SEAL_SIZE, Box, SealBlock, SealSpace, SignatureBox
from inspector.core.documents.signatures import ENTERPRISE, Signature

INSPECTOR_LABEL = "安全生产监管行政执法人员（签名）："
BOX_W = 45 * mm  # room to sign in by hand, in the signing pad's 3:1 shape
BOX_H = 15 * mm
SEAL_W = SEAL_SIZE + 4 * mm


@dataclass
class Ctx:
    content: dict
    sigs: dict[str, Signature]
    styles: Styles
    boxes: list[Box] = field(default_factory=list)


def number_line(content: dict) -> str:
    """The number as issued, or the blank form's number line for an unnumbered draft."""
    number = content.get("number") or {}
    if number.get("text"):
        return number["text"]
    region = content["office"]["region_abbr"] or "　"
    return f"（{region}）{content['code']}〔　　〕　号"


def header(ctx: Ctx) -> list:
    c, s = ctx.content, ctx.styles
    parts = [Paragraph("安全生产行政执法文书", s.kind), Paragraph(esc(c["title"]), s.title)]
    if c["office"]["issuing_body"]:
        parts.append(Paragraph(esc(c["office"]["issuing_body"]), s.body_name))
    parts.append(Paragraph(esc(number_line(c)), s.number))
    replaces = c.get("replaces")
    if replaces:
        parts.append(Paragraph(f"（本文书更正并替代{esc(replaces['number_text'])}，原文书作废）", s.note))
    return parts


def addressee(ctx: Ctx, label: str = "（被检查单位）") -> Paragraph:
    return Paragraph(f"<u>{esc(ctx.content['enterprise']['name'])}</u>{esc(label)}：", ctx.styles.plain)


def body(ctx: Ctx, text: str, escape_text: bool = True) -> Paragraph:
    return Paragraph(esc(text) if escape_text else text, ctx.styles.body)


class OnFirstPage(Flowable):
    """A paragraph printed only when it falls on page 1 (e.g. 「（此栏不够，可另附页）」: on a
    continuation page the continuation header says so instead); elsewhere it takes no room."""

    def __init__(self, paragraph: Paragraph):
        super().__init__()
        self.paragraph = paragraph
        self.shown = False

    def wrap(self, avail_w, avail_h):
        canvas = getattr(self, "canv", None)
        self.shown = canvas is not None and canvas.getPageNumber() == 1
        if not self.shown:
            return 0, 0
        return self.paragraph.wrap(avail_w, avail_h)

    def split(self, avail_w, avail_h):
        return []

    def draw(self):
        if self.shown:
            self.paragraph.drawOn(self.canv, 0, 0)


def line(ctx: Ctx, text: str) -> Paragraph:
    return Paragraph(esc(text), ctx.styles.plain)


def numbered(ctx: Ctx, texts: list[str], last: str = "。", sep: str = "。") -> list[Paragraph]:
    out = []
    for i, text in enumerate(texts, start=1):
        end = last if i == len(texts) else sep
        out.append(body(ctx, f"{i}．{text.rstrip('。；;')}{end}"))
    return out


def appeal_text(content: dict, word: str) -> str:
    government = strip_suffix(content["office"]["government"], "人民政府") or "＿＿＿＿"
    court = strip_suffix(content["office"]["court"], "人民法院") or "＿＿＿＿"
    return (
        f"如果不服本{word}，可以依法在60日内向{government}人民政府申请行政复议，或者在6个月内依法向"
        f"{court}人民法院提起行政诉讼，但本{word}不停止执行，法律另有规定的除外。"
    )


def _label_width(text: str, size: float = 12) -> float:
    return sum(size if ord(ch) > 0x2E7F else size * 0.55 for ch in text) + 2


def _table(ctx: Ctx, rows: list[list], label_w: float, width: float = WIDTH) -> Table:
    table = Table(rows, colWidths=[label_w, BOX_W + 4, width - label_w - BOX_W - 4], hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), ctx.styles.font),  # never the reader's Helvetica, even for ""
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    table.setStyle(TableStyle(style))
    return table


def inspector_rows(ctx: Ctx, label: str = INSPECTOR_LABEL, with_cert: bool = True) -> Table:
    s = ctx.styles
    label_w = _label_width(label)
    rows = []
    for i, person in enumerate(ctx.content["inspectors"], start=1):
        role = f"inspector{i}"
        box = SignatureBox(role, ctx.sigs.get(role), ctx.boxes, s.font, BOX_W, BOX_H, caption=person["name"])
        cert = Paragraph(f"证号：{esc(person['cert_no'])}", s.plain) if with_cert else ""
        rows.append([Paragraph(esc(label), s.plain) if i == 1 else "", box, cert])
    return _table(ctx, rows, label_w)


def refusal_text(sig: Signature) -> str:
    """「拒绝签字（2026年3月1日10时05分，见证人：王军）」: the label before it already names the role."""
    when = clock.local(sig.refused_at) if sig.refused_at else None
    at = f"{when.year}年{when.month}月{when.day}日{when.hour}时{when.minute:02d}分" if when else ""
    detail = "，".join(x for x in (at, f"见证人：{sig.witness}" if sig.witness else "") if x)
    return f"拒绝签字（{detail}）" if detail else "拒绝签字"


def enterprise_row(ctx: Ctx, label: str, width: float = WIDTH) -> Table | Paragraph:
    s = ctx.styles
    sig = ctx.sigs.get(ENTERPRISE)
    label_w = _label_width(label)
    if sig and sig.refused:
        return Paragraph(esc(label + refusal_text(sig)), s.plain)
    caption = sig.signer_name if sig else ""
    box = SignatureBox(ENTERPRISE, sig, ctx.boxes, s.font, BOX_W, BOX_H, caption=caption)
    return _table(ctx, [[Paragraph(esc(label), s.plain), box, ""]], label_w, width)


def seal(ctx: Ctx, with_seal: bool = True, beside=None) -> list:
    """The date; with the seal line, a block with room for a 42 mm seal at the right, ``beside`` (the
    enterprise's row) at its left."""
    s = ctx.styles
    date_text = cn_date(ctx.content.get("issued_on"))
    if not with_seal:
        return [SealSpace(3 * mm), Paragraph(esc(date_text), s.right)]
    block = SealBlock(ctx.boxes, s.font, date_text, SEAL_W)
    table = Table([[beside or "", block]], colWidths=[WIDTH - SEAL_W, SEAL_W], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]


def closing(
    ctx: Ctx,
    enterprise_label: str,
    enterprise_first: bool = False,
    inspector_label: str = INSPECTOR_LABEL,
    with_seal: bool = True,
    keep_with=(),
) -> KeepTogether:
    """Signatures, seal and date, kept on one page together with ``keep_with`` (the last paragraph),
    so that the signatures never stand alone on a page that could be put behind another text."""
    inspectors = inspector_rows(ctx, inspector_label)
    if enterprise_first:
        people = [enterprise_row(ctx, enterprise_label), inspectors]
        end = seal(ctx, with_seal)
    elif with_seal:
        people = [inspectors, Spacer(1, 1 * mm)]
        end = seal(ctx, with_seal, beside=enterprise_row(ctx, enterprise_label, WIDTH - SEAL_W))
    else:
        people = [inspectors, enterprise_row(ctx, enterprise_label)]
        end = seal(ctx, with_seal)
    return KeepTogether([*keep_with, Spacer(1, 2 * mm), *people, *end])
