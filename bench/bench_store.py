"""Saving one answer through the store vs a bare sqlite3 insert+commit at the same durability."""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

from bench._harness import Result, compare
from inspector.core import demo
from inspector.core.store import Store, paths
from inspector.core.store import db as dbmod


def run() -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="bench-store-", dir=os.environ.get("INSPECTOR_HOME")))
    store = Store.open(paths.Workspace(folder / "ws"))
    demo.seed(store)
    enterprise = store.row("SELECT id FROM enterprises LIMIT 1")["id"]
    inspection = store.insert(
        "inspections",
        {"enterprise_id": enterprise, "kind": "例行检查", "started_at": "2026-01-01T00:00:00+00:00"},
    )
    store.insert(
        "checklist_snapshots",
        {
            "id": "s",
            "checklist_id": "c",
            "version": "1",
            "title": "t",
            "sector": "general",
            "content": "{}",
            "created_at": "x",
        },
    )
    bare = dbmod.connect(folder / "bare.db")
    bare.execute(
        "CREATE TABLE answers (id TEXT PRIMARY KEY, inspection_id TEXT, item_id TEXT, result TEXT,"
        " answered_at TEXT)"
    )
    bare.commit()
    counter = itertools.count()

    def through_store():
        n = next(counter)
        store.insert(
            "answers",
            {
                "inspection_id": inspection["id"],
                "snapshot_id": "s",
                "item_id": f"i{n}",
                "result": "pass",
                "answered_at": "2026-01-01T00:00:00+00:00",
            },
        )

    def bare_insert():
        n = next(counter)
        bare.execute(
            "INSERT INTO answers VALUES (?, ?, ?, ?, ?)",
            (f"b{n}", inspection["id"], f"i{n}", "pass", "2026-01-01T00:00:00+00:00"),
        )
        bare.commit()

    result = compare(
        "save one answer: store vs bare sqlite3 (WAL, synchronous=FULL)",
        through_store,
        bare_insert,
        goal=2.0,
        rounds=9,
        number=20,
    )
    store.close()
    bare.close()
    return [result]
