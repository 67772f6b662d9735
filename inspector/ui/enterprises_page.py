"""The register of enterprises (被检查单位): search as you type, create, edit, import from Excel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core import sectors
from inspector.core.register import enterprise_list
from inspector.core.store import Store
from inspector.ui.enterprise_dialog import EnterpriseDialog
from inspector.ui.import_dialog import ImportDialog
from inspector.ui.paged_model import PagedTableModel

SEARCH_DELAY_MS = 150


class EnterpriseTableModel(PagedTableModel):
    """The search result in pinyin order, read a page at a time as it is shown."""

    COLUMNS = ("name", "code", "sector", "region", "legal_rep", "phone")

    def headers(self) -> list[str]:
        return [
            self.tr("Enterprise name"),
            self.tr("Unified social credit code"),
            self.tr("Sector"),
            self.tr("Region"),
            self.tr("Person in charge"),
            self.tr("Phone"),
        ]

    def display(self, record: dict, column: int):
        name = self.COLUMNS[column]
        value = record[name]
        if name == "sector":
            return sectors.label(value)
        if name == "code":
            return value or "—"
        return value

    def enterprise_id(self, row: int) -> str | None:
        return self.record_id(row)


class EnterprisesPage(QWidget):
    """``enterprisesChanged`` is emitted after anything was saved or imported."""

    enterprisesChanged = Signal()
    ledgerWanted = Signal(str)  # an enterprise's hazards
    recheckWanted = Signal(str)  # a re-check of an enterprise

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.dialog: QDialog | None = None
        self._last_dir = str(Path.home())

        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Search by any part of the name or credit code"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda: self.search_timer.start())
        self.search.returnPressed.connect(self._search_now)

        self.new_button = QPushButton(self.tr("New…"), objectName="new")
        self.edit_button = QPushButton(self.tr("Edit…"), objectName="edit")
        self.import_button = QPushButton(self.tr("Import from Excel…"), objectName="import")
        self.hazards_button = QPushButton(self.tr("Hazards"), objectName="hazards")
        self.recheck_button = QPushButton(self.tr("Re-check…"), objectName="recheck")
        self.hazards_button.clicked.connect(
            lambda: self.current_id() and self.ledgerWanted.emit(self.current_id())
        )
        self.recheck_button.clicked.connect(
            lambda: self.current_id() and self.recheckWanted.emit(self.current_id())
        )
        self.new_button.clicked.connect(self.new_enterprise)
        self.edit_button.clicked.connect(lambda: self.edit_enterprise())
        self.import_button.clicked.connect(self.import_from_excel)

        self.model = EnterpriseTableModel(self)
        self.table = QTableView(objectName="table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideMiddle)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._size_columns()
        self.table.doubleClicked.connect(self._edit_at)
        self.table.installEventFilter(self)  # Enter edits, as a double-click does
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.count = QLabel(objectName="count")
        self.count.setStyleSheet("color: #555;")
        self.message = QLabel(objectName="message")
        self.message.setStyleSheet("color: #2e7d32;")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.import_button)
        top.addWidget(self.hazards_button)
        top.addWidget(self.recheck_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setFocusProxy(self.search)
        self._loaded = False  # the register is read when the page is first shown

    def showEvent(self, event) -> None:
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def _size_columns(self) -> None:
        """Widths from typical contents and the (translated) headings, never from measuring 10,000 rows."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        typical = {
            1: "91652822MA77X1K2AK",
            2: max(sectors.SECTORS.values(), key=metrics.horizontalAdvance),
            3: "库尔勒经济技术开发区",
            4: "吐尔逊·买买提",
            5: "0996-12345678",
        }
        heading = header.fontMetrics()
        for column, text in typical.items():
            title = self.model.headerData(column, Qt.Horizontal)
            width = max(metrics.horizontalAdvance(text), heading.horizontalAdvance(title) + 8) + 24
            self.table.setColumnWidth(column, width)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.KeyPress
            and event.key() in (Qt.Key_Return, Qt.Key_Enter)
            and self.current_id()
        ):
            self.edit_enterprise()
            return True
        return super().eventFilter(watched, event)

    # -- searching ----------------------------------------------------------------------------------------

    def _search_now(self) -> None:
        self.search_timer.stop()
        self.refresh()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def refresh(self, select_id: str | None = None) -> None:
        """Run the search again, keeping (or moving to) the selected enterprise."""
        select_id = select_id or (self.current_id() if self._loaded else None)
        self._loaded = True
        text = self.search.text()
        store = self.store
        self.model.set_query(
            lambda: enterprise_list.count(store, text),
            lambda offset, limit: enterprise_list.page(store, text, offset, limit),
        )
        found = self.model.total
        total = enterprise_list.count(self.store) if text.strip() else found
        if not total:
            self.count.setText(self.tr("No enterprises registered yet: add one, or import an Excel sheet."))
        elif text.strip():
            self.count.setText(
                self.tr("%1 of %2 enterprises match").replace("%1", str(found)).replace("%2", str(total))
            )
        else:
            self.count.setText(self.tr("%1 enterprises").replace("%1", str(total)))
        if select_id:
            row = enterprise_list.position(self.store, select_id, text)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    def _edit_at(self, index: QModelIndex) -> None:
        self.edit_enterprise(self.model.enterprise_id(index.row()))

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.enterprise_id(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        for button in (self.edit_button, self.hazards_button, self.recheck_button):
            button.setEnabled(chosen)

    # -- creating, editing, importing ---------------------------------------------------------------------

    def _open(self, dialog: QDialog, done) -> None:
        """Open ``dialog`` window-modal without blocking; ``done(dialog)`` runs when it is accepted."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(lambda: done(dialog))
        dialog.open()

    def new_enterprise(self) -> None:
        self.message.clear()
        self._open(EnterpriseDialog(self.store, parent=self), self._saved)

    def edit_enterprise(self, enterprise_id: str | None = None) -> None:
        enterprise_id = enterprise_id or self.current_id()
        if enterprise_id:
            self.message.clear()
            self._open(EnterpriseDialog(self.store, enterprise_id, parent=self), self._saved)

    def _saved(self, dialog: EnterpriseDialog) -> None:
        self.message.setText(self.tr("Saved: %1").replace("%1", dialog.saved["name"]))
        self.refresh(select_id=dialog.saved["id"])
        self.enterprisesChanged.emit()

    def import_from_excel(self) -> None:
        title, pattern = self.tr("Import enterprises from Excel"), self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getOpenFileName(self, title, self._last_dir, pattern)
        if not path:
            return
        self._last_dir = str(Path(path).parent)
        self.message.clear()
        self._open(ImportDialog(self.store, Path(path), parent=self), self._imported)

    def _imported(self, dialog: ImportDialog) -> None:
        applied = dialog.applied
        text = self.tr("Imported: %1 added, %2 updated").replace("%1", str(applied.added))
        text = text.replace("%2", str(applied.updated))
        if applied.skipped_rows:
            text += self.tr(", %1 rejected rows skipped").replace("%1", str(len(applied.skipped_rows)))
        self.message.setText(text)
        self.refresh()
        self.enterprisesChanged.emit()
