"""The ledger in the app: pages, filters, sorting, search, transitions, export, and the re-check end to end."""

import json
from datetime import date, timedelta

import openpyxl
import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from inspector.core import profile
from inspector.core.documents import issue
from inspector.core.ledger import query, recheck, repeats
from inspector.core.register import enterprise_list
from inspector.core.signing.verify import verify_pdf
from inspector.ui.ledger_model import COLUMNS
from inspector.ui.ledger_page import LedgerPage
from tests.core import ledger_support as made
from tests.core.test_documents_support import finished_inspection, photo, set_office


@pytest.fixture
def page(qtbot, demo_store):
    widget = LedgerPage(demo_store)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    return widget


def many_hazards(store, n: int) -> None:
    """``n`` hazards at one enterprise over a year, every tenth at the 罐区, deadlines spread."""
    chem = made.enterprise(store)
    for i in range(n):
        visit = made.visit(store, chem["id"], f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T02:00:00+00:00")
        made.hazard(
            store,
            visit,
            item=f"T-{i:03d}",
            spot="1号罐区" if i % 10 == 0 else f"车间{i}",
            description=f"第{i}号问题",
            deadline=(date(2025, 6, 1) + timedelta(days=i)).isoformat(),
        )


def rows(page) -> list[dict]:
    return [page.model.record(r) for r in range(page.model.rowCount())]


def test_the_ledger_reads_pages_filters_sorts_and_searches(qtbot, page, demo_store):
    many_hazards(demo_store, 160)
    total = query.count(demo_store)
    assert page.model.rowCount() == 0  # nothing read until shown
    page.show()
    qtbot.waitUntil(lambda: page.model.pages_read >= 1)
    assert page.model.rowCount() == total and page.model.pages_read == 1
    assert str(total) in page.count.text()

    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.table.rowAt(page.table.viewport().height() - 2) > total - 10)
    assert page.model.pages_read <= 4  # the last page(s), by keyset where the page before is held

    page.filters.search.setText("罐区")  # two characters
    page.filters.emit()
    assert page.model.rowCount() == query.count(demo_store, query.Filters(search="罐区")) >= 16
    assert all("罐区" in r["spot"] for r in rows(page))

    page.filters.search.setText("罐")  # one character
    page.filters.emit()
    assert all("罐" in r["spot"] + r["description"] + r["enterprise"] for r in rows(page))

    page.filters.clear()
    page.filters.status.setCurrentIndex(page.filters.status.findData("open"))
    page.filters.overdue.setChecked(True)
    expected = query.count(demo_store, query.Filters(statuses=("open",), overdue=True))
    assert page.model.rowCount() == expected > 0
    assert all(r["overdue"] for r in rows(page))

    page.filters.clear()
    page.filters.enterprise.setText("天百")  # one enterprise, picked by part of its name
    page.filters._find_enterprises()
    (offered,) = [page.filters.matches.item(i).text() for i in range(page.filters.matches.rowCount())]
    page.filters.completer.activated[str].emit(offered)
    tianbai = demo_store.row("SELECT id FROM enterprises WHERE name=?", [offered])["id"]
    assert page.model.rowCount() == query.count(demo_store, query.Filters(enterprise_id=tianbai)) > 0
    assert {r["enterprise_id"] for r in rows(page)} == {tianbai}
    assert page.filters.enterprise_chip.isVisibleTo(page) and not page.filters.enterprise.isVisibleTo(page)
    qtbot.mouseClick(page.filters.enterprise_chip, Qt.LeftButton)  # ✕: every enterprise again
    assert page.model.rowCount() == total

    page.filters.clear()
    page.filters.found_from.setDate(QDate(2025, 7, 1))
    page.filters.found_to.setDate(QDate(2025, 8, 31))
    summer = query.Filters(found_from=date(2025, 7, 1), found_to=date(2025, 8, 31))
    assert page.model.rowCount() == query.count(demo_store, summer) > 0
    assert all("2025-07-01" <= r["found_on"] <= "2025-08-31" for r in rows(page))

    page.filters.clear()
    column = next(i for i, (_, key) in enumerate(COLUMNS) if key == "deadline")
    header = page.table.horizontalHeader()
    page.table.scrollTo(page.model.index(0, column))
    qtbot.mouseClick(
        header.viewport(),
        Qt.LeftButton,
        pos=header.viewport().rect().topLeft() + QPoint(header.sectionViewportPosition(column) + 5, 5),
    )
    assert page.model.sort_key == "deadline"  # a click on the heading sorts by that column
    header.setSortIndicator(column, Qt.AscendingOrder)
    first = query.page(demo_store, sort="deadline", descending=False, limit=3)
    assert [page.model.record(r)["id"] for r in range(3)] == [r["id"] for r in first]
    page.table.horizontalHeader().setSortIndicator(column, Qt.DescendingOrder)
    last = query.page(demo_store, sort="deadline", descending=True, limit=3)
    assert [page.model.record(r)["id"] for r in range(3)] == [r["id"] for r in last]

    page.filters.search.setText("（）")  # nothing to search for: said, nothing changes
    page.filters.emit()
    assert page.error.text() and page.model.rowCount() == total


def test_transitions_from_the_panel_and_their_refusals(qtbot, page, demo_store):
    page.show()
    qtbot.waitUntil(lambda: page.model.pages_read >= 1)
    row = next(r for r in range(page.model.rowCount()) if page.model.record(r)["grade"] == "major")
    page.table.selectRow(row)
    hazard = page.panel.hazard
    assert hazard is not None and hazard["status"] == "open"
    assert page.panel.start_button.isEnabled()
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_Return)  # Enter opens the hazard: its first possible step
    assert page.focusWidget() is page.panel.start_button
    qtbot.mouseClick(page.panel.start_button, Qt.LeftButton)
    assert query.hazard(demo_store, hazard["id"])["status"] == "in_progress"
    assert "rectification started" in page.panel.details.text()

    qtbot.mouseClick(page.panel.report_button, Qt.LeftButton)
    dialog = page.dialog
    dialog.accept()  # no report text: refused, nothing changes
    assert "整改情况报告" in dialog.error.text() and dialog.isVisible()
    assert query.hazard(demo_store, hazard["id"])["status"] == "in_progress"
    dialog.report.setPlainText("已更换报警探头并联调")
    dialog.accept()
    assert query.hazard(demo_store, hazard["id"])["status"] == "rectified"

    qtbot.mouseClick(page.panel.list_button, Qt.LeftButton)
    dialog = page.dialog
    assert dialog.reason.text() == "Major hazard"  # suggested for a major hazard
    dialog.accept()
    assert dialog.focusWidget() is dialog.body and "挂牌督办单位" in dialog.error.text()
    dialog.body.setText("县安委办")
    dialog.accept()
    assert query.hazard(demo_store, hazard["id"])["listed"]
    assert not page.panel.list_button.isEnabled()
    assert "县安委办" in page.panel.details.text()


def test_repeats_link_to_the_earlier_hazards(qtbot, page, demo_store):
    page.show()
    qtbot.waitUntil(lambda: page.model.pages_read >= 1)
    page.filters.repeat.setChecked(True)
    assert page.model.rowCount() >= 1
    page.table.selectRow(0)
    repeat = page.panel.hazard
    earlier = repeats.of_hazard(demo_store, repeat["id"])
    assert earlier and f"hazard:{earlier[0]['id']}" in page.panel.details.text()
    page.panel.details.linkActivated.emit(f"hazard:{earlier[0]['id']}")
    assert page.panel.hazard["id"] == earlier[0]["id"]


def test_export_with_progress_writes_what_is_shown_and_cancels(
    qtbot, page, demo_store, tmp_path, monkeypatch
):
    page.show()
    qtbot.waitUntil(lambda: page.model.pages_read >= 1)
    page.filters.grade.setCurrentIndex(page.filters.grade.findData("major"))
    out = tmp_path / "台账.xlsx"
    written = page.export(out)
    assert written == page.model.rowCount() == query.count(demo_store, query.Filters(grades=("major",)))
    sheet = openpyxl.load_workbook(out).active
    assert sheet.max_row == written + 1
    assert page.progress.value() in (-1, written)  # reached the end (then reset when closed)

    cancelled = tmp_path / "取消.xlsx"
    monkeypatch.setattr("PySide6.QtWidgets.QProgressDialog.wasCanceled", lambda self: True)
    assert page.export(cancelled) is None
    assert not cancelled.exists() and "cancelled" in page.error.text()
    assert not list(tmp_path.glob(".*.part"))  # nothing left behind


def test_recheck_from_a_hazard_issues_a_verified_opinion_and_moves_each_hazard(
    qtbot, page, demo_store, mini_checklist, tmp_path, signing_user
):
    set_office(demo_store)
    finished = finished_inspection(demo_store, mini_checklist, tmp_path)
    notice = issue(demo_store, "notice", finished["id"])
    page.show()
    qtbot.waitUntil(lambda: page.model.pages_read >= 1)
    page.filters.search.setText("未如实记录")
    page.filters.emit()
    page.table.selectRow(0)
    assert page.panel.hazard["inspection_id"] == finished["id"]
    qtbot.mouseClick(page.panel.recheck_button, Qt.LeftButton)
    dialog = page.dialog
    assert dialog.original == notice["id"]

    dialog.start()  # only me ticked: two inspectors are needed
    assert "两人" in dialog.error.text() and dialog.recheck is None
    colleague = profile.roster(demo_store, active_only=True)[0]["id"]
    for i in range(dialog.inspectors.count()):
        if dialog.inspectors.item(i).data(Qt.UserRole) == colleague:
            dialog.inspectors.item(i).setCheckState(Qt.Checked)
    assert dialog.start()
    items = dialog.recheck["items"]
    notice_findings = [p["finding_id"] for p in json.loads(notice["content"])["problems"]]
    assert [i["finding_id"] for i in items[: len(notice_findings)]] == notice_findings  # the notice's first

    assert dialog.finish() is None and "未填写复查结论" in dialog.error.text()
    for n in range(len(items)):
        assert dialog.table.currentRow() == n
        if n == 1:
            dialog.not_rectified.setChecked(True)
            dialog.note.setText("仍未如实记录")
            day = date.today()
            dialog.new_deadline.setDate(QDate(day.year, day.month, day.day))
            assert not dialog.save_current() and "晚于复查日期" in dialog.error.text()
            later = date.today() + timedelta(days=20)
            dialog.new_deadline.setDate(QDate(later.year, later.month, later.day))
        else:
            dialog.rectified.setChecked(True)
            dialog.note.setText("已整改")
            if n == 0:
                dialog.photos.add([photo(tmp_path, "recheck.jpg")])
        assert dialog.save_current(), dialog.error.text()

    window = dialog.finish()
    assert window is not None and window.sign_button.isVisible()
    assert "draft" in window.windowTitle()
    qtbot.mouseClick(window.sign_button, Qt.LeftButton)
    document = dialog.document
    assert document is not None and document["kind"] == "recheck" and len(signing_user) == 1
    assert document["number_text"] in window.windowTitle()
    assert recheck.items(demo_store, dialog.recheck["id"])[0]["photos"]  # the photo is kept with its outcome
    verdict = verify_pdf(demo_store, document["pdf"])
    assert verdict.valid, verdict.reasons
    assert verdict.number_text == document["number_text"]
    statuses = {i["hazard_id"]: query.hazard(demo_store, i["hazard_id"]) for i in items}
    assert statuses[items[1]["hazard_id"]]["status"] == "open"
    assert statuses[items[1]["hazard_id"]]["deadline"] == later.isoformat()
    assert all(statuses[i["hazard_id"]]["status"] == "verified" for n, i in enumerate(items) if n != 1)
    assert page.model.record(0)["status"] == "open"  # the ledger reloaded: only 未如实记录 is open


def test_a_recheck_starts_from_an_issued_notice_and_from_an_enterprise(
    qtbot, demo_store, mini_checklist, tmp_path, workspace
):
    from inspector.core.checklists.library import load_for_workspace
    from inspector.ui.main_window import MainWindow

    set_office(demo_store)
    finished = finished_inspection(demo_store, mini_checklist, tmp_path)
    notice = issue(demo_store, "notice", finished["id"])
    window = MainWindow(demo_store, workspace)
    qtbot.addWidget(window)
    window.library = load_for_workspace(workspace)
    window.show()
    runner = window.inspections.open(finished["id"])
    assert runner is not None
    menu = window.inspections.documents.buttons["notice"].menu()
    action = next(a for a in menu.actions() if a.text() == "Re-check…")
    action.trigger()
    dialog = window.inspections.recheck
    assert dialog.original == notice["id"] and dialog.enterprise_id == finished["enterprise_id"]
    dialog.close()

    window.show_page(window.enterprises)
    row = enterprise_list.position(demo_store, finished["enterprise_id"])
    window.enterprises.table.selectRow(row)
    qtbot.mouseClick(window.enterprises.recheck_button, Qt.LeftButton)
    assert window.ledger.dialog.enterprise_id == finished["enterprise_id"]
    assert window.ledger.dialog.original is None  # the enterprise's latest notice
    window.ledger.dialog.close()
    qtbot.mouseClick(window.enterprises.hazards_button, Qt.LeftButton)
    assert window.pages.currentWidget() is window.ledger
    assert window.ledger.model.filters.enterprise_id == finished["enterprise_id"]
    shown = {window.ledger.model.record(r)["enterprise_id"] for r in range(window.ledger.model.rowCount())}
    assert shown == {finished["enterprise_id"]}
