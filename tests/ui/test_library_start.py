"""A large user checklist folder never holds up the window: it is read in the background."""

from inspector.core.checklists.library import load_bundled
from inspector.ui import main_window
from tests import hostile
from tests.core.checklist_samples import VALID, variant, write


def test_a_large_user_folder_is_read_after_the_window_opens(qtbot, demo_store, workspace, monkeypatch):
    monkeypatch.setattr(main_window, "BACKGROUND_LIBRARY_BYTES", 0)  # any user file counts as large
    own = variant("id: coal-mine", "id: my-own-checklist", VALID)
    write(workspace.checklists_dir, "mine.yaml", own)
    write(workspace.checklists_dir, "bomb.yaml", hostile.alias_bomb())  # refused, never walked
    window = main_window.MainWindow(demo_store, workspace)
    qtbot.addWidget(window)
    window.show()
    bundled = {c.id for c in load_bundled()}
    assert {c.id for c in window.library} <= bundled  # the window is up before the folder is read
    qtbot.waitUntil(lambda: window.library.get("my-own-checklist") is not None, timeout=20_000)
    assert window.checklists.library is window.library and window.inspections.library is window.library
    assert [p.name for p, _ in window.library.rejected] == ["bomb.yaml"]
    window.close()
