"""Before finishing: every open problem by item, each one a jump back to the item; 'go back' is the default.

The dialog's result is FINISH, or GO_BACK, or a row to jump to (``jump_to`` holds its (snapshot, item)).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from inspector.core.capture import inspections
from inspector.ui.runner.position import problems_in_order

GO_BACK, FINISH, JUMP = 0, 1, 2


class FinishDialog(QDialog):
    def __init__(self, problems: list[tuple[tuple[str, str], str]], parent=None):
        """``problems``: ((snapshot id, item id), text naming the item and what is missing), in list order."""
        super().__init__(parent)
        self.jump_to: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("Finish inspection"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        question = QLabel(
            self.tr("Finish the inspection now? Later changes will be recorded as amendments."),
            objectName="question",
        )
        question.setWordWrap(True)
        self.list = QListWidget(objectName="problems")
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.ElideRight)
        self.list.setHorizontalScrollBarPolicy(
            Qt.ScrollBarAlwaysOff
        )  # elide to the width; whole text as tooltip
        for key, text in problems:
            entry = QListWidgetItem(text)
            entry.setData(Qt.UserRole, key)
            entry.setToolTip(text)
            self.list.addItem(entry)
        self.list.itemActivated.connect(self._jump)
        buttons = QDialogButtonBox()
        self.back = buttons.addButton(self.tr("No, go back"), QDialogButtonBox.RejectRole)
        self.back.setObjectName("go_back")
        self.finish = buttons.addButton(self.tr("Yes, finish"), QDialogButtonBox.AcceptRole)
        self.finish.setObjectName("finish_now")
        self.go = QPushButton(self.tr("Go to the item"), objectName="go_to_item")
        self.go.clicked.connect(lambda: self._jump(self.list.currentItem()))
        buttons.addButton(self.go, QDialogButtonBox.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if problems:
            heading = QLabel(
                self.tr(
                    "%n problem(s) still open. Double-click one (or press Enter) to go to it.",
                    "",
                    len(problems),
                ),
                objectName="heading",
            )
            heading.setWordWrap(True)
            heading.setStyleSheet("color: #b00020; font-weight: bold;")
            layout.addWidget(heading)
            layout.addWidget(self.list, 1)
            self.list.setCurrentRow(0)
            self.back.setDefault(True)  # something is missing: the safe answer is the default
            self.list.setFocus()
        else:
            self.list.hide()
            self.go.hide()
            self.finish.setDefault(True)
        layout.addWidget(question)
        layout.addWidget(buttons)

    def done(self, code: int) -> None:
        if self.jump_to is not None and code != JUMP:
            return  # Enter on a problem jumps; the default button must not then answer too
        super().done(code)

    def _jump(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            return
        self.jump_to = entry.data(Qt.UserRole)
        self.done(JUMP)


def problem_lines(store, inspection_id: str, rows, results) -> list[tuple[tuple[str, str], str]]:
    """Each open problem, named by its item, in list order (``rows``/``results`` of the runner's model):
    what failed items lack, then unanswered items."""
    texts = {
        None: QCoreApplication.translate("FinishDialog", "not answered"),
        "no_finding": QCoreApplication.translate("FinishDialog", "failed, but no spot recorded"),
        "no_photo": QCoreApplication.translate("FinishDialog", "failed, and needs a photo"),
        "no_measures": QCoreApplication.translate("FinishDialog", "major hazard without immediate measures"),
    }
    failed = inspections.open_problems(store, inspection_id)["items"]
    return [
        (
            key,
            QCoreApplication.translate("FinishDialog", "%1: %2. %3")  # the problem first: long item texts
            .replace("%1", texts[problem])  # are elided, the problem never
            .replace("%2", str(row.number))
            .replace("%3", row.item.content),
        )
        for key, row, problem in problems_in_order(rows, results, failed)
    ]


def summary_text(summary: dict) -> str:
    """What the inspection came to, said once it is finished."""
    return (
        QCoreApplication.translate(
            "FinishDialog",
            "Items checked: %1 of %2\nFailed: %3\nHazards recorded: %4, of which major: %5\nPhotos: %6",
        )
        .replace("%1", str(summary["answered"]))
        .replace("%2", str(summary["items"]))
        .replace("%3", str(summary["failed"]))
        .replace("%4", str(summary["findings"]))
        .replace("%5", str(summary["major"]))
        .replace("%6", str(summary["photos"]))
    )
