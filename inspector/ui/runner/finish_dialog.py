"""Before finishing: every open problem by item, each one a jump back to the item; 'go back' is the default.

The dialog's result is FINISH, or GO_BACK, or a row to jump to (``jump_to`` holds its (snapshot, item)).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

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
