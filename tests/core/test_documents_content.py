"""What each document says, built from the store: problems, bases, deadlines, counts, photos."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest

from inspector.core import clock, office
from inspector.core.capture import findings, inspections
from inspector.core.documents import content, wording
from inspector.core.documents.content import DocumentError
from inspector.core.documents.issue import issue
from tests.core.test_documents_support import FIRST_DEADLINE, SECOND_DEADLINE, finished_inspection, set_office


def test_the_notice_lists_the_problems_with_spot_and_basis_and_groups_the_deadlines(demo_store, finished):
    notice = content.notice(demo_store, finished["id"])
    assert [p["spot"] for p in notice["problems"]] == ["安全管理部", "中控室", "2号罐区"]
    assert [p["n"] for p in notice["problems"]] == [1, 2, 3]
    first = content.problem_text(notice["problems"][0])
    assert first == (
        "安全管理部：安全管理人员未经考核合格，违反《中华人民共和国安全生产法》第二十七条，"
        "依据《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第一项，判定为重大事故隐患"
    )
    assert notice["deadline_groups"] == [
        {"items": [1, 3], "deadline": FIRST_DEADLINE.isoformat()},
        {"items": [2], "deadline": SECOND_DEADLINE.isoformat()},
    ]
    assert notice["major_count"] == 2
    assert notice["office"]["government"] == "巴音郭楞蒙古自治州"
    assert [(p["name"], p["cert_no"]) for p in notice["inspectors"]] == [
        ("张伟", "65280019001"),
        ("李娜", "65280019002"),
    ]
    assert notice["enterprise"]["name"] == "库尔勒金泰化工有限责任公司"


def test_the_record_counts_what_was_checked_and_references_the_photos(demo_store, finished):
    record = content.record(demo_store, finished["id"])
    assert record["checklists"] == [
        {
            "title": "测试用危化品检查表",
            "version": "1.0",
            "items": 6,
            "checked": 6,
            "passed": 2,
            "failed": 3,
            "na": 1,
        }
    ]
    photos = record["problems"][2]["photos"]
    assert [p["n"] for p in photos] == [1, 2] and all(len(p["sha256"]) == 64 for p in photos)
    assert record["inspection"]["started_at"] and record["inspection"]["finished_at"]
    assert record["inspection"]["place"] == "罐区及仓库"


def test_measures_list_only_findings_with_immediate_measures_in_official_words(demo_store, finished):
    measures = content.measures(demo_store, finished["id"])
    assert [p["spot"] for p in measures["problems"]] == ["安全管理部", "2号罐区"]
    assert [p["n"] for p in measures["problems"]] == [1, 2]
    assert measures["measures"] == [  # in the statute's order, each naming the problems it is for
        "责令从危险区域内撤出作业人员（第2项）",
        "责令暂时停产停业（第1项）",
        "责令停止使用相关设施、设备（第2项）",
        "具体要求：第2项，关闭罐区进出料阀门，设置警戒区域",
    ]
    assert [p["measures"] for p in measures["problems"]] == [["suspend"], ["evacuate", "stop_equipment"]]
    assert measures["office"]["measures_basis"] == content.MEASURES_BASIS


def test_default_deadlines_come_from_the_office_when_a_finding_has_none(demo_store, finished):
    demo_store.conn.execute("UPDATE findings SET deadline=NULL")  # an old finding without a deadline
    settings = office.load(demo_store)
    notice = content.notice(demo_store, finished["id"])
    day = date.fromisoformat(notice["inspection"]["finished_at"][:10])
    general = content.default_deadline(settings, "general", day)
    assert notice["problems"][1]["deadline"] == general


def test_the_recheck_opinion_follows_the_earlier_notice_and_the_re_inspection(
    demo_store, mini_checklist, finished, tmp_path
):
    original = issue(demo_store, "notice", finished["id"])
    again = finished_inspection(
        demo_store,
        mini_checklist,
        tmp_path,
        kind="复查",
        failures={
            "T-004": dict(spot="2号罐区", description="报警控制器仍处于屏蔽状态", deadline=SECOND_DEADLINE),
        },
    )
    hazard = demo_store.row(
        "SELECT h.id FROM hazards h JOIN findings f ON f.id = h.finding_id WHERE f.inspection_id=? AND"
        " f.item_id='T-003'",
        [finished["id"]],
    )
    demo_store.update("hazards", hazard["id"], {"status": "rectified"})
    opinion = content.recheck(demo_store, again["id"])
    assert opinion["original"]["number_text"] == original["number_text"]
    assert [(p["n"], p["rectified"]) for p in opinion["problems"]] == [(1, True), (2, True), (3, False)]
    assert opinion["problems"][2]["observed"] == "报警控制器仍处于屏蔽状态"
    explicit = content.recheck(
        demo_store,
        again["id"],
        original_id=original["number_text"],
        outcomes={1: {"rectified": False, "observed": "考核证书仍未取得"}},
    )
    first = explicit["problems"][0]
    assert (first["rectified"], first["observed"]) == (False, "考核证书仍未取得")


def test_documents_need_a_finished_inspection_and_the_offices_appeal_bodies(demo_store, inspection):
    with pytest.raises(DocumentError, match="检查尚未结束"):
        content.record(demo_store, inspection["id"])
    inspections.finish(demo_store, inspection["id"])
    set_office(demo_store, government="", court="")
    with pytest.raises(DocumentError, match="人民政府"):
        content.notice(demo_store, inspection["id"])
    set_office(demo_store)
    with pytest.raises(DocumentError, match="没有发现问题"):
        content.notice(demo_store, inspection["id"])
    with pytest.raises(DocumentError, match="找不到这家单位此前的"):
        content.recheck(demo_store, inspection["id"])
    assert content.record(demo_store, inspection["id"])["problems"] == []


def test_a_problem_line_does_not_repeat_the_spot_or_the_word_violates():
    problem = {
        "spot": "2号罐区",
        "description": "2号罐区报警器未投用。",
        "basis": "违反《安全生产法》第三十六条",
    }
    assert content.problem_text(problem) == "2号罐区：报警器未投用，违反《安全生产法》第三十六条"
    assert findings.GRADES == ("general", "major")


def test_a_recheck_cannot_cite_a_notice_issued_after_the_re_check(
    demo_store, mini_checklist, finished, tmp_path
):
    original = issue(demo_store, "notice", finished["id"])
    again = finished_inspection(demo_store, mini_checklist, tmp_path, kind="复查", failures={})
    later = (clock.local(again["started_at"]) + timedelta(days=3)).astimezone(UTC).isoformat()
    demo_store.conn.execute("UPDATE documents SET issued_at=? WHERE id=?", [later, original["id"]])
    with pytest.raises(DocumentError, match="复查意见书不能引用复查之后签发的文书"):
        content.recheck(demo_store, again["id"], original_id=original["number_text"])
    with pytest.raises(DocumentError, match="找不到这家单位此前的"):
        content.recheck(demo_store, again["id"])


def test_a_major_item_is_judged_by_the_standard_not_violated():
    problem = {
        "spot": "2号罐区",
        "description": "可燃气体检测报警装置未投用",
        "basis": "《中华人民共和国安全生产法》第三十六条；《中华人民共和国安全生产法》第九十九条；"
        "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第十二项",
        "grade": "major",
        "major_criterion": "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第十二项",
    }
    assert content.problem_text(problem) == (
        "2号罐区：可燃气体检测报警装置未投用，违反《中华人民共和国安全生产法》第三十六条、第九十九条，"
        "依据《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第十二项，判定为重大事故隐患"
    )
    general = dict(problem, grade="general")
    assert "判定" not in content.problem_text(general) and "违反《化工" not in content.problem_text(general)


def test_fire_and_city_gas_majors_are_judged_in_their_standards_own_term():
    fire = {
        "spot": "一层商场",
        "description": "安全出口数量不足",
        "basis": "《中华人民共和国消防法》第十六条第（四）项；《重大火灾隐患判定规则》（GB 35181-2025）第5章",
        "grade": "major",
        "major_criterion": "《重大火灾隐患判定规则》（GB 35181-2025）第5章",
    }
    assert content.problem_text(fire) == (  # a 判定规则 grades like a 判定标准: never 「违反」
        "一层商场：安全出口数量不足，违反《中华人民共和国消防法》第十六条第（四）项，"
        "依据《重大火灾隐患判定规则》（GB 35181-2025）第5章，判定为重大火灾隐患"
    )
    gas = {
        "spot": "储配站",
        "description": "供应的燃气无警示性臭味",
        "basis": "《城镇燃气经营安全重大隐患判定标准》第八条",
        "grade": "major",
        "major_criterion": "《城镇燃气经营安全重大隐患判定标准》第八条",
    }
    assert content.problem_text(gas) == (
        "储配站：供应的燃气无警示性臭味，依据《城镇燃气经营安全重大隐患判定标准》第八条，判定为重大隐患"
    )


def test_the_measures_print_the_statutory_wording_with_free_text_as_detail():
    problems = [
        {"n": 1, "measures": ["evacuate"], "immediate_measures": "立即停止相关作业，设置警戒区域。"},
        {"n": 2, "measures": ["evacuate", "stop_equipment"], "immediate_measures": ""},
    ]
    assert content.measure_list(problems) == [  # each chosen measure once, the free text once
        "责令从危险区域内撤出作业人员（第1、2项）",
        "责令停止使用相关设施、设备（第2项）",
        "具体要求：第1项，立即停止相关作业，设置警戒区域",
    ]
    # 「停止相关作业」 in the free text orders nothing: only what was chosen is printed
    assert not any("停产停业" in line for line in content.measure_list(problems))


def test_free_text_without_a_chosen_measure_asks_the_inspector_to_choose(demo_store, finished):
    assert content.needed(demo_store, finished["id"])["measures"]
    with demo_store.transaction():  # as recorded before measures were chosen: free text only
        demo_store.conn.execute(
            "UPDATE findings SET measures='', immediate_measures='责令立即停止相关作业，从危险区域撤出作业人员'"
            " WHERE inspection_id=? AND item_id='T-002'",
            [finished["id"]],
        )
    assert content.needed(demo_store, finished["id"])["measures"]  # still called for …
    with pytest.raises(
        DocumentError, match="第1项问题（安全管理部：安全管理人员未经考核合格）只写了现场处理措施"
    ):
        content.measures(demo_store, finished["id"])  # … but refused until a measure is chosen
    for finding in inspections.findings_of(demo_store, finished["id"]):
        assert (
            findings.statutory.load(finding["measures"])
            == {
                "T-002": [],
                "T-003": [],
                "T-004": ["evacuate", "stop_equipment"],
            }[finding["item_id"]]
        )


def test_an_unknown_measure_is_refused_by_name(demo_store, finished, mini_checklist):
    from inspector.core.capture.inspections import InspectionError

    before = demo_store.row("SELECT measures FROM findings WHERE item_id='T-004'")["measures"]
    with pytest.raises(InspectionError, match="未知的现场处理措施“close_road”") as refused:
        findings.record(
            demo_store,
            finished["id"],
            mini_checklist.content_hash,
            "T-004",
            spot="2号罐区",
            description="可燃气体检测报警装置未投用",
            measures=["evacuate", "close_road"],
            amendment="补充",
        )
    assert refused.value.field == "measures"
    assert demo_store.row("SELECT measures FROM findings WHERE item_id='T-004'")["measures"] == before


def test_a_problem_that_still_reads_as_a_question_cannot_be_issued(demo_store, finished):
    demo_store.conn.execute(
        "UPDATE findings SET description='同一部位是否反复出现相同隐患' WHERE inspection_id=? AND item_id='T-003'",
        [finished["id"]],
    )
    demo_store.conn.commit()
    for build in (content.notice, content.record):
        with pytest.raises(
            DocumentError, match="第2项问题的问题描述「同一部位是否反复出现相同隐患」仍是提问"
        ):
            build(demo_store, finished["id"])
    with pytest.raises(DocumentError, match="仍是提问"):
        issue(demo_store, "notice", finished["id"])
    assert demo_store.row("SELECT count(*) AS n FROM documents")["n"] == 0


def test_every_drafted_description_of_the_bundled_checklists_is_a_statement():
    from inspector.core.checklists import load_library
    from inspector.core.store import paths

    library = load_library(paths.bundled_checklists_dir(), None)
    items = [i for c in library.checklists for s in c.sections for i in s.items]
    assert len(items) >= 600
    questions = [(i.id, findings.draft_description(i.content)) for i in items]
    assert [q for q in questions if wording.QUESTION.search(q[1])] == []
    assert findings.draft_description("以往隐患是否按期整改到位，同一部位是否反复出现相同隐患") == (
        "以往隐患未按期整改到位，同一部位反复出现相同隐患"
    )
    assert findings.draft_description("证书是否齐全，是否在有效期内？") == "证书不齐全，不在有效期内"


def test_documents_of_the_demo_workspace_say_so(tmp_path):
    from inspector.core.store import Store, paths

    demo = Store.open(paths.demo_workspace().ensure())
    try:
        assert content.is_demo(demo)
    finally:
        demo.close()


def test_a_standard_is_named_once_with_its_number_once():
    problem = {
        "spot": "动火作业现场",
        "description": "未办理作业票，现场未设监护人",
        "basis": "《危险化学品企业特殊作业安全规范》（GB 30871-2022）5.2；"
        "《危险化学品企业特殊作业安全规范》（GB 30871-2022）5.3",
        "grade": "general",
    }
    assert content.problem_text(problem) == (
        "动火作业现场：未办理作业票，现场未设监护人，违反《危险化学品企业特殊作业安全规范》（GB 30871-2022）5.2、5.3"
    )
