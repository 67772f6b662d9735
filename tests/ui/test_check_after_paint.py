"""The app paints first, then runs quick_check and the day's backup; a damaged file is still refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from inspector.core.store import Store, backups, db

# The app as a user starts it, with the refusal printed instead of shown, and (for a sound file) quit
# right after the checks it runs once the window has painted.
START = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMessageBox\n"
    "from inspector.core.store import Store\n"
    "def critical(parent, title, text, *args, **kwargs):\n"
    "    print('REFUSED ' + text)\n"
    "    return QMessageBox.StandardButton.Ok\n"
    "QMessageBox.critical = staticmethod(critical)\n"
    "check_now = Store.check_now\n"
    "def checked(self):\n"
    "    check_now(self)\n"
    "    print('CHECKED')\n"
    "    QApplication.instance().exit(0)\n"
    "Store.check_now = checked\n"
    "import inspector.app as app\n"
    "after_paint = app._check_after_paint\n"
    "app._check_after_paint = lambda *args: (print('AFTER PAINT'), after_paint(*args))\n"
    "from inspector.cli import main\n"
    "print('CODE', main([]))\n"
)


def _start():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("INSPECTOR_QUIT_AFTER_PAINT", None)
    return subprocess.run([sys.executable, "-c", START], capture_output=True, text=True, env=env, timeout=180)


def _damage(path, where):
    """Overwrite the start of one page: page 4 (read at start), or the last page of the photos table, which
    nothing reads until a photo is shown. Not simply the file's last page: in some seedings that is a page of
    an audit index, which the sync status on the home page reads."""
    if where == "early":
        page = 4
    else:
        conn = db.sqlite3.connect(path)
        page = conn.execute("SELECT max(pageno) FROM dbstat WHERE name = 'media'").fetchone()[0]
        conn.close()
    raw = bytearray(path.read_bytes())
    page_size = int.from_bytes(raw[16:18], "big")
    start = (page - 1) * page_size  # dbstat counts pages from 1
    raw[start : start + 200] = b"\xff" * 200
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize("where", ["early", "late"])
def test_the_app_refuses_a_damaged_database_naming_the_backup(demo_store, where):
    workspace = demo_store.workspace
    demo_store.close()
    _damage(workspace.db_path, where)
    before = workspace.db_path.read_bytes()
    out = _start()
    assert "CODE 2" in out.stdout, out.stdout + out.stderr
    refused = [line for line in out.stdout.splitlines() if line.startswith("REFUSED ")]
    assert refused and "已损坏" in refused[0], out.stdout
    assert f"inspector restore {backups.latest(workspace)}" in refused[0]
    assert workspace.db_path.read_bytes() == before  # nothing written
    if where == "late":  # read by nothing the first paint needs: found by the check after it
        assert out.stdout.index("AFTER PAINT") < out.stdout.index("REFUSED")


def test_the_app_checks_after_its_first_paint_and_makes_the_days_backup(demo_store):
    workspace = demo_store.workspace
    demo_store.close()
    shutil.rmtree(workspace.backups_dir)
    out = _start()
    assert "CHECKED" in out.stdout and "CODE 0" in out.stdout, out.stdout + out.stderr
    assert out.stdout.index("AFTER PAINT") < out.stdout.index("CHECKED")
    assert [p.name.endswith("-daily.db") for p in backups.all_backups(workspace.backups_dir)] == [True]


def test_open_checks_unless_asked_to_wait_and_never_waits_before_a_schema_step(workspace, monkeypatch):
    Store.open(workspace).close()  # a new file: created, checked, backed up
    ran = []
    real = db.quick_check
    monkeypatch.setattr(db, "quick_check", lambda *args: ran.append(1) or real(*args))
    Store.open(workspace).close()  # what the CLI and every other caller do
    assert ran == [1]
    later = Store.open(workspace, check_later=True)
    assert ran == [1]
    later.check_now()
    later.check_now()  # once
    assert ran == [1, 1]
    later.close()
    pending = db.known_steps()[-1]
    conn = db.sqlite3.connect(workspace.db_path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name=?", [pending])
    conn.commit()
    conn.close()
    assert not db.deferrable(workspace.db_path)
    monkeypatch.setattr(db.migrations, "apply", lambda database: None)  # the step itself is not the point
    Store.open(workspace, check_later=True).close()
    assert ran == [1, 1, 1]


def test_a_damaged_file_is_refused_by_check_now_with_the_backup(demo_store, capsys):
    from inspector.cli import main

    workspace = demo_store.workspace
    demo_store.close()
    _damage(workspace.db_path, "late")  # a page no command needs: only the check on open finds it
    with pytest.raises(SystemExit) as exited:
        main(["ledger", "list", "--json"])  # the CLI checks on open
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "已损坏" in err and f"inspector restore {backups.latest(workspace)}" in err
    with pytest.raises(db.CorruptDatabaseError, match="已损坏") as caught:
        Store.open(workspace)  # the CLI's way: refused on open
    assert str(backups.latest(workspace)) in str(caught.value)
    store = Store.open(workspace, check_later=True)
    with pytest.raises(db.CorruptDatabaseError, match="已损坏"):
        store.check_now()
    store.close()
