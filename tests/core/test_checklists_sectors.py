"""The 工贸, 烟花爆竹 and 城镇燃气 checklists: every official criterion is a major item, sectors map to checklists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from inspector.cli import main
from inspector.core import sectors
from inspector.core.checklists import load_library
from inspector.core.store import paths

CRITERIA = yaml.safe_load(
    (Path(__file__).parent / "data" / "major_criteria.yaml").read_text(encoding="utf-8")
)
STANDARDS = CRITERIA["standards"]
LAWS = paths.bundled_checklists_dir() / "laws"
NEW = {"industry-trade": "industry_trade", "fireworks": "fireworks", "city-gas": "city_gas"}


@pytest.fixture(scope="module")
def library():
    library = load_library(paths.bundled_checklists_dir(), None)
    assert library.rejected == []
    return library


def listed(standard) -> list[str]:
    return [c for article in standard["articles"] for c in article["criteria"]]


def majors_citing(checklist, title) -> set[str]:
    return {
        item.major.clause
        for item in checklist.major_items
        if checklist.sources[item.major.source].title == title
    }


@pytest.mark.parametrize("standard", STANDARDS, ids=[s["checklist"] for s in STANDARDS])
def test_every_official_criterion_is_a_major_item(library, standard):
    checklist = library.get(standard["checklist"])
    assert checklist is not None
    criteria = listed(standard)
    assert len(criteria) == len(set(criteria))
    missing = [c for c in criteria if c not in majors_citing(checklist, standard["title"])]
    assert missing == []
    unlisted = majors_citing(checklist, standard["title"]) - set(criteria)
    assert (
        unlisted == set()
    )  # a major item citing a criterion the list does not know is a typo or a new criterion
    if standard["total_official"] is not None:
        assert len(criteria) == standard["total_official"]


def test_the_counts_per_standard():
    counts: dict[str, int] = {}
    for s in STANDARDS:  # a checklist may follow a standard and its supplement
        counts[s["checklist"]] = counts.get(s["checklist"], 0) + len(listed(s))
    assert counts == {
        "industry-trade": 64,
        "fireworks": 20,
        "city-gas": 22,
        "construction": 53,
        "metal-mine": 72,
    }


@pytest.mark.parametrize(
    ("checklist_id", "sector", "at_least"),
    [
        ("industry-trade", "industry_trade", 60),
        ("fireworks", "fireworks", 40),
        ("city-gas", "city_gas", 40),
    ],
)
def test_new_checklists_are_big_enough_and_in_their_sector(library, checklist_id, sector, at_least):
    checklist = library.get(checklist_id)
    assert checklist.sector == sector and len(checklist.items) >= at_least
    assert checklist in library.for_sector(sector)


def test_industry_trade_has_the_special_sections(library):
    titles = [s.title for s in library.get("industry-trade").sections]
    for wanted in ("粉尘涉爆", "涉氨制冷", "有限空间", "高温熔融金属"):
        assert any(wanted in title for title in titles), wanted


def test_every_sector_has_a_bundled_checklist(library):
    assert [s for s in sectors.SECTORS if not library.for_sector(s)] == []


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("烟花爆竹", "fireworks"),
        ("烟花爆竹批发", "fireworks"),
        ("城镇燃气", "city_gas"),
        ("燃气", "city_gas"),
        ("液化石油气", "city_gas"),
        ("工贸", "industry_trade"),
        ("冶金", "industry_trade"),
        ("粉尘涉爆", "industry_trade"),
        ("fireworks", "fireworks"),
    ],
)
def test_sector_wordings(text, sector):
    assert sectors.from_text(text) == sector


def test_sector_labels():
    assert sectors.label("fireworks") == "烟花爆竹" and sectors.label("city_gas") == "城镇燃气"


def test_checklists_list_json_shows_the_three_sectors(capsys):
    assert main(["checklists", "list", "--json"]) == 0
    entries = {e["id"]: e for e in json.loads(capsys.readouterr().out)}
    for checklist_id, sector in NEW.items():
        assert entries[checklist_id]["sector"] == sector
    assert entries["industry-trade"]["major_items"] >= 64 and entries["fireworks"]["major_items"] == 20
