"""Drive a whole inspection from the keyboard: answers, a failed item with photo and grade reason,
the repeat warning, and finishing with its summary."""

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector.core.capture import findings, inspections
from inspector.ui.runner.finish_dialog import FINISH, FinishDialog
from inspector.ui.runner.items_model import ItemsFilter
from tests.ui.conftest import current_id


def press(qtbot, widget, key, modifier=Qt.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def test_whole_checklist_by_keyboard_with_a_failed_major_item(
    qtbot, typer, runner, demo_store, inspection, tmp_path, monkeypatch
):
    photo = tmp_path / "tank.jpg"
    Image.new("RGB", (64, 48), "navy").save(photo, "JPEG")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(photo)], "")))
    items = runner.items

    assert current_id(runner) == "T-001"
    press(qtbot, items, Qt.Key_1)  # T-001 pass
    press(qtbot, items, Qt.Key_Space)  # T-002 pass
    press(qtbot, items, Qt.Key_3)  # T-003 not applicable
    assert current_id(runner) == "T-004"
    assert runner.saved.text().startswith("Saved")

    press(qtbot, items, Qt.Key_2)  # T-004 fail → the finding opens
    editor = runner.editor
    assert editor.isVisible()
    assert runner.focusWidget() is editor.spot
    assert editor.grade.currentData() == "major"  # the item carries a major-hazard criterion
    assert editor.description.toPlainText() == "可燃气体泄漏场所未按国家标准设置检测报警装置"
    assert not editor.repeat.isVisible()
    typer(editor.spot.lineEdit(), "2号罐区")
    qtbot.waitUntil(editor.repeat.isVisible)  # the demo found a hazard at this spot before (after autosave)
    assert "2号罐区" in editor.repeat.text()

    editor.grade.setCurrentIndex(editor.grade.findData("general"))
    assert editor.grade_reason.isVisible()
    qtbot.mouseClick(editor.add_photo, Qt.LeftButton)  # saving without a reason is refused …
    assert "须写明理由" in editor.error.text()
    assert runner.saved.text() == "Not saved"
    typer(editor.grade_reason, "探头已安装，仅线路松脱，当场可修复")
    qtbot.mouseClick(editor.add_photo, Qt.LeftButton)  # … with a reason it saves, with the photo
    assert editor.photos.count() == 1
    press(qtbot, runner, Qt.Key_Return, Qt.ControlModifier)  # finding done → next item
    assert current_id(runner) == "T-005"

    press(qtbot, items, Qt.Key_Return)  # measurement: Enter, type, Enter
    assert runner.focusWidget() is runner.panel.value
    typer(runner.panel.value, "31.5")
    press(qtbot, runner.panel.value, Qt.Key_Return)
    assert runner.model.results[(inspection_snapshot(runner), "T-005")] == "fail"
    typer(editor.spot.lineEdit(), "1号储罐")
    press(qtbot, runner, Qt.Key_Return, Qt.ControlModifier)
    press(qtbot, items, Qt.Key_1)  # T-006 pass

    finding = inspections.finding_for(demo_store, inspection["id"], inspection_snapshot(runner), "T-004")
    assert (finding["spot"], finding["grade"]) == ("2号罐区", "general")
    assert finding["grade_reason"] == "探头已安装，仅线路松脱，当场可修复"
    assert len(findings.photos(demo_store, finding["id"])) == 1
    measured = inspections.finding_for(demo_store, inspection["id"], inspection_snapshot(runner), "T-005")
    assert measured["measured_value"] == 31.5
    assert runner.progress.value() == 6

    shown = []
    monkeypatch.setattr(FinishDialog, "exec", lambda self: FINISH)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: shown.append(text)))
    with qtbot.waitSignal(runner.finished):
        qtbot.mouseClick(runner.finish_button, Qt.LeftButton)
    assert "6" in shown[0] and "Photos: 1" in shown[0]
    assert inspections.get(demo_store, inspection["id"])["status"] == "finished"


def inspection_snapshot(runner):
    return runner.model.rows[0].snapshot_id


def test_filters_and_find(qtbot, typer, runner):
    press(qtbot, runner.items, Qt.Key_1)
    press(qtbot, runner.items, Qt.Key_2)
    press(qtbot, runner, Qt.Key_Escape)
    press(qtbot, runner, Qt.Key_2, Qt.ControlModifier)  # unanswered only
    assert runner.proxy.state == ItemsFilter.UNANSWERED
    assert runner.proxy.rowCount() == 4
    press(qtbot, runner, Qt.Key_3, Qt.ControlModifier)  # failed only
    assert runner.proxy.rowCount() == 1 and current_id(runner) == "T-002"
    press(qtbot, runner, Qt.Key_1, Qt.ControlModifier)
    press(qtbot, runner, Qt.Key_F, Qt.ControlModifier)
    assert runner.focusWidget() is runner.search
    typer(runner.search, "疏散")
    assert runner.proxy.rowCount() == 1 and current_id(runner) == "T-006"


def test_answering_in_the_unanswered_filter_moves_to_the_next_unanswered(qtbot, runner):
    runner.set_state_filter(ItemsFilter.UNANSWERED)
    press(qtbot, runner.items, Qt.Key_1)
    assert current_id(runner) == "T-002"
    press(qtbot, runner.items, Qt.Key_3)
    assert current_id(runner) == "T-003"
    assert runner.proxy.rowCount() == 4


def test_amending_a_finished_inspection_asks_for_a_reason(qtbot, runner, demo_store, inspection, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    inspections.finish(demo_store, inspection["id"])
    runner.inspection = inspections.get(demo_store, inspection["id"])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    press(qtbot, runner.items, Qt.Key_1)
    assert runner.saved.text() == "Not saved"
    assert not inspections.answers_of(demo_store, inspection["id"])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("漏记一项，补录", True)))
    press(qtbot, runner.items, Qt.Key_1)
    assert len(inspections.answers_of(demo_store, inspection["id"])) == 1
    action = demo_store.row("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")["action"]
    assert action == "amend:answer:漏记一项，补录"
