"""Start an inspection: enterprise, checklists (the sector's suggested), kind, inspectors, place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from inspector.core import profile
from inspector.core.capture import inspections
from inspector.core.capture.inspections import InspectionError
from inspector.core.checklists.library import Library
from inspector.core.register import enterprises
from inspector.core.sectors import label as sector_label
from inspector.core.store import Store
from inspector.ui.core_messages import core_text
from inspector.ui.roster import RosterBox


class NewInspectionDialog(QDialog):
    def __init__(self, store: Store, library: Library, enterprise_id: str | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.library = library
        self.inspection: dict | None = None
        self.setWindowTitle(self.tr("New inspection"))
        self.setMinimumWidth(620)

        self.enterprise = QComboBox(objectName="enterprise")
        self.enterprise.setEditable(True)
        self.enterprise.setInsertPolicy(QComboBox.NoInsert)
        for row in enterprises.search(store, columns="id, name, code"):
            text = row["name"] + (f"（{row['code']}）" if row["code"] else "")
            self.enterprise.addItem(text, row["id"])
        completer = self.enterprise.completer()
        completer.setFilterMode(Qt.MatchContains)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        self.enterprise.setCurrentIndex(self.enterprise.findData(enterprise_id) if enterprise_id else -1)
        self.enterprise.currentIndexChanged.connect(self._suggest_checklists)
        self.enterprise.currentTextChanged.connect(self._suggest_checklists)

        self.checklists = QListWidget(objectName="checklists")
        self.checklists.setMaximumHeight(170)
        self.kind = QComboBox(objectName="kind")
        self.kind.addItems(list(inspections.KINDS))
        self.inspectors = QListWidget(objectName="inspectors")
        self.inspectors.setMaximumHeight(120)
        self._fill_inspectors()
        self.add_colleague = QPushButton(self.tr("Colleagues…"), objectName="add_colleague")
        self.add_colleague.clicked.connect(self._edit_roster)
        self.place = QLineEdit(objectName="place")
        self.place.setPlaceholderText(self.tr("e.g. production area, tank farm and warehouse"))

        form = QFormLayout()
        form.addRow(self.tr("Enterprise"), self.enterprise)
        form.addRow(self.tr("Checklists"), self.checklists)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Inspectors (at least two)"), self.inspectors)
        form.addRow("", self.add_colleague)
        form.addRow(self.tr("Place inspected"), self.place)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Start inspection"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._suggest_checklists()

    def _fill_inspectors(self, tick: set[str] = frozenset()) -> None:
        ticked = set(self._checked(self.inspectors)) | set(tick)
        self.inspectors.clear()
        me = profile.profile(self.store)
        if me:
            mine = QListWidgetItem(
                self.tr("%1 (certificate %2)").replace("%1", me["name"]).replace("%2", me["cert_no"])
            )
            mine.setData(Qt.UserRole, me["id"])
            mine.setCheckState(Qt.Checked)
            mine.setFlags(mine.flags() & ~Qt.ItemIsUserCheckable)
            self.inspectors.addItem(mine)
        for colleague in profile.roster(self.store, active_only=True):
            entry = QListWidgetItem(
                self.tr("%1 (certificate %2)")
                .replace("%1", colleague["name"])
                .replace("%2", colleague["cert_no"])
            )
            entry.setData(Qt.UserRole, colleague["id"])
            entry.setCheckState(Qt.Checked if colleague["id"] in ticked else Qt.Unchecked)
            self.inspectors.addItem(entry)

    def _edit_roster(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Colleagues"))
        box = RosterBox(self.store, dialog)
        added: set[str] = set()  # colleagues added here are on this visit: tick them
        box.added.connect(added.add)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(box)
        layout.addWidget(close)
        dialog.exec()
        self._fill_inspectors(tick=added)

    def _suggest_checklists(self, *_):
        """The enterprise's sector's checklists first and ticked; the rest after, unticked."""
        chosen = self.chosen_enterprise()
        if chosen == getattr(self, "_suggested_for", "") and self.checklists.count():
            return  # same enterprise: keep the inspector's ticks
        self._suggested_for = chosen
        sector = enterprises.get(self.store, chosen)["sector"] if chosen else None
        self.checklists.clear()
        ordered = sorted(self.library.checklists, key=lambda c: (c.sector != sector, c.sector, c.id))
        for checklist in ordered:
            entry = QListWidgetItem(
                self.tr("%1 (%2, %3, %n item(s))", "", len(checklist.items))
                .replace("%1", checklist.title)
                .replace("%2", sector_label(checklist.sector))
                .replace("%3", checklist.version)
            )
            entry.setData(Qt.UserRole, checklist.id)
            entry.setCheckState(Qt.Checked if sector and checklist.sector == sector else Qt.Unchecked)
            self.checklists.addItem(entry)

    def _checked(self, widget: QListWidget) -> list[str]:
        return [
            widget.item(i).data(Qt.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.Checked
        ]

    def chosen_enterprise(self) -> str | None:
        """The enterprise whose name is in the box: a half-typed search text chooses nothing."""
        index = self.enterprise.findText(self.enterprise.currentText().strip(), Qt.MatchExactly)
        return self.enterprise.itemData(index) if index >= 0 else None

    def accept(self) -> None:
        chosen = [self.library.get(cid) for cid in self._checked(self.checklists)]
        enterprise_id = self.chosen_enterprise()
        if enterprise_id is None:
            self.error.setText(
                self.tr("Choose the enterprise from the list (type part of its name, then pick it).")
            )
            self.enterprise.setFocus()
            return
        try:
            self.inspection = inspections.start(
                self.store,
                enterprise_id,
                chosen,
                self.kind.currentText(),
                self._checked(self.inspectors),
                self.place.text(),
            )
        except InspectionError as exc:
            self.error.setText(core_text(exc))
            return
        super().accept()
