"""Starting, answering, finishing and amending inspections."""

import json

import pytest

from inspector.cli import main
from inspector.core import profile
from inspector.core.capture import inspections
from inspector.core.capture.inspections import InspectionError
from inspector.core.store import audit


def _people(store):
    return [profile.profile(store)["id"], profile.roster(store)[0]["id"]]


def _enterprise(store):
    return store.row("SELECT id FROM enterprises WHERE name='库尔勒金泰化工有限责任公司'")["id"]


def test_start_needs_two_inspectors_a_checklist_and_a_known_kind(demo_store, mini_checklist):
    me = profile.profile(demo_store)["id"]
    before = demo_store.row("SELECT count(*) AS n FROM inspections")["n"]
    with pytest.raises(InspectionError, match="不得少于两人"):
        inspections.start(demo_store, _enterprise(demo_store), [mini_checklist], "例行检查", [me, me])
    with pytest.raises(InspectionError, match="至少选择一份检查表"):
        inspections.start(demo_store, _enterprise(demo_store), [], "例行检查", _people(demo_store))
    with pytest.raises(InspectionError, match="检查类型"):
        inspections.start(demo_store, _enterprise(demo_store), [mini_checklist], "闲逛", _people(demo_store))
    assert demo_store.row("SELECT count(*) AS n FROM inspections")["n"] == before


def test_start_records_inspectors_with_certificates_and_the_checklist_snapshot(
    demo_store, inspection, mini_checklist
):
    people = inspections.inspectors_of(demo_store, inspection["id"])
    assert [p["cert_no"] for p in people] == ["65280019001", "65280019002"]
    assert inspection["status"] == "draft" and inspection["started_at"].endswith("+00:00")
    [snapshot] = inspections.checklists_of(demo_store, inspection["id"])
    assert snapshot.content_hash == mini_checklist.content_hash
    assert [i.id for i in snapshot.items] == [i.id for i in mini_checklist.items]


def test_answers_are_upserted_and_measurements_decide_the_result(demo_store, inspection, mini_checklist):
    sid = mini_checklist.content_hash
    inspections.answer(demo_store, inspection["id"], sid, "T-001", "pass")
    inspections.answer(demo_store, inspection["id"], sid, "T-001", "na")
    within = inspections.answer(demo_store, inspection["id"], sid, "T-005", value=20)
    over = inspections.answer(demo_store, inspection["id"], sid, "T-006", "fail")
    assert within["result"] == "pass" and over["result"] == "fail"
    assert inspections.answer(demo_store, inspection["id"], sid, "T-005", value=31.5)["result"] == "fail"
    answers = inspections.answers_of(demo_store, inspection["id"])
    assert answers[(sid, "T-001")]["result"] == "na"
    assert len(answers) == 3
    with pytest.raises(InspectionError, match="不是测量项"):
        inspections.answer(demo_store, inspection["id"], sid, "T-001", value=3)
    with pytest.raises(InspectionError, match="没有条目"):
        inspections.answer(demo_store, inspection["id"], sid, "T-999", "pass")
    with pytest.raises(InspectionError, match="结论应为"):
        inspections.answer(demo_store, inspection["id"], sid, "T-001", "maybe")


def test_finished_inspection_changes_only_by_amendment_with_reason(demo_store, inspection, mini_checklist):
    sid = mini_checklist.content_hash
    inspections.answer(demo_store, inspection["id"], sid, "T-001", "pass")
    summary = inspections.finish(demo_store, inspection["id"])
    assert summary["answered"] == 1 and summary["items"] == 6
    assert inspections.get(demo_store, inspection["id"])["finished_at"]
    with pytest.raises(InspectionError, match="更正理由"):
        inspections.answer(demo_store, inspection["id"], sid, "T-001", "fail")
    inspections.answer(demo_store, inspection["id"], sid, "T-001", "fail", amendment="复核记录后更正")
    last = demo_store.row("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert last["action"] == "amend:answer:复核记录后更正"
    assert audit.verify(demo_store.conn).ok
    with pytest.raises(InspectionError, match="已经结束"):
        inspections.finish(demo_store, inspection["id"])


def test_old_inspection_opens_from_its_snapshot_after_the_checklist_is_gone(
    demo_store, tmp_path, mini_checklist
):
    from inspector.core.checklists.library import load_file

    changed = tmp_path / "changed.yaml"
    text = mini_checklist.path.read_text(encoding="utf-8").replace(
        "是否建立健全全员安全生产责任制", "改过的检查内容"
    )
    changed.write_text(text, encoding="utf-8")
    started = inspections.start(
        demo_store, _enterprise(demo_store), [load_file(changed)], "专项检查", _people(demo_store)
    )
    changed.unlink()
    inspections._snapshots.clear()
    [snapshot] = inspections.checklists_of(demo_store, started["id"])
    assert snapshot.items[0].content == "改过的检查内容"


def test_listing_and_cli_json_keys(demo_store, capsys):
    assert main(["inspections", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and set(rows[0]) == {
        "id",
        "enterprise_id",
        "enterprise",
        "kind",
        "checklists",
        "started_at",
        "finished_at",
        "failed",
        "major",
    }
    assert any(r["major"] > 0 for r in rows) and any(r["finished_at"] is None for r in rows)
    assert all(isinstance(r["checklists"], list) for r in rows)


def test_drafts_are_offered_newest_first(demo_store, inspection):
    assert inspections.drafts(demo_store)[0]["id"] == inspection["id"]


def test_demo_command_fills_the_workspace_and_uses_the_pin_for_keys(monkeypatch, capsys):
    from inspector.core import signing
    from inspector.core.store import Store, paths

    monkeypatch.setenv("INSPECTOR_PIN", "246810")
    assert main(["demo"]) == 0
    assert "演示数据" in capsys.readouterr().out
    store = Store.open(paths.workspace())
    try:
        me = profile.profile(store)
        assert signing.has_key(store, me["id"])
        signing.unlock(store, me["id"], "246810")
        counts = store.row(
            "SELECT (SELECT count(*) FROM inspections WHERE status='finished') AS finished,"
            " (SELECT count(*) FROM findings WHERE grade='major') AS major,"
            " (SELECT count(*) FROM findings WHERE grade='general') AS general,"
            " (SELECT count(*) FROM media) AS photos"
        )
        assert (
            counts["finished"] >= 4
            and counts["major"] >= 3
            and counts["general"] >= 3
            and counts["photos"] >= 5
        )
        assert audit.verify(store.conn).ok
    finally:
        store.close()
    assert main(["demo"]) == 0  # a second run adds no duplicate inspections
    assert "未重复添加" in capsys.readouterr().out
