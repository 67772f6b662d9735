"""The inspections: a list (newest first), starting a new one, and the runner for the open one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
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
from inspector.ui.new_inspection import NewInspectionDialog
from inspector.ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from inspector.ui.documents_panel import DocumentsPanel
    from inspector.ui.runner.runner import RunnerWidget


class InspectionsModel(PagedTableModel):
    """Every inspection, newest first, read a page at a time as it is shown."""

    def headers(self) -> list[str]:
        return [
            self.tr("Enterprise"),
            self.tr("Kind"),
            self.tr("Checklists"),
            self.tr("Started"),
            self.tr("Status"),
            self.tr("Failed"),
            self.tr("Major"),
        ]

    def display(self, row: dict, column: int):
        if column == 0:
            return row["enterprise"]
        if column == 1:
            return row["kind"]
        if column == 2:
            return "；".join(row["checklist_titles"])
        if column == 3:
            return clock.local(row["started_at"]).strftime("%Y-%m-%d %H:%M")
        if column == 4:
            return self.tr("Finished") if row["status"] == "finished" else self.tr("In progress")
        return row["failed"] if column == 5 else row["major"]

    def show_all(self, store: Store) -> None:
        self.set_query(
            lambda: inspections.count(store), lambda offset, limit: inspections.page(store, offset, limit)
        )


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
        self.table.setEditTriggers(QTableView.NoEditTriggers)
        self.table.setWordWrap(False)
        self._size_columns()
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(lambda index: self.open(index.data(Qt.UserRole)))
        self.table.installEventFilter(self)  # Enter opens, as a double-click does
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
        self._loaded = False  # the list is read when the page is first shown

    def _size_columns(self) -> None:
        """Widths from typical contents and the headings, never from measuring the rows."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        metrics, heading = self.table.fontMetrics(), header.fontMetrics()
        typical = {1: "复工复产验收", 3: "2026-12-31 23:59", 4: "进行中进行中", 5: "999", 6: "999"}
        for column, text in typical.items():
            title = self.model.headerData(column, Qt.Horizontal)
            width = max(metrics.horizontalAdvance(text), heading.horizontalAdvance(title) + 8) + 24
            self.table.setColumnWidth(column, width)

    def showEvent(self, event) -> None:
        if not self._loaded:
            self.reload()
        super().showEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.KeyPress
            and event.key() in (Qt.Key_Return, Qt.Key_Enter)
            and self.table.currentIndex().isValid()
        ):
            self._open_selected()
            return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        """Count again and drop the pages read so far; keeps the selected inspection selected."""
        selected = self.current_id() if self._loaded else None
        self._loaded = True
        self.model.show_all(self.store)
        if selected:
            row = inspections.position(self.store, selected)
            if row >= 0:
                self.table.selectRow(row)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def new_inspection(self, enterprise_id: str | None = None) -> None:
        dialog = NewInspectionDialog(self.store, self.library, enterprise_id, self)
        if dialog.exec() and dialog.inspection:
            self.reload()
            self.open(dialog.inspection["id"])

    def _open_selected(self) -> None:
        selected = self.current_id()
        if selected:
            self.open(selected)

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
        from inspector.ui.documents_panel import DocumentsPanel  # signing (pyHanko) loads on first use
        from inspector.ui.runner.runner import RunnerWidget

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
        self.documents.recheckWanted.connect(self.open_recheck)
        self.runner_bar.addWidget(self.documents)
        self.runner_layout.addWidget(self.runner, 1)
        self.stack.setCurrentWidget(self.runner_host)
        self.runner.focus_list()
        return self.runner

    def open_recheck(self, notice_id: str):
        """A re-check of the enterprise's open hazards, this notice's first."""
        from inspector.ui.recheck_dialog import RecheckDialog

        enterprise_id = inspections.get(self.store, self.documents.inspection_id)["enterprise_id"]
        self.recheck = RecheckDialog(self.store, enterprise_id, notice_id, self)
        self.recheck.open()
        return self.recheck

    def show_list(self) -> None:
        if not self.leave_runner():
            return
        self.reload()
        self.stack.setCurrentIndex(0)
