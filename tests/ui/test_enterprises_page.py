"""The enterprises page: search as you type, the create/edit dialog, and the Excel import flow."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from inspector.core.register import enterprises, uscc
from inspector.ui.enterprise_dialog import EnterpriseDialog
from inspector.ui.enterprises_page import EnterprisesPage
from inspector.ui.import_dialog import ImportDialog
from tests.core.test_enterprise_import import HEADERS, ROWS, write_sheet
from tests.core.test_enterprises import bulk_insert

BAD = "91310115MA1H8R7C6D"
BAD_MESSAGE = "统一社会信用代码校验位错误：第 18 位应为“7”，实际为“D”"
GOOD = "91652827MA7K8L9M0" + uscc.check_character("91652827MA7K8L9M0")


@pytest.fixture
def page(qtbot, demo_store):
    widget = EnterprisesPage(demo_store)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def shown_names(page) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_search_filters_as_you_type(qtbot, typer, page):
    assert page.model.rowCount() == 7
    assert page.count.text() == "7 enterprises"
    typer(page.search, "尉犁")
    assert page.search_timer.isActive()  # debounced: the search runs once typing pauses
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)
    assert set(shown_names(page)) == {"尉犁县罗布人铁矿", "尉犁县兴农农资门市（个体）"}
    assert page.count.text() == "2 of 7 enterprises match"

    page.search.clear()
    typer(page.search, "ma77x")  # part of a code, lower case
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert shown_names(page) == ["轮台县塔河煤业有限公司"]

    page.search.clear()
    typer(page.search, "没有这家")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 7, timeout=2000)


def test_names_are_in_pinyin_order(page):
    names = shown_names(page)
    assert names[0] == "巴州汽车客运有限责任公司"  # bā
    assert names[-1] == "新疆天山建设集团有限公司梨城花园项目部"  # xīn


def test_create_with_a_bad_code_shows_the_exact_error_then_saves_once_fixed(qtbot, typer, page, demo_store):
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, EnterpriseDialog) and dialog.isVisible()
    typer(dialog.name, "和硕县金海加油站")
    typer(dialog.code, "91652827MA")
    assert dialog.code_status.text() == "10 of 18 characters"  # still typing: no red error yet
    dialog.code.clear()
    typer(dialog.code, BAD)
    assert dialog.code_status.text() == BAD_MESSAGE
    assert "#b00020" in dialog.code_status.styleSheet()
    dialog.sector.setCurrentIndex(dialog.sector.findData("hazchem"))
    typer(dialog.legal_rep, "孙刚")

    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.Accepted
    assert dialog.code_status.text() == BAD_MESSAGE
    assert dialog.focusWidget() is dialog.code
    assert enterprises.search(demo_store, "金海") == []

    dialog.code.clear()
    typer(dialog.code, GOOD.lower())
    assert dialog.code_status.text() == "Check character is correct"
    with qtbot.waitSignal(page.enterprisesChanged, timeout=2000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted
    (saved,) = enterprises.search(demo_store, "金海")
    assert (saved["code"], saved["sector"], saved["legal_rep"]) == (GOOD, "hazchem", "孙刚")
    assert page.current_id() == saved["id"]  # the new enterprise is selected in the table
    assert "和硕县金海加油站" in page.message.text()


def test_code_feedback_bad_character_taken_code_unknown_prefix(qtbot, typer, page, demo_store):
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    dialog = page.dialog
    typer(dialog.code, "91I")
    assert dialog.code_status.text() == "统一社会信用代码第 3 位“I”不是允许的字符（不使用 I、O、Z、S、V）"
    taken = enterprises.search(demo_store, "塔河")[0]["code"]
    dialog.code.clear()
    typer(dialog.code, taken)
    assert dialog.code_status.text() == "统一社会信用代码已登记为“轮台县塔河煤业有限公司”"
    odd = "X7110000101623741" + uscc.check_character("X7110000101623741")
    dialog.code.clear()
    typer(dialog.code, odd)
    assert "不在已知范围内" in dialog.code_status.text()
    assert "#b26a00" in dialog.code_status.styleSheet()  # amber: a doubt, not an error


def test_missing_name_keeps_the_dialog_open_and_focuses_the_name(qtbot, page, demo_store):
    before = enterprises.count(demo_store)
    qtbot.mouseClick(page.new_button, Qt.LeftButton)
    dialog = page.dialog
    dialog.code.setFocus()
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "缺少单位名称"
    assert dialog.focusWidget() is dialog.name
    assert enterprises.count(demo_store) == before


def test_enter_and_double_click_edit_the_selected_enterprise(qtbot, typer, page, demo_store):
    typer(page.search, "塔河")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert not page.edit_button.isEnabled()
    page.table.setFocus()
    page.table.selectRow(0)
    assert page.edit_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, EnterpriseDialog) and dialog.name.text() == "轮台县塔河煤业有限公司"
    assert dialog.sector.currentData() == "coal_mine"
    dialog.phone.clear()
    typer(dialog.phone, "0996-4609999")
    with qtbot.waitSignal(page.enterprisesChanged, timeout=2000):
        qtbot.keyClick(dialog.phone, Qt.Key_Return)
    assert enterprises.search(demo_store, "塔河")[0]["phone"] == "0996-4609999"
    assert page.model.index(0, 5).data() == "0996-4609999"

    centre = page.table.visualRect(page.model.index(0, 0)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.LeftButton, pos=centre)  # a double-click starts with a press
    qtbot.mouseDClick(page.table.viewport(), Qt.LeftButton, pos=centre)
    assert page.dialog is not dialog and page.dialog.name.text() == "轮台县塔河煤业有限公司"
    page.dialog.reject()


def test_import_lists_rejected_rows_then_imports_good_ones(qtbot, page, demo_store, tmp_path, monkeypatch):
    path = write_sheet(tmp_path / "名单.xlsx", ROWS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "*.xlsx"))
    before = enterprises.count(demo_store)
    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    assert dialog.summary.text() == "Rows read: 8 · to add: 2 · to update: 2 · unchanged: 0 · rejected: 4"
    assert "headings on row 3" in dialog.file_label.text()
    assert dialog.ignored.text() == "Columns not used: 序号"
    problems = dialog.problems_model
    assert problems.rowCount() == 3  # rows 9 and 10 share a code: one line for the pair
    first = [problems.index(0, c).data() for c in range(3)]
    assert first == [7, "社会信用代码", BAD_MESSAGE]
    assert [problems.index(1, c).data() for c in range(3)] == [8, "企业名称", "缺少单位名称"]
    assert not dialog.import_button.isEnabled()
    assert dialog.good_only_button.isVisible() and dialog.good_only_button.isEnabled()

    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)  # disabled: nothing happens
    assert enterprises.count(demo_store) == before
    with qtbot.waitSignal(page.enterprisesChanged, timeout=5000):
        qtbot.mouseClick(dialog.good_only_button, Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted
    assert enterprises.count(demo_store) == before + 2
    assert page.message.text() == "Imported: 2 added, 2 updated, 4 rejected rows skipped"
    assert "库尔勒恒通液化气有限公司" in shown_names(page)


def test_import_of_a_clean_sheet_and_cancel(qtbot, page, demo_store, tmp_path, monkeypatch):
    path = write_sheet(tmp_path / "clean.xlsx", [ROWS[0]], headers=HEADERS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    before = enterprises.count(demo_store)
    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    dialog = page.dialog
    assert dialog.import_button.isEnabled() and not dialog.good_only_button.isVisible()
    assert not dialog.problems.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
    assert enterprises.count(demo_store) == before

    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    with qtbot.waitSignal(page.enterprisesChanged, timeout=5000):
        qtbot.mouseClick(page.dialog.import_button, Qt.LeftButton)
    assert enterprises.count(demo_store) == before + 1


def test_import_of_a_file_that_is_not_a_workbook_says_so(qtbot, page, tmp_path, monkeypatch):
    path = tmp_path / "名单.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    dialog = page.dialog
    assert "名单.xls" in dialog.error.text() and ".xlsx" in dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_cancelled_file_choice_opens_nothing(qtbot, page, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    qtbot.mouseClick(page.import_button, Qt.LeftButton)
    assert page.dialog is None


def test_ten_thousand_enterprises_are_read_a_page_at_a_time(qtbot, typer, demo_store):
    rows = bulk_insert(demo_store, 10_000)
    page = EnterprisesPage(demo_store)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0  # nothing is read before the page is shown
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    assert page.count.text() == "10007 enterprises"
    assert page.model.rowCount() == 10_007  # counted; rows are read as they are shown
    qtbot.waitUntil(lambda: page.model.pages_read >= 1)  # the first paint
    assert page.model.pages_read == 1

    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.table.indexAt(page.table.viewport().rect().center()).row() > 9_000)
    assert page.model.pages_read <= 3  # the first and the last pages, never everything in between
    assert page.model.index(10_006, 0).data() == "新疆天山建设集团有限公司梨城花园项目部"  # xīn: last

    for text, expected in (("第0123", 10), ("第01234号", 1), (rows[4321][2][6:14], 1), ("", 10_007)):
        page.search.setText(text)
        page.search_timer.stop()
        page.refresh()
        assert page.model.total == expected, text
    page.search.setText("第01234号")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    assert shown_names(page) == [rows[1234][1]]


def test_one_and_two_character_searches(qtbot, typer, page):
    typer(page.search, "铁")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    assert shown_names(page) == ["尉犁县罗布人铁矿"]
    page.search.clear()
    typer(page.search, "有限")
    qtbot.waitUntil(lambda: page.model.total == 5, timeout=2000)
    assert all("有限" in name for name in shown_names(page))
    assert page.count.text() == "5 of 7 enterprises match"


def test_a_saved_enterprise_is_selected_even_far_down_the_list(qtbot, demo_store):
    bulk_insert(demo_store, 3_000)
    page = EnterprisesPage(demo_store)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    target = demo_store.row("SELECT id FROM enterprises WHERE name='巴州第02500号测试企业有限公司'")["id"]
    page.refresh(select_id=target)
    assert page.current_id() == target
    assert page.model.pages_read <= 3
