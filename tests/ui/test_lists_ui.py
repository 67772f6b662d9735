"""The office's lists in the app: read when shown, a page at a time; Enter opens; the enterprise picker."""

from PySide6.QtCore import Qt

from bench.office_data import populate
from inspector.core.capture import inspections
from inspector.core.checklists.library import load_for_workspace


def test_the_main_window_reads_no_list_until_its_page_is_shown(qtbot, demo_store, workspace):
    from inspector.ui.main_window import MainWindow

    populate(demo_store, 200, 1_000)
    window = MainWindow(demo_store, workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.inspections.model.rowCount() == 0 and window.enterprises.model.rowCount() == 0
    window.show_page(window.inspections)
    qtbot.waitUntil(lambda: window.inspections.model.pages_read == 1)
    assert window.inspections.model.rowCount() == inspections.count(demo_store) > 1_000
    window.show_page(window.enterprises)
    qtbot.waitUntil(lambda: window.enterprises.model.pages_read == 1)
    assert window.enterprises.model.rowCount() == 207


def test_inspections_are_read_a_page_at_a_time_and_enter_opens_the_selected_one(qtbot, demo_store):
    from inspector.ui.inspections_page import InspectionsPage

    populate(demo_store, 100, 2_000)
    page = InspectionsPage(demo_store, load_for_workspace(demo_store.workspace))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.model.pages_read == 1)
    newest = inspections.listing(demo_store)
    assert page.model.index(0, 0).data() == newest[0]["enterprise"]
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.table.rowAt(page.table.viewport().height() - 2) > 1_900)
    assert page.model.pages_read <= 3  # the last page (or two), nothing in between
    assert page.model.index(page.model.rowCount() - 1, 0).data(Qt.UserRole) == newest[-1]["id"]

    draft = inspections.drafts(demo_store)[0]
    row = inspections.position(demo_store, draft["id"])
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key_Return)
    assert page.runner is not None and page.runner.inspection["id"] == draft["id"]
    assert page.stack.currentWidget() is page.runner_host
    page.show_list()
    assert page.current_id() == draft["id"]  # back on the list, the same row is selected


def test_the_enterprise_picker_searches_as_you_type(qtbot, typer, demo_store):
    from inspector.ui.new_inspection import NewInspectionDialog

    populate(demo_store, 3_000, 0)
    dialog = NewInspectionDialog(demo_store, load_for_workspace(demo_store.workspace))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.matches.rowCount() == 0  # nothing read until something is typed
    typer(dialog.enterprise.lineEdit(), "金泰化工有限责任")
    qtbot.waitUntil(lambda: dialog.matches.rowCount() == 1)
    offered = dialog.matches.item(0).text()
    assert offered.startswith("库尔勒金泰化工有限责任公司（")
    assert dialog.chosen_enterprise() is None  # typed, not yet picked
    dialog.completer.activated[str].emit(offered)
    chem = demo_store.row("SELECT id FROM enterprises WHERE name='库尔勒金泰化工有限责任公司'")["id"]
    assert dialog.chosen_enterprise() == chem
    assert dialog.checklists.item(0).data(Qt.UserRole) == "hazchem"  # the sector's checklists come first

    dialog.enterprise.lineEdit().clear()
    typer(dialog.enterprise.lineEdit(), "煤")  # one character among thousands: the first 20, in pinyin order
    qtbot.waitUntil(lambda: dialog.matches.rowCount() == 20)
    assert all("煤" in dialog.matches.item(i).text() for i in range(20))
    dialog.enterprise.showPopup()  # the drop-down button offers the same matches
    assert dialog.matches.rowCount() == 20
