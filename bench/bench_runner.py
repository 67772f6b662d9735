"""The checklist runner: opening cost must not grow with the checklist; answering through the UI layer
costs little more than through the store."""

from __future__ import annotations

import os
import time
from datetime import date

from bench._harness import Result, compare
from inspector.core import demo, profile
from inspector.core.capture import inspections
from inspector.core.checklists.model import Basis, Checklist, Item, Section, Source
from inspector.core.store import Store, paths


def synthetic_checklist(items: int, per_section: int = 25) -> Checklist:
    source = Source("aqf", "中华人民共和国安全生产法", "主席令第88号", "2021")
    sections = []
    for s in range(0, items, per_section):
        rows = tuple(
            Item(
                id=f"B-{n:05d}",
                section_id=f"S{s // per_section:03d}",
                section_title=f"第{s // per_section + 1}部分",
                content=f"第{n}项：是否按规定设置安全警示标志并保持完好有效",
                method="现场检查",
                basis=(Basis("aqf", "第三十五条", source.title, source.number),),
            )
            for n in range(s, min(s + per_section, items))
        )
        sections.append(Section(f"S{s // per_section:03d}", f"第{s // per_section + 1}部分", rows))
    return Checklist(
        id=f"bench-{items}",
        title=f"基准检查表{items}",
        sector="general",
        version="1",
        effective=date(2026, 1, 1),
        sources={"aqf": source},
        sections=tuple(sections),
    )


def _start(store: Store, checklist: Checklist) -> str:
    enterprise = store.row("SELECT id FROM enterprises LIMIT 1")["id"]
    people = [profile.profile(store)["id"], profile.roster(store)[0]["id"]]
    return inspections.start(store, enterprise, [checklist], "例行检查", people)["id"]


def run() -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from inspector.ui.runner.runner import RunnerWidget

    app = QApplication.instance() or QApplication([])
    store = Store.open(paths.workspace("bench-runner"))
    demo.seed(store, with_inspections=False)
    small = _start(store, synthetic_checklist(20))
    large = _start(store, synthetic_checklist(2000))

    def opener(inspection_id):
        def open_runner():
            widget = RunnerWidget(store, inspection_id)
            widget.resize(1366, 768)
            widget.show()
            app.processEvents()
            widget.close()
            widget.deleteLater()
            app.processEvents()

        return open_runner

    results = [
        compare(
            "open the runner: 2,000-item vs 20-item checklist",
            opener(large),
            opener(small),
            goal=2.0,
            rounds=7,
        )
    ]

    # answering 1,000 items: through the runner (key presses, model, indicator) vs core calls alone
    ui_inspection = _start(store, synthetic_checklist(1000))
    core_inspection = _start(store, synthetic_checklist(1000))
    widget = RunnerWidget(store, ui_inspection)
    widget.show()
    app.processEvents()
    start = time.perf_counter()
    for _ in range(1000):
        QTest.keyClick(widget.items, Qt.Key_1)
    ui_seconds = time.perf_counter() - start
    [checklist] = inspections.checklists_of(store, core_inspection)
    start = time.perf_counter()
    for item in checklist.items:
        inspections.answer(store, core_inspection, checklist.content_hash, item.id, "pass")
    core_seconds = time.perf_counter() - start
    answered = inspections.summary(store, ui_inspection)["answered"]
    results.append(
        Result(
            "answer 1,000 items: through the UI layer vs the store alone",
            ui_seconds / 1000,
            core_seconds / 1000,
            goal=4.0,
            note=f"{answered} answers saved via the UI; the rest is the list view's repaint",
        )
    )
    widget.close()
    store.close()
    return results
