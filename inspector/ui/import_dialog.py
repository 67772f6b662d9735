"""Import enterprises from an Excel sheet: show what the sheet would change and every rejected row first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.progress import Cancelled
from inspector.core.register import enterprise_import, enterprises
from inspector.core.store import Store, StoreError
from inspector.ui import background
from inspector.ui.core_messages import core_text

RED = "#b00020"
AMBER = "#b26a00"
WRAP_ROWS_UP_TO = 300


_ROOT = QModelIndex()  # the invisible root: these are flat tables


class ProblemModel(QAbstractTableModel):
    """Rejected rows and warnings: sheet row, column, what is wrong."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[enterprise_import.Problem, bool]] = []

    def set_report(self, report: enterprise_import.ImportReport | None) -> None:
        self.beginResetModel()
        self._rows = []
        if report is not None:
            found = [(p, False) for p in report.rejected] + [(p, True) for p in report.warnings]
            self._rows = sorted(found, key=lambda item: (item[0].row, item[1]))
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        problem, is_warning = self._rows[index.row()]
        if role == Qt.DisplayRole:
            if index.column() == 0:
                return problem.row
            if index.column() == 1:
                return problem.column
            return (self.tr("Warning: ") if is_warning else "") + core_text(problem.reason)
        if role == Qt.ForegroundRole and index.column() == 2:
            return QColor(AMBER if is_warning else RED)
        if role == Qt.ToolTipRole and index.column() == 2:
            return core_text(problem.reason)
        if role == Qt.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Row"), self.tr("Column"), self.tr("Reason"))[section]
        return None


class ImportDialog(QDialog):
    """Reads the sheet at once; imports only when a button says so. ``applied`` is set after importing."""

    def __init__(self, store: Store, path: Path | str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.report: enterprise_import.ImportReport | None = None
        self.applied: enterprise_import.Applied | None = None
        self.setWindowTitle(self.tr("Import enterprises from Excel"))
        self.resize(860, 520)

        self.file_label = QLabel(objectName="file")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.summary = QLabel(objectName="summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.ignored = QLabel(objectName="ignored")
        self.ignored.setWordWrap(True)
        self.ignored.setStyleSheet("color: #666;")
        self.problems_model = ProblemModel(self)
        self.problems = QTableView(objectName="problems")
        self.problems.setModel(self.problems_model)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.problems.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.problems.setWordWrap(True)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        self.problems.setColumnWidth(0, self.fontMetrics().horizontalAdvance("000000") + 16)
        self.problems.setColumnWidth(1, self.fontMetrics().horizontalAdvance("统一社会信用代码") + 24)
        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {RED};")
        self.error.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.reread_button = QPushButton(self.tr("Read the file again"), objectName="reread")
        self.other_button = QPushButton(self.tr("Choose another file…"), objectName="other")
        self.import_button = QPushButton(self.tr("Import"), objectName="import")
        self.good_only_button = QPushButton(self.tr("Import good rows only"), objectName="good_only")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel")
        self.reread_button.clicked.connect(lambda: self.load(self.path))
        self.other_button.clicked.connect(self.choose_other)
        self.import_button.clicked.connect(lambda: self.run_import(skip_bad=False))
        self.good_only_button.clicked.connect(lambda: self.run_import(skip_bad=True))
        self.cancel_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.reread_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.good_only_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.ignored)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.load(self.path)

    # -- reading ------------------------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        self.path = Path(path)
        self.error.clear()
        self.file_label.setText(self.tr("File: %1").replace("%1", str(self.path)))
        path = self.path
        try:
            self.report = self._in_background(
                self.tr("Reading %1 …").replace("%1", path.name),
                lambda store, progress: enterprise_import.read(store, path, progress),
            )
        except enterprise_import.ImportFileError as exc:
            self.report = None
            self.error.setText(core_text(exc))
        except Cancelled:
            self.report = None
            self.error.setText(self.tr("Reading was cancelled."))
        self._show(self.report)

    def choose_other(self) -> None:
        title, pattern = self.tr("Import enterprises from Excel"), self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getOpenFileName(self, title, str(self.path.parent), pattern)
        if path:
            self.load(Path(path))

    def _show(self, report: enterprise_import.ImportReport | None) -> None:
        self.problems_model.set_report(report)
        # wrap long reasons; measuring every row is only worth it while the list is short
        fits = self.problems_model.rowCount() <= WRAP_ROWS_UP_TO
        self.problems.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeToContents if fits else QHeaderView.Fixed
        )
        self.problems.setVisible(bool(report and (report.rejected or report.warnings)))
        if report is None:
            self.summary.clear()
            self.ignored.clear()
            self.import_button.setEnabled(False)
            self.good_only_button.hide()
            return
        sheet = report.sheet
        self.file_label.setText(
            self.tr("File: %1 — sheet “%2”, headings on row %3")
            .replace("%1", str(self.path))
            .replace("%2", sheet.sheet_name)
            .replace("%3", str(sheet.header_row))
        )
        self.summary.setText(
            self.tr("Rows read: %1 · to add: %2 · to update: %3 · unchanged: %4 · rejected: %5")
            .replace("%1", str(report.rows_read))
            .replace("%2", str(len(report.to_add)))
            .replace("%3", str(len(report.to_update)))
            .replace("%4", str(len(report.unchanged)))
            .replace("%5", str(len(report.rejected_rows)))
        )
        self.ignored.setText(
            self.tr("Columns not used: %1").replace("%1", "、".join(sheet.ignored)) if sheet.ignored else ""
        )
        self.ignored.setVisible(bool(sheet.ignored))
        self.import_button.setEnabled(report.ok and report.changes > 0)
        self.good_only_button.setVisible(not report.ok)
        self.good_only_button.setEnabled(report.changes > 0)
        if not report.ok:
            self.error.setText(
                self.tr(
                    "Rows with problems are listed below. Correct them in the sheet and read it again, "
                    "or import the good rows only."
                )
            )
        elif report.changes == 0:
            self.error.setText(self.tr("Nothing to import: every row is already in the register."))
            self.error.setStyleSheet("color: #666;")
            return
        self.error.setStyleSheet(f"color: {RED};")

    # -- importing ----------------------------------------------------------------------------------------

    def run_import(self, skip_bad: bool) -> None:
        if self.report is None:
            return
        report = self.report
        try:
            self.applied = self._in_background(
                self.tr("Importing %n row(s) …", "", report.changes),
                lambda store, progress: enterprise_import.apply(store, report, skip_bad, progress),
            )
        except enterprise_import.ImportRefused as exc:  # the register changed since the sheet was read
            self.report = exc.report
            self._show(exc.report)
            return
        except Cancelled:
            self.error.setStyleSheet(f"color: {RED};")
            self.error.setText(self.tr("Import cancelled: nothing was imported."))
            return
        except (StoreError, enterprises.EnterpriseError) as exc:
            self.error.setStyleSheet(f"color: {RED};")
            self.error.setText(core_text(exc))
            return
        except MemoryError:
            self.error.setStyleSheet(f"color: {RED};")
            self.error.setText(self.tr("Not enough memory to import this sheet: nothing was imported."))
            return
        self.accept()

    def _in_background(self, label: str, work):
        """``work(store, progress)`` off the GUI thread with a progress bar and Cancel (see background)."""
        if not background.can_move(self.store):  # a bare database file: it stays on this thread
            QGuiApplication.setOverrideCursor(Qt.WaitCursor)
            try:
                return work(self.store, lambda done, total: None)
            finally:
                QGuiApplication.restoreOverrideCursor()
        return background.run(self, label, background.with_store(self.store, work))
