"""The ledger's hand-made transitions: the enterprise's report (已整改待复查) and 挂牌督办.

Each dialog calls core when OK is pressed; a refusal is shown in the dialog (with its field focused)
and nothing changes.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.ledger import LedgerError, lifecycle
from inspector.core.store import Store
from inspector.ui.core_messages import core_text

PHOTO_PATTERN = "*.jpg *.jpeg *.png *.heic *.webp"


class PhotoPicker(QWidget):
    """A button that adds photo files and a line saying how many are chosen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.paths: list[Path] = []
        self.button = QPushButton(self.tr("Add photos…"), objectName="add_photos")
        self.button.clicked.connect(self._choose)
        self.label = QLabel(self.tr("No photos"), objectName="photos")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.label, 1)

    def _choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Photos"), "", self.tr("Photos (%1)").replace("%1", PHOTO_PATTERN)
        )
        self.add([Path(f) for f in files])

    def add(self, paths: list[Path]) -> None:
        self.paths += [p for p in paths if p not in self.paths]
        self.label.setText(
            self.tr("%n photo(s)", "", len(self.paths)) if self.paths else self.tr("No photos")
        )


class _HazardDialog(QDialog):
    def __init__(self, store: Store, hazard: dict, title: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.hazard = hazard
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        what = QLabel(f"{hazard['enterprise']} · {hazard['spot']}\n{hazard['description']}")
        what.setWordWrap(True)
        self.form.addRow(what)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}

    def refuse(self, exc: LedgerError) -> None:
        self.error.setText(core_text(exc))
        widget = self.fields.get(exc.field)
        if widget is not None:
            widget.setFocus()


class ReportDialog(_HazardDialog):
    """待整改/整改中 → 已整改待复查, with the enterprise's report and its photos."""

    def __init__(self, store: Store, hazard: dict, parent=None):
        super().__init__(store, hazard, self.tr("Enterprise reports it fixed"), parent)
        self.report = QPlainTextEdit(objectName="report")
        self.report.setPlaceholderText(self.tr("What the enterprise did, as its report says"))
        self.photos = PhotoPicker(self)
        self.form.addRow(self.tr("Report"), self.report)
        self.form.addRow(self.tr("Photos"), self.photos)
        self.fields = {"report": self.report, "photos": self.photos.button}

    def accept(self) -> None:
        try:
            lifecycle.report(self.store, self.hazard["id"], self.report.toPlainText(), self.photos.paths)
        except LedgerError as exc:
            self.refuse(exc)
            return
        super().accept()


class ListingDialog(_HazardDialog):
    """挂牌督办: the listing body, a reason and a new deadline."""

    def __init__(self, store: Store, hazard: dict, parent=None, today: date | None = None):
        super().__init__(store, hazard, self.tr("List for supervision"), parent)
        self.today = today
        self.body = QLineEdit(objectName="body")
        self.body.setPlaceholderText(self.tr("e.g. 县安委办"))
        self.reason = QLineEdit(objectName="reason")
        self.reason.setText(
            self.tr("Major hazard")
            if hazard["grade"] == "major"
            else (self.tr("Overdue") if hazard.get("overdue") else "")
        )
        self.deadline = QDateEdit(objectName="deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        start = (today or date.today()) + timedelta(days=30)
        self.deadline.setDate(QDate(start.year, start.month, start.day))
        self.form.addRow(self.tr("Listing body"), self.body)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("New deadline"), self.deadline)
        self.fields = {"body": self.body, "reason": self.reason, "deadline": self.deadline}

    def accept(self) -> None:
        chosen = self.deadline.date()
        try:
            lifecycle.list_supervision(
                self.store,
                self.hazard["id"],
                body=self.body.text(),
                reason=self.reason.text(),
                deadline=date(chosen.year(), chosen.month(), chosen.day()),
                today=self.today,
            )
        except LedgerError as exc:
            self.refuse(exc)
            return
        super().accept()
