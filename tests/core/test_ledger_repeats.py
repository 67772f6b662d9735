"""The one repeat rule: same item or same spot (however typed), earlier, within the office's window."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.core import ledger, office
from inspector.core.ledger import query, repeats
from inspector.core.ledger.query import Filters
from tests.core.ledger_support import enterprise, hazard, visit

NOON = "T12:00:00.000+00:00"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("２号罐区", "2号罐区"),  # full width digit
        ("2#罐区", "2号罐区"),  # # for 号
        ("２＃罐区", "2号罐区"),  # full width # too
        (" 2 号\u3000罐区 ", "2号罐区"),  # spaces, ideographic space
        ("LNG储罐", "lng储罐"),  # case
        ("ＬＮＧ储罐", "Lng储罐"),
    ],
)
def test_spots_typed_differently_are_the_same_spot(typed, stored):
    assert repeats.spot_key(typed) == repeats.spot_key(stored)


@pytest.mark.parametrize(("a", "b"), [("1号罐区", "11号罐区"), ("罐区", "罐区东侧"), ("A区", "B区")])
def test_different_spots_stay_different(a, b):
    assert repeats.spot_key(a) != repeats.spot_key(b)


def test_months_before_clamps_to_the_month_end():
    assert repeats.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert repeats.months_before(date(2026, 1, 15), 12) == date(2025, 1, 15)
    assert repeats.months_before(date(2024, 3, 31), 1) == date(2024, 2, 29)


@pytest.fixture
def history(ledger_store):
    s = ledger_store
    chem = enterprise(s)["id"]
    other = enterprise(s, "尉犁县兴农农资门市（个体）")["id"]
    old = visit(s, chem, "2025-01-10" + NOON)  # 14 months before the last visit
    earlier = visit(s, chem, "2025-06-10" + NOON)
    last = visit(s, chem, "2026-03-10" + NOON)
    elsewhere = visit(s, other, "2026-01-10" + NOON)
    made = {
        "old_tank": hazard(s, old, item="A", spot="2号罐区"),
        "tank": hazard(s, earlier, item="B", spot="２号 罐区"),
        "same_item": hazard(s, earlier, item="C", spot="仓库"),
        "other_firm": hazard(s, elsewhere, item="C", spot="2号罐区"),
        "now_tank": hazard(s, last, item="D", spot="2#罐区"),
        "now_item": hazard(s, last, item="C", spot="办公楼"),
        "now_new": hazard(s, last, item="E", spot="配电室"),
        "twin": hazard(s, last, item="F", spot="配电室"),  # same visit: not a repeat of each other
    }
    return made


def test_the_ledger_counts_repeats_by_the_rule(ledger_store, history):
    count = {key: query.hazard(ledger_store, h["id"])["repeat"] for key, h in history.items()}
    assert count == {
        "old_tank": 0,
        "tank": 1,  # repeats old_tank (5 months earlier)
        "same_item": 0,
        "other_firm": 0,  # another enterprise
        "now_tank": 1,  # tank only: old_tank is 14 months back, outside the 12-month window
        "now_item": 1,  # same checklist item as same_item
        "now_new": 0,
        "twin": 0,
    }
    repeated = {h["id"] for h in ledger.page(ledger_store, Filters(repeat=True))}
    assert repeated == {history[k]["id"] for k in ("tank", "now_tank", "now_item")}
    earlier = repeats.of_hazard(ledger_store, history["now_tank"]["id"])
    assert [(r["id"], r["same_spot"], r["same_item"]) for r in earlier] == [
        (history["tank"]["id"], True, False)
    ]


def test_a_longer_window_from_office_settings_reaches_further(ledger_store, history):
    settings = office.load(ledger_store)
    settings.issuing_body, settings.repeat_window_months = "某应急管理局", 24
    office.save(ledger_store, settings)
    assert query.hazard(ledger_store, history["now_tank"]["id"])["repeat"] == 2
    settings.repeat_window_months = 0
    with pytest.raises(office.OfficeError, match="1–120"):
        office.save(ledger_store, settings)


def test_repeat_counts_by_enterprise(ledger_store, history):
    from inspector.core.ledger import stats

    rows = stats.repeats_by_enterprise(ledger_store, Filters())
    assert [(r["enterprise"], r["repeats"], r["hazards"]) for r in rows] == [
        ("库尔勒金泰化工有限责任公司", 3, 7)
    ]
