"""Corrections in core: the inspector's own details and a colleague's (audited, certificate numbers stay
unique), photos turned (the original kept) or removed with a reason, and what a laptop number touches."""

import pytest
from PIL import Image

from inspector.core import profile
from inspector.core.capture import findings, inspections, media
from inspector.core.capture.inspections import InspectionError
from inspector.core.documents import numbering


def _actions(store, table):
    return [
        r["action"]
        for r in store.rows("SELECT action FROM audit_log WHERE table_name=? ORDER BY seq", [table])
    ]


def test_the_profile_is_corrected_and_audited(demo_store):
    me = profile.profile(demo_store)
    with pytest.raises(profile.ProfileError) as refused:
        profile.update_profile(demo_store, "张伟", "65280019002", me["organisation"])  # 李娜's
    assert refused.value.field == "cert_no"
    with pytest.raises(profile.ProfileError):
        profile.update_profile(demo_store, "张伟", me["cert_no"], " ")
    updated = profile.update_profile(demo_store, " 张伟民 ", me["cert_no"], me["organisation"])
    assert updated["name"] == "张伟民" and profile.profile(demo_store)["name"] == "张伟民"
    assert _actions(demo_store, "inspectors")[-1] == "profile"
    before = len(_actions(demo_store, "inspectors"))
    profile.update_profile(demo_store, "张伟民", me["cert_no"], me["organisation"])  # no change: no entry
    assert len(_actions(demo_store, "inspectors")) == before


def test_a_colleague_is_corrected_and_the_profile_is_not_a_colleague(demo_store):
    colleague = profile.roster(demo_store)[0]
    assert (
        profile.update_colleague(demo_store, colleague["id"], "李娜娜", colleague["cert_no"])["name"]
        == "李娜娜"
    )
    assert _actions(demo_store, "inspectors")[-1] == "roster"
    with pytest.raises(profile.ProfileError):
        profile.update_colleague(demo_store, profile.profile(demo_store)["id"], "x", "12345")


def test_a_photo_is_turned_and_removed_with_a_reason(demo_store, inspection, mini_checklist, tmp_path):
    inspections.answer(demo_store, inspection["id"], mini_checklist.content_hash, "T-001", "fail")
    finding = findings.record(
        demo_store, inspection["id"], mini_checklist.content_hash, "T-001", spot="东门", description="x"
    )
    source = tmp_path / "门口.png"
    Image.new("RGB", (40, 10), "red").save(source)
    original = findings.add_photo(demo_store, finding["id"], source)
    turned = findings.rotate_photo(demo_store, finding["id"], original["id"], clockwise=False)
    assert (turned["width"], turned["height"]) == (10, 40)
    assert [p["id"] for p in findings.photos(demo_store, finding["id"])] == [turned["id"]]
    assert media.path_of(demo_store, original).exists()  # the original file stays, as evidence
    back = findings.rotate_photo(demo_store, finding["id"], turned["id"], clockwise=True)
    assert back["id"] == original["id"]  # turned back: the original is linked again, not a copy
    assert [p["id"] for p in findings.photos(demo_store, finding["id"])] == [original["id"]]
    with pytest.raises(InspectionError):
        findings.rotate_photo(demo_store, finding["id"], turned["id"])  # no longer in the finding
    findings.remove_photo(demo_store, finding["id"], original["id"], reason="拍到了无关人员")
    assert findings.photos(demo_store, finding["id"]) == []
    assert _actions(demo_store, "finding_media")[-1] == "photo-remove:拍到了无关人员"


def test_what_a_laptop_number_touches(demo_store):
    assert numbering.series_in_use(demo_store)["issued"] == 0
    with demo_store.transaction():
        numbering.take_number(demo_store, "notice", 2026)
        numbering.take_number(demo_store, "notice", 2026)
    used = numbering.series_in_use(demo_store)
    assert used["issued"] == 2 and used["example"] == "（库）应急责改〔2026〕1002号"
    assert [(b["doc_kind"], b["year"], b["first"]) for b in used["blocks"]] == [("notice", 2026, 1001)]
