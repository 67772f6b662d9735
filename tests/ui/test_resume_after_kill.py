"""Kill the app (SIGKILL) in the middle of a run of answers: every answer shown as saved is there,
and the next start offers the draft exactly as it was."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from inspector.core import profile
from inspector.core.capture import inspections
from inspector.core.checklists.library import load_for_workspace
from inspector.core.store import Store, paths

CHILD = Path(__file__).with_name("kill_child.py")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_answers_shown_as_saved_survive_sigkill_and_the_draft_is_offered(qtbot, demo_store, monkeypatch):
    library = load_for_workspace(paths.workspace())
    checklist = library.get("hazchem")
    enterprise = demo_store.row("SELECT id FROM enterprises WHERE sector='hazchem' LIMIT 1")["id"]
    people = [profile.profile(demo_store)["id"], profile.roster(demo_store)[1]["id"]]
    draft = inspections.start(demo_store, enterprise, [checklist], "暗访", people, "罐区")
    demo_store.close()

    child = subprocess.Popen(
        [sys.executable, str(CHILD), draft["id"]],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    saved, found = [], []
    try:
        for line in child.stdout:
            if line.startswith("SAVED"):
                saved.append(line.split()[1:])
            if line.startswith("FINDING"):
                found.append(line.split()[1:])
            if len(saved) >= 25 or line.startswith("DONE"):
                break
        child.send_signal(signal.SIGKILL)  # mid-run: the child is answering the next items right now
    finally:
        child.kill()
        child.wait(10)
    assert len(saved) >= 25, "the child did not get far enough"
    assert len(saved) < len(checklist.items), "the kill must land in the middle of the run"

    store = Store.open(paths.workspace())
    answers = inspections.answers_of(store, draft["id"])
    for snapshot_id, item_id, expected in saved:
        assert answers[(snapshot_id, item_id)]["result"] == expected, item_id
    assert len(found) >= 2, "the child should have saved findings by autosave before the kill"
    for snapshot_id, item_id, spot in found:
        assert inspections.finding_for(store, draft["id"], snapshot_id, item_id)["spot"] == spot

    # The next start offers the draft and opens it exactly as it was.
    from inspector.ui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    window = MainWindow(store, paths.workspace())
    qtbot.addWidget(window)
    window.offer_drafts()
    runner = window.inspections.runner
    assert runner is not None and runner.inspection["id"] == draft["id"]
    assert runner.model.counts()["answered"] == len(answers) >= len(saved)
    store.close()
