"""Citations an inspector can sign from: article-level, in force, present in the law's text, combined judgements."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from inspector.core.checklists import load_file, withdrawn
from inspector.core.checklists.errors import ChecklistError
from inspector.core.checklists.library import checklist_files
from inspector.core.checklists.model import UNCONFIRMED, Checklist, field_text
from inspector.core.store import paths
from tests.core.checklist_samples import VALID, variant, write

ROOT = Path(__file__).resolve().parents[2]
LAWS = ROOT / "checklists" / "laws"
BUNDLED = checklist_files(paths.bundled_checklists_dir())


def _tool():
    spec = importlib.util.spec_from_file_location("check_citations", ROOT / "tools" / "check_citations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_citations"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


check_citations = _tool()


def _issues(tmp_path, text: str) -> list[str]:
    with pytest.raises(ChecklistError) as caught:
        load_file(write(tmp_path, "bad.yaml", text))
    return [str(issue) for issue in caught.value.issues]


# --- the review script over the bundled checklists and vendored law texts ---


def test_every_bundled_citation_of_a_vendored_law_exists_in_its_text():
    problems, counts = check_citations.review(paths.bundled_checklists_dir(), LAWS)
    assert [str(p) for p in problems] == []
    assert set(counts) == {p.name for p in BUNDLED}
    assert sum(c["checked"] for c in counts.values()) > 400


def test_vendored_law_files_keep_the_shared_format():
    titles = set()
    for path in sorted(LAWS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(data) == ["title", "edition", "source", "articles"], path.name
        # the law-text mirror, or a public repost that says so (the criteria the ministries publish as notices)
        assert "LawRefBook/Laws" in data["source"] or "转载" in data["source"], path.name
        titles.add(data["title"])
    assert "煤矿安全生产条例" in titles and "中华人民共和国安全生产法" in titles
    # the road transport regulation is the 2023-07-20 revision
    road = yaml.safe_load((LAWS / "daolu-yunshu-tiaoli.yaml").read_text(encoding="utf-8"))
    assert road["edition"].startswith("2023-07-20")


def _one_citation(tmp_path, clause: str, title: str = "中华人民共和国安全生产法"):
    text = variant("title: 中华人民共和国安全生产法", f"title: {title}")
    text = variant("{source: aqf, clause: 第四条}", f"{{source: aqf, clause: {clause}}}", text)
    folder = tmp_path / "lists"
    write(folder, "one.yaml", text)
    problems, _ = check_citations.review(folder, LAWS)
    return [p.message for p in problems]


def test_an_article_that_does_not_exist_fails(tmp_path):
    [message] = _one_citation(tmp_path, "第九百条")
    assert "第九百条不在收录的条文中" in message


def test_a_paragraph_or_item_that_does_not_exist_fails(tmp_path):
    assert _one_citation(tmp_path, "第三十六条第四款") == []  # 餐饮等行业使用燃气 …
    [paragraph] = _one_citation(tmp_path / "b", "第三十六条第五款")
    assert "只有 4 款" in paragraph
    assert _one_citation(tmp_path / "c", "第二十一条第（七）项") == []
    [item] = _one_citation(tmp_path / "d", "第二十一条第（九）项")
    assert "没有第（九）项" in item


def test_sources_without_a_vendored_text_are_counted_not_failed(tmp_path):
    text = variant("{source: aqf, clause: 第四条}", "{source: coal-major, clause: 第四条}")
    text = variant("title: 煤矿重大事故隐患判定标准", "title: 某部门规章（未收录原文）", text)
    write(tmp_path / "lists", "one.yaml", text)
    problems, counts = check_citations.review(tmp_path / "lists", LAWS)
    assert problems == []
    assert counts["one.yaml"] == {"checked": 0, "unchecked": 3, "unconfirmed": 0}


def test_law_files_with_the_same_title_merge_and_a_bad_file_is_named(tmp_path):
    laws = tmp_path / "laws"
    base = {"title": "某条例", "edition": "2020-01-01 公布", "source": "github.com/LawRefBook/Laws x.md"}
    write(laws, "a.yaml", yaml.safe_dump({**base, "articles": {"第一条": "甲"}}, allow_unicode=True))
    write(laws, "a.sectors.yaml", yaml.safe_dump({**base, "articles": {"第二条": "乙"}}, allow_unicode=True))
    assert check_citations.load_laws(laws) == {"某条例": {"第一条": "甲", "第二条": "乙"}}
    write(
        laws, "b.yaml", yaml.safe_dump({"title": "某条例", "articles": {"第三条": "丙"}}, allow_unicode=True)
    )
    with pytest.raises(ValueError, match=r"b\.yaml"):
        check_citations.load_laws(laws)


def test_chinese_numbers_and_articles():
    assert [check_citations.chinese_number(t) for t in ("一", "十", "十二", "三十六", "一百零八")] == [
        1,
        10,
        12,
        36,
        108,
    ]
    assert check_citations.article_of("第三十六条第（七）项") == "第三十六条"
    assert check_citations.article_of("6.2") is None


# --- validation: article-level citations, withdrawn standards ---


def test_an_item_citing_no_article_is_refused(tmp_path):
    text = variant("{source: aqf, clause: 第四条}", "{source: aqf, clause: 有关条款}")
    [issue] = _issues(tmp_path, text)
    assert "bad.yaml:21:11: 条目 CM-001" in issue and "没有具体到条款" in issue


@pytest.mark.parametrize(
    "clause", ["第四条", "第三十六条第四款", "第十二项", "一、地下矿山第（三）项", "4.2.3", "表1"]
)
def test_article_level_citations_pass(tmp_path, clause):
    text = variant("{source: aqf, clause: 第四条}", f"{{source: aqf, clause: {clause}}}")
    assert load_file(write(tmp_path, "ok.yaml", text)).item("CM-001").basis[0].clause == clause


def test_a_withdrawn_standard_is_refused_with_its_replacement(tmp_path):
    text = variant(
        "    title: 煤矿重大事故隐患判定标准\n",
        "    title: 重大火灾隐患判定方法\n    number: GB 35181-2017\n",
    )
    [issue] = _issues(tmp_path, text)
    assert "bad.yaml:13:13: " in issue
    assert "GB 35181-2017 已废止" in issue and "GB 35181-2025" in issue and "2025-11-01" in issue


@pytest.mark.parametrize(
    ("number", "replaced_by"),
    [
        ("建质规〔2022〕2号", ("建质规〔2024〕5号", "2024-12-13")),
        ("建质规[2022]2号", ("建质规〔2024〕5号", "2024-12-13")),
        ("应急管理部令第4号", ("应急管理部令第21号", "2026-07-01")),
        ("GB35181-2017", ("GB 35181-2025", "2025-11-01")),
        ("建质规〔2024〕5号", None),
        ("应急管理部令第21号", None),
        ("应急管理部令第44号", None),
    ],
)
def test_withdrawn_rules_and_documents_are_data_like_standards(number, replaced_by):
    assert withdrawn.replacement(number) == replaced_by


def test_a_checklist_citing_the_replaced_coal_criteria_is_refused(tmp_path):
    text = variant(
        "    title: 煤矿重大事故隐患判定标准\n",
        "    title: 煤矿重大事故隐患判定标准\n    number: 应急管理部令第4号\n",
    )
    [issue] = _issues(tmp_path, text)
    assert (
        "《煤矿重大事故隐患判定标准》应急管理部令第4号 已废止" in issue
        and "应急管理部令第21号" in issue
        and "2026-07-01" in issue
    )


def test_no_bundled_checklist_cites_a_withdrawn_standard_or_shows_unconfirmed_to_inspectors():
    for path in BUNDLED:
        checklist = load_file(path)
        for item in checklist.items:
            shown = [item.content, item.method, item.basis_text(), item.major_text(), item.field_note()]
            assert not any(UNCONFIRMED in text for text in shown), (path.name, item.id)


# --- [UNCONFIRMED] stays with the maintainers ---


def test_field_note_leaves_out_unconfirmed_sentences():
    note = "限值见第一百七十三条。条号推定 [UNCONFIRMED]。超限按CM-015判定。"
    assert field_text(note) == "限值见第一百七十三条。超限按CM-015判定。"
    assert field_text("[UNCONFIRMED] 条号待核对。") == ""
    assert field_text("无标记的备注") == "无标记的备注"


# --- combined judgement: N of the listed items together make a major hazard ---

COMBINED = (
    VALID
    + """\
      - id: CM-003
        content: 是否落实带班下井
        method: 查阅带班记录
        basis:
          - {source: aqf, clause: 第二十一条}
combined:
  - id: C1
    title: 综合判定
    basis: {source: coal-major, clause: "6.2"}
    needed: 2
    items: [CM-001, CM-002, CM-003]
"""
)


def test_combined_judgement_is_read_checked_and_kept_in_the_snapshot(tmp_path):
    checklist = load_file(write(tmp_path, "c.yaml", COMBINED))
    [rule] = checklist.combined
    assert (rule.id, rule.needed, rule.items, rule.basis.clause) == (
        "C1",
        2,
        ("CM-001", "CM-002", "CM-003"),
        "6.2",
    )
    assert checklist.combined_for("CM-002") == (rule,) and checklist.combined_for("X") == ()
    assert checklist.combined_met({"CM-001"}) == ()
    assert checklist.combined_met({"CM-001", "CM-003"}) == (rule,)
    again = Checklist.from_snapshot(checklist.to_snapshot())
    assert again.combined == checklist.combined and again.content_hash == checklist.content_hash


def test_a_checklist_without_combined_keeps_its_snapshot_shape(tmp_path):
    checklist = load_file(write(tmp_path, "plain.yaml", VALID))
    assert "combined" not in checklist.to_snapshot()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("items: [CM-001, CM-002, CM-003]", "items: [CM-001, CM-009]", "条目“CM-009”不在本检查表中"),
        ("needed: 2", "needed: 4", "needed 应为 2 到条目数（3）之间的整数"),
        ("needed: 2", "needed: 1", "needed 应为 2 到条目数（3）之间的整数"),
        ('clause: "6.2"}', "clause: 第6章}", "综合判定依据要写明标准条文号"),
        ("  - id: C1", "  - id: CM-001", "与其他综合判定或条目编号重复"),
    ],
)
def test_a_bad_combined_judgement_is_refused(tmp_path, old, new, expected):
    issues = _issues(tmp_path, variant(old, new, COMBINED))
    assert any(expected in issue for issue in issues), issues


# --- retired item ids keep their meaning ---


def test_a_retired_item_id_cannot_be_given_to_an_item_again(tmp_path):
    assert load_file(write(tmp_path, "ok.yaml", VALID + "retired: [CM-017, CM-027]\n")).item("CM-001")
    [issue] = _issues(tmp_path, VALID + "retired: [CM-017, CM-002]\n")
    assert "bad.yaml:31:19: " in issue and "“CM-002”已停用" in issue and "新编号" in issue
    [issue] = _issues(tmp_path, VALID + "retired: [CM-017, CM-017]\n")
    assert "重复" in issue
    [issue] = _issues(tmp_path, VALID + "retired: CM-017\n")
    assert "应为列表" in issue
    [issue] = _issues(tmp_path, VALID + "retired: [CM-017, '甲 乙']\n")
    assert "应为条目编号" in issue


def test_the_bundled_checklists_list_the_ids_they_retired():
    retired = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")).get("retired", []) for p in BUNDLED}
    assert {"CM-039", "CM-043"} <= set(retired["coal-mine"])  # re-based on the 2026 coal criteria
    assert {"IT-022", "IT-023"} <= set(retired["industry-trade"])  # 第四条 has eight items, not eleven
    for path in BUNDLED:  # and none of them is in use again (the validator refuses it)
        load_file(path)
