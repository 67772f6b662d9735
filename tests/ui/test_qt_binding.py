"""Guards against a Qt binding that leaks references to None (PySide6 6.12.0 on Python 3.11 does:
every void call drops one, and the process aborts with 'none_dealloc' after a few thousand clicks)."""

import sys

from PySide6.QtWidgets import QLabel, QPushButton


def test_void_calls_do_not_drop_references_to_none(qtbot):
    label, button = QLabel(), QPushButton()
    qtbot.addWidget(label)
    qtbot.addWidget(button)
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setText(str(n))
        button.setChecked(bool(n % 2))
        label.setVisible(True)
    assert sys.getrefcount(None) >= before - 50
