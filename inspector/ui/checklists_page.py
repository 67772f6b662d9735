"""The checklists the app offers, and the files it could not load with the reasons why.

The page is given a :class:`~inspector.core.checklists.Library` (the lead's window loads it with
``load_for_workspace``); ``set_library`` shows a reloaded one.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core import sectors
from inspector.core.checklists import Checklist, Library

ChecklistRole = Qt.UserRole + 1
WARNING = QColor("#b00020")


class ChecklistTableModel(QAbstractTableModel):
    TITLE, SECTOR, VERSION, ITEMS, MAJOR = range(5)

    def __init__(self, checklists: list[Checklist], parent=None):
        super().__init__(parent)
        self.checklists = list(checklists)

    def set_checklists(self, checklists: list[Checklist]) -> None:
        self.beginResetModel()
        self.checklists = list(checklists)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.checklists)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return (
            self.tr("Title"),
            self.tr("Sector"),
            self.tr("Version"),
            self.tr("Items"),
            self.tr("Major-hazard items"),
        )[section]

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        checklist = self.checklists[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            return (
                checklist.title,
                sectors.label(checklist.sector),
                checklist.version,
                len(checklist.items),
                len(checklist.major_items),
            )[column]
        if role == Qt.TextAlignmentRole and column in (self.ITEMS, self.MAJOR):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole:
            return checklist.description or checklist.title
        if role == ChecklistRole:
            return checklist
        return None


class RejectedModel(QAbstractListModel):
    """One row per rejected file (bold) followed by one row per problem, all in the warning colour."""

    def __init__(self, rejected, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, bool]] = []
        self.set_rejected(rejected)

    def set_rejected(self, rejected) -> None:
        self.beginResetModel()
        self.rows = []
        for path, issues in rejected:
            self.rows.append((str(path), True))
            self.rows.extend((f"    {issue}", False) for issue in issues)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        text, is_file = self.rows[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return text
        if role == Qt.ForegroundRole:
            return QBrush(WARNING)
        if role == Qt.FontRole and is_file:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ChecklistsPage(QWidget):
    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        heading = QLabel(self.tr("Checklists"))
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.summary = QLabel(objectName="summary")

        self.model = ChecklistTableModel([], self)
        self.table = QTableView(objectName="checklists")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(ChecklistTableModel.TITLE, QHeaderView.Stretch)
        self.details = QLabel(objectName="details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details.setStyleSheet("color: #666;")

        self.rejected_label = QLabel(objectName="rejected_label")
        self.rejected_label.setStyleSheet(f"color: {WARNING.name()}; font-weight: bold;")
        self.rejected_label.setWordWrap(True)
        self.rejected_model = RejectedModel([], self)
        self.rejected_view = QListView(objectName="rejected")
        self.rejected_view.setModel(self.rejected_model)
        self.rejected_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.rejected_view.setWordWrap(True)
        self.rejected_view.setStyleSheet(f"QListView {{ border: 1px solid {WARNING.name()}; }}")

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.details)
        layout.addWidget(self.rejected_label)
        layout.addWidget(self.rejected_view, 1)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.table.activated.connect(self.open_checklist)  # Enter or a double-click
        self.set_library(library)

    def set_library(self, library: Library) -> None:
        self.library = library
        self.model.set_checklists(library.checklists)
        self.rejected_model.set_rejected(library.rejected)
        self.summary.setText(self.tr("%n checklist(s) available", "", len(library.checklists)))
        rejected = len(library.rejected)
        self.rejected_label.setText(
            self.tr("%n file(s) could not be loaded. Correct them and open this page again:", "", rejected)
        )
        self.rejected_label.setVisible(bool(rejected))
        self.rejected_view.setVisible(bool(rejected))
        self.details.clear()

    def open_checklist(self, index: QModelIndex | None = None) -> None:
        """Read a whole checklist: its sections and items, what to check, how, and on what basis."""
        checklist = self.model.data(index, ChecklistRole) if index is not None and index.isValid() else None
        checklist = checklist or self.selected()
        if checklist is not None:
            ChecklistView(checklist, self).exec()

    def selected(self) -> Checklist | None:
        index = self.table.currentIndex()
        return self.model.data(index, ChecklistRole) if index.isValid() else None

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        checklist = self.model.data(current, ChecklistRole) if current.isValid() else None
        if checklist is None:
            self.details.clear()
            return
        origin = str(checklist.path) if checklist.path else self.tr("stored snapshot")
        self.details.setText(
            self.tr("ID %1 · effective %2 · file %3")
            .replace("%1", checklist.id)
            .replace("%2", checklist.effective.isoformat())
            .replace("%3", origin)
        )


class ChecklistView(QDialog):
    """One checklist as text to read (one document, not a widget per item)."""

    def __init__(self, checklist: Checklist, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"{checklist.title}（{checklist.version}）")
        self.text = QPlainTextEdit(objectName="checklist_text")
        self.text.setReadOnly(True)
        lines = []
        for section in checklist.sections:
            lines.append(f"【{section.title}】")
            for item in section.items:
                lines.append(f"{item.id}  {item.content}")
                lines.append("    " + self.tr("How to check: %1").replace("%1", item.method))
                lines.append("    " + self.tr("Basis: %1").replace("%1", item.basis_text()))
            lines.append("")
        self.text.setPlainText("\n".join(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(860, 620)
