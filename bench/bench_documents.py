"""Rendering a 20-problem notice (three handwritten signatures, the QR) vs a minimal reportlab page set
of the same text in the same embedded font, drawn line by line on a bare canvas."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from bench._harness import Result, compare
from inspector.core.documents import QrMark, document_font, render_detailed
from inspector.core.documents.content import problem_text
from inspector.core.documents.layout import DUPLICATE_LINE
from inspector.core.documents.notice import deadline_sentence
from inspector.core.documents.parts import appeal_text
from inspector.core.documents.samples import sample_content, sample_signatures
from inspector.core.signing import qr_drawing

PAYLOAD = "INSP1|（库）应急责改〔2026〕17号|" + "A" * 43 + "|0123456789abcdef|" + "B" * 86


def _lines(content: dict) -> list[str]:
    """The notice's whole text as the baseline draws it: each paragraph cut into 38-character lines."""
    people = content["inspectors"]
    paragraphs = [
        "安全生产行政执法文书",
        content["title"],
        content["office"]["issuing_body"],
        content["number"]["text"],
        content["enterprise"]["name"] + "（被检查单位）：",
        "经查，你单位存在下列问题：",
        *(f"{p['n']}．{problem_text(p)}。" for p in content["problems"]),
        f"其中重大事故隐患{content['major_count']}项。",
        "（此栏不够，可另附页）",
        deadline_sentence(content["deadline_groups"]) + "达到有关法律法规规章和标准规定的要求。"
        "由此造成事故的，依法追究有关人员的责任。",
        "整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。",
        appeal_text(content, "指令"),
        *(f"安全生产监管行政执法人员（签名）：{p['name']}　证号：{p['cert_no']}" for p in people),
        "被检查单位负责人（签名）：陈晓东",
        "应急管理部门（印章）",
        "2026年3月1日",
    ]
    return [p[i : i + 38] for p in paragraphs for i in range(0, len(p), 38)]


def run() -> list[Result]:
    font = document_font()
    content = sample_content("notice", 20)
    signatures = sample_signatures()
    qr = QrMark(qr_drawing(PAYLOAD), "核验码：7Q2K-M9XD-41TB-HC0R", PAYLOAD)
    pages = render_detailed(content, signatures, qr, font).pages
    lines = _lines(content)
    per_page = -(-len(lines) // pages)

    def candidate():
        return render_detailed(content, signatures, qr, font).pdf

    def baseline():
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=font.name)
        for start in range(0, len(lines), per_page):
            canvas.setFont(font.name, 12)
            for row, line in enumerate(lines[start : start + per_page]):
                canvas.drawString(62, 780 - row * 20, line)
            canvas.drawString(62, 54, DUPLICATE_LINE)
            canvas.drawRightString(533, 54, f"共 {pages} 页 第 {start // per_page + 1} 页")
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    return [
        compare(
            f"render a 20-problem notice ({pages} pages, 3 signatures, QR) vs bare canvas, same font",
            candidate,
            baseline,
            goal=2.0,
            rounds=7,
        )
    ]
