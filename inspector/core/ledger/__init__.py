"""The hazard ledger (隐患台账): lifecycle, re-checks, repeats, queries, statistics and export.

Public API (every function takes the :class:`~inspector.core.store.Store` first; refusals raise
:class:`LedgerError` with a Chinese message and ``.field``; nothing changes when refused):

Lifecycle — :mod:`.lifecycle` (statuses ``open`` 待整改, ``in_progress`` 整改中, ``rectified`` 已整改待复查,
``verified`` 已复查销号; ``STATUS_LABELS``):
    start(store, hazard_id, note="")                          待整改 → 整改中
    report(store, hazard_id, report_text, photos=())          → 已整改待复查 with the enterprise's report
    list_supervision(store, hazard_id, body=, reason=, deadline=, today=None)    挂牌督办
    verify(store, hazard_id, recheck_id, note="")             → 已复查销号 (only with a re-check; lifts 挂牌)
    reject(store, hazard_id, recheck_id, deadline=, note="")  → 待整改 with a new deadline (re-check)
    check(hazard_row, action)                                 raise if the action is not allowed now
    history(store, hazard_id) -> [transition rows + actor_name + photos]
    is_overdue(status, deadline, today=None), listing_suggested(hazard_row, today=None)

Queries — :mod:`.query` (``Filters`` dataclass: statuses, grades, sectors, regions, enterprise_id,
inspector_id, found_from, found_to, overdue, repeat, listed, search, today):
    page(store, filters, sort="n", descending=True, limit=50, offset=0, after=None) -> [row]
        sort: one of ``SORTS`` (found_on, enterprise, spot, description, grade, status, deadline,
        inspector, region, sector, repeat, listed, n); ``after=last_row`` for keyset paging.
        row keys: id, n, enterprise, enterprise_id, spot, description, grade, grade_label, status,
        status_label, deadline, first_deadline, overdue, overdue_days, repeat, listed, suggest_listing,
        found_on, inspector, inspector_id, region, sector, inspection_id, rectified_on, closed_on
    count(store, filters) -> int                 (separate from the pages)
    search(store, text, limit=50, filters=None)  1-, 2- and longer Chinese queries
    hazard(store, hazard_id) -> row
    plan(store, filters, sort=…) -> EXPLAIN QUERY PLAN lines

Repeats — :mod:`.repeats`: the one rule, also used by the runner (``capture.findings.repeats``):
    earlier(store, enterprise_id, checklist_id=, item_id=, spot=, found_at=, exclude_inspection=)
    of_hazard(store, hazard_id) -> the ledger rows a hazard repeats, newest first
    spot_key(spot); window_months(store) (office setting ``repeat_window_months``, default 12)

Re-check (复查) — :mod:`.recheck`:
    start(store, enterprise_id, inspector_ids, original=None, place="") -> recheck (+ items)
    get(store, recheck_id); items(store, recheck_id); open_hazards(store, enterprise_id, original_id)
    record(store, recheck_id, hazard_id, rectified=, note="", new_deadline=None, photos=())
    ready(store, recheck_id); close_visit(store, recheck_id)
    issue_options(store, recheck_id) -> {"kind", "inspection_id", "options"} for documents.issue.*
    finish(store, recheck_id, signatures=None, signer=None) -> the issued 整改复查意见书
    apply_outcomes(store, recheck_id, document_id)   (when the document was issued by the app's window)

Statistics — :mod:`.stats` (``today`` from ``Filters.today``):
    rates(store, by, filters) by region/sector/inspector/month; total_rate(store, filters)
    counts(store, filters); ageing(store, filters); repeats_by_enterprise(store, filters, limit=20)
    summary(store, filters) -> all of them;  summary_pdf.render(store, filters) -> A4 PDF bytes

Export — :mod:`.export`:
    export_xlsx(store, path, filters=None, sort=, descending=, progress=None) -> rows written
        ``progress(done, total)`` returning False cancels; nothing is left behind.

Index — :mod:`.index`: ``catch_up(store)`` (every query calls it), ``rebuild(store)``.
    ``n`` is the order hazards were registered in this workspace; ``sort="n"`` (the default, newest
    first) is also the fast order for search. Keyset paging: pass the last row of the previous page,
    with the same filters and sort, as ``after=``. Writers need not know about the index: triggers queue
    what changed and the next query brings it up to date.

Scale (bench/bench_ledger.py, 1,000,000 hazards): a status or 逾期 filter, with region/grade/sector,
sorted by deadline, found date or enterprise, and 1-/2-character searches newest first, each read about
one page. Other combinations are correct but may read more (see the commit log and the bench output).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.core.ledger.lifecycle import (
        STATUS_LABELS,
        STATUSES,
        LedgerError,
        history,
        is_overdue,
        list_supervision,
        listing_suggested,
        reject,
        report,
        start,
        verify,
    )
    from inspector.core.ledger.query import SORTS, Filters, count, page, search

# Loaded on first use, so that the home page (which needs only ``lifecycle.STATUS_LABELS``) does not
# import the queries, the index and what they import at start-up.
_FROM = {
    **dict.fromkeys(
        [
            "STATUS_LABELS",
            "STATUSES",
            "LedgerError",
            "history",
            "is_overdue",
            "list_supervision",
            "listing_suggested",
            "reject",
            "report",
            "start",
            "verify",
        ],
        "lifecycle",
    ),
    **dict.fromkeys(["SORTS", "Filters", "count", "page", "search"], "query"),
}

__all__ = [
    "SORTS",
    "STATUSES",
    "STATUS_LABELS",
    "Filters",
    "LedgerError",
    "count",
    "history",
    "is_overdue",
    "list_supervision",
    "listing_suggested",
    "page",
    "reject",
    "report",
    "search",
    "start",
    "verify",
]


def __getattr__(name: str):
    if name in _FROM:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_FROM[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
