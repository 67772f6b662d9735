"""Schema steps: fresh databases, upgrading a saved first-schema file, refusing newer files; durability."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from inspector.core.store import Store, audit, db
from inspector.core.store.migrations import migrations

FIRST_SCHEMA = Path(__file__).parent / "data" / "schema_0001.db"


def _applied(path):
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


def test_fresh_database_gets_every_step(tmp_path):
    store = Store.open_file(tmp_path / "new.db")
    store.close()
    assert _applied(tmp_path / "new.db") == db.known_steps()
    assert db.known_steps()[0] == "0001_initial"


def test_durability_settings_are_wal_and_full_sync(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_saved_first_schema_file_upgrades_with_its_data_and_a_backup(tmp_path):
    path = tmp_path / "inspector.db"
    shutil.copy(FIRST_SCHEMA, path)
    assert _applied(path) == ["0001_initial"]
    store = Store.open_file(path)
    try:
        assert _applied(path) == db.known_steps()
        assert store.row("SELECT name FROM enterprises")["name"] == "库尔勒金泰化工有限责任公司"
        assert store.actor == "insp-0001"
        indexes = {r["name"] for r in store.rows("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "hazards_status_deadline" in indexes
        assert audit.verify(store.conn).ok
    finally:
        store.close()
    backups = list(tmp_path.glob("inspector-*-before-0002_ledger_indexes.db"))
    assert len(backups) == 1
    assert _applied(backups[0]) == ["0001_initial"]


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "inspector.db"
    Store.open_file(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('inspector', '0099_future', 'x')"
    )
    conn.commit()
    conn.close()
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    with pytest.raises(db.NewerDatabaseError, match="0099_future"):
        Store.open_file(path)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    assert before == after


def test_a_failing_step_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "inspector.db"
    shutil.copy(FIRST_SCHEMA, path)

    def broken(database):
        database.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    original = list(migrations._migrations)
    monkeypatch.setattr(
        migrations, "_migrations", [original[0], migrations._Migration("0002_broken", broken)]
    )
    with pytest.raises(db.DatabaseError, match="boom"):
        Store.open_file(path)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "half_done" not in tables
    assert _applied(path) == ["0001_initial"]


def test_not_a_database_gets_a_clear_message(tmp_path):
    path = tmp_path / "inspector.db"
    path.write_text("hello, this is not sqlite")
    with pytest.raises(db.DatabaseError, match="不是可用的数据库文件"):
        Store.open_file(path)


def test_upgrading_keeps_the_chain_and_stores_its_hashes_as_bytes(tmp_path):
    path = tmp_path / "inspector.db"
    shutil.copy(FIRST_SCHEMA, path)
    conn = sqlite3.connect(path)
    old = conn.execute("SELECT seq, hash, digest FROM audit_log ORDER BY seq").fetchall()
    conn.close()
    store = Store.open_file(path)
    try:
        new = store.conn.execute("SELECT seq, hash, digest FROM audit_log ORDER BY seq").fetchall()
        assert [(s, h.hex(), d.hex() if d else None) for s, h, d in new] == old
        columns = {c[1]: c[2] for c in store.conn.execute("PRAGMA table_info(audit_log)")}
        assert columns["hash"] == columns["digest"] == "BLOB" and "prev_hash" not in columns
        assert store.rows("SELECT * FROM checkpoints") == []
        assert audit.verify(store.conn, integrity=True).ok
    finally:
        store.close()
