"""How a document words what was found: 「部位：问题，违反《…》…」, the 判定 of a major hazard, the
statutory measures chosen, and the refusal of a problem that still reads as the checklist's question or
whose measures were never chosen.

No store access here: these turn a problem's fields into the printed text.
"""

from __future__ import annotations

import re

from inspector.core.capture.measures import WORDS
from inspector.core.documents.errors import DocumentError

# The codes of the statutory measures a finding may choose, and the official wording they stand for.
MEASURE_WORDS = WORDS


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
# The grading texts whose own term is not 重大事故隐患: GB 35181《重大火灾隐患判定规则》 judges 重大火灾隐患,
# 《城镇燃气经营安全重大隐患判定标准》 judges 重大隐患 (its 第四条…第十条: 「…的，判定为重大隐患」).
_OWN_TERMS = (("重大火灾隐患", "判定为重大火灾隐患"), ("重大隐患", "判定为重大隐患"))


def _is_grading_standard(title: str) -> bool:
    """A text that grades hazards (判定标准, GB 35181's 判定规则): cited with 「依据」, never 「违反」."""
    return "判定标准" in title or "判定规则" in title


def major_words(criteria: list[tuple[str, str]]) -> str:
    """「判定为…」 in the term of the first grading text cited (重大事故隐患 when none names another)."""
    for title, _clause in criteria:
        for term, words in _OWN_TERMS:
            if term in title:
                return words
    return MAJOR_WORDS


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
        words = major_words(criteria + standards)
        criteria = join_citations(criteria + standards)
        text += f"，依据{criteria}，{words}" if criteria else f"，{words}"
    return text


def _items(numbers: list[int]) -> str:
    return f"第{'、'.join(str(n) for n in numbers)}项"


def measure_list(problems_: list[dict]) -> list[str]:
    """One line per statutory measure the inspector chose, in the statute's order and wording, naming the
    problems it is ordered for (「责令从危险区域内撤出作业人员（第1、2项）」); what the inspector wrote is
    printed once per problem, only as the detail (「具体要求：第1项，…」). Nothing is read into the free text."""
    lines = []
    for code, words in MEASURE_WORDS.items():
        numbers = [p["n"] for p in problems_ if code in p.get("measures", ())]
        if numbers:
            lines.append(f"{words}（{_items(numbers)}）")
    details = []
    for problem in problems_:
        detail = (problem.get("immediate_measures") or "").strip().rstrip("。；;，, ")
        if detail and problem.get("measures"):
            details.append(f"第{problem['n']}项，{detail}")
    if details:
        lines.append("具体要求：" + "；".join(details))
    return lines


def check_measures_chosen(found: list[dict]) -> None:
    """Refuse a problem whose immediate measures are free text only (recorded before measures were chosen
    explicitly): the inspector chooses the statutory measures; none is inferred from the text."""
    for problem in found:
        if not problem.get("measures"):
            raise DocumentError(
                f"第{problem['n']}项问题（{problem['spot']}：{problem['description']}）只写了现场处理措施"
                f"「{problem['immediate_measures']}」，没有选定法定措施：请在该问题的记录中勾选要采取的措施"
                f"（{'；'.join(MEASURE_WORDS.values())}），文字只作为具体要求，再出具现场处理措施决定书"
            )
