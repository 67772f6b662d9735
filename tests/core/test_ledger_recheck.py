"""Re-check end to end in core: listing, outcomes, the 整改复查意见书 issued, every hazard moved."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from inspector.core import clock, ledger, profile
from inspector.core.documents import issue
from inspector.core.ledger import recheck
from inspector.core.ledger.lifecycle import LedgerError
from inspector.core.store import audit
from tests.core.test_documents_support import needs_poppler, pdf_text, photo


@pytest.fixture
def notice(demo_store, finished):
    return issue(demo_store, "notice", finished["id"])


def _people(store):
    return [profile.profile(store)["id"], profile.roster(store)[0]["id"]]


def test_a_recheck_lists_the_notices_hazards_first_and_moves_each(demo_store, finished, notice, tmp_path):
    s = demo_store
    enterprise_id = finished["enterprise_id"]
    rc = recheck.start(s, enterprise_id, _people(s), original=notice["number_text"])
    assert rc["original_number"] == notice["number_text"] and rc["status"] == "draft"
    finding_ids = [
        f["id"]
        for f in s.rows(
            "SELECT id FROM findings WHERE inspection_id=? AND deleted_at IS NULL ORDER BY created_at, rowid",
            [finished["id"]],
        )
    ]
    listed = [i["finding_id"] for i in rc["items"]]
    assert listed[: len(finding_ids)] == [
        p["finding_id"] for p in __import__("json").loads(notice["content"])["problems"]
    ]
    first, second, third = rc["items"][:3]
    with pytest.raises(LedgerError, match="未填写复查结论"):
        recheck.finish(s, rc["id"])
    recheck.record(
        s, rc["id"], first["hazard_id"], rectified=True, note="已考核合格", photos=[photo(tmp_path, "a.jpg")]
    )
    with pytest.raises(LedgerError, match="晚于复查日期") as refused:
        recheck.record(s, rc["id"], second["hazard_id"], rectified=False, new_deadline=date.today())
    assert refused.value.field == "new_deadline"
    later = date.today() + timedelta(days=10)
    recheck.record(s, rc["id"], second["hazard_id"], rectified=False, note="仍未如实记录", new_deadline=later)
    for item in rc["items"][2:]:
        recheck.record(s, rc["id"], item["hazard_id"], rectified=True)
    assert recheck.items(s, rc["id"])[0]["photos"]
    options = recheck.issue_options(s, rc["id"])
    assert options["options"]["outcomes"][second["finding_id"]] == {
        "rectified": False,
        "observed": "仍未如实记录",
    }
    document = recheck.finish(s, rc["id"])
    assert document["kind"] == "recheck" and "应急复查" in document["number_text"] and document["pdf"]
    assert s.get("hazards", first["hazard_id"])["status"] == "verified"
    moved = s.get("hazards", second["hazard_id"])
    assert (moved["status"], moved["deadline"]) == ("open", later.isoformat())
    assert s.get("hazards", third["hazard_id"])["status"] == "verified"
    assert ledger.history(s, first["hazard_id"])[-1]["recheck_id"] == rc["id"]
    assert recheck.get(s, rc["id"])["status"] == "finished"
    assert recheck.finish(s, rc["id"])["id"] == document["id"]  # again: nothing issued twice
    assert audit.verify(s.conn).ok
    with pytest.raises(LedgerError, match="已经结束"):
        recheck.record(s, rc["id"], first["hazard_id"], rectified=True)


@needs_poppler
def test_the_opinion_says_which_were_rectified(demo_store, finished, notice, tmp_path):
    s = demo_store
    rc = recheck.start(s, finished["enterprise_id"], _people(s))  # the latest notice by default
    assert rc["original_id"] == notice["id"]
    for n, item in enumerate(rc["items"]):
        if n == 0:
            recheck.record(
                s,
                rc["id"],
                item["hazard_id"],
                rectified=False,
                note="仍未考核",
                new_deadline=date.today() + timedelta(days=5),
            )
        else:
            recheck.record(s, rc["id"], item["hazard_id"], rectified=True)
    text = pdf_text(recheck.finish(s, rc["id"])["pdf"], tmp_path)
    assert "整改复查意见书" in text and notice["number_text"] in text
    assert "复查情况：未整改，仍未考核" in text and "复查情况：已整改" in text


def test_a_recheck_before_the_notice_was_issued_is_refused(demo_store, finished, notice, monkeypatch):
    issued = clock.local_date(notice["issued_at"])
    day_before = datetime.combine(issued - timedelta(days=1), datetime.min.time()).replace(tzinfo=UTC)
    monkeypatch.setattr(clock, "now", lambda: day_before + timedelta(hours=12))
    before = demo_store.row("SELECT count(*) AS n FROM inspections")["n"]
    with pytest.raises(LedgerError, match="不能早于") as refused:
        recheck.start(demo_store, finished["enterprise_id"], _people(demo_store))
    assert refused.value.field == "checked_on"
    assert demo_store.row("SELECT count(*) AS n FROM inspections")["n"] == before


def test_refusals_for_missing_notices_and_inspectors(demo_store, finished, notice):
    other = demo_store.row("SELECT id FROM enterprises WHERE name='尉犁县罗布人铁矿'")["id"]
    with pytest.raises(LedgerError, match="没有已出具的责令限期整改指令书"):
        recheck.start(demo_store, other, _people(demo_store))
    with pytest.raises(LedgerError, match="不是出具给这家单位的"):
        recheck.start(demo_store, other, _people(demo_store), original=notice["id"])
    with pytest.raises(LedgerError, match="不得少于两人") as refused:
        recheck.start(demo_store, finished["enterprise_id"], _people(demo_store)[:1])
    assert refused.value.field == "inspectors"
    assert not demo_store.rows("SELECT id FROM rechecks")


def test_the_apps_route_preview_issue_then_apply(demo_store, finished, notice):
    """As the document window does it: options → preview → issue → apply_outcomes."""
    from inspector.core.documents import preview

    s = demo_store
    rc = recheck.start(s, finished["enterprise_id"], _people(s), original=notice["id"])
    options = recheck.issue_options(s, rc["id"])  # finishes the visit: documents need a finished one
    assert preview(s, options["kind"], options["inspection_id"], **options["options"]).startswith(b"%PDF")
    for item in rc["items"]:
        recheck.record(s, rc["id"], item["hazard_id"], rectified=True, note="已整改")
    options = recheck.issue_options(s, rc["id"])
    assert {o["observed"] for o in options["options"]["outcomes"].values()} == {""}  # not 「已整改，已整改」
    document = issue(s, options["kind"], options["inspection_id"], **options["options"])
    recheck.apply_outcomes(s, rc["id"], document["id"])
    assert {s.get("hazards", i["hazard_id"])["status"] for i in rc["items"]} == {"verified"}
    assert recheck.get(s, rc["id"])["document_id"] == document["id"]
