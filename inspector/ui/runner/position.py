"""Where in a checklist the runner stands: where a reopened inspection resumes, and the open problems in
list order. Plain functions over the rows and their results (no widgets), so both are easy to test."""

from __future__ import annotations

from inspector.ui.runner.items_model import Row


def resume_position(rows: list[Row], results: dict, answers: dict) -> int:
    """The failed item last answered (its finding may be half done), else the item after the last one
    answered, else (when that one is answered too) the first unanswered item; 0 when nothing is answered."""
    if not rows:
        return 0
    position = {(r.snapshot_id, r.item.id): i for i, r in enumerate(rows)}
    answered = [a for key, a in answers.items() if key in position and a["result"]]
    if not answered:
        return 0
    # updated_at has millisecond resolution; on a tie the later item in the list wins (a total order)
    last = max(answered, key=lambda a: (a["updated_at"], position[(a["snapshot_id"], a["item_id"])]))
    at = position[(last["snapshot_id"], last["item_id"])]
    if last["result"] != "fail" and at + 1 < len(rows):
        at += 1
    if results.get((rows[at].snapshot_id, rows[at].item.id)) not in (None, "fail"):
        unanswered = [i for i, r in enumerate(rows) if not results.get((r.snapshot_id, r.item.id))]
        if unanswered:
            at = unanswered[0]
    return at


def problems_in_order(rows: list[Row], results: dict, failed_problems: list[tuple[str, str, str]]):
    """(key, row, problem) for each open problem: what failed items lack first, then unanswered items
    (problem None), each group in list order."""
    order = {(r.snapshot_id, r.item.id): (i, r) for i, r in enumerate(rows)}
    found = [((r.snapshot_id, r.item.id), None) for r in rows if not results.get((r.snapshot_id, r.item.id))]
    found += [((snapshot_id, item_id), problem) for snapshot_id, item_id, problem in failed_problems]
    found = [f for f in found if f[0] in order]
    found.sort(key=lambda f: (f[1] is None, order[f[0]][0], f[1] or ""))
    return [(key, order[key][1], problem) for key, problem in found]
