"""Content and signatures → PDF bytes, for each kind of document."""

from __future__ import annotations

from collections.abc import Mapping

from inspector.core.documents import measures, notice, recheck, record
from inspector.core.documents.fonts import DocumentFont, FontError, document_font, heading_font
from inspector.core.documents.layout import QrMark, Rendered, Styles, build
from inspector.core.documents.parts import Ctx
from inspector.core.documents.signatures import Signature, collect

STORIES = {
    "record": record.story,
    "notice": notice.story,
    "measures": measures.story,
    "recheck": recheck.story,
}


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _texts(v)]
    return []


def check_glyphs(font: DocumentFont, content: dict, sigs: dict[str, Signature]) -> None:
    """Refuse to print a character the font cannot show (it would come out blank)."""
    text = "".join(_texts(content)) + "".join(s.signer_name + s.witness for s in sigs.values())
    missing = font.covers(text)
    if missing:
        raise FontError(
            f"字体 {font.family}（{font.path}）缺少这些字符：{missing}。"
            "请在办公室设置中指定包含这些字符的中文 TrueType 字体文件。"
        )


def _heading(font: DocumentFont, content: dict) -> DocumentFont:
    """The title's Hei face, when it has every character of the title and the issuing body."""
    heading = heading_font(font)
    title = content.get("title", "") + content.get("office", {}).get("issuing_body", "")
    return heading if not heading.covers(title) else font


def render_detailed(
    content: dict,
    signatures=None,
    qr: QrMark | None = None,
    font: DocumentFont | None = None,
    issued_at: str | None = None,
) -> Rendered:
    """The PDF with where its signature boxes and QR box are (page, points from bottom-left).

    ``issued_at`` (stored UTC ISO-8601) becomes the PDF's creation date."""
    kind = content["kind"]
    if kind not in STORIES:
        raise ValueError(f"未知的文书种类“{kind}”")
    font = font or document_font()
    sigs = collect(signatures)
    check_glyphs(font, content, sigs)
    heading = _heading(font, content)
    ctx = Ctx(content, sigs, Styles(font.name, heading.name))
    story = STORIES[kind](ctx)
    return build(content, story, font, qr, ctx.boxes, issued_at, heading)


def render(
    content: dict,
    signatures=None,
    qr: QrMark | None = None,
    font: DocumentFont | None = None,
    issued_at: str | None = None,
) -> bytes:
    return render_detailed(content, signatures, qr, font, issued_at).pdf
