"""Re-check fixes from review: only the cited notice's hazards, drafts resumed or discarded, closed hazards
refused, superseded notices refused, bad photos refused without writing anything."""

from __future__ import annotations

import json

import pytest

from inspector.core import profile
from inspector.core.documents import issue
from inspector.core.ledger import lifecycle, recheck
from inspector.core.ledger.lifecycle import LedgerError
from inspector.core.store import audit


@pytest.fixture
def notice(demo_store, finished):
    return issue(demo_store, "notice", finished["id"])


def _people(store):
    return [profile.profile(store)["id"], profile.roster(store)[0]["id"]]


def _open_of(store, enterprise_id):
    return {
        r["id"]
        for r in store.rows(
            "SELECT id FROM hazards WHERE enterprise_id=? AND status != 'verified' AND deleted_at IS NULL",
            [enterprise_id],
        )
    }


def test_a_recheck_decides_only_the_hazards_its_opinion_lists(demo_store, finished, notice):
    s = demo_store
    before = _open_of(s, finished["enterprise_id"])
    rc = recheck.start(s, finished["enterprise_id"], _people(s), original=notice["id"])
    cited = [p["finding_id"] for p in json.loads(notice["content"])["problems"]]
    assert [i["finding_id"] for i in rc["items"]] == cited
    others = before - {i["hazard_id"] for i in rc["items"]}
    assert others, "the demo enterprise has hazards of other visits"
    for item in rc["items"]:
        recheck.record(s, rc["id"], item["hazard_id"], rectified=True)
    document = recheck.finish(s, rc["id"])
    listed = {p["finding_id"] for p in json.loads(document["content"])["problems"]}
    closed = {
        r["hazard_id"]
        for r in s.rows("SELECT hazard_id FROM hazard_transitions WHERE recheck_id=?", [rc["id"]])
    }
    assert {s.get("hazards", h)["finding_id"] for h in closed} <= listed
    assert _open_of(s, finished["enterprise_id"]) == others  # the rest stays open


def test_apply_outcomes_moves_nothing_the_document_does_not_list(demo_store, finished, notice):
    s = demo_store
    rc = recheck.start(s, finished["enterprise_id"], _people(s), original=notice["id"])
    stray = next(iter(_open_of(s, finished["enterprise_id"]) - {i["hazard_id"] for i in rc["items"]}))
    # an old draft that listed a hazard of another visit
    s.insert("recheck_items", {"recheck_id": rc["id"], "hazard_id": stray, "position": 99})
    for item in recheck.items(s, rc["id"]):
        recheck.record(s, rc["id"], item["hazard_id"], rectified=True)
    recheck.finish(s, rc["id"])
    assert s.get("hazards", stray)["status"] != "verified"


def test_reopening_resumes_the_draft_with_its_outcomes(demo_store, finished, notice):
    s = demo_store
    visits = s.row("SELECT count(*) AS n FROM inspections")["n"]
    rc = recheck.start(s, finished["enterprise_id"], _people(s))
    first = rc["items"][0]
    recheck.record(s, rc["id"], first["hazard_id"], rectified=True, note="已考核")
    again = recheck.start(s, finished["enterprise_id"], _people(s))
    assert again["id"] == rc["id"] and again["items"][0]["rectified"] is True
    assert again["items"][0]["note"] == "已考核"
    assert s.row("SELECT count(*) AS n FROM inspections")["n"] == visits + 1


def test_a_stale_draft_cannot_record_or_issue_for_a_hazard_closed_since(demo_store, finished, notice):
    s = demo_store
    stale = recheck.start(s, finished["enterprise_id"], _people(s))
    first = stale["items"][0]
    recheck.record(s, stale["id"], first["hazard_id"], rectified=True)
    # the hazard is closed by another re-check meanwhile (e.g. one merged from another laptop)
    s.update("rechecks", stale["id"], {"status": "finished"})
    other = s.insert(
        "rechecks",
        {
            "enterprise_id": finished["enterprise_id"],
            "inspection_id": stale["inspection_id"],
            "original_id": notice["id"],
            "status": "finished",
            "checked_on": stale["checked_on"],
        },
    )
    lifecycle.verify(s, first["hazard_id"], other["id"], note="另一台电脑复查")
    s.update("rechecks", stale["id"], {"status": "draft"})
    with pytest.raises(LedgerError, match=first["description"]) as refused:
        recheck.record(s, stale["id"], first["hazard_id"], rectified=True)
    assert refused.value.field == "hazard"
    with pytest.raises(LedgerError, match="已在另一次复查中销号"):
        recheck.issue_options(s, stale["id"])
    with pytest.raises(LedgerError, match="已在另一次复查中销号"):
        recheck.finish(s, stale["id"])
    assert not s.rows("SELECT id FROM documents WHERE kind='recheck'")


def test_an_abandoned_draft_and_its_visit_can_be_discarded_audited(demo_store, finished, notice):
    s = demo_store
    rc = recheck.start(s, finished["enterprise_id"], _people(s))
    with pytest.raises(LedgerError, match="理由"):
        recheck.discard(s, rc["id"], " ")
    recheck.discard(s, rc["id"], "复查人员变更")
    assert recheck.draft_of(s, finished["enterprise_id"]) is None
    assert s.get("inspections", rc["inspection_id"])["deleted_at"]
    with pytest.raises(LedgerError, match="没有这次复查"):
        recheck.get(s, rc["id"])
    actions = [r["action"] for r in s.rows("SELECT action FROM audit_log WHERE record_id=?", [rc["id"]])]
    assert any(a.startswith("recheck:discard:复查人员变更") for a in actions)
    assert audit.verify(s.conn).ok
    fresh = recheck.start(s, finished["enterprise_id"], _people(s))
    assert fresh["id"] != rc["id"]


def test_a_superseded_notice_is_refused_naming_its_replacement(demo_store, finished, notice):
    s = demo_store
    new = issue(s, "notice", finished["id"], replaces=notice["number_text"])
    with pytest.raises(LedgerError, match=new["number_text"]) as refused:
        recheck.start(s, finished["enterprise_id"], _people(s), original=notice["number_text"])
    assert refused.value.field == "original"
    assert not s.rows("SELECT id FROM rechecks")
    assert recheck.start(s, finished["enterprise_id"], _people(s))["original_id"] == new["id"]


@pytest.mark.parametrize("kind", ["missing", "not an image"])
def test_a_bad_photo_is_a_ledger_error_and_nothing_is_written(demo_store, finished, notice, tmp_path, kind):
    s = demo_store
    bad = tmp_path / "x.jpg"
    if kind == "not an image":
        bad.write_text("nope")
    rc = recheck.start(s, finished["enterprise_id"], _people(s))
    item = rc["items"][0]
    with pytest.raises(LedgerError) as refused:
        recheck.record(s, rc["id"], item["hazard_id"], rectified=True, photos=[bad])
    assert refused.value.field == "photos" and "x.jpg" in str(refused.value)
    assert recheck.items(s, rc["id"])[0]["rectified"] is None
    with pytest.raises(LedgerError) as refused:
        lifecycle.report(s, item["hazard_id"], "已整改", photos=[bad])
    assert refused.value.field == "photos"
    assert s.get("hazards", item["hazard_id"])["status"] == "open"
    assert not s.rows("SELECT id FROM hazard_transitions WHERE hazard_id=?", [item["hazard_id"]])


def test_the_cli_refuses_a_bad_photo_with_a_message_and_writes_nothing(
    demo_store, finished, notice, tmp_path, capsys
):
    from inspector.cli import main

    s = demo_store
    rc = recheck.start(s, finished["enterprise_id"], _people(s))
    hazard_id = rc["items"][0]["hazard_id"]
    bad = tmp_path / "x.jpg"
    bad.write_text("nope")
    s.close()
    assert main(["ledger", "report", hazard_id, "--text", "已整改", "--photo", str(bad)]) == 1
    assert (
        main(
            [
                "ledger",
                "recheck",
                "record",
                rc["id"],
                hazard_id,
                "--rectified",
                "--photo",
                str(tmp_path / "none.jpg"),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "Traceback" not in err and "x.jpg" in err and "none.jpg" in err
    again = type(s).open(s.workspace)
    try:
        assert again.get("hazards", hazard_id)["status"] == "open"
        assert recheck.items(again, rc["id"])[0]["rectified"] is None
    finally:
        again.close()


def test_the_cli_resumes_and_discards_a_draft(demo_store, finished, notice, capsys):
    from inspector.cli import main

    s = demo_store
    rc = recheck.start(s, finished["enterprise_id"], _people(s))
    people = [a for p in _people(s) for a in ("--inspector", p)]
    s.close()
    assert (
        main(["ledger", "recheck", "start", "--enterprise", finished["enterprise_id"], *people, "--json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["id"] == rc["id"]  # the waiting draft, not a new one
    assert main(["ledger", "recheck", "discard", rc["id"], "--reason", "复查人员变更"]) == 0
    assert rc["id"] in capsys.readouterr().out
    assert main(["ledger", "recheck", "discard", rc["id"], "--reason", "again"]) == 1
    assert "没有这次复查" in capsys.readouterr().err
