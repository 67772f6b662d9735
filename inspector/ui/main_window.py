"""The main window: a navigation list on the left, one page per task on the right."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core import clock
from inspector.core.capture import inspections
from inspector.core.checklists import library as checklist_library
from inspector.core.checklists.library import load_for_workspace
from inspector.core.store import Store
from inspector.core.store.paths import DEMO_WORKSPACE, Workspace
from inspector.ui import background
from inspector.ui.checklists_page import ChecklistsPage
from inspector.ui.enterprises_page import EnterprisesPage
from inspector.ui.home_page import HomePage
from inspector.ui.inspections_page import InspectionsPage
from inspector.ui.ledger_page import LedgerPage
from inspector.ui.settings_page import SettingsPage
from inspector.ui.statistics_page import StatisticsPage
from inspector.ui.sync_page import SyncPage

# A user checklist folder larger than this is read in the background: the window opens at once with
# the bundled checklists, and the user's join them when read.
BACKGROUND_LIBRARY_BYTES = 1 * 2**20


class MainWindow(QMainWindow):
    def __init__(self, store: Store, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.store = store
        self.workspace = workspace
        self._loader: background.Job | None = None
        self.library = self._load_library()
        self.update_title()
        self.resize(1280, 720)
        self.nav = QListWidget(objectName="nav")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet(
            "QListWidget#nav { font-size: 15px; } QListWidget#nav::item { padding: 8px 6px; }"
        )
        self.pages = QStackedWidget()
        self.home = HomePage(store, workspace)
        self.home.newInspection.connect(self._new_inspection)
        self.home.openInspection.connect(self._open_inspection)
        self.home.officeSettings.connect(self._office_settings)
        self.home.editProfile.connect(self._edit_profile)
        self.inspections = InspectionsPage(store, self.library)
        self.add_page(self.tr("Home"), self.home)
        self.settings = SettingsPage(store)
        self.enterprises = EnterprisesPage(store)
        self.add_page(self.tr("Inspections"), self.inspections)
        self.add_page(self.tr("Enterprises"), self.enterprises)
        self.ledger = LedgerPage(store)
        self.add_page(self.tr("Ledger"), self.ledger)
        self.enterprises.ledgerWanted.connect(
            lambda eid: (self.show_page(self.ledger), self.ledger.show_enterprise(eid))
        )
        self.enterprises.recheckWanted.connect(lambda eid: self.ledger.open_recheck(eid))
        self.statistics = StatisticsPage(store)
        self.add_page(self.tr("Statistics"), self.statistics)
        self.checklists = ChecklistsPage(self.library)
        self.add_page(self.tr("Checklists"), self.checklists)
        self.sync = SyncPage(store)
        self.sync.kindChanged.connect(self.update_title)
        self.add_page(self.tr("Sync"), self.sync)
        self.add_page(self.tr("Settings"), self.settings)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._page_changed)
        self.nav.setCurrentRow(0)
        central = QWidget()
        column = QVBoxLayout(central)
        self.read_only_banner = QLabel(objectName="readOnlyBanner", wordWrap=True)
        self.read_only_banner.setStyleSheet(
            "QLabel#readOnlyBanner { background: #fff3cd; color: #664d03; border: 1px solid #ffda6a;"
            " padding: 6px 10px; font-size: 14px; }"
        )
        self.read_only_banner.setText(
            self.tr(
                "Read-only: the database or folder of this workspace (%1) cannot be written. "
                "You can look at everything, but nothing can be saved."
            ).replace("%1", str(workspace.root))
        )
        if store.warnings:  # e.g. the day's backup failed: said in the core's words (Chinese)
            lines = [self.read_only_banner.text()] if store.read_only else []
            self.read_only_banner.setText("\n".join(lines + store.warnings))
        self.read_only_banner.setVisible(store.read_only or bool(store.warnings))
        column.addWidget(self.read_only_banner)
        row = QHBoxLayout()
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)

    def closeEvent(self, event) -> None:
        """Nothing typed is dropped on closing: the open finding is saved, or the inspector decides."""
        if not self.inspections.leave_runner():
            event.ignore()
            self.show_page(self.inspections)
            return
        if self._loader is not None:
            self._loader.wait()  # reading files only: it ends by itself
        super().closeEvent(event)

    def _load_library(self):
        """The checklists now; a large user folder is read in a thread and shown when ready."""
        if checklist_library.user_bytes(self.workspace) <= BACKGROUND_LIBRARY_BYTES:
            return load_for_workspace(self.workspace)
        if self._loader is None:
            workspace = self.workspace
            self._loader = background.Job(lambda _progress: load_for_workspace(workspace), self)
            self._loader.done.connect(self._library_loaded)
            self._loader.start()
        current = getattr(self, "library", None)
        return current if current is not None else checklist_library.load_bundled()

    def _library_loaded(self, library, error) -> None:
        self._loader.wait()
        self._loader = None
        if error is not None or library is None:
            return  # load_library reports bad files itself; anything else leaves the bundled ones
        self.library = library
        self.checklists.set_library(library)
        self.inspections.library = library

    def update_title(self) -> None:
        """The title says whether this is a field or an office workspace, and when it is the demo."""
        from inspector.core.sync import workspace as kinds

        office = kinds.kind(self.store) == "office"
        kind = self.tr("Office workspace") if office else self.tr("Field workspace")
        title = self.tr("Inspector — work-safety inspection — %1").replace("%1", kind)
        if self.workspace.root.name == DEMO_WORKSPACE:
            title = self.tr("%1 — DEMO workspace (sample data)").replace("%1", title)
        self.setWindowTitle(title)

    def add_page(self, title: str, page: QWidget) -> None:
        self.nav.addItem(title)
        self.pages.addWidget(page)

    def _page_changed(self, _row: int) -> None:
        if self.pages.currentWidget() is self.checklists:  # files may have been corrected or added
            self.library = self._load_library()  # unchanged files come from the cache
            self.checklists.set_library(self.library)
            self.inspections.library = self.library

    def _office_settings(self) -> None:
        self.settings.edit_office()
        self.home.refresh()

    def _edit_profile(self) -> None:
        self.settings.edit_profile()
        self.home.refresh()

    def _new_inspection(self) -> None:
        self.show_page(self.inspections)
        self.inspections.new_inspection()

    def _open_inspection(self, inspection_id: str) -> None:
        self.show_page(self.inspections)
        self.inspections.open(inspection_id)

    def show_page(self, page: QWidget) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(page))

    def offer_drafts(self) -> None:
        """After a crash or a restart, offer the unfinished inspection exactly as it was."""
        drafts = inspections.drafts(self.store)
        if not drafts:
            return
        latest = drafts[0]
        started = clock.local(latest["started_at"]).strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self,
            self.tr("Unfinished inspection"),
            self.tr("The inspection of %1 started %2 is not finished. Continue it now?")
            .replace("%1", latest["enterprise"])
            .replace("%2", started),
        )
        if answer == QMessageBox.Yes:
            self._open_inspection(latest["id"])
