"""Every lifecycle step, the refused ones and why, the transitions table and the audit trail."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.core import ledger, profile
from inspector.core.ledger import lifecycle
from inspector.core.ledger.lifecycle import LedgerError
from inspector.core.store import audit
from tests.core.ledger_support import enterprise, hazard, visit

TODAY = date(2026, 3, 10)


@pytest.fixture
def one(ledger_store):
    inspection = visit(ledger_store, enterprise(ledger_store)["id"], "2026-02-01T02:00:00.000+00:00")
    return hazard(ledger_store, inspection, spot="2号罐区", deadline="2026-03-01")


def _status(store, hazard_id):
    return store.get("hazards", hazard_id)["status"]


def test_the_whole_way_open_in_progress_rectified_verified(ledger_store, one, tmp_path):
    from tests.core.test_documents_support import photo

    ledger.start(ledger_store, one["id"], "企业已安排检修")
    assert _status(ledger_store, one["id"]) == "in_progress"
    ledger.report(ledger_store, one["id"], "已更换报警探头", photos=[photo(tmp_path, "fixed.jpg")])
    assert _status(ledger_store, one["id"]) == "rectified"
    assert ledger_store.get("hazards", one["id"])["rectified_at"]
    ledger.verify(ledger_store, one["id"], recheck_id="rc-1", note="现场确认")
    row = ledger_store.get("hazards", one["id"])
    assert row["status"] == "verified" and row["verified_at"]
    steps = ledger.history(ledger_store, one["id"])
    assert [(s["action"], s["from_status"], s["to_status"]) for s in steps] == [
        ("start", "open", "in_progress"),
        ("report", "in_progress", "rectified"),
        ("verify", "rectified", "verified"),
    ]
    assert steps[1]["reason"] == "已更换报警探头" and len(steps[1]["photos"]) == 1
    assert all(s["actor"] == ledger_store.actor and s["at"] for s in steps)
    assert steps[0]["actor_name"] == profile.profile(ledger_store)["name"]
    actions = [
        r["action"]
        for r in ledger_store.rows(
            "SELECT action FROM audit_log WHERE table_name='hazards' AND record_id=? ORDER BY seq",
            [one["id"]],
        )
    ]
    assert actions[1:] == [
        "ledger:start:企业已安排检修",
        "ledger:report:已更换报警探头",
        "ledger:verify:现场确认",
    ]
    assert audit.verify(ledger_store.conn).ok


def test_report_straight_from_open_and_reject_back_to_open_with_a_new_deadline(ledger_store, one):
    ledger.report(ledger_store, one["id"], "已整改")
    ledger.reject(ledger_store, one["id"], "rc-1", deadline="2026-04-01", note="仍有泄漏", today=TODAY)
    row = ledger_store.get("hazards", one["id"])
    assert (row["status"], row["deadline"], row["rectified_at"]) == ("open", "2026-04-01", None)
    assert ledger.history(ledger_store, one["id"])[-1]["deadline"] == "2026-04-01"


def test_listing_is_set_by_hand_and_lifted_only_by_closing(ledger_store, one):
    hazard_row = ledger_store.get("hazards", one["id"])
    assert ledger.listing_suggested(hazard_row, TODAY)  # overdue since 2026-03-01
    with pytest.raises(LedgerError, match="督办单位") as refused:
        ledger.list_supervision(
            ledger_store, one["id"], body=" ", reason="逾期", deadline="2026-04-01", today=TODAY
        )
    assert refused.value.field == "body"
    with pytest.raises(LedgerError, match="理由"):
        ledger.list_supervision(
            ledger_store, one["id"], body="县安委办", reason="", deadline="2026-04-01", today=TODAY
        )
    with pytest.raises(LedgerError, match="不能早于今天"):
        ledger.list_supervision(
            ledger_store, one["id"], body="县安委办", reason="逾期", deadline="2026-03-01", today=TODAY
        )
    with pytest.raises(LedgerError, match="日期"):
        ledger.list_supervision(
            ledger_store, one["id"], body="县安委办", reason="逾期", deadline="明天", today=TODAY
        )
    assert ledger_store.get("hazards", one["id"])["listed_supervision"] == 0  # refusals changed nothing
    ledger.list_supervision(
        ledger_store, one["id"], body="县安委办", reason="逾期未整改", deadline="2026-04-15", today=TODAY
    )
    row = ledger_store.get("hazards", one["id"])
    assert (row["listed_supervision"], row["supervision_deadline"], row["deadline"]) == (
        1,
        "2026-04-15",
        "2026-04-15",
    )
    assert not ledger.listing_suggested(row, TODAY)
    with pytest.raises(LedgerError, match="已挂牌督办"):
        ledger.list_supervision(
            ledger_store, one["id"], body="市安委办", reason="x", deadline="2026-05-01", today=TODAY
        )
    step = ledger.history(ledger_store, one["id"])[-1]
    assert (step["listing_body"], step["reason"], step["deadline"]) == (
        "县安委办",
        "逾期未整改",
        "2026-04-15",
    )
    ledger.reject(ledger_store, one["id"], "rc-1", deadline="2026-05-01", today=TODAY)
    assert ledger_store.get("hazards", one["id"])["supervision_deadline"] == "2026-05-01"
    ledger.verify(ledger_store, one["id"], "rc-2")
    assert ledger_store.get("hazards", one["id"])["listed_supervision"] == 0


def test_major_hazards_are_suggested_for_listing(ledger_store):
    inspection = visit(ledger_store, enterprise(ledger_store)["id"], "2026-02-01T02:00:00.000+00:00")
    major = hazard(ledger_store, inspection, grade="major", deadline="2026-12-01")
    assert ledger.listing_suggested(ledger_store.get("hazards", major["id"]), TODAY)


@pytest.mark.parametrize(
    ("steps", "action", "message"),
    [
        ([], "verify", "销号须经复查"),
        ([], "reject", "须经复查"),
        (["start"], "start", "只有待整改的隐患才能开始整改"),
        (["report"], "start", "只有待整改的隐患才能开始整改"),
        (["report"], "report", "等待复查"),
        (["report", "verify"], "report", "已复查销号"),
        (["report", "verify"], "start", "已复查销号"),
        (["report", "verify"], "reject", "已复查销号"),
        (["report", "verify"], "verify", "已复查销号"),
        (["report", "verify"], "list", "已复查销号"),
    ],
)
def test_refused_transitions_say_why_and_change_nothing(ledger_store, one, steps, action, message):
    do = {
        "start": lambda rc=None: ledger.start(ledger_store, one["id"]),
        "report": lambda rc=None: ledger.report(ledger_store, one["id"], "已整改"),
        "verify": lambda rc="rc": ledger.verify(ledger_store, one["id"], rc),
        "reject": lambda rc="rc": ledger.reject(
            ledger_store, one["id"], rc, deadline="2026-05-01", today=TODAY
        ),
        "list": lambda rc=None: ledger.list_supervision(
            ledger_store, one["id"], body="县安委办", reason="x", deadline="2026-05-01", today=TODAY
        ),
    }
    for step in steps:
        do[step]()
    before = ledger_store.get("hazards", one["id"])
    transitions = len(ledger.history(ledger_store, one["id"]))
    with pytest.raises(LedgerError, match=message):
        do[action](None) if action in ("verify", "reject") else do[action]()
    assert ledger_store.get("hazards", one["id"]) == before
    assert len(ledger.history(ledger_store, one["id"])) == transitions


def test_a_report_needs_text_and_a_reject_needs_a_later_deadline(ledger_store, one):
    with pytest.raises(LedgerError, match="整改情况报告") as refused:
        ledger.report(ledger_store, one["id"], "  ")
    assert refused.value.field == "report"
    with pytest.raises(LedgerError, match="晚于复查日期"):
        ledger.reject(ledger_store, one["id"], "rc", deadline=TODAY, today=TODAY)
    with pytest.raises(LedgerError, match="请填写新的整改期限"):
        ledger.reject(ledger_store, one["id"], "rc", deadline=None, today=TODAY)
    with pytest.raises(LedgerError, match="没有这条隐患"):
        ledger.start(ledger_store, "nope")


def test_overdue_follows_from_the_deadline_and_today():
    assert lifecycle.is_overdue("open", "2026-03-01", date(2026, 3, 2))
    assert not lifecycle.is_overdue("open", "2026-03-01", date(2026, 3, 1))  # the deadline day itself
    assert lifecycle.is_overdue("in_progress", "2026-03-01", date(2026, 4, 1))
    assert not lifecycle.is_overdue("rectified", "2026-03-01", date(2026, 4, 1))
    assert not lifecycle.is_overdue("verified", "2026-03-01", date(2026, 4, 1))
    assert not lifecycle.is_overdue("open", None, date(2026, 4, 1))
