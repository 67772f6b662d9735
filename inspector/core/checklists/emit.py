"""Write a checklist file in the layout of ``checklists/README.md``: readable, diff-friendly YAML.

Citations and measures go on one line in flow style; text is left unquoted whenever YAML would read it
back as the same text, and is written as a JSON string (valid YAML) otherwise.
"""

from __future__ import annotations

import json
import re

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from inspector.core.checklists.model import number_text

_RESOLVER = Resolver()
_STR = "tag:yaml.org,2002:str"
_UNSAFE_START = set("-?:,[]{}#&*!|>'\"%@` ")
_UNSAFE = re.compile(r": |:$| #|[\t\n\r\x00-\x1f\x7f\x85\u2028\u2029\ufeff]")
# characters YAML does not allow raw, or reads as line breaks inside quotes: written as escapes
_ESCAPE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029\ufeff]"
)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def scalar(value, *, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_text(value)
    text = str(value)
    plain = (
        text
        and text[0] not in _UNSAFE_START
        and text == text.strip()
        and not _UNSAFE.search(text)
        and not _ESCAPE.search(text)
        and not (flow and any(ch in text for ch in ",[]{}:?"))
        and _RESOLVER.resolve(ScalarNode, text, (True, False)) == _STR
    )
    return text if plain else _ESCAPE.sub(_escape, json.dumps(text, ensure_ascii=False))


def flow_map(data: dict) -> str:
    return "{" + ", ".join(f"{key}: {scalar(value, flow=True)}" for key, value in data.items()) + "}"


def flow_list(values) -> str:
    return "[" + ", ".join(scalar(value, flow=True) for value in values) + "]"


def checklist_yaml(data: dict) -> str:
    """The text of a checklist file from its plain data (the shape the README documents)."""
    out = [f"format: {data['format']}"]
    for key in ("id", "title", "sector"):
        out.append(f"{key}: {scalar(data[key])}")
    out.append(f"version: {json.dumps(str(data['version']))}")
    out.append(f"effective: {data['effective']}")
    if data.get("description"):
        out.append(f"description: {scalar(data['description'])}")
    if data.get("tags"):
        out.append(f"tags: {flow_list(data['tags'])}")
    out.append("sources:")
    for source in data["sources"]:
        out.append(f"  - key: {scalar(source['key'])}")
        for key in ("title", "number", "edition", "note"):
            if source.get(key):
                out.append(f"    {key}: {scalar(source[key])}")
    out.append("sections:")
    for section in data["sections"]:
        out.append(f"  - id: {scalar(section['id'])}")
        out.append(f"    title: {scalar(section['title'])}")
        out.append("    items:")
        for item in section["items"]:
            out.extend(_item(item))
    return "\n".join(out) + "\n"


def _item(item: dict) -> list[str]:
    pad = " " * 8
    lines = [f"      - id: {scalar(item['id'])}"]
    for key in ("content", "method"):
        lines.append(f"{pad}{key}: {scalar(item[key])}")
    lines.append(f"{pad}basis:")
    lines.extend(f"{pad}  - {flow_map(basis)}" for basis in item["basis"])
    if item.get("major"):
        lines.append(f"{pad}major: {flow_map(item['major'])}")
    if item.get("measure"):
        measure = {k: v for k, v in item["measure"].items() if v is not None}
        lines.append(f"{pad}measure: {flow_map(measure)}")
    if item.get("photo_required"):
        lines.append(f"{pad}photo_required: true")
    if item.get("tags"):
        lines.append(f"{pad}tags: {flow_list(item['tags'])}")
    if item.get("note"):
        lines.append(f"{pad}note: {scalar(item['note'])}")
    return lines
