"""0008_sync on a database that already holds photos: the links hold, the same photo may now arrive twice."""

from __future__ import annotations

from sqlite_utils import Database

from inspector.core import demo
from inspector.core.store import Store, audit, paths
from inspector.core.store import db as dbmod
from inspector.core.store.migrations import migrations
from tests.core import ledger_support


def test_upgrade_keeps_photo_links_and_lets_a_photo_arrive_twice():
    workspace = paths.workspace("old").ensure()
    conn = dbmod.connect(workspace.db_path)
    migrations.apply(Database(conn), stop_before="0008_sync")
    old = Store(Database(conn), workspace)
    demo.seed(old, with_inspections=False)
    enterprise = ledger_support.enterprise(old)
    hazard = ledger_support.hazard(
        old, ledger_support.visit(old, enterprise["id"], "2026-03-01T02:00:00.000+00:00")
    )
    media = old.insert(
        "media",
        {
            "sha256": "ab" * 32,
            "rel_path": "ab/x.jpg",
            "mime": "image/jpeg",
            "size": 10,
            "origin_device": old.device_id,
        },
    )
    old.insert("finding_media", {"finding_id": hazard["finding_id"], "media_id": media["id"], "position": 0})
    conn.close()

    store = Store.open(workspace)
    assert "0008_sync" in dbmod.check_not_newer(workspace.db_path)
    assert store.rows("SELECT media_id FROM finding_media") == [{"media_id": media["id"]}]
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert audit.verify(store.conn).ok
    store.insert(  # the same file from another laptop: a second record of it
        "media",
        {
            "sha256": "ab" * 32,
            "rel_path": "ab/x.jpg",
            "mime": "image/jpeg",
            "size": 10,
            "origin_device": "other",
        },
    )
    assert store.row("SELECT count(*) AS n FROM media WHERE sha256=?", ["ab" * 32])["n"] == 2
    store.close()


def test_0012_gives_the_keys_and_conflicts_already_held_their_audit_entry():
    workspace = paths.workspace("older").ensure()
    conn = dbmod.connect(workspace.db_path)
    migrations.apply(Database(conn), stop_before="0012_sync_fixes")
    old = Store(Database(conn), workspace)
    demo.seed(old, with_inspections=False)
    with old.transaction():  # as the import wrote them before: straight into the tables
        conn.execute(
            "INSERT INTO sync_keys VALUES ('k1', 'i1', 'd1', 'PEM', '2026-01-01T00:00:00+00:00', 'me', 'explicit')"
        )
        conn.execute(
            "INSERT INTO sync_conflicts (id, table_name, record_id, office_version, field_version, kept, rule,"
            " bundle_id, at) VALUES ('c1', 'findings', 'f1', '{}', '{}', '{}', '规则', 'b1', '2026-01-01T00:00:00+00:00')"
        )
    conn.close()

    store = Store.open(workspace)
    assert "0012_sync_fixes" in dbmod.check_not_newer(workspace.db_path)
    report = audit.verify(store.conn)
    assert report.ok, [p.message for p in report.problems]
    assert [
        r["action"]
        for r in store.rows("SELECT action FROM audit_log WHERE table_name LIKE 'sync_%' ORDER BY seq")
    ] == [
        "migrate",
        "migrate",
    ]
    assert store.rows("SELECT * FROM sync_aliases") == []
