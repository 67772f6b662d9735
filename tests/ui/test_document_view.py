"""The document view: QtPdf preview, print through QPrinter, save as PDF; the office settings dialog."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from inspector.core import office, profile
from inspector.core.documents import numbering, render
from inspector.core.documents.samples import sample_content, sample_signatures
from inspector.ui.document_view import DocumentView
from inspector.ui.office_settings import OfficeSettingsDialog


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render(sample_content("notice", 20), sample_signatures())


def test_the_view_shows_every_page(qtbot, pdf):
    view = DocumentView(pdf, "（库）应急责改〔2026〕17号")
    qtbot.addWidget(view)
    view.show()
    assert view.page_count() >= 2
    assert view.print_button.isEnabled() and view.save_button.isEnabled()
    assert "（库）应急责改〔2026〕17号" in view.info.text()
    view.fit_button.click()
    assert view.view.zoomMode() == view.view.ZoomMode.FitInView


def test_garbage_or_nothing_is_not_printable(qtbot):
    view = DocumentView(b"not a pdf")
    qtbot.addWidget(view)
    assert not view.print_button.isEnabled()
    view.set_pdf(b"")
    assert not view.save_button.isEnabled() and view.save_as() is None


def test_save_as_writes_the_same_bytes(qtbot, pdf, tmp_path, monkeypatch):
    view = DocumentView(pdf, "（库）应急责改〔2026〕17号")
    qtbot.addWidget(view)
    target = tmp_path / "out"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    with qtbot.waitSignal(view.saved):
        view.save_button.click()
    assert (tmp_path / "out.pdf").read_bytes() == pdf
    assert view.suggested_name() == "（库）应急责改〔2026〕17号.pdf"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_printing_renders_every_page_onto_the_printer(qtbot, pdf, tmp_path):
    view = DocumentView(pdf, "notice")
    qtbot.addWidget(view)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert view.print_to(printer) == view.page_count()
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True).stdout
    assert re.search(rf"^Pages:\s+{view.page_count()}$", info, re.M), info
    printer.setFromTo(2, 2)
    printer.setOutputFileName(str(tmp_path / "page2.pdf"))
    assert view.print_to(printer) == 1


def test_office_settings_are_edited_and_saved(qtbot, demo_store):
    dialog = OfficeSettingsDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.government.setText("巴音郭楞蒙古自治州")
    dialog.court.setText("库尔勒市人民法院")
    dialog.major_days.setValue(45)
    dialog.print_major_count.setChecked(True)
    dialog.series.setValue(3)
    dialog.pin_min_digits.setValue(8)  # signing PINs chosen from now on: 8 digits at least
    dialog.accept()
    saved = office.load(demo_store)
    assert (saved.pin_min_digits, saved.pin_passphrase) == (8, False)
    assert (saved.government, saved.court, saved.major_deadline_days, saved.print_major_count) == (
        "巴音郭楞蒙古自治州",
        "库尔勒市人民法院",
        45,
        True,
    )
    assert profile.device(demo_store)["series_no"] == 3
    assert any(name in dialog.font_status.text() for name in ("UMing", "WenQuanYi", "TrueType"))


def test_the_office_sets_this_devices_number_block(qtbot, demo_store):
    dialog = OfficeSettingsDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("notice"))
    dialog.year.setValue(2026)
    dialog.first.setValue(5001)
    dialog.last.setValue(5100)
    assert dialog.set_block()
    assert dialog.blocks.rowCount() == 1 and dialog.blocks.item(0, 2).text() == "5001"
    with demo_store.transaction():
        assert numbering.take_number(demo_store, "notice", 2026).seq == 5001
    dialog.first.setValue(5001)
    assert not dialog.set_block()
    assert "5001" in dialog.error.text()


def test_office_settings_refuse_an_empty_region(qtbot, demo_store):
    dialog = OfficeSettingsDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.region_abbr.setText("")
    dialog.accept()
    assert dialog.error.text() and office.load(demo_store).region_abbr == "库"
