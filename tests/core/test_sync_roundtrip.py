"""The issue's "Done when": two laptops export, the office imports both (and again: no change), builds a
package, a laptop imports it and re-checks a hazard, exports, the office imports and the hazard is closed
with the re-check opinion attached. Then up the hierarchy: county → prefecture."""

from __future__ import annotations

import json

import pytest

from inspector.core import ledger, profile, signing
from inspector.core.documents import issue
from inspector.core.ledger import recheck
from inspector.core.store import audit
from inspector.core.sync import export_bundle, import_bundle, import_many
from inspector.core.sync.package import build_package
from tests.core.sync_support import PIN, content_digest, dump_hash, office_with_register, workspace_store
from tests.core.test_documents_support import finished_inspection

pytestmark = pytest.mark.usefixtures("quick_keys")


def _laptop(name, person, cert_no, office, tmp_path):
    laptop = workspace_store(name, "field", person, cert_no)
    register = build_package(office, "库尔勒经济技术开发区", tmp_path / f"register-{name}.zip", pin=PIN)
    report = import_bundle(laptop, register.path, trust=True)
    assert report.ok, report.message
    return laptop


def _inspect(laptop, checklist, tmp_path):
    inspection = finished_inspection(laptop, checklist, tmp_path)
    signer = signing.signer_for(laptop, profile.profile(laptop)["id"], PIN)
    notice = issue(laptop, "notice", inspection["id"], signer=signer)
    return inspection, notice


@pytest.fixture
def field(tmp_path, mini_checklist):
    office = office_with_register()
    a = _laptop("laptop-a", "张检查", "FIELD-0001", office, tmp_path)
    b = _laptop("laptop-b", "李检查", "FIELD-0002", office, tmp_path)
    inspection, notice = _inspect(a, mini_checklist, tmp_path)
    return office, a, b, inspection, notice


def test_round_trip(field, tmp_path):
    office, a, b, inspection, notice = field
    out = tmp_path / "usb"
    out.mkdir()
    first_a = export_bundle(a, out, pin=PIN)
    first_b = export_bundle(b, out, pin=PIN)
    dry = import_many(office, [out], dry_run=True, trust=True)
    assert [r.ok for r in dry] == [True, True]
    assert "将新增" in dry[0].summary() or "将新增" in dry[1].summary()
    before_dry = dump_hash(office)
    reports = import_many(office, [out], trust=True)
    assert all(r.ok for r in reports), [r.message for r in reports]
    assert dump_hash(office) != before_dry
    hazards = office.rows("SELECT * FROM hazards WHERE deleted_at IS NULL ORDER BY id")
    assert len(hazards) == 3
    assert ledger.count(office) == 3  # the office's ledger holds them
    assert audit.verify(office.conn).ok, audit.verify(office.conn).problems[:3]
    # again: nothing changes
    held = dump_hash(office)
    again = import_many(office, [first_a.path, first_b.path])
    assert all(r.ok and "已经导入过" in r.summary() for r in again)
    assert dump_hash(office) == held

    # the office's package for laptop B's inspector: the region's hazards due for re-check
    me_b = profile.profile(b)
    package = build_package(office, me_b["cert_no"], tmp_path / "for-b.zip", pin=PIN)
    assert package.target["device_id"] == b.device_id
    report = import_bundle(b, package.path)
    assert report.ok, report.message
    assert b.row("SELECT count(*) AS n FROM hazards WHERE status!='verified'")["n"] == 3

    # B re-checks A's notice: every hazard rectified
    people = [me_b["id"], profile.profile(a)["id"]]
    rc = recheck.start(b, inspection["enterprise_id"], people, original=notice["number_text"])
    for item in rc["items"]:
        recheck.record(b, rc["id"], item["hazard_id"], rectified=True, note="已整改到位")
    opinion = recheck.finish(b, rc["id"], signer=signing.signer_for(b, me_b["id"], PIN))
    second_b = export_bundle(b, out, pin=PIN)
    assert second_b.seq_from > 1
    report = import_bundle(office, second_b.path)
    assert report.ok, report.message
    closed = office.rows("SELECT * FROM hazards WHERE deleted_at IS NULL ORDER BY id")
    assert {h["status"] for h in closed} == {"verified"}
    assert ledger.count(office, ledger.Filters(statuses=["verified"])) == 3
    for hazard in closed:
        last = ledger.history(office, hazard["id"])[-1]
        assert last["recheck_id"] == rc["id"]
    held_recheck = office.get("rechecks", rc["id"])
    assert held_recheck["document_id"] == opinion["id"]
    assert office.get("documents", opinion["id"])["pdf"] == opinion["pdf"]
    assert audit.verify(office.conn).ok
    assert not report.conflicts


def test_up_the_hierarchy(field, tmp_path):
    office, a, b, _inspection, _notice = field
    for laptop in (a, b):
        assert import_bundle(office, export_bundle(laptop, tmp_path, pin=PIN).path, trust=True).ok
    prefecture = workspace_store("prefecture", "office", "州文员", "PREF-0001")
    county_bundle = export_bundle(office, tmp_path / "county.zip", pin=PIN)
    refused = import_bundle(prefecture, county_bundle.path)
    assert not refused.ok and refused.reason == "untrusted"
    report = import_bundle(prefecture, county_bundle.path, trust=True)
    assert report.ok, report.message
    for table in ("hazards", "findings", "documents", "inspections"):
        mine = office.rows(f"SELECT id, origin_device FROM {table} ORDER BY id")
        theirs = prefecture.rows(f"SELECT id, origin_device FROM {table} ORDER BY id")
        assert mine == theirs
    assert {h["origin_device"] for h in prefecture.rows("SELECT origin_device FROM hazards")} == {a.device_id}
    for laptop in (a, b):
        held = prefecture.row("SELECT last_seq FROM sync_devices WHERE id=?", [laptop.device_id])
        assert (
            held["last_seq"]
            == office.row("SELECT last_seq FROM sync_devices WHERE id=?", [laptop.device_id])["last_seq"]
        )
    county = prefecture.row("SELECT * FROM sync_devices WHERE id=?", [office.device_id])
    assert county["kind"] == "office"
    assert audit.verify(prefecture.conn).ok
    same = content_digest(prefecture)
    assert "已经导入过" in import_bundle(prefecture, county_bundle.path).summary()
    assert content_digest(prefecture) == same
    summary = json.loads(prefecture.row("SELECT summary FROM sync_bundles")["summary"])
    assert summary["ok"]
