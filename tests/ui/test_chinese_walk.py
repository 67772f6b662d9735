"""The Chinese interface is all Chinese: every page and dialog is opened offscreen with the Chinese
translators installed, and every text a person can read (labels, buttons, placeholders, tooltips, titles,
list and table entries, menus) is checked for English words. The .ts file being complete is not enough:
strings built outside tr() never reach it."""

import re
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from inspector.core import profile
from inspector.core.capture import inspections
from inspector.core.checklists.library import load_for_workspace
from inspector.core.store import paths

SAMPLE_REGISTER = Path(__file__).parents[2] / "resources" / "samples" / "企业名单.xlsx"
WORD = re.compile(r"[A-Za-z]{2,}")
# Not English: codes, units, key names printed on keys, file types, and the data the demo holds.
ALLOWED = {
    "Ctrl", "Enter", "Esc", "Tab", "Space", "PDF", "PIN", "QR", "SHA", "LEL", "GB", "AQ", "ID",
    "Excel", "xlsx", "xls", "csv", "jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff", "gif", "ttf", "ttc",
    "TrueType", "yaml", "yml", "MA", "PAdES", "UTC", "HH", "mm", "ss", "yyyy", "MM", "dd",
    "English",  # the language chooser names each language in itself
}  # fmt: skip
DATA_WIDGETS = {"font_status"}  # names a font file's own family name (e.g. "AR PL UMing CN")
TAG = re.compile(r"<[^>]+>")
PATH = re.compile(r"(/[\w.\-]+)+/?|[A-Za-z]:\\[^\s]+")
# item ids, credit codes, and equipment numbers in the demo's findings (塔吊TC6013)
DATA = re.compile(r"\b[A-Z]{1,3}-\d+\b|\b[0-9A-Z]{18}\b|\bT-\d+\b|(?<![A-Za-z])[A-Z]{1,4}\d+(?![A-Za-z])")


def english_words(text: str) -> list[str]:
    text = DATA.sub(" ", PATH.sub(" ", TAG.sub(" ", text or "")))
    return [w for w in WORD.findall(text) if w not in ALLOWED]


def texts_of(root: QWidget):
    """Every text a person can read in a widget tree, with where it is."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget.objectName() in DATA_WIDGETS:
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.isWindow():
            yield where + " title", widget.windowTitle()
        yield where + " tooltip", widget.toolTip()
        if isinstance(widget, QLabel):
            yield where, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield where, widget.text()
            menu = getattr(widget, "menu", lambda: None)()
            for action in menu.actions() if menu else []:
                yield where + " menu", action.text()
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            yield where + " placeholder", widget.placeholderText()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield where + " item", widget.itemText(i)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model keeps columnCount private
                columns = 1
            for column in range(columns):
                yield where + " header", str(model.headerData(column, Qt.Horizontal) or "")
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                for column in range(columns):
                    index = model.index(row, column)
                    yield where + " cell", str(model.data(index) or "")
                    yield where + " cell tooltip", str(model.data(index, Qt.ToolTipRole) or "")


def assert_chinese(widget: QWidget) -> None:
    found = [(where, text) for where, text in texts_of(widget) if english_words(text)]
    assert not found, "English in the Chinese interface:\n" + "\n".join(f"  {w}: {t!r}" for w, t in found)


@pytest.fixture
def window(qtbot, chinese, demo_store):
    from inspector.ui.main_window import MainWindow

    main = MainWindow(demo_store, paths.demo_workspace())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    return main


def test_every_page_is_chinese(window):
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        assert_chinese(window)


def test_the_runner_and_its_documents_are_chinese(qtbot, window, demo_store, inspection):
    window._open_inspection(inspection["id"])
    runner = window.inspections.runner
    qtbot.keyClick(runner.items, Qt.Key_2)  # a failed item: the finding editor shows
    assert_chinese(window)
    finished = next(r for r in inspections.listing(demo_store) if r["status"] == "finished" and r["major"])
    window._open_inspection(finished["id"])
    assert_chinese(window)


def test_every_dialog_is_chinese(qtbot, chinese, demo_store, inspection, tmp_path):
    from inspector.ui.checklists_page import ChecklistView
    from inspector.ui.enterprise_dialog import EnterpriseDialog
    from inspector.ui.first_run import FirstRunDialog
    from inspector.ui.import_dialog import ImportDialog
    from inspector.ui.new_inspection import NewInspectionDialog
    from inspector.ui.office_settings import OfficeSettingsDialog
    from inspector.ui.profile_dialog import ProfileDialog
    from inspector.ui.roster import ColleagueDialog
    from inspector.ui.runner.finish_dialog import FinishDialog, problem_lines
    from inspector.ui.runner.photos import PhotoViewer
    from inspector.ui.runner.runner import RunnerWidget
    from inspector.ui.sign_dialog import SignDialog

    photo = tmp_path / "现场.png"
    Image.new("RGB", (80, 60), "teal").save(photo)

    library = load_for_workspace(demo_store.workspace)
    runner = RunnerWidget(demo_store, inspection["id"])
    qtbot.addWidget(runner)
    people = [
        {"id": p["id"], "name": p["name"], "cert_no": p["cert_no"]} for p in profile.roster(demo_store)[:2]
    ]
    chem = demo_store.row("SELECT id FROM enterprises WHERE name='库尔勒金泰化工有限责任公司'")["id"]
    dialogs = [
        FirstRunDialog(demo_store),
        ProfileDialog(demo_store),
        OfficeSettingsDialog(demo_store),
        NewInspectionDialog(demo_store, library, chem),
        EnterpriseDialog(demo_store),
        EnterpriseDialog(demo_store, chem),
        ColleagueDialog(demo_store, profile.roster(demo_store)[0]),
        FinishDialog(
            problem_lines(demo_store, runner.inspection["id"], runner.model.rows, runner.model.results)
        ),
        FinishDialog([]),
        ChecklistView(library.checklists[0]),
        SignDialog(people, "陈晓东", first_use=True),
        ImportDialog(demo_store, SAMPLE_REGISTER),
        PhotoViewer(photo, "现场.png"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert_chinese(dialog)


def test_the_walk_finds_english():
    label = QLabel("63 items")
    assert english_words(label.text()) == ["items"]
    assert english_words("工作区：/tmp/inspector-abc/demo · Ctrl+F · HC-005") == []


def test_the_walk_would_catch_an_untranslated_dialog(qtbot, demo_store):
    from inspector.ui.profile_dialog import ProfileDialog

    dialog = ProfileDialog(demo_store)  # no translator installed: the English source strings show
    qtbot.addWidget(dialog)
    with pytest.raises(AssertionError, match="Inspector name"):
        assert_chinese(dialog)


def test_qt_own_dialogs_are_chinese(chinese):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # message box and dialog buttons
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："


def test_file_dialogs_open_in_pictures_and_documents(qtbot, runner, monkeypatch, tmp_path):
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from inspector.ui import folders

    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a: asked.append(a[2]) or ([], ""))
    )
    qtbot.keyClick(runner.items, Qt.Key_2)
    qtbot.mouseClick(runner.editor.add_photo, Qt.LeftButton)
    assert asked == [folders.pictures()] and Path(asked[0]) != Path.cwd()
    assert Path(folders.documents()).is_dir()


def test_english_plurals_are_words(english):
    from PySide6.QtCore import QCoreApplication

    one = QCoreApplication.translate("HomePage", "%n enterprise(s) registered", "", 1)
    many = QCoreApplication.translate("HomePage", "%n enterprise(s) registered", "", 3)
    assert (one, many) == ("1 enterprise registered", "3 enterprises registered")


def test_text_boxes_show_where_the_keyboard_is(qtbot):
    from PySide6.QtWidgets import QVBoxLayout

    from inspector.ui.style import FOCUS_FRAMES

    host = QWidget()
    host.setStyleSheet(FOCUS_FRAMES)
    first, second = QLineEdit(), QLineEdit()
    layout = QVBoxLayout(host)
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    blank = first.grab().toImage()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    framed = first.grab().toImage()
    assert framed != blank  # the focused box is drawn differently …
    colour = framed.pixelColor(1, framed.height() // 2)
    assert colour.blue() > 150 and colour.red() < 100  # … with a blue frame
    assert first.sizeHint() == second.sizeHint()  # and the frame takes no extra room
