"""Pictures of the field app's main screens in a language and at a display scale, to look at before merging.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py OUT_DIR [--lang zh_CN] [--scale 1.5]

Works in a throw-away INSPECTOR_HOME: the demo workspace with one draft inspection of the hazchem
checklist, a few answers and a failed major item. Writes runner.png, finish.png, profile.png,
first_run.png, home.png, runner_measure.png at a 1366×768 screen (at --scale 1.5 the windows are 1366/1.5 × 768/1.5 points,
the pictures still 1366×768 pixels).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ["INSPECTOR_HOME"] = tempfile.mkdtemp(prefix="inspector-shots-")
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from inspector.app import install_translators
    from inspector.core import demo, profile
    from inspector.core.capture import inspections
    from inspector.core.checklists.library import load_for_workspace
    from inspector.core.store import Store, paths
    from inspector.ui.style import FOCUS_FRAMES

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(FOCUS_FRAMES)
    install_translators(app, args.lang)
    width, height = round(1366 / args.scale), round(768 / args.scale)

    def shoot(widget, name, size=None):
        if size:
            widget.resize(*size)
        widget.show()
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(args.out / name))
        print(args.out / name)

    fresh = Store.open(paths.workspace("fresh"))
    from inspector.ui.first_run import FirstRunDialog

    first = FirstRunDialog(fresh)
    shoot(first, "first_run.png")
    first.close()

    workspace = paths.demo_workspace()
    store = Store.open(workspace)
    demo.seed(store)
    library = load_for_workspace(workspace)
    enterprise = store.row("SELECT id FROM enterprises WHERE name='库尔勒金泰化工有限责任公司'")
    people = [profile.profile(store)["id"], profile.roster(store)[0]["id"]]
    draft = inspections.start(store, enterprise["id"], [library.get("hazchem")], "例行检查", people, "罐区")

    from inspector.ui.main_window import MainWindow

    window = MainWindow(store, workspace)
    shoot(window, "home.png", (width, height))
    window._open_inspection(draft["id"])
    runner = window.inspections.runner
    for result in ("pass", "pass", "na", "pass"):
        runner.answer_current(result)
    runner.answer_current("fail")
    runner.editor.spot.setEditText("2号罐区东侧")
    runner.editor.save()
    shoot(window, "runner.png", (width, height))

    measured = next((r for r in runner.model.rows if r.item.measure is not None), None)
    if measured is not None:  # pass without a reading: the reason shows next to the field
        runner.go_to(measured.snapshot_id, measured.item.id)
        runner.answer_current("pass")
        shoot(window, "runner_measure.png", (width, height))

    from inspector.ui.runner.finish_dialog import FinishDialog

    finish = FinishDialog(runner.finish_problems(), window)
    finish.resize(min(700, width), min(520, height))
    shoot(finish, "finish.png")
    finish.close()

    from inspector.ui.profile_dialog import ProfileDialog

    details = ProfileDialog(store, window)
    shoot(details, "profile.png")
    details.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
