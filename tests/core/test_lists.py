"""The register and the inspections as paged lists: pinyin order, 1- and 2-character search, plans."""

import pytest

from bench.office_data import populate
from inspector.core import clock
from inspector.core.capture import inspections
from inspector.core.register import enterprise_list, enterprises


def names(rows):
    return [row["name"] for row in rows]


def test_sort_keys_give_pinyin_order():
    shuffled = [
        "中国石化",
        "重庆路加油站",
        "吕梁煤业",
        "绿洲化工",
        "阿克苏纺织",
        "爱民超市",
        "ABC物流",
        "123仓储",
    ]
    ordered = sorted(shuffled, key=enterprise_list.sort_key)
    assert ordered == [
        "123仓储",
        "ABC物流",
        "阿克苏纺织",
        "爱民超市",
        "吕梁煤业",
        "绿洲化工",
        "中国石化",
        "重庆路加油站",
    ]
    assert enterprise_list.sort_key("ｂｃ公司") == enterprise_list.sort_key("BC公司")  # width and case


def test_match_expression_is_a_phrase_of_single_characters_per_word():
    assert enterprise_list.match_expression("罐区") == '"罐 区"'
    assert enterprise_list.match_expression(" 塔河  MA77x ") == '"塔 河" AND "m a 7 7 x"'
    assert enterprise_list.match_expression("（）—") is None
    assert enterprise_list.match_expression('"') is None  # nothing can break out of the phrase


def test_search_finds_one_two_and_more_characters_and_codes(demo_store):
    assert names(enterprise_list.page(demo_store, "铁")) == ["尉犁县罗布人铁矿"]
    assert names(enterprise_list.page(demo_store, "尉犁")) == [
        "尉犁县罗布人铁矿",
        "尉犁县兴农农资门市（个体）",
    ]
    assert names(enterprise_list.page(demo_store, "ma77x")) == ["轮台县塔河煤业有限公司"]
    assert names(enterprise_list.page(demo_store, "塔河 煤业")) == ["轮台县塔河煤业有限公司"]
    assert names(enterprise_list.page(demo_store, "个体）")) == ["尉犁县兴农农资门市（个体）"]
    assert enterprise_list.page(demo_store, "河塔") == []  # characters side by side, in order
    assert enterprise_list.count(demo_store, "有限") == 5
    assert enterprise_list.count(demo_store) == 7
    every = names(enterprise_list.page(demo_store))
    assert every[0] == "巴州汽车客运有限责任公司" and every[-1] == "新疆天山建设集团有限公司梨城花园项目部"


def test_the_list_follows_every_change_to_the_register(demo_store):
    added = enterprises.create(demo_store, {"name": "博湖县罐区储运有限公司"})
    assert names(enterprise_list.page(demo_store, "罐区")) == ["博湖县罐区储运有限公司"]
    enterprises.update(demo_store, added["id"], {"name": "博湖县消防器材有限公司"})
    assert enterprise_list.page(demo_store, "罐区") == []
    assert enterprise_list.position(demo_store, added["id"], "消防") == 0
    assert enterprise_list.position(demo_store, added["id"]) == 1  # after 巴州 (bā), before 库尔勒 (kù)
    demo_store.update("enterprises", added["id"], {"deleted_at": clock.utc_iso()})
    assert enterprise_list.count(demo_store, "消防") == 0
    assert enterprise_list.position(demo_store, added["id"]) == -1
    with demo_store.transaction():  # a writer that knows nothing of the list (a script, the sqlite3 shell)
        demo_store.conn.execute("UPDATE enterprises SET name='且末县消防站' WHERE name LIKE '轮台县塔河%'")
    assert names(enterprise_list.page(demo_store, "消防")) == ["且末县消防站"]


def test_pages_and_positions_agree(demo_store):
    populate(demo_store, 600, 0)
    every = names(enterprise_list.page(demo_store, limit=1000))
    paged = [
        name
        for offset in range(0, 700, 100)
        for name in names(enterprise_list.page(demo_store, "", offset, 100))
    ]
    assert paged == every and len(every) == 607
    assert every == sorted(every, key=enterprise_list.sort_key)
    some = enterprise_list.page(demo_store, "", 345, 1)[0]
    assert enterprise_list.position(demo_store, some["id"]) == 345


def test_inspection_pages_match_the_full_listing(demo_store):
    populate(demo_store, 50, 450)
    full = inspections.listing(demo_store)
    assert inspections.count(demo_store) == len(full)
    paged = [row for offset in range(0, len(full), 100) for row in inspections.page(demo_store, offset, 100)]
    assert paged == full
    assert [r["started_at"] for r in full] == sorted((r["started_at"] for r in full), reverse=True)
    assert inspections.position(demo_store, full[123]["id"]) == 123


PLANS = {
    "enterprise page": (
        "SELECT l.n FROM enterprise_list l ORDER BY l.sort_key, l.n LIMIT 50 OFFSET 0",
        [],
        "enterprise_list_order",
    ),
    "inspection page": (
        "SELECT id FROM inspections WHERE deleted_at IS NULL ORDER BY started_at DESC, id DESC LIMIT 50",
        [],
        "inspections_started",
    ),
    "inspections this year": (
        "SELECT count(*) FROM inspections WHERE deleted_at IS NULL AND started_at >= ?",
        ["2026"],
        "inspections_started",
    ),
    "open major hazards": (
        "SELECT count(*) FROM hazards WHERE deleted_at IS NULL AND status = 'open' AND grade = 'major'",
        [],
        "hazards_open",
    ),
    "drafts": (
        "SELECT * FROM inspections i WHERE i.status='draft' AND i.deleted_at IS NULL"
        " ORDER BY i.started_at DESC, i.id DESC",
        [],
        "inspections_drafts",
    ),
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_list_queries_use_their_index_and_never_sort_the_table(demo_store, name):
    sql, params, index = PLANS[name]
    plan = " / ".join(row[3] for row in demo_store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert index in plan, plan
    assert "TEMP B-TREE" not in plan, plan
