"""An office's lists at a prefecture's scale: app start to first paint, and the enterprise search.

Start-up: open the store and show the main window until it has painted, with 100,000 enterprises and
200,000 inspections vs an empty workspace (the same profile and checklists). Goal ≤ 1.5×. As in the app,
``quick_check`` and the day's backup are left for just after the first paint (``Store.check_now``), untimed.
Search: a two-character search's count and first page vs the scan it replaces (``instr`` over every
name, as ``enterprises.search`` does), goal ≤ 0.5×. Set ``BENCH_LISTS_SCALE=0.1`` for a quick run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench._harness import Result, compare
from bench.office_data import populate
from inspector.core import demo
from inspector.core.register import enterprise_list
from inspector.core.register import enterprises as enterprises_
from inspector.core.store import Store, paths


def _startup(name: str):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from inspector.ui.main_window import MainWindow

    app = QApplication.instance()

    def start():
        store = Store.open(paths.workspace(name), check_later=True)  # as the app: checked after the paint
        window = MainWindow(store, store.workspace)
        window.resize(1366, 768)
        window.show()
        window.repaint()  # the first paint, synchronously
        app.processEvents()
        window.close()
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.DeferredDelete)  # really gone: windows left over slow the next run
        store.close()

    return start


def prepare(enterprises: int, inspections: int) -> None:
    """The two workspaces: the same profile and checklists, one of them with the office's data."""
    empty = Store.open(paths.workspace("bench-lists-empty"))
    demo.seed(empty, with_inspections=False)
    empty.close()
    big = Store.open(paths.workspace("bench-lists-big"))
    demo.seed(big, with_inspections=False)
    populate(big, enterprises, inspections)
    enterprise_list.refresh(big)  # done once, on the first search after an import
    big.close()


def run() -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    scale = float(os.environ.get("BENCH_LISTS_SCALE", "1"))
    enterprises, inspections = int(100_000 * scale), int(200_000 * scale)

    # Generated in a child process, so that this one starts the app as a fresh process would (the
    # generator's memory churn would otherwise weigh on the runs of the big workspace).
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"from bench.bench_lists import prepare; prepare({enterprises}, {inspections})",
        ],
        cwd=Path(__file__).resolve().parents[1],
        check=True,
    )
    results = [
        compare(
            f"app start to first paint: {enterprises:,} enterprises and {inspections:,} inspections vs empty",
            _startup("bench-lists-big"),
            _startup("bench-lists-empty"),
            goal=1.5,
            rounds=9,
        )
    ]

    store = Store.open(paths.workspace("bench-lists-big"))

    def two_characters():
        enterprise_list.count(store, "煤业")
        enterprise_list.page(store, "煤业", 0, 50)

    def scan():
        enterprises_.search(store, "煤业", columns="id, name, code, sector, region, legal_rep, phone")

    started = time.perf_counter()
    two_characters()
    note = f"first search {1e3 * (time.perf_counter() - started):.1f} ms"
    results.append(
        compare(
            "enterprise search, 2 characters (count + first page) vs the former scan",
            two_characters,
            scan,
            goal=0.5,
            rounds=7,
            note=note,
        )
    )
    store.close()
    return results
