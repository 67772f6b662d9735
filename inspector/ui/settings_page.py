"""Settings: interface language (follows the system unless chosen), and the office's settings."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from inspector.core.store import Store

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
        form = QFormLayout()
        form.addRow(self.tr("Interface language"), self.language)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.note)
        self.layout_.addStretch(1)

    def _language_changed(self, _index: int) -> None:
        self.store.set_setting(LANGUAGE_KEY, self.language.currentData())
        self.note.setText(self.tr("Saved. The new language applies the next time the app starts."))

    def add_section(self, widget: QWidget) -> None:
        self.layout_.insertWidget(self.layout_.count() - 1, widget)
