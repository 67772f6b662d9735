"""The runner's header figures: progress, failures and major hazards, and the saved indicator.

The indicator only ever says what is true: "Saved hh:mm:ss" after a commit, "Saving…" while typed text
waits for its autosave, "Not saved" (with the reason as tooltip) when a save was refused or failed.
"""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

_COLOURS = {True: "color: #1b7f3b;", False: "color: #b00020; font-weight: bold;", None: "color: #9a6700;"}


class RunnerStatus(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.progress = QProgressBar(objectName="progress")
        self.progress.setMaximumWidth(220)
        self.counts = QLabel(objectName="counts")
        self.saved = QLabel(objectName="saved")
        self.saved.setMinimumWidth(150)
        self._state: bool | str | None = "unset"  # True saved, False not saved, None saving
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.counts)
        row.addWidget(self.progress)
        row.addWidget(self.saved)

    def _set_state(self, state: bool | None) -> None:
        if self._state is not state:  # restyling costs a relayout: only when the state changes
            self._state = state
            self.saved.setStyleSheet(_COLOURS[state])

    def show_text(self, text: str) -> None:
        self.saved.setText(text)

    def mark_saved(self) -> None:
        self._set_state(True)
        self.saved.setText(self.tr("Saved %1").replace("%1", QTime.currentTime().toString("HH:mm:ss")))
        self.saved.setToolTip("")

    def mark_pending(self) -> None:
        self._set_state(None)
        self.saved.setText(self.tr("Saving…"))

    def mark_unsaved(self, message: str) -> None:
        self._set_state(False)
        self.saved.setText(self.tr("Not saved"))
        self.saved.setToolTip(message)

    def show_counts(self, counts: dict, major: int) -> None:
        # QProgressBar repaints synchronously on every setValue; let it repaint once, with the next paint
        self.progress.setUpdatesEnabled(False)
        self.progress.setMaximum(max(counts["total"], 1))
        self.progress.setValue(counts["answered"])
        self.progress.setFormat(f"{counts['answered']}/{counts['total']}")
        self.progress.setUpdatesEnabled(True)
        self.counts.setText(
            self.tr("Failed %1 · major %2").replace("%1", str(counts["failed"])).replace("%2", str(major))
        )
