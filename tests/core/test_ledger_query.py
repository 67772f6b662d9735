"""Ledger pages, counts, filters, sorting as a total order, keyset paging, overdue by date, search."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from inspector.core import ledger, profile
from inspector.core.ledger import index, query
from inspector.core.ledger.query import Filters
from tests.core.ledger_support import enterprise, hazard, visit

TODAY = date(2026, 3, 10)


@pytest.fixture
def sample(ledger_store):
    """Five hazards at two enterprises, known dates."""
    s = ledger_store
    chem = enterprise(s)["id"]
    mall = enterprise(s, "库尔勒天百商贸有限公司（天百购物中心）")["id"]
    colleague = profile.roster(s)[0]["id"]
    first = visit(s, chem, "2026-01-05T02:00:00.000+00:00")
    second = visit(s, mall, "2026-02-10T02:00:00.000+00:00", colleague)
    made = {
        "tank": hazard(
            s,
            first,
            spot="2号罐区",
            description="可燃气体报警装置未投用",
            grade="major",
            deadline="2026-02-01",
        ),
        "store": hazard(
            s, first, item="T-002", spot="危化品仓库", description="消防通道堵塞", deadline="2026-03-20"
        ),
        "exit": hazard(s, second, spot="一楼东侧", description="安全出口锁闭", deadline="2026-03-01"),
        "fire": hazard(
            s, second, item="T-003", spot="消防控制室", description="值班人员无证上岗", deadline="2026-03-09"
        ),
        "formula": hazard(
            s, second, item="T-004", spot="=SUM(A1)", description="-配电箱无门", deadline="2026-04-01"
        ),
    }
    ledger.report(s, made["exit"]["id"], "已整改")
    return made


def ids(rows):
    return [r["id"] for r in rows]


def test_every_live_hazard_is_in_the_ledger_with_its_fields(ledger_store, sample):
    rows = ledger.page(ledger_store, Filters(today=TODAY))
    assert len(rows) == 5 and ledger.count(ledger_store) == 5
    tank = query.hazard(ledger_store, sample["tank"]["id"], TODAY)
    assert tank["enterprise"] == "库尔勒金泰化工有限责任公司" and tank["found_on"] == "2026-01-05"
    assert (tank["status"], tank["status_label"], tank["grade_label"]) == ("open", "待整改", "重大事故隐患")
    assert tank["overdue"] and tank["overdue_days"] == 37 and tank["suggest_listing"]
    assert query.hazard(ledger_store, sample["exit"]["id"], TODAY)["status"] == "rectified"


def test_overdue_by_date_never_stored(ledger_store, sample):
    on = lambda day: set(ids(ledger.page(ledger_store, Filters(overdue=True, today=day))))  # noqa: E731
    assert on(date(2026, 2, 1)) == set()  # the deadline day itself is not overdue
    assert on(date(2026, 2, 2)) == {sample["tank"]["id"]}
    assert on(date(2026, 3, 10)) == {sample["tank"]["id"], sample["fire"]["id"]}  # exit is reported fixed
    assert ledger.count(ledger_store, Filters(overdue=True, today=date(2026, 3, 21))) == 3


def test_filters(ledger_store, sample):
    chem = enterprise(ledger_store)["id"]
    colleague = profile.roster(ledger_store)[0]["id"]
    cases = {
        Filters(statuses=("rectified",)): {"exit"},
        Filters(grades=("major",)): {"tank"},
        Filters(enterprise_id=chem): {"tank", "store"},
        Filters(inspector_id=colleague): {"exit", "fire", "formula"},
        Filters(found_from=date(2026, 2, 1)): {"exit", "fire", "formula"},
        Filters(found_to=date(2026, 1, 5)): {"tank", "store"},
        Filters(sectors=(enterprise(ledger_store)["sector"],)): {"tank", "store"},
        Filters(statuses=("open", "in_progress"), grades=("general",)): {"store", "fire", "formula"},
    }
    for filters, expected in cases.items():
        wanted = {sample[k]["id"] for k in expected}
        assert set(ids(ledger.page(ledger_store, filters))) == wanted, filters
        assert ledger.count(ledger_store, filters) == len(wanted), filters
    ledger.list_supervision(
        ledger_store, sample["store"]["id"], body="县安委办", reason="x", deadline="2026-12-01"
    )
    assert ids(ledger.page(ledger_store, Filters(listed=True))) == [sample["store"]["id"]]
    with pytest.raises(ledger.LedgerError, match="未知的状态"):
        ledger.page(ledger_store, Filters(statuses=("closed",)))
    with pytest.raises(ledger.LedgerError, match="不能按"):
        ledger.page(ledger_store, sort="colour")


@pytest.mark.parametrize("sort", sorted(query.SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_is_a_total_order_and_keyset_pages_add_up(ledger_store, sample, sort, descending):
    everything = ledger.page(ledger_store, sort=sort, descending=descending, limit=100)
    column = query.SORTS[sort]
    keys = [(r[column], r["n"]) for r in everything]
    assert keys == sorted(keys, reverse=descending) and len(set(keys)) == 5
    paged, after = [], None
    while True:
        rows = ledger.page(ledger_store, sort=sort, descending=descending, limit=2, after=after)
        paged += rows
        if len(rows) < 2:
            break
        after = rows[-1]
    assert ids(paged) == ids(everything)
    by_offset = [
        r
        for o in (0, 2, 4)
        for r in ledger.page(ledger_store, sort=sort, descending=descending, limit=2, offset=o)
    ]
    assert ids(by_offset) == ids(everything)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("罐", {"tank"}),  # one character
        ("消", {"store", "fire"}),
        ("消防", {"store", "fire"}),  # two characters
        ("罐区", {"tank"}),
        ("出口", {"exit"}),
        ("天百", {"exit", "fire", "formula"}),  # the enterprise's name
        ("报警装置", {"tank"}),  # longer: exact, not just its bigrams anywhere
        ("置报", set()),
        ("2号", {"tank"}),
        ("２号罐区", {"tank"}),  # full width typed
        ("sum", {"formula"}),
        ("消防 堵塞", {"store"}),  # all words
        ("无证上岗", {"fire"}),
        ("防火", set()),
    ],
)
def test_search_finds_one_two_and_more_characters(ledger_store, sample, text, expected, monkeypatch):
    wanted = {sample[k]["id"] for k in expected}
    assert set(ids(ledger.search(ledger_store, text))) == wanted
    assert ledger.count(ledger_store, Filters(search=text)) == len(wanted)
    assert set(ids(ledger.page(ledger_store, Filters(search=text), sort="deadline"))) == wanted
    monkeypatch.setattr(query, "MANY_MATCHES", 0)  # many matches: each row's own text is tested
    assert set(ids(ledger.page(ledger_store, Filters(search=text), sort="deadline"))) == wanted
    assert set(ids(ledger.page(ledger_store, Filters(search=text, statuses=("open",)), sort="spot"))) == (
        wanted - {sample["exit"]["id"]}
    )


def test_search_with_filters_and_punctuation_only(ledger_store, sample):
    rows = ledger.search(ledger_store, "消", filters=Filters(grades=("general",), statuses=("open",)))
    assert set(ids(rows)) == {sample["store"]["id"], sample["fire"]["id"]}
    assert ledger.count(ledger_store, Filters(search="消", enterprise_id=enterprise(ledger_store)["id"])) == 1
    with pytest.raises(ledger.LedgerError, match="文字或数字"):
        ledger.search(ledger_store, "，。")


def test_the_index_follows_edits_made_anywhere(ledger_store, sample):
    chem = enterprise(ledger_store)
    ledger_store.update("enterprises", chem["id"], {"name": "金泰新材料公司"})
    assert set(ids(ledger.search(ledger_store, "新材"))) == {sample["tank"]["id"], sample["store"]["id"]}
    finding_id = ledger_store.get("hazards", sample["fire"]["id"])["finding_id"]
    ledger_store.update("findings", finding_id, {"spot": "监控中心"})
    assert ids(ledger.search(ledger_store, "监控")) == [sample["fire"]["id"]]
    ledger_store.update("hazards", sample["fire"]["id"], {"deleted_at": "2026-03-01T00:00:00.000+00:00"})
    assert ledger.count(ledger_store) == 4 and not ledger.search(ledger_store, "监控")
    before = ledger.page(ledger_store, limit=100)
    index.rebuild(ledger_store)
    after = ledger.page(ledger_store, limit=100)

    def strip(rows):
        return sorted((r["id"], r["repeat"]) for r in rows)

    assert strip(before) == strip(after)


def test_plans_use_indexes_not_scans_and_sorts(ledger_store, sample):
    for sort in query.SORTS:
        plan = " | ".join(query.plan(ledger_store, Filters(), sort=sort))
        assert "TEMP B-TREE" not in plan, (sort, plan)
    plan = " | ".join(query.plan(ledger_store, Filters(search="消防")))
    assert "VIRTUAL TABLE" in plan and "TEMP B-TREE" not in plan, plan
    plan = " | ".join(query.plan(ledger_store, Filters(enterprise_id="x"), sort="n"))
    assert "SCAN l" not in plan or "INDEX" in plan, plan


PAGE_FILTERS = [  # what the ledger page's filter bar can ask (each combo is single-valued), and more
    Filters(),
    Filters(statuses=("open",)),
    Filters(regions=("尉犁县",)),
    Filters(statuses=("open",), regions=("尉犁县",)),
    Filters(statuses=("verified",), regions=("尉犁县",), grades=("major",), sectors=("hazchem",)),
    Filters(overdue=True),
    Filters(overdue=True, regions=("尉犁县",)),
    Filters(overdue=True, grades=("major",), statuses=("open",)),
    Filters(grades=("major",), sectors=("hazchem",)),
    Filters(found_from=date(2026, 1, 1), found_to=date(2026, 2, 1)),
    Filters(statuses=("open",), found_from=date(2026, 1, 1)),
    Filters(repeat=True, regions=("尉犁县",)),
    Filters(statuses=("open", "in_progress")),
    Filters(statuses=("open", "in_progress"), regions=("尉犁县",)),
    Filters(listed=True),
    Filters(listed=True, overdue=True),
    Filters(inspector_id="x", statuses=("open",)),
    Filters(inspector_id="x", overdue=True),
    Filters(repeat=True),
    Filters(repeat=True, statuses=("open",)),
]
USUAL = ("n", "deadline", "found_on", "enterprise")  # the orders the few-row filters have indexes for


@pytest.mark.parametrize("filters", PAGE_FILTERS)
def test_every_page_filter_walks_an_index_in_the_sort_order(ledger_store, sample, filters):
    """No plan sorts the matching rows: each walks an index in the sort order and stops after a page."""
    for sort in query.SORTS:
        for descending in (False, True):
            plan = " | ".join(query.plan(ledger_store, filters, sort=sort, descending=descending))
            if (filters.found_from or filters.found_to) and sort != "found_on":
                # a date range: its rows are read in date order, then sorted (bounded by the chosen days)
                assert re.search(r"USING INDEX ledger_(stage_)?found \(.*found_on>\?", plan), plan
                continue
            if (filters.listed or filters.inspector_id) and sort not in USUAL:
                # the listed hazards, or one inspector's, in a less usual order: their own rows, sorted
                assert re.search(r"USING INDEX \w+ \((listed|inspector_id)=\?", plan), plan
                continue
            assert "TEMP B-TREE" not in plan, (filters, sort, plan)
            assert "INDEX" in plan or (sort == "n" and "SCAN l" in plan), (filters, sort, plan)
    assert "ledger_region_stage_enterprise" in str(
        query.plan(ledger_store, Filters(statuses=("open",), regions=("尉犁县",)), sort="enterprise")
    )
    assert "ledger_open_enterprise" in str(query.plan(ledger_store, Filters(overdue=True), sort="enterprise"))
    assert "ledger_listed_deadline" in str(
        query.plan(ledger_store, Filters(listed=True, overdue=True), sort="deadline")
    )
    assert "ledger_inspector_found" in str(
        query.plan(ledger_store, Filters(inspector_id="x"), sort="found_on")
    )


def test_a_search_with_many_matches_walks_an_index_in_any_order(ledger_store, sample, monkeypatch):
    monkeypatch.setattr(query, "MANY_MATCHES", 0)
    for filters in PAGE_FILTERS:
        if filters.found_from or filters.found_to:
            continue  # read by date, as above
        for sort in query.SORTS:
            if (filters.listed or filters.inspector_id) and sort not in USUAL:
                continue  # their own few rows, sorted, as above
            plan = " | ".join(query.plan(ledger_store, replace(filters, search="消防"), sort=sort))
            assert "TEMP B-TREE" not in plan and "SUBQUERY" not in plan, (filters, sort, plan)


@pytest.mark.parametrize("sort", ["deadline", "found_on", "enterprise", "n"])
@pytest.mark.parametrize("descending", [False, True])
def test_several_statuses_are_walked_one_by_one_and_merged(ledger_store, sample, sort, descending):
    chosen = Filters(statuses=("open", "rectified"), today=TODAY)
    column = query.SORTS[sort]
    wanted = ids(
        sorted(
            ledger.page(ledger_store, chosen, limit=100),
            key=lambda r: (r[column], r["n"]),
            reverse=descending,
        )
    )
    assert len(wanted) == 5  # four open, one rectified
    assert ids(ledger.page(ledger_store, chosen, sort=sort, descending=descending, limit=100)) == wanted
    by_offset = [
        r
        for o in (0, 3)
        for r in ledger.page(ledger_store, chosen, sort=sort, descending=descending, limit=3, offset=o)
    ]
    assert ids(by_offset) == wanted
    first = ledger.page(ledger_store, chosen, sort=sort, descending=descending, limit=3)
    rest = ledger.page(ledger_store, chosen, sort=sort, descending=descending, limit=3, after=first[-1])
    assert ids(first + rest) == wanted


@pytest.mark.parametrize("descending", [False, True])
def test_open_and_in_progress_by_deadline_is_one_walk_of_one_index(ledger_store, sample, descending):
    """待整改 and 整改中 together by deadline: one range of a partial index (stage < 2), not two merged."""
    chosen = Filters(statuses=("in_progress", "open"), today=TODAY)
    ledger.start(ledger_store, sample["store"]["id"], "企业已安排整改")
    ledger.start(ledger_store, sample["tank"]["id"], "企业已安排检修")
    everything = ledger.page(ledger_store, Filters(today=TODAY), limit=100)
    wanted = ids(
        sorted(
            (r for r in everything if r["status"] in ("open", "in_progress")),
            key=lambda r: (r["deadline"], r["n"]),
            reverse=descending,
        )
    )
    assert len(wanted) == 4 and {r["status"] for r in everything} == {"open", "in_progress", "rectified"}
    assert ids(ledger.page(ledger_store, chosen, sort="deadline", descending=descending, limit=100)) == wanted
    by_offset = [
        r
        for o in (0, 2, 4)
        for r in ledger.page(ledger_store, chosen, sort="deadline", descending=descending, limit=2, offset=o)
    ]
    assert ids(by_offset) == wanted
    first = ledger.page(ledger_store, chosen, sort="deadline", descending=descending, limit=2)
    rest = ledger.page(
        ledger_store, chosen, sort="deadline", descending=descending, limit=100, after=first[-1]
    )
    assert ids(first + rest) == wanted
    plan = " | ".join(query.plan(ledger_store, chosen, sort="deadline", descending=descending))
    assert "ledger_active_deadline" in plan and "TEMP B-TREE" not in plan, plan
    one_county = replace(chosen, regions=("尉犁县",))  # its own indexes, walked per status and merged
    assert "ledger_region_stage_deadline" in " | ".join(query.plan(ledger_store, one_county, sort="deadline"))


def test_tokens_and_match_expressions():
    assert index.tokens("2号罐区") == ("2 号 罐 区", "2号 号罐 罐区")
    assert index.match_expression("罐") == 'uni : "罐"'
    assert index.match_expression("罐区") == 'bi : "罐区"'
    assert index.match_expression("储罐区") == 'bi : "储罐 罐区"'
    assert index.match_expression("！？") is None


@pytest.mark.parametrize("many", [0, 10_000])
def test_a_search_sorted_by_another_column_gives_the_same_rows_either_way(
    ledger_store, sample, monkeypatch, many
):
    monkeypatch.setattr(query, "MANY_MATCHES", many)  # 0: walk the sort index; 10,000: look up and sort
    for sort in ("deadline", "enterprise", "status"):
        rows = ledger.page(ledger_store, Filters(search="消"), sort=sort, descending=False)
        assert ids(rows) == ids(sorted(rows, key=lambda r: (r[query.SORTS[sort]], r["n"])))
        assert set(ids(rows)) == {sample["store"]["id"], sample["fire"]["id"]}
    plan = " | ".join(query.plan(ledger_store, Filters(search="消"), sort="deadline"))
    assert ("TEMP B-TREE" in plan) == bool(many), plan
