"""Citations as offices write them in spreadsheets: 《中华人民共和国安全生产法》第四十一条、第四十二条.

:func:`parse` splits such text into (title, number, clause) triples; :class:`SourceKeys` gives each
cited law or standard a short key for the checklist file's ``sources`` list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CITED = re.compile(r"《([^《》]+)》([^《]*)")
_NUMBER_FIRST = re.compile(  # 《GB 30871-2022 危险化学品企业特殊作业安全规范》
    r"^((?:GB|AQ|GA|JGJ|SY|SH|HG|DL|NB|TSG|MT|CJJ|DB\d*)(?:/T)?\s*[0-9][0-9.]*-[0-9]{4})\s*(.+)$"
)
_PAREN_NUMBER = re.compile(r"^\s*[（(]([^（）()]+)[）)]")
_SPLIT = re.compile(r"[、，,；;\n]|(?<=[条款项章节])[和及](?=第)")
_LEAD_IN = re.compile(r"^\s*(?:依据|根据|按照|参照|见)?[:：]?\s*$")
_NONE = {"", "无", "否", "/", "-", "—", "——", "×", "不涉及"}
_ARTICLE_LEVEL = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇]+条"  # 第三十六条, 第三十六条第四款
    r"|第[一二三四五六七八九十]+项"  # items of a numbered notice: 第十二项
    r"|(?:[一二三四五六七八九十]+、\S*?)?第[（(][一二三四五六七八九十]+[）)]项"  # 一、地下矿山第（三）项
    r"|(?:附录\s*)?[A-Z0-9]+(?:\.[0-9]+)+"  # a standard's clause: 4.2.3, A.1.2
    r"|表\s*[A-Z0-9])"  # a standard's table: 表1
)
_STANDARD_KEY = re.compile(r"^([A-Z]+)(?:/T)?\s*([0-9][0-9.]*)")

# Well-known sources: short key, full title and the names offices shorten them to.
KNOWN = [
    ("aqf", "中华人民共和国安全生产法", ("安全生产法", "安全法")),
    ("xff", "中华人民共和国消防法", ("消防法",)),
    ("tzsb", "中华人民共和国特种设备安全法", ("特种设备安全法",)),
    ("ksaqf", "中华人民共和国矿山安全法", ("矿山安全法",)),
    ("zybf", "中华人民共和国职业病防治法", ("职业病防治法",)),
    ("jzf", "中华人民共和国建筑法", ("建筑法",)),
    ("whp", "危险化学品安全管理条例", ()),
    ("jsgc", "建设工程安全生产管理条例", ()),
    ("mkgc", "煤矿安全规程", ()),
    ("coal-major", "煤矿重大事故隐患判定标准", ()),
    ("yjya", "生产安全事故应急预案管理办法", ()),
]
_ALIASES = {name: (key, title) for key, title, short in KNOWN for name in (title, *short)}


@dataclass(frozen=True)
class Cited:
    title: str
    number: str
    clause: str


def is_article_level(clause: str) -> bool:
    """True for 第X条…, 第X项, a standard's clause 4.2.3 or table 表1; false for 第6章, 有关条款 …"""
    return bool(_ARTICLE_LEVEL.match(clause.strip()))


def is_blank(text: str) -> bool:
    return text.strip() in _NONE


def parse(text: str) -> list[Cited]:
    """Every citation in the text; ``ValueError`` with a message for the author when it cannot be read."""
    found: list[Cited] = []
    matches = list(_CITED.finditer(text))
    if not matches:
        raise ValueError(f"无法识别依据“{_short(text)}”：请写成《法规或标准名称》第X条，多条之间用“；”分隔")
    if not _LEAD_IN.match(text[: matches[0].start()]):
        before = _short(text[: matches[0].start()])
        raise ValueError(f"无法识别《》之前的文字“{before}”：依据应以《法规或标准名称》开头")
    for match in matches:
        title, rest = match.group(1).strip(), match.group(2)
        number = ""
        first = _NUMBER_FIRST.match(title)
        if first:
            number, title = first.group(1), first.group(2).strip()
        paren = _PAREN_NUMBER.match(rest)
        if paren:
            number, rest = paren.group(1).strip(), rest[paren.end() :]
        title = _ALIASES.get(title, (None, title))[1]
        clauses = _complete([c.strip(" 　。.") for c in _SPLIT.split(rest) if c.strip(" 　。.")])
        if not clauses:
            raise ValueError(f"《{title}》之后缺少条款：请写成《{title}》第X条（标准写条文号，如 4.2.3）")
        found.extend(Cited(title, number, clause) for clause in clauses)
    return found


def _complete(clauses: list[str]) -> list[str]:
    """第四十一条第一款、第二款 → 第四十一条第一款 and 第四十一条第二款."""
    done: list[str] = []
    for clause in clauses:
        if done and clause.startswith("第") and "条" not in clause and clause.endswith(("款", "项")):
            previous = done[-1]
            cut = previous.rfind("款") if clause.endswith("项") and "款" in previous else previous.rfind("条")
            if cut >= 0:
                clause = previous[: cut + 1] + clause
        done.append(clause)
    return done


class SourceKeys:
    """A stable short key per cited source, in the order first cited."""

    def __init__(self):
        self.sources: dict[str, dict] = {}  # title → {key, title, number}
        self._keys: set[str] = set()

    def key(self, cited: Cited) -> str:
        entry = self.sources.get(cited.title)
        if entry is None:
            key = self._unique(_key_for(cited, len(self.sources) + 1))
            entry = {"key": key, "title": cited.title, "number": cited.number}
            self.sources[cited.title] = entry
        elif cited.number and not entry["number"]:
            entry["number"] = cited.number
        return entry["key"]

    def _unique(self, key: str) -> str:
        candidate, n = key, 2
        while candidate in self._keys:
            candidate, n = f"{key}-{n}", n + 1
        self._keys.add(candidate)
        return candidate


def _key_for(cited: Cited, position: int) -> str:
    known = _ALIASES.get(cited.title)
    if known:
        return known[0]
    standard = _STANDARD_KEY.match(cited.number)
    if standard:
        return (standard.group(1) + standard.group(2).split(".")[0]).lower()
    return f"src{position}"


def _short(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 30 else text[:30] + "…"
