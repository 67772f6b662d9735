"""Opening an up-to-date workspace does not import sqlite-utils; a pending step or a helper still gets it."""

from __future__ import annotations

import os
import subprocess
import sys

from inspector.core.store import Store, paths
from inspector.core.store.migrations import migrations

OPEN_AND_LIST = (
    "import sys\n"
    "from inspector.core.store import Store, paths\n"
    "store = Store.open(paths.workspace(sys.argv[1]))\n"
    "store.set_setting('seen', 1)\n"  # a write (columns, audit) needs no sqlite-utils either
    "print(store.setting('seen'), 'sqlite_utils' in sys.modules)\n"
    "store.close()\n"
)


def _open_in_child(name: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST, name],
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_opening_an_up_to_date_workspace_does_not_import_sqlite_utils():
    Store.open(paths.workspace("lazy")).close()  # created here: every step applied
    assert _open_in_child("lazy") == ["1", "False"]


def test_a_new_workspace_runs_its_steps_through_sqlite_utils():
    assert _open_in_child("fresh") == ["1", "True"]


def test_the_registry_hands_sqlite_utils_the_same_steps_in_order():
    real = migrations.to_sqlite_utils()
    assert [m.name for m in real._migrations] == migrations.names()
    assert [m.fn for m in real._migrations] == [m.fn for m in migrations._migrations]
    assert real.name == migrations.name == "inspector"


def test_store_db_is_made_on_first_use(store):
    assert store._db is None
    store.db["scratch"].insert({"id": 1, "x": "a"}, pk="id")  # sqlite-utils' helpers still work
    assert store.db is store.db and store.db.conn is store.conn
    assert store.rows("SELECT x FROM scratch") == [{"x": "a"}]
