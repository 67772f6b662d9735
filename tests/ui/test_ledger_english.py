"""The ledger in the English interface: statuses, grades, plurals and core's refusals in English."""

from __future__ import annotations

from inspector.core.ledger import query
from inspector.ui.hazard_dialogs import ListingDialog
from inspector.ui.ledger_page import LedgerPage

HAN = range(0x4E00, 0xA000)


def test_the_ledger_speaks_english(qtbot, english, demo_store):
    page = LedgerPage(demo_store)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.model.pages_read >= 1)
    page.filters.repeat.setChecked(True)
    qtbot.waitUntil(lambda: page.model.total >= 1)
    page.table.selectRow(0)
    details = page.panel.details.text()
    assert "Repeat: 1 earlier hazard<" in details or "earlier hazards" in details
    assert "(s)" not in details and "(s)" not in page.count.text()
    hazard = page.panel.hazard
    assert f"Status: {'Open'}" in details or hazard["status"] != "open"
    shown = [page.model.data(page.model.index(0, column)) for column in (4, 5)]
    assert not any(ord(c) in HAN for text in shown for c in text), shown

    dialog = ListingDialog(demo_store, query.hazard(demo_store, hazard["id"]))
    qtbot.addWidget(dialog)
    dialog.body.clear()
    dialog.accept()
    assert dialog.error.text() == "Enter the supervising body (e.g. 县安委办)"
