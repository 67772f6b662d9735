"""The printable A4 summary of the ledger (隐患台账统计表): same font, margins and type as the documents.

    pdf_bytes = render(store, Filters(today=date(2026, 3, 10)))

Its creation date is when it was made (``made_at``, default now); given the same ledger, day and
``made_at`` it gives the same bytes (reportlab ``invariant=1``). The demo workspace's says 「演示」 on every
page, as its documents do.
"""

from __future__ import annotations

import io

from inspector.core import clock, office, sectors
from inspector.core.ledger import stats
from inspector.core.ledger.lifecycle import STATUS_LABELS
from inspector.core.ledger.query import GRADE_LABELS, Filters
from inspector.core.store import Store

TITLE = "隐患排查治理台账统计表"
RATE_HEADER = ["", "应整改", "已整改销号", "按期整改", "按期整改率", "整改率"]
GROUP_TITLES = {
    "region": "按地区",
    "sector": "按行业",
    "inspector": "按检查人员",
    "month": "按整改期限所在月份",
}


def describe(filters: Filters) -> str:
    """The filters in words, printed under the title (``全部隐患`` when there are none)."""
    parts = []
    if filters.statuses:
        parts.append("状态：" + "、".join(STATUS_LABELS[s] for s in filters.statuses))
    if filters.grades:
        parts.append("等级：" + "、".join(GRADE_LABELS[g] for g in filters.grades))
    if filters.sectors:
        parts.append("行业：" + "、".join(sectors.label(s) for s in filters.sectors))
    if filters.regions:
        parts.append("地区：" + "、".join(filters.regions))
    if filters.found_from or filters.found_to:
        start = filters.found_from.isoformat() if filters.found_from else "……"
        end = filters.found_to.isoformat() if filters.found_to else "……"
        parts.append(f"发现日期：{start} 至 {end}")
    for flag, words in (("overdue", "仅逾期"), ("repeat", "仅重复隐患"), ("listed", "仅挂牌督办")):
        if getattr(filters, flag):
            parts.append(words)
    if filters.enterprise_id:
        parts.append("指定单位")
    if filters.inspector_id:
        parts.append("指定检查人员")
    if filters.search.strip():
        parts.append(f"含“{filters.search.strip()}”")
    return "；".join(parts) or "全部隐患"


def _rate_rows(rows: list[dict]) -> list[list[str]]:
    return [
        [
            r["label"],
            str(r["due"]),
            str(r["closed"]),
            str(r["closed_on_time"]),
            stats.as_percent(r["rate_on_time"]),
            stats.as_percent(r["rate_closed"]),
        ]
        for r in rows
    ]


def render(store: Store, filters: Filters | None = None, made_at: str | None = None) -> bytes:
    """The A4 summary PDF of the filtered ledger as of ``filters.today``, made at ``made_at`` (UTC ISO)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from inspector.core.documents.content import is_demo
    from inspector.core.documents.fonts import document_font
    from inspector.core.documents.layout import (
        LEFT,
        RIGHT,
        TOP,
        WIDTH,
        Styles,
        _pdf_time,
        cn_date,
        draw_demo_mark,
        esc,
    )

    filters = filters or Filters()
    figures = stats.summary(store, filters)
    font = document_font(store)
    s = Styles(font.name)
    body = office.load(store).issuing_body.strip()

    def table(rows: list[list[str]], widths: list[float]) -> Table:
        t = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font.name),
                    ("FONTSIZE", (0, 0), (-1, -1), 10.5),
                    ("LEADING", (0, 0), (-1, -1), 14),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                    ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return t

    cell_style = ParagraphStyle("cell", s.plain, fontSize=10.5, leading=14)

    def cell(text: str):
        return Paragraph(esc(text), cell_style)

    first = 0.34 * WIDTH
    rest = (WIDTH - first) / 5
    story: list = []
    if body:
        story.append(Paragraph(esc(body), s.body_name))
    story += [
        Paragraph(TITLE, s.title),
        Paragraph(esc(f"统计日期：{cn_date(figures['today'])}　范围：{describe(filters)}"), s.number),
        Paragraph("一、整改率", s.plain),
    ]
    total = figures["total"]
    story.append(
        table(
            [RATE_HEADER, ["合计", *_rate_rows([{"label": "合计", **total}])[0][1:]]],
            [first] + [rest] * 5,
        )
    )
    story.append(
        Paragraph(
            "注：应整改＝首次整改期限已到期的隐患及已销号的隐患；按期整改＝整改完成日期不晚于首次整改期限；"
            "按期整改率＝按期整改÷应整改；整改率＝已整改销号÷应整改。",
            s.small,
        )
    )
    for by, title in GROUP_TITLES.items():
        rows = figures["by"][by]
        if not rows:
            continue
        story += [Spacer(1, 3 * mm), Paragraph(esc(title), s.plain)]
        story.append(
            table([RATE_HEADER, *[[cell(r[0]), *r[1:]] for r in _rate_rows(rows)]], [first] + [rest] * 5)
        )
    counts = figures["counts"]
    story += [Spacer(1, 4 * mm), Paragraph("二、隐患数量（按状态和等级）", s.plain)]
    grade_cols = list(GRADE_LABELS)
    rows = [["状态", *[GRADE_LABELS[g] for g in grade_cols], "小计"]]
    for status, label in STATUS_LABELS.items():
        per = counts["by_status_grade"][status]
        rows.append([label, *[str(per[g]) for g in grade_cols], str(counts["by_status"][status])])
    rows.append(["合计", *[str(counts["by_grade"][g]) for g in grade_cols], str(counts["total"])])
    story.append(table(rows, [first, (WIDTH - first) / 3, (WIDTH - first) / 3, (WIDTH - first) / 3]))
    story += [Spacer(1, 4 * mm), Paragraph("三、逾期未整改隐患账龄", s.plain)]
    ageing = figures["ageing"]
    story.append(
        table(
            [
                ["逾期天数", *[a["label"] for a in ageing], "合计"],
                ["隐患数", *[str(a["n"]) for a in ageing], str(sum(a["n"] for a in ageing))],
            ],
            [first] + [rest] * 5,
        )
    )
    story += [Spacer(1, 4 * mm), Paragraph("四、重复隐患（按单位）", s.plain)]
    repeats = figures["repeats"]
    if repeats:
        rows = [["被检查单位", "重复隐患", "隐患总数"]] + [
            [cell(r["enterprise"]), str(r["repeats"]), str(r["hazards"])] for r in repeats
        ]
        story.append(table(rows, [WIDTH - 2 * rest, rest, rest]))
    else:
        story.append(Paragraph("无", s.plain))

    demo = is_demo(store)
    when = _pdf_time(made_at or clock.utc_iso())

    def footer(canvas, doc) -> None:
        if demo:
            draw_demo_mark(canvas, font.name)
        if when is not None:  # the real time, not reportlab's fixed 2000-01-01
            stamp = canvas._doc._timeStamp
            stamp.YMDhms, stamp.dhh, stamp.dmm = when
        canvas.saveState()
        canvas.setFont(font.name, 10.5)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=20 * mm,
        invariant=1,
        title=TITLE,
        author=body,
        creator="inspector",
        producer="inspector (reportlab)",
        initialFontName=font.name,
        lang="zh-CN",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
