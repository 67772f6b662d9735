"""The window paints without the heavy libraries and without the pages nobody has opened yet."""

from __future__ import annotations

import os
import subprocess
import sys

from inspector.app import QUIT_AFTER_PAINT

HEAVY = ("reportlab", "pyhanko", "cryptography", "openpyxl", "PIL", "yaml", "sqlite_utils")
HEAVY_QT = ("PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtCharts", "PySide6.QtNetwork")
LATE_PAGES = ("ledger_page", "statistics_page", "sync_page", "settings_page", "checklists_page")
# Loaded on the first write, the first export or the first ledger query, not for the first paint.
LATE_CORE = (
    "inspector.core.store.audit",
    "inspector.core.store.checkpoints",
    "inspector.core.store.backups",
    "inspector.core.sync.export",
    "inspector.core.ledger.query",
)

START_AND_LIST = (
    "import sys\n"
    "from inspector.cli import main\n"
    "code = main([])\n"
    "print(code)\n"
    "print(' '.join(sorted(sys.modules)))\n"
)


def test_the_first_paint_loads_no_heavy_library_and_no_late_page(workspace):
    from inspector.core import demo
    from inspector.core.store import Store

    store = Store.open(workspace)
    demo.seed(store)  # set up (profile, register, inspections): the app goes straight to the window
    store.close()
    env = {**os.environ, QUIT_AFTER_PAINT: "1", "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", START_AND_LIST], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    code, modules = out.stdout.splitlines()[-2:]
    assert code == "0"
    loaded = set(modules.split())
    assert "inspector.ui.main_window" in loaded and "inspector.ui.home_page" in loaded  # it did open
    assert not {m.split(".")[0] for m in loaded} & set(HEAVY)
    assert not loaded & set(HEAVY_QT)
    assert not loaded & {f"inspector.ui.{page}" for page in LATE_PAGES}
    assert not loaded & set(LATE_CORE)


def test_pages_are_built_when_first_shown(qtbot, demo_store, workspace):
    from inspector.ui.main_window import MainWindow

    window = MainWindow(demo_store, workspace)
    qtbot.addWidget(window)
    window.show()
    assert list(window._built) == ["home"]  # the others are placeholders until shown
    assert window.pages.count() == window.nav.count() == 8
    placeholder = window.pages.widget(3)
    window.nav.setCurrentRow(3)  # the ledger, by its navigation entry
    assert window.pages.currentWidget() is window.ledger is window.pages.widget(3)
    assert window.ledger is not placeholder and window.pages.indexOf(placeholder) == -1
    assert window.show_page(window.sync) is None and window.pages.currentWidget() is window.sync
    assert window.nav.currentRow() == 6
    assert window.pages.count() == 8
    window.close()
