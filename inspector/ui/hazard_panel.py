"""One hazard beside the ledger: what, where, status and deadline, its history, the earlier hazards it
repeats (as links), and the transitions a person may start from here."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from inspector.core import clock
from inspector.core.ledger import LedgerError, lifecycle, query, repeats
from inspector.core.store import Store
from inspector.ui.core_messages import core_text
from inspector.ui.ledger_labels import grade_label, status_label


class HazardPanel(QWidget):
    changed = Signal(str)  # a transition was made on this hazard
    reportWanted = Signal(dict)
    listingWanted = Signal(dict)
    recheckWanted = Signal(dict)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.hazard: dict | None = None
        self.details = QLabel(objectName="hazard_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.RichText)
        self.details.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextBrowserInteraction)
        self.details.linkActivated.connect(self._link)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        self.start_button = QPushButton(self.tr("Rectification started"), objectName="start")
        self.report_button = QPushButton(self.tr("Reported fixed…"), objectName="report")
        self.list_button = QPushButton(self.tr("List for supervision…"), objectName="list")
        self.recheck_button = QPushButton(self.tr("Re-check…"), objectName="recheck")
        self.start_button.clicked.connect(self._start)
        self.report_button.clicked.connect(lambda: self.reportWanted.emit(self.hazard))
        self.list_button.clicked.connect(lambda: self.listingWanted.emit(self.hazard))
        self.recheck_button.clicked.connect(lambda: self.recheckWanted.emit(self.hazard))
        self.error = QLabel(objectName="panel_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.report_button, self.list_button, self.recheck_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.show_hazard(None)

    def show_hazard(self, hazard_id: str | None) -> None:
        self.error.clear()
        self.hazard = query.hazard(self.store, hazard_id) if hazard_id else None
        hazard = self.hazard
        for button in (self.start_button, self.report_button, self.list_button, self.recheck_button):
            button.setEnabled(False)
        if hazard is None:
            self.details.setText(self.tr("Choose a hazard in the ledger to see its history."))
            return
        status = hazard["status"]
        self.start_button.setEnabled(status == "open")
        self.report_button.setEnabled(status in ("open", "in_progress"))
        self.list_button.setEnabled(status != "verified" and not hazard["listed"])
        self.recheck_button.setEnabled(status != "verified")
        self.details.setText(self._describe(hazard))

    def _describe(self, h: dict) -> str:
        esc = html.escape
        lines = [
            f"<h3>{esc(h['enterprise'])}</h3>",
            f"<p><b>{esc(h['spot'])}</b> {esc(h['description'])}</p>",
            "<p>"
            + self.tr("Grade: %1 · Status: %2")
            .replace("%1", esc(grade_label(h["grade"])))
            .replace("%2", esc(status_label(h["status"])))
            + "<br>"
            + self.tr("Found %1 by %2 · deadline %3")
            .replace("%1", esc(h["found_on"] or ""))
            .replace("%2", esc(h["inspector"] or ""))
            .replace("%3", esc(h["deadline"] or "—"))
            + "</p>",
        ]
        if h["overdue"]:
            lines.append(
                "<p style='color:#b00020'>"
                + self.tr("Overdue by %1 days").replace("%1", str(h["overdue_days"]))
                + "</p>"
            )
        if h["listed"]:
            lines.append("<p><b>" + self.tr("Under listed supervision") + "</b></p>")
        elif h["suggest_listing"]:
            lines.append("<p style='color:#b26a00'>" + self.tr("Listed supervision is suggested") + "</p>")
        if h["repeat"]:
            earlier = repeats.of_hazard(self.store, h["id"])
            lines.append(
                "<p><b>"
                + self.tr("Repeat: %n earlier hazard(s)", "", h["repeat"])
                + "</b><br>"
                + "<br>".join(
                    f"<a href='hazard:{esc(e['id'])}'>{esc(e['found_on'])} {esc(e['spot'])}"
                    f" {esc(e['description'])}</a> · {esc(status_label(e['status']))}"
                    for e in earlier
                )
                + "</p>"
            )
        steps = lifecycle.history(self.store, h["id"])
        if steps:
            lines.append("<p><b>" + self.tr("History") + "</b></p><ul>")
            for step in steps:
                when = clock.local(step["at"]).strftime("%Y-%m-%d %H:%M")
                what = self._action(step["action"])
                extra = " ".join(esc(x) for x in (step["listing_body"], step["reason"]) if x) + (
                    f" → {esc(step['deadline'])}" if step["deadline"] else ""
                )
                lines.append(
                    f"<li>{when} {esc(step['actor_name'])}：{esc(what)}"
                    f"（{esc(status_label(step['to_status']))}） {extra}</li>"
                )
            lines.append("</ul>")
        return "".join(lines)

    def _action(self, action: str) -> str:
        return {
            "start": self.tr("rectification started"),
            "report": self.tr("reported fixed"),
            "list": self.tr("listed for supervision"),
            "verify": self.tr("closed after re-check"),
            "reject": self.tr("not fixed at re-check"),
        }.get(action, action)

    def _link(self, link: str) -> None:
        if link.startswith("hazard:"):
            self.show_hazard(link.split(":", 1)[1])

    def _start(self) -> None:
        try:
            lifecycle.start(self.store, self.hazard["id"])
        except LedgerError as exc:
            self.error.setText(core_text(exc))
            return
        self.changed.emit(self.hazard["id"])
