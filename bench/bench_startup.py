"""App start to first paint (offscreen), as whole processes, vs a bare PySide6 script that shows a
QMainWindow (goal ≤ 1.5×).

Both quit right after their window's first paint: the app through ``INSPECTOR_QUIT_AFTER_PAINT``, the
bare script through the same event filter. The app opens a set-up workspace with the demo data (the
home page's figures, drafts and hazards due come from it); the package is byte-compiled first, as an
installed app is.
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
from pathlib import Path

from bench._harness import Result, compare

WORKSPACE = "bench-startup"

BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "class FirstPaint(QObject):\n"
    "    def eventFilter(self, watched, event):\n"
    "        if event.type() == QEvent.Paint:\n"
    "            QTimer.singleShot(0, QApplication.instance().quit)\n"
    "        return False\n"
    "app = QApplication(sys.argv[:1])\n"
    "window = QMainWindow()\n"
    "window.resize(1280, 720)\n"
    "quitter = FirstPaint(window)\n"
    "window.installEventFilter(quitter)\n"
    "window.show()\n"
    "sys.exit(app.exec())\n"
)


def _process(*args: str):
    from inspector.app import QUIT_AFTER_PAINT

    env = {**os.environ, QUIT_AFTER_PAINT: "1", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    def run() -> None:
        subprocess.run(
            [sys.executable, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )

    return run


def run() -> list[Result]:
    import inspector
    from inspector.core import demo
    from inspector.core.store import Store, paths

    compileall.compile_dir(Path(inspector.__file__).parent, quiet=1)
    store = Store.open(paths.workspace(WORKSPACE))
    demo.seed(store)
    store.close()
    return [
        compare(
            "app start to first paint vs bare PySide6 QMainWindow",
            _process("-m", "inspector", "--workspace", WORKSPACE),
            _process("-c", BARE_WINDOW),
            goal=1.5,
            rounds=7,
            note="whole processes, offscreen, demo data",
        )
    ]
