"""How a document words what was found: 「部位：问题，违反《…》…」, the 判定 of a major hazard, the
statutory measures, and the refusal of a problem that still reads as the checklist's question.

No store access here: these turn a problem's fields into the printed text.
"""

from __future__ import annotations

import re

from inspector.core.documents.errors import DocumentError

# Short codes a finding's immediate measures may use, and the official wording they stand for.
MEASURE_WORDS = {
    "evacuate": "责令从危险区域内撤出作业人员",
    "suspend": "责令暂时停产停业",
    "stop_equipment": "责令停止使用相关设施、设备",
}


QUESTION = re.compile(r"是否|[？?]")


def check_statements(found: list[dict]) -> None:
    """Refuse a problem that still reads as the checklist's question: a notice states what was found."""
    for problem in found:
        for field, label in (("spot", "部位"), ("description", "问题描述")):
            text = problem.get(field) or ""
            if QUESTION.search(text):
                raise DocumentError(
                    f"第{problem['n']}项问题的{label}「{text}」仍是提问（含“是否”或问号）："
                    "请改写为陈述句，写明发现的问题，再签发文书"
                )


_CITATION = re.compile(r"《([^《》]+)》([^《》；;]*)")
MAJOR_WORDS = "判定为重大事故隐患"


def _is_grading_standard(title: str) -> bool:
    return "判定标准" in title


_STANDARD_NUMBER = re.compile(r"^(（[^（）]*）)?\s*(.*)$")


def join_citations(parts: list[tuple[str, str]]) -> str:
    """「《安全生产法》第四十一条、第四十二条；《…》（GB 30871-2022）5.2、5.3」: each law or standard
    named once (with its number once), its articles joined."""
    by_title: dict[str, tuple[str, list[str]]] = {}
    for title, clause in parts:
        prefix, rest = _STANDARD_NUMBER.match(clause.strip().lstrip("，, ")).groups()
        number, clauses = by_title.setdefault(title, (prefix or "", []))
        if prefix and not number:
            by_title[title] = (prefix, clauses)
        rest = rest.strip()
        if rest and rest not in clauses:
            clauses.append(rest)
    return "；".join(
        f"《{title}》{number}{'、'.join(clauses)}" for title, (number, clauses) in by_title.items()
    )


def citations(text: str) -> tuple[list[tuple[str, str]], str]:
    """The 《title》clause citations in ``text``, and whatever text is not a citation."""
    text = (text or "").strip().removeprefix("违反").removeprefix("依据")
    found = [(m.group(1).strip(), m.group(2).strip()) for m in _CITATION.finditer(text)]
    rest = _CITATION.sub("", text).strip("；;，,、 。")
    return found, rest


def problem_text(problem: dict) -> str:
    """「2号罐区：可燃气体检测报警装置未投用，违反《…》第×条」; a major hazard adds
    「，依据《…判定标准》第×项，判定为重大事故隐患」 (a grading standard is not a rule one violates)."""
    spot, description = problem["spot"].strip(), problem["description"].strip()
    if spot and description.startswith(spot):
        description = description[len(spot) :].lstrip("：:，, ")
    description = description.rstrip("。；;，, ")
    text = f"{spot}：{description}" if spot else description
    rules, rest = citations(problem["basis"])
    standards = [c for c in rules if _is_grading_standard(c[0])]
    rules = [c for c in rules if not _is_grading_standard(c[0])]
    if rules:
        text += f"，违反{join_citations(rules)}"
    elif rest:
        text += f"，违反{rest}"
    if problem.get("grade") == "major":
        criteria, _ = citations(problem.get("major_criterion") or "")
        criteria = join_citations(criteria + standards)
        text += f"，依据{criteria}，{MAJOR_WORDS}" if criteria else f"，{MAJOR_WORDS}"
    return text


# What free text says, by measure: the words that name each statutory measure.
MEASURE_KEYWORDS = {
    "evacuate": ("撤出", "撤离"),
    "suspend": ("停产停业", "停产", "停业", "停止作业", "停止相关作业", "停止施工", "停工"),
    "stop_equipment": ("停止使用",),
}


def _measures_of(problem: dict) -> list[tuple[str, str]]:
    """(measure code, free-text detail) for each statutory measure a finding's text names."""
    chosen: list[tuple[str, str]] = []
    for part in re.split(r"[；;\n]+", problem["immediate_measures"]):
        part = part.strip().rstrip("。；; ")
        if not part:
            continue
        if part in MEASURE_WORDS:
            chosen.append((part, ""))
            continue
        if part in MEASURE_WORDS.values():
            chosen.append((next(k for k, v in MEASURE_WORDS.items() if v == part), ""))
            continue
        codes = [code for code, words in MEASURE_KEYWORDS.items() if any(w in part for w in words)]
        if not codes:
            raise DocumentError(
                f"第{problem['n']}项问题的现场处理措施「{part}」不是法定的现场处理措施"
                f"（{'；'.join(MEASURE_WORDS.values())}）：请写明采取其中哪一项，具体做法可作为说明"
            )
        chosen.extend((code, part) for code in codes)
    return chosen


def measure_list(problems_: list[dict]) -> list[str]:
    """One line per statutory measure chosen, in the statute's order, in its official wording; what the
    inspector wrote goes after it only as the detail (「（第1项：…）」)."""
    details: dict[str, list[str]] = {}
    for problem in problems_:
        for code, detail in _measures_of(problem):
            notes = details.setdefault(code, [])
            note = f"第{problem['n']}项：{detail}" if detail else ""
            if note and note not in notes:
                notes.append(note)
    return [
        MEASURE_WORDS[code] + (f"（{'；'.join(details[code])}）" if details[code] else "")
        for code in MEASURE_WORDS
        if code in details
    ]
