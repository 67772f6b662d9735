"""Findings: grade defaults and overrides, deadlines, hazards, photos stored once, repeats."""

from datetime import date, timedelta

import pytest
from PIL import Image

from inspector.core import office
from inspector.core.capture import findings, inspections, media
from inspector.core.capture.inspections import InspectionError


def _fail(store, inspection, checklist, item_id, **kwargs):
    inspections.answer(store, inspection["id"], checklist.content_hash, item_id, "fail")
    values = {"spot": "2号罐区", "description": "未设置可燃气体检测报警装置", **kwargs}
    return findings.record(store, inspection["id"], checklist.content_hash, item_id, **values)


def test_major_criterion_makes_the_finding_major_by_default(demo_store, inspection, mini_checklist):
    finding = _fail(demo_store, inspection, mini_checklist, "T-004")
    assert finding["grade"] == finding["default_grade"] == "major"
    assert "安监总管三〔2017〕121号" not in finding["major_criterion"]
    assert finding["major_criterion"].startswith(
        "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》"
    )
    assert finding["basis"]
    hazard = demo_store.row("SELECT * FROM hazards WHERE finding_id=?", [finding["id"]])
    assert (hazard["status"], hazard["grade"], hazard["deadline"]) == ("open", "major", finding["deadline"])


def test_changing_the_grade_needs_a_written_reason_which_is_kept(demo_store, inspection, mini_checklist):
    with pytest.raises(InspectionError, match="须写明理由") as caught:
        _fail(demo_store, inspection, mini_checklist, "T-004", grade="general")
    assert caught.value.field == "grade_reason"
    assert findings.photos  # the module is importable without Qt
    finding = _fail(
        demo_store,
        inspection,
        mini_checklist,
        "T-004",
        grade="general",
        grade_reason="报警装置已安装，仅一处探头故障，可立即更换",
    )
    assert finding["grade"] == "general" and finding["grade_reason"].startswith("报警装置已安装")
    hazard = demo_store.row("SELECT grade FROM hazards WHERE finding_id=?", [finding["id"]])
    assert hazard["grade"] == "general"


def test_default_deadlines_come_from_office_settings(demo_store, inspection, mini_checklist):
    settings = office.load(demo_store)
    settings.general_deadline_days, settings.major_deadline_days = 7, 45
    office.save(demo_store, settings)
    general = _fail(demo_store, inspection, mini_checklist, "T-001")
    major = _fail(demo_store, inspection, mini_checklist, "T-004")
    assert general["deadline"] == (date.today() + timedelta(days=7)).isoformat()
    assert major["deadline"] == (date.today() + timedelta(days=45)).isoformat()


def test_missing_spot_or_bad_deadline_is_refused(demo_store, inspection, mini_checklist):
    with pytest.raises(InspectionError, match="部位"):
        _fail(demo_store, inspection, mini_checklist, "T-001", spot=" ")
    with pytest.raises(InspectionError, match="日期"):
        _fail(demo_store, inspection, mini_checklist, "T-001", deadline="下周")
    assert not inspections.findings_of(demo_store, inspection["id"])


def test_passing_an_item_again_retires_its_finding_and_hazard(demo_store, inspection, mini_checklist):
    finding = _fail(demo_store, inspection, mini_checklist, "T-001")
    inspections.answer(demo_store, inspection["id"], mini_checklist.content_hash, "T-001", "pass")
    assert not inspections.findings_of(demo_store, inspection["id"])
    assert demo_store.row("SELECT deleted_at FROM hazards WHERE finding_id=?", [finding["id"]])["deleted_at"]


def _jpeg(path, orientation=None, colour="red"):
    image = Image.new("RGB", (40, 20), colour)
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", exif=exif)
    return path


def test_photos_are_stored_once_by_sha256_and_thumbnails_respect_exif(
    demo_store, inspection, mini_checklist, tmp_path
):
    finding = _fail(demo_store, inspection, mini_checklist, "T-004")
    photo = _jpeg(tmp_path / "IMG_0001.jpg", orientation=6)
    copy = tmp_path / "copy.jpg"
    copy.write_bytes(photo.read_bytes())
    first = findings.add_photo(demo_store, finding["id"], photo)
    again = findings.add_photo(demo_store, finding["id"], copy)
    assert first["id"] == again["id"]
    assert len(findings.photos(demo_store, finding["id"])) == 1
    stored = media.path_of(demo_store, first)
    assert stored.read_bytes() == photo.read_bytes()  # the original is kept byte for byte
    assert stored.name.startswith(first["sha256"])
    assert (first["width"], first["height"]) == (20, 40)  # upright: rotated by the EXIF tag
    with Image.open(media.thumbnail(demo_store, first)) as thumb:
        assert thumb.size[1] > thumb.size[0]
    assert inspections.summary(demo_store, inspection["id"])["photos"] == 1


def test_a_file_that_is_not_an_image_is_refused(demo_store, inspection, mini_checklist, tmp_path):
    finding = _fail(demo_store, inspection, mini_checklist, "T-004")
    bogus = tmp_path / "notes.jpg"
    bogus.write_text("not a picture")
    with pytest.raises(ValueError, match="不是可识别的图片"):
        findings.add_photo(demo_store, finding["id"], bogus)
    assert demo_store.row("SELECT count(*) AS n FROM media WHERE original_name='notes.jpg'")["n"] == 0


def test_repeats_by_item_and_by_spot_at_the_same_enterprise(demo_store, inspection, mini_checklist):
    earlier = _fail(demo_store, inspection, mini_checklist, "T-004", spot="2号罐区 东侧")
    inspections.finish(demo_store, inspection["id"])
    later = inspections.start(
        demo_store,
        inspection["enterprise_id"],
        [mini_checklist],
        "复查",
        [r["inspector_id"] for r in inspections.inspectors_of(demo_store, inspection["id"])],
    )
    same_item = findings.repeats(demo_store, later["id"], mini_checklist.content_hash, "T-004", "别处")
    assert [r["id"] for r in same_item if r["same_item"]] == [earlier["id"]]
    same_spot = findings.repeats(demo_store, later["id"], mini_checklist.content_hash, "T-001", "2号罐区东侧")
    assert earlier["id"] in [r["id"] for r in same_spot if r["same_spot"]]
    assert not findings.repeats(demo_store, later["id"], mini_checklist.content_hash, "T-001", "办公楼")
    assert "2号罐区 东侧" in findings.earlier_spots(demo_store, inspection["enterprise_id"])


def test_open_problems_before_finishing(demo_store, inspection, mini_checklist):
    sid = mini_checklist.content_hash
    inspections.answer(demo_store, inspection["id"], sid, "T-001", "fail")
    _fail(demo_store, inspection, mini_checklist, "T-004")
    problems = inspections.open_problems(demo_store, inspection["id"])
    items = sorted(problems.pop("items"))
    assert problems == {"no_finding": 1, "no_photo": 1, "no_measures": 1}
    assert ("T-001", "no_finding") in [(i, p) for _s, i, p in items]  # each problem named by its item
    assert {p for _s, _i, p in items} >= {"no_finding", "no_measures"}


def test_a_finding_needs_a_failed_answer(demo_store, inspection, mini_checklist):
    sid = mini_checklist.content_hash
    with pytest.raises(InspectionError, match="判为不合格"):
        findings.record(demo_store, inspection["id"], sid, "T-001", spot="东门", description="x")
    finding = _fail(demo_store, inspection, mini_checklist, "T-001")
    inspections.answer(demo_store, inspection["id"], sid, "T-001", "pass")
    with pytest.raises(InspectionError, match="判为不合格"):  # a late autosave cannot bring it back
        findings.record(demo_store, inspection["id"], sid, "T-001", spot="东门", description="x")
    assert demo_store.get("findings", finding["id"])["deleted_at"]


def test_deadline_before_the_inspection_and_measured_value_from_the_answer(
    demo_store, inspection, mini_checklist
):
    sid = mini_checklist.content_hash
    with pytest.raises(InspectionError, match="不能早于检查日期"):
        _fail(demo_store, inspection, mini_checklist, "T-001", deadline=date(2001, 1, 1))
    with pytest.raises(InspectionError, match="测量值"):
        inspections.answer(demo_store, inspection["id"], sid, "T-005", "pass")
    inspections.answer(demo_store, inspection["id"], sid, "T-005", value=40)
    finding = findings.record(demo_store, inspection["id"], sid, "T-005", spot="1号储罐", description="超限")
    assert finding["measured_value"] == 40
    assert inspections.answer(demo_store, inspection["id"], sid, "T-005", "na")["result"] == "na"


def test_spots_typed_full_width_or_with_hash_are_the_same_spot(demo_store, inspection, mini_checklist):
    earlier = _fail(demo_store, inspection, mini_checklist, "T-004", spot="2号罐区")
    inspections.finish(demo_store, inspection["id"])
    later = inspections.start(
        demo_store,
        inspection["enterprise_id"],
        [mini_checklist],
        "复查",
        [r["inspector_id"] for r in inspections.inspectors_of(demo_store, inspection["id"])],
    )
    for typed in ("２号罐区", "2#罐区", " 2 号 罐区 "):
        found = findings.repeats(demo_store, later["id"], mini_checklist.content_hash, "T-001", typed)
        assert earlier["id"] in [r["id"] for r in found], typed


def test_draft_description_reads_as_a_problem():
    assert findings.draft_description("是否设置可燃气体检测报警装置") == "未设置可燃气体检测报警装置"
    assert findings.draft_description("回风巷甲烷浓度是否超限？") == "回风巷甲烷浓度超限"
    assert findings.draft_description("疏散通道畅通") == "疏散通道畅通不符合要求"


def test_every_grade_override_reason_stays_in_the_audit_trail(demo_store, inspection, mini_checklist):
    _fail(demo_store, inspection, mini_checklist, "T-004", grade="general", grade_reason="仅一处探头故障")
    _fail(demo_store, inspection, mini_checklist, "T-004")  # set back to the default: major
    actions = [
        r["action"] for r in demo_store.rows("SELECT action FROM audit_log WHERE table_name='findings'")
    ]
    assert "finding|grade:general:仅一处探头故障" in actions
    assert actions[-1] == "finding"
