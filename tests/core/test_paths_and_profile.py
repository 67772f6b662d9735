"""Paths follow INSPECTOR_HOME; the first run validates the profile and creates the device identity."""

import pytest

from inspector.core import profile
from inspector.core.profile import ProfileError, ProfileInput
from inspector.core.store import paths


def test_inspector_home_moves_everything(isolated_home):
    assert paths.data_root() == isolated_home.resolve()
    ws = paths.workspace().ensure()
    for folder in (ws.root, ws.media_dir, ws.exports_dir, ws.logs_dir, ws.checklists_dir):
        assert folder.is_dir() and isolated_home.resolve() in folder.parents
    assert ws.db_path.parent == ws.root
    assert paths.demo_workspace().root != ws.root


def test_resources_are_found_in_the_source_tree():
    assert paths.resource("translations").is_dir()
    assert paths.bundled_checklists_dir().is_dir()


GOOD = ProfileInput("张伟", "65280019001", "巴音郭楞蒙古自治州应急管理局", "库")


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"name": "  "}, "name", "请填写姓名"),
        ({"cert_no": "12"}, "cert_no", "执法证号"),
        ({"cert_no": "6528 0019"}, "cert_no", "执法证号"),
        ({"organisation": ""}, "organisation", "所在单位"),
        ({"region_abbr": "KRL"}, "region_abbr", "地区简称"),
        ({"region_abbr": ""}, "region_abbr", "地区简称"),
        ({"series_no": 0}, "series_no", "本机编号"),
        ({"series_no": 1000}, "series_no", "本机编号"),
    ],
)
def test_bad_profile_fields_are_named_and_nothing_is_written(store, change, field, text):
    bad = ProfileInput(**{**GOOD.__dict__, **change})
    with pytest.raises(ProfileError) as caught:
        profile.set_up(store, bad)
    assert caught.value.field == field
    assert text in str(caught.value)
    assert store.row("SELECT count(*) AS n FROM device")["n"] == 0
    assert store.row("SELECT count(*) AS n FROM audit_log")["n"] == 0


def test_set_up_creates_device_and_profile(store):
    assert not profile.is_set_up(store)
    me = profile.set_up(store, ProfileInput("张伟", "65280019001", "州应急管理局", "（库）"))
    assert profile.is_set_up(store)
    device = profile.device(store)
    assert len(device["id"]) == 36 and device["kind"] == "field"
    assert store.actor == me["id"]
    assert store.setting("office.region_abbr") == "库"
    with pytest.raises(ProfileError):
        profile.set_up(store, GOOD)


def test_roster_rejects_duplicate_certificate(demo_store):
    names = [p["name"] for p in profile.roster(demo_store)]
    assert "李娜" in names and "张伟" not in names
    with pytest.raises(ProfileError, match="已属于"):
        profile.add_colleague(demo_store, "冒名", "65280019002")
