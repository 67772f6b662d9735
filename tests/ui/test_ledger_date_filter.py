"""The ledger's date filters: typed or picked from a calendar, empty meaning any day (不限)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from inspector.core.ledger import query
from inspector.ui.date_field import DateField, parse
from inspector.ui.ledger_page import LedgerPage


@pytest.fixture
def page(qtbot, demo_store):
    widget = LedgerPage(demo_store)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.pages_read >= 1)
    return widget


def test_typing_a_date_filters_and_clearing_means_any_day(qtbot, page, demo_store):
    edit = page.filters.found_from
    assert edit.text() == "" and page.filters.filters().found_from is None
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    with qtbot.waitSignal(page.filters.changed) as changed:
        qtbot.keyClicks(edit, "2026-11-20")
        qtbot.keyClick(edit, Qt.Key_Return)
    assert changed.args[0].found_from == date(2026, 11, 20)
    assert page.filters.filters().found_from == date(2026, 11, 20)
    assert page.model.total == query.count(demo_store, query.Filters(found_from=date(2026, 11, 20)))
    with qtbot.waitSignal(page.filters.changed) as changed:
        edit.clear()
    assert changed.args[0].found_from is None
    assert page.model.total == query.count(demo_store, query.Filters())


def test_text_that_is_not_a_date_is_marked_and_left_out(qtbot, page):
    edit = page.filters.found_to
    edit.setFocus()
    qtbot.keyClicks(edit, "2026-13-01")
    qtbot.keyClick(edit, Qt.Key_Return)
    assert not edit.is_valid() and "b00020" in edit.styleSheet()
    assert page.filters.filters().found_to is None
    edit.clear()
    qtbot.keyClicks(edit, "20261231")
    qtbot.keyClick(edit, Qt.Key_Return)
    assert edit.text() == "2026-12-31" and page.filters.filters().found_to == date(2026, 12, 31)


def test_the_calendar_picks_a_date(qtbot, page):
    edit = page.filters.found_from
    calendar = edit.show_calendar()
    assert calendar.isVisible()
    calendar.clicked.emit(QDate(2026, 11, 3))
    assert not calendar.isVisible() and edit.text() == "2026-11-03"
    assert page.filters.filters().found_from == date(2026, 11, 3)


def test_parse_accepts_the_usual_ways_of_writing_a_date(qtbot):
    assert parse("2026-11-20") == parse("2026/11/20") == parse("20261120") == parse("2026年11月20日")
    assert parse("2026-11-20") == date(2026, 11, 20)
    assert parse("") is None and parse("2026-02-30") is None and parse("昨天") is None
    field = DateField(empty_text="不限")
    qtbot.addWidget(field)
    assert field.placeholderText() == "不限" and field.value() is None
