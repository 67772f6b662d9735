"""The model's texts and limits, snapshots and their hashes, and the snapshot rows inspections keep."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from inspector.core import canonical
from inspector.core.checklists import (
    Basis,
    Checklist,
    ChecklistError,
    Measure,
    from_record,
    load_file,
    snapshot_record,
)
from inspector.core.checklists.emit import scalar
from inspector.core.checklists.loader import DuplicateKeyError, load_strict
from tests.core.checklist_samples import VALID, variant, write


@pytest.fixture
def checklist(tmp_path) -> Checklist:
    return load_file(write(tmp_path, "coal-mine.yaml", VALID))


def test_the_model_holds_the_file(checklist):
    assert (checklist.id, checklist.title, checklist.sector, checklist.version) == (
        "coal-mine",
        "煤矿安全生产检查表",
        "coal_mine",
        "2026.1",
    )
    assert checklist.effective == date(2026, 1, 1)
    assert list(checklist.sources) == ["aqf", "coal-major"]
    assert checklist.sources["aqf"].number == "主席令第88号"
    assert [s.id for s in checklist.sections] == ["S01"]
    item = checklist.item("CM-002")
    assert (item.section_id, item.section_title) == ("S01", "安全管理")
    assert item.basis == (Basis("coal-major", "第六条", "煤矿重大事故隐患判定标准", ""),)
    assert item.measure == Measure("甲烷浓度", "%", None, 1.0)
    assert item.photo_required and item.tags == ("复工复产",)
    assert checklist.major_items == (item,)
    assert [i.id for i in checklist.items] == ["CM-001", "CM-002"]
    with pytest.raises(KeyError):
        checklist.item("CM-999")


def test_basis_and_major_texts():
    aqf = Basis("aqf", "第四十一条", "中华人民共和国安全生产法", "主席令第88号")
    whp = Basis("whp", "第二十条", "危险化学品安全管理条例", "国务院令第591号")
    standard = Basis("gb30871", "5.2.1", "危险化学品企业特殊作业安全规范", "GB 30871-2022")
    assert aqf.text() == "《中华人民共和国安全生产法》第四十一条"
    assert standard.text() == "《危险化学品企业特殊作业安全规范》（GB 30871-2022）5.2.1"
    from inspector.core.checklists.model import Item

    item = Item(
        "X-1",
        "S01",
        "安全管理",
        "内容",
        "方法",
        (aqf, whp),
        major=Basis("coal-major", "第三条第（二）项", "煤矿重大事故隐患判定标准"),
    )
    assert item.basis_text() == "《中华人民共和国安全生产法》第四十一条；《危险化学品安全管理条例》第二十条"
    assert item.major_text() == "《煤矿重大事故隐患判定标准》第三条第（二）项"
    assert Item("X-2", "S01", "t", "c", "m", (aqf,)).major_text() == ""


def test_measure_limits():
    methane = Measure("甲烷浓度", "%", None, 1.0)
    assert methane.limit_text() == "≤ 1.0 %"
    assert methane.within(1.0) and methane.within(0) and not methane.within(1.01)
    oxygen = Measure("氧气浓度", "%", 19.5, 23.5)
    assert oxygen.limit_text() == "19.5～23.5 %"
    assert oxygen.within(20.9) and not oxygen.within(19.4) and not oxygen.within(23.6)
    count = Measure("灭火器数量", "", 2, None)
    assert count.limit_text() == "≥ 2"
    assert count.within(2) and not count.within(1)
    assert not methane.within(float("nan"))


def test_snapshot_round_trip_is_exact(checklist):
    snapshot = checklist.to_snapshot()
    assert json.loads(json.dumps(snapshot)) == snapshot  # plain JSON
    again = Checklist.from_snapshot(json.loads(canonical.dumps(snapshot)))
    assert again == checklist
    assert again.content_hash == checklist.content_hash == canonical.digest(snapshot)
    assert again.to_snapshot() == snapshot
    assert again.item("CM-002").basis_text() == checklist.item("CM-002").basis_text()
    assert again.item("CM-002").measure.limit_text() == "≤ 1.0 %"


def test_snapshot_holds_resolved_source_titles(checklist):
    item = checklist.to_snapshot()["sections"][0]["items"][0]
    assert item["basis"] == [
        {"source": "aqf", "clause": "第四条", "title": "中华人民共和国安全生产法", "number": "主席令第88号"}
    ]


def test_content_hash_ignores_layout_but_not_content(tmp_path, checklist):
    relaid = VALID.replace("{source: aqf, clause: 第四条}", "{clause: 第四条, source: aqf}")
    relaid = "# 本局修订版\n" + relaid.replace("tags: [复工复产]", "tags:\n          - 复工复产")
    other_place = load_file(write(tmp_path / "elsewhere", "renamed.yaml", relaid))
    assert other_place.content_hash == checklist.content_hash
    changed = load_file(write(tmp_path, "changed.yaml", variant("现场检测", "现场用甲烷检测仪检测")))
    assert changed.content_hash != checklist.content_hash


def test_content_hash_is_stable_across_runs(checklist):
    """The hash identifies a version in stored inspections: it must not drift between releases."""
    assert checklist.content_hash == canonical.digest(checklist.to_snapshot())
    assert checklist.content_hash == "8a0dec8a92e64f159151f66567ee9a49a05cfb1deb12ae33edae05d606688f1f"


def test_snapshot_record_and_back_through_the_store(store, checklist, tmp_path):
    record = snapshot_record(checklist)
    assert record["id"] == checklist.content_hash
    assert (record["checklist_id"], record["version"], record["title"], record["sector"]) == (
        "coal-mine",
        "2026.1",
        "煤矿安全生产检查表",
        "coal_mine",
    )
    store.insert("checklist_snapshots", record)
    (tmp_path / "coal-mine.yaml").unlink()  # the file is gone: the inspection still has its checklist
    stored = from_record(store.get("checklist_snapshots", checklist.content_hash))
    assert stored == checklist
    assert stored.path is None
    assert stored.to_snapshot() == checklist.to_snapshot()


def test_a_tampered_snapshot_is_refused(checklist):
    record = snapshot_record(checklist)
    record["content"] = record["content"].replace("现场检测", "不用检测")
    with pytest.raises(ChecklistError, match="检查表快照的内容与其哈希不符"):
        from_record(record)
    with pytest.raises(ChecklistError, match="检查表快照无法读取"):
        from_record({"id": "x", "content": "{not json"})


def test_strict_loader_refuses_a_key_given_twice():
    assert load_strict("a: 1\nb: {c: 2}\n") == {"a": 1, "b": {"c": 2}}
    with pytest.raises(DuplicateKeyError) as caught:
        load_strict("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert caught.value.problem_mark.line == 3
    assert yaml.safe_load("c: 1\nc: 2\n") == {"c": 2}  # what the plain loader would have done


@given(st.text(max_size=40))
def test_written_text_reads_back_as_the_same_text(text):
    """What the spreadsheet import writes is read back unchanged, whatever the cell held."""
    assert yaml.safe_load(f"k: {scalar(text)}")["k"] == text
    assert yaml.safe_load(f"{{k: {scalar(text, flow=True)}}}")["k"] == text
