"""Signing a document on site: both inspectors and the enterprise's head sign on pads, the issuing
inspector gives the PIN of the digital signature. The head may refuse: then a witness and the time are
recorded instead (the document prints 「被检查单位负责人拒绝签字」).

The dialog only collects; the caller issues. ``signatures()`` is a plain dict ready for
``documents.issue(..., signatures=...)``; ``pin()`` goes to ``signing.signer_for``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core import clock
from inspector.core.signing import pin_rules
from inspector.core.signing.keys import PinError
from inspector.ui.core_messages import core_text
from inspector.ui.signature_pad import SignaturePad

INSPECTOR1, INSPECTOR2, ENTERPRISE = "inspector1", "inspector2", "enterprise"


class SignDialog(QDialog):
    """``inspectors``: the two inspectors (dicts with id, name, cert_no), the issuing one first.

    ``check_pin(pin)`` may raise :class:`PinError` (e.g. ``lambda pin: keys.ensure_key(store, id, pin)``)
    so a wrong PIN is reported here; ``first_use`` asks for the new PIN twice.
    """

    def __init__(
        self,
        inspectors: list[dict],
        enterprise_head: str = "",
        *,
        first_use: bool = False,
        check_pin: Callable[[str], object] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        if len(inspectors) < 2:
            raise ValueError("two inspectors sign a document")
        self.inspectors = inspectors[:2]
        self.first_use = first_use
        self._check_pin = check_pin
        self.setWindowTitle(self.tr("Sign the document"))

        self.pads: dict[str, SignaturePad] = {}
        grid = QGridLayout()
        titles = (self.tr("Inspector 1"), self.tr("Inspector 2"))
        for column, (role, title, person) in enumerate(
            zip((INSPECTOR1, INSPECTOR2), titles, self.inspectors, strict=True)
        ):
            grid.addWidget(self._inspector_box(role, title, person), 0, column)
        grid.addWidget(self._enterprise_box(enterprise_head), 1, 0)
        grid.addWidget(self._pin_box(), 1, 1)

        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Sign and issue"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    # -- parts ----------------------------------------------------------------------------------------

    def _pad(self, role: str) -> SignaturePad:
        pad = SignaturePad(objectName=f"pad_{role}")
        pad.changed.connect(lambda: self.error.clear())
        self.pads[role] = pad
        return pad

    def _inspector_box(self, role: str, title: str, person: dict) -> QGroupBox:
        box = QGroupBox(title)
        who = QLabel(
            self.tr("%1 (certificate no. %2)")
            .replace("%1", person["name"])
            .replace("%2", person.get("cert_no", ""))
        )
        who.setObjectName(f"who_{role}")
        layout = QVBoxLayout(box)
        layout.addWidget(who)
        layout.addWidget(self._pad(role))
        return box

    def _enterprise_box(self, head: str) -> QGroupBox:
        box = QGroupBox(self.tr("Head of the inspected enterprise"))
        self.head_name = QLineEdit(head, objectName="head_name")
        self.head_name.setPlaceholderText(self.tr("name of the person who signs"))
        self.refused = QCheckBox(self.tr("Refuses to sign"), objectName="refused")

        refusal = QWidget()
        form = QFormLayout(refusal)
        self.witness = QLineEdit(objectName="witness")
        self.witness.setPlaceholderText(self.tr("name (and unit) of the witness"))
        self.refused_at = QDateTimeEdit(QDateTime.currentDateTime(), objectName="refused_at")
        self.refused_at.setCalendarPopup(True)
        self.refused_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        note = QLabel(
            self.tr("The document will record that the head refused to sign, with the time and the witness.")
        )
        note.setWordWrap(True)
        form.addRow(self.tr("Witness"), self.witness)
        form.addRow(self.tr("Time of refusal"), self.refused_at)
        form.addRow(note)

        self.enterprise_stack = QStackedWidget()
        self.enterprise_stack.addWidget(self._pad(ENTERPRISE))
        self.enterprise_stack.addWidget(refusal)
        self.refused.toggled.connect(self._on_refused)

        layout = QVBoxLayout(box)
        name_row = QFormLayout()
        name_row.addRow(self.tr("Name"), self.head_name)
        layout.addLayout(name_row)
        layout.addWidget(self.refused)
        layout.addWidget(self.enterprise_stack)
        return box

    def _pin_box(self) -> QGroupBox:
        issuer = self.inspectors[0]
        box = QGroupBox(self.tr("Digital signature"))
        if self.first_use:
            text = self.tr(
                "First digital signature of %1 on this computer: choose a PIN of 6 to 12 digits "
                "(or a passphrase of 12 or more characters, if your office requires one). "
                "It protects the new signing key; keep it to yourself."
            )
        else:
            text = self.tr("%1, enter your PIN to sign the PDF and the QR code digitally.")
        intro = QLabel(text.replace("%1", issuer["name"]))
        intro.setWordWrap(True)
        self.pin_edit = QLineEdit(objectName="pin")
        self.pin_confirm = QLineEdit(objectName="pin_confirm")
        form = QFormLayout()
        for edit in (self.pin_edit, self.pin_confirm):
            edit.setEchoMode(QLineEdit.Password)
            edit.setMaxLength(pin_rules.PASSPHRASE_MAX)  # digits, or a passphrase if the office asks
            edit.textChanged.connect(lambda _text: self.error.clear())
        form.addRow(self.tr("PIN"), self.pin_edit)
        if self.first_use:
            form.addRow(self.tr("PIN again"), self.pin_confirm)
        else:
            self.pin_confirm.hide()
        layout = QVBoxLayout(box)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        return box

    def _on_refused(self, refused: bool) -> None:
        self.enterprise_stack.setCurrentIndex(1 if refused else 0)
        if refused:
            self.refused_at.setDateTime(QDateTime.currentDateTime())
            self.witness.setFocus()
        self.error.clear()

    # -- the result -----------------------------------------------------------------------------------

    def pin(self) -> str:
        return self.pin_edit.text().strip()

    def signatures(self) -> dict[str, dict]:
        result = {}
        for role, person in zip((INSPECTOR1, INSPECTOR2), self.inspectors, strict=True):
            result[role] = self._entry(self.pads[role].strokes(), person.get("id"), person["name"])
        head = self.head_name.text().strip()
        if self.refused.isChecked():
            moment = datetime.fromtimestamp(self.refused_at.dateTime().toSecsSinceEpoch(), UTC)
            result[ENTERPRISE] = self._entry(
                [],
                None,
                head,
                refused=True,
                refused_at=clock.utc_iso(moment),
                witness=self.witness.text().strip(),
            )
        else:
            result[ENTERPRISE] = self._entry(self.pads[ENTERPRISE].strokes(), None, head)
        return result

    @staticmethod
    def _entry(strokes, signer_id, name, *, refused=False, refused_at=None, witness="") -> dict:
        return {
            "strokes": strokes,
            "signer_id": signer_id,
            "signer_name": name,
            "refused": refused,
            "refused_at": refused_at,
            "witness": witness,
        }

    def problem(self) -> str | None:
        """What still stops the signing, in the interface language; None when all is there."""
        for role, person in zip((INSPECTOR1, INSPECTOR2), self.inspectors, strict=True):
            if self.pads[role].is_empty():
                return self.tr("%1 has not signed yet.").replace("%1", person["name"])
        if self.refused.isChecked():
            if not self.witness.text().strip():
                return self.tr("Enter the witness of the refusal to sign.")
        elif self.pads[ENTERPRISE].is_empty():
            return self.tr("The head of the enterprise must sign, or tick the refusal and name a witness.")
        pin = self.pin()
        try:
            pin_rules.checked(pin)
        except PinError:
            return self.tr("Enter the PIN: 6 to 12 digits, or a passphrase of 12 to 64 characters.")
        if self.first_use and self.pin_confirm.text().strip() != pin:
            return self.tr("The two PINs are not the same.")
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is None and self._check_pin is not None:
            try:
                self._check_pin(self.pin())
            except PinError as exc:
                problem = core_text(exc)
                self.pin_edit.selectAll()
                self.pin_edit.setFocus()
        if problem:
            self.error.setText(problem)
            return
        super().accept()
