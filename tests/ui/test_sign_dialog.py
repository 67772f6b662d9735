"""The signing dialog: strokes drawn with the mouse, the refusal path, and the PIN."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from inspector.core import clock, profile
from inspector.core.signing import keys
from inspector.ui.sign_dialog import SignDialog
from inspector.ui.signature_pad import SignaturePad

INSPECTORS = [
    {"id": "id-1", "name": "张伟", "cert_no": "65280019001"},
    {"id": "id-2", "name": "李娜", "cert_no": "65280019002"},
]


pytestmark = pytest.mark.usefixtures("quick_keys")  # see tests/conftest.py


def _mouse(widget, kind, pos: QPoint, button, buttons) -> None:
    point = QPointF(pos)
    event = QMouseEvent(kind, point, widget.mapToGlobal(point), button, buttons, Qt.NoModifier)
    QApplication.sendEvent(widget, event)


def draw(widget, points: list[tuple[float, float]]) -> None:
    """Drag the mouse through points given as fractions of the pad's signing area."""
    area = widget.area()
    where = [
        QPoint(round(area.left() + x * area.width()), round(area.top() + y * area.height()))
        for x, y in points
    ]
    _mouse(widget, QMouseEvent.MouseButtonPress, where[0], Qt.LeftButton, Qt.LeftButton)
    for pos in where[1:]:
        _mouse(widget, QMouseEvent.MouseMove, pos, Qt.NoButton, Qt.LeftButton)
    _mouse(widget, QMouseEvent.MouseButtonRelease, where[-1], Qt.LeftButton, Qt.NoButton)


ZIGZAG = [(0.1, 0.5), (0.2, 0.3), (0.3, 0.7), (0.4, 0.3), (0.5, 0.7)]


@pytest.fixture
def dialog(qtbot):
    dialog = SignDialog(INSPECTORS, "陈晓东")
    qtbot.addWidget(dialog)
    dialog.resize(900, 520)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), Qt.LeftButton)


def test_pad_captures_mouse_strokes_normalised(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(420, 152)
    pad.show()
    assert pad.is_empty()
    with qtbot.waitSignal(pad.changed):
        draw(pad, ZIGZAG)
    draw(pad, [(0.8, 0.4), (0.9, 0.6)])
    strokes = pad.strokes()
    assert len(strokes) == 2 and not pad.is_empty()
    for (x, y), (ex, ey) in zip(strokes[0], ZIGZAG, strict=True):
        assert x == pytest.approx(ex, abs=0.01) and y == pytest.approx(ey, abs=0.01)
    assert all(0 <= v <= 1 for stroke in strokes for point in stroke for v in point)

    # The same signature at another size gives the same strokes: they are relative to the area.
    pad.resize(840, 400)
    pad.clear()
    draw(pad, ZIGZAG)
    for (x, y), (ex, ey) in zip(pad.strokes()[0], strokes[0], strict=True):
        assert x == pytest.approx(ex, abs=0.01) and y == pytest.approx(ey, abs=0.01)

    with qtbot.waitSignal(pad.changed):
        qtbot.mouseClick(pad.clear_button, Qt.LeftButton)
    assert pad.is_empty() and pad.strokes() == []


def test_pad_takes_touch_and_pen(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(420, 152)
    pad.show()
    qtbot.waitExposed(pad)
    finger = QTest.createTouchDevice()
    QTest.touchEvent(pad, finger).press(0, QPoint(50, 50), pad).commit()
    QTest.touchEvent(pad, finger).move(0, QPoint(100, 80), pad).commit()
    QTest.touchEvent(pad, finger).release(0, QPoint(150, 60), pad).commit()
    assert len(pad.strokes()) == 1 and len(pad.strokes()[0]) == 3  # no second, synthesised mouse stroke

    pen = QPointingDevice(
        "pen",
        7,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )

    def tablet(kind, x, y, pressure, button, buttons):
        at = QPointF(x, y)
        event = QTabletEvent(
            kind,
            pen,
            at,
            pad.mapToGlobal(at),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.NoModifier,
            button,
            buttons,
        )
        QApplication.sendEvent(pad, event)

    tablet(QEvent.TabletPress, 200, 50, 0.5, Qt.LeftButton, Qt.LeftButton)
    tablet(QEvent.TabletMove, 260, 90, 0.7, Qt.NoButton, Qt.LeftButton)
    tablet(QEvent.TabletMove, 280, 40, 0.0, Qt.NoButton, Qt.NoButton)  # hovering: not ink
    tablet(QEvent.TabletRelease, 300, 60, 0.0, Qt.LeftButton, Qt.NoButton)
    assert len(pad.strokes()) == 2 and len(pad.strokes()[1]) == 3


def test_everyone_signs(qtbot, dialog):
    for role in ("inspector1", "inspector2", "enterprise"):
        draw(dialog.pads[role], ZIGZAG)
    qtbot.keyClicks(dialog.pin_edit, "246810")
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.Accepted, dialog.error.text()
    assert dialog.pin() == "246810"
    sigs = dialog.signatures()
    assert set(sigs) == {"inspector1", "inspector2", "enterprise"}
    assert sigs["inspector1"]["signer_id"] == "id-1" and sigs["inspector2"]["signer_name"] == "李娜"
    assert sigs["enterprise"] == {
        "strokes": sigs["enterprise"]["strokes"],
        "signer_id": None,
        "signer_name": "陈晓东",
        "refused": False,
        "refused_at": None,
        "witness": "",
    }
    assert len(sigs["enterprise"]["strokes"][0]) == len(ZIGZAG)


def test_missing_signatures_and_pin_are_reported(qtbot, dialog):
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.Accepted
    assert "张伟" in dialog.error.text()
    draw(dialog.pads["inspector1"], ZIGZAG)
    draw(dialog.pads["inspector2"], ZIGZAG)
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.Accepted and "head" in dialog.error.text()
    draw(dialog.pads["enterprise"], ZIGZAG)
    qtbot.keyClicks(dialog.pin_edit, "12ab3")  # neither 6–12 digits nor a passphrase of 12 or more
    assert dialog.pin() == "12ab3"
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.Accepted and "PIN" in dialog.error.text()
    assert "passphrase" in dialog.error.text()


def test_the_head_refuses_to_sign(qtbot, dialog, typer):
    draw(dialog.pads["inspector1"], ZIGZAG)
    draw(dialog.pads["inspector2"], ZIGZAG)
    qtbot.mouseClick(dialog.refused, Qt.LeftButton, pos=QPoint(8, dialog.refused.height() // 2))
    assert dialog.refused.isChecked()
    assert dialog.enterprise_stack.currentIndex() == 1  # the pad is replaced by witness and time
    assert dialog.witness.isVisible() and not dialog.pads["enterprise"].isVisible()
    qtbot.keyClicks(dialog.pin_edit, "246810")
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.Accepted and "witness" in dialog.error.text()

    typer(dialog.witness, "王强（安全员）")
    before = clock.now()
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.Accepted, dialog.error.text()
    head = dialog.signatures()["enterprise"]
    assert head["refused"] is True and head["strokes"] == [] and head["witness"] == "王强（安全员）"
    refused_at = datetime.fromisoformat(head["refused_at"])
    assert refused_at.utcoffset().total_seconds() == 0
    assert abs((refused_at - before).total_seconds()) < 120


def test_a_wrong_pin_is_reported_in_the_dialog(qtbot, demo_store):
    me = profile.profile(demo_store)
    keys.ensure_key(demo_store, me["id"], "246810")
    people = [me, profile.roster(demo_store)[0]]
    dialog = SignDialog(people, check_pin=lambda pin: keys.unlock(demo_store, me["id"], pin))
    qtbot.addWidget(dialog)
    dialog.show()
    for role in ("inspector1", "inspector2", "enterprise"):
        draw(dialog.pads[role], ZIGZAG)
    qtbot.keyClicks(dialog.pin_edit, "111111")
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.Accepted and "PIN 不正确" in dialog.error.text()
    dialog.pin_edit.clear()
    qtbot.keyClicks(dialog.pin_edit, "246810")
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.Accepted


def test_first_use_asks_for_the_pin_twice(qtbot):
    dialog = SignDialog(INSPECTORS, "陈晓东", first_use=True)
    qtbot.addWidget(dialog)
    dialog.show()
    for role in ("inspector1", "inspector2", "enterprise"):
        draw(dialog.pads[role], ZIGZAG)
    assert dialog.pin_confirm.isVisible()
    qtbot.keyClicks(dialog.pin_edit, "246810")
    qtbot.keyClicks(dialog.pin_confirm, "246811")
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.Accepted and "not the same" in dialog.error.text()
    dialog.pin_confirm.clear()
    qtbot.keyClicks(dialog.pin_confirm, "246810")
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.Accepted


def test_wrong_pins_in_the_dialog_are_slowed_down_after_three_and_audited(qtbot, demo_store):
    me = profile.profile(demo_store)
    keys.ensure_key(demo_store, me["id"], "246810")
    dialog = SignDialog(
        [me, profile.roster(demo_store)[0]], check_pin=lambda pin: keys.unlock(demo_store, me["id"], pin)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    for role in ("inspector1", "inspector2", "enterprise"):
        draw(dialog.pads[role], ZIGZAG)
    for _ in range(3):
        dialog.pin_edit.clear()
        qtbot.keyClicks(dialog.pin_edit, "111111")
        _ok(qtbot, dialog)
        assert "PIN 不正确" in dialog.error.text()
    dialog.pin_edit.clear()
    qtbot.keyClicks(dialog.pin_edit, "246810")  # right, but too soon: refused without trying
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.Accepted
    assert "已连续输错 3 次" in dialog.error.text() and "秒后再试" in dialog.error.text()
    wrong = demo_store.row("SELECT count(*) AS n FROM audit_log WHERE action='pin_wrong'")["n"]
    assert wrong == 3
