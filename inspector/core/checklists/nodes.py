"""Reading a composed YAML node tree: shapes, text, numbers — and issues that say where and what.

:class:`NodeReader` knows nothing of checklists; ``validate`` gives it the field tables of the format.
Text fields keep the text as written (``edition: 2021`` is the text "2021", never the number).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from inspector.core.checklists.errors import Issue
from inspector.core.checklists.loader import scalar_value

_TAG = "tag:yaml.org,2002:"
STR, NULL, INT, FLOAT, BOOL, TIMESTAMP = (
    _TAG + t for t in ("str", "null", "int", "float", "bool", "timestamp")
)
_KINDS = {
    STR: "文本“{}”",
    INT: "整数 {}",
    FLOAT: "数字 {}",
    BOOL: "真假值 {}",
    NULL: "空值",
    TIMESTAMP: "日期 {}",
}


def kind(node: Node) -> str:
    """What the author wrote, in words: 文本“…”, 整数 3, 列表 …"""
    if isinstance(node, MappingNode):
        return "映射（键: 值）"
    if isinstance(node, SequenceNode):
        return "列表"
    value = node.value if len(node.value) <= 24 else node.value[:24] + "…"
    return _KINDS.get(node.tag, "“{}”").format(value)


def is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == NULL)


class NodeReader:
    def __init__(self, path: str):
        self.path = path
        self.issues: list[Issue] = []
        self.item_id: str | None = None  # named in each issue while reading an item

    def add(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.issues.append(Issue(self.path, mark.line + 1, mark.column + 1, self.item_id, message))

    def mapping(self, node: Node, spec: dict[str, str], required: tuple[str, ...], what: str) -> dict | None:
        """The known fields of a mapping by name; unknown, repeated and missing ones are reported."""
        if not isinstance(node, MappingNode):
            self.add(node, f"{what}应为“键: 值”映射，实际是{kind(node)}")
            return None
        fields: dict[str, Node] = {}
        seen: dict[str, Node] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag not in (STR, INT):
                self.add(key, f"{what}中的键应为字段名，实际是{kind(key)}")
                continue
            name = key.value
            if name in seen:
                first = seen[name].start_mark.line + 1
                self.add(
                    key,
                    f"字段“{name}”在同一处写了两次（另一次在第 {first} 行）："
                    "YAML 只会保留后一个，前一个的内容会丢失；请合并或删去其一",
                )
                continue
            seen[name] = key
            if name in spec:
                fields[name] = value
            else:
                hint = suggest(name, spec, spec)
                self.add(key, f"未知字段“{name}”{hint}；{what}可用的字段：{'、'.join(spec)}")
        for name in required:
            if name not in seen:
                self.add(node, f"缺少必填字段“{name}”（{spec[name]}）")
        return fields

    def sequence(self, node: Node | None, what: str, example: str) -> list[Node]:
        if node is None:
            return []
        if is_null(node):
            self.add(node, f"{what}不能为空，至少要有一项；例如：{example}")
            return []
        if isinstance(node, SequenceNode):
            if not node.value:
                self.add(node, f"{what}至少要有一项")
            return node.value
        self.add(node, f"{what}应为列表（每项以“- ”开头），实际是{kind(node)}；例如：{example}")
        return []

    def text(self, fields: dict, name: str, spec: dict, *, empty_ok: bool = False) -> str:
        node = fields.get(name)
        if node is None:
            return ""
        if not isinstance(node, ScalarNode):
            self.add(node, f"字段“{name}”（{spec[name]}）应为文本，实际是{kind(node)}")
            return ""
        value = "" if node.tag == NULL else node.value.strip()
        if not value and not empty_ok:
            self.add(node, f"字段“{name}”（{spec[name]}）不能为空")
        return value

    def identifier(self, fields: dict, name: str, spec: dict, pattern: re.Pattern, rule: str) -> str:
        value = self.text(fields, name, spec)
        if value and not pattern.match(value):
            self.add(fields[name], f"{spec[name]}“{value}”不合规则：{rule}")
        return value

    def texts(self, fields: dict, name: str, spec: dict) -> tuple[str, ...]:
        node = fields.get(name)
        if is_null(node):
            return ()
        if not isinstance(node, SequenceNode):
            self.add(node, f"字段“{name}”（{spec[name]}）应为列表，如 [复工复产, 汛期]，实际是{kind(node)}")
            return ()
        values = []
        for entry in node.value:
            if isinstance(entry, ScalarNode) and entry.tag != NULL and entry.value.strip():
                values.append(entry.value.strip())
            else:
                self.add(entry, f"“{name}”（{spec[name]}）的每一项应为非空文本，实际是{kind(entry)}")
        return tuple(values)

    def number(self, fields: dict, name: str, spec: dict) -> float | int | None:
        node = fields.get(name)
        if is_null(node):
            return None
        label = f"“{name}”（{spec[name]}）"
        if isinstance(node, ScalarNode) and node.tag in (INT, FLOAT):
            value = scalar_value(node)
            if isinstance(value, float) and not math.isfinite(value):
                self.add(node, f"{label}应为有限的数字，实际是 {node.value}")
                return None
            return value
        self.add(node, f"{label}应为数字，实际是{kind(node)}；只写数字，如 {name}: 1.0")
        return None

    def flag(self, fields: dict, name: str, spec: dict) -> bool:
        node = fields.get(name)
        if node is None:
            return False
        if isinstance(node, ScalarNode) and node.tag == BOOL:
            return bool(scalar_value(node))
        self.add(node, f"字段“{name}”（{spec[name]}）应为 true 或 false，实际是{kind(node)}")
        return False


def suggest(name: str, choices: Iterable[str], labels: dict[str, str] | None = None) -> str:
    """（是不是想写“title”？） for a near miss, or for a field's Chinese label written as its name."""
    for field, label in (labels or {}).items():
        if name == label:
            return f"（是不是想写“{field}”？）"
    choices = list(choices)
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    close = close or [c for c in choices if len(name) >= 3 and (c.startswith(name) or name.startswith(c))]
    return f"（是不是想写“{close[0]}”？）" if close else ""
