"""Signed checkpoints anchor the audit head: truncation, rewriting and older copies are named."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3

import pytest

from inspector.cli import main
from inspector.core import profile, signing
from inspector.core.documents.issue import issue
from inspector.core.documents.samples import sample_signatures
from inspector.core.register import enterprises
from inspector.core.store import audit, checkpoints
from tests.core.test_audit import dump_hash

pytestmark = pytest.mark.usefixtures("quick_keys")

PIN = "246810"


@pytest.fixture
def signer(demo_store):
    return signing.signer_for(demo_store, profile.profile(demo_store)["id"], PIN)


def _change_something(store, phone="13900000000"):
    enterprise = store.row("SELECT * FROM enterprises ORDER BY id LIMIT 1")
    enterprises.update(store, enterprise["id"], {**enterprise, "phone": phone})
    return enterprise["id"]


def _sql(store, statements):
    conn = sqlite3.connect(store.workspace.db_path)
    for sql, params in statements:
        conn.execute(sql, params)
    conn.commit()
    conn.close()


def _verify(store):
    before = dump_hash(store.conn)
    report = audit.verify(store.conn, audit.file_anchors(store.workspace.logs_dir / checkpoints.FILE_NAME))
    assert dump_hash(store.conn) == before  # checking changes nothing
    return report


def test_a_checkpoint_is_signed_kept_twice_and_anchors_the_chain(demo_store, signer):
    _change_something(demo_store)
    head = checkpoints.head(demo_store.conn)
    checkpoint = checkpoints.take_for(demo_store, signer, "finish")
    assert (checkpoint.seq, checkpoint.hash, checkpoint.device_id) == (*head, demo_store.device_id)
    assert checkpoints.take_for(demo_store, signer, "again") is None  # nothing new since: none taken
    stored = demo_store.row("SELECT * FROM checkpoints")
    assert checkpoints.Checkpoint.from_row(stored) == checkpoint
    [from_file] = checkpoints.from_file(demo_store.workspace.logs_dir / checkpoints.FILE_NAME)
    assert from_file == checkpoint
    _change_something(demo_store, "13700000000")
    report = _verify(demo_store)
    assert report.ok, report.problems
    assert report.anchored_through == checkpoint.seq
    assert report.unanchored == (checkpoint.seq + 1, report.entries)


def test_issuing_a_document_records_the_head_and_takes_a_checkpoint(demo_store, finished, signer, capsys):
    head = audit.head(demo_store.conn)
    doc = issue(demo_store, "notice", finished["id"], signatures=sample_signatures(), signer=signer)
    content = json.loads(doc["content"])
    assert content["audit_head"]["seq"] >= head["seq"]
    row = demo_store.row("SELECT hash FROM audit_log WHERE seq=?", [content["audit_head"]["seq"]])
    assert row["hash"].hex() == content["audit_head"]["hash"]
    [checkpoint] = demo_store.rows("SELECT * FROM checkpoints")
    assert checkpoint["reason"] == f"issue {doc['number_text']}"
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert f"已锚定：第 1–{checkpoint['seq']} 条" in out


def test_truncation_below_a_checkpoint_is_named(demo_store, finished, signer):
    doc = issue(demo_store, "notice", finished["id"], signatures=sample_signatures(), signer=signer)
    cut = json.loads(doc["content"])["audit_head"]["seq"] - 3
    _sql(demo_store, [("DELETE FROM audit_log WHERE seq > ?", [cut])])  # the newest records' trail, gone
    report = _verify(demo_store)
    messages = [p.message for p in report.problems]
    assert any(f"审计链只到第 {cut} 条，落后于" in m and "签名检查点" in m and "截断" in m for m in messages)
    assert any(f"落后于文书 {doc['number_text']}" in m for m in messages)
    assert any("工作区检查点文件" in m for m in messages)
    assert report.anchored_through == 0


def test_an_edited_and_rechained_record_below_a_checkpoint_is_named(demo_store, signer):
    enterprise_id = _change_something(demo_store)
    checkpoint = checkpoints.take_for(demo_store, signer, "finish")
    # Someone edits the enterprise, logs the new digest and recomputes the whole chain after it.
    _sql(demo_store, [("UPDATE enterprises SET name='改过的名字' WHERE id=?", [enterprise_id])])
    conn = sqlite3.connect(demo_store.workspace.db_path)
    conn.row_factory = sqlite3.Row
    record = dict(conn.execute("SELECT * FROM enterprises WHERE id=?", [enterprise_id]).fetchone())
    last = conn.execute(
        "SELECT max(seq) FROM audit_log WHERE table_name='enterprises' AND record_id=?", [enterprise_id]
    ).fetchone()[0]
    conn.execute("UPDATE audit_log SET digest=? WHERE seq=?", [bytes.fromhex(audit.row_digest(record)), last])
    prev = conn.execute("SELECT hash FROM audit_log WHERE seq=?", [last - 1]).fetchone()[0].hex()
    for entry in [
        dict(r) for r in conn.execute("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq", [last])
    ]:
        entry["digest"] = entry["digest"].hex() if entry["digest"] else None
        new = audit.chain_hash(prev, entry)
        conn.execute("UPDATE audit_log SET hash=? WHERE seq=?", [bytes.fromhex(new), entry["seq"]])
        prev = new
    conn.commit()
    conn.close()
    report = _verify(demo_store)
    messages = [p.message for p in report.problems]
    assert not any("内容被改动" in m or "在软件之外" in m for m in messages)  # the chain itself holds …
    assert any(
        f"第 {checkpoint.seq} 条审计记录的哈希与" in m and "重新计算了哈希链" in m for m in messages
    )  # … but not against what was signed
    assert report.anchored_through == 0


def test_a_restored_older_database_is_named(demo_store, signer, capsys):
    old_copy = demo_store.workspace.root / "old.db"
    dest = sqlite3.connect(old_copy)
    demo_store.conn.backup(dest)
    dest.close()
    _change_something(demo_store)
    checkpoints.take_for(demo_store, signer, "export")
    demo_store.close()
    db_path = demo_store.workspace.db_path
    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).unlink(missing_ok=True)
    shutil.copy(old_copy, db_path)
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "工作区检查点文件中的" in out and "数据库被恢复为更早的副本" in out


def test_a_forged_checkpoint_is_not_trusted(demo_store, signer):
    checkpoint = checkpoints.take_for(demo_store, signer, "finish")
    _sql(demo_store, [("UPDATE checkpoints SET seq=seq-1 WHERE id=?", [checkpoint.id])])
    messages = [p.message for p in audit.verify(demo_store.conn).problems]
    assert any("不可信：签名与内容不符" in m for m in messages)


def test_compare_a_checkpoint_the_office_received(demo_store, signer, tmp_path):
    _change_something(demo_store)
    taken = checkpoints.take_for(demo_store, signer, "export")
    assert checkpoints.latest(demo_store.conn) == taken
    received = checkpoints.Checkpoint.from_dict(taken.to_dict())
    assert checkpoints.compare(demo_store.conn, received).status == "anchored"
    forged = dataclasses.replace(received, seq=received.seq - 1)
    assert checkpoints.compare(demo_store.conn, forged).status == "unsigned"
    other = dataclasses.replace(received, device_id="another-laptop")
    assert checkpoints.compare(demo_store.conn, other).status == "foreign"
    # the laptop's database replaced by a copy from before the checkpoint
    copy = sqlite3.connect(tmp_path / "older.db")
    demo_store.conn.backup(copy)
    copy.execute("DELETE FROM audit_log WHERE seq > ?", [received.seq - 2])
    copy.commit()
    result = checkpoints.compare(copy, received)
    assert result.status == "behind" and f"第 {received.seq - 1}–{received.seq} 条" in result.message
    copy.close()
    # … or rewritten: the entry is there with another hash
    copy = sqlite3.connect(tmp_path / "rewritten.db")
    demo_store.conn.backup(copy)
    copy.execute("UPDATE audit_log SET hash=zeroblob(32) WHERE seq=?", [received.seq])
    copy.commit()
    result = checkpoints.compare(copy, received)
    assert result.status == "diverged" and "重新计算了哈希链" in result.message
    copy.close()


@pytest.mark.parametrize(
    ("change", "field"),
    [({"seq": "7"}, "seq"), ({"hash": "abc"}, "hash"), ({"format": 2}, "format"), ({"key_id": ""}, "key_id")],
)
def test_a_malformed_received_checkpoint_names_its_field(demo_store, signer, change, field):
    _change_something(demo_store)
    data = {**checkpoints.take_for(demo_store, signer, "export").to_dict(), **change}
    with pytest.raises(checkpoints.CheckpointError, match=field):
        checkpoints.Checkpoint.from_dict(data, "收到的检查点")
