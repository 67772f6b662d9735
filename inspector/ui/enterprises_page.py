"""The register of enterprises (被检查单位): search as you type, create, edit, import from Excel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCollator, QEvent, QLocale, QModelIndex, Qt, QTimer, Signal
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
from inspector.core.register import enterprises
from inspector.core.store import Store
from inspector.ui.enterprise_dialog import EnterpriseDialog
from inspector.ui.import_dialog import ImportDialog

SEARCH_DELAY_MS = 150


_ROOT = QModelIndex()  # the invisible root: these are flat tables


class EnterpriseTableModel(QAbstractTableModel):
    """The search result, handed to the view in batches as it scrolls (``canFetchMore``/``fetchMore``)."""

    COLUMNS = ("name", "code", "sector", "region", "legal_rep", "phone")
    QUERY_COLUMNS = "id, " + ", ".join(COLUMNS)
    BATCH = 500
    IdRole = Qt.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._shown = 0

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._shown = min(self.BATCH, len(rows))
        self.endResetModel()

    @property
    def total(self) -> int:
        return len(self._rows)

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent=_ROOT) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent=_ROOT) -> None:
        if parent.isValid():
            return
        more = min(self.BATCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= self._shown:
            return None
        record = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.DisplayRole:
            value = record[column]
            if column == "sector":
                return sectors.label(value)
            if column == "code":
                return value or "—"
            return value
        if role == Qt.ToolTipRole and column == "name":
            return record["name"]
        if role == self.IdRole:
            return record["id"]
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return (
            self.tr("Enterprise name"),
            self.tr("Unified social credit code"),
            self.tr("Sector"),
            self.tr("Region"),
            self.tr("Person in charge"),
            self.tr("Phone"),
        )[section]

    def enterprise_id(self, row: int) -> str | None:
        return self._rows[row]["id"] if 0 <= row < self._shown else None

    def row_of(self, enterprise_id: str) -> int:
        """The row showing ``enterprise_id`` (fetching up to it), or -1."""
        for row, record in enumerate(self._rows):
            if record["id"] == enterprise_id:
                while row >= self._shown:
                    self.fetchMore()
                return row
        return -1


class EnterprisesPage(QWidget):
    """``enterprisesChanged`` is emitted after anything was saved or imported."""

    enterprisesChanged = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.dialog: QDialog | None = None
        self._last_dir = str(Path.home())
        self._collator = QCollator(QLocale(QLocale.Chinese, QLocale.China))
        self._collator.setNumericMode(True)
        self._sort_keys: dict[str, object] = {}

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
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setFocusProxy(self.search)
        self.refresh()

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
        select_id = select_id or self.current_id()
        text = self.search.text()
        rows = enterprises.search(self.store, text, columns=EnterpriseTableModel.QUERY_COLUMNS)
        rows.sort(key=self._sort_key)
        self.model.set_rows(rows)
        total = enterprises.count(self.store) if text.strip() else len(rows)
        if not total:
            self.count.setText(self.tr("No enterprises registered yet: add one, or import an Excel sheet."))
        elif text.strip():
            self.count.setText(
                self.tr("%1 of %2 enterprises match").replace("%1", str(len(rows))).replace("%2", str(total))
            )
        else:
            self.count.setText(self.tr("%1 enterprises").replace("%1", str(total)))
        if select_id:
            row = self.model.row_of(select_id)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    def _edit_at(self, index: QModelIndex) -> None:
        self.edit_enterprise(self.model.enterprise_id(index.row()))

    def _sort_key(self, record: dict):
        """Names in pinyin order, as Excel and WPS sort them (SQLite would sort by code point)."""
        name = record["name"]
        key = self._sort_keys.get(name)
        if key is None:
            key = self._sort_keys[name] = self._collator.sortKey(name)
        return key

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.enterprise_id(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.current_id() is not None)

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
