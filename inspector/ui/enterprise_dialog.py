"""Create or edit one enterprise; the 统一社会信用代码 is checked as it is typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.core import sectors
from inspector.core.register import enterprises, uscc
from inspector.core.store import Store, StoreError
from inspector.ui.core_messages import core_text

RED = "#b00020"
AMBER = "#b26a00"
GREEN = "#2e7d32"
GREY = "#666666"


class EnterpriseDialog(QDialog):
    """``saved`` holds the record once it is committed; the dialog stays open on any error."""

    def __init__(self, store: Store, enterprise_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.saved: dict | None = None
        existing = enterprises.get(store, enterprise_id) if enterprise_id else None
        self.setWindowTitle(self.tr("Edit enterprise") if existing else self.tr("New enterprise"))
        self.setMinimumWidth(560)

        self.name = QLineEdit(objectName="name")
        self.name.setMaxLength(100)
        self.code = QLineEdit(objectName="code")
        self.code.setMaxLength(24)
        self.code.setPlaceholderText(self.tr("18 characters; leave empty if the enterprise has none"))
        self.code_status = QLabel(objectName="code_status")
        self.code_status.setWordWrap(True)
        self.sector = QComboBox(objectName="sector")
        for key, label in sectors.SECTORS.items():
            self.sector.addItem(label, key)
        self.region = QLineEdit(objectName="region")
        self.region.setPlaceholderText(self.tr("county, city or development zone"))
        self.address = QLineEdit(objectName="address")
        self.legal_rep = QLineEdit(objectName="legal_rep")
        self.legal_rep_title = QLineEdit(objectName="legal_rep_title")
        self.legal_rep_title.setPlaceholderText(self.tr("e.g. general manager, mine manager"))
        self.phone = QLineEdit(objectName="phone")
        self.notes = QPlainTextEdit(objectName="notes")
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.notes.setTabChangesFocus(True)

        code_box = QVBoxLayout()
        code_box.setSpacing(2)
        code_box.addWidget(self.code)
        code_box.addWidget(self.code_status)

        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Unified social credit code"), code_box)
        form.addRow(self.tr("Sector"), self.sector)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Legal representative (person in charge)"), self.legal_rep)
        form.addRow(self.tr("Job title"), self.legal_rep_title)
        form.addRow(self.tr("Contact phone"), self.phone)
        form.addRow(self.tr("Notes"), self.notes)

        self.error = QLabel(objectName="error")
        self.error.setStyleSheet(f"color: {RED};")
        self.error.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self._widgets = {
            "name": self.name,
            "code": self.code,
            "sector": self.sector,
            "region": self.region,
            "address": self.address,
            "legal_rep": self.legal_rep,
            "legal_rep_title": self.legal_rep_title,
            "phone": self.phone,
            "notes": self.notes,
        }
        if existing:
            self._fill(existing)
        else:
            self.sector.setCurrentIndex(self.sector.findData("general"))
        self.code.textChanged.connect(lambda: self.check_code())
        self.check_code()
        self.name.setFocus()

    def _fill(self, record: dict) -> None:
        for name, widget in self._widgets.items():
            value = record.get(name) or ""
            if isinstance(widget, QComboBox):
                index = widget.findData(value)
                if index < 0:  # a sector this version does not know: keep it
                    widget.addItem(sectors.label(value), value)
                    index = widget.count() - 1
                widget.setCurrentIndex(index)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)

    def values(self) -> dict:
        found = {}
        for name, widget in self._widgets.items():
            if isinstance(widget, QComboBox):
                found[name] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                found[name] = widget.toPlainText()
            else:
                found[name] = widget.text()
        return found

    # -- the code, as it is typed -------------------------------------------------------------------------

    def _status(self, text: str, colour: str) -> None:
        self.code_status.setText(text)
        self.code_status.setStyleSheet(f"color: {colour};")
        self.code_status.setVisible(bool(text))

    def check_code(self, final: bool = False) -> bool:
        """Show what is wrong with the code (red), a doubt about it (amber) or that it is right (green)."""
        text = self.code.text().strip().upper()
        if not text:
            self._status("", GREY)
            return True
        valid_so_far = all(ch in uscc.VALUES for ch in text)
        if len(text) < 18 and not final:
            if valid_so_far:
                self._status(self.tr("%1 of 18 characters").replace("%1", str(len(text))), GREY)
                return False
            # name the wrong character at once, in the checker's own words (padding stands for the rest)
            text = text.ljust(18, "0")
        try:
            checked = uscc.validate(text)
        except uscc.CodeError as exc:
            self._status(core_text(exc), RED)
            return False
        owner = enterprises.code_owner(self.store, checked.code, exclude=self.enterprise_id)
        if owner:
            self._status(core_text(enterprises.code_clash(owner)), RED)
            return False
        if checked.warning:
            self._status(core_text(checked.warning), AMBER)
        else:
            self._status(self.tr("Check character is correct"), GREEN)
        return True

    # -- saving -----------------------------------------------------------------------------------------

    def accept(self) -> None:
        self.error.clear()
        try:
            if self.enterprise_id:
                self.saved = enterprises.update(self.store, self.enterprise_id, self.values())
            else:
                self.saved = enterprises.create(self.store, self.values())
        except enterprises.EnterpriseError as exc:
            if exc.field == "code":
                self._status(core_text(exc), RED)
            else:
                self.error.setText(core_text(exc))
            self._focus(exc.field)
            return
        except StoreError as exc:
            self.error.setText(core_text(exc))
            return
        super().accept()

    def _focus(self, field_name: str) -> None:
        widget = self._widgets.get(field_name)
        if widget is None:
            return
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
