"""The runner shows what is true: answer buttons, the reason a reading is needed, the finish summary,
where a reopened inspection lands, and the document buttons as findings come and go."""

from datetime import date

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from inspector.core.capture import findings, inspections
from inspector.ui.runner.finish_dialog import GO_BACK, FinishDialog
from inspector.ui.runner.runner import RunnerWidget
from tests.ui.conftest import current_id, in_modal


def press(qtbot, widget, key, modifier=Qt.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def checked(runner) -> list[str]:
    return [key for key, button in runner.panel.answer_buttons.items() if button.isChecked()]


def open_runner(qtbot, store, inspection_id) -> RunnerWidget:
    widget = RunnerWidget(store, inspection_id)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def test_an_unanswered_item_shows_no_answer(qtbot, runner):
    press(qtbot, runner.items, Qt.Key_1)  # T-001 pass → T-002, unanswered
    assert current_id(runner) == "T-002"
    assert checked(runner) == []
    press(qtbot, runner.items, Qt.Key_3)  # T-002 n/a → T-003
    assert checked(runner) == []
    press(qtbot, runner.items, Qt.Key_Up)
    assert checked(runner) == ["na"]
    press(qtbot, runner.items, Qt.Key_Up)
    assert checked(runner) == ["pass"]
    press(qtbot, runner.items, Qt.Key_End)
    assert current_id(runner) == "T-006" and checked(runner) == []


def test_pass_on_a_measured_item_without_a_value_says_why_next_to_the_field(qtbot, runner):
    press(qtbot, runner.items, Qt.Key_End)
    press(qtbot, runner.items, Qt.Key_Up)
    assert current_id(runner) == "T-005"
    press(qtbot, runner.items, Qt.Key_1)
    error = runner.panel.value_error
    assert error.isVisible() and "可燃气体浓度" in error.text()  # the reason is on screen, not a tooltip
    assert runner.focusWidget() is runner.panel.value
    assert checked(runner) == []
    qtbot.keyClicks(runner.panel.value, "3")
    assert not error.isVisible()  # typing a value clears it
    press(qtbot, runner.panel.value, Qt.Key_Return)
    assert runner.model.results[(runner.model.rows[0].snapshot_id, "T-005")] == "pass"


def test_the_finish_summary_names_each_problem_and_jumps_to_it(qtbot, runner, demo_store, inspection):
    press(qtbot, runner.items, Qt.Key_1)  # T-001
    press(qtbot, runner.items, Qt.Key_1)  # T-002
    press(qtbot, runner.items, Qt.Key_1)  # T-003
    press(qtbot, runner.items, Qt.Key_2)  # T-004 failed: a spot typed nowhere yet, no photo
    press(qtbot, runner, Qt.Key_Escape)
    seen = {}

    def inspect_and_jump(dialog: FinishDialog):
        seen["texts"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        seen["default_back"] = dialog.back.isDefault() and not dialog.finish.isDefault()
        seen["focus"] = dialog.focusWidget() is dialog.list
        dialog.list.setCurrentRow(0)  # what a failed item lacks is listed first
        qtbot.keyClick(dialog.list, Qt.Key_Return)

    in_modal(inspect_and_jump)
    qtbot.mouseClick(runner.finish_button, Qt.LeftButton)
    texts = seen["texts"]
    assert "not answered: 5. " + runner.model.rows[4].item.content in texts  # T-005
    assert "not answered: 6. " + runner.model.rows[5].item.content in texts  # T-006
    assert texts[0].startswith(
        "failed, but no spot recorded: 4. 可燃气体"
    )  # T-004 failed without its finding
    assert seen["default_back"] and seen["focus"]
    assert current_id(runner) == "T-004"  # jumped
    assert runner.focusWidget() is runner.items
    assert inspections.get(demo_store, inspection["id"])["status"] == "draft"

    in_modal(lambda dialog: qtbot.keyClick(dialog.list, Qt.Key_Escape))  # Esc = go back
    qtbot.mouseClick(runner.finish_button, Qt.LeftButton)
    assert runner.focusWidget() is runner.items  # the list keeps the keyboard
    assert inspections.get(demo_store, inspection["id"])["status"] == "draft"


def test_the_finish_dialog_defaults_to_finishing_only_when_nothing_is_missing(qtbot):
    empty = FinishDialog([])
    qtbot.addWidget(empty)
    assert empty.finish.isDefault() and not empty.list.isVisibleTo(empty)
    open_ = FinishDialog([(("s", "T-001"), "1. x — not answered")])
    qtbot.addWidget(open_)
    assert open_.back.isDefault()
    open_.show()
    qtbot.keyClick(open_.back, Qt.Key_Space)
    assert open_.result() == GO_BACK


def test_reopening_lands_where_the_inspector_was(qtbot, demo_store, inspection, mini_checklist):
    sid = mini_checklist.content_hash
    first = open_runner(qtbot, demo_store, inspection["id"])
    assert current_id(first) == "T-001"  # nothing answered: the first item
    for item in ("T-001", "T-002"):
        inspections.answer(demo_store, inspection["id"], sid, item, "pass")
    assert current_id(open_runner(qtbot, demo_store, inspection["id"])) == "T-003"  # after the last answer
    inspections.answer(demo_store, inspection["id"], sid, "T-004", "fail")
    assert current_id(open_runner(qtbot, demo_store, inspection["id"])) == "T-004"  # its finding is open
    inspections.answer(demo_store, inspection["id"], sid, "T-006", "na")
    inspections.answer(demo_store, inspection["id"], sid, "T-005", "pass", value=3)
    # the item after T-005 is answered: the first one still open
    assert current_id(open_runner(qtbot, demo_store, inspection["id"])) == "T-003"


def test_document_buttons_follow_findings(qtbot, typer, demo_store, inspection):
    from inspector.core.checklists.library import load_for_workspace
    from inspector.ui.inspections_page import InspectionsPage

    page = InspectionsPage(demo_store, load_for_workspace(demo_store.workspace))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    runner = page.open(inspection["id"])
    notice = page.documents.buttons["notice"]
    assert not notice.isVisible()
    press(qtbot, runner.items, Qt.Key_2)  # T-001 fails
    typer(runner.editor.spot.lineEdit(), "东门")
    press(qtbot, runner, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(notice.isVisible)  # a hazard: the notice is now due
    press(qtbot, runner.items, Qt.Key_Up)
    press(qtbot, runner.items, Qt.Key_1)  # passes after all: the finding is retired
    qtbot.waitUntil(lambda: not notice.isVisible())


def _photo(tmp_path, name="p.jpg", size=(64, 32)):
    path = tmp_path / name
    Image.new("RGB", size, "teal").save(path, "JPEG")
    return path


def test_photos_rotate_and_remove_with_a_reason(qtbot, runner, demo_store, inspection, tmp_path, monkeypatch):
    sid = runner.model.rows[0].snapshot_id
    press(qtbot, runner.items, Qt.Key_2)  # T-001 fails
    runner.editor.spot.setEditText("东门")
    runner.editor.attach([_photo(tmp_path)])
    finding = inspections.finding_for(demo_store, inspection["id"], sid, "T-001")
    (photo,) = findings.photos(demo_store, finding["id"])
    assert (photo["width"], photo["height"]) == (64, 32)

    runner.editor.rotate_photo(photo["id"], clockwise=True)
    (turned,) = findings.photos(demo_store, finding["id"])
    assert (turned["width"], turned["height"]) == (32, 64)
    assert demo_store.get("media", photo["id"])["sha256"] == photo["sha256"]  # the original is kept
    assert runner.editor.photos.count() == 1

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    runner.editor.photos.setCurrentRow(0)
    press(qtbot, runner.editor.photos, Qt.Key_Delete)  # cancelled: nothing removed
    assert len(findings.photos(demo_store, finding["id"])) == 1
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("拍错了企业", True)))
    press(qtbot, runner.editor.photos, Qt.Key_Delete)
    assert findings.photos(demo_store, finding["id"]) == []
    assert runner.editor.photos.count() == 0
    action = demo_store.row("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")["action"]
    assert action == "photo-remove:拍错了企业"


def test_a_photo_opens_full_size(qtbot, runner, demo_store, tmp_path, monkeypatch):
    from inspector.ui.runner import photos

    shown = []
    monkeypatch.setattr(photos.PhotoViewer, "exec", lambda self: shown.append(self.picture.pixmap().size()))
    press(qtbot, runner.items, Qt.Key_2)
    runner.editor.spot.setEditText("东门")
    runner.editor.attach([_photo(tmp_path, size=(640, 320))])
    runner.editor.photos.setCurrentRow(0)
    press(qtbot, runner.editor.photos, Qt.Key_Return)
    assert shown and shown[0].width() == 640


def test_the_deadline_accepts_typing_a_date(qtbot, runner):
    press(qtbot, runner.items, Qt.Key_2)
    deadline = runner.editor.deadline
    assert deadline.calendarPopup()
    deadline.setFocus()
    deadline.lineEdit().selectAll()
    qtbot.keyClicks(deadline, "2026-12-15")
    assert deadline.date().toPython() == date(2026, 12, 15)


def test_long_names_are_readable_and_labels_stay_put(qtbot, runner):
    for row in range(runner.sections.count()):
        entry = runner.sections.item(row)
        assert entry.toolTip() == entry.text()  # the whole name on hover
    assert runner.sections.textElideMode() == Qt.ElideMiddle == runner.items.textElideMode()
    editor = runner.editor
    press(qtbot, runner.items, Qt.Key_2)  # T-001, a general item
    general = (editor.measures_label.text(), editor.measures_label.sizeHint().width())
    press(qtbot, runner, Qt.Key_Escape)
    for _ in range(3):
        press(qtbot, runner.items, Qt.Key_Down)
    assert current_id(runner) == "T-004"
    press(qtbot, runner.items, Qt.Key_2)  # a major item
    assert editor.grade.currentData() == "major"
    assert (editor.measures_label.text(), editor.measures_label.sizeHint().width()) == general
    assert "major hazard" in editor.measures.placeholderText()  # what it needs is said in the box
