"""Issuing from the app: sign in the dialog, the document is numbered, stored, signed and shown."""

import gc

import pytest
from PySide6.QtWidgets import QDialog

from inspector.core import signing
from inspector.core.capture import inspections
from inspector.core.signing import keys
from inspector.ui.documents_panel import DocumentsPanel

pytestmark = pytest.mark.usefixtures("quick_keys")  # see tests/conftest.py


def _finished_with_major(store):
    return next(r for r in inspections.listing(store) if r["status"] == "finished" and r["major"])


def test_issue_the_notice_from_the_panel(qtbot, demo_store, signing_user):
    inspection = _finished_with_major(demo_store)
    panel = DocumentsPanel(demo_store, inspection["id"])
    qtbot.addWidget(panel)
    assert all(button.isEnabled() for button in panel.buttons.values())
    assert not panel.buttons["measures"].isHidden()

    document = panel.open_kind("notice")
    assert document["number_text"].startswith("（库）应急责改〔") and document["number_text"].endswith("号")
    assert document["pdf"].startswith(b"%PDF")
    assert document["number_text"] in panel.buttons["notice"].text()
    assert panel.window is not None and panel.window.isVisible()
    assert len(signing_user) == 1 and signing_user[0].result() == QDialog.Accepted
    assert signing.has_key(demo_store, signing_user[0].inspectors[0]["id"])

    gc.collect()  # unlocked for that one signing only: no unlocked key is left anywhere
    assert not [o for o in gc.get_objects() if isinstance(o, keys.Keys | keys.UnlockedKey)]

    again = panel.open_kind("notice")  # opens the stored document: no second number, no second signing
    assert again["id"] == document["id"] and again["pdf"] == document["pdf"]
    assert len(signing_user) == 1
    count = demo_store.row("SELECT count(*) AS n FROM documents WHERE kind='notice'")["n"]
    assert count == 1


def test_a_draft_inspection_cannot_issue(qtbot, demo_store):
    draft = inspections.drafts(demo_store)[0]
    panel = DocumentsPanel(demo_store, draft["id"])
    qtbot.addWidget(panel)
    assert not any(button.isEnabled() for button in panel.buttons.values())


def test_a_correction_is_a_new_document_naming_the_old_one(qtbot, demo_store, signing_user, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    inspection = _finished_with_major(demo_store)
    panel = DocumentsPanel(demo_store, inspection["id"])
    qtbot.addWidget(panel)
    first = panel.open_kind("record")
    assert panel.buttons["record"].menu() is not None  # issued: open or correct
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    second = panel.correct("record")
    assert second["number_text"] != first["number_text"]
    assert second["replaces_id"] == first["id"]
    unchanged = demo_store.row("SELECT pdf_sha256 FROM documents WHERE id=?", [first["id"]])
    assert unchanged["pdf_sha256"] == first["pdf_sha256"]
    assert second["number_text"] in panel.buttons["record"].text()


def test_nobody_signs_when_the_document_cannot_be_issued(qtbot, demo_store, signing_user, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from inspector.core import office

    settings = office.load(demo_store)
    settings.government = ""
    office.save(demo_store, settings)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warned.append(text)))
    inspection = _finished_with_major(demo_store)
    panel = DocumentsPanel(demo_store, inspection["id"])
    qtbot.addWidget(panel)
    assert panel.open_kind("notice") is None
    assert signing_user == [] and "人民政府" in warned[0]


def test_the_draft_is_read_before_signing_then_issued_in_the_same_window(qtbot, demo_store, signing_user):
    inspection = _finished_with_major(demo_store)
    panel = DocumentsPanel(demo_store, inspection["id"])
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.buttons["notice"], __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.LeftButton)
    window = panel.window
    assert window is not None and window.sign_button.isVisible() and signing_user == []
    assert demo_store.row("SELECT count(*) AS n FROM documents")["n"] == 0  # a draft stores nothing
    window.sign_button.click()
    issued = demo_store.row("SELECT * FROM documents WHERE kind='notice'")
    assert issued is not None and len(signing_user) == 1
    assert not window.sign_button.isVisible() and issued["number_text"] in window.windowTitle()


def test_nobody_signs_while_a_problem_still_reads_as_a_question(qtbot, demo_store, signing_user, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warned.append(text)))
    inspection = _finished_with_major(demo_store)
    with demo_store.transaction():
        demo_store.conn.execute(
            "UPDATE findings SET description='同一部位是否反复出现相同隐患' WHERE inspection_id=?",
            [inspection["id"]],
        )
    panel = DocumentsPanel(demo_store, inspection["id"])
    qtbot.addWidget(panel)
    assert panel.open_kind("notice") is None
    assert signing_user == []
    assert "第1项问题的问题描述「同一部位是否反复出现相同隐患」仍是提问" in warned[0]


def test_nobody_signs_a_correction_of_another_inspections_document(
    qtbot, demo_store, signing_user, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warned.append(text)))
    finished = [r for r in inspections.listing(demo_store) if r["status"] == "finished"]
    here, elsewhere = (
        finished[0],
        next(r for r in finished if r["enterprise_id"] != finished[0]["enterprise_id"]),
    )
    theirs = DocumentsPanel(demo_store, elsewhere["id"])
    qtbot.addWidget(theirs)
    other = theirs.open_kind("record")
    signed = len(signing_user)
    panel = DocumentsPanel(demo_store, here["id"])
    qtbot.addWidget(panel)
    count = demo_store.row("SELECT count(*) AS n FROM documents")["n"]
    assert panel._issue("record", replaces=other["id"]) is None
    assert len(signing_user) == signed  # refused before anyone signed
    assert other["number_text"] in warned[0]
    assert demo_store.row("SELECT count(*) AS n FROM documents")["n"] == count
