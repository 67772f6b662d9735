"""The ledger's filter bar: status, grade, sector, region, inspector, dates, overdue, repeat, listed, search.

Emits ``changed`` with a :class:`~inspector.core.ledger.query.Filters` (search debounced while typing).
An enterprise filter is set from elsewhere (an enterprise's hazards) and shown as a chip to remove.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from inspector.core import profile, sectors
from inspector.core.ledger.query import Filters
from inspector.core.register import enterprise_list, enterprises
from inspector.core.store import Store
from inspector.ui.date_field import DateField
from inspector.ui.ledger_labels import grades, statuses

SEARCH_DELAY_MS = 200


class LedgerFilters(QWidget):
    changed = Signal(object)  # Filters

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id: str | None = None
        self.search = QLineEdit(objectName="ledger_search")
        self.search.setPlaceholderText(self.tr("Search enterprise, spot or hazard (1 character or more)"))
        self.search.setClearButtonEnabled(True)
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.emit)
        self.search.textChanged.connect(lambda: self.timer.start())
        self.search.returnPressed.connect(self.emit)

        self.status = self._combo("status", self.tr("Any status"), statuses())
        self.grade = self._combo("grade", self.tr("Any grade"), grades())
        self.sector = self._combo("sector", self.tr("Any sector"), sectors.SECTORS.items())
        self.region = self._combo("region", self.tr("Any region"), [])
        self.inspector = self._combo("inspector", self.tr("Any inspector"), [])
        self.found_from = self._date("found_from")
        self.found_to = self._date("found_to")
        self.overdue = QCheckBox(self.tr("Overdue"), objectName="overdue")
        self.repeat = QCheckBox(self.tr("Repeat"), objectName="repeat")
        self.listed = QCheckBox(self.tr("Listed supervision"), objectName="listed")
        for box in (self.overdue, self.repeat, self.listed):
            box.toggled.connect(self.emit)
        self.enterprise = QLineEdit(objectName="enterprise_filter")
        self.enterprise.setPlaceholderText(self.tr("One enterprise…"))
        self._labels: dict[str, str] = {}
        self.matches = QStandardItemModel(self)
        self.completer = QCompleter(self.matches, self)
        self.completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)  # core has filtered
        self.enterprise.setCompleter(self.completer)
        self.completer.activated[str].connect(lambda text: self.set_enterprise(self._labels.get(text)))
        self.enterprise_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.enterprise_timer.timeout.connect(self._find_enterprises)
        self.enterprise.textEdited.connect(lambda: self.enterprise_timer.start())
        self.enterprise_chip = QPushButton(objectName="enterprise_chip")
        self.enterprise_chip.setToolTip(self.tr("Show every enterprise's hazards"))
        self.enterprise_chip.clicked.connect(lambda: self.set_enterprise(None))
        self.enterprise_chip.hide()
        clear = QPushButton(self.tr("Clear filters"), objectName="clear_filters")
        clear.clicked.connect(self.clear)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0, 1, 4)
        grid.addWidget(self.enterprise, 0, 4, 1, 2)
        grid.addWidget(self.enterprise_chip, 0, 4, 1, 2)
        grid.addWidget(clear, 0, 6)
        row = QHBoxLayout()
        for widget in (self.status, self.grade, self.sector, self.region, self.inspector):
            row.addWidget(widget)
        grid.addLayout(row, 1, 0, 1, 7)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("Found from")))
        dates.addWidget(self.found_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.found_to)
        dates.addSpacing(16)
        for box in (self.overdue, self.repeat, self.listed):
            dates.addWidget(box)
        dates.addStretch(1)
        grid.addLayout(dates, 2, 0, 1, 7)

    def _combo(self, name: str, anything: str, items) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(anything, None)
        for key, label in items:
            combo.addItem(label, key)
        combo.currentIndexChanged.connect(self.emit)
        return combo

    def _date(self, name: str) -> DateField:
        edit = DateField(empty_text=self.tr("any day"), objectName=name)  # empty: 不限
        edit.valueChanged.connect(self.emit)
        return edit

    def fill_choices(self) -> None:
        """Regions and inspectors as they are in the ledger and the roster (asked when the page opens)."""
        self.blockSignals(True)
        try:
            keep = self.region.currentData()
            self.region.clear()
            self.region.addItem(self.tr("Any region"), None)
            for region in enterprise_list.regions(self.store):
                self.region.addItem(region, region)
            self.region.setCurrentIndex(max(0, self.region.findData(keep)))
            keep = self.inspector.currentData()
            self.inspector.clear()
            self.inspector.addItem(self.tr("Any inspector"), None)
            me = profile.profile(self.store)
            for person in ([me] if me else []) + profile.roster(self.store):
                self.inspector.addItem(person["name"], person["id"])
            self.inspector.setCurrentIndex(max(0, self.inspector.findData(keep)))
        finally:
            self.blockSignals(False)

    @staticmethod
    def _day(edit: DateField) -> date | None:
        return edit.value()

    def filters(self) -> Filters:
        def one(combo: QComboBox) -> tuple:
            return (combo.currentData(),) if combo.currentData() else ()

        return Filters(
            statuses=one(self.status),
            grades=one(self.grade),
            sectors=one(self.sector),
            regions=one(self.region),
            enterprise_id=self.enterprise_id,
            inspector_id=self.inspector.currentData(),
            found_from=self._day(self.found_from),
            found_to=self._day(self.found_to),
            overdue=self.overdue.isChecked(),
            repeat=self.repeat.isChecked(),
            listed=self.listed.isChecked(),
            search=self.search.text().strip(),
        )

    def emit(self, *_) -> None:
        self.timer.stop()
        if not self.signalsBlocked():
            self.changed.emit(self.filters())

    def _find_enterprises(self) -> None:
        """The first matches for the typed name or code, offered under the box."""
        self.matches.clear()
        self._labels.clear()
        text = self.enterprise.text().strip()
        if not text:
            return
        for row in enterprise_list.page(self.store, text, 0, 20):
            self._labels[row["name"]] = row["id"]
            self.matches.appendRow(QStandardItem(row["name"]))
        if self.matches.rowCount() and self.enterprise.isVisible():
            self.completer.complete()

    def set_enterprise(self, enterprise_id: str | None) -> None:
        """Only this enterprise's hazards (None: every enterprise's)."""
        self.enterprise_id = enterprise_id
        if enterprise_id:
            name = (enterprises.get(self.store, enterprise_id) or {}).get("name", "")
            self.enterprise_chip.setText(self.tr("%1  ✕").replace("%1", name))
        self.enterprise.clear()
        self.enterprise.setVisible(not enterprise_id)
        self.enterprise_chip.setVisible(bool(enterprise_id))
        self.emit()

    def clear(self) -> None:
        self.blockSignals(True)
        try:
            self.search.clear()
            for combo in (self.status, self.grade, self.sector, self.region, self.inspector):
                combo.setCurrentIndex(0)
            for edit in (self.found_from, self.found_to):
                edit.clear()
            for box in (self.overdue, self.repeat, self.listed):
                box.setChecked(False)
            self.enterprise_id = None
            self.enterprise_chip.hide()
            self.enterprise.clear()
            self.enterprise.show()
        finally:
            self.blockSignals(False)
        self.emit()
