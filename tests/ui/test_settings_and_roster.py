"""Settings: the language choice, the roster of colleagues, the office settings dialog; photo drops."""

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from inspector.core import profile
from inspector.ui.new_inspection import NewInspectionDialog
from inspector.ui.runner.photos import PhotoStrip
from inspector.ui.settings_page import SettingsPage


def test_language_choice_is_saved(qtbot, demo_store):
    page = SettingsPage(demo_store)
    qtbot.addWidget(page)
    page.language.setCurrentIndex(page.language.findData("en"))
    assert demo_store.setting("ui.language") == "en"
    assert page.note.text()


def test_roster_add_refuse_and_retire(qtbot, typer, demo_store):
    page = SettingsPage(demo_store)
    qtbot.addWidget(page)
    box = page.roster
    before = box.list.count()
    typer(box.name, "马丽")
    typer(box.cert_no, "65280019002")  # already 李娜's
    qtbot.mouseClick(box.add_button, Qt.LeftButton)
    assert "已属于" in box.error.text() and box.list.count() == before
    box.cert_no.clear()
    typer(box.cert_no, "65280019099")
    qtbot.keyClick(box.cert_no, Qt.Key_Return)
    assert box.list.count() == before + 1 and not box.error.text()
    added = next(p for p in profile.roster(demo_store) if p["name"] == "马丽")
    row = next(i for i in range(box.list.count()) if box.list.item(i).data(Qt.UserRole)["id"] == added["id"])
    box.list.setCurrentRow(row)
    qtbot.mouseClick(box.toggle_button, Qt.LeftButton)
    assert added["id"] not in [p["id"] for p in profile.roster(demo_store, active_only=True)]
    library = __import__("inspector.core.checklists.library", fromlist=["x"]).load_for_workspace(
        demo_store.workspace
    )
    dialog = NewInspectionDialog(demo_store, library)
    qtbot.addWidget(dialog)
    offered = [dialog.inspectors.item(i).data(Qt.UserRole) for i in range(dialog.inspectors.count())]
    assert added["id"] not in offered and len(offered) >= 2


def test_new_inspection_suggests_the_sector_checklists_and_needs_a_colleague(qtbot, demo_store):
    from inspector.core.checklists.library import load_for_workspace

    library = load_for_workspace(demo_store.workspace)
    chem = demo_store.row("SELECT id FROM enterprises WHERE name='库尔勒金泰化工有限责任公司'")["id"]
    dialog = NewInspectionDialog(demo_store, library, chem)
    qtbot.addWidget(dialog)
    first = dialog.checklists.item(0)
    assert first.data(Qt.UserRole) == "hazchem" and first.checkState() == Qt.Checked
    dialog.accept()  # only the profile's inspector is ticked
    assert "不得少于两人" in dialog.error.text() and dialog.inspection is None
    dialog.inspectors.item(1).setCheckState(Qt.Checked)
    dialog.accept()
    assert dialog.inspection is not None and dialog.inspection["enterprise_id"] == chem


def test_photos_can_be_dropped_on_the_strip(qtbot, tmp_path):
    strip = PhotoStrip()
    qtbot.addWidget(strip)
    photo = tmp_path / "site.jpg"
    Image.new("RGB", (10, 10), "red").save(photo)
    (tmp_path / "notes.txt").write_text("x")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    assert QApplication.sendEvent(strip.viewport(), enter) and enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    with qtbot.waitSignal(strip.filesDropped) as dropped:
        QApplication.sendEvent(strip.viewport(), drop)
    assert [p.name for p in dropped.args[0]] == ["site.jpg"]


def test_a_half_typed_enterprise_name_chooses_nothing(qtbot, demo_store):
    from inspector.core.checklists.library import load_for_workspace

    library = load_for_workspace(demo_store.workspace)
    chem = demo_store.row("SELECT id FROM enterprises WHERE name='库尔勒金泰化工有限责任公司'")["id"]
    dialog = NewInspectionDialog(demo_store, library, chem)
    qtbot.addWidget(dialog)
    dialog.inspectors.item(1).setCheckState(Qt.Checked)
    dialog.enterprise.setEditText("尉犁县罗")  # searching for another one, not picked yet
    dialog.accept()
    assert dialog.inspection is None and "Choose the enterprise" in dialog.error.text()


def test_home_page_shows_figures_and_continues_a_draft(qtbot, demo_store, workspace):
    from inspector.core.capture import inspections
    from inspector.ui.main_window import MainWindow

    window = MainWindow(demo_store, workspace)
    qtbot.addWidget(window)
    window.show()
    home = window.home
    assert "7 enterprise(s)" in home.stats.text() and "open hazard" in home.stats.text()
    draft = inspections.drafts(demo_store)[0]
    buttons = home.drafts.findChildren(__import__("PySide6.QtWidgets", fromlist=["QPushButton"]).QPushButton)
    qtbot.mouseClick(buttons[0], Qt.LeftButton)
    assert window.pages.currentWidget() is window.inspections
    assert window.inspections.runner.inspection["id"] == draft["id"]
