"""The re-check (复查) of an enterprise in the app: its open hazards (the notice's first), for each
rectified or not with a note and photos, then the 整改复查意见书 through the usual draft → sign → issue.

Started from a hazard in the ledger, an enterprise in the register, or an issued notice. Each outcome
is saved as it is recorded; closing the dialog keeps the draft re-check for later.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core import profile, signing
from inspector.core.capture import inspections
from inspector.core.documents import DocumentError
from inspector.core.documents.issue import check_issuable, issue, preview
from inspector.core.ledger import LedgerError, recheck
from inspector.core.register import enterprises
from inspector.core.store import Store
from inspector.ui.core_messages import core_text
from inspector.ui.documents_panel import DocumentWindow
from inspector.ui.hazard_dialogs import PhotoPicker
from inspector.ui.sign_dialog import SignDialog


def notice_of(store: Store, hazard_id: str) -> str | None:
    """The issued rectification notice that lists ``hazard_id``'s inspection, if any."""
    from inspector.core.documents import current
    from inspector.core.ledger import query

    inspection_id = query.hazard(store, hazard_id)["inspection_id"]
    document = current(store, "notice", inspection_id, pdf=False)
    return document["id"] if document else None


class RecheckDialog(QDialog):
    issued = Signal(dict)  # the 整改复查意见书

    def __init__(self, store: Store, enterprise_id: str, original: str | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.enterprise_id = enterprise_id
        self.original = original
        self.recheck: dict | None = None
        self.window: DocumentWindow | None = None
        self.document: dict | None = None
        name = (enterprises.get(store, enterprise_id) or {}).get("name", "")
        self.setWindowTitle(self.tr("Re-check — %1").replace("%1", name))
        self.resize(980, 640)
        self.heading = QLabel(objectName="heading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.stages = QStackedWidget()
        self.stages.addWidget(self._start_stage())
        self.stages.addWidget(self._items_stage())
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stages, 1)
        layout.addWidget(self.error)
        self.heading.setText(self.tr("Re-check of %1").replace("%1", name))
        waiting = recheck.draft_of(store, enterprise_id)
        if waiting is not None:  # an unfinished re-check: carry on with its saved outcomes
            self._show(waiting)
            try:  # asked for another notice: say why this one shows (finish or discard it first)
                recheck.start(store, enterprise_id, [], original=original)
            except LedgerError as exc:
                self.error.setText(core_text(exc))

    # -- stage 1: who re-checks --------------------------------------------------------------------

    def _start_stage(self) -> QWidget:
        page = QWidget()
        self.inspectors = QListWidget(objectName="inspectors")
        me = profile.profile(self.store)
        people = ([me] if me else []) + profile.roster(self.store, active_only=True)
        for person in people:
            entry = QListWidgetItem(f"{person['name']}（{person['cert_no']}）")
            entry.setData(Qt.UserRole, person["id"])
            entry.setCheckState(Qt.Checked if me and person["id"] == me["id"] else Qt.Unchecked)
            self.inspectors.addItem(entry)
        self.start_button = QPushButton(self.tr("Start the re-check"), objectName="start_recheck")
        self.start_button.clicked.connect(self.start)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Inspectors (at least two)")))
        layout.addWidget(self.inspectors, 1)
        layout.addWidget(self.start_button, 0, Qt.AlignRight)
        return page

    def chosen_inspectors(self) -> list[str]:
        return [
            self.inspectors.item(i).data(Qt.UserRole)
            for i in range(self.inspectors.count())
            if self.inspectors.item(i).checkState() == Qt.Checked
        ]

    def start(self) -> bool:
        try:
            self.recheck = recheck.start(
                self.store, self.enterprise_id, self.chosen_inspectors(), original=self.original
            )
        except LedgerError as exc:
            self.error.setText(core_text(exc))
            return False
        self.error.clear()
        self._show(self.recheck)
        return True

    def _show(self, row: dict) -> None:
        """The hazards of a re-check (new or resumed), the first not yet judged selected."""
        self.recheck = row
        self.heading.setText(
            self.tr("Re-check on %1 of the hazards in %2")
            .replace("%1", row["checked_on"])
            .replace("%2", row["original_number"])
        )
        self._fill()
        self.stages.setCurrentIndex(1)
        judged = [i["rectified"] is not None for i in row["items"]]
        self.table.selectRow(judged.index(False) if False in judged else 0)

    def discard(self, reason: str | None = None) -> bool:
        """Give up this unfinished re-check and its visit (the reason goes to the audit trail)."""
        if self.recheck is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self,
                self.tr("Discard this re-check"),
                self.tr("The re-check, its outcomes and its visit are discarded. Why?"),
            )
            if not ok:
                return False
        try:
            recheck.discard(self.store, self.recheck["id"], reason)
        except LedgerError as exc:
            self.error.setText(core_text(exc))
            return False
        self.error.clear()
        self.recheck = None
        self.table.setRowCount(0)
        self.stages.setCurrentIndex(0)
        return True

    # -- stage 2: each hazard --------------------------------------------------------------------

    def _items_stage(self) -> QWidget:
        page = QWidget()
        self.table = QTableWidget(0, 4, objectName="items")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Spot"), self.tr("Hazard"), self.tr("Deadline"), self.tr("Outcome")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 360)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(lambda row, *_: self._load(row))

        self.rectified = QRadioButton(self.tr("Rectified"), objectName="rectified")
        self.not_rectified = QRadioButton(self.tr("Not rectified"), objectName="not_rectified")
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.addButton(self.rectified)
        self.outcome_group.addButton(self.not_rectified)
        self.not_rectified.toggled.connect(lambda on: self.new_deadline.setEnabled(on))
        self.note = QLineEdit(objectName="note")
        self.note.setPlaceholderText(self.tr("What was seen at the re-check"))
        self.new_deadline = QDateEdit(objectName="new_deadline")
        self.new_deadline.setCalendarPopup(True)
        self.new_deadline.setDisplayFormat("yyyy-MM-dd")
        self.new_deadline.setEnabled(False)
        self.photos = PhotoPicker(self)
        self.save_button = QPushButton(self.tr("Save and next"), objectName="save_item")
        self.save_button.clicked.connect(self.save_current)
        self.finish_button = QPushButton(self.tr("Finish and issue the opinion…"), objectName="finish")
        self.finish_button.setStyleSheet("font-weight: bold; padding: 4px 14px;")
        self.finish_button.clicked.connect(self.finish)
        self.discard_button = QPushButton(self.tr("Discard this re-check…"), objectName="discard_recheck")
        self.discard_button.clicked.connect(lambda: self.discard())
        outcome = QHBoxLayout()
        outcome.addWidget(self.rectified)
        outcome.addWidget(self.not_rectified)
        outcome.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), outcome)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("New deadline"), self.new_deadline)
        form.addRow(self.tr("Photos"), self.photos)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return page

    def _outcome(self, item: dict) -> str:
        if item["rectified"] is None:
            return self.tr("not yet judged")
        if item["rectified"]:
            return self.tr("rectified")
        return self.tr("not rectified, new deadline %1").replace("%1", item["new_deadline"] or "")

    def _fill(self) -> None:
        items = self.recheck["items"]
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            values = (item["spot"], item["description"], item["deadline"] or "", self._outcome(item))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _load(self, row: int) -> None:
        if self.recheck is None or not 0 <= row < len(self.recheck["items"]):
            return
        item = self.recheck["items"][row]
        # an exclusive group ignores setChecked(False): a hazard nobody judged must show no outcome
        self.outcome_group.setExclusive(False)
        for button in (self.rectified, self.not_rectified):
            button.setChecked(False)
        self.outcome_group.setExclusive(True)
        if item["rectified"] is not None:
            (self.rectified if item["rectified"] else self.not_rectified).setChecked(True)
        self.note.setText(item["note"] or "")
        due = (
            date.fromisoformat(item["new_deadline"])
            if item["new_deadline"]
            else date.today() + timedelta(days=15)
        )
        self.new_deadline.setDate(QDate(due.year, due.month, due.day))
        self.new_deadline.setEnabled(self.not_rectified.isChecked())
        self.photos.paths = []
        self.photos.add([])
        self.photos.label.setText(
            self.tr("%n photo(s) recorded", "", len(item["photos"]))
            if item["photos"]
            else self.tr("No photos")
        )

    def save_current(self) -> bool:
        """Record the outcome of the selected hazard; on to the next one."""
        row = self.table.currentRow()
        if self.recheck is None or row < 0:
            return False
        if not (self.rectified.isChecked() or self.not_rectified.isChecked()):
            self.error.setText(self.tr("Choose rectified or not rectified."))
            return False
        item = self.recheck["items"][row]
        chosen = self.new_deadline.date()
        try:
            recheck.record(
                self.store,
                self.recheck["id"],
                item["hazard_id"],
                rectified=self.rectified.isChecked(),
                note=self.note.text(),
                new_deadline=None
                if self.rectified.isChecked()
                else date(chosen.year(), chosen.month(), chosen.day()),
                photos=self.photos.paths,
            )
        except LedgerError as exc:
            self.error.setText(core_text(exc))
            if exc.field == "new_deadline":
                self.new_deadline.setFocus()
            elif exc.field == "photos":
                self.photos.button.setFocus()
            return False
        self.error.clear()
        self.recheck = recheck.get(self.store, self.recheck["id"])
        self._fill()
        self.table.selectRow(min(row + 1, self.table.rowCount() - 1))
        return True

    # -- finishing: draft, sign, issue -------------------------------------------------------------

    def finish(self) -> DocumentWindow | None:
        """Show the unnumbered draft of the 整改复查意见书 to read before signing."""
        try:
            recheck.ready(self.store, self.recheck["id"])
            recheck.close_visit(self.store, self.recheck["id"])
            options = recheck.issue_options(self.store, self.recheck["id"])
            check_issuable(self.store, "recheck", options["inspection_id"], **options["options"])
            draft = preview(self.store, "recheck", options["inspection_id"], **options["options"])
        except (LedgerError, DocumentError, ValueError) as exc:
            self.error.setText(core_text(exc))
            return None
        self.error.clear()
        window = DocumentWindow({"kind": "recheck", "pdf": draft}, self, on_sign=self.sign_and_issue)
        self.window = window
        window.show()
        return window

    def sign_and_issue(self) -> dict | None:
        options = recheck.issue_options(self.store, self.recheck["id"])
        visit = options["inspection_id"]
        me = profile.profile(self.store)
        people = inspections.inspectors_of(self.store, visit)
        people.sort(key=lambda p: p["inspector_id"] != me["id"])  # the one signing with a key first
        people = [{"id": p["inspector_id"], "name": p["name"], "cert_no": p["cert_no"]} for p in people]
        unlocked: dict = {}
        dialog = SignDialog(
            people,
            (enterprises.get(self.store, self.enterprise_id) or {}).get("legal_rep", ""),
            first_use=not signing.has_key(self.store, me["id"]),
            check_pin=lambda pin: unlocked.update(signer=signing.signer_for(self.store, me["id"], pin)),
            parent=self,
        )
        if dialog.exec() != QDialog.Accepted:
            return None
        try:
            document = issue(
                self.store,
                "recheck",
                visit,
                signatures=dialog.signatures(),
                signer=unlocked.get("signer") or signing.signer_for(self.store, me["id"], dialog.pin()),
                **options["options"],
            )
            recheck.apply_outcomes(self.store, self.recheck["id"], document["id"])
        except (DocumentError, LedgerError, signing.PinError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Document not issued"), core_text(exc))
            return None
        self.document = document
        if self.window is not None:
            self.window.show_document(document)
        self.finish_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        self.heading.setText(self.tr("Issued: %1").replace("%1", document["number_text"]))
        self.issued.emit(document)
        return document
