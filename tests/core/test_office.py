"""Office settings are validated before anything printed on a document depends on them."""

import pytest

from inspector.core import office


def test_office_settings_are_checked_and_nothing_bad_is_saved(demo_store):
    before = office.load(demo_store)
    for change, field in (
        ({"region_abbr": "库|"}, "region_abbr"),
        ({"issuing_body": " "}, "issuing_body"),
        ({"major_deadline_days": 0}, "major_deadline_days"),
    ):
        bad = office.OfficeSettings(**{**before.__dict__, **change})
        with pytest.raises(office.OfficeError) as caught:
            office.save(demo_store, bad)
        assert caught.value.field == field
    assert office.load(demo_store) == before
    office.save(demo_store, office.OfficeSettings(**{**before.__dict__, "region_abbr": "（巴）"}))
    assert office.load(demo_store).region_abbr == "巴"


def test_issuing_is_checked_before_anyone_signs(demo_store):
    from inspector.core.capture import inspections
    from inspector.core.documents import DocumentError
    from inspector.core.documents.issue import check_issuable

    finished = next(r for r in inspections.listing(demo_store) if r["status"] == "finished")
    before = demo_store.row("SELECT count(*) AS n FROM audit_log")["n"]
    check_issuable(demo_store, "notice", finished["id"])  # fine: raises nothing, keeps nothing
    assert demo_store.row("SELECT count(*) AS n FROM audit_log")["n"] == before
    assert demo_store.row("SELECT count(*) AS n FROM number_blocks")["n"] == 0
    settings = office.load(demo_store)
    settings.court = ""
    office.save(demo_store, settings)
    with pytest.raises(DocumentError, match="人民法院"):
        check_issuable(demo_store, "notice", finished["id"])
