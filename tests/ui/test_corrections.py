"""People can correct what they entered: their own details, a colleague, an enterprise (each edit audited);
the laptop number says what it affects; first run asks the office settings issuing needs (or leaves them,
and the home page says so); a colleague added with Enter is added once and ticked for the visit."""

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from inspector.core import office, profile
from inspector.core.documents import numbering
from inspector.core.register import enterprises
from inspector.core.store import paths
from tests.ui.conftest import in_modal


def last_audit(store) -> dict:
    return store.row("SELECT action, table_name, record_id FROM audit_log ORDER BY seq DESC LIMIT 1")


def test_own_details_are_corrected_and_audited(qtbot, typer, demo_store):
    from inspector.ui.profile_dialog import ProfileDialog

    me = profile.profile(demo_store)
    dialog = ProfileDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.cert_no.clear()
    typer(dialog.cert_no, "65280019002")  # a colleague's: refused, nothing changes
    dialog.accept()
    assert dialog.result() != QDialog.Accepted and "已属于" in dialog.error.text()
    assert dialog.focusWidget() is dialog.cert_no
    dialog.cert_no.clear()
    typer(dialog.cert_no, "65280019011")
    dialog.name.clear()
    typer(dialog.name, "张伟民")
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    now = profile.profile(demo_store)
    assert (now["id"], now["name"], now["cert_no"]) == (me["id"], "张伟民", "65280019011")
    assert last_audit(demo_store) == {"action": "profile", "table_name": "inspectors", "record_id": me["id"]}


def test_a_laptop_number_in_use_is_not_changed_silently(qtbot, demo_store, monkeypatch):
    from inspector.ui.profile_dialog import ProfileDialog

    with demo_store.transaction():  # this laptop has numbered a document of this year
        numbering.take_number(demo_store, "notice", 2026)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda _p, _t, text, *a: asked.append(text) or QMessageBox.No)
    )
    dialog = ProfileDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.series_no.setValue(5)
    dialog.accept()
    assert dialog.result() != QDialog.Accepted and profile.device(demo_store)["series_no"] == 1
    assert (
        "1001" in asked[0] and "2026" in asked[0] and "5" in asked[0]
    )  # the block that stays, the new number
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.Yes))
    dialog.accept()
    assert dialog.result() == QDialog.Accepted and profile.device(demo_store)["series_no"] == 5
    assert last_audit(demo_store)["action"] == "series"


def test_an_unused_laptop_number_changes_without_a_question(qtbot, demo_store, monkeypatch):
    from inspector.ui.profile_dialog import ProfileDialog

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a: (_ for _ in ()).throw(AssertionError))
    )
    dialog = ProfileDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.series_no.setValue(3)
    dialog.accept()
    assert profile.device(demo_store)["series_no"] == 3


def test_a_colleague_is_corrected_and_audited(qtbot, typer, demo_store):
    from inspector.ui.roster import ColleagueDialog

    colleague = profile.roster(demo_store)[0]
    dialog = ColleagueDialog(demo_store, colleague)
    qtbot.addWidget(dialog)
    dialog.name.clear()
    dialog.accept()
    assert "请填写姓名" in dialog.error.text() and dialog.focusWidget() is dialog.name
    typer(dialog.name, "李娜娜")
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    assert demo_store.get("inspectors", colleague["id"])["name"] == "李娜娜"
    assert last_audit(demo_store) == {
        "action": "roster",
        "table_name": "inspectors",
        "record_id": colleague["id"],
    }


def test_an_enterprise_is_corrected_and_audited(qtbot, typer, demo_store):
    from inspector.ui.enterprise_dialog import EnterpriseDialog

    chem = demo_store.row("SELECT id FROM enterprises WHERE name='库尔勒金泰化工有限责任公司'")["id"]
    dialog = EnterpriseDialog(demo_store, chem)
    qtbot.addWidget(dialog)
    dialog.phone.clear()
    typer(dialog.phone, "0996-2150000")
    dialog.accept()
    assert enterprises.get(demo_store, chem)["phone"] == "0996-2150000"
    assert last_audit(demo_store) == {"action": "update", "table_name": "enterprises", "record_id": chem}


def test_a_colleague_added_with_enter_is_added_once_and_ticked(qtbot, typer, demo_store):
    from inspector.core.checklists.library import load_for_workspace
    from inspector.ui.new_inspection import NewInspectionDialog
    from inspector.ui.roster import RosterBox

    dialog = NewInspectionDialog(demo_store, load_for_workspace(demo_store.workspace))
    qtbot.addWidget(dialog)
    dialog.show()
    before = len(profile.roster(demo_store))
    seen = {}

    def add_with_enter(roster_dialog):
        box = roster_dialog.findChild(RosterBox)
        typer(box.name, "马丽")
        qtbot.keyClick(box.name, Qt.Key_Return)  # Enter in the name goes on to the certificate number
        typer(box.cert_no, "65280019099")
        qtbot.keyClick(box.cert_no, Qt.Key_Return)
        seen["error"] = box.error.text()
        roster_dialog.accept()

    in_modal(add_with_enter)
    qtbot.mouseClick(dialog.add_colleague, Qt.LeftButton)
    assert seen["error"] == ""  # no spurious 「请填写姓名」 from a second add
    assert len(profile.roster(demo_store)) == before + 1
    added = next(p for p in profile.roster(demo_store) if p["name"] == "马丽")
    entry = next(
        dialog.inspectors.item(i)
        for i in range(dialog.inspectors.count())
        if dialog.inspectors.item(i).data(Qt.UserRole) == added["id"]
    )
    assert entry.checkState() == Qt.Checked


def _fill_first_run(typer, dialog):
    for widget, text in (
        (dialog.name, "张伟"),
        (dialog.cert_no, "65280019001"),
        (dialog.organisation, "巴音郭楞蒙古自治州应急管理局"),
        (dialog.region_abbr, "库"),
    ):
        typer(widget, text)
    dialog.series_no.setValue(2)


def test_first_run_may_leave_the_office_settings_and_the_home_page_says_issuing_needs_them(
    qtbot, typer, store
):
    from inspector.ui.first_run import FirstRunDialog
    from inspector.ui.home_page import HomePage

    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    _fill_first_run(typer, dialog)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted
    home = HomePage(store, paths.workspace())
    qtbot.addWidget(home)
    home.show()
    assert home.office_note.isVisible() and home.office_button.isVisible()
    assert "people's government" in home.office_note.text() and "court" in home.office_note.text()
    assert "issuing body" not in home.office_note.text()  # the organisation is the issuing body
    settings = office.load(store)
    settings.government, settings.court = "巴音郭楞蒙古自治州", "库尔勒市"
    office.save(store, settings)
    home.refresh()
    assert not home.office_note.isVisible()


def test_first_run_saves_the_office_settings_it_is_given(qtbot, typer, store):
    from inspector.ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    _fill_first_run(typer, dialog)
    typer(dialog.government, "巴音郭楞蒙古自治州")
    typer(dialog.court, "库尔勒市")
    dialog.accept()
    settings = office.load(store)
    assert (settings.government, settings.court, settings.issuing_body) == (
        "巴音郭楞蒙古自治州",
        "库尔勒市",
        "巴音郭楞蒙古自治州应急管理局",
    )


def test_the_demo_workspace_says_so(qtbot, demo_store):
    from inspector.ui.main_window import MainWindow

    demo_window = MainWindow(demo_store, paths.demo_workspace())
    qtbot.addWidget(demo_window)
    assert "DEMO" in demo_window.windowTitle()
    assert demo_window.home.demo.isVisibleTo(demo_window.home)
    real = MainWindow(demo_store, paths.workspace())
    qtbot.addWidget(real)
    assert "DEMO" not in real.windowTitle() and not real.home.demo.isVisibleTo(real.home)


def test_enter_opens_the_selected_checklist(qtbot, demo_store, monkeypatch):
    from inspector.core.checklists.library import load_for_workspace
    from inspector.ui import checklists_page

    opened = []
    monkeypatch.setattr(checklists_page.ChecklistView, "exec", lambda self: opened.append(self.windowTitle()))
    page = checklists_page.ChecklistsPage(load_for_workspace(demo_store.workspace))
    qtbot.addWidget(page)
    page.show()
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(1, 0))
    qtbot.keyClick(page.table, Qt.Key_Return)
    assert opened == [f"{page.selected().title}（{page.selected().version}）"]


def test_screenshot_of_a_fresh_workspace_pictures_the_first_run_dialog(tmp_path, isolated_home):
    shot = tmp_path / "first.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INSPECTOR_HOME": str(isolated_home)}
    done = subprocess.run(
        [sys.executable, "-m", "inspector", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 1000


def test_no_display_is_said_in_one_line(tmp_path, isolated_home):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["INSPECTOR_HOME"] = str(isolated_home)
    done = subprocess.run(
        [sys.executable, "-m", "inspector"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "offscreen" in lines[0]
