"""The current item: what to check, how, on what basis; the answer buttons; the finding when failed."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.runner.finding_editor import FindingEditor


def _label(name: str, wrap: bool = True, style: str = "") -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


class ItemPanel(QWidget):
    answered = Signal(str)  # 'pass' | 'fail' | 'na'
    measured = Signal(float)

    def __init__(self, finding_editor: FindingEditor, parent=None):
        super().__init__(parent)
        self.finding = finding_editor
        self.section = _label("section", style="color: #555;")
        self.content = _label("content", style="font-size: 15px; font-weight: bold;")
        self.method = _label("method")
        self.basis = _label("basis", style="color: #333;")
        self.major = _label("major", style="color: #b71c1c;")
        self.extra = _label("extra", style="color: #666;")
        self.combined = _label("combined", style="color: #b71c1c;")
        self.combined.setVisible(False)

        self.buttons = QButtonGroup(self)
        self.answer_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for result, text, colour in (
            ("pass", self.tr("Pass [1]"), "#1b7f3b"),
            ("fail", self.tr("Fail [2]"), "#c62828"),
            ("na", self.tr("Not applicable [3]"), "#616161"),
        ):
            button = QPushButton(text, objectName=f"answer_{result}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.NoFocus)
            button.setMinimumHeight(34)
            button.setStyleSheet(
                f"QPushButton:checked {{ background: {colour}; color: white; font-weight: bold; }}"
            )
            button.clicked.connect(lambda _=False, r=result: self.answered.emit(r))
            self.buttons.addButton(button)
            self.answer_buttons[result] = button
            row.addWidget(button)
        self.buttons.setExclusive(True)

        self.measure_row = QWidget()
        measure_layout = QHBoxLayout(self.measure_row)
        measure_layout.setContentsMargins(0, 0, 0, 0)
        self.measure_name = QLabel(objectName="measure_name")
        self.measure_name.setWordWrap(True)  # long names wrap: the panel never gets wider than its column
        self.value = QLineEdit(objectName="value")
        validator = QDoubleValidator(-1e9, 1e9, 4, self.value)
        plain = QLocale.c()  # readings are typed as 12.5 whatever the system's number format
        plain.setNumberOptions(QLocale.RejectGroupSeparator)
        validator.setLocale(plain)
        self.value.setValidator(validator)
        self.value.setMaximumWidth(120)
        self.limit = QLabel(objectName="limit")  # short: kept on one line
        measure_layout.addWidget(self.measure_name)
        measure_layout.addWidget(self.value)
        measure_layout.addWidget(self.limit, 1)
        self.value.returnPressed.connect(self._value_entered)
        self.value.textEdited.connect(lambda _text: self.value_error.hide())
        # why a reading was refused, on screen next to the field (not only in a tooltip)
        self.value_error = _label("value_error", style="color: #b00020; font-weight: bold;")
        self.value_error.hide()

        layout = QVBoxLayout(self)
        for widget in (self.section, self.content, self.method, self.basis, self.major, self.extra):
            layout.addWidget(widget)
        layout.insertWidget(layout.indexOf(self.extra), self.combined)
        layout.addWidget(self.measure_row)
        layout.addWidget(self.value_error)
        layout.addLayout(row)
        layout.addWidget(self.finding)
        layout.addStretch(1)

    def show_item(self, row, result: str | None, value: float | None) -> None:
        item = row.item
        self.section.setText(f"{item.section_title} · {item.id}")
        self.value_error.hide()
        self.content.setText(f"{row.number}. {item.content}")
        self.method.setText(self.tr("How to check: %1").replace("%1", item.method))
        self.basis.setText(self.tr("Basis: %1").replace("%1", item.basis_text()))
        self.major.setText(self.tr("Major-hazard criterion: %1").replace("%1", item.major_text()))
        self.major.setVisible(item.major is not None)
        extra = []
        if item.photo_required:
            extra.append(self.tr("A failed answer needs a photo."))
        if item.tags:
            extra.append(" ".join(f"#{tag}" for tag in item.tags))
        note = item.field_note()  # [UNCONFIRMED] remarks are for checklist maintainers only
        if note:
            extra.append(note)
        self.extra.setText("  ".join(extra))
        self.extra.setVisible(bool(extra))
        self.measure_row.setVisible(item.measure is not None)
        if item.measure is not None:
            self.measure_name.setText(f"{item.measure.name}（{item.measure.unit}）")
            self.limit.setText(self.tr("limit %1").replace("%1", item.measure.limit_text()))
            self.value.setText("" if value is None else f"{value:g}")
        self.set_result(result)

    def show_combined(self, rules) -> None:
        """The combined judgements this item counts towards: ``(rule, failed so far)`` pairs."""
        lines = [
            self.tr(
                "Combined judgement %1: %2 of these %3 conditions failing together make a major hazard; %4 failing now."
            )
            .replace("%1", rule.basis.text())
            .replace("%2", str(rule.needed))
            .replace("%3", str(len(rule.items)))
            .replace("%4", str(failed))
            for rule, failed in rules
        ]
        self.combined.setText("\n".join(lines))
        self.combined.setVisible(bool(lines))

    def set_result(self, result: str | None) -> None:
        # An exclusive group refuses to uncheck its checked button: lift exclusivity while setting, so an
        # unanswered item shows no answer instead of the previous item's.
        self.buttons.setExclusive(False)
        for key, button in self.answer_buttons.items():
            button.setChecked(key == result)
        self.buttons.setExclusive(True)
        self.finding.setVisible(result == "fail")

    def show_value_error(self, message: str) -> None:
        """A reading is needed (or was refused): say why next to the field and put the cursor there."""
        self.value_error.setText(message)
        self.value_error.show()
        self.value.setFocus()
        self.value.selectAll()

    def _value_entered(self) -> None:
        value, ok = QLocale.c().toDouble(self.value.text().strip())
        if ok:
            self.measured.emit(value)
