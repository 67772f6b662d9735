"""Storage faults are never silent: lost, damaged, read-only, full, newer and restored databases."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3

import pytest

from inspector.cli import main
from inspector.core.register import enterprises
from inspector.core.store import ReadOnlyError, StorageFullError, Store, audit, backups, db, paths
from inspector.core.store.lock import WorkspaceLock
from tests.core.test_audit import dump_hash


def _files(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def _file_dump(path) -> str:
    conn = sqlite3.connect(db.read_only_uri(path), uri=True)
    try:
        return dump_hash(conn)
    finally:
        conn.close()


# -- a lost database -------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["emptied", "deleted"])
def test_a_lost_database_of_a_used_workspace_is_an_error_naming_file_and_backup(demo_store, how, capsys):
    workspace = demo_store.workspace
    demo_store.close()
    last = backups.latest(workspace)
    assert last is not None  # the day's backup, taken on opening
    for side in ("-wal", "-shm"):
        workspace.db_path.with_name(workspace.db_path.name + side).unlink(missing_ok=True)
    if how == "emptied":
        workspace.db_path.write_bytes(b"")
    else:
        workspace.db_path.unlink()
    before = _files(workspace.root)
    with pytest.raises(db.MissingDatabaseError) as caught:
        Store.open(workspace)
    message = str(caught.value)
    assert str(workspace.db_path) in message and str(last) in message and "不会新建空数据库" in message
    with pytest.raises(SystemExit, match="2"):
        main(["audit", "verify"])
    assert "inspector restore" in capsys.readouterr().err
    assert _files(workspace.root) == before  # nothing created, nothing changed


def test_a_new_workspace_still_gets_a_new_database(workspace):
    workspace.db_path.write_bytes(b"")  # e.g. created by a crash before its first write
    store = Store.open(workspace)
    assert store.rows("SELECT count(*) AS n FROM audit_log") == [{"n": 0}]
    store.close()
    assert workspace.marker_path.exists()


# -- a damaged database ----------------------------------------------------------------------------------


def _mismatch_an_index(path):
    """An index whose entries no longer match its table: quick_check passes, integrity_check does not."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute(
        "UPDATE sqlite_master SET sql='CREATE INDEX enterprises_name ON enterprises(address)'"
        " WHERE name='enterprises_name'"
    )
    conn.commit()
    conn.close()


def test_integrity_check_in_audit_verify_names_the_last_backup(demo_store, capsys):
    demo_store.close()
    _mismatch_an_index(demo_store.workspace.db_path)
    before = _file_dump(demo_store.workspace.db_path)
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "数据库文件已损坏" in out and f"inspector restore {backups.latest(demo_store.workspace)}" in out
    assert _file_dump(demo_store.workspace.db_path) == before


def test_a_corrupt_page_is_reported_on_open_with_the_last_backup(demo_store):
    workspace = demo_store.workspace
    demo_store.close()
    raw = bytearray(workspace.db_path.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    raw[page * 3 : page * 3 + 200] = b"\xff" * 200  # the b-tree header of page 4
    workspace.db_path.write_bytes(bytes(raw))
    before = _files(workspace.root)
    with pytest.raises(db.CorruptDatabaseError, match="已损坏") as caught:
        Store.open(workspace)
    assert str(backups.latest(workspace)) in str(caught.value)
    assert _files(workspace.root) == before


# -- backups ---------------------------------------------------------------------------------------------


def test_one_daily_backup_a_day_and_only_the_last_ones_kept(workspace):
    Store.open(workspace).close()
    Store.open(workspace).close()
    assert [p.name.endswith("-daily.db") for p in backups.all_backups(workspace.backups_dir)] == [True]
    for day in range(1, 12):  # older ones, and a copy a crash left half-written
        shutil.copy(
            backups.latest(workspace), workspace.backups_dir / f"inspector-202601{day:02d}T080000Z-daily.db"
        )
    (workspace.backups_dir / "inspector-20260101T090000Z-daily.db.part").write_bytes(b"half")
    backups.prune(workspace.backups_dir)
    kept = backups.all_backups(workspace.backups_dir)
    assert len(kept) == backups.KEEP_DAILY
    assert kept[-1].name == "inspector-20260106T080000Z-daily.db"
    assert not list(workspace.backups_dir.glob("*.part"))


def test_a_full_disk_during_a_backup_says_where_and_how_much_and_leaves_no_part(store, tmp_path, monkeypatch):
    target = tmp_path / "backups" / "x.db"

    def full(self, dest, *args, **kwargs):
        dest.execute("CREATE TABLE t (x)")
        raise sqlite3.OperationalError("database or disk is full")

    class Conn:
        backup = full

        def __getattr__(self, name):
            return getattr(store.conn, name)

    with pytest.raises(backups.DiskFullError) as caught:
        backups.make(Conn(), target)
    message = str(caught.value)
    assert "磁盘空间不足" in message and str(target.parent) in message and "MB" in message
    assert list(target.parent.iterdir()) == []


CREATE_FIELDS = (
    "name",
    "code",
    "sector",
    "region",
    "address",
    "legal_rep",
    "legal_rep_title",
    "phone",
    "notes",
)


def test_a_full_disk_on_a_write_is_a_clear_error_and_changes_nothing(demo_store):
    pages = demo_store.conn.execute("PRAGMA page_count").fetchone()[0]
    demo_store.conn.execute(f"PRAGMA max_page_count={pages}")  # the disk is full: not one page more
    before = dump_hash(demo_store.conn)
    enterprise = demo_store.row("SELECT * FROM enterprises ORDER BY id LIMIT 1")
    with pytest.raises(StorageFullError) as caught, demo_store.transaction():
        for n in range(500):  # each within the field limits; together more than the free pages hold
            values = {**enterprise, "name": f"{enterprise['name']}分厂{n}", "code": "", "notes": "备注" * 400}
            enterprises.create(demo_store, {k: v for k, v in values.items() if k in CREATE_FIELDS})
    assert "磁盘空间不足" in str(caught.value) and str(demo_store.workspace.root) in str(caught.value)
    assert dump_hash(demo_store.conn) == before
    assert not demo_store.conn.in_transaction


def test_backup_and_restore_commands(demo_store, capsys):
    workspace = demo_store.workspace
    assert main(["backup"]) == 0
    made = backups.all_backups(workspace.backups_dir)
    manual = next(p for p in made if p.name.endswith("-manual.db"))
    enterprise = demo_store.row("SELECT * FROM enterprises ORDER BY id LIMIT 1")
    enterprises.update(demo_store, enterprise["id"], {**enterprise, "phone": "13800000000"})
    demo_store.close()
    capsys.readouterr()
    # over newer data: refused, nothing changed
    before = _file_dump(workspace.db_path)
    assert main(["restore", str(manual)]) == 2
    err = capsys.readouterr().err
    assert "当前数据库比备份新" in err and "--force" in err
    assert _file_dump(workspace.db_path) == before
    # not a database: refused with the file named
    junk = workspace.root / "junk.db"
    junk.write_text("not sqlite")
    assert main(["restore", str(junk)]) == 2
    assert str(junk) in capsys.readouterr().err
    # the app open on the workspace: refused
    with WorkspaceLock(workspace.root) as app:
        assert app.acquire()
        assert main(["restore", "--force", str(manual)]) == 2
        assert "正在使用中" in capsys.readouterr().err
    # forced: restored, the current one kept aside
    assert main(["restore", "--force", str(manual)]) == 0
    out = capsys.readouterr().out
    assert "原数据库已另存为" in out
    restored = Store.open(workspace)
    assert restored.get("enterprises", enterprise["id"])["phone"] == enterprise["phone"]
    assert audit.verify(restored.conn).ok
    restored.close()
    safety = next(p for p in backups.all_backups(workspace.backups_dir) if "before-restore" in p.name)
    assert _file_dump(safety) == before


# -- read-only and newer files ---------------------------------------------------------------------------


def test_a_read_only_workspace_opens_read_only_and_says_so_on_writing(demo_store, monkeypatch, capsys):
    workspace = demo_store.workspace
    demo_store.close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode & os.W_OK else real_access(p, mode))
    before = _files(workspace.root)
    store = Store.open(workspace)
    assert store.read_only
    assert store.row("SELECT count(*) AS n FROM enterprises")["n"] > 0
    enterprise = store.row("SELECT * FROM enterprises ORDER BY id LIMIT 1")
    with pytest.raises(ReadOnlyError, match="只读"):
        enterprises.update(store, enterprise["id"], {**enterprise, "phone": "13800000000"})
    store.close()
    assert main(["enterprises", "list"]) == 0
    assert "只读" in capsys.readouterr().err
    assert _files(workspace.root) == before


def test_a_newer_database_with_a_wal_is_refused_without_checkpointing_it(tmp_path):
    path = tmp_path / "inspector.db"
    Store.open_file(path).close()
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('inspector', '0099_future', 'x')"
    )
    writer.commit()
    crashed = tmp_path / "copy"  # as a crash leaves it: the newest data only in the -wal
    crashed.mkdir()
    for name in ("inspector.db", "inspector.db-wal"):
        shutil.copy(tmp_path / name, crashed / name)
    writer.close()
    before = _files(crashed)
    with pytest.raises(db.NewerDatabaseError, match="0099_future"):
        Store.open_file(crashed / "inspector.db")
    after = _files(crashed)
    assert {k: v for k, v in after.items() if k != "inspector.db-shm"} == before


def test_workspace_lock_is_one_holder_at_a_time(workspace):
    first = WorkspaceLock(workspace.root)
    second = WorkspaceLock(workspace.root)
    assert first.acquire()
    assert not second.acquire()
    assert f"进程 {os.getpid()}" in second.holder()
    first.release()
    assert second.acquire()
    second.release()
    assert paths.workspace().root == workspace.root


def test_a_full_disk_while_copying_a_photo_leaves_no_part_and_names_the_folder(
    demo_store, tmp_path, monkeypatch
):
    import errno

    from inspector.core.capture import media
    from tests.core.test_documents_support import photo

    source = photo(tmp_path, "现场.jpg")

    def full(fd):  # the copy's bytes are written, then the disk turns out full when they are flushed
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(media.os, "fsync", full)
    before = dump_hash(demo_store.conn)
    with pytest.raises(StorageFullError) as caught:
        media.add_file(demo_store, source)
    assert "磁盘空间不足" in str(caught.value) and str(media.media_root(demo_store)) in str(caught.value)
    assert not list(media.media_root(demo_store).rglob("*.part"))
    assert dump_hash(demo_store.conn) == before


def test_a_failed_daily_backup_is_said_not_swallowed(workspace, monkeypatch, capsys):
    import errno

    def full(conn, path):
        raise backups.DiskFullError(errno.ENOSPC, backups.disk_full_message(path.parent, 10 * 2**20))

    monkeypatch.setattr(backups, "make", full)
    store = Store.open(workspace)
    assert len(store.warnings) == 1 and "自动备份没有完成" in store.warnings[0]
    assert str(workspace.backups_dir) in store.warnings[0]
    store.close()
    assert main(["enterprises", "list"]) == 0
    assert "注意：今天的自动备份没有完成" in capsys.readouterr().err


def test_the_backup_named_for_restoring_is_the_newest_sound_one(workspace):
    Store.open(workspace).close()
    good = backups.latest(workspace)
    broken = workspace.backups_dir / "inspector-29991231T000000Z-daily.db"  # newer, but damaged
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert backups.all_backups(workspace.backups_dir)[0] == broken
    assert backups.latest(workspace) == good


def test_a_damaged_file_is_said_in_one_line_naming_the_backup(tmp_path):
    class Damaged:  # what PRAGMA quick_check returns for a damaged page: lines inside one row
        def execute(self, sql):
            return [
                ("*** in database main ***\nPage 47: btreeInitPage() returns error code 11",),
                ("row 3 missing",),
            ]

    (tmp_path / "inspector-20261130T000000Z-daily.db").write_bytes(b"")
    with pytest.raises(db.DatabaseError) as refused:
        db.quick_check(Damaged(), tmp_path / "inspector.db", tmp_path)
    message = str(refused.value)
    assert "\n" not in message and "*** in database main *** Page 47: btreeInitPage()" in message
    assert "; row 3 missing" in message and "inspector restore" in message
