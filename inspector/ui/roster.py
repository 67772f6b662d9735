"""The roster of colleagues: the second inspector of every visit is chosen from it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from inspector.core import profile
from inspector.core.store import Store
from inspector.ui.core_messages import core_text


class RosterBox(QGroupBox):
    changed = Signal()
    added = Signal(str)  # the new colleague's id

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setTitle(self.tr("Colleagues (the second inspector on a visit)"))
        self.list = QListWidget(objectName="roster")
        self.list.setMaximumHeight(150)
        self.name = QLineEdit(objectName="colleague_name")
        self.name.setPlaceholderText(self.tr("Name"))
        self.cert_no = QLineEdit(objectName="colleague_cert_no")
        self.cert_no.setPlaceholderText(self.tr("Certificate number"))
        self.add_button = QPushButton(self.tr("Add"), objectName="add_colleague")
        # Enter in the fields adds (once): the button must not also fire as a dialog's default button
        self.add_button.setAutoDefault(False)
        self.edit_button = QPushButton(self.tr("Correct…"), objectName="edit_colleague")
        self.edit_button.setAutoDefault(False)
        self.edit_button.setToolTip(self.tr("Correct the colleague's name or certificate number"))
        self.toggle_button = QPushButton(self.tr("No longer on the team"), objectName="toggle_colleague")
        self.error = QLabel(objectName="roster_error")
        self.error.setStyleSheet("color: #b00020;")
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.cert_no.setFocus)
        self.cert_no.returnPressed.connect(self.add)
        self.toggle_button.setAutoDefault(False)
        self.toggle_button.clicked.connect(self.toggle)
        self.edit_button.clicked.connect(self.edit)
        self.list.currentItemChanged.connect(self._current_changed)
        row = QHBoxLayout()
        row.addWidget(self.name)
        row.addWidget(self.cert_no)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.toggle_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for person in profile.roster(self.store):
            text = (
                self.tr("%1 (certificate %2)").replace("%1", person["name"]).replace("%2", person["cert_no"])
            )
            if not person["active"]:
                text += " — " + self.tr("no longer on the team")
            entry = QListWidgetItem(text)
            entry.setData(Qt.UserRole, person)
            if not person["active"]:
                entry.setForeground(Qt.gray)
            self.list.addItem(entry)
        self._current_changed(self.list.currentItem(), None)

    def _current_changed(self, current, _previous) -> None:
        person = current.data(Qt.UserRole) if current else None
        self.toggle_button.setEnabled(person is not None)
        self.edit_button.setEnabled(person is not None)
        self.toggle_button.setText(
            self.tr("Back on the team")
            if person and not person["active"]
            else self.tr("No longer on the team")
        )

    def add(self) -> None:
        me = profile.profile(self.store) or {}
        try:
            person = profile.add_colleague(
                self.store, self.name.text(), self.cert_no.text(), me.get("organisation", "")
            )
        except profile.ProfileError as exc:
            self.error.setText(core_text(exc))
            (self.name if exc.field == "name" else self.cert_no).setFocus()
            return
        self.error.clear()
        self.name.clear()
        self.cert_no.clear()
        self.reload()
        self.name.setFocus()
        self.added.emit(person["id"])
        self.changed.emit()

    def edit(self) -> None:
        current = self.list.currentItem()
        if current is None:
            return
        dialog = ColleagueDialog(self.store, current.data(Qt.UserRole), self)
        if dialog.exec() == QDialog.Accepted:
            self.reload()
            self.changed.emit()

    def toggle(self) -> None:
        current = self.list.currentItem()
        if current is None:
            return
        person = current.data(Qt.UserRole)
        profile.set_active(self.store, person["id"], not person["active"])
        self.reload()
        self.changed.emit()


class ColleagueDialog(QDialog):
    """Correct a colleague's name or certificate number (audited in core)."""

    def __init__(self, store: Store, person: dict, parent=None):
        super().__init__(parent)
        self.store = store
        self.person = person
        self.setWindowTitle(self.tr("Correct a colleague"))
        self.name = QLineEdit(person["name"], objectName="name")
        self.cert_no = QLineEdit(person["cert_no"], objectName="cert_no")
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Certificate number"), self.cert_no)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            profile.update_colleague(self.store, self.person["id"], self.name.text(), self.cert_no.text())
        except profile.ProfileError as exc:
            self.error.setText(core_text(exc))
            (self.name if exc.field == "name" else self.cert_no).setFocus()
            return
        super().accept()
