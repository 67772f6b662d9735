"""The inspections: a list (newest first), starting a new one, and the runner for the open one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core import clock
from inspector.core.capture import inspections
from inspector.core.store import Store
from inspector.ui.documents_panel import DocumentsPanel
from inspector.ui.new_inspection import NewInspectionDialog
from inspector.ui.runner.runner import RunnerWidget


class InspectionsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.headers = [
            self.tr("Enterprise"),
            self.tr("Kind"),
            self.tr("Checklists"),
            self.tr("Started"),
            self.tr("Status"),
            self.tr("Failed"),
            self.tr("Major"),
        ]

    def reload(self, store: Store) -> None:
        self.beginResetModel()
        self.rows = inspections.listing(store)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.UserRole):
            return None
        row = self.rows[index.row()]
        if role == Qt.UserRole:
            return row["id"]
        started = clock.local(row["started_at"]).strftime("%Y-%m-%d %H:%M")
        status = self.tr("Finished") if row["status"] == "finished" else self.tr("In progress")
        values = [
            row["enterprise"],
            row["kind"],
            "；".join(row["checklist_titles"]),
            started,
            status,
            row["failed"],
            row["major"],
        ]
        return values[index.column()]


class InspectionsPage(QWidget):
    def __init__(self, store: Store, library, parent=None):
        super().__init__(parent)
        self.store = store
        self.library = library
        self.runner: RunnerWidget | None = None
        self.documents: DocumentsPanel | None = None
        self.model = InspectionsModel(self)
        self.table = QTableView(objectName="inspections")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda index: self.open(index.data(Qt.UserRole)))
        new = QPushButton(self.tr("New inspection…"), objectName="new_inspection")
        new.clicked.connect(self.new_inspection)
        opened = QPushButton(self.tr("Open"), objectName="open_inspection")
        opened.clicked.connect(self._open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(opened)
        buttons.addStretch(1)
        listing = QWidget()
        column = QVBoxLayout(listing)
        column.addLayout(buttons)
        column.addWidget(self.table)

        self.back = QPushButton(self.tr("← All inspections"), objectName="back")
        self.back.clicked.connect(self.show_list)
        self.runner_host = QWidget()
        self.runner_layout = QVBoxLayout(self.runner_host)
        self.runner_bar = QHBoxLayout()
        self.runner_bar.addWidget(self.back)
        self.runner_bar.addStretch(1)
        self.runner_layout.addLayout(self.runner_bar)

        self.stack = QStackedWidget()
        self.stack.addWidget(listing)
        self.stack.addWidget(self.runner_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.reload()

    def reload(self) -> None:
        self.model.reload(self.store)
        self.table.resizeColumnsToContents()

    def new_inspection(self, enterprise_id: str | None = None) -> None:
        dialog = NewInspectionDialog(self.store, self.library, enterprise_id, self)
        if dialog.exec() and dialog.inspection:
            self.reload()
            self.open(dialog.inspection["id"])

    def _open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open(index.data(Qt.UserRole))

    def leave_runner(self) -> bool:
        """Save the open finding before leaving it; if it cannot be saved, the inspector decides."""
        if self.runner is None or self.runner.editor.flush():
            return True
        self.stack.setCurrentWidget(self.runner_host)
        answer = QMessageBox.question(
            self,
            self.tr("Finding not saved"),
            self.tr(
                "The open finding cannot be saved yet: %1\nLeave anyway and lose what was typed there?"
            ).replace("%1", self.runner.editor.error.text()),
            QMessageBox.Yes | QMessageBox.No,
            QMessageBox.No,
        )
        if answer == QMessageBox.Yes:
            self.runner.editor.discard()
            return True
        self.runner.show_refused()  # back to the field that needs fixing
        return False

    def open(self, inspection_id: str) -> RunnerWidget:
        if not self.leave_runner():
            return self.runner
        if self.runner is not None:
            for widget in (self.runner, self.documents):
                widget.setParent(None)
                widget.deleteLater()
        self.runner = RunnerWidget(self.store, inspection_id)
        self.documents = DocumentsPanel(self.store, inspection_id)
        self.runner.finished.connect(lambda _id: (self.reload(), self.documents.refresh()))
        self.runner.findingsChanged.connect(self.documents.refresh)
        self.runner_bar.addWidget(self.documents)
        self.runner_layout.addWidget(self.runner, 1)
        self.stack.setCurrentWidget(self.runner_host)
        self.runner.focus_list()
        return self.runner

    def show_list(self) -> None:
        if not self.leave_runner():
            return
        self.reload()
        self.stack.setCurrentIndex(0)
