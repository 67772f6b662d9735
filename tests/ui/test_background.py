"""Long work runs off the GUI thread: the window keeps answering, and Cancel stops it."""

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from inspector.core import progress
from inspector.core.register import enterprise_import, enterprises
from inspector.ui import background
from inspector.ui.import_dialog import ImportDialog
from tests import hostile


def cancel_when_shown(parent, every_ms=10):
    """Click Cancel on the progress dialog as soon as it exists."""

    def look():
        dialog = parent.findChild(QProgressDialog, "progress_dialog")
        if dialog is not None:
            dialog.findChild(QPushButton).click()
        else:
            QTimer.singleShot(every_ms, look)

    QTimer.singleShot(every_ms, look)


def test_the_gui_thread_keeps_running_and_cancel_stops_the_work(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    ticks = []
    timer = QTimer(parent)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    steps = []

    def work(report):
        for step in range(10_000):
            steps.append(step)
            report(step, 10_000)
            time.sleep(0.002)
        return "finished"

    cancel_when_shown(parent, every_ms=50)
    with pytest.raises(progress.Cancelled):
        background.run(parent, "working", work)
    assert ticks  # the event loop ran while the work did
    assert len(steps) < 10_000
    assert background.run(parent, "quick", lambda report: 42) == 42
    with pytest.raises(ValueError, match="bad"):
        background.run(parent, "failing", lambda report: (_ for _ in ()).throw(ValueError("bad")))


def test_an_import_cancelled_in_the_dialog_imports_nothing(qtbot, demo_store, tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "EVERY", 1)
    rows = [["单位名称", "行业"]] + [[f"巴州第{n}号企业有限公司", "工贸"] for n in range(400)]
    path = hostile.xlsx(tmp_path / "many.xlsx", rows)
    dialog = ImportDialog(demo_store, path)
    qtbot.addWidget(dialog)
    assert dialog.report is not None and len(dialog.report.to_add) == 400
    before = hostile.database_hash(demo_store)
    cancel_when_shown(dialog)
    dialog.run_import(skip_bad=False)
    assert dialog.error.text() == "Import cancelled: nothing was imported."
    assert dialog.applied is None and hostile.database_hash(demo_store) == before
    dialog.run_import(skip_bad=False)  # not cancelled: written by the worker's own connection
    assert dialog.applied.added == 400
    assert enterprises.count(demo_store) == len(enterprise_import.read(demo_store, path).unchanged) + 7


def test_out_of_memory_while_importing_is_a_message_not_a_crash(qtbot, demo_store, tmp_path, monkeypatch):
    path = hostile.xlsx(tmp_path / "few.xlsx", [["单位名称", "行业"], ["巴州某公司", "工贸"]])
    dialog = ImportDialog(demo_store, path)
    qtbot.addWidget(dialog)
    before = hostile.database_hash(demo_store)

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(enterprise_import, "apply", no_memory)
    dialog.run_import(skip_bad=False)
    assert dialog.error.text() == "Not enough memory to import this sheet: nothing was imported."
    assert hostile.database_hash(demo_store) == before
