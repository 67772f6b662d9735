"""Ledger statistics: 整改率 by region, sector, inspector or month; hazards by status and grade; overdue
ageing; repeats by enterprise. Charts with QtCharts, loaded the first time the page is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.ledger.query import GRADE_LABELS
from inspector.core.store import Store
from inspector.ui.ledger_labels import grade_label, status_label

MOST_BARS = 12


class StatisticsPage(QWidget):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.figures: dict | None = None
        self.charts: dict[str, object] = {}
        self.by = QComboBox(objectName="by")
        for key, label in (
            ("region", self.tr("by region")),
            ("sector", self.tr("by sector")),
            ("inspector", self.tr("by inspector")),
            ("month", self.tr("by month")),
        ):
            self.by.addItem(label, key)
        self.by.currentIndexChanged.connect(self._draw_rates)
        self.total = QLabel(objectName="total")
        self.total.setStyleSheet("font-size: 15px;")
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button = QPushButton(self.tr("A4 summary (PDF)…"), objectName="summary_pdf")
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.repeats = QTableWidget(0, 3, objectName="repeats")
        self.repeats.setHorizontalHeaderLabels(
            [self.tr("Enterprise"), self.tr("Repeats"), self.tr("Hazards")]
        )
        self.repeats.horizontalHeader().setStretchLastSection(False)
        self.repeats.setColumnWidth(0, 230)
        self.repeats.setColumnWidth(1, 50)
        self.repeats.setColumnWidth(2, 50)
        self.repeats.setMinimumWidth(350)
        self.repeats.verticalHeader().hide()
        self.repeats.setEditTriggers(QTableWidget.NoEditTriggers)
        top = QHBoxLayout()
        top.addWidget(self.total, 1)
        top.addWidget(QLabel(self.tr("Rectification rate")))
        top.addWidget(self.by)
        top.addWidget(self.refresh_button)
        top.addWidget(self.pdf_button)
        self.grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.grid, 1)

    def showEvent(self, event) -> None:
        if self.figures is None:
            self.refresh()
        super().showEvent(event)

    def _chart_view(self, name: str, title: str):
        from PySide6.QtCharts import QChart, QChartView  # QtCharts loads on first use

        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.NoAnimation)
        chart.legend().setAlignment(Qt.AlignBottom)
        view = QChartView(chart, objectName=name)
        view.setRenderHint(QPainter.Antialiasing)
        view.setMinimumHeight(220)
        self.charts[name] = view
        return view

    def refresh(self) -> None:
        from PySide6.QtWidgets import QApplication

        from inspector.core.ledger import stats

        QApplication.setOverrideCursor(Qt.WaitCursor)  # a second or two at a million hazards
        try:
            self.figures = stats.summary(self.store)
        finally:
            QApplication.restoreOverrideCursor()
        total = self.figures["total"]
        self.total.setText(
            self.tr("Due %1 · closed %2 (%3) · closed on time %4 (%5)")
            .replace("%1", str(total["due"]))
            .replace("%2", str(total["closed"]))
            .replace("%3", stats.as_percent(total["rate_closed"]))
            .replace("%4", str(total["closed_on_time"]))
            .replace("%5", stats.as_percent(total["rate_on_time"]))
        )
        if not self.charts:
            self.grid.addWidget(self._chart_view("rates", self.tr("Rectification rate (%)")), 0, 0, 1, 2)
            self.grid.addWidget(self._chart_view("status", self.tr("Hazards by status and grade")), 1, 0)
            self.grid.addWidget(self._chart_view("ageing", self.tr("Overdue hazards by days overdue")), 1, 1)
            self.grid.addWidget(self.repeats, 0, 2, 2, 1)
        self._draw_rates()
        self._draw_status()
        self._draw_ageing()
        repeats = self.figures["repeats"]
        self.repeats.setRowCount(len(repeats))
        for row, item in enumerate(repeats):
            for column, value in enumerate((item["enterprise"], item["repeats"], item["hazards"])):
                self.repeats.setItem(row, column, QTableWidgetItem(str(value)))

    def _bars(
        self, name: str, categories: list[str], series: list[tuple[str, list[float]]], top: float | None
    ):
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis

        chart = self.charts[name].chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSeries()
        for label, values in series:
            bar_set = QBarSet(label)
            bar_set.append(values)
            bars.append(bar_set)
        chart.addSeries(bars)
        x = QBarCategoryAxis()
        x.append(categories or [""])
        small = x.labelsFont()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        x.setLabelsFont(small)
        y = QValueAxis()
        highest = top if top is not None else max([1.0, *(v for _, vs in series for v in vs)])
        y.setRange(0, highest)
        y.setTickCount(5 if top is not None or highest >= 4 else int(highest) + 1)
        if top is None and highest >= 4:
            y.applyNiceNumbers()
        y.setLabelFormat("%d")
        chart.addAxis(x, Qt.AlignBottom)
        chart.addAxis(y, Qt.AlignLeft)
        bars.attachAxis(x)
        bars.attachAxis(y)
        chart.legend().setVisible(len(series) > 1)

    def _draw_rates(self, *_):
        if self.figures is None:
            return
        rows = self.figures["by"][self.by.currentData()][-MOST_BARS:]
        self._bars(
            "rates",
            [r["label"] for r in rows],
            [
                (self.tr("closed on time ÷ due"), [100 * (r["rate_on_time"] or 0) for r in rows]),
                (self.tr("closed ÷ due"), [100 * (r["rate_closed"] or 0) for r in rows]),
            ],
            100.0,
        )

    def _draw_status(self):
        table = self.figures["counts"]["by_status_grade"]
        self._bars(
            "status",
            [status_label(s) for s in table],
            [(grade_label(g), [table[s][g] for s in table]) for g in GRADE_LABELS],
            None,
        )

    def _draw_ageing(self):
        rows = self.figures["ageing"]
        self._bars("ageing", [r["label"] for r in rows], [(self.tr("hazards"), [r["n"] for r in rows])], None)

    def save_pdf(self, path=None):
        """The printable A4 summary, rendered by core with the documents' fonts."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from inspector.core.ledger import summary_pdf  # reportlab loads on first use

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("A4 summary"), str(Path.home() / "隐患统计.pdf"), self.tr("PDF (*.pdf)")
            )
            if not path:
                return None
        Path(path).write_bytes(summary_pdf.render(self.store))
        return Path(path)
