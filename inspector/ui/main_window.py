"""The main window: a navigation list on the left, one page per task on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.store import Store
from inspector.core.store.paths import DEMO_WORKSPACE, Workspace
from inspector.ui.home_page import HomePage

if TYPE_CHECKING:
    from inspector.ui import background


class _Page:
    """A page of the window, built (and its module imported) the first time it is shown or asked for:
    the window paints at start-up without the ledger, statistics, sync … pages and what they import."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, window, owner=None):
        if window is None:
            return self
        return window._page(self.name)


# A user checklist folder larger than this is read in the background: the window opens at once with
# the bundled checklists, and the user's join them when read.
BACKGROUND_LIBRARY_BYTES = 1 * 2**20


class MainWindow(QMainWindow):
    def __init__(self, store: Store, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.store = store
        self.workspace = workspace
        self._loader: background.Job | None = None
        self._library = None  # the checklists, read when a page first needs them
        self.update_title()
        self.resize(1280, 720)
        self.nav = QListWidget(objectName="nav")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet(
            "QListWidget#nav { font-size: 15px; } QListWidget#nav::item { padding: 8px 6px; }"
        )
        self.pages = QStackedWidget()
        self._built: dict[str, QWidget] = {}
        self._slots: dict[str, tuple[QWidget, object]] = {}  # page name → (its placeholder, its builder)
        self._add_lazy(self.tr("Home"), "home", self._build_home)
        self._add_lazy(self.tr("Inspections"), "inspections", self._build_inspections)
        self._add_lazy(self.tr("Enterprises"), "enterprises", self._build_enterprises)
        self._add_lazy(self.tr("Ledger"), "ledger", self._build_ledger)
        self._add_lazy(self.tr("Statistics"), "statistics", self._build_statistics)
        self._add_lazy(self.tr("Checklists"), "checklists", self._build_checklists)
        self._add_lazy(self.tr("Sync"), "sync", self._build_sync)
        self._add_lazy(self.tr("Settings"), "settings", self._build_settings)
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
        self._read_only_text = self.read_only_banner.text()
        self.show_store_warnings()
        column.addWidget(self.read_only_banner)
        row = QHBoxLayout()
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)

    home = _Page()
    inspections = _Page()
    enterprises = _Page()
    ledger = _Page()
    statistics = _Page()
    checklists = _Page()
    sync = _Page()
    settings = _Page()

    def _add_lazy(self, title: str, name: str, build) -> None:
        placeholder = QWidget()
        self.nav.addItem(title)
        self.pages.addWidget(placeholder)
        self._slots[name] = (placeholder, build)

    def _page(self, name: str) -> QWidget:
        page = self._built.get(name)
        if page is None:
            placeholder, build = self._slots[name]
            page = self._built[name] = build()
            index = self.pages.indexOf(placeholder)
            showing = self.pages.currentWidget() is placeholder
            self.pages.insertWidget(index, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            if showing:
                self.pages.setCurrentWidget(page)
        return page

    def _build_home(self) -> QWidget:
        home = HomePage(self.store, self.workspace)
        home.newInspection.connect(self._new_inspection)
        home.openInspection.connect(self._open_inspection)
        home.officeSettings.connect(self._office_settings)
        home.editProfile.connect(self._edit_profile)
        return home

    def _build_inspections(self) -> QWidget:
        from inspector.ui.inspections_page import InspectionsPage

        return InspectionsPage(self.store, self.library)

    def _build_enterprises(self) -> QWidget:
        from inspector.ui.enterprises_page import EnterprisesPage

        enterprises = EnterprisesPage(self.store)
        enterprises.ledgerWanted.connect(
            lambda eid: (self.show_page(self.ledger), self.ledger.show_enterprise(eid))
        )
        enterprises.recheckWanted.connect(lambda eid: self.ledger.open_recheck(eid))
        return enterprises

    def _build_ledger(self) -> QWidget:
        from inspector.ui.ledger_page import LedgerPage

        return LedgerPage(self.store)

    def _build_statistics(self) -> QWidget:
        from inspector.ui.statistics_page import StatisticsPage

        return StatisticsPage(self.store)

    def _build_checklists(self) -> QWidget:
        from inspector.ui.checklists_page import ChecklistsPage

        return ChecklistsPage(self.library)

    def _build_sync(self) -> QWidget:
        from inspector.ui.sync_page import SyncPage

        sync = SyncPage(self.store)
        sync.kindChanged.connect(self.update_title)
        return sync

    def _build_settings(self) -> QWidget:
        from inspector.ui.settings_page import SettingsPage

        return SettingsPage(self.store)

    @property
    def library(self):
        if self._library is None:
            self._library = self._load_library()
        return self._library

    @library.setter
    def library(self, library) -> None:
        self._library = library

    def closeEvent(self, event) -> None:
        """Nothing typed is dropped on closing: the open finding is saved, or the inspector decides."""
        if "inspections" in self._built and not self.inspections.leave_runner():
            event.ignore()
            self.show_page(self.inspections)
            return
        if self._loader is not None:
            self._loader.wait()  # reading files only: it ends by itself
        super().closeEvent(event)

    def _load_library(self):
        """The checklists now; a large user folder is read in a thread and shown when ready."""
        from inspector.core.checklists import library as checklist_library
        from inspector.core.checklists.library import load_for_workspace
        from inspector.ui import background

        if checklist_library.user_bytes(self.workspace) <= BACKGROUND_LIBRARY_BYTES:
            return load_for_workspace(self.workspace)
        if self._loader is None:
            workspace = self.workspace
            self._loader = background.Job(lambda _progress: load_for_workspace(workspace), self)
            self._loader.done.connect(self._library_loaded)
            self._loader.start()
        current = self._library
        return current if current is not None else checklist_library.load_bundled()

    def _library_loaded(self, library, error) -> None:
        self._loader.wait()
        self._loader = None
        if error is not None or library is None:
            return  # load_library reports bad files itself; anything else leaves the bundled ones
        self.library = library
        if "checklists" in self._built:
            self.checklists.set_library(library)
        if "inspections" in self._built:
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

    def _page_changed(self, row: int) -> None:
        name = list(self._slots)[row] if 0 <= row < len(self._slots) else None
        if name is None:
            return
        reload = name == "checklists" and self._library is not None  # else it is read now anyway
        page = self._page(name)  # built on first showing
        self.pages.setCurrentWidget(page)
        if reload:  # files may have been corrected or added
            self.library = self._load_library()  # unchanged files come from the cache
            self.checklists.set_library(self.library)
            if "inspections" in self._built:
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

    def show_store_warnings(self) -> None:
        """The read-only notice and the store's warnings (e.g. the day's backup failed: said in the core's
        words, Chinese), again after the checks the app runs once the window has painted."""
        store = self.store
        lines = [self._read_only_text] if store.read_only else []
        self.read_only_banner.setText("\n".join(lines + store.warnings))
        self.read_only_banner.setVisible(store.read_only or bool(store.warnings))

    def offer_drafts(self) -> None:
        """After a crash or a restart, offer the unfinished inspection exactly as it was."""
        from inspector.core import clock
        from inspector.core.capture import inspections

        drafts = inspections.drafts(self.store)
        if not drafts:
            return
        latest = drafts[0]
        started = clock.local(latest["started_at"]).strftime("%Y-%m-%d %H:%M")
        from PySide6.QtWidgets import QMessageBox  # here: QMessageBox and QDialog cost ≈ 2 ms to load

        answer = QMessageBox.question(
            self,
            self.tr("Unfinished inspection"),
            self.tr("The inspection of %1 started %2 is not finished. Continue it now?")
            .replace("%1", latest["enterprise"])
            .replace("%2", started),
        )
        if answer == QMessageBox.Yes:
            self._open_inspection(latest["id"])
