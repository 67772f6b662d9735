"""Each kind of bad checklist file gets its precise message, loads nothing, and leaves the others loading."""

from __future__ import annotations

import pytest

from inspector.core.checklists import ChecklistError, load_file, load_library
from tests.core.checklist_samples import VALID, variant, write

SECTORS_LIST = (
    "coal_mine（煤矿）、metal_mine（金属非金属矿山）、hazchem（危险化学品）、"
    "construction（建筑施工）、"
    "fire（消防（人员密集场所））、road_transport（道路运输）、pipeline（油气输送管道）、"
    "industry_trade（工贸）、fireworks（烟花爆竹）、city_gas（城镇燃气）、general（综合/专项）"
)
ITEM_FIELDS = "id、content、method、basis、major、measure、photo_required、tags、note"

CASES = {
    "missing field": (
        variant("        method: 现场检测\n", ""),
        ["bad.yaml:22:9: 条目 CM-002：缺少必填字段“method”（检查方法）"],
    ),
    "empty required field": (
        variant("        method: 现场检测\n", "        method:\n"),
        ["bad.yaml:24:16: 条目 CM-002：字段“method”（检查方法）不能为空"],
    ),
    "duplicate item id": (
        variant("      - id: CM-002\n", "      - id: CM-001\n"),
        ["bad.yaml:22:13: 条目 CM-001：条目编号“CM-001”重复（第 17 行已使用）；每个条目的编号必须唯一"],
    ),
    "duplicate source key": (
        variant("  - key: coal-major\n", "  - key: aqf\n"),
        [
            "bad.yaml:11:10: 来源键“aqf”重复（第 8 行已声明）；每个来源只声明一次",
            "bad.yaml:26:22: 条目 CM-002：检查依据引用的来源“coal-major”未在 sources 中声明（已声明：aqf）",
            "bad.yaml:27:25: 条目 CM-002：重大隐患判定依据引用的来源“coal-major”"
            "未在 sources 中声明（已声明：aqf）",
        ],
    ),
    "unknown top-level field": (
        variant("title: 煤矿安全生产检查表\n", "title: 煤矿安全生产检查表\nauthor: 张伟\n"),
        [
            "bad.yaml:4:1: 未知字段“author”；检查表可用的字段："
            "format、id、title、sector、version、effective、description、tags、sources、sections、combined、retired"
        ],
    ),
    "misspelt field": (
        variant("        photo_required: true\n", "        photo: true\n"),
        [
            "bad.yaml:29:9: 条目 CM-002：未知字段“photo”（是不是想写“photo_required”？）；"
            f"检查条目可用的字段：{ITEM_FIELDS}"
        ],
    ),
    "field written in Chinese": (
        variant("        method: 现场检测\n", "        检查方法: 现场检测\n"),
        [
            "bad.yaml:24:9: 条目 CM-002：未知字段“检查方法”（是不是想写“method”？）；"
            f"检查条目可用的字段：{ITEM_FIELDS}",
            "bad.yaml:22:9: 条目 CM-002：缺少必填字段“method”（检查方法）",
        ],
    ),
    "key given twice": (
        variant(
            "        method: 查阅责任制文件及考核记录\n",
            "        method: 查阅责任制文件及考核记录\n        method: 查阅考核记录\n",
        ),
        [
            "bad.yaml:20:9: 条目 CM-001：字段“method”在同一处写了两次（另一次在第 19 行）："
            "YAML 只会保留后一个，前一个的内容会丢失；请合并或删去其一"
        ],
    ),
    "top-level key given twice": (
        variant('version: "2026.1"\n', 'version: "2026.1"\nversion: "2026.2"\n'),
        [
            "bad.yaml:6:1: 字段“version”在同一处写了两次（另一次在第 5 行）："
            "YAML 只会保留后一个，前一个的内容会丢失；请合并或删去其一"
        ],
    ),
    "bad limit: min above max": (
        variant("max: 1.0}", "min: 5, max: 1.0}"),
        ["bad.yaml:28:18: 条目 CM-002：测量限值有误：下限 min（5）大于上限 max（1.0）"],
    ),
    "bad limit: none given": (
        variant('{name: 甲烷浓度, unit: "%", max: 1.0}', '{name: 甲烷浓度, unit: "%"}'),
        [
            "bad.yaml:28:18: 条目 CM-002：测量项至少要写 min（下限）或 max（上限）之一，"
            '如 {name: 甲烷浓度, unit: "%", max: 1.0}'
        ],
    ),
    "bad limit: not a number": (
        variant("max: 1.0}", 'max: "≤1.0"}'),
        ["bad.yaml:28:47: 条目 CM-002：“max”（上限）应为数字，实际是文本“≤1.0”；只写数字，如 max: 1.0"],
    ),
    "bad limit: not finite": (
        variant("max: 1.0}", "max: .nan}"),
        ["bad.yaml:28:47: 条目 CM-002：“max”（上限）应为有限的数字，实际是 .nan"],
    ),
    "unknown sector given in Chinese": (
        variant("sector: coal_mine", "sector: 煤矿"),
        [f"bad.yaml:4:9: 未知行业“煤矿”（是不是想写“coal_mine”？）；行业应为以下之一：{SECTORS_LIST}"],
    ),
    "unknown sector": (
        variant("sector: coal_mine", "sector: mining"),
        [f"bad.yaml:4:9: 未知行业“mining”；行业应为以下之一：{SECTORS_LIST}"],
    ),
    "malformed basis: plain text": (
        variant(
            "        basis:\n          - {source: aqf, clause: 第四条}\n",
            "        basis: 《中华人民共和国安全生产法》第四条\n",
        ),
        [
            "bad.yaml:20:16: 条目 CM-001：检查依据（basis）应为列表（每项以“- ”开头），"
            "实际是文本“《中华人民共和国安全生产法》第四条”；"
            "例如：- {source: aqf, clause: 第四十一条}（source 是 sources 中声明的来源键）"
        ],
    ),
    "malformed basis: one mapping, not a list": (
        variant(
            "        basis:\n          - {source: aqf, clause: 第四条}\n",
            "        basis: {source: aqf, clause: 第四条}\n",
        ),
        [
            "bad.yaml:20:16: 条目 CM-001：检查依据应为列表：即使只有一条，"
            "也要写成 - {source: aqf, clause: 第四十一条}"
        ],
    ),
    "malformed basis: undeclared source": (
        variant("{source: aqf, clause: 第四条}", "{source: aqf2, clause: 第四条}"),
        [
            "bad.yaml:21:22: 条目 CM-001：检查依据引用的来源“aqf2”（是不是想写“aqf”？）未在 sources 中声明"
            "（已声明：aqf、coal-major）"
        ],
    ),
    "malformed basis: no clause": (
        variant("{source: aqf, clause: 第四条}", "{source: aqf}"),
        ["bad.yaml:21:13: 条目 CM-001：缺少必填字段“clause”（条款）"],
    ),
    "malformed basis: empty": (
        variant("          - {source: aqf, clause: 第四条}\n", ""),
        [
            "bad.yaml:20:15: 条目 CM-001：检查依据（basis）不能为空，至少要有一项；"
            "例如：- {source: aqf, clause: 第四十一条}（source 是 sources 中声明的来源键）"
        ],
    ),
    "malformed major: a list": (
        variant(
            "major: {source: coal-major, clause: 第三条第（二）项}",
            "major: [{source: coal-major, clause: 第三条第（二）项}]",
        ),
        [
            "bad.yaml:27:16: 条目 CM-002：重大隐患判定依据应写成一条 {source: aqf, clause: 第四十一条}，"
            "实际是列表"
        ],
    ),
    "newer format version": (
        variant("format: 1", "format: 2"),
        [
            "bad.yaml:1:9: 不支持的格式版本 format: 2，本程序只能读取 format: 1："
            "此文件是为更新版本的程序编写的，请升级程序"
        ],
    ),
    "format version quoted": (
        variant("format: 1", 'format: "1"'),
        ["bad.yaml:1:9: 格式版本应写成整数 format: 1（不加引号），实际是文本“1”"],
    ),
    "format version missing": (
        variant("format: 1\n", ""),
        ["bad.yaml:1:1: 缺少必填字段“format”（格式版本）"],
    ),
    "bad checklist id": (
        variant("id: coal-mine", "id: Coal Mine"),
        ["bad.yaml:2:5: 检查表编号“Coal Mine”不合规则：只能用小写字母、数字和“-”，以字母或数字开头"],
    ),
    "bad version": (
        variant('version: "2026.1"', 'version: "2026 春"'),
        ['bad.yaml:5:10: 版本“2026 春”应为以点分隔的数字，如 version: "2026.1"'],
    ),
    "impossible date": (
        variant("effective: 2026-01-01", "effective: 2026-02-30"),
        ["bad.yaml:6:12: 日期“2026-02-30”不存在，请检查年、月、日"],
    ),
    "photo_required not a boolean": (
        variant("photo_required: true", "photo_required: 是"),
        [
            "bad.yaml:29:25: 条目 CM-002：字段“photo_required”（不合格须拍照）应为 true 或 false，"
            "实际是文本“是”"
        ],
    ),
    "tags not a list": (
        variant("tags: [复工复产]", "tags: 复工复产"),
        [
            "bad.yaml:30:15: 条目 CM-002：字段“tags”（标签）应为列表，如 [复工复产, 汛期]，"
            "实际是文本“复工复产”"
        ],
    ),
    "section without items": (
        VALID + "  - id: S02\n    title: 通风\n    items: []\n",
        ["bad.yaml:33:12: 分节 S02 的条目（items）至少要有一项"],
    ),
    "not YAML: bad indentation": (
        variant("        method: 现场检测\n", "       method: 现场检测\n"),
        [
            "bad.yaml:24:8: 不是有效的 YAML：缩进不一致：此处应是与上文对齐的列表项“- ”"
            "（while parsing a block collection did not find expected '-' indicator）"
        ],
    ),
    "not YAML: unclosed quote": (
        variant("content: 回风巷甲烷浓度是否超限", 'content: "回风巷甲烷浓度是否超限'),
        [
            "bad.yaml:28:38: 不是有效的 YAML：此处的字符不能作为值的开头（如 @、`、%）；请给这段文本加引号"
            "（while scanning for the next token found character that cannot start any token）"
            "；请检查第 23 行的引号是否成对"
        ],
    ),
    "not YAML: a tab": (
        variant("        content: 回风巷", "\tcontent: 回风巷"),
        [
            "bad.yaml:23:1: 不是有效的 YAML：此处有制表符（Tab），YAML 的缩进只能用空格"
            "（while scanning a plain scalar found a tab character that violates indentation）"
        ],
    ),
    "not YAML: colon in text": (
        variant("content: 回风巷甲烷浓度是否超限", "content: 注意: 回风巷甲烷浓度是否超限"),
        [
            "bad.yaml:23:20: 不是有效的 YAML：此处不能出现“: ”（英文冒号加空格）；文本里有“: ”时请给整段加引号"
            "（mapping values are not allowed in this context）"
        ],
    ),
    "not YAML: two documents": (
        VALID + "---\n" + VALID,
        [
            "bad.yaml:31:1: 不是有效的 YAML：一个文件只能写一个检查表（不要用 --- 分隔多个文档）"
            "（expected a single document in the stream but found another document）"
        ],
    ),
    "not YAML at all: prose": (
        "这是我们局的检查表，请查收。\n",
        [
            "bad.yaml:1:1: 文件顶层应为“键: 值”映射（format、id、title …），"
            "实际是文本“这是我们局的检查表，请查收。”：这不像是检查表文件"
        ],
    ),
    "not YAML at all: a list": (
        "- 检查内容一\n- 检查内容二\n",
        ["bad.yaml:1:1: 文件顶层应为“键: 值”映射（format、id、title …），实际是列表：这不像是检查表文件"],
    ),
    "empty file": (
        "",
        ["bad.yaml:1:1: 文件是空的：检查表文件应以 format: 1 开头"],
    ),
    "not UTF-8 (GBK)": (
        VALID.encode("gb18030"),
        [
            "bad.yaml:3:9: 文件不是 UTF-8 编码（第 34 个字节 0xBF 无法识别）："
            "看起来是 GBK/GB18030 编码（记事本、WPS 的“ANSI”）；请用编辑器另存为 UTF-8"
        ],
    ),
    "not UTF-8 (binary)": (
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe\x00\x00",
        [
            "bad.yaml:1:15: 文件不是 UTF-8 编码（第 15 个字节 0xFF 无法识别）："
            "这似乎是二进制文件（如 Word、Excel 或图片），不是文本；请用编辑器另存为 UTF-8"
        ],
    ),
}


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages then name files as an author sees them: bad.yaml:…
    return tmp_path


def test_the_sample_itself_is_valid(here):
    checklist = load_file(write(here, "good.yaml", VALID))
    assert [item.id for item in checklist.items] == ["CM-001", "CM-002"]


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_file_gets_its_precise_message(here, case):
    content, expected = CASES[case]
    path = write(here, "bad.yaml", content)
    with pytest.raises(ChecklistError) as caught:
        load_file(path)
    assert [str(issue) for issue in caught.value.issues] == expected
    assert str(caught.value) == "\n".join(expected)


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_file_loads_nothing_and_others_still_load(here, case):
    content, expected = CASES[case]
    folder = here / "checklists"
    write(folder, "a-good.yaml", VALID.replace("id: coal-mine", "id: first"))
    bad = write(folder, "bad.yaml", content)
    write(folder, "z-good.yaml", VALID.replace("id: coal-mine", "id: last"))
    library = load_library(folder, None)
    assert [c.id for c in library.checklists] == ["first", "last"]
    assert [(path, [str(i) for i in issues]) for path, issues in library.rejected] == [
        (bad, [line.replace("bad.yaml", "checklists/bad.yaml", 1) for line in expected])
    ]


def test_an_issue_names_the_item_and_its_position(here):
    path = write(here, "bad.yaml", variant("        method: 现场检测\n", ""))
    with pytest.raises(ChecklistError) as caught:
        load_file(path)
    (issue,) = caught.value.issues
    assert (issue.path, issue.line, issue.column, issue.item_id) == ("bad.yaml", 22, 9, "CM-002")
    assert issue.message == "缺少必填字段“method”（检查方法）"


def test_every_problem_of_a_file_is_reported_at_once(here):
    text = variant("        method: 现场检测\n", "")
    text = variant("sector: coal_mine", "sector: mining", text)
    text = variant("{source: aqf, clause: 第四条}", "{source: aqf2, clause: 第四条}", text)
    with pytest.raises(ChecklistError) as caught:
        load_file(write(here, "bad.yaml", text))
    assert [(i.line, i.item_id) for i in caught.value.issues] == [(4, None), (21, "CM-001"), (22, "CM-002")]


def test_a_file_that_cannot_be_read(here):
    with pytest.raises(ChecklistError) as caught:
        load_file(here / "missing.yaml")
    (issue,) = caught.value.issues
    assert issue.path == "missing.yaml" and issue.line == 0
    assert str(issue).startswith("missing.yaml: 无法读取文件：")


def test_text_fields_keep_what_was_written(here):
    """Unquoted numbers stay the text the author wrote: 2026.10 is not 2026.1, 2021 is "2021"."""
    text = variant('version: "2026.1"', "version: 2026.10")
    text = variant("    number: 主席令第88号\n", "    number: 主席令第88号\n    edition: 2021\n", text)
    checklist = load_file(write(here, "ok.yaml", text))
    assert checklist.version == "2026.10"
    assert checklist.sources["aqf"].edition == "2021"


def test_yaml_conveniences_still_work(here):
    """Block text, comments, quoted dates and a UTF-8 BOM are all fine."""
    text = variant(
        "        content: 是否建立健全全员安全生产责任制\n",
        "        content: |\n          是否建立健全\n          全员安全生产责任制   # not a comment\n",
    )
    text = variant("effective: 2026-01-01", 'effective: "2026-01-01"  # quoted', text)
    checklist = load_file(write(here, "ok.yaml", b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert checklist.item("CM-001").content == "是否建立健全\n全员安全生产责任制   # not a comment"
    assert checklist.effective.isoformat() == "2026-01-01"
