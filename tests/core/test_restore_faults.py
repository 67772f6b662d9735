"""Restoring a backup (issue 14 §4 and §1): over a damaged database, kept out of pruning, on the record."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from inspector.cli import main
from inspector.core import clock, profile, signing
from inspector.core.register import enterprises
from inspector.core.store import Store, backups, checkpoints, restores

pytestmark = pytest.mark.usefixtures("quick_keys")

PIN = "246810"


@pytest.fixture
def ticking(monkeypatch):
    """A clock that moves one minute on every reading: each backup gets a stamp of its own."""
    start = datetime(2030, 1, 1, 8, 0, tzinfo=UTC)
    counter = itertools.count()
    monkeypatch.setattr(clock, "now", lambda: start + timedelta(minutes=next(counter)))


def _change(store, phone):
    enterprise = store.row("SELECT * FROM enterprises ORDER BY id LIMIT 1")
    enterprises.update(store, enterprise["id"], {**enterprise, "phone": phone})


def _manual_backup(workspace):
    return next(p for p in backups.all_backups(workspace.backups_dir) if p.name.endswith("-manual.db"))


def _corrupt_the_audit_log_root_page(path):
    """As the reviewer did: overwrite the first bytes of the audit_log table's root page."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='audit_log'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\xff" * 64)


def test_restore_over_a_corrupt_database_keeps_it_aside_and_restores(demo_store, ticking, capsys):
    workspace = demo_store.workspace
    assert main(["backup"]) == 0
    manual = _manual_backup(workspace)
    _change(demo_store, "13800000000")
    demo_store.close()  # the last connection: the -wal is folded into the file
    _corrupt_the_audit_log_root_page(workspace.db_path)
    damaged_bytes = workspace.db_path.read_bytes()
    with pytest.raises(SystemExit, match="2"):  # the damage is found on opening …
        main(["audit", "verify"])
    assert f"inspector restore {manual}" in capsys.readouterr().err
    assert main(["restore", str(manual)]) == 0  # … and the command it names repairs it (no --force needed)
    out = capsys.readouterr().out
    [said] = [line for line in out.splitlines() if line.startswith("当前数据库已损坏")]
    assert "未比较审计链，直接恢复" in said  # the damage said on one line
    [kept] = (workspace.backups_dir / "damaged").iterdir()
    assert str(kept) in out and kept.read_bytes() == damaged_bytes  # the raw file, byte for byte
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "审计链完整" in out and f"从 {manual} 恢复" in out and str(kept) in out
    for _ in range(12):  # later backups never prune the damaged copy
        assert main(["backup"]) == 0
    assert kept.read_bytes() == damaged_bytes


def test_a_database_error_during_restore_is_a_clear_message_not_a_traceback(demo_store, monkeypatch, capsys):
    from inspector.core.store import restore

    def broken(*args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(restore, "restore", broken)
    assert main(["backup"]) == 0
    demo_store.close()
    capsys.readouterr()
    assert main(["restore", str(_manual_backup(demo_store.workspace))]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：恢复失败") and "malformed" in err and "Traceback" not in err


def test_the_copy_before_a_restore_survives_later_backups(demo_store, ticking, capsys):
    workspace = demo_store.workspace
    assert main(["backup"]) == 0
    manual = _manual_backup(workspace)
    _change(demo_store, "13800000000")
    demo_store.close()
    assert main(["restore", "--force", str(manual)]) == 0
    [safety] = [p for p in backups.all_backups(workspace.backups_dir) if "before-restore" in p.name]
    for _ in range(12):
        assert main(["backup"]) == 0
    kept = backups.all_backups(workspace.backups_dir)
    assert safety in kept
    assert len([p for p in kept if p.name.endswith("-manual.db")]) == backups.KEEP_OTHER


def test_a_forced_restore_is_recorded_and_audit_verify_names_the_discarded_range(demo_store, ticking, capsys):
    workspace = demo_store.workspace
    signer = signing.signer_for(demo_store, profile.profile(demo_store)["id"], PIN)
    _change(demo_store, "13700000000")
    early = checkpoints.take_for(demo_store, signer, "finish")  # stays valid: below the discarded range
    assert main(["backup"]) == 0
    manual = _manual_backup(workspace)
    kept_head = checkpoints.head(demo_store.conn)[0]
    for phone in ("13800000001", "13800000002", "13800000003"):
        _change(demo_store, phone)
    late = checkpoints.take_for(demo_store, signer, "export")  # anchors what the restore discards
    _change(demo_store, "13800000004")
    lost_head = checkpoints.head(demo_store.conn)[0]
    demo_store.close()
    capsys.readouterr()

    assert main(["restore", "--force", str(manual)]) == 0
    out = capsys.readouterr().out
    assert f"第 {kept_head + 1}–{lost_head} 条审计记录被本次恢复丢弃" in out
    [aside] = workspace.logs_dir.glob(restores.SET_ASIDE_GLOB)
    assert str(aside) in out
    assert [c.seq for c in checkpoints.from_file(aside)] == [early.seq, late.seq]  # the whole file, kept
    assert [c.seq for c in checkpoints.from_file(workspace.logs_dir / checkpoints.FILE_NAME)] == [early.seq]

    store = Store.open(workspace)
    [record] = restores.records(store.conn)
    assert record.discarded == (kept_head + 1, lost_head)
    assert record.actor == profile.profile(store)["name"]  # who
    assert record.details["source"] == str(manual) and record.details["forced"] is True
    entry = store.row("SELECT * FROM audit_log WHERE record_id=?", [record.key])
    assert entry["action"] == "restore" and entry["seq"] == kept_head + 1  # on the chain itself
    _change(store, "13600000000")  # work goes on: the new entries reuse the discarded numbers
    store.close()

    assert main(["audit", "verify"]) == 0  # deliberate and on record: information, not a failure
    out = capsys.readouterr().out
    assert "审计链完整" in out
    when = clock.local(record.at).strftime("%Y-%m-%d %H:%M:%S")
    assert f"第 {kept_head + 1}–{lost_head} 条在 {when} 被恢复操作丢弃（恢复自 {manual}" in out
    assert "1 个签名检查点" in out
    assert f"已锚定：第 1–{early.seq} 条" in out


def test_a_checkpoint_file_moved_aside_by_hand_still_catches_an_older_copy(demo_store, ticking, capsys):
    workspace = demo_store.workspace
    signer = signing.signer_for(demo_store, profile.profile(demo_store)["id"], PIN)
    assert main(["backup"]) == 0
    manual = _manual_backup(workspace)
    _change(demo_store, "13800000001")
    _change(demo_store, "13800000002")
    checkpoints.take_for(demo_store, signer, "export")
    demo_store.close()
    db_path = workspace.db_path
    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).unlink(missing_ok=True)
    db_path.write_bytes(manual.read_bytes())  # an older copy put back without `inspector restore`
    anchors = workspace.logs_dir / checkpoints.FILE_NAME
    anchors.replace(anchors.with_name("checkpoints-before-restore-20300101T000000Z.jsonl"))
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "检查点文件 checkpoints-before-restore-20300101T000000Z.jsonl 中的" in out
    assert "数据库被恢复为更早的副本" in out and "恢复记录" not in out


def test_a_corrupt_database_whose_checkpoints_went_further_is_restored_on_record(demo_store, ticking, capsys):
    workspace = demo_store.workspace
    signer = signing.signer_for(demo_store, profile.profile(demo_store)["id"], PIN)
    assert main(["backup"]) == 0
    manual = _manual_backup(workspace)
    kept_head = checkpoints.head(demo_store.conn)[0]
    _change(demo_store, "13800000001")
    checkpoints.take_for(demo_store, signer, "export")  # anchors entries the backup does not have
    demo_store.close()
    _corrupt_the_audit_log_root_page(workspace.db_path)
    capsys.readouterr()
    assert main(["restore", str(manual)]) == 0
    assert f"第 {kept_head + 1} 条起审计记录被本次恢复丢弃" in capsys.readouterr().out
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert f"第 {kept_head + 1} 条起的记录（原数据库无法读出，止于第几条不明）在" in out
    assert "原数据库已损坏，原样保存在" in out and "1 个签名检查点" in out
