"""Child process for the kill test: answers items through the real runner and reports each one the
screen shows as saved. The parent kills it with SIGKILL in the middle of the run."""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector.core.store import Store, paths
from inspector.ui.runner.items_model import ItemRole
from inspector.ui.runner.runner import RunnerWidget


def main(inspection_id: str) -> None:
    app = QApplication([])
    store = Store.open(paths.workspace())
    runner = RunnerWidget(store, inspection_id)
    runner.show()
    app.processEvents()
    for position in range(runner.proxy.rowCount()):
        row = runner.items.currentIndex().data(ItemRole)
        if position % 7 == 3 and row.item.measure is None:  # now and then a failure with its finding
            QTest.keyClick(runner.items, Qt.Key_2)
            spot = f"部位{position}"
            QTest.keyClicks(runner.editor.spot.lineEdit(), f"P{position}")
            runner.editor.spot.setEditText(spot)  # typed Chinese arrives through the input method
            QTest.qWait(runner.editor._timer.interval() + 50)  # the autosave, not an explicit save
            app.processEvents()
            finding = runner.editor.error.text() == "" and runner.saved.text().startswith("Saved")
            if finding and runner.model.results.get((row.snapshot_id, row.item.id)) == "fail":
                print(f"FINDING {row.snapshot_id} {row.item.id} {spot}", flush=True)
            QTest.keyClick(runner, Qt.Key_Return, Qt.ControlModifier)
            continue
        if row.item.measure is not None:
            QTest.keyClick(runner.items, Qt.Key_Return)
            runner.panel.value.setText("1")
            QTest.keyClick(runner.panel.value, Qt.Key_Return)
            expected = "pass" if row.item.measure.within(1.0) else "fail"
        else:
            QTest.keyClick(runner.items, Qt.Key_1)
            expected = "pass"
        app.processEvents()
        shown = runner.model.results.get((row.snapshot_id, row.item.id))  # set only after the commit
        if shown == expected and runner.saved.text().startswith("Saved"):
            print(f"SAVED {row.snapshot_id} {row.item.id} {expected}", flush=True)
        if expected == "fail":
            runner.focus_list()
            runner.advance()
        time.sleep(0.01)
    print("DONE", flush=True)
    time.sleep(60)


if __name__ == "__main__":
    main(sys.argv[1])
