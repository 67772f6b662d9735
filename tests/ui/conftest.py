"""Helpers for driving real widgets as a user would."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def type_text(qtbot, widget, text: str) -> None:
    """Type text the way it arrives on a Chinese system: ASCII as key presses, Chinese through the IME.

    (QTest's keyClicks only knows Latin-1 keys; Chinese text reaches widgets as an input-method commit.)
    """
    widget.setFocus()
    for chunk_is_ascii, chunk in _chunks(text):
        if chunk_is_ascii:
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QCoreApplication.sendEvent(widget, event)


def _chunks(text):
    current, ascii_run = "", None
    for ch in text:
        is_ascii = ord(ch) < 128
        if ascii_run is None or is_ascii == ascii_run:
            current += ch
        else:
            yield ascii_run, current
            current = ch
        ascii_run = is_ascii
    if current:
        yield ascii_run, current


@pytest.fixture
def typer(qtbot):
    return lambda widget, text: type_text(qtbot, widget, text)


@pytest.fixture
def runner(qtbot, demo_store, inspection):
    """The checklist runner on a fresh draft inspection of the small test checklist, at 1366×768."""
    from inspector.ui.runner.runner import RunnerWidget

    widget = RunnerWidget(demo_store, inspection["id"])
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def in_modal(action) -> None:
    """Act on the modal dialog once it is open (exec blocks until it closes)."""

    def attempt():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        action(dialog)

    QTimer.singleShot(0, attempt)


def current_id(runner) -> str:
    """The id of the item the runner's list is on."""
    from inspector.ui.runner.items_model import ItemRole

    return runner.items.currentIndex().data(ItemRole).item.id


@contextlib.contextmanager
def interface_language(app, lang: str):
    """The app's translators for ``lang`` while inside; afterwards none, and the locale and core's
    message language as they were."""
    from PySide6.QtCore import QLocale

    from inspector.app import install_translators
    from inspector.ui import core_messages

    before = QLocale()
    install_translators(app, lang)
    try:
        yield
    finally:
        for translator in app._translators:
            app.removeTranslator(translator)
        app._translators = []
        QLocale.setDefault(before)
        core_messages.set_language(None)


@pytest.fixture
def chinese(qapp):
    with interface_language(qapp, "zh_CN"):
        yield


@pytest.fixture
def english(qapp):
    with interface_language(qapp, "en"):
        yield


STROKES = [[[0.1, 0.5], [0.3, 0.3], [0.5, 0.6], [0.8, 0.4]], [[0.6, 0.2], [0.65, 0.8]]]
PIN = "135790"


@pytest.fixture
def signing_user(monkeypatch, quick_keys):
    """Stands in for the hands at the laptop: draws in every pad and types the PIN."""
    from PySide6.QtWidgets import QLineEdit

    from inspector.ui import sign_dialog

    seen = []

    def exec_(self):
        seen.append(self)
        for pad in self.pads.values():
            pad.set_strokes(STROKES)
        for name in ("pin", "pin_confirm"):
            field = self.findChild(QLineEdit, name)
            if field is not None:
                field.setText(PIN)
        self.accept()
        return self.result()

    monkeypatch.setattr(sign_dialog.SignDialog, "exec", exec_)
    return seen
