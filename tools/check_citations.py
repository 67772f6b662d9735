#!/usr/bin/env python3
"""Check every (law, article) a checklist cites against the law texts vendored in checklists/laws/.

    python tools/check_citations.py [--checklists DIR] [--laws DIR] [--verbose]

A law text file is ``checklists/laws/<slug>.yaml`` with ``title`` (the law's full title, without 《》),
``edition``, ``source`` (repository and path it was copied from) and ``articles`` ("第三十六条": text).
Several files may carry the same title; their articles are merged. For each citation of a law that has
a vendored text, the article must exist there, and a cited 款 or 项 must exist in that article. Sources
without a vendored text (standards, departmental rules) are counted as not checked. Exit status 1 when
any citation fails; tests/core/test_checklists_citations.py runs this over the bundled files.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LAW_KEYS = ("title", "edition", "source", "articles")
_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# An article (第三十六条, 第三十六条之一), or for a standard that is a numbered list without articles (such
# as the fireworks criteria) one of its items (第十二项).
_ARTICLE = re.compile(
    r"^(第[一二三四五六七八九十百零〇]+条(?:之[一二三四五六七八九十]+)?|第[一二三四五六七八九十百]+项)"
)
UNCONFIRMED = "[UNCONFIRMED]"
_PARAGRAPH = re.compile(r"第([一二三四五六七八九十]+)款")
_ITEM = re.compile(r"第?[（(]([一二三四五六七八九十]+)[）)]项?")


@dataclass(frozen=True)
class Pair:
    """One citation in one checklist item."""

    file: str
    checklist: str
    item: str
    title: str
    clause: str
    major: bool


@dataclass(frozen=True)
class Problem:
    pair: Pair
    message: str

    def __str__(self) -> str:
        p = self.pair
        what = "重大隐患判定依据" if p.major else "检查依据"
        return f"{p.file} {p.item}：{what}《{p.title}》{p.clause}：{self.message}"


def chinese_number(text: str) -> int:
    """一 → 1, 十二 → 12, 三十六 → 36, 一百零八 → 108."""
    total, digit = 0, 0
    for char in text:
        if char == "百":
            total += (digit or 1) * 100
            digit = 0
        elif char == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = _DIGITS[char]
    return total + digit


def article_of(clause: str) -> str | None:
    """``第三十六条第四款`` → ``第三十六条``; None when the clause does not start with an article."""
    found = _ARTICLE.match(clause.strip())
    return found.group(1) if found else None


def cited_pairs(checklist_dir: Path) -> list[Pair]:
    """Every (title, clause) cited by every checklist file of a folder, in file and item order."""
    from inspector.core.checklists import library
    from inspector.core.checklists.errors import ChecklistError

    pairs = []
    for path in library.checklist_files(checklist_dir):
        try:
            checklist = library.load_file(path)
        except ChecklistError as exc:
            raise ValueError(
                f"{path.name} 未通过校验，先运行 inspector checklists validate：{exc.issues[0]}"
            ) from exc
        for item in checklist.items:
            for basis in item.basis:
                pairs.append(Pair(path.name, checklist.id, item.id, basis.title, basis.clause, False))
            if item.major is not None:
                m = item.major
                pairs.append(Pair(path.name, checklist.id, item.id, m.title, m.clause, True))
    return pairs


def load_laws(laws_dir: Path) -> dict[str, dict[str, str]]:
    """Title → article → text, merged over every file; ``ValueError`` naming the file when one is malformed."""
    laws: dict[str, dict[str, str]] = {}
    for path in sorted(laws_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or sorted(data) != sorted(LAW_KEYS):
            keys = sorted(data) if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"{path.name}: 应恰好有 {', '.join(LAW_KEYS)} 四个键，实际是 {keys}")
        for key in ("title", "edition", "source"):
            if not isinstance(data[key], str) or not data[key].strip():
                raise ValueError(f"{path.name}: {key} 应为非空文本")
        if data["title"].startswith("《"):
            raise ValueError(f"{path.name}: title 不带书名号：{data['title']}")
        articles = data["articles"]
        if not isinstance(articles, dict) or not articles:
            raise ValueError(f"{path.name}: articles 应为“第X条: 条文”的映射，且至少有一条")
        merged = laws.setdefault(data["title"], {})
        for number, text in articles.items():
            if article_of(str(number)) != number or not isinstance(text, str) or not text.strip():
                raise ValueError(
                    f"{path.name}: 条文 {number!r} 应写成 第X条（或无条的标准写 第X项）: 条文全文"
                )
            merged.setdefault(number, text)  # the same article in two files: the first by file name is kept
    return laws


def check_pair(pair: Pair, articles: dict[str, str]) -> str | None:
    """What is wrong with one citation of a vendored law, or None."""
    article = article_of(pair.clause)
    if article is None:
        return "不是条级引用（应写成 第X条…）"
    text = articles.get(article)
    if text is None:
        return f"{article}不在收录的条文中：该条不存在，或尚未收录（运行 tools/vendor_laws.py）"
    rest = pair.clause[len(article) :]
    paragraphs = [p for p in text.split("\n") if not p.startswith(("（", "("))]
    paragraph = _PARAGRAPH.search(rest)
    scope = text
    if paragraph:
        n = chinese_number(paragraph.group(1))
        if n > len(paragraphs):
            return f"{article}只有 {len(paragraphs)} 款，没有第{paragraph.group(1)}款"
        scope = _paragraph_text(text, n)
    for item in _ITEM.findall(rest):
        if f"（{item}）" not in scope and f"({item})" not in scope:
            return f"{article}{paragraph.group(0) if paragraph else ''}中没有第（{item}）项"
    return None


def _paragraph_text(text: str, n: int) -> str:
    """The nth 款 of an article with the 项 lines that follow it."""
    blocks: list[list[str]] = []
    for line in text.split("\n"):
        if line.startswith(("（", "(")) and blocks:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return "\n".join(blocks[n - 1])


def review(checklist_dir: Path, laws_dir: Path) -> tuple[list[Problem], dict[str, dict[str, int]]]:
    """The failing citations, and per checklist file the counts checked / not checked by title."""
    laws = load_laws(laws_dir)
    problems: list[Problem] = []
    counts: dict[str, dict[str, int]] = {}
    for pair in cited_pairs(checklist_dir):
        tally = counts.setdefault(pair.file, {"checked": 0, "unchecked": 0, "unconfirmed": 0})
        articles = laws.get(pair.title)
        if articles is None:
            tally["unchecked"] += 1
            continue
        if UNCONFIRMED in articles.get(article_of(pair.clause) or "", ""):
            tally["unconfirmed"] += (
                1  # the vendored text itself is marked as not yet taken from the official one
            )
            continue
        tally["checked"] += 1
        message = check_pair(pair, articles)
        if message:
            problems.append(Problem(pair, message))
    return problems, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checklists", type=Path, default=ROOT / "checklists")
    parser.add_argument("--laws", type=Path, default=ROOT / "checklists" / "laws")
    parser.add_argument("--verbose", action="store_true", help="also list the titles not checked")
    args = parser.parse_args(argv)
    problems, counts = review(args.checklists, args.laws)
    for problem in problems:
        print(f"✗ {problem}")
    for name, tally in counts.items():
        print(
            f"{name}: 已对照法规原文核对 {tally['checked']} 处引用，无收录原文（标准、规章）{tally['unchecked']} 处，"
            f"收录文本待核实 {tally['unconfirmed']} 处"
        )
    if args.verbose:
        laws = load_laws(args.laws)
        unchecked: dict[str, int] = {}
        for pair in cited_pairs(args.checklists):
            if pair.title not in laws:
                unchecked[pair.title] = unchecked.get(pair.title, 0) + 1
        for title, n in sorted(unchecked.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  未核对：《{title}》{n} 处")
    print(f"{len(problems)} 处引用未通过核对。" if problems else "全部可核对的引用均在法规原文中找到。")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
