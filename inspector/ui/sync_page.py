"""Sync by file: export to a USB stick (field), import bundles and build packages (office).

Thin over :mod:`inspector.core.sync`; long steps report progress through a progress bar and keep the
window painted (they run in the window's thread, between ``processEvents`` calls).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.store import Store
from inspector.core.sync import workspace
from inspector.ui.core_messages import core_text, is_english


def ask_pin(parent: QWidget) -> str | None:
    from inspector.core import signing

    pin = signing.env_pin()
    if pin:
        return pin
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("SyncPage", "Signing PIN"),
        QCoreApplication.translate("SyncPage", "The bundle is signed with your key. Enter your signing PIN:"),
        QLineEdit.Password,
    )
    return text if ok else None


class SyncPage(QWidget):
    kindChanged = Signal()

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setAcceptDrops(True)
        self.kind_label = QLabel(objectName="kind")
        self.kind_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.switch = QPushButton(self.tr("Switch workspace kind…"), objectName="switch_kind")
        self.switch.clicked.connect(self.switch_kind)
        self.pending = QLabel(objectName="pending", wordWrap=True)
        self.export_button = QPushButton(self.tr("Export to a folder (USB stick)…"), objectName="export")
        self.export_button.clicked.connect(self.choose_export_folder)
        self.full = QCheckBox(
            self.tr("Everything (not only what changed since the last export)"), objectName="full"
        )
        self.import_files = QPushButton(self.tr("Import files…"), objectName="import_files")
        self.import_files.clicked.connect(self.choose_files)
        self.import_folder = QPushButton(self.tr("Import a folder…"), objectName="import_folder")
        self.import_folder.clicked.connect(self.choose_folder)
        self.trust = QCheckBox(
            self.tr("Trust signing keys not seen before (each is recorded)"), objectName="trust"
        )
        self.dry_run = QCheckBox(self.tr("Dry run: only say what would happen"), objectName="dry_run")
        self.drop_hint = QLabel(self.tr("…or drop bundle files or a folder here."))
        self.drop_hint.setStyleSheet("color: #666;")
        self.progress = QProgressBar(objectName="progress")
        self.progress.setVisible(False)
        self.reports = QStandardItemModel(0, 2, self)
        self.reports.setHorizontalHeaderLabels([self.tr("File"), self.tr("Result")])
        self.report_view = QTableView(objectName="reports")
        self.report_view.setModel(self.reports)
        self.report_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.report_view.horizontalHeader().setStretchLastSection(True)
        self.report_view.verticalHeader().setVisible(False)
        self.report_view.setWordWrap(True)
        self.target = QComboBox(objectName="target")
        self.package_button = QPushButton(self.tr("Build package…"), objectName="package")
        self.package_button.clicked.connect(self.choose_package_file)
        self.conflicts_box = QGroupBox(objectName="conflicts_box")
        self.conflicts = QStandardItemModel(0, 3, self)
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("What each side said"), self.tr("Rule")]
        )
        self.conflict_view = QTableView(objectName="conflicts")
        self.conflict_view.setModel(self.conflicts)
        self.conflict_view.setSelectionBehavior(QTableView.SelectRows)
        self.conflict_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.conflict_view.verticalHeader().setVisible(False)
        self.conflict_view.setWordWrap(True)
        self.reviewed = QPushButton(self.tr("Mark reviewed"), objectName="reviewed")
        self.reviewed.clicked.connect(self.mark_reviewed)
        conflicts_layout = QVBoxLayout(self.conflicts_box)
        conflicts_layout.addWidget(self.conflict_view)
        conflicts_layout.addWidget(self.reviewed, 0, Qt.AlignRight)
        self.devices = QLabel(objectName="devices")
        self.devices.setTextInteractionFlags(Qt.TextSelectableByMouse)

        head = QHBoxLayout()
        head.addWidget(self.kind_label, 1)
        head.addWidget(self.switch)
        self.export_box = QGroupBox(self.tr("Export"))
        export_layout = QVBoxLayout(self.export_box)
        export_layout.addWidget(self.pending)
        export_layout.addWidget(self.full)
        export_layout.addWidget(self.export_button, 0, Qt.AlignLeft)
        import_box = QGroupBox(self.tr("Import"))
        import_layout = QVBoxLayout(import_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_files)
        buttons.addWidget(self.import_folder)
        buttons.addStretch(1)
        import_layout.addLayout(buttons)
        import_layout.addWidget(self.drop_hint)
        import_layout.addWidget(self.trust)
        import_layout.addWidget(self.dry_run)
        self.package_box = QGroupBox(self.tr("Package for a laptop"))
        package_layout = QHBoxLayout(self.package_box)
        package_layout.addWidget(QLabel(self.tr("For")))
        package_layout.addWidget(self.target, 1)
        package_layout.addWidget(self.package_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.export_box)
        layout.addWidget(import_box)
        layout.addWidget(self.package_box)
        layout.addWidget(self.devices)
        layout.addWidget(self.progress)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.conflicts_box, 1)
        self.refresh()

    # -- state ------------------------------------------------------------------------------------------

    def kind_text(self, kind: str) -> str:
        return self.tr("Office workspace") if kind == "office" else self.tr("Field workspace")

    def refresh(self) -> None:
        from inspector.core.sync.status import pending

        kind = workspace.kind(self.store)
        self.kind_label.setText(self.kind_text(kind))
        office = kind == "office"
        self.package_box.setVisible(office)
        self.import_folder.setVisible(office)
        state = pending(self.store)
        if state["records"] and not state["last_export"]:
            text = self.tr("Never exported: %n record(s) to take to the office.", "", state["records"])
        elif state["records"]:
            text = self.tr(
                "%n record(s) changed since the last export: not yet exported.", "", state["records"]
            )
        else:
            text = self.tr("Everything has been exported.")
        if state["last_export"]:
            text += " " + self.tr("Last export: %1.").replace(
                "%1", state["last_export"][:16].replace("T", " ")
            )
        if state["unacknowledged"]:
            text += "\n" + self.tr(
                "Exported but not yet acknowledged by the office: %n record(s).", "", state["unacknowledged"]
            )
        self.pending.setText(text)
        self.target.clear()
        if office:
            for person in workspace.roster(self.store):
                self.target.addItem(f"{person['name']}（{person['cert_no']}）", person["cert_no"])
            for (region,) in self.store.conn.execute(
                "SELECT DISTINCT region FROM enterprises WHERE deleted_at IS NULL AND region != '' ORDER BY region"
            ):
                self.target.addItem(self.tr("Region: %1").replace("%1", region), region)
            self.devices.setText(self._devices_text())
            self._load_conflicts()
        self.devices.setVisible(office)
        self.conflicts_box.setVisible(office and self.conflicts.rowCount() > 0)

    def _load_conflicts(self) -> None:
        """The first page of conflicts still to review (the count in the title counts them all)."""
        from inspector.core.sync import review

        self.conflicts.removeRows(0, self.conflicts.rowCount())
        total = review.count_open(self.store)
        self.conflicts_box.setTitle(self.tr("Conflicts to review: %n", "", total))
        for conflict in review.open_conflicts(self.store, limit=50):
            record = QStandardItem(f"{conflict['what']} {conflict['record_id'][:8]}")
            record.setData(conflict["id"], Qt.UserRole)
            said = ("; " if is_english() else "；").join(core_text(p) for p in review.describe_each(conflict))
            self.conflicts.appendRow(
                [record, QStandardItem(said), QStandardItem(core_text(conflict["rule"]))]
            )
        self.conflict_view.resizeRowsToContents()

    def mark_reviewed(self) -> None:
        from inspector.core.sync import review

        for index in self.conflict_view.selectionModel().selectedRows(0):
            review.mark_reviewed(self.store, index.data(Qt.UserRole))
        self.refresh()

    def _devices_text(self) -> str:
        rows = self.store.rows("SELECT * FROM sync_devices WHERE kind='field' ORDER BY series_no, id")
        if not rows:
            return self.tr("No laptop has sent a bundle yet.")
        clashes = {n for n, _ in workspace.duplicate_numbers(self.store)}
        keys = {}
        for key in self.store.rows("SELECT key_id, device_id FROM sync_keys ORDER BY key_id"):
            keys.setdefault(key["device_id"], []).append(key["key_id"])
        names = {p["id"]: p["name"] for p in self.store.rows("SELECT id, name FROM inspectors ORDER BY id")}
        lines = [self.tr("Laptops (number · label · inspector · trusted key · audit entries held):")]
        for row in rows:
            flag = " ⚠ " + self.tr("number used by another laptop") if row["series_no"] in clashes else ""
            who = names.get(row["inspector_id"], "")
            key = ", ".join(keys.get(row["id"], [])) or "—"
            lines.append(
                f"  {row['series_no']} · {row['label'] or row['id']} · {who} · {key} · {row['last_seq']}{flag}"
            )
        return "\n".join(lines)

    def _step(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        QCoreApplication.processEvents()

    # -- export -----------------------------------------------------------------------------------------

    def choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path, pin: str | None = None) -> Path | None:
        from inspector.core.signing import PinError
        from inspector.core.sync import BundleError, export_bundle

        pin = pin or ask_pin(self)
        if pin is None:
            return None
        self.progress.setVisible(True)
        try:
            result = export_bundle(
                self.store, folder, full=self.full.isChecked(), pin=pin, progress=self._step
            )
        except (PinError, BundleError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return None
        finally:
            self.progress.setVisible(False)
        self._add_report(
            result.path.name,
            self.tr("Exported: audit entries %1–%2, %3 record(s), %4 photo(s)")
            .replace("%1", str(result.seq_from))
            .replace("%2", str(result.seq_to))
            .replace("%3", str(sum(result.counts.values())))
            .replace("%4", str(result.photos)),
        )
        self.refresh()
        return result.path

    # -- import -----------------------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import bundles"), "", self.tr("Bundles (*.zip)")
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of bundles"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> list:
        from inspector.core.sync import import_many

        self.reports.removeRows(0, self.reports.rowCount())
        self.progress.setVisible(True)

        def step(done, total, report):
            self._add_report(report.file, report.summary(), ok=report.ok, warnings=report.warnings)
            self._step(done, total)

        try:
            reports = import_many(
                self.store,
                paths,
                dry_run=self.dry_run.isChecked(),
                trust=self.trust.isChecked(),
                progress=step,
            )
        finally:
            self.progress.setVisible(False)
        if not reports:
            self._add_report("", self.tr("No bundle (*.zip) found."), ok=False)
        self.refresh()
        return reports

    def _add_report(self, name: str, text: str, ok: bool = True, warnings=()) -> None:
        result = QStandardItem(text + "".join("\n⚠ " + w for w in warnings))
        if not ok:
            result.setForeground(Qt.darkRed)
        self.reports.appendRow([QStandardItem(name), result])
        self.report_view.resizeRowsToContents()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- package ----------------------------------------------------------------------------------------

    def choose_package_file(self) -> None:
        if self.target.currentData() is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save package"), "package.zip", self.tr("Bundles (*.zip)")
        )
        if path:
            self.build_package(self.target.currentData(), Path(path))

    def build_package(self, who: str, path: Path, pin: str | None = None) -> Path | None:
        from inspector.core.signing import PinError
        from inspector.core.sync import BundleError
        from inspector.core.sync.package import PackageError, build_package

        pin = pin or ask_pin(self)
        if pin is None:
            return None
        try:
            result = build_package(self.store, who, path, pin=pin)
        except (PinError, BundleError, PackageError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Package failed"), str(exc))
            return None
        self._add_report(
            result.path.name,
            self.tr("Package for %1: %2 enterprise(s), %3 hazard(s) due for re-check")
            .replace("%1", result.target["label"])
            .replace("%2", str(result.counts.get("enterprises", 0)))
            .replace("%3", str(result.counts.get("hazards", 0))),
        )
        return result.path

    # -- kind -------------------------------------------------------------------------------------------

    def switch_kind(self) -> None:
        current = workspace.kind(self.store)
        new = "field" if current == "office" else "office"
        answer = QMessageBox.warning(
            self,
            self.tr("Switch workspace kind"),
            self.tr("This workspace is a %1. Make it a %2? Only do this when the office told you to.")
            .replace("%1", self.kind_text(current))
            .replace("%2", self.kind_text(new)),
            QMessageBox.Yes | QMessageBox.Cancel,
            QMessageBox.Cancel,
        )
        if answer == QMessageBox.Yes:
            self.set_kind(new)

    def set_kind(self, new: str) -> None:
        workspace.set_kind(self.store, new, confirm=new)
        self.refresh()
        self.kindChanged.emit()

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.report_view.resizeRowsToContents()  # rows wrap to the width they now have
        self.conflict_view.resizeRowsToContents()
