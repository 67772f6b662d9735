"""The finding of a failed item: spot, description, photos, grade, deadline, immediate measures.

The statutory immediate measures (安全生产法 第六十五条第一款第三项) are ticked explicitly; the text below
them is only their detail: a document states what the inspector chose, never what it reads into words.

Edits are saved a moment after typing stops (and when leaving the item); each save commits before the
saved indicator says so. A grade other than the item's default needs a written reason.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.capture import findings, inspections, media
from inspector.core.capture import measures as statutory
from inspector.core.capture.inspections import InspectionError
from inspector.core.progress import Cancelled
from inspector.core.store import Store, StoreError
from inspector.ui import background, folders
from inspector.ui.core_messages import core_text
from inspector.ui.runner.photos import PhotoStrip, PhotoViewer

AUTOSAVE_MS = 600
# Whatever stops a save is shown to the inspector; the edit stays pending, never silently dropped.
SAVE_ERRORS = (InspectionError, ValueError, OSError, sqlite3.Error, StoreError)


class FindingEditor(QWidget):
    saved = Signal(dict)
    failed = Signal(str)
    edited = Signal()  # something typed that is not saved yet

    def __init__(self, store: Store, amendment_reason, parent=None):
        super().__init__(parent)
        self.store = store
        self.amendment_reason = amendment_reason  # callable → reason text or None
        self.inspection_id = self.snapshot_id = None
        self.item = None
        self._loading = False
        self._refused = False
        self.error_field = ""
        self._deadline_touched = False

        self.repeat = QLabel(objectName="repeat")
        self.repeat.setWordWrap(True)
        self.repeat.setStyleSheet("color: #b71c1c; background: #ffebee; padding: 4px; border-radius: 3px;")
        self.repeat.hide()

        self.spot = QComboBox(objectName="spot")
        self.spot.setEditable(True)
        self.spot.setInsertPolicy(QComboBox.NoInsert)
        self.spot.lineEdit().setPlaceholderText(self.tr("Where exactly, e.g. No. 2 tank farm, east side"))
        self.description = QPlainTextEdit(objectName="description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(64)
        self.grade = QComboBox(objectName="grade")
        self.grade.addItem(self.tr("General hazard"), "general")
        self.grade.addItem(self.tr("Major hazard"), "major")
        self.grade_reason = QLineEdit(objectName="grade_reason")
        self.grade_reason.setPlaceholderText(self.tr("Why the grade differs from the checklist's criterion"))
        self.deadline = QDateEdit(objectName="deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.measure_boxes = {
            "evacuate": QCheckBox(
                self.tr("Evacuate workers from the danger area"), objectName="measure_evacuate"
            ),
            "suspend": QCheckBox(self.tr("Suspend production or business"), objectName="measure_suspend"),
            "stop_equipment": QCheckBox(
                self.tr("Stop using the facilities or equipment"), objectName="measure_stop_equipment"
            ),
        }
        self.measures = QPlainTextEdit(objectName="measures")
        self.measures.setTabChangesFocus(True)
        self.measures.setFixedHeight(48)
        self.measures.setPlaceholderText(self.tr("Details of the measures ticked above (optional)"))
        self.photos = PhotoStrip()
        self.add_photo = QPushButton(self.tr("Add photos…"), objectName="add_photo")
        self.error = QLabel(objectName="finding_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Spot"), self.spot)
        form.addRow(self.tr("Problem"), self.description)
        grade_row = QHBoxLayout()
        grade_row.addWidget(self.grade)
        grade_row.addWidget(self.grade_reason, 1)
        form.addRow(self.tr("Grade"), grade_row)
        form.addRow(self.tr("Rectify by"), self.deadline)
        self.measures_label = QLabel(self.tr("Immediate measures"))
        measures_box = QVBoxLayout()
        ticks = QHBoxLayout()
        for box in self.measure_boxes.values():
            ticks.addWidget(box)
        ticks.addStretch(1)
        measures_box.addLayout(ticks)
        measures_box.addWidget(self.measures)
        form.addRow(self.measures_label, measures_box)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos, 1)
        photo_row.addWidget(self.add_photo, 0, Qt.AlignTop)
        form.addRow(self.tr("Photos"), photo_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.repeat)
        layout.addLayout(form)
        layout.addWidget(self.error)

        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.save)
        self.spot.editTextChanged.connect(self._edited)
        self.description.textChanged.connect(self._edited)
        self.grade.currentIndexChanged.connect(self._grade_changed)
        self.grade_reason.textChanged.connect(self._edited)
        self.deadline.dateChanged.connect(self._deadline_changed)
        self.measures.textChanged.connect(self._edited)
        for box in self.measure_boxes.values():
            box.toggled.connect(self._edited)
        self.add_photo.clicked.connect(self._choose_photos)
        self.photos.filesDropped.connect(self.attach)
        self.photos.viewRequested.connect(self.view_photo)
        self.photos.rotateRequested.connect(self.rotate_photo)
        self.photos.removeRequested.connect(self.remove_photo)

    # -- loading --------------------------------------------------------------------------------------

    def load(self, inspection: dict, snapshot_id: str, item) -> None:
        self.discard()
        self._loading = True
        self.inspection_id, self.snapshot_id, self.item = inspection["id"], snapshot_id, item
        existing = inspections.finding_for(self.store, inspection["id"], snapshot_id, item.id)
        spots = findings.earlier_spots(self.store, inspection["enterprise_id"])
        self.spot.clear()
        self.spot.addItems(spots)
        completer = QCompleter(spots, self.spot)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.spot.setCompleter(completer)
        default = findings.default_grade(item)
        if existing:
            self.spot.setEditText(existing["spot"])
            self.description.setPlainText(existing["description"])
            grade = existing["grade"]
            self.grade_reason.setText(existing["grade_reason"])
            self.deadline.setDate(QDate.fromString(existing["deadline"], "yyyy-MM-dd"))
            self.measures.setPlainText(existing["immediate_measures"])
            self._show_measures(statutory.load(existing["measures"]))
            self._deadline_touched = True
        else:
            self.spot.setEditText("")
            self.description.setPlainText(findings.draft_description(item.content))
            grade = default
            self.grade_reason.clear()
            self.measures.clear()
            self._show_measures([])
            self._set_default_deadline(grade)
            self._deadline_touched = False
        self.grade.setCurrentIndex(self.grade.findData(grade))
        self._show_grade_state()
        self.error.clear()
        self._show_photos(existing)
        self._loading = False
        self._check_repeats()

    def _show_measures(self, codes: list[str]) -> None:
        for code, box in self.measure_boxes.items():
            box.setChecked(code in codes)

    def chosen_measures(self) -> list[str]:
        return [code for code, box in self.measure_boxes.items() if box.isChecked()]

    def _set_default_deadline(self, grade: str) -> None:
        due = findings.default_deadline(self.store, grade)
        self.deadline.setDate(QDate(due.year, due.month, due.day))

    def _show_photos(self, finding: dict | None) -> None:
        self.photos.show_photos(self.store, findings.photos(self.store, finding["id"]) if finding else [])
        needs = self.item is not None and self.item.photo_required and not self.photos.count()
        self.add_photo.setStyleSheet("color: #b00020; font-weight: bold;" if needs else "")

    def _show_grade_state(self) -> None:
        default = findings.default_grade(self.item) if self.item else "general"
        differs = self.grade.currentData() != default
        self.grade_reason.setVisible(differs)
        major = self.grade.currentData() == "major"
        # The label keeps its text (the form's labels must not shift between items): the hint is in the box.
        self.measures_label.setStyleSheet(
            "color: #b00020; font-weight: bold;" if major else "font-weight: bold;"
        )
        self.measures.setPlaceholderText(
            self.tr("For a major hazard: tick the measures ordered above; details of them here")
            if major
            else self.tr("Details of the measures ticked above (optional)")
        )

    # -- editing --------------------------------------------------------------------------------------

    def _edited(self, *_):
        if not self._loading:
            self._start_timer()

    def _start_timer(self) -> None:
        self._timer.start()
        self.edited.emit()

    def _grade_changed(self, *_):
        if self._loading:
            return
        self._show_grade_state()
        if not self._deadline_touched:
            self._loading = True
            self._set_default_deadline(self.grade.currentData())
            self._loading = False
        self._start_timer()

    def _deadline_changed(self, *_):
        if not self._loading:
            self._deadline_touched = True
            self._start_timer()

    def _check_repeats(self, *_):
        if self._loading or self.inspection_id is None:
            return
        earlier = findings.repeats(
            self.store, self.inspection_id, self.snapshot_id, self.item.id, self.spot.currentText()
        )
        if not earlier:
            self.repeat.hide()
            return
        lines = []
        for row in earlier[:3]:
            when = row["started_at"][:10]
            what = self.tr("same item") if row["same_item"] else self.tr("same spot")
            lines.append(f"{when} · {what} · {row['spot']}：{row['description']}")
        self.repeat.setText(
            self.tr("Repeat hazard: found here %n time(s) before", "", len(earlier)) + "\n" + "\n".join(lines)
        )
        self.repeat.show()

    def pending(self) -> bool:
        """Typed but not yet committed (or refused on saving: then it stays pending until fixed)."""
        return self._timer.isActive() or self._refused

    def flush(self) -> bool:
        """Save now if an edit is waiting (called when leaving the item). False: it could not be saved."""
        if self.pending():
            return self.save() is not None
        return True

    def discard(self) -> None:
        """Forget edits waiting to be saved (the item is no longer failed, so they no longer apply)."""
        self._timer.stop()
        self._refused = False

    def save(self) -> dict | None:
        self._timer.stop()
        if self.inspection_id is None:
            return None
        qdate = self.deadline.date()
        try:
            finding = findings.record(
                self.store,
                self.inspection_id,
                self.snapshot_id,
                self.item.id,
                spot=self.spot.currentText(),
                description=self.description.toPlainText(),
                grade=self.grade.currentData(),
                grade_reason=self.grade_reason.text(),
                deadline=date(qdate.year(), qdate.month(), qdate.day()),
                immediate_measures=self.measures.toPlainText(),
                measures=self.chosen_measures(),
                amendment=self.amendment_reason(),
            )
        except SAVE_ERRORS as exc:
            self._refused = True
            self.error_field = getattr(exc, "field", "")  # core names the field; widgets share its name
            self.error.setText(core_text(exc))
            self.failed.emit(core_text(exc))
            return None
        self._refused = False
        self.error_field = ""
        self.error.clear()
        self.saved.emit(finding)
        self._check_repeats()
        return finding

    # -- photos ---------------------------------------------------------------------------------------

    def _choose_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            folders.pictures(),
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)"),
        )
        if files:
            self.attach(files)

    def attach(self, paths) -> None:
        finding = self.save()
        if finding is None:
            return
        failures = []
        try:
            # checking, hashing and copying a large photo runs off the GUI thread; recording it does not
            media_dir = media.media_root(self.store)
            prepared = background.run(
                self,
                self.tr("Adding %n photo(s) …", "", len(paths)),
                lambda progress: findings.prepare_photos(media_dir, paths, progress),
            )
            _added, failures = findings.add_photos(
                self.store, finding["id"], prepared, amendment=self.amendment_reason()
            )
        except Cancelled:
            self.error.setText(self.tr("Adding photos was cancelled: none of them was added."))
            self.failed.emit(self.error.text())
            return
        except SAVE_ERRORS as exc:
            failures = [core_text(exc)]
        self._show_photos(finding)
        if failures:  # the others are kept; each refused photo is named, and nothing says "saved"
            message = self.tr("%n photo(s) not added:", "", len(failures)) + "\n" + "\n".join(failures)
            self.error.setText(message)
            self.failed.emit(message)
        else:
            self.saved.emit(finding)

    def _finding(self) -> dict | None:
        if self.inspection_id is None:
            return None
        return inspections.finding_for(self.store, self.inspection_id, self.snapshot_id, self.item.id)

    def view_photo(self, media_id: str) -> None:
        from inspector.core.capture import media

        photo = self.store.get("media", media_id)
        PhotoViewer(media.path_of(self.store, photo), photo["original_name"], self).exec()

    def rotate_photo(self, media_id: str, clockwise: bool = True) -> None:
        finding = self._finding()
        if finding is None:
            return
        try:
            findings.rotate_photo(
                self.store, finding["id"], media_id, clockwise, amendment=self.amendment_reason()
            )
        except SAVE_ERRORS as exc:
            self.error.setText(core_text(exc))
            self.failed.emit(core_text(exc))
            return
        self._show_photos(finding)
        self.saved.emit(finding)

    def ask_removal_reason(self, name: str) -> str | None:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Remove photo"),
            self.tr("Why is %1 removed? (kept in the audit trail; the file itself is kept)").replace(
                "%1", name
            ),
        )
        return reason.strip() if ok and reason.strip() else None

    def remove_photo(self, media_id: str) -> None:
        finding = self._finding()
        if finding is None:
            return
        reason = self.ask_removal_reason(self.store.get("media", media_id)["original_name"])
        if reason is None:
            return
        try:
            findings.remove_photo(
                self.store, finding["id"], media_id, amendment=self.amendment_reason(), reason=reason
            )
        except SAVE_ERRORS as exc:
            self.error.setText(core_text(exc))
            self.failed.emit(core_text(exc))
            return
        self._show_photos(finding)
        self.saved.emit(finding)
