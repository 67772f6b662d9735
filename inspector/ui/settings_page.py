"""Settings: interface language (follows the system unless chosen), and the office's settings."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector.core.store import Store
from inspector.ui.office_settings import OfficeSettingsDialog
from inspector.ui.roster import RosterBox

LANGUAGE_KEY = "ui.language"


class SettingsPage(QWidget):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.language = QComboBox(objectName="language")
        self.language.addItem(self.tr("Follow the system"), None)
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(store.setting(LANGUAGE_KEY)), 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.note = QLabel(objectName="note")
        self.note.setStyleSheet("color: #666;")
        self.office_button = QPushButton(self.tr("Office settings…"), objectName="office_settings")
        self.office_button.setToolTip(
            self.tr("Issuing body, region abbreviation, government and court, deadlines, document numbers")
        )
        self.office_button.clicked.connect(self.edit_office)
        self.profile_button = QPushButton(self.tr("My details…"), objectName="my_details")
        self.profile_button.setToolTip(
            self.tr("Name, certificate number, organisation and laptop number, printed on every document")
        )
        self.profile_button.clicked.connect(self.edit_profile)
        self.roster = RosterBox(store)
        self.language.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow("", self.note)
        form.addRow(self.tr("Office"), self.office_button)
        form.addRow(self.tr("Inspector"), self.profile_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.roster)
        layout.addStretch(1)

    def _language_changed(self, _index: int) -> None:
        self.store.set_setting(LANGUAGE_KEY, self.language.currentData())
        self.note.setText(self.tr("Saved. The new language applies the next time the app starts."))

    def edit_office(self) -> None:
        OfficeSettingsDialog(self.store, self).exec()

    def edit_profile(self) -> bool:
        from inspector.ui.profile_dialog import ProfileDialog

        return ProfileDialog(self.store, self).exec() == ProfileDialog.Accepted
