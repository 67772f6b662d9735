"""Chinese line breaking (标点禁则) in the documents: no line starts with closing punctuation or a pause
mark, none ends with opening punctuation, no line is wider than the measure or empty, no text is lost;
checked on the line breaker, on reportlab paragraphs in the documents' styles, and on rendered PDFs."""

from __future__ import annotations

import subprocess

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from inspector.core.documents import document_font, render
from inspector.core.documents.layout import WIDTH, Styles, esc
from inspector.core.documents.linebreak import NO_END, NO_START, break_lines
from inspector.core.documents.samples import sample_content, sample_signatures
from tests.core.test_documents_support import needs_poppler

# The rules as the brief states them, independent of the module's tables.
NOT_FIRST = "，。、；：！？）》〉」』】〕〗”’％…—·"
NOT_LAST = "（《〈「『【〔〖“‘"

MEASURES_SENTENCE = "本机关于2026年11月23日现场检查时，发现你单位有下列违法违规行为和事故隐患："
BASIS_SENTENCE = (
    "1．3号楼外脚手架（12～15层）：连墙件整层缺失2处，违反《建筑施工安全检查标准》（JGJ 59-2011）3.3。"
)
REAL = [
    MEASURES_SENTENCE,
    BASIS_SENTENCE,
    "2．塔吊TC6013起重力矩限制器失效，未经检测继续使用，违反《建筑施工安全检查标准》（JGJ 59-2011）3.16；"
    "《建筑施工塔式起重机安装、使用、拆卸安全技术规程》（JGJ 196-2010）安全装置有关条款。",
]

CJK = "安全生产检查标准违反规定事故隐患整改责令单位现场"
chars = st.one_of(
    st.sampled_from(CJK),
    st.sampled_from(CJK),
    st.sampled_from(CJK),
    st.sampled_from("0123456789"),
    st.sampled_from("JGTCab-"),
    st.sampled_from(NOT_FIRST),
    st.sampled_from(NOT_LAST),
)
texts = st.lists(chars, min_size=1, max_size=160).map("".join)

FONT = document_font()
STYLES = Styles(FONT.name)


def allowed(before: str, after: str) -> bool:
    return before not in NOT_LAST and after not in NOT_FIRST and not after.isspace()


def clusters_fit(text: str, width_of, narrowest: float) -> bool:
    """Every stretch the rules forbid breaking inside fits on the narrowest line: then a breaker that
    keeps the rules never needs to overflow or give in."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or allowed(text[i - 1], text[i]):
            if width_of(text[start:i]) > narrowest + 1e-6:
                return False
            start = i
    return True


def assert_kept(lines: list[str], text: str) -> None:
    assert "".join(lines) == text, "text lost or reordered"
    assert all(lines), "an empty line"
    for n, line in enumerate(lines):
        if n:
            assert line[0] not in NOT_FIRST, f"line {n + 1} starts with {line[0]!r}: {lines}"
        if n < len(lines) - 1:
            assert line[-1] not in NOT_LAST, f"line {n + 1} ends with {line[-1]!r}: {lines}"


def toy_width(s: str) -> float:
    return sum(12.0 if ord(ch) > 0x2000 else 6.5 for ch in s)


def split_at(text: str, ends: list[int]) -> list[str]:
    return [text[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]


def test_the_rules_cover_the_brief():
    assert set(NOT_FIRST) <= NO_START
    assert set(NOT_LAST) <= NO_END


# -- the breaker ----------------------------------------------------------------------------------


@given(texts, st.lists(st.floats(12, 400), min_size=1, max_size=3))
def test_any_text_is_kept_whole_and_every_line_has_a_character(text, max_widths):
    lines = split_at(text, break_lines(text, [toy_width(ch) for ch in text], max_widths))
    assert "".join(lines) == text
    assert all(lines)


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(texts, st.lists(st.floats(40, 400), min_size=1, max_size=3))
def test_breaker_keeps_the_rules_and_the_measure(text, max_widths):
    assume(clusters_fit(text, toy_width, min(max_widths)))
    lines = split_at(text, break_lines(text, [toy_width(ch) for ch in text], max_widths))
    assert_kept(lines, text)
    for n, line in enumerate(lines):
        assert toy_width(line) <= max_widths[min(n, len(max_widths) - 1)] + 1e-6


@pytest.mark.parametrize("text", [*REAL, "事故隐患：", "（《标准》）", "检查。。。。", "字" * 40 + "》"])
@pytest.mark.parametrize("width", [13, 25, 37, 61, 100, 240, 400])
def test_breaker_on_fixed_texts(text, width):
    widths = [toy_width(ch) for ch in text]
    if clusters_fit(text, toy_width, width):
        assert_kept(split_at(text, break_lines(text, widths, [width])), text)


def test_a_lone_last_mark_pulls_the_character_before_it_down():
    text = "字" * 10 + "："
    assert split_at(text, break_lines(text, [12.0] * 11, [120])) == ["字" * 9, "字："]


def test_a_latin_run_is_not_cut_when_it_fits_on_the_next_line():
    text = "字" * 8 + "JGJ59"
    lines = split_at(text, break_lines(text, [toy_width(ch) for ch in text], [120]))
    assert lines == ["字" * 8, "JGJ59"]


# -- reportlab paragraphs in the documents' styles ---------------------------------------------------


def paragraph_lines(p: Paragraph, width: float) -> list[str]:
    p.wrap(width, 10_000)
    para = p.blPara
    if para.kind == 0:
        assert all(extra >= -1e-6 for extra, _ in para.lines), "a line wider than the measure"
        return ["".join(words) for _, words in para.lines]
    assert all(line.extraSpace >= -1e-6 for line in para.lines), "a line wider than the measure"
    return ["".join(f.text for f in line.words) for line in para.lines]


def font_width(size: float):
    return lambda s: stringWidth(s, FONT.name, size)


@pytest.mark.parametrize("text", REAL, ids=["measures-opening", "basis", "two-bases"])
def test_the_real_sentences_at_every_width(text):
    for width in range(40, 520, 3):
        for style in (STYLES.body, STYLES.plain, STYLES.small):
            narrowest = width - style.firstLineIndent
            if clusters_fit(text, font_width(style.fontSize), narrowest):
                assert_kept(paragraph_lines(Paragraph(esc(text), style), width), text)


def test_the_measures_sentence_on_the_page():
    lines = paragraph_lines(Paragraph(esc(MEASURES_SENTENCE), STYLES.body), WIDTH)
    assert_kept(lines, MEASURES_SENTENCE)
    assert len(lines[-1]) >= 2


@settings(max_examples=150, suppress_health_check=[HealthCheck.filter_too_much])
@given(texts, st.floats(60, 500), st.sampled_from(["body", "plain", "small", "right", "number"]))
def test_one_style_paragraphs(text, width, style_name):
    style = getattr(STYLES, style_name)
    assume(clusters_fit(text, font_width(style.fontSize), width - style.firstLineIndent))
    assert_kept(paragraph_lines(Paragraph(esc(text), style), width), text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.filter_too_much])
@given(texts, st.integers(0, 160), st.floats(60, 500))
def test_mixed_style_paragraphs(text, cut, width):
    """An underlined name then plain text (the addressee line) goes through reportlab's other path."""
    cut = min(cut, len(text))
    assume(clusters_fit(text, font_width(12), width - STYLES.body.firstLineIndent))
    markup = f"<u>{esc(text[:cut])}</u>{esc(text[cut:])}"
    assert_kept(paragraph_lines(Paragraph(markup, STYLES.body), width), text)


@settings(max_examples=80, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(texts, min_size=1, max_size=3), st.floats(60, 500))
def test_explicit_line_breaks_are_kept(parts, width):
    assume(all(clusters_fit(t, font_width(12), width - STYLES.body.firstLineIndent) for t in parts))
    lines = paragraph_lines(Paragraph("<br/>".join(esc(t) for t in parts), STYLES.body), width)
    for part in parts:  # each part takes whole lines of its own
        taken, at = [], 0
        while at < len(part):
            taken.append(lines.pop(0))
            at += len(taken[-1])
        assert_kept(taken, part)
    assert not lines


# -- rendered documents --------------------------------------------------------------------------


def demo_like(kind: str) -> dict:
    """The demo's 新疆 inspection's problems, whose lines used to start with ： and 》."""
    content = sample_content(kind, 5 if kind == "measures" else 2)  # measures: the 2 urgent of 5
    content["checked_on"] = "2026-11-23"
    problems = [
        ("3号楼外脚手架（12～15层）", "连墙件整层缺失2处", "《建筑施工安全检查标准》（JGJ 59-2011）3.3"),
        (
            "塔吊TC6013",
            "起重力矩限制器失效，未经检测继续使用",
            "《建筑施工安全检查标准》（JGJ 59-2011）3.16；"
            "《建筑施工塔式起重机安装、使用、拆卸安全技术规程》（JGJ 196-2010）安全装置有关条款",
        ),
    ]
    for p, (spot, description, basis) in zip(content["problems"], problems, strict=True):
        p.update(spot=spot, description=description, basis=basis)
    return content


def layout_lines(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return [line.strip() for page in out.stdout.decode("utf-8").split("\f") for line in page.splitlines()]


@needs_poppler
@pytest.mark.parametrize(
    "content",
    [demo_like("measures"), demo_like("notice"), sample_content("notice", 20), sample_content("record", 12)],
    ids=["measures", "notice", "notice-20", "record-12"],
)
def test_rendered_documents_keep_the_rules(content, tmp_path):
    pdf = render(content, sample_signatures())
    lines = [line for line in layout_lines(pdf, tmp_path) if line]
    assert lines
    for line in lines:
        assert line[0] not in NOT_FIRST, f"a line starts with {line[0]!r}: {line}"
        assert line[-1] not in NOT_LAST, f"a line ends with {line[-1]!r}: {line}"
    text = "".join("".join(line.split()) for line in lines)
    if content["kind"] == "measures":
        assert "".join(MEASURES_SENTENCE.split()) in text
        judged = BASIS_SENTENCE.removesuffix("。") + "，判定为重大事故隐患。"  # the demo's items are major
        assert "".join(judged.split()) in text
    assert render(content, sample_signatures()) == pdf  # deterministic


ARTICLES = ["第二十九条", "第十三条", "第（三）项", "第一百零二条", "第3款"]
TITLES = ["《中华人民共和国安全生产法》", "《危险化学品安全管理条例》", "《工贸企业粉尘防爆安全规定》"]


@settings(max_examples=200, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.integers(0, 40), st.sampled_from(ARTICLES), st.sampled_from(TITLES), st.floats(200, 460))
def test_article_numbers_and_titles_are_never_split(prefix, article, title, width):
    """Wherever a line would end, 「第二十九条」 and 《…》 stay on one line (a title may only be cut
    when keeping it whole would leave the line before it less than half full)."""
    text = "安全" * (prefix // 2) + "违反" + title + article + "的规定，责令限期改正" + "隐患：" + "整改"
    lines = paragraph_lines(Paragraph(esc(text), STYLES.body), width)
    assert "".join(lines) == text
    for cut in range(1, len(lines)):
        joint = "".join(lines[:cut])
        assert not any(joint.endswith(article[:k]) for k in range(1, len(article))), lines
        assert not joint.endswith("隐患"), lines
        inside_title = joint.count("《") > joint.count("》")
        if inside_title:  # allowed only where the title could not fit after half a line
            assert stringWidth(title, FONT.name, 12) > width / 2 - 24, lines


def test_the_real_notice_lines_keep_articles_and_titles_whole():
    text = "2．配电室动火作业未办理作业票，违反《中华人民共和国安全生产法》第三十条。"
    for width in range(240, 470, 7):
        lines = paragraph_lines(Paragraph(esc(text), STYLES.body), width)
        for line in lines[1:]:
            assert not line.startswith(("十条", "条", "法》", "》")), (width, lines)


def test_a_document_number_and_the_heading_colon_stay_whole():
    text = "本机关于2026年1月10日作出了责令限期整改的决定[（库）应急责改〔2026〕3号]，经对你单位整改情况进行复查，提出如下意见："
    heading = "本机关于2026年11月24日现场检查时，发现你单位有下列违法违规行为和事故隐患："
    for width in range(260, 470, 5):
        lines = paragraph_lines(Paragraph(esc(text), STYLES.body), width)
        assert any("（库）应急责改〔2026〕3号" in line for line in lines), (width, lines)
        lines = paragraph_lines(Paragraph(esc(heading), STYLES.body), width)
        assert any("事故隐患：" in line for line in lines), (width, lines)
