"""The checklists page lists what loaded and, in the warning colour, what did not and why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from inspector.core.checklists import load_library
from inspector.ui.checklists_page import WARNING, ChecklistRole, ChecklistsPage
from tests.core.checklist_samples import checklist_text, variant, write


@pytest.fixture
def library(tmp_path):
    write(tmp_path / "bundled", "coal-mine.yaml", checklist_text())
    hazchem = checklist_text("hazchem", sector="hazchem", title="危险化学品检查表")
    write(tmp_path / "bundled", "hazchem.yaml", hazchem)
    write(tmp_path / "user", "broken.yaml", variant("        method: 现场检测\n", ""))
    return load_library(tmp_path / "bundled", tmp_path / "user")


def test_lists_loaded_checklists(qtbot, library):
    page = ChecklistsPage(library)
    qtbot.addWidget(page)
    model = page.table.model()
    assert model.rowCount() == 2 and model.columnCount() == 5
    headers = [model.headerData(c, Qt.Horizontal) for c in range(5)]
    assert headers == ["Title", "Sector", "Version", "Items", "Major-hazard items"]
    rows = [[model.data(model.index(r, c)) for c in range(5)] for r in range(2)]
    assert rows == [
        ["煤矿安全生产检查表", "煤矿", "2026.1", 2, 1],
        ["危险化学品检查表", "危险化学品", "2026.1", 2, 1],
    ]
    assert model.data(model.index(1, 0), ChecklistRole).id == "hazchem"
    assert page.summary.text() == "2 checklist(s) available"


def test_shows_rejected_files_with_their_messages_in_warning_colour(qtbot, library):
    page = ChecklistsPage(library)
    qtbot.addWidget(page)
    page.show()
    assert page.rejected_view.isVisible() and page.rejected_label.isVisible()
    assert page.rejected_label.text().startswith("1 file(s) could not be loaded")
    model = page.rejected_view.model()
    texts = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert texts[0].endswith("broken.yaml")
    assert texts[1].strip().endswith("broken.yaml:22:9: 条目 CM-002：缺少必填字段“method”（检查方法）")
    assert model.data(model.index(0, 0), Qt.FontRole).bold()
    assert model.data(model.index(1, 0), Qt.ForegroundRole).color() == WARNING


def test_no_rejected_list_when_everything_loaded(qtbot, tmp_path):
    write(tmp_path / "b", "coal-mine.yaml", checklist_text())
    page = ChecklistsPage(load_library(tmp_path / "b", None))
    qtbot.addWidget(page)
    page.show()
    assert not page.rejected_view.isVisible() and not page.rejected_label.isVisible()


def test_selecting_a_checklist_shows_its_details(qtbot, library):
    page = ChecklistsPage(library)
    qtbot.addWidget(page)
    assert page.selected() is None
    page.table.selectRow(1)
    assert page.selected().id == "hazchem"
    assert "hazchem" in page.details.text() and "2026-01-01" in page.details.text()
    assert "hazchem.yaml" in page.details.text()


def test_set_library_replaces_the_contents(qtbot, library, tmp_path):
    page = ChecklistsPage(library)
    qtbot.addWidget(page)
    page.show()
    page.set_library(load_library(tmp_path / "nothing", None))
    assert page.table.model().rowCount() == 0
    assert page.summary.text() == "0 checklist(s) available"
    assert not page.rejected_view.isVisible()


def test_the_bundled_checklists_open(qtbot):
    from inspector.core.store import paths

    library = load_library(paths.bundled_checklists_dir(), None)
    page = ChecklistsPage(library)
    qtbot.addWidget(page)
    assert page.table.model().rowCount() == len(library.checklists) > 0
