"""What the runner must never do: lose typed text, show 'saved' for what was not, or keep a finding
on an item that passes."""

import sqlite3

from PySide6.QtCore import Qt

from inspector.core.capture import inspections
from inspector.ui.runner.runner import RunnerWidget
from tests.ui.conftest import current_id


def sid(runner):
    return runner.model.rows[0].snapshot_id


def test_passing_an_item_while_its_finding_is_being_typed_leaves_no_finding(
    qtbot, typer, runner, demo_store, inspection
):
    qtbot.keyClick(runner.items, Qt.Key_2)  # T-001 fails
    typer(runner.editor.spot.lineEdit(), "东门")
    assert runner.editor.pending() and runner.saved.text() == "Saving…"
    qtbot.mouseClick(runner.panel.answer_buttons["pass"], Qt.LeftButton)  # changes its mind at once
    qtbot.wait(runner.editor._timer.interval() + 100)
    assert inspections.answers_of(demo_store, inspection["id"])[(sid(runner), "T-001")]["result"] == "pass"
    assert inspections.findings_of(demo_store, inspection["id"]) == []
    assert (
        demo_store.row(
            "SELECT count(*) AS n FROM hazards h JOIN findings f ON f.id = h.finding_id"
            " WHERE f.inspection_id=? AND h.deleted_at IS NULL",
            [inspection["id"]],
        )["n"]
        == 0
    )


def test_a_finding_that_cannot_be_saved_keeps_the_inspector_on_it(
    qtbot, typer, runner, demo_store, inspection
):
    qtbot.keyClick(runner.items, Qt.Key_Down)
    qtbot.keyClick(runner.items, Qt.Key_2)  # T-002 fails: a major item
    editor = runner.editor
    typer(editor.spot.lineEdit(), "安全管理部")
    editor.description.setPlainText("安全管理人员考核证书过期")
    editor.grade.setCurrentIndex(editor.grade.findData("general"))  # no reason given
    runner.items.setFocus()
    qtbot.keyClick(runner.items, Qt.Key_Down)  # tries to leave
    qtbot.wait(50)
    assert current_id(runner) == "T-002"
    assert "须写明理由" in editor.error.text() and runner.saved.text() == "Not saved"
    assert editor.description.toPlainText() == "安全管理人员考核证书过期"  # nothing typed was dropped
    qtbot.keyClick(runner, Qt.Key_Return, Qt.ControlModifier)  # nor does Ctrl+Enter move on
    assert current_id(runner) == "T-002"
    typer(editor.grade_reason, "证书已补办，仅未随身携带")
    qtbot.keyClick(runner, Qt.Key_Return, Qt.ControlModifier)
    assert current_id(runner) == "T-003"
    finding = inspections.finding_for(demo_store, inspection["id"], sid(runner), "T-002")
    assert finding["description"] == "安全管理人员考核证书过期" and finding["grade"] == "general"


def test_a_database_error_is_shown_as_not_saved(qtbot, runner, demo_store, inspection, monkeypatch):
    def locked(*_a, **_k):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(inspections, "answer", locked)
    qtbot.keyClick(runner.items, Qt.Key_1)
    assert runner.saved.text() == "Not saved" and "locked" in runner.saved.toolTip()
    assert runner.model.results.get((sid(runner), "T-001")) is None
    assert current_id(runner) == "T-001"


def test_measurements_need_a_value_and_accept_plain_numbers_only(
    qtbot, typer, runner, demo_store, inspection
):
    for _ in range(4):
        qtbot.keyClick(runner.items, Qt.Key_Down)
    assert current_id(runner) == "T-005"
    qtbot.keyClick(runner.items, Qt.Key_1)  # 'pass' without a reading
    assert runner.saved.text() == "Not saved" and "测量值" in runner.saved.toolTip()
    assert runner.focusWidget() is runner.panel.value
    typer(runner.panel.value, "1,000")  # a group separator is refused as it is typed (it used to crash)
    assert runner.panel.value.text() == "1000"
    qtbot.keyClick(runner.panel.value, Qt.Key_Return)
    assert inspections.answers_of(demo_store, inspection["id"])[(sid(runner), "T-005")]["result"] == "fail"
    runner.panel.value.clear()
    typer(runner.panel.value, "12.5")
    qtbot.keyClick(runner.panel.value, Qt.Key_Return)
    assert inspections.answers_of(demo_store, inspection["id"])[(sid(runner), "T-005")]["value"] == 12.5


def test_a_finished_inspection_is_read_only_until_amend(qtbot, runner, demo_store, inspection, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    inspections.answer(demo_store, inspection["id"], sid(runner), "T-001", "fail")
    inspections.finish(demo_store, inspection["id"])
    widget = RunnerWidget(demo_store, inspection["id"])
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.editor.isEnabled() and widget.amend_button.isVisible()
    asked = []
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: asked.append(1) or ("补录部位", True))
    )
    qtbot.mouseClick(widget.amend_button, Qt.LeftButton)
    assert widget.editor.isEnabled() and len(asked) == 1
    widget.editor.spot.setEditText("1号罐区")
    widget.editor.save()
    assert len(asked) == 1  # typing and autosaving never ask again
    action = demo_store.row(
        "SELECT action FROM audit_log WHERE table_name='findings' ORDER BY seq DESC LIMIT 1"
    )
    assert action["action"] == "amend:finding:补录部位"


def test_opening_another_inspection_never_drops_an_unsaveable_finding(
    qtbot, typer, demo_store, inspection, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from inspector.core.checklists.library import load_for_workspace
    from inspector.ui.inspections_page import InspectionsPage

    page = InspectionsPage(demo_store, load_for_workspace(demo_store.workspace))
    qtbot.addWidget(page)
    page.show()
    runner = page.open(inspection["id"])
    qtbot.keyClick(runner.items, Qt.Key_Down)
    qtbot.keyClick(runner.items, Qt.Key_2)  # a major item: setting it to general needs a reason
    runner.editor.grade.setCurrentIndex(runner.editor.grade.findData("general"))
    typer(runner.editor.spot.lineEdit(), "安全管理部")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(1) or QMessageBox.No)
    )
    other = inspections.drafts(demo_store)[-1]["id"]
    assert page.open(other) is runner and asked == [1]  # stays, keeps the text
    assert runner.editor.spot.currentText() == "安全管理部"
    assert runner.editor.grade_reason.hasFocus() or runner.focusWidget() is runner.editor.grade_reason
