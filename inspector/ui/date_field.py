"""A date that may be left empty: typed (``2026-11-20``, also ``2026/11/20`` or ``20261120``) or picked from
a calendar (the button at the end, or Alt+↓), like the runner's deadline; empty means no date (e.g. 不限).

Text that is not a date is marked and left out: :meth:`value` is None until it is one.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle

_DATE = re.compile(
    r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*|\s*(\d{4})(\d{2})(\d{2})\s*"
)


def parse(text: str) -> date | None:
    """The date ``text`` names, or None (empty or not a date)."""
    match = _DATE.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(g) for g in (match.groups()[:3] if match.group(1) else match.groups()[3:]))
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateField(QLineEdit):
    """``value()`` is the date, or None when empty; ``valueChanged`` on Enter, leaving, or a calendar pick."""

    valueChanged = Signal(object)  # date | None

    def __init__(self, parent=None, *, empty_text: str = "", objectName: str = ""):
        super().__init__(parent, objectName=objectName)
        self.setPlaceholderText(empty_text)
        self.setClearButtonEnabled(True)
        self.setMaxLength(12)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026-12-31") + 64)
        self.setToolTip(self.tr("Type a date such as 2026-11-20, or pick one from the calendar (Alt+Down)"))
        icon = self.style().standardIcon(QStyle.SP_ArrowDown)
        self.calendar_action = self.addAction(icon, QLineEdit.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("Calendar"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None
        self._last: date | None = None
        self.editingFinished.connect(self._commit)
        self.textChanged.connect(self._mark)

    def value(self) -> date | None:
        return parse(self.text())

    def date(self) -> QDate:
        """As a QDate (null when empty or not a date)."""
        day = self.value()
        return QDate(day.year, day.month, day.day) if day else QDate()

    def setDate(self, day: QDate) -> None:  # as QDateEdit
        self.set_value(day.toPython() if day.isValid() else None)

    def set_value(self, day: date | None) -> None:
        self.setText(day.isoformat() if day else "")
        self._commit()

    def is_valid(self) -> bool:
        """Empty, or a date."""
        return not self.text().strip() or self.value() is not None

    def _mark(self, *_) -> None:
        self.setStyleSheet("" if self.is_valid() else "border: 1px solid #b00020;")
        if not self.text().strip():
            self._commit()  # cleared: no date at once

    def _commit(self) -> None:
        if not self.is_valid():
            return
        day = self.value()
        if self.text().strip() and day is not None and self.text() != day.isoformat():
            self.setText(day.isoformat())
        if day != self._last:
            self._last = day
            self.valueChanged.emit(day)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Down and event.modifiers() & Qt.AltModifier:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> QCalendarWidget:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self, objectName="calendar")
            self.calendar.setWindowFlags(Qt.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        shown = self.date()
        self.calendar.setSelectedDate(shown if shown.isValid() else QDate.currentDate())
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()
        return self.calendar

    def _picked(self, day: QDate) -> None:
        self.calendar.hide()
        self.set_value(date(day.year(), day.month(), day.day()))
        self.setFocus()
