"""The statutory immediate measures an inspector may order on site, chosen explicitly per finding.

安全生产法 第六十五条第一款第三项: 「重大事故隐患排除前或者排除过程中无法保证安全的，应当责令从危险区域内撤出
作业人员，责令暂时停产停业或者停止使用相关设施、设备」. A finding stores the codes chosen (a JSON list in the
statute's order, '' when none); its free text is only the detail of what was chosen. Nothing is inferred from
the free text: a legal document states only what the inspector decided.
"""

from __future__ import annotations

import json

from inspector.core.capture.inspections import InspectionError

# Code → the statute's wording, in the statute's order.
WORDS = {
    "evacuate": "责令从危险区域内撤出作业人员",
    "suspend": "责令暂时停产停业",
    "stop_equipment": "责令停止使用相关设施、设备",
}
CODES = tuple(WORDS)


def dump(codes) -> str:
    """The stored form of the chosen codes: a JSON list in the statute's order, '' for none.

    An unknown code is refused by name (field ``measures``)."""
    chosen = set()
    for code in codes or ():
        if code not in WORDS:
            raise InspectionError(
                f"未知的现场处理措施“{code}”，应为：{'、'.join(f'{c}（{w}）' for c, w in WORDS.items())}",
                "measures",
            )
        chosen.add(code)
    ordered = [code for code in CODES if code in chosen]
    return json.dumps(ordered) if ordered else ""


def load(text: str | None) -> list[str]:
    """The chosen codes of a stored finding (none for one recorded before measures were chosen)."""
    if not text:
        return []
    try:
        codes = json.loads(text)
    except ValueError:
        return []
    return [code for code in CODES if isinstance(codes, list) and code in codes]
