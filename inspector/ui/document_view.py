"""Preview an enforcement document, print it through the system dialog, save it as PDF.

The widget takes PDF bytes (an issued document's stored PDF, or a preview) and never changes them:
printing rasterises each page with QtPdf at the printer's resolution; saving writes the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.ui import folders

MAX_PRINT_DPI = 600  # a page image at 1200 dpi would need ~550 MB; 600 dpi prints text and QR crisply


class DocumentView(QWidget):
    """A PDF preview with Print and Save as PDF."""

    saved = Signal(str)  # the path written

    def __init__(self, pdf: bytes = b"", title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._pdf = b""
        self._title = ""
        self._bytes = QByteArray()
        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.info = QLabel(objectName="info")
        self.print_button = QPushButton(self.tr("Print…"), objectName="print")
        self.save_button = QPushButton(self.tr("Save as PDF…"), objectName="save")
        self.fit_button = QPushButton(self.tr("Whole page"), objectName="fit")
        self.fit_button.setCheckable(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.fit_button.toggled.connect(self._fit_changed)

        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.set_pdf(pdf, title)

    # -- content --------------------------------------------------------------------------------------

    def set_pdf(self, pdf: bytes, title: str = "") -> None:
        """Show these PDF bytes (kept as given: saving writes exactly them)."""
        self._pdf, self._title = bytes(pdf or b""), title
        self.document.close()
        self._buffer.close()
        self._bytes = QByteArray(self._pdf)
        self._buffer.setData(self._bytes)
        loaded = False
        if self._pdf:
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
            loaded = self.document.status() == QPdfDocument.Status.Ready
        pages = self.page_count()
        if not self._pdf:
            self.info.setText(self.tr("No document"))
        elif not loaded:
            self.info.setText(self.tr("This PDF cannot be shown"))
        else:
            text = self.tr("%n page(s)", "", pages)
            self.info.setText(f"{title} — {text}" if title else text)
        self.print_button.setEnabled(loaded and pages > 0)
        self.save_button.setEnabled(bool(self._pdf))

    def pdf(self) -> bytes:
        return self._pdf

    def page_count(self) -> int:
        return self.document.pageCount() if self._pdf else 0

    def _fit_changed(self, whole_page: bool) -> None:
        mode = QPdfView.ZoomMode.FitInView if whole_page else QPdfView.ZoomMode.FitToWidth
        self.view.setZoomMode(mode)

    # -- printing -------------------------------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title or "inspector")
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print document"))
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except RuntimeError as exc:
            QMessageBox.warning(self, self.tr("Printing failed"), str(exc))

    def print_to(self, printer: QPrinter) -> int:
        """Render the chosen pages onto the printer at its resolution (≤ 600 dpi); return the count."""
        count = self.page_count()
        if not count:
            return 0
        first = max(1, printer.fromPage() or 1)
        last = min(count, printer.toPage() or count)
        printer.setFullPage(True)  # 1:1 on the paper: the PDF carries its own margins
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError(self.tr("The printer could not be opened."))
        printed = 0
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            for index in range(first - 1, last):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                image = self.document.render(
                    index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                )
                scale = min(area.width() / points.width(), area.height() / points.height())
                target = QRectF(0, 0, points.width() * scale, points.height() * scale)
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed

    # -- saving ---------------------------------------------------------------------------------------

    def suggested_name(self) -> str:
        name = re.sub(r'[\\/:*?"<>|]+', "_", self._title).strip() or "document"
        return f"{name}.pdf"

    def save_as(self, path: str | Path | None = None) -> Path | None:
        """Write the PDF bytes as they are; asks where when no path is given."""
        if not self._pdf:
            return None
        if path is None:
            suggested = str(Path(folders.documents()) / self.suggested_name())
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)")
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            partial = target.with_name(target.name + ".part")
            partial.write_bytes(self._pdf)
            partial.replace(target)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Saving failed"),
                self.tr("Cannot write %1: %2").replace("%1", str(target)).replace("%2", str(exc)),
            )
            return None
        self.saved.emit(str(target))
        return target
