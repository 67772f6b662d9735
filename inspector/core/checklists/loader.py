"""Bytes → YAML node tree with positions, or issues saying why the file is not usable YAML.

Validation works on the composed node tree (every node knows its line and column) rather than on
``yaml.load`` output, so each message can point at the exact place, and a key written twice — which
``yaml.load`` silently resolves by keeping the last one — is caught. Parsing uses libyaml when present.
"""

from __future__ import annotations

import re

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from inspector.core.checklists.errors import Issue

try:
    BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    BaseLoader = yaml.SafeLoader


# What one checklist file may hold. Anchors and aliases (&a, *a) are refused before anything is walked:
# a 27 KB file of nested aliases stands for 10⁹ nodes. The counts bound the rest; a 2,000-item
# checklist (about 9 MB with long texts) fits.
MAX_FILE_BYTES = 16 * 2**20
MAX_SECTIONS = 500
MAX_ITEMS = 5_000
MAX_TAGS = 30  # per list of tags (the checklist's own, or an item's)
MAX_DISTINCT_TAGS = 300  # different tags in one file


class DuplicateKeyError(ConstructorError):
    pass


class StrictLoader(BaseLoader):
    """``yaml.CSafeLoader`` (or ``SafeLoader``) that refuses a key written twice in one mapping."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, MappingNode):
            for key_node, first in duplicate_keys(node):
                raise DuplicateKeyError(
                    "while constructing a mapping",
                    first.start_mark,
                    f"found duplicate key {key_node.value!r}",
                    key_node.start_mark,
                )
        return super().construct_mapping(node, deep=deep)


def load_strict(text: str | bytes):
    """``yaml.load`` with :class:`StrictLoader`: plain data, duplicate keys refused."""
    return yaml.load(text, Loader=StrictLoader)


def duplicate_keys(node: MappingNode) -> list[tuple[ScalarNode, ScalarNode]]:
    """(repeated key node, first key node) for every scalar key written more than once."""
    seen: dict[str, ScalarNode] = {}
    found = []
    for key_node, _ in node.value:
        if isinstance(key_node, ScalarNode):
            if key_node.value in seen:
                found.append((key_node, seen[key_node.value]))
            else:
                seen[key_node.value] = key_node
    return found


_SCALARS = SafeConstructor()


def scalar_value(node: ScalarNode):
    """A resolved scalar as PyYAML's safe constructor makes it (ints like 1_000, floats like .inf …)."""
    return _SCALARS.yaml_constructors[node.tag](_SCALARS, node)


def decode(data: bytes, path: str) -> tuple[str | None, list[Issue]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码（记事本、WPS 的“ANSI”）；"
        except UnicodeDecodeError:
            if b"\0" in data[:4096]:
                hint = "这似乎是二进制文件（如 Word、Excel 或图片），不是文本；"
        byte = f"第 {exc.start + 1} 个字节 0x{data[exc.start]:02X}"
        message = f"文件不是 UTF-8 编码（{byte} 无法识别）：{hint}请用编辑器另存为 UTF-8"
        return None, [Issue(path, line, column, None, message)]


def compose(data: bytes, path: str) -> tuple[Node | None, list[Issue]]:
    """The node tree of one file, or the issues that stop it from being read at all."""
    text, issues = decode(data, path)
    if text is None:
        return None, issues
    if len(data) > MAX_FILE_BYTES:
        size = f"{len(data) / 2**20:.0f} MB"
        limit = f"{MAX_FILE_BYTES / 2**20:.0f} MB"
        return None, [Issue(path, 1, 1, None, f"文件有 {size}，超过了检查表文件的上限 {limit}")]
    loader = StrictLoader(text)
    try:
        # before composing: no alias is ever followed. An anchor or alias starts with "&" or "*": a file
        # with neither (the usual case) needs no second pass over its events.
        refused = _anchors(text, path) if "&" in text or "*" in text else []
        if refused:
            return None, refused
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Issue(path, line, column, None, "不是有效的 YAML：" + _explain(exc, text))]
    except yaml.YAMLError as exc:  # a reader error: control characters and the like
        line, column = _position(text, getattr(exc, "position", 0))
        return None, [Issue(path, line, column, None, "不是有效的 YAML：含有不允许的控制字符或不可见字符")]
    finally:
        loader.dispose()
    if node is None:
        return None, [Issue(path, 1, 1, None, "文件是空的：检查表文件应以 format: 1 开头")]
    too_big = _counts(node, path)
    if too_big:
        return None, too_big
    return node, []


def _anchors(text: str, path: str) -> list[Issue]:
    """An issue at the first anchor (&name) or alias (*name): checklists write every value out."""
    for event in yaml.parse(text, Loader=BaseLoader):
        if getattr(event, "anchor", None):
            mark = event.start_mark
            what = "别名（*" if isinstance(event, yaml.AliasEvent) else "锚点（&"
            message = (
                f"检查表中不能使用 YAML {what}{event.anchor}）：请把被引用的内容直接写出来"
                "（锚点和别名可让一个小文件展开成极大的数据）"
            )
            return [Issue(path, mark.line + 1, mark.column + 1, None, message)]
    return []


def _value(mapping: Node, key: str) -> Node | None:
    if isinstance(mapping, MappingNode):
        for key_node, value in mapping.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return value
    return None


def _counts(root: Node, path: str) -> list[Issue]:
    """Issues for a file past :data:`MAX_SECTIONS`, :data:`MAX_ITEMS` or the tag limits."""
    issues: list[Issue] = []

    def refuse(node: Node, message: str) -> None:
        mark = node.start_mark
        issues.append(Issue(path, mark.line + 1, mark.column + 1, None, message))

    distinct: set[str] = set()

    def tags(owner: Node, what: str) -> None:
        node = _value(owner, "tags")
        if isinstance(node, SequenceNode):
            if len(node.value) > MAX_TAGS:
                refuse(node, f"{what}有 {len(node.value)} 个标签，最多 {MAX_TAGS} 个")
            distinct.update(n.value for n in node.value[: MAX_TAGS + 1] if isinstance(n, ScalarNode))

    tags(root, "检查表")
    sections = _value(root, "sections")
    if not isinstance(sections, SequenceNode):
        return issues
    if len(sections.value) > MAX_SECTIONS:
        refuse(
            sections,
            f"有 {len(sections.value)} 个部分（sections），一个检查表最多 {MAX_SECTIONS} 个；请拆成几个文件",
        )
        return issues
    total = 0
    for section in sections.value:
        items = _value(section, "items")
        if not isinstance(items, SequenceNode):
            continue
        total += len(items.value)
        if total > MAX_ITEMS:
            refuse(items, f"检查项超过 {MAX_ITEMS} 项，一个检查表最多 {MAX_ITEMS} 项；请拆成几个文件")
            return issues
        for item in items.value:
            tags(item, "此检查项")
            if len(issues) >= 20:
                return issues
    if len(distinct) > MAX_DISTINCT_TAGS:
        refuse(root, f"文件中共有 {len(distinct)} 种标签，最多 {MAX_DISTINCT_TAGS} 种")
    return issues


def _position(text: str, offset: int) -> tuple[int, int]:
    offset = max(0, min(int(offset or 0), len(text)))
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


TAB = "此处有制表符（Tab），YAML 的缩进只能用空格"
_EXPLAINED = [
    (r"\\t|tab", TAB),
    (r"mapping values are not allowed", "此处不能出现“: ”（英文冒号加空格）；文本里有“: ”时请给整段加引号"),
    (r"could not find expected ':'", "缺少“: ”：键和值之间要写英文冒号加空格，或引号没有成对"),
    (r"did not find expected key", "缩进不一致，或引号没有成对：此处应是与上文同一层级的“键: 值”"),
    (r"did not find expected '-' indicator", "缩进不一致：此处应是与上文对齐的列表项“- ”"),
    (r"block sequence entries are not allowed", "此处不能开始列表项“- ”（缩进有误？）"),
    (r"expected a single document", "一个文件只能写一个检查表（不要用 --- 分隔多个文档）"),
    (r"unexpected end of stream", "文件意外结束：引号或括号没有闭合"),
    (r"undefined alias", "引用了未定义的锚点（*别名）"),
    (r"expected ',' or", "方括号或花括号的写法有误：各项之间用英文逗号，括号要闭合"),
    (r"cannot start any token", "此处的字符不能作为值的开头（如 @、`、%）；请给这段文本加引号"),
    (r"control characters|special characters|unacceptable character", "含有不允许的控制字符或不可见字符"),
]


def _explain(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = " ".join(part for part in (exc.context, exc.problem) if part)
    mark = exc.problem_mark
    if mark is not None:
        lines = text.split("\n")
        if mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
            return f"{TAB}（{problem}）"
    quotes = _unpaired_quote(text, mark.line if mark else 0)
    for pattern, chinese in _EXPLAINED:
        if re.search(pattern, problem, re.IGNORECASE):
            return f"{chinese}（{problem}）{quotes}"
    return problem + quotes


def _unpaired_quote(text: str, last_line: int) -> str:
    """A hint naming the first line up to the error whose quotes do not pair up (the usual real cause)."""
    for number, line in enumerate(text.split("\n")[: last_line + 1], start=1):
        code = line.split(" #", 1)[0]
        if code.replace('\\"', "").count('"') % 2 or code.count("'") % 2:
            return f"；请检查第 {number} 行的引号是否成对"
    return ""
