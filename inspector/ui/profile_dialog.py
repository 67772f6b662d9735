"""Correct the inspector's own details and this laptop's number; every change goes to the audit trail.

The name, certificate number and unit are printed on every document issued from now on (issued documents
keep what they were signed with). A laptop number already used for document numbers is not changed
without saying what that affects.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.core import profile
from inspector.core.documents import numbering
from inspector.core.store import Store
from inspector.ui.core_messages import core_text


class ProfileDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("My details"))
        self.setMinimumWidth(520)
        me = profile.profile(store) or {}
        device = profile.device(store) or {}
        intro = QLabel(
            self.tr(
                "These details are printed on every document issued from now on. "
                "Documents already issued keep the details they were signed with."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(me.get("name", ""), objectName="name")
        self.cert_no = QLineEdit(me.get("cert_no", ""), objectName="cert_no")
        self.organisation = QLineEdit(me.get("organisation", ""), objectName="organisation")
        self.series_no = QSpinBox(objectName="series_no")
        self.series_no.setRange(1, profile.SERIES_MAX)
        self.series_no.setValue(int(device.get("series_no") or 1))
        self.series_no.setToolTip(
            self.tr(
                "Each laptop of the office needs its own number, so that two laptops working offline never issue the same document number."
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("Inspector name"), self.name)
        form.addRow(self.tr("Certificate number"), self.cert_no)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Laptop number (from the office)"), self.series_no)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def series_warning(self, new: int) -> str | None:
        """What changing the laptop number affects, when documents were already numbered from it."""
        used = numbering.series_in_use(self.store)
        if not used["issued"] and not used["blocks"]:
            return None
        kept = "、".join(
            f"{numbering.KIND_TITLES.get(b['doc_kind'], b['doc_kind'])} {b['year']}: {b['first']}–{b['last']}"
            for b in used["blocks"]
        )
        return (
            self.tr(
                "%n document(s) were already numbered on this laptop (for example %1). They keep their numbers. "
                "These number blocks stay in use until they run out: %2. Laptop number %3 applies only to "
                "document kinds and years without a block yet. Change it?",
                "",
                used["issued"],
            )
            .replace("%1", used["example"] or "—")
            .replace("%2", kept or "—")
            .replace("%3", str(new))
        )

    def accept(self) -> None:
        device = profile.device(self.store) or {}
        new_series = self.series_no.value()
        series_changed = device and int(device["series_no"]) != new_series
        if series_changed:
            warning = self.series_warning(new_series)
            if warning is not None:
                answer = QMessageBox.question(
                    self,
                    self.tr("Change the laptop number"),
                    warning,
                    QMessageBox.Yes | QMessageBox.No,
                    QMessageBox.No,
                )
                if answer != QMessageBox.Yes:
                    self.series_no.setFocus()
                    return
        try:
            with self.store.transaction():
                profile.update_profile(
                    self.store, self.name.text(), self.cert_no.text(), self.organisation.text()
                )
                if series_changed:
                    numbering.set_series(self.store, new_series)
        except (profile.ProfileError, numbering.NumberingError) as exc:
            self.error.setText(core_text(exc))
            field = self.findChild(QWidget, getattr(exc, "field", ""))
            if field is not None:
                field.setFocus()
            return
        super().accept()
