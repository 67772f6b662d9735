"""One window per workspace, and a read-only workspace says so at the top of the window."""

from __future__ import annotations

import os

from inspector.core.store import Store
from inspector.core.store.lock import WorkspaceLock
from inspector.ui.single_instance import ELSEWHERE, FIRST, HANDED_OVER, SingleInstance


def test_a_second_start_brings_the_first_window_forward(qtbot, workspace):
    first = SingleInstance(workspace.root)
    assert first.claim() == FIRST
    first.listen()  # the app listens from its first paint
    second = SingleInstance(workspace.root)
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.claim() == HANDED_OVER
    first.release()
    third = SingleInstance(workspace.root)
    assert third.claim() == FIRST  # the first closed: the next start is first again
    third.release()


def test_a_second_start_waits_for_a_first_window_still_starting(qtbot, workspace, monkeypatch):
    from PySide6.QtCore import QTimer

    from inspector.ui import single_instance

    first = SingleInstance(workspace.root)
    assert first.claim() == FIRST  # not listening yet: its window has not painted
    QTimer.singleShot(300, first.listen)
    waits = []
    real_sleep = single_instance.time.sleep

    def sleep(seconds):  # let the first's timer fire while the second waits
        waits.append(seconds)
        qtbot.wait(int(seconds * 1000))

    monkeypatch.setattr(single_instance.time, "sleep", sleep)
    second = SingleInstance(workspace.root)
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.claim() == HANDED_OVER
    assert waits, "the second start should have waited for the first to listen"
    monkeypatch.setattr(single_instance.time, "sleep", real_sleep)
    first.release()


def test_a_workspace_locked_without_a_window_is_said_to_be_open_elsewhere(qtbot, workspace):
    with WorkspaceLock(workspace.root, "restore") as other:
        assert other.acquire()
        instance = SingleInstance(workspace.root)
        assert instance.claim() == ELSEWHERE
        assert "inspector restore" in instance.holder() and f"进程 {os.getpid()}" in instance.holder()


def test_a_read_only_workspace_shows_a_banner(qtbot, demo_store, monkeypatch):
    from inspector.ui.main_window import MainWindow

    workspace = demo_store.workspace
    demo_store.close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode & os.W_OK else real_access(p, mode))
    store = Store.open(workspace)
    window = MainWindow(store, workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.read_only_banner.isVisible()
    assert str(workspace.root) in window.read_only_banner.text()
    window.grab().save(str(workspace.root.parent / "read-only.png"))
    window.close()
    store.close()
