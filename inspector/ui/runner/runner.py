"""The checklist runner: a whole checklist can be done from the keyboard.

Keys in the item list: 1 or Space = pass, 2 = fail (then type the finding), 3 = not applicable,
Enter on a measurement item = type the value. Ctrl+Enter saves the finding and goes on; Esc goes
back to the list; Ctrl+F finds an item; Ctrl+1/2/3 show all / unanswered / failed items.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.core.capture import inspections
from inspector.core.store import Store
from inspector.ui.core_messages import core_text
from inspector.ui.runner.finding_editor import SAVE_ERRORS, FindingEditor
from inspector.ui.runner.finish_dialog import FINISH, JUMP, FinishDialog, problem_lines, summary_text
from inspector.ui.runner.item_panel import ItemPanel
from inspector.ui.runner.items_model import ItemRole, ItemsFilter, ItemsModel
from inspector.ui.runner.position import resume_position
from inspector.ui.runner.status import RunnerStatus

KEY_RESULTS = {Qt.Key_1: "pass", Qt.Key_Space: "pass", Qt.Key_2: "fail", Qt.Key_3: "na"}


class ItemsView(QListView):
    answerKey = Signal(str)
    enterKey = Signal()

    def keyPressEvent(self, event):
        if event.modifiers() in (Qt.NoModifier, Qt.KeypadModifier) and event.key() in KEY_RESULTS:
            self.answerKey.emit(KEY_RESULTS[event.key()])
            return
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() == Qt.NoModifier:
            self.enterKey.emit()
            return
        super().keyPressEvent(event)


class RunnerWidget(QWidget):
    finished = Signal(str)
    findingsChanged = Signal()  # a finding appeared, changed or was retired: documents may change

    def __init__(self, store: Store, inspection_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.inspection = inspections.get(store, inspection_id)
        self._amendment: str | None = None
        self._shown = None  # the row whose details are on screen
        self._major: int | None = None
        checklists = inspections.checklists_of(store, inspection_id)
        self.answers = inspections.answers_of(store, inspection_id)
        self.model = ItemsModel(checklists, self.answers, self)
        self._checklists = {c.content_hash: c for c in checklists}
        self.proxy = ItemsFilter(self)
        self.proxy.setSourceModel(self.model)

        # header
        titles = "；".join(f"{c.title}（{c.version}）" for c in checklists)
        self.title = QLabel(f"<b>{self.inspection['enterprise']}</b> · {self.inspection['kind']} · {titles}")
        self.title.setWordWrap(True)
        self.status = RunnerStatus()
        self.saved, self.progress = self.status.saved, self.status.progress  # what tests and users read
        self.finish_button = QPushButton(self.tr("Finish inspection…"), objectName="finish")
        self.finish_button.clicked.connect(self.finish)
        self.amend_button = QPushButton(self.tr("Amend…"), objectName="amend")
        self.amend_button.setToolTip(
            self.tr("Change a finished inspection, with a reason kept in the audit trail")
        )
        self.amend_button.clicked.connect(self.start_amendment)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.status)
        header.addWidget(self.finish_button)
        header.addWidget(self.amend_button)

        # filter bar
        self.filters = QButtonGroup(self)
        bar = QHBoxLayout()
        for state, text in (
            (ItemsFilter.ALL, self.tr("All [Ctrl+1]")),
            (ItemsFilter.UNANSWERED, self.tr("Unanswered [Ctrl+2]")),
            (ItemsFilter.FAILED, self.tr("Failed [Ctrl+3]")),
        ):
            button = QPushButton(text, objectName=f"filter_{state}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.NoFocus)
            button.clicked.connect(lambda _=False, s=state: self.set_state_filter(s))
            self.filters.addButton(button)
            bar.addWidget(button)
        self.filters.buttons()[0].setChecked(True)
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Find an item [Ctrl+F]"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self._refilter(text=text))
        self.search.returnPressed.connect(self.focus_list)
        bar.addWidget(self.search, 1)

        # sections | items | details
        self.sections = QListWidget(objectName="sections")
        everything = QListWidgetItem(self.tr("All sections"))
        everything.setToolTip(everything.text())
        self.sections.addItem(everything)
        for checklist in checklists:
            for section in checklist.sections:
                entry = QListWidgetItem(
                    section.title if len(checklists) == 1 else f"{checklist.title} · {section.title}"
                )
                entry.setToolTip(entry.text())  # long names are elided in the middle; the whole on hover
                entry.setData(Qt.UserRole, f"{checklist.content_hash}/{section.id}")
                self.sections.addItem(entry)
        self.sections.setCurrentRow(0)
        self.sections.currentItemChanged.connect(self._section_changed)
        self.items = ItemsView(objectName="items")
        self.items.setModel(self.proxy)
        self.items.setUniformItemSizes(True)
        self.items.setWordWrap(False)
        self.items.setTextElideMode(Qt.ElideMiddle)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.sections.setTextElideMode(Qt.ElideMiddle)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.items.answerKey.connect(self.answer_current)
        self.items.enterKey.connect(self._enter_on_item)
        self.items.selectionModel().currentChanged.connect(self._current_changed)

        self.editor = FindingEditor(store, self.amendment_reason)
        self.editor.saved.connect(self._finding_saved)
        self.editor.failed.connect(self.mark_unsaved)
        self.editor.edited.connect(self.mark_pending)
        self.panel = ItemPanel(self.editor)
        self.panel.answered.connect(self.answer_current)
        self.panel.measured.connect(self.measure_current)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the details wrap to the width instead
        # room for the answer buttons side by side, whatever the display scale (150 % on 1366×768 included)
        scroll.setMinimumWidth(
            self.panel.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 24
        )
        scroll.setWidget(self.panel)

        splitter = QSplitter()
        splitter.addWidget(self.sections)
        splitter.addWidget(self.items)
        splitter.addWidget(scroll)
        splitter.setSizes([150, 480, 560])
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        for keys, slot in (
            ("Ctrl+F", lambda: (self.search.setFocus(), self.search.selectAll())),
            ("Ctrl+1", lambda: self.set_state_filter(ItemsFilter.ALL)),
            ("Ctrl+2", lambda: self.set_state_filter(ItemsFilter.UNANSWERED)),
            ("Ctrl+3", lambda: self.set_state_filter(ItemsFilter.FAILED)),
            ("Ctrl+Return", self.finding_done),
            ("Ctrl+Enter", self.finding_done),
            ("Esc", self.focus_list),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.WidgetWithChildrenShortcut)

        self._update_counts()
        self.status.show_text(self.tr("All answers saved"))
        self._show_mode()
        start = self.resume_index()
        if start.isValid():
            self.items.setCurrentIndex(start)
        self.focus_list()

    def resume_index(self) -> QModelIndex:
        """Where the inspector was (see position.resume_position)."""
        if not self.proxy.rowCount():
            return QModelIndex()
        at = resume_position(self.model.rows, self.model.results, self.answers)
        return self.proxy.mapFromSource(self.model.index(at))

    def go_to(self, snapshot_id: str, item_id: str) -> None:
        """Show one item (from the finish summary): clear filters that would hide it, select, focus."""
        self.search.clear()
        self.sections.setCurrentRow(0)
        self.set_state_filter(ItemsFilter.ALL)
        index = self.proxy.mapFromSource(self.model.index_of(snapshot_id, item_id))
        self.items.setCurrentIndex(index)
        self.focus_list()

    def hideEvent(self, event) -> None:
        self.editor.flush()  # leaving the runner (another page, another inspection): save what was typed
        super().hideEvent(event)

    # -- navigation -----------------------------------------------------------------------------------

    def focus_list(self) -> bool:
        """Back to the item list, saving the finding first; stays in the finding if it cannot be saved."""
        if not self.editor.flush():
            self.show_refused()
            return False
        self.items.setFocus()
        return True

    def show_refused(self) -> None:
        self.panel.finding.setVisible(True)
        self.mark_unsaved(self.editor.error.text())
        field = self.editor.findChild(QWidget, self.editor.error_field) if self.editor.error_field else None
        (field or self.editor.spot).setFocus()

    def current_row(self):
        index = self.items.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._shown is not None and not self.editor.flush():
            # The finding being left cannot be saved as typed: go back to it rather than drop the text.
            QTimer.singleShot(0, self._back_to_shown)
            return
        row = current.data(ItemRole) if current.isValid() else None
        if row is None:
            return
        self._shown = row
        answer = self.answers.get((row.snapshot_id, row.item.id))
        result = self.model.results.get((row.snapshot_id, row.item.id))
        value = answer["value"] if answer else None
        self.panel.show_item(row, result, value)
        self.panel.show_combined(self._combined(row))
        if result == "fail":
            self.editor.load(self.inspection, row.snapshot_id, row.item)

    def _combined(self, row) -> list:
        checklist = self._checklists.get(row.snapshot_id)
        rules = checklist.combined_for(row.item.id) if checklist else ()
        if not rules:
            return []
        failed = {i for (s, i), r in self.model.results.items() if s == row.snapshot_id and r == "fail"}
        return [(rule, rule.failed(failed)) for rule in rules]

    def _back_to_shown(self) -> None:
        row = self._shown
        index = self.proxy.mapFromSource(self.model.index_of(row.snapshot_id, row.item.id))
        if index.isValid():
            with QSignalBlocker(self.items.selectionModel()):
                self.items.selectionModel().setCurrentIndex(index, QItemSelectionModel.ClearAndSelect)
        self.show_refused()

    def _section_changed(self, current, _previous) -> None:
        self._refilter(section=current.data(Qt.UserRole) if current else None)

    def set_state_filter(self, state: str) -> None:
        for button in self.filters.buttons():
            button.setChecked(button.objectName() == f"filter_{state}")
        self._refilter(state=state)

    def _refilter(self, **kwargs) -> None:
        row = self.current_row()
        self.proxy.set_filter(**kwargs)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index_of(row.snapshot_id, row.item.id))
            if index.isValid():
                self.items.setCurrentIndex(index)
                return
        if self.proxy.rowCount():
            self.items.setCurrentIndex(self.proxy.index(0, 0))

    def advance(self) -> None:
        if not self.editor.flush():
            self.show_refused()
            return
        current = self.items.currentIndex()
        following = self.proxy.index(current.row() + 1, 0) if current.isValid() else QModelIndex()
        if following.isValid():
            self.items.selectionModel().setCurrentIndex(following, QItemSelectionModel.ClearAndSelect)
        self.focus_list()

    def _enter_on_item(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.item.measure is not None:
            self.panel.value.setFocus()
            self.panel.value.selectAll()
        elif self.model.results.get((row.snapshot_id, row.item.id)) == "fail":
            self.editor.spot.setFocus()

    # -- answering ------------------------------------------------------------------------------------

    def amendment_reason(self) -> str | None:
        """The reason of the amendment under way (None for a draft, or before 'Amend…')."""
        return self._amendment

    def start_amendment(self) -> bool:
        """A finished inspection changes only by an amendment: ask its reason once, on purpose."""
        if self.inspection["status"] != "finished" or self._amendment is not None:
            return True
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Amend a finished inspection"),
            self.tr("This inspection is finished. Why is it being changed? (recorded in the audit trail)"),
        )
        if not ok or not reason.strip():
            self.mark_unsaved(self.tr("Not changed: an amendment needs a reason."))
            return False
        self._amendment = reason.strip()
        self._show_mode()
        return True

    def _show_mode(self) -> None:
        finished = self.inspection["status"] == "finished"
        locked = finished and self._amendment is None
        self.editor.setEnabled(not locked)
        self.amend_button.setVisible(locked)
        self.finish_button.setVisible(not finished)
        if finished and not locked:
            self.status.show_text(self.tr("Amending: %1").replace("%1", self._amendment))

    def answer_current(self, result: str, value: float | None = None) -> None:
        row = self.current_row()
        if row is None or not self.start_amendment():
            return
        key = (row.snapshot_id, row.item.id)
        before = self.model.results.get(key)
        if result == "fail" and before == "fail" and value is None:
            self.editor.spot.setFocus()  # already failed: keep what is being typed in its finding
            return
        if result != "fail":
            self.editor.discard()  # the item passes now: its unsaved finding text no longer applies
        # Answering from the keyboard while the filter hides answered items must not lose our place.
        source = self.proxy.mapToSource(self.items.currentIndex())
        try:
            saved = inspections.answer(
                self.store,
                self.inspection["id"],
                row.snapshot_id,
                row.item.id,
                result,
                value=value,
                amendment=self.amendment_reason(),
            )
        except SAVE_ERRORS as exc:
            self.mark_unsaved(core_text(exc))
            self.panel.set_result(before)
            if row.item.measure is not None and (value is None or getattr(exc, "field", "") == "value"):
                self.panel.show_value_error(core_text(exc))
            return
        self.answers[(row.snapshot_id, row.item.id)] = saved
        if self.model.results.get((row.snapshot_id, row.item.id)) == "fail" or saved["result"] == "fail":
            self._major = None  # a finding may have appeared or been retired
            self.findingsChanged.emit()
        self.model.set_result(row.snapshot_id, row.item.id, saved["result"])
        self.mark_saved()
        self._update_counts()
        index = self.proxy.mapFromSource(source)
        if index.isValid() and self.items.currentIndex() != index:
            self.items.setCurrentIndex(index)
        self.panel.set_result(saved["result"])
        self.panel.show_combined(self._combined(row))
        if saved["result"] == "fail":
            if before != "fail":
                self.editor.load(self.inspection, row.snapshot_id, row.item)
            self.editor.spot.setFocus()
        elif not index.isValid():
            self._after_filtered_out(source)
        else:
            self.advance()

    def _after_filtered_out(self, source: QModelIndex) -> None:
        """The answered item left the filtered list: go to the item that took its place."""
        for row in range(source.row() + 1, self.model.rowCount()):
            index = self.proxy.mapFromSource(self.model.index(row))
            if index.isValid():
                self.items.setCurrentIndex(index)
                break
        self.focus_list()

    def measure_current(self, value: float) -> None:
        self.answer_current("pass", value=value)

    def finding_done(self) -> None:
        if self.editor.isVisible() and self.editor.save() is None:
            self.show_refused()
            return
        self.advance()

    # -- status ---------------------------------------------------------------------------------------

    def _finding_saved(self, _finding: dict) -> None:
        self._major = None
        self.mark_saved()
        self._update_counts()
        self.findingsChanged.emit()

    def mark_saved(self) -> None:
        self.status.mark_saved()

    def mark_pending(self) -> None:
        self.status.mark_pending()

    def mark_unsaved(self, message: str) -> None:
        self.status.mark_unsaved(message)

    def _update_counts(self) -> None:
        if self._major is None:  # findings change rarely; answers often
            self._major = inspections.summary(self.store, self.inspection["id"])["major"]
        self.status.show_counts(self.model.counts(), self._major)

    # -- finishing ------------------------------------------------------------------------------------

    def finish(self) -> None:
        if not self.editor.flush():
            self.show_refused()
            return
        if self.inspection["status"] == "finished":
            QMessageBox.information(
                self, self.tr("Finished"), self.tr("This inspection is already finished.")
            )
            return
        dialog = FinishDialog(
            problem_lines(self.store, self.inspection["id"], self.model.rows, self.model.results), self
        )
        code = dialog.exec()
        if code == JUMP:
            self.go_to(*dialog.jump_to)
            return
        if code != FINISH:
            self.focus_list()
            return
        summary = inspections.finish(self.store, self.inspection["id"])
        self.inspection = inspections.get(self.store, self.inspection["id"])
        self._show_mode()
        self.mark_saved()
        QMessageBox.information(self, self.tr("Inspection finished"), summary_text(summary))
        self.finished.emit(self.inspection["id"])
