"""Chinese line breaking (标点禁则) for the documents' paragraphs.

No line starts with closing punctuation or a pause mark (，。、；：！？）》」…) and none ends with
opening punctuation (（《「“). Where the natural break would do either, the break moves earlier and
the characters before it go down to the next line (推出), so no line is wider than the measure and
none is empty; the last characters of a paragraph obey the same rules. A run of Latin letters and
digits (``JGJ 59-2011``, ``TC6013``) is not cut unless it is longer than half a line.

Some words are kept whole as well: an article number (「第二十九条」, 「第（三）项」) always, a title in
guillemets (「《中华人民共和国安全生产法》」) unless that would leave a line less than half full, and
a document number (「（库）应急责改〔2026〕3号」) likewise, and the 「事故隐患：」 that ends a heading
sentence.

reportlab's own CJK wrap only hangs one forbidden character in the margin and never looks at the
paragraph's last character. :func:`install` replaces its two splitters (``wordSplit`` for a
paragraph of one style, ``cjkFragSplit`` for mixed styles and ``<br/>``) for every paragraph with
``wordWrap="CJK"``; all such paragraphs in this program are the documents'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _paragraph
from reportlab.rl_config import _FUZZ

__all__ = ["NO_END", "NO_START", "break_lines", "can_break", "frag_split", "install", "word_split"]

# Closing brackets and quotes, pause and stop marks, 连接号/间隔号, ellipsis and dash, units.
NO_START = frozenset("，。、；：！？）》〉」』】〕〗〙］｝”’％‰…—～·・,.;:!?)]}%°℃′″") | (
    frozenset(ALL_CANNOT_START) - {"'", '"'}
)
# Opening brackets and quotes, and prefixes such as currency signs.
NO_END = frozenset("（《〈「『【〔〖〘［｛“‘([{") | frozenset(ALL_CANNOT_END)
_WORD_JOINERS = frozenset("-‐./_:+#&@%'")
_NUMERAL = "一二三四五六七八九十百千零〇两0-9"
# Kept whole whatever the cost (short): article, paragraph and item numbers; 「隐患：」.
_ALWAYS_WHOLE = re.compile(rf"第(?:[{_NUMERAL}]+|（[{_NUMERAL}]+）)[条款项章节目]|(?:事故)?隐患：")
# Kept whole unless the line before would be less than half full.
_TITLE = re.compile(
    r"《[^《》\n]{1,60}》|（[^（）\n]{1,6}）[^（）〔〕\n]{1,8}〔\d{4}〕\d+号"
)  # and document numbers


def _word(ch: str) -> bool:
    """Part of a Latin word or a number, which is not cut between its characters."""
    return ch in _WORD_JOINERS or (ch.isalnum() and ord(ch) < 0x2E80)


def can_break(before: str, after: str) -> bool:
    """May a line end with ``before`` and the next begin with ``after``?"""
    return before not in NO_END and after not in NO_START and not after.isspace()


def _inside(chars: Sequence[str], pattern: re.Pattern) -> set[int]:
    """Break positions ``b`` (between ``chars[b-1]`` and ``chars[b]``) inside a match of ``pattern``."""
    if not all(len(ch) == 1 for ch in chars):
        return set()
    return {b for m in pattern.finditer("".join(chars)) for b in range(m.start() + 1, m.end())}


def _break_before(
    chars: Sequence[str], start: int, end: int, whole: set[int] = frozenset(), titles: set[int] = frozenset()
) -> int:
    """The break for a line from ``start`` that fits up to ``end`` (``chars[end]`` does not fit)."""
    floor = (start + end) // 2  # keep words and titles whole, but not at the cost of half a line
    for b in range(end, floor, -1):
        if (
            can_break(chars[b - 1], chars[b])
            and b not in whole
            and b not in titles
            and not (_word(chars[b - 1]) and _word(chars[b]))
        ):
            return b
    for b in range(end, start, -1):
        if can_break(chars[b - 1], chars[b]) and b not in whole:
            return b
    for b in range(end, start, -1):
        if can_break(chars[b - 1], chars[b]):
            return b
    return end  # a run of punctuation longer than the line: nothing better exists


def break_lines(chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float]) -> list[int]:
    """Where each line ends (exclusive indices into ``chars``); line k is at most ``max_widths[k]``
    wide (the last entry holds for the rest). Every line has at least one character."""
    n = len(chars)
    last = len(max_widths) - 1
    whole, titles = _inside(chars, _ALWAYS_WHOLE), _inside(chars, _TITLE)
    ends: list[int] = []
    start = 0
    while start < n:
        limit = max_widths[min(len(ends), last)] + _FUZZ
        end, used = start, 0.0
        while end < n and used + widths[end] <= limit:
            used += widths[end]
            end += 1
        if end == start:
            end = start + 1  # a glyph wider than the line stands alone
        if end >= n:
            ends.append(n)
            break
        start = _break_before(chars, start, end, whole, titles)
        ends.append(start)
    return ends


def _visible(chars: Sequence[str], widths: Sequence[float], start: int, end: int) -> float:
    """The width of a line without the spaces it ends with."""
    while end > start and chars[end - 1].isspace():
        end -= 1
    return sum(widths[start:end])


def word_split(word, maxWidths, fontName, fontSize, encoding="utf8"):
    """``reportlab.lib.textsplit.wordSplit``: a one-style paragraph → ``[[extra space, line], …]``."""
    text = word.decode(encoding) if isinstance(word, bytes) else word
    if not isinstance(maxWidths, list | tuple):
        maxWidths = [maxWidths]
    widths = [stringWidth(ch, fontName, fontSize) for ch in text]
    lines, start, last = [], 0, len(maxWidths) - 1
    for k, end in enumerate(break_lines(text, widths, maxWidths)):
        lines.append([maxWidths[min(k, last)] - _visible(text, widths, start, end), text[start:end]])
        start = end
    return lines


def frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """``reportlab.platypus.paragraph.cjkFragSplit``: frags of several styles, ``<br/>`` → lines."""
    glyphs = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        glyphs.extend(
            [_paragraph.cjkU(ch, f, encoding) for ch in text] if text else [_paragraph.cjkU("", f, encoding)]
        )
    widths = []
    for g in glyphs:
        w = g.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidths[0]
            w = w.normalizedValue(maxWidths[0])
        widths.append(w)
    lines, start, n, last = [], 0, len(glyphs), len(maxWidths) - 1
    while start < n:
        stop = start
        while stop < n and not hasattr(glyphs[stop].frag, "lineBreak"):
            stop += 1
        hard = stop < n  # this run ends with a <br/>, which closes its last line
        after = stop + 1 if hard else n
        if hard or sum(widths[start:stop]) > 0:
            rest = maxWidths[min(len(lines), last) :]
            ends = [start + e for e in break_lines(glyphs[start:stop], widths[start:stop], rest)] or [stop]
            ends[-1] = after
            begin = start
            for end in ends:
                max_width = maxWidths[min(len(lines), last)]
                used = _visible(glyphs, widths, begin, end)
                line = _paragraph.makeCJKParaLine(
                    glyphs[begin:end], max_width, used, max_width - used, hard and end == after, calcBounds
                )
                lines.append(line)
                begin = end
        start = after
    return _paragraph.ParaLines(kind=1, lines=lines)


def install() -> None:
    """Make reportlab's CJK paragraphs break lines by these rules (idempotent)."""
    _paragraph.wordSplit = word_split
    _paragraph.cjkFragSplit = frag_split
