"""The main window: a navigation list on the left, one page per task on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core import profile
from inspector.core.paths import Workspace
from inspector.core.store import Store


class HomePage(QWidget):
    def __init__(self, store: Store, workspace: Workspace, parent=None):
        super().__init__(parent)
        me = profile.profile(store) or {}
        count = store.row("SELECT count(*) AS n FROM enterprises WHERE deleted_at IS NULL")["n"]
        title = QLabel(self.tr("Welcome, %1").replace("%1", me.get("name", "")))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        details = QLabel(
            self.tr("Certificate %1 · %2").replace("%1", me.get("cert_no", "")).replace("%2", me.get("organisation", ""))
        )
        stats = QLabel(self.tr("%n enterprise(s) registered", "", count))
        where = QLabel(self.tr("Workspace: %1").replace("%1", str(workspace.root)))
        where.setTextInteractionFlags(Qt.TextSelectableByMouse)
        where.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        for widget in (title, details, stats):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(where)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.store = store
        self.workspace = workspace
        self.setWindowTitle(self.tr("Inspector — work-safety inspection"))
        self.resize(1280, 720)
        self.nav = QListWidget(objectName="nav")
        self.nav.setFixedWidth(150)
        self.pages = QStackedWidget()
        self.add_page(self.tr("Home"), HomePage(store, workspace))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def add_page(self, title: str, page: QWidget) -> None:
        self.nav.addItem(title)
        self.pages.addWidget(page)
