"""The home page: who uses this laptop, a few figures, and the unfinished inspections to continue."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from inspector.core import clock, office, profile
from inspector.core.capture import inspections
from inspector.core.store import Store
from inspector.core.store.paths import DEMO_WORKSPACE, Workspace


class HomePage(QWidget):
    newInspection = Signal()
    openInspection = Signal(str)
    officeSettings = Signal()
    editProfile = Signal()

    def __init__(self, store: Store, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.store = store
        self.demo = QLabel(
            self.tr(
                "Demo workspace: sample inspector, colleagues and enterprises, kept apart from real data. "
                "Documents issued here are not real."
            ),
            objectName="demo_note",
        )
        self.demo.setWordWrap(True)
        self.demo.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px; font-weight: bold;")
        self.demo.setVisible(workspace.root.name == DEMO_WORKSPACE)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.details = QLabel()
        correct = QPushButton(self.tr("Correct my details…"), objectName="edit_profile")
        correct.clicked.connect(self.editProfile)
        who = QHBoxLayout()
        who.addWidget(self.details)
        who.addWidget(correct)
        who.addStretch(1)
        self.office_note = QLabel(objectName="office_note")
        self.office_note.setWordWrap(True)
        self.office_note.setStyleSheet("background: #ffebee; color: #b00020; padding: 6px;")
        self.office_button = QPushButton(self.tr("Office settings…"), objectName="home_office")
        self.office_button.clicked.connect(self.officeSettings)
        office_row = QHBoxLayout()
        office_row.addWidget(self.office_note, 1)
        office_row.addWidget(self.office_button)
        self.stats = QLabel(objectName="stats")
        start = QPushButton(self.tr("New inspection…"), objectName="home_new")
        start.setStyleSheet("font-size: 15px; padding: 6px 18px;")
        start.clicked.connect(self.newInspection)
        self.sync_state = QLabel(objectName="sync_state", wordWrap=True)
        self.due = QGroupBox(self.tr("Hazards due for re-check"), objectName="due")
        self.due_list = QLabel(objectName="due_list")
        QVBoxLayout(self.due).addWidget(self.due_list)
        self.drafts = QGroupBox(self.tr("Unfinished inspections"))
        self.drafts_layout = QVBoxLayout(self.drafts)
        # The folder, to be selected and copied (for support, for backups). A read-only line rather than a
        # selectable label: this page is on the way to the first paint, and touching the ``Qt`` namespace
        # builds all of its enums (≈ 15 ms).
        where = QLineEdit(self.tr("Workspace: %1").replace("%1", str(workspace.root)), objectName="where")
        where.setReadOnly(True)
        where.setFrame(False)
        where.setStyleSheet("color: #666; background: transparent; border: none;")
        start_row = QHBoxLayout()
        start_row.addWidget(start)
        start_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.demo)
        layout.addWidget(self.title)
        layout.addLayout(who)
        layout.addLayout(office_row)
        layout.addWidget(self.stats)
        layout.addWidget(self.sync_state)
        layout.addLayout(start_row)
        layout.addWidget(self.drafts)
        layout.addWidget(self.due)
        layout.addStretch(1)
        layout.addWidget(where)  # the figures are filled in each time the page is shown

    def refresh(self) -> None:
        me = profile.profile(self.store) or {}
        self.title.setText(self.tr("Welcome, %1").replace("%1", me.get("name", "")))
        self.details.setText(
            self.tr("Certificate %1 · %2")
            .replace("%1", me.get("cert_no", ""))
            .replace("%2", me.get("organisation", ""))
        )
        settings = office.load(self.store)
        missing = [
            text
            for value, text in (
                (settings.issuing_body, self.tr("the issuing body")),
                (settings.region_abbr, self.tr("the region abbreviation of document numbers")),
                (settings.government, self.tr("the people's government for reconsideration")),
                (settings.court, self.tr("the people's court for litigation")),
            )
            if not (value or "").strip()
        ]
        self.office_note.setText(
            self.tr("Issuing documents needs these office settings: %1.").replace(
                "%1", self.tr(", ").join(missing)
            )
        )
        self.office_note.setVisible(bool(missing))
        self.office_button.setVisible(bool(missing))
        figures = inspections.overview(self.store)
        self.stats.setText(
            self.tr("%n enterprise(s) registered", "", figures["enterprises"])
            + " · "
            + self.tr("%n inspection(s) this year", "", figures["this_year"])
            + " · "
            + self.tr("%n open hazard(s)", "", figures["open_hazards"])
            + " "
            + self.tr("(major: %1)").replace("%1", str(figures["open_major"]))
        )
        self.refresh_sync()
        while self.drafts_layout.count():
            item = self.drafts_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        drafts = inspections.drafts(self.store)
        self.drafts.setVisible(bool(drafts))
        for draft in drafts[:5]:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            started = clock.local(draft["started_at"]).strftime("%Y-%m-%d %H:%M")
            line.addWidget(QLabel(f"{started}  {draft['enterprise']} · {draft['kind']}"), 1)
            button = QPushButton(self.tr("Continue"), objectName="continue")
            button.clicked.connect(lambda _=False, i=draft["id"]: self.openInspection.emit(i))
            line.addWidget(button)
            self.drafts_layout.addWidget(row)

    def refresh_sync(self) -> None:
        """What has not been exported yet, and the hazards due for re-check (from the office's package)."""
        from inspector.core.ledger.lifecycle import STATUS_LABELS
        from inspector.core.sync import workspace as kinds
        from inspector.core.sync.status import pending

        field = kinds.kind(self.store) == "field"
        state = pending(self.store) if field else {"records": 0}
        self.sync_state.setVisible(field)
        if state["records"] and not state.get("last_export"):
            self.sync_state.setText(
                self.tr("Never exported: %n record(s) to take to the office.", "", state["records"])
            )
        elif state["records"]:
            self.sync_state.setText(
                self.tr("Not yet exported: %n record(s) changed since the last export.", "", state["records"])
            )
            self.sync_state.setStyleSheet("color: #8a5300;")
        else:
            self.sync_state.setText(self.tr("Everything has been exported."))
            self.sync_state.setStyleSheet("color: #2e7d32;")
        if state.get("unacknowledged"):
            self.sync_state.setText(
                self.sync_state.text()
                + "\n"
                + self.tr(
                    "Exported but not yet acknowledged by the office: %n record(s).",
                    "",
                    state["unacknowledged"],
                )
            )
        total, rows = kinds.due_for_recheck(self.store, limit=8)
        self.due.setVisible(field and total > 0)
        lines = []
        for row in rows:
            text = "  ".join(
                [
                    row["deadline"] or "—",
                    row["enterprise"],
                    row["spot"] or "",
                    row["description"],
                    STATUS_LABELS.get(row["status"], ""),
                ]
            )
            lines.append(text + (self.tr(" (listed)") if row["listed_supervision"] else ""))
        if total > len(rows):
            lines.append(self.tr("… and %n more", "", total - len(rows)))
        self.due_list.setText("\n".join(lines))  # one label, not one per hazard: quicker to show

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)
