"""Check a composed checklist file and build the :class:`Checklist`, or say everything that is wrong.

The walk visits each node once, so validating costs about what ``yaml.load`` would spend constructing
the same data. Every issue carries the line and column of the node it is about, and the item id when
it is about an item. The field tables here are the file format described in ``checklists/README.md``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from inspector.core import sectors
from inspector.core.checklists import withdrawn
from inspector.core.checklists.citations import is_article_level
from inspector.core.checklists.errors import ChecklistError
from inspector.core.checklists.loader import compose, scalar_value
from inspector.core.checklists.model import Basis, Checklist, Combined, Item, Measure, Section, Source
from inspector.core.checklists.nodes import INT, NULL, NodeReader, is_null, kind, suggest

FORMAT_VERSION = 1
CHECKLIST_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ITEM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
VERSION = re.compile(r"^[0-9]+(?:\.[0-9]+)*$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
MAX_ISSUES = 200

# field → its Chinese name, in the order the README lists them
TOP = {
    "format": "格式版本",
    "id": "检查表编号",
    "title": "检查表名称",
    "sector": "行业",
    "version": "版本",
    "effective": "施行日期",
    "description": "说明",
    "tags": "标签",
    "sources": "依据来源",
    "sections": "分节",
    "combined": "综合判定",
    "retired": "已停用的条目编号",
}
TOP_REQUIRED = ("format", "id", "title", "sector", "version", "effective", "sources", "sections")
SOURCE = {
    "key": "来源键",
    "title": "法规或标准名称",
    "number": "文号或标准号",
    "edition": "版本年份",
    "note": "备注",
}
SECTION = {"id": "分节编号", "title": "分节标题", "items": "检查条目"}
ITEM = {
    "id": "条目编号",
    "content": "检查内容",
    "method": "检查方法",
    "basis": "检查依据",
    "major": "重大隐患判定依据",
    "measure": "测量",
    "photo_required": "不合格须拍照",
    "tags": "标签",
    "note": "备注",
}
ITEM_REQUIRED = ("id", "content", "method", "basis")
CITATION = {"source": "来源键", "clause": "条款"}
COMBINED = {
    "id": "综合判定编号",
    "title": "综合判定名称",
    "basis": "判定依据",
    "needed": "构成重大隐患的项数",
    "items": "判定要素条目",
}
MEASURE = {"name": "测量项目", "unit": "单位", "min": "下限", "max": "上限"}
CITATION_EXAMPLE = "{source: aqf, clause: 第四十一条}"


def parse(data: bytes, path: str, origin: Path | None = None) -> Checklist:
    """A checklist from a file's bytes; ``ChecklistError`` with every issue when it is not valid."""
    node, issues = compose(data, path)
    if issues:
        raise ChecklistError(issues)
    return checklist_from_node(node, path, origin)


def checklist_from_node(root: Node, path: str, origin: Path | None = None) -> Checklist:
    walk = _Walk(path)
    checklist = walk.checklist(root, origin)
    if walk.issues or checklist is None:
        raise ChecklistError(walk.issues[:MAX_ISSUES])
    return checklist


class _Walk(NodeReader):
    def __init__(self, path: str):
        super().__init__(path)
        self.sources: dict[str, Source] = {}

    def checklist(self, root: Node, origin: Path | None) -> Checklist | None:
        if not isinstance(root, MappingNode):
            self.add(
                root,
                f"文件顶层应为“键: 值”映射（format、id、title …），实际是{kind(root)}：这不像是检查表文件",
            )
            return None
        top = self.mapping(root, TOP, TOP_REQUIRED, "检查表")
        if not self.format_ok(top.get("format")):
            return None  # a layout we do not know: its other fields would only give misleading messages
        checklist_id = self.identifier(
            top, "id", TOP, CHECKLIST_ID, "只能用小写字母、数字和“-”，以字母或数字开头"
        )
        title = self.text(top, "title", TOP)
        sector = self.sector(top.get("sector"))
        version = self.text(top, "version", TOP)
        if version and not VERSION.match(version):
            self.add(top["version"], f'版本“{version}”应为以点分隔的数字，如 version: "2026.1"')
        effective = self.date(top.get("effective"))
        description = self.text(top, "description", TOP, empty_ok=True)
        tags = self.texts(top, "tags", TOP)
        self.sources = self.source_list(top.get("sources"))
        sections = self.section_list(top.get("sections"))
        combined = self.combined_list(top.get("combined"), sections)
        self.retired(top.get("retired"), sections)
        if self.issues:
            return None
        return Checklist(
            id=checklist_id,
            title=title,
            sector=sector,
            version=version,
            effective=effective,
            description=description,
            tags=tags,
            sources=self.sources,
            sections=sections,
            combined=combined,
            path=origin,
        )

    def format_ok(self, node: Node | None) -> bool:
        if node is None:
            return False  # reported as a missing field
        if not (isinstance(node, ScalarNode) and node.tag == INT):
            self.add(node, f"格式版本应写成整数 format: {FORMAT_VERSION}（不加引号），实际是{kind(node)}")
            return False
        value = scalar_value(node)
        if value != FORMAT_VERSION:
            newer = "：此文件是为更新版本的程序编写的，请升级程序" if value > FORMAT_VERSION else ""
            self.add(
                node, f"不支持的格式版本 format: {value}，本程序只能读取 format: {FORMAT_VERSION}{newer}"
            )
            return False
        return True

    def sector(self, node: Node | None) -> str:
        value = self.text({"sector": node} if node else {}, "sector", TOP)
        if value and value not in sectors.SECTORS:
            guess = sectors.from_text(value)
            hint = f"（是不是想写“{guess}”？）" if guess else ""
            known = "、".join(f"{key}（{name}）" for key, name in sectors.SECTORS.items())
            self.add(node, f"未知行业“{value}”{hint}；行业应为以下之一：{known}")
        return value

    def date(self, node: Node | None) -> date:
        if node is None:
            return date.min
        found = _DATE.match(node.value) if isinstance(node, ScalarNode) else None
        if found:
            try:
                return date(*(int(part) for part in found.groups()))
            except ValueError:
                self.add(node, f"日期“{node.value}”不存在，请检查年、月、日")
                return date.min
        self.add(node, f"施行日期应写成 YYYY-MM-DD，如 effective: 2026-01-01，实际是{kind(node)}")
        return date.min

    def source_list(self, node: Node | None) -> dict[str, Source]:
        found: dict[str, Source] = {}
        lines: dict[str, int] = {}
        example = "- {key: aqf, title: 中华人民共和国安全生产法}"
        for entry in self.sequence(node, "依据来源（sources）", example):
            fields = self.mapping(entry, SOURCE, ("key", "title"), "依据来源")
            if fields is None:
                continue
            key = self.text(fields, "key", SOURCE)
            title = self.text(fields, "title", SOURCE)
            optional = [self.text(fields, f, SOURCE, empty_ok=True) for f in ("number", "edition", "note")]
            replaced = withdrawn.replacement(optional[0])
            if replaced:
                self.add(
                    fields["number"],
                    f"《{title}》{optional[0].strip()} 已废止，自 {replaced[1]} 起由 {replaced[0]} 代替："
                    "请改引现行版本并核对条款号",
                )
            if key in lines:
                self.add(fields["key"], f"来源键“{key}”重复（第 {lines[key]} 行已声明）；每个来源只声明一次")
            elif key:
                lines[key] = fields["key"].start_mark.line + 1
                found[key] = Source(key, title, *optional)
        return found

    def section_list(self, node: Node | None) -> tuple[Section, ...]:
        sections = []
        section_lines: dict[str, int] = {}
        item_lines: dict[str, int] = {}
        for entry in self.sequence(node, "分节（sections）", "- {id: S01, title: 安全管理, items: […]}"):
            fields = self.mapping(entry, SECTION, ("id", "title", "items"), "分节")
            if fields is None:
                continue
            section_id = self.text(fields, "id", SECTION)
            title = self.text(fields, "title", SECTION)
            if section_id in section_lines:
                first = section_lines[section_id]
                self.add(fields["id"], f"分节编号“{section_id}”重复（第 {first} 行已使用）")
            elif section_id:
                section_lines[section_id] = fields["id"].start_mark.line + 1
            nodes = self.sequence(fields.get("items"), f"分节 {section_id} 的条目（items）", "- id: X-001 …")
            items = [self.item(n, section_id, title, item_lines) for n in nodes]
            sections.append(Section(section_id, title, tuple(i for i in items if i is not None)))
        return tuple(sections)

    def item(self, node: Node, section_id: str, section_title: str, lines: dict[str, int]) -> Item | None:
        self.item_id = _peek_id(node)  # so that even "missing field" names the item
        count = len(self.issues)
        fields = self.mapping(node, ITEM, ITEM_REQUIRED, "检查条目")
        if fields is None:
            self.item_id = None
            return None
        item_id = self.identifier(fields, "id", ITEM, ITEM_ID, "用字母、数字和“-”“_”“.”，以字母或数字开头")
        if item_id in lines:
            self.add(
                fields["id"],
                f"条目编号“{item_id}”重复（第 {lines[item_id]} 行已使用）；每个条目的编号必须唯一",
            )
        elif item_id:
            lines[item_id] = fields["id"].start_mark.line + 1
        item = Item(
            id=item_id,
            section_id=section_id,
            section_title=section_title,
            content=self.text(fields, "content", ITEM),
            method=self.text(fields, "method", ITEM),
            basis=self.basis(fields.get("basis")),
            major=self.major(fields.get("major")),
            measure=self.measure(fields.get("measure")),
            photo_required=self.flag(fields, "photo_required", ITEM),
            tags=self.texts(fields, "tags", ITEM),
            note=self.text(fields, "note", ITEM, empty_ok=True),
        )
        if len(self.issues) == count and not any(
            is_article_level(b.clause) for b in (*item.basis, *((item.major,) if item.major else ()))
        ):
            self.add(
                fields["basis"],
                "检查依据没有具体到条款：至少要有一条写明条、款、项（如 第三十六条第四款）"
                "或标准条文号（如 4.2.3），“有关条款”“第6章”不能写进执法文书",
            )
        self.item_id = None
        return item if len(self.issues) == count else None

    def basis(self, node: Node | None) -> tuple[Basis, ...]:
        if node is None:
            return ()
        if isinstance(node, MappingNode):
            self.add(node, f"检查依据应为列表：即使只有一条，也要写成 - {CITATION_EXAMPLE}")
            return ()
        example = f"- {CITATION_EXAMPLE}（source 是 sources 中声明的来源键）"
        entries = self.sequence(node, "检查依据（basis）", example)
        return tuple(c for c in (self.citation(entry, "检查依据") for entry in entries) if c)

    def major(self, node: Node | None) -> Basis | None:
        if is_null(node):
            return None
        if not isinstance(node, MappingNode):
            self.add(node, f"重大隐患判定依据应写成一条 {CITATION_EXAMPLE}，实际是{kind(node)}")
            return None
        return self.citation(node, "重大隐患判定依据")

    def citation(self, node: Node, what: str) -> Basis | None:
        if not isinstance(node, MappingNode):
            self.add(node, f"{what}的每一项应写成 {CITATION_EXAMPLE}，实际是{kind(node)}")
            return None
        fields = self.mapping(node, CITATION, ("source", "clause"), what)
        key, clause = self.text(fields, "source", CITATION), self.text(fields, "clause", CITATION)
        source = self.sources.get(key)
        if key and source is None:
            declared = "、".join(self.sources) or "无"
            self.add(
                fields["source"],
                f"{what}引用的来源“{key}”{suggest(key, self.sources)}"
                f"未在 sources 中声明（已声明：{declared}）",
            )
        if source is None or not clause:
            return None
        return Basis(key, clause, source.title, source.number)

    def retired(self, node: Node | None, sections: tuple[Section, ...]) -> None:
        """Item ids taken out of use are never given again: an id keeps one meaning for good, so that
        repeats found across versions and the hazards already recorded under it stay right."""
        if is_null(node):
            return
        if not isinstance(node, SequenceNode):
            self.add(node, f"retired（已停用的条目编号）应为列表，如 [CM-017, CM-027]，实际是{kind(node)}")
            return
        current = {item.id for section in sections for item in section.items}
        seen: set[str] = set()
        for entry in node.value:
            value = entry.value.strip() if isinstance(entry, ScalarNode) and entry.tag != NULL else ""
            if not ITEM_ID.match(value):
                self.add(entry, f"retired 的每一项应为条目编号（如 CM-017），实际是“{value or kind(entry)}”")
            elif value in seen:
                self.add(entry, f"停用编号“{value}”重复列出")
            elif value in current:
                self.add(
                    entry,
                    f"条目编号“{value}”已停用，不能再给现有条目使用：请给该条目换一个从未用过的新编号"
                    "（停用的编号保留原来的含义，以免把不同的隐患当成重复隐患）",
                )
            seen.add(value)

    def combined_list(self, node: Node | None, sections: tuple[Section, ...]) -> tuple[Combined, ...]:
        if is_null(node):
            return ()
        known = {item.id for section in sections for item in section.items}
        found: list[Combined] = []
        ids: set[str] = set()
        example = (
            "- {id: C1, title: …, basis: {source: …, clause: 6.2}, needed: 3, items: [X-001, X-002, X-003]}"
        )
        for entry in self.sequence(node, "综合判定（combined）", example):
            fields = self.mapping(entry, COMBINED, tuple(COMBINED), "综合判定")
            if fields is None:
                continue
            rule_id = self.identifier(fields, "id", COMBINED, ITEM_ID, "用字母、数字和“-”“_”“.”")
            if rule_id in ids or rule_id in known:
                self.add(fields["id"], f"综合判定编号“{rule_id}”与其他综合判定或条目编号重复")
            ids.add(rule_id)
            title = self.text(fields, "title", COMBINED)
            basis = self.major(fields.get("basis"))
            if basis is not None and not is_article_level(basis.clause):
                self.add(fields["basis"], "综合判定依据要写明标准条文号，如 {source: gb35181, clause: 6.2}")
            items = self.texts(fields, "items", COMBINED)
            for item_id in items:
                if item_id not in known:
                    self.add(fields["items"], f"综合判定 {rule_id} 列出的条目“{item_id}”不在本检查表中")
            if len(set(items)) != len(items):
                self.add(fields["items"], f"综合判定 {rule_id} 的条目有重复")
            needed = self.number(fields, "needed", COMBINED)
            if not isinstance(needed, int) or not 2 <= needed <= max(len(items), 2):
                self.add(
                    fields.get("needed", entry),
                    f"needed 应为 2 到条目数（{len(items)}）之间的整数：几项同时不合格即构成重大火灾隐患",
                )
            elif basis is not None and rule_id and title:
                found.append(Combined(rule_id, title, basis, needed, items))
        return tuple(found)

    def measure(self, node: Node | None) -> Measure | None:
        if is_null(node):
            return None
        fields = self.mapping(node, MEASURE, ("name", "unit"), "测量（measure）")
        if fields is None:
            return None
        name, unit = self.text(fields, "name", MEASURE), self.text(fields, "unit", MEASURE, empty_ok=True)
        low, high = self.number(fields, "min", MEASURE), self.number(fields, "max", MEASURE)
        if "min" not in fields and "max" not in fields:
            self.add(
                node, '测量项至少要写 min（下限）或 max（上限）之一，如 {name: 甲烷浓度, unit: "%", max: 1.0}'
            )
        elif low is not None and high is not None and low > high:
            self.add(node, f"测量限值有误：下限 min（{low}）大于上限 max（{high}）")
        return Measure(name, unit, low, high)


def _peek_id(node: Node) -> str | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                return value.value.strip() or None
    return None
