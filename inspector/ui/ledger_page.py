"""The hazard ledger (隐患台账): filters, a paged table sorted by any column, one hazard beside it,
transitions, the re-check, and the Excel export with a progress bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.ledger import LedgerError
from inspector.core.store import Store
from inspector.ui.core_messages import core_text
from inspector.ui.hazard_dialogs import ListingDialog, ReportDialog
from inspector.ui.hazard_panel import HazardPanel
from inspector.ui.ledger_filters import LedgerFilters
from inspector.ui.ledger_model import LedgerModel


class LedgerPage(QWidget):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self._loaded = False
        self.dialog = None
        self.filters = LedgerFilters(store)
        self.filters.changed.connect(self._filter)
        self.model = LedgerModel(store, self)
        self.table = QTableView(objectName="ledger")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.DescendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.installEventFilter(self)
        self.panel = HazardPanel(store)
        self.panel.changed.connect(self._changed)
        self.panel.reportWanted.connect(lambda h: self._open_dialog(ReportDialog(store, h, self)))
        self.panel.listingWanted.connect(lambda h: self._open_dialog(ListingDialog(store, h, self)))
        self.panel.recheckWanted.connect(lambda h: self.open_recheck(h["enterprise_id"], h["id"]))

        self.count = QLabel(objectName="count")
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #b00020;")
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="export")
        self.export_button.clicked.connect(lambda: self.export())
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.export_button)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([10_000, 340])  # the panel keeps its width; the table takes the rest
        self.panel.setMinimumWidth(300)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        metrics = self.table.fontMetrics()
        typical = (
            "2026-12-31",
            "库尔勒金泰化工有限责任公司",
            "1号罐区东侧",
            "消防通道被占用堵塞，应急照明",
            "重大事故隐患",
            "已整改待复查 · 逾期 99 天",
            "2026-12-31",
            "×9",
            "挂牌",
            "吐尔逊·买买提",
            "库尔勒市",
            "危险化学品",
        )
        for column, text in enumerate(typical):
            title = self.model.headerData(column, Qt.Horizontal)
            width = (
                max(metrics.horizontalAdvance(text), header.fontMetrics().horizontalAdvance(title) + 20) + 16
            )
            self.table.setColumnWidth(column, width)

    def showEvent(self, event) -> None:
        """Read when first shown; counted again each time it is shown (hazards come from inspections)."""
        if not self._loaded:
            self._loaded = True
            self._filter(self.filters.filters())  # brings the ledger index up to date first
            self.filters.fill_choices()
        else:
            self.reload()
        super().showEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.KeyPress
            and event.key() in (Qt.Key_Return, Qt.Key_Enter)
            and self.panel.hazard is not None
        ):
            actions = (self.panel.start_button, self.panel.report_button, self.panel.recheck_button)
            chosen = next((b for b in actions if b.isEnabled()), None)
            (chosen or self.panel).setFocus()  # Enter opens the hazard: its first possible step
            return True
        return super().eventFilter(watched, event)

    def _filter(self, filters) -> None:
        try:
            self.model.show(filters)
        except LedgerError as exc:
            self.error.setText(core_text(exc))
            return
        self.error.clear()
        self.count.setText(self.tr("%n hazard(s)", "", self.model.total))
        self.panel.show_hazard(None)

    def show_enterprise(self, enterprise_id: str) -> None:
        """The ledger of one enterprise (from the enterprises page)."""
        self._loaded = True
        self.filters.set_enterprise(enterprise_id)  # shows it, bringing the ledger index up to date
        self.filters.fill_choices()

    def reload(self) -> None:
        if self._loaded:
            selected = self.panel.hazard["id"] if self.panel.hazard else None
            row = self.table.currentIndex().row()
            self._filter(self.model.filters)
            if selected and self.model.record_id(row) == selected:
                self.table.selectRow(row)  # still in the same place: keep it selected
            elif selected:
                self.panel.show_hazard(selected)

    def _current_changed(self, current: QModelIndex, _previous=None) -> None:
        self.panel.show_hazard(self.model.record_id(current.row()) if current.isValid() else None)

    def _changed(self, hazard_id: str) -> None:
        self.model.reload()
        self.count.setText(self.tr("%n hazard(s)", "", self.model.total))
        self.panel.show_hazard(hazard_id)

    def _open_dialog(self, dialog) -> None:
        self.dialog = dialog
        hazard_id = dialog.hazard["id"]
        dialog.accepted.connect(lambda: self._changed(hazard_id))
        dialog.open()

    def open_recheck(self, enterprise_id: str, hazard_id: str | None = None, original: str | None = None):
        """A re-check of the enterprise's open hazards; from a hazard, its notice's hazards come first."""
        from inspector.ui.recheck_dialog import RecheckDialog, notice_of

        if original is None and hazard_id is not None:
            original = notice_of(self.store, hazard_id)
        dialog = RecheckDialog(self.store, enterprise_id, original, self)
        dialog.issued.connect(lambda _document: self.reload())
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- export ---------------------------------------------------------------------------------------

    def export(self, path: str | Path | None = None) -> int | None:
        """Write the filtered ledger, as sorted, to an Excel file, with a progress bar and Cancel."""
        from inspector.core.ledger import export as exporting

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the ledger"),
                str(Path.home() / "隐患台账.xlsx"),
                self.tr("Excel (*.xlsx)"),
            )
            if not path:
                return None
        progress = QProgressDialog(self.tr("Exporting the ledger…"), self.tr("Cancel"), 0, 100, self)
        progress.setObjectName("export_progress")
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(300)
        self.progress = progress

        def step(done: int, total: int) -> bool:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            written = exporting.export_xlsx(
                self.store,
                path,
                self.model.filters,
                sort=self.model.sort_key,
                descending=self.model.descending,
                progress=step,
            )
        except exporting.ExportCancelled:
            progress.close()
            self.error.setText(self.tr("Export cancelled: no file written."))
            return None
        except LedgerError as exc:
            progress.close()
            QMessageBox.warning(self, self.tr("Export failed"), core_text(exc))
            return None
        progress.close()
        self.error.clear()
        self.count.setText(
            self.tr("%1 hazards exported to %2").replace("%1", str(written)).replace("%2", str(path))
        )
        return written
