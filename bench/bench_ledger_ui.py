"""The ledger page at a prefecture's scale: choose a filter, get the first painted page.

Each case runs on a ledger of 1,000,000 generated hazards against the same on 100,000 (goal ≤ 1.5×:
the page must not slow down as the ledger grows). The count, asked separately, grows with the number
of matching rows; its times at both sizes are printed in the note. Rows come from ``bench_ledger.generate``.

    python -m bench ledger_ui
    INSPECTOR_BENCH_LEDGER_UI=20000,200000 python -m bench ledger_ui     # quicker
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from bench._harness import Result, compare
from bench.bench_ledger import TODAY, _without_indexes, generate
from inspector.core.ledger import index, query
from inspector.core.ledger.query import Filters
from inspector.core.store import Store, paths

CASES = {
    "every hazard, newest first": (Filters(today=TODAY), "n"),
    "open hazards by deadline": (Filters(statuses=("open", "in_progress"), today=TODAY), "deadline"),
    "overdue, by enterprise": (Filters(overdue=True, today=TODAY), "enterprise"),
    "one county's open hazards": (Filters(regions=("尉犁县",), statuses=("open",), today=TODAY), "n"),
    "search 罐区 (2 characters)": (Filters(search="罐区", today=TODAY), "n"),
    "search 消 (1 character), by deadline": (Filters(search="消", today=TODAY), "deadline"),
}


def _ledger(size: int) -> Store:
    folder = Path(tempfile.mkdtemp(prefix="bench-ledger-ui-", dir=os.environ.get("INSPECTOR_HOME")))
    store = Store.open(paths.Workspace(folder / "ws"))
    index.catch_up(store)
    creates = _without_indexes(store)
    generate(store, 0, size, random.Random(8))
    for sql in creates:
        store.conn.execute(sql)
    store.conn.execute("ANALYZE")
    return store


def run() -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from inspector.ui.ledger_page import LedgerPage

    app = QApplication.instance() or QApplication([])
    small, large = (int(s) for s in os.environ.get("INSPECTOR_BENCH_LEDGER_UI", "100000,1000000").split(","))
    pages = {}
    for size in (small, large):
        page = LedgerPage(_ledger(size))
        page.resize(1366, 768)
        page.show()
        app.processEvents()
        pages[size] = page

    def first_page(page, filters, sort):
        total = query.count(page.store, filters)  # asked once: timed on its own below

        def run_once():
            page.model.sort_key = sort
            page.model.filters = filters
            page.model.set_query(
                lambda: total,
                lambda offset, limit, after: query.page(
                    page.store, filters, sort=sort, descending=True, limit=limit, offset=offset, after=after
                ),
                keyset=True,
            )
            page.table.viewport().repaint()

        return run_once

    def counting(size, filters):
        started = time.perf_counter()
        for _ in range(3):
            query.count(pages[size].store, filters)
        return (time.perf_counter() - started) / 3 * 1e3

    results = []
    for name, (filters, sort) in CASES.items():
        note = f"count {counting(large, filters):.0f} ms at {large:,}, {counting(small, filters):.0f} ms at {small:,}"
        results.append(
            compare(
                f"ledger page, filter → first painted page, {large:,} vs {small:,} hazards: {name}",
                first_page(pages[large], filters, sort),
                first_page(pages[small], filters, sort),
                goal=1.5,
                rounds=5,
                note=note,
            )
        )
    for page in pages.values():
        page.store.close()
    return results
