"""First run: who uses this laptop, the region abbreviation used in document numbers, and the office
settings that issuing documents needs (the people's government and court named on notices) — these may be
left for later; the home page then says that issuing needs them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from inspector.core import office, profile
from inspector.core.store import Store
from inspector.ui.core_messages import core_text


class FirstRunDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Welcome to Inspector"))
        self.setMinimumWidth(480)

        intro = QLabel(
            self.tr(
                "Before the first inspection, tell us who uses this computer. These details are printed "
                "on every enforcement document."
            )
        )
        intro.setWordWrap(True)

        self.name = QLineEdit(objectName="name")
        self.cert_no = QLineEdit(objectName="cert_no")
        self.organisation = QLineEdit(objectName="organisation")
        self.region_abbr = QLineEdit(objectName="region_abbr")
        self.name.setPlaceholderText(self.tr("e.g. Zhang Wei"))
        self.cert_no.setPlaceholderText(self.tr("law-enforcement certificate number"))
        self.organisation.setPlaceholderText(self.tr("e.g. Bayingolin Emergency Management Bureau"))
        self.region_abbr.setPlaceholderText(self.tr("e.g. 库"))
        self.region_abbr.setMaxLength(4)
        self.series_no = QSpinBox(objectName="series_no")
        self.series_no.setRange(0, profile.SERIES_MAX)
        self.series_no.setSpecialValueText(self.tr("— ask the office —"))  # 0: not chosen yet
        self.series_no.setToolTip(
            self.tr(
                "Each laptop of the office needs its own number, so that two laptops working offline never issue the same document number."
            )
        )

        self.kind = QComboBox(objectName="kind")
        self.kind.addItem(self.tr("Field laptop (inspections, documents, export)"), "field")
        self.kind.addItem(self.tr("Office (import from laptops, ledger, packages)"), "office")
        self.kind.setToolTip(self.tr("Shown in the title; can be changed later only on purpose (Sync page)."))

        form = QFormLayout()
        form.addRow(self.tr("This workspace is"), self.kind)
        form.addRow(self.tr("Inspector name"), self.name)
        form.addRow(self.tr("Certificate number"), self.cert_no)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Region abbreviation"), self.region_abbr)
        form.addRow(self.tr("Laptop number (from the office)"), self.series_no)

        self.issuing_body = QLineEdit(objectName="issuing_body")
        self.issuing_body.setPlaceholderText(self.tr("the organisation, unless the office says otherwise"))
        self.government = QLineEdit(objectName="government")
        self.government.setPlaceholderText(self.tr("e.g. 巴音郭楞蒙古自治州 (printed before 人民政府)"))
        self.court = QLineEdit(objectName="court")
        self.court.setPlaceholderText(self.tr("e.g. 库尔勒市 (printed before 人民法院)"))
        office_box = QGroupBox(self.tr("For issuing documents (may be filled in later)"))
        office_note = QLabel(
            self.tr(
                "Notices name the people's government for administrative reconsideration and the people's "
                "court for litigation. Ask the office; until they are set, documents cannot be issued "
                "(Settings → Office settings)."
            )
        )
        office_note.setWordWrap(True)
        office_note.setStyleSheet("color: #555;")
        office_layout = QVBoxLayout(office_box)  # a wrapped note spanning a form row gets clipped: above it
        office_layout.addWidget(office_note)
        office_form = QFormLayout()
        office_layout.addLayout(office_form)
        office_form.addRow(self.tr("Issuing body"), self.issuing_body)
        office_form.addRow(self.tr("Government for reconsideration"), self.government)
        office_form.addRow(self.tr("Court for litigation"), self.court)

        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Start"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(office_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fields = {
            "name": self.name,
            "cert_no": self.cert_no,
            "organisation": self.organisation,
            "region_abbr": self.region_abbr,
            "series_no": self.series_no,
            "issuing_body": self.issuing_body,
            "government": self.government,
            "court": self.court,
        }

    def accept(self) -> None:
        data = profile.ProfileInput(
            name=self.name.text(),
            cert_no=self.cert_no.text(),
            organisation=self.organisation.text(),
            region_abbr=self.region_abbr.text(),
            series_no=self.series_no.value(),
        )
        try:
            with self.store.transaction():  # all or nothing
                profile.set_up(self.store, data, kind=self.kind.currentData())
                settings = office.load(self.store)
                settings.issuing_body = self.issuing_body.text().strip() or settings.issuing_body
                settings.government = self.government.text().strip()
                settings.court = self.court.text().strip()
                office.save(self.store, settings)
        except (profile.ProfileError, office.OfficeError) as exc:
            self.store.reload_identity()
            self.error.setText(core_text(exc))
            widget = self._fields.get(exc.field)
            if widget is not None:
                widget.setFocus()
                widget.selectAll()
            return
        super().accept()
