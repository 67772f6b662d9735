"""The statistics page: charts drawn from core's figures, and the A4 summary saved as a PDF."""

import subprocess
import sys

from inspector.core.ledger import stats
from inspector.ui.statistics_page import StatisticsPage


def test_qtcharts_openpyxl_and_pyhanko_load_only_when_used():
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "import inspector.ui.main_window, inspector.ui.statistics_page;"
        "print('PySide6.QtCharts' in sys.modules, 'openpyxl' in sys.modules, 'pyhanko' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_charts_show_the_figures_and_the_summary_is_a_pdf(qtbot, demo_store, tmp_path):
    page = StatisticsPage(demo_store)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    assert page.figures is None  # nothing computed before the page is shown
    page.show()
    qtbot.waitUntil(lambda: page.figures is not None)
    assert set(page.charts) == {"rates", "status", "ageing"}
    figures = stats.summary(demo_store)
    status = page.charts["status"].chart().series()[0]
    shown = {bar.label(): [bar.at(i) for i in range(bar.count())] for bar in status.barSets()}
    by_grade = figures["counts"]["by_status_grade"]
    assert shown["Major hazard"] == [
        by_grade[s]["major"] for s in by_grade
    ]  # English: no translator installed
    assert page.repeats.rowCount() == len(figures["repeats"])
    page.by.setCurrentIndex(page.by.findData("month"))
    rates = page.charts["rates"].chart().series()[0].barSets()
    assert rates[0].count() == min(len(figures["by"]["month"]), 12) or len(figures["by"]["month"]) == 0

    path = page.save_pdf(tmp_path / "统计.pdf")
    assert path.read_bytes().startswith(b"%PDF")
