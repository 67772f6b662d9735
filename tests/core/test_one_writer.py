"""One writer at a time: reads that decide a write happen under the write lock; waits are announced."""

from __future__ import annotations

import threading

import pytest

from inspector.core import profile, signing
from inspector.core.capture import inspections
from inspector.core.store import Store, audit


def _answer_from_another_program(workspace, inspection_id, sid, item, result, said, outcome):
    """Another connection (another window or a CLI) answering; it tells when it has to wait."""
    other = Store.open(workspace)
    other.on_wait = said.append
    try:
        outcome.append(inspections.answer(other, inspection_id, sid, item, result))
    except Exception as exc:  # reported to the test thread
        outcome.append(exc)
    finally:
        other.close()


def test_two_first_answers_at_once_become_an_insert_and_an_update(
    workspace, demo_store, inspection, mini_checklist
):
    sid = mini_checklist.content_hash
    said: list[str] = []
    outcome: list = []
    with demo_store.transaction():
        inspections.answer(demo_store, inspection["id"], sid, "T-001", "pass")  # not committed yet
        worker = threading.Thread(
            target=_answer_from_another_program,
            args=(workspace, inspection["id"], sid, "T-001", "na", said, outcome),
        )
        worker.start()
        while worker.is_alive() and not said:  # until the other one waits for our write lock
            worker.join(0.01)
    worker.join()
    assert not isinstance(outcome[0], Exception), outcome[0]
    assert said and "正在写入工作区" in said[0] and str(workspace.root) in said[0]
    rows = demo_store.rows("SELECT * FROM answers WHERE inspection_id=?", [inspection["id"]])
    assert [r["result"] for r in rows] == ["na"]  # the second answer updated the first
    logged = demo_store.rows(
        "SELECT action FROM audit_log WHERE table_name='answers' AND record_id=? ORDER BY seq",
        [rows[0]["id"]],
    )
    assert [r["action"] for r in logged] == ["answer", "answer"]
    assert audit.verify(demo_store.conn).ok


@pytest.mark.usefixtures("quick_keys")
def test_finishing_with_the_pin_takes_a_checkpoint(demo_store, inspection):
    inspections.finish(demo_store, inspection["id"])
    assert demo_store.rows("SELECT * FROM checkpoints") == []  # no PIN given: no checkpoint
    second = inspections.start(
        demo_store,
        inspection["enterprise_id"],
        inspections.checklists_of(demo_store, inspection["id"]),
        "例行检查",
        [p["inspector_id"] for p in inspections.inspectors_of(demo_store, inspection["id"])],
    )
    signer = signing.signer_for(demo_store, profile.profile(demo_store)["id"], "135790")
    inspections.finish(demo_store, second["id"], signer=signer)
    [checkpoint] = demo_store.rows("SELECT * FROM checkpoints")
    assert checkpoint["reason"] == "finish" and checkpoint["inspector_id"] == signer.inspector_id
    assert audit.verify(demo_store.conn).anchored_through == checkpoint["seq"]


def test_a_long_write_tells_the_waiting_writer_what_it_waits_for(
    workspace, demo_store, inspection, mini_checklist
):
    sid = mini_checklist.content_hash
    said: list[str] = []
    outcome: list = []
    with demo_store.announce("导入企业名单（100000 行）"), demo_store.transaction():
        inspections.answer(demo_store, inspection["id"], sid, "T-002", "pass")
        worker = threading.Thread(
            target=_answer_from_another_program,
            args=(workspace, inspection["id"], sid, "T-003", "pass", said, outcome),
        )
        worker.start()
        while worker.is_alive() and not said:
            worker.join(0.01)
    worker.join()
    assert not isinstance(outcome[0], Exception), outcome[0]
    assert "导入企业名单（100000 行）" in said[0]
    assert not (workspace.logs_dir / "writing.json").exists()
