"""The office's settings: issuing body, region, appeal bodies, deadlines, print options, the font, and
this device's document-number series and blocks."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core import clock, office, profile
from inspector.core.documents import content, fonts, numbering
from inspector.core.store import Store
from inspector.ui.core_messages import core_text


class OfficeSettingsDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Office settings"))
        self.setMinimumWidth(620)
        settings = office.load(store)

        self.issuing_body = QLineEdit(settings.issuing_body, objectName="issuing_body")
        self.region_abbr = QLineEdit(settings.region_abbr, objectName="region_abbr")
        self.region_abbr.setMaxLength(4)
        self.government = QLineEdit(settings.government, objectName="government")
        self.court = QLineEdit(settings.court, objectName="court")
        self.government.setPlaceholderText(self.tr("e.g. 巴音郭楞蒙古自治州 (printed before 人民政府)"))
        self.court.setPlaceholderText(self.tr("e.g. 库尔勒市 (printed before 人民法院)"))
        self.general_days = self._days(settings.general_deadline_days, "general_days")
        self.major_days = self._days(settings.major_deadline_days, "major_days")
        self.print_major_count = QCheckBox(
            self.tr("Print the number of major hazards on notices"), objectName="print_major_count"
        )
        self.print_major_count.setChecked(settings.print_major_count)
        self.pin_min_digits = QSpinBox(objectName="pin_min_digits")
        self.pin_min_digits.setRange(6, 12)
        self.pin_min_digits.setValue(int(settings.pin_min_digits))
        self.pin_passphrase = QCheckBox(
            self.tr("Require a passphrase of 12 or more characters instead"), objectName="pin_passphrase"
        )
        self.pin_passphrase.setChecked(bool(settings.pin_passphrase))
        basis = store.setting(content.MEASURES_BASIS_SETTING) or content.MEASURES_BASIS
        self.measures_basis = QLineEdit(basis, objectName="measures_basis")
        self.font_path = QLineEdit(store.setting(fonts.SETTING) or "", objectName="font_path")
        self.font_path.setPlaceholderText(self.tr("found automatically"))
        browse = QPushButton(self.tr("Choose…"), objectName="browse_font")
        browse.clicked.connect(self._choose_font)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_path, 1)
        font_row.addWidget(browse)
        self.font_status = QLabel(objectName="font_status")
        self.font_status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Issuing body"), self.issuing_body)
        form.addRow(self.tr("Region abbreviation"), self.region_abbr)
        form.addRow(self.tr("Government for reconsideration"), self.government)
        form.addRow(self.tr("Court for litigation"), self.court)
        form.addRow(self.tr("Deadline of a general hazard (days)"), self.general_days)
        form.addRow(self.tr("Deadline of a major hazard (days)"), self.major_days)
        form.addRow("", self.print_major_count)
        form.addRow(self.tr("Signing PIN: at least (digits)"), self.pin_min_digits)
        form.addRow("", self.pin_passphrase)
        form.addRow(self.tr("Legal basis of immediate measures"), self.measures_basis)
        form.addRow(self.tr("Document font file"), font_row)
        form.addRow("", self.font_status)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._numbers_box())
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_font()
        self.refresh_blocks()

    def _days(self, value: int, name: str) -> QSpinBox:
        box = QSpinBox(objectName=name)
        box.setRange(1, 365)
        box.setValue(int(value))
        return box

    def _numbers_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Document numbers of this device"))
        device = profile.device(self.store)
        self.series = QSpinBox(objectName="series")
        self.series.setRange(1, profile.SERIES_MAX)
        self.series.setValue(int(device["series_no"]) if device else 1)
        self.series.setEnabled(device is not None)
        hint = QLabel(
            self.tr(
                "Each laptop needs its own series: series n numbers n×1000+1 … n×1000+999, "
                "unless a block is set below."
            )
        )
        hint.setWordWrap(True)
        self.blocks = QTableWidget(0, 5, objectName="blocks")
        self.blocks.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Year"), self.tr("First"), self.tr("Last"), self.tr("Next")]
        )
        self.blocks.verticalHeader().setVisible(False)
        self.blocks.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.kind = QComboBox(objectName="kind")
        for kind, title in numbering.KIND_TITLES.items():
            self.kind.addItem(title, kind)
        self.year = QSpinBox(objectName="year")
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.now().astimezone().year)
        self.first = QSpinBox(objectName="first")
        self.last = QSpinBox(objectName="last")
        for spin in (self.first, self.last):
            spin.setRange(1, 9_999_999)
        self.first.setValue(1001)
        self.last.setValue(1999)
        set_button = QPushButton(self.tr("Set block"), objectName="set_block")
        set_button.clicked.connect(self.set_block)
        row = QHBoxLayout()
        for label, widget in (
            (self.tr("Document"), self.kind),
            (self.tr("Year"), self.year),
            (self.tr("First"), self.first),
            (self.tr("Last"), self.last),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addWidget(set_button)
        form = QFormLayout()
        form.addRow(self.tr("Series"), self.series)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.blocks)
        layout.addLayout(row)
        return box

    def refresh_blocks(self) -> None:
        rows = numbering.blocks(self.store) if profile.device(self.store) else []
        self.blocks.setRowCount(len(rows))
        for r, block in enumerate(rows):
            values = [
                numbering.KIND_TITLES.get(block["doc_kind"], block["doc_kind"]),
                block["year"],
                block["first"],
                block["last"],
                block["next"],
            ]
            for c, value in enumerate(values):
                self.blocks.setItem(r, c, QTableWidgetItem(str(value)))
        self.blocks.resizeColumnsToContents()

    def set_block(self) -> bool:
        try:
            numbering.set_block(
                self.store, self.kind.currentData(), self.year.value(), self.first.value(), self.last.value()
            )
        except numbering.NumberingError as exc:
            self.error.setText(core_text(exc))
            return False
        self.error.clear()
        self.refresh_blocks()
        return True

    def _choose_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Chinese TrueType font"), "", self.tr("TrueType fonts (*.ttf *.ttc)")
        )
        if path:
            self.font_path.setText(path)
            self._show_font()

    def _show_font(self) -> None:
        try:
            found = fonts.find_font(self.font_path.text().strip() or None)
        except fonts.FontError as exc:
            self.font_status.setText(core_text(exc))
            return
        text = self.tr("Documents are set in %1").replace("%1", found.family)
        self.font_status.setText(text)
        self.font_status.setToolTip("\n".join([str(found.path), *found.skipped]))
        self.font_status.setMinimumHeight(self.font_status.heightForWidth(max(self.font_status.width(), 400)))

    def values(self) -> office.OfficeSettings:
        return office.OfficeSettings(
            issuing_body=self.issuing_body.text().strip(),
            region_abbr=self.region_abbr.text(),
            government=self.government.text().strip(),
            court=self.court.text().strip(),
            general_deadline_days=self.general_days.value(),
            major_deadline_days=self.major_days.value(),
            print_major_count=self.print_major_count.isChecked(),
            pin_min_digits=self.pin_min_digits.value(),
            pin_passphrase=self.pin_passphrase.isChecked(),
        )

    def accept(self) -> None:
        values = self.values()
        try:
            office.check(values)  # core's rules; the dialog only shows what they say
        except office.OfficeError as exc:
            self.error.setText(core_text(exc))
            field = self.findChild(QWidget, exc.field)
            if field is not None:
                field.setFocus()
            return
        with self.store.transaction():
            office.save(self.store, values)
            basis = self.measures_basis.text().strip()
            if basis != (self.store.setting(content.MEASURES_BASIS_SETTING) or content.MEASURES_BASIS):
                self.store.set_setting(content.MEASURES_BASIS_SETTING, basis or content.MEASURES_BASIS)
            font = self.font_path.text().strip()
            if font != (self.store.setting(fonts.SETTING) or ""):
                self.store.set_setting(fonts.SETTING, font)
            device = profile.device(self.store)
            if device and int(device["series_no"]) != self.series.value():
                numbering.set_series(self.store, self.series.value())
        super().accept()
