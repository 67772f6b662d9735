"""The Sync page and what the home page says about sync: field/office chosen at first run and shown in the
title, export with a progress bar, import of a folder with a report per bundle, a package for a laptop,
and the laptop's home page listing the hazards due for re-check."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog

from inspector.core.sync import workspace
from inspector.ui.first_run import FirstRunDialog
from inspector.ui.home_page import HomePage
from inspector.ui.main_window import MainWindow
from inspector.ui.sync_page import SyncPage
from tests.core.sync_support import PIN, office_with_register, workspace_store
from tests.core.test_documents_support import finished_inspection

pytestmark = pytest.mark.usefixtures("quick_keys")


def test_first_run_chooses_the_kind_and_the_title_shows_it(qtbot, typer, store):
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    for widget, text in (
        (dialog.name, "王文员"),
        (dialog.cert_no, "OFFICE-001"),
        (dialog.organisation, "库尔勒市应急管理局"),
        (dialog.region_abbr, "库"),
    ):
        typer(widget, text)
    dialog.series_no.setValue(1)
    dialog.kind.setCurrentIndex(dialog.kind.findData("office"))
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    assert workspace.kind(store) == "office"
    window = MainWindow(store, store.workspace)
    qtbot.addWidget(window)
    assert window.windowTitle().endswith("Office workspace")
    window.sync.set_kind("field")  # deliberate: the page asks first (switch_kind), then this
    assert window.windowTitle().endswith("Field workspace")
    with pytest.raises(workspace.WorkspaceKindError):
        workspace.set_kind(store, "office")  # not without saying so


def test_export_import_package_and_due_hazards(qtbot, tmp_path, mini_checklist):
    office = office_with_register()
    laptop = workspace_store("laptop", "field", "张检查", "FIELD-0001")
    office_page = SyncPage(office)
    qtbot.addWidget(office_page)
    register = office_page.build_package("库尔勒经济技术开发区", tmp_path / "register.zip", pin=PIN)
    field_page = SyncPage(laptop)
    qtbot.addWidget(field_page)
    field_page.trust.setChecked(True)
    [report] = field_page.import_paths([register])
    assert report.ok, report.message
    finished_inspection(laptop, mini_checklist, tmp_path)

    home = HomePage(laptop, laptop.workspace)
    qtbot.addWidget(home)
    home.refresh()
    assert "Never exported: " in home.sync_state.text()  # a laptop that has never exported says so
    usb = tmp_path / "usb"
    usb.mkdir()
    steps = []
    field_page.progress.valueChanged.connect(steps.append)
    bundle = field_page.export_to(usb, pin=PIN)
    assert bundle is not None and bundle.exists() and steps[-1] == 5
    home.refresh()
    assert home.sync_state.text() == "Everything has been exported."

    office_page.trust.setChecked(True)
    office_page.resize(1000, 640)
    office_page.show()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(usb))])
    drop = QDropEvent(QPointF(10, 10), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    office_page.dropEvent(drop)
    assert office_page.reports.rowCount() == 1
    assert "新增" in office_page.reports.item(0, 1).text()
    assert "Laptops" in office_page.devices.text()
    qtbot.wait(50)  # let the layout settle before the picture
    office_page.grab().save(str(tmp_path / "office-sync.png"))

    package = office_page.build_package("FIELD-0001", tmp_path / "for-laptop.zip", pin=PIN)
    [report] = field_page.import_paths([package])
    assert report.ok, report.message
    home.refresh()
    home.resize(900, 640)
    home.show()
    assert not home.due.isHidden()
    texts = home.due_list.text().splitlines()
    assert len(texts) == 3 and all("库尔勒金泰化工有限责任公司" in t for t in texts)
    qtbot.wait(50)
    home.grab().save(str(tmp_path / "home-due.png"))


def test_conflicts_are_shown_and_marked_reviewed(qtbot, tmp_path, mini_checklist):
    from inspector.core.sync import export_bundle, import_bundle, review

    office = office_with_register()
    laptop = workspace_store("laptop", "field", "张检查", "FIELD-0001")
    page = SyncPage(office)
    qtbot.addWidget(page)
    register = page.build_package("库尔勒经济技术开发区", tmp_path / "register.zip", pin=PIN)
    assert import_bundle(laptop, register, trust=True).ok
    finished_inspection(laptop, mini_checklist, tmp_path)
    assert import_bundle(office, export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path, trust=True).ok
    finding = office.row("SELECT id FROM findings ORDER BY id LIMIT 1")
    office.update("findings", finding["id"], {"spot": "办公室"})
    laptop.update("findings", finding["id"], {"spot": "现场"})
    assert import_bundle(office, export_bundle(laptop, tmp_path / "2.zip", pin=PIN).path).ok
    page.resize(1000, 760)
    page.show()
    page.refresh()
    assert not page.conflicts_box.isHidden() and page.conflicts.rowCount() == 1
    assert "保留现场的" in page.conflicts.item(0, 1).text()
    assert "张检查" in page.devices.text()
    qtbot.wait(50)
    page.grab().save(str(tmp_path / "sync-conflicts.png"))
    page.conflict_view.selectRow(0)
    page.mark_reviewed()
    assert review.count_open(office) == 0 and page.conflicts_box.isHidden()


def test_after_an_export_nothing_is_pending_even_once_a_package_acknowledged_less(
    qtbot, tmp_path, mini_checklist
):
    from inspector.core.sync import export_bundle, import_bundle
    from inspector.core.sync.package import build_package

    office = office_with_register()
    laptop = workspace_store("laptop", "field", "张检查", "FIELD-0001")
    assert import_bundle(
        laptop, build_package(office, "库尔勒经济技术开发区", tmp_path / "r.zip", pin=PIN).path, trust=True
    ).ok
    finished_inspection(laptop, mini_checklist, tmp_path)
    assert import_bundle(office, export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path, trust=True).ok
    laptop.update(
        "enterprises", laptop.row("SELECT id FROM enterprises ORDER BY id LIMIT 1")["id"], {"notes": "二"}
    )
    export_bundle(laptop, tmp_path / "2.zip", pin=PIN)  # still on the way to the office
    assert import_bundle(laptop, build_package(office, "FIELD-0001", tmp_path / "p.zip", pin=PIN).path).ok
    usb = tmp_path / "usb"
    usb.mkdir()
    page = SyncPage(laptop)
    qtbot.addWidget(page)
    assert page.export_to(usb, pin=PIN) is not None
    home = HomePage(laptop, laptop.workspace)
    qtbot.addWidget(home)
    home.refresh()
    lines = home.sync_state.text().splitlines()
    assert lines[0] == "Everything has been exported."
    assert lines[1].startswith("Exported but not yet acknowledged by the office:")
    assert "not yet exported" not in page.pending.text()
    assert "not yet acknowledged" in page.pending.text()


def test_a_conflict_reads_in_the_interface_language(qtbot, tmp_path, mini_checklist):
    from inspector.core.sync import export_bundle, import_bundle
    from inspector.ui import core_messages

    office = office_with_register()
    laptop = workspace_store("laptop", "field", "张检查", "FIELD-0001")
    page = SyncPage(office)
    qtbot.addWidget(page)
    assert import_bundle(
        laptop, page.build_package("库尔勒经济技术开发区", tmp_path / "r.zip", pin=PIN), trust=True
    ).ok
    finished_inspection(laptop, mini_checklist, tmp_path)
    assert import_bundle(office, export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path, trust=True).ok
    finding = office.row("SELECT id FROM findings ORDER BY id LIMIT 1")["id"]
    office.update("findings", finding, {"spot": "办公室"})
    laptop.update("findings", finding, {"spot": "现场"})
    assert import_bundle(office, export_bundle(laptop, tmp_path / "2.zip", pin=PIN).path).ok
    page.refresh()
    assert page.conflicts.item(0, 1).text() == "隐患部位：办公室“办公室”，现场“现场”，保留现场的"
    core_messages.set_language("en")
    try:
        page.refresh()
        said = page.conflicts.item(0, 1).text()
        rule = page.conflicts.item(0, 2).text()
    finally:
        core_messages.set_language(None)
    assert said.startswith("Spot: office “") and "kept the field's version" in said
    assert rule == "Facts found on site follow the field record"


def test_the_apps_export_to_an_unwritable_folder_says_so(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    laptop = workspace_store("laptop", "field", "张检查", "FIELD-0001")
    page = SyncPage(laptop)
    qtbot.addWidget(page)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    blocker = tmp_path / "stick"
    blocker.write_text("not a folder")
    assert page.export_to(blocker / "inside", pin=PIN) is None
    [(title, text)] = shown
    assert title == "Export failed" and "无法写入文件夹" in text and "Errno" not in text
    assert not list(tmp_path.glob("**/*.part"))
