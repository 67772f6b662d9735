"""The re-check dialog from review: an unjudged hazard shows no outcome, a reopened dialog resumes the draft,
a draft can be discarded, a bad photo is refused in the dialog, and refusals reach English in English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from inspector.core import profile
from inspector.core.documents import issue
from inspector.core.ledger import recheck
from inspector.ui import core_messages
from inspector.ui.recheck_dialog import RecheckDialog
from tests.core.test_documents_support import finished_inspection, set_office


@pytest.fixture
def notice(demo_store, mini_checklist, tmp_path):
    set_office(demo_store)
    finished = finished_inspection(demo_store, mini_checklist, tmp_path)
    return issue(demo_store, "notice", finished["id"]) | {"enterprise_id": finished["enterprise_id"]}


def _dialog(qtbot, store, enterprise_id):
    dialog = RecheckDialog(store, enterprise_id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    return dialog


def _started(qtbot, store, enterprise_id):
    dialog = _dialog(qtbot, store, enterprise_id)
    colleague = profile.roster(store, active_only=True)[0]["id"]
    for i in range(dialog.inspectors.count()):
        if dialog.inspectors.item(i).data(Qt.UserRole) == colleague:
            dialog.inspectors.item(i).setCheckState(Qt.Checked)
    assert dialog.start(), dialog.error.text()
    return dialog


def _shown(dialog):
    return dialog.rectified.isChecked(), dialog.not_rectified.isChecked()


def test_an_unjudged_hazard_shows_no_outcome_moving_across_rows(qtbot, demo_store, notice):
    dialog = _started(qtbot, demo_store, notice["enterprise_id"])
    assert len(dialog.recheck["items"]) >= 3
    assert _shown(dialog) == (False, False)
    qtbot.mouseClick(dialog.rectified, Qt.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)  # judged row 0, now on row 1
    assert dialog.table.currentRow() == 1 and _shown(dialog) == (False, False)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)  # nothing chosen: refused, nothing recorded
    assert dialog.error.text() and dialog.table.currentRow() == 1
    assert [i["rectified"] for i in recheck.items(demo_store, dialog.recheck["id"])][:2] == [True, None]
    dialog.table.selectRow(0)
    assert _shown(dialog) == (True, False)
    dialog.table.selectRow(2)
    assert _shown(dialog) == (False, False)
    dialog.table.selectRow(0)
    dialog.table.selectRow(1)
    assert _shown(dialog) == (False, False)


def test_reopening_resumes_the_draft_and_a_draft_can_be_discarded(qtbot, demo_store, notice):
    first = _started(qtbot, demo_store, notice["enterprise_id"])
    qtbot.mouseClick(first.rectified, Qt.LeftButton)
    first.note.setText("已考核")
    qtbot.mouseClick(first.save_button, Qt.LeftButton)
    first.close()

    again = _dialog(qtbot, demo_store, notice["enterprise_id"])
    assert again.stages.currentIndex() == 1 and again.recheck["id"] == first.recheck["id"]
    assert again.table.currentRow() == 1  # the first hazard not yet judged
    again.table.selectRow(0)
    assert _shown(again) == (True, False) and again.note.text() == "已考核"
    visit = again.recheck["inspection_id"]
    assert again.discard("复查人员临时变更")
    assert again.stages.currentIndex() == 0 and again.recheck is None
    assert recheck.draft_of(demo_store, notice["enterprise_id"]) is None
    assert demo_store.get("inspections", visit)["deleted_at"]


def test_a_bad_photo_is_refused_in_the_dialog(qtbot, demo_store, notice, tmp_path):
    dialog = _started(qtbot, demo_store, notice["enterprise_id"])
    bad = tmp_path / "x.jpg"
    bad.write_text("nope")
    qtbot.mouseClick(dialog.rectified, Qt.LeftButton)
    dialog.photos.add([bad])
    assert not dialog.save_current()
    assert "x.jpg" in dialog.error.text() and dialog.table.currentRow() == 0
    assert recheck.items(demo_store, dialog.recheck["id"])[0]["rectified"] is None


def test_refusals_are_shown_in_english_in_the_english_interface(qtbot, demo_store, notice, monkeypatch):
    monkeypatch.setitem(core_messages._language, "lang", "en")
    dialog = _dialog(qtbot, demo_store, notice["enterprise_id"])
    assert not dialog.start()  # only one inspector ticked
    text = dialog.error.text()
    assert text and not any("\u4e00" <= c <= "\u9fff" for c in text), text


def test_ledger_refusals_reach_the_english_interface_in_english(qtbot, demo_store, notice, monkeypatch):
    from inspector.core.ledger import query
    from inspector.ui.hazard_dialogs import ListingDialog

    monkeypatch.setitem(core_messages._language, "lang", "en")
    hazard = query.hazard(demo_store, recheck.open_hazards(demo_store, notice["enterprise_id"])[0]["id"])
    dialog = ListingDialog(demo_store, hazard)
    qtbot.addWidget(dialog)
    dialog.body.clear()
    dialog.accept()
    assert dialog.error.text() == "Enter the supervising body (e.g. 县安委办)"
    assert core_messages.english(
        "这家单位还有一次未完成的复查（针对 （库）应急责改〔2026〕1号，2026-11-30）：请先完成或放弃它"
    ) == (
        "This enterprise has an unfinished re-check (of （库）应急责改〔2026〕1号, 2026-11-30): finish or discard it first"
    )


def test_a_bad_photo_in_the_report_dialog_is_refused_and_nothing_changes(qtbot, demo_store, notice, tmp_path):
    from inspector.core.ledger import query
    from inspector.ui.hazard_dialogs import ReportDialog

    hazard = query.hazard(demo_store, recheck.open_hazards(demo_store, notice["enterprise_id"])[0]["id"])
    bad = tmp_path / "x.jpg"
    bad.write_text("nope")
    dialog = ReportDialog(demo_store, hazard)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.report.setPlainText("已整改")
    dialog.photos.add([bad])
    dialog.accept()  # no exception escapes
    assert dialog.isVisible() and "x.jpg" in dialog.error.text()
    assert query.hazard(demo_store, hazard["id"])["status"] == hazard["status"]
