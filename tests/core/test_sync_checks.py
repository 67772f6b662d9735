"""What an import refuses (and names), what it flags, and the written rule when both sides changed."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta

import pytest

from inspector.core import ledger, profile, signing
from inspector.core.documents import issue
from inspector.core.store import Store, audit, paths
from inspector.core.sync import bundle, export_bundle, import_bundle, workspace
from inspector.core.sync.package import build_package
from tests.core.sync_support import PIN, dump_hash, office_with_register, workspace_store
from tests.core.test_documents_support import finished_inspection

pytestmark = pytest.mark.usefixtures("quick_keys")


@pytest.fixture
def office():
    return office_with_register()


def _laptop(office, tmp_path, name="laptop-a", person="张检查", cert="FIELD-0001", series=None):
    laptop = workspace_store(name, "field", person, cert, series)
    register = build_package(office, "库尔勒经济技术开发区", tmp_path / f"register-{name}.zip", pin=PIN)
    assert import_bundle(laptop, register.path, trust=True).ok
    return laptop


def test_an_unknown_key_is_refused_until_trusted_once_and_recorded(office, tmp_path):
    laptop = _laptop(office, tmp_path)
    first = export_bundle(laptop, tmp_path / "1.zip", pin=PIN)
    before = dump_hash(office)
    refused = import_bundle(office, first.path)
    assert (refused.ok, refused.reason) == (False, "untrusted")
    assert "--trust" in refused.message and "张检查" in refused.message
    assert dump_hash(office) == before
    assert import_bundle(office, first.path, trust=True).ok
    key = office.row("SELECT * FROM sync_keys")
    assert (key["device_id"], key["how"], key["trusted_by"]) == (laptop.device_id, "explicit", office.actor)
    laptop.update(
        "enterprises", laptop.row("SELECT id FROM enterprises ORDER BY id LIMIT 1")["id"], {"notes": "新"}
    )
    assert import_bundle(office, export_bundle(laptop, tmp_path / "2.zip", pin=PIN).path).ok  # no --trust now


def test_a_bundle_claiming_another_device_with_a_trusted_key_is_refused(office, tmp_path):
    laptop = _laptop(office, tmp_path)
    assert import_bundle(office, export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path, trust=True).ok
    laptop.close()
    clone_root = paths.workspace("clone").root
    shutil.copytree(paths.workspace("laptop-a").root, clone_root)
    clone = Store.open(paths.Workspace(clone_root))
    clone.conn.execute("UPDATE device SET id='11111111-2222-3333-4444-555555555555'")
    clone.conn.commit()
    clone.reload_identity()
    replayed = export_bundle(clone, tmp_path / "clone.zip", pin=PIN, full=True)
    before = dump_hash(office)
    report = import_bundle(office, replayed.path, trust=True)
    assert (report.ok, report.reason) == (False, "replayed")
    assert "另一台设备" in report.message
    assert dump_hash(office) == before


def test_a_newer_major_format_is_refused_plainly(office, tmp_path, monkeypatch):
    laptop = _laptop(office, tmp_path)
    monkeypatch.setattr(bundle, "FORMAT_VERSION", "2.0")
    newer = export_bundle(laptop, tmp_path / "new.zip", pin=PIN)
    monkeypatch.setattr(bundle, "FORMAT_VERSION", "1.0")
    report = import_bundle(office, newer.path, trust=True)
    assert (report.ok, report.reason) == (False, "newer")
    assert "请先升级本软件" in report.message
    monkeypatch.setattr(bundle, "FORMAT_VERSION", "1.3")  # a newer minor version is read
    minor = export_bundle(laptop, tmp_path / "minor.zip", pin=PIN, full=True)
    monkeypatch.setattr(bundle, "FORMAT_VERSION", "1.0")
    assert import_bundle(office, minor.path, trust=True).ok


def test_a_document_whose_pdf_was_altered_is_refused(office, tmp_path, mini_checklist):
    laptop = _laptop(office, tmp_path)
    inspection = finished_inspection(laptop, mini_checklist, tmp_path)
    signer = signing.signer_for(laptop, profile.profile(laptop)["id"], PIN)
    notice = issue(laptop, "notice", inspection["id"], signer=signer)
    # changed through the store (so the audit chain agrees): only the PDF's own signature can tell
    laptop.update("documents", notice["id"], {"pdf": notice["pdf"] + b"\n% added later\n"})
    altered = export_bundle(laptop, tmp_path / "altered.zip", pin=PIN)
    before = dump_hash(office)
    report = import_bundle(office, altered.path, trust=True)
    assert (report.ok, report.reason) == (False, "pades")
    assert notice["number_text"] in report.message
    assert dump_hash(office) == before


def test_two_laptops_with_the_same_number_are_flagged(office, tmp_path, mini_checklist):
    a = _laptop(office, tmp_path, series=7)
    b = _laptop(office, tmp_path, "laptop-b", "李检查", "FIELD-0002", series=7)
    assert import_bundle(office, export_bundle(a, tmp_path / "a.zip", pin=PIN).path, trust=True).ok
    report = import_bundle(office, export_bundle(b, tmp_path / "b.zip", pin=PIN).path, trust=True)
    assert report.ok and any("本机编号 7" in w for w in report.warnings)
    assert workspace.duplicate_numbers(office) == [(7, sorted([a.device_id, b.device_id]))]
    roster = {person["name"]: person for person in workspace.roster(office)}
    assert [d["id"] for d in roster["张检查"]["devices"]] == [a.device_id]
    assert [d["series_no"] for d in roster["李检查"]["devices"]] == [7]
    assert len(roster["张检查"]["key_ids"]) == 2  # the PDF key and the paper key, public halves only
    assert (
        office.row("SELECT count(*) AS n FROM inspector_keys WHERE key_pem IS NOT NULL")["n"] == 2
    )  # the clerk's
    # … and once both issued a notice, the second number is refused by name
    for laptop in (a, b):
        inspection = finished_inspection(laptop, mini_checklist, tmp_path)
        issue(
            laptop,
            "notice",
            inspection["id"],
            signer=signing.signer_for(laptop, profile.profile(laptop)["id"], PIN),
        )
    assert import_bundle(office, export_bundle(a, tmp_path / "a2.zip", pin=PIN).path).ok
    before = dump_hash(office)
    refused = import_bundle(office, export_bundle(b, tmp_path / "b2.zip", pin=PIN).path)
    assert (refused.ok, refused.reason) == (False, "number")
    assert "应急责改〔" in refused.message and "相同的本机编号" in refused.message
    assert dump_hash(office) == before


def test_both_sides_changed_field_facts_and_office_decisions_both_kept(office, tmp_path, mini_checklist):
    laptop = _laptop(office, tmp_path)
    finished_inspection(laptop, mini_checklist, tmp_path)
    assert import_bundle(office, export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path, trust=True).ok
    hazard = office.row("SELECT * FROM hazards ORDER BY id LIMIT 1")
    finding_id = hazard["finding_id"]
    # the office starts the rectification, lists the hazard and edits the finding's wording …
    later = (date.today() + timedelta(days=40)).isoformat()
    ledger.start(office, hazard["id"], note="办公室登记：企业已开始整改")
    ledger.list_supervision(office, hazard["id"], body="县安委办", reason="逾期未整改", deadline=later)
    office.update("findings", finding_id, {"description": "办公室改的描述"})
    # … while on site the inspector records the enterprise's report and corrects the finding and its spot
    ledger.start(laptop, hazard["id"], note="企业已开始整改")
    ledger.report(laptop, hazard["id"], "已更换报警装置")
    laptop.update("findings", finding_id, {"description": "现场核实后的描述", "spot": "3号罐区"})
    report = import_bundle(office, export_bundle(laptop, tmp_path / "2.zip", pin=PIN).path)
    assert report.ok, report.message
    finding = office.get("findings", finding_id)
    assert (finding["description"], finding["spot"]) == ("现场核实后的描述", "3号罐区")  # field facts win
    merged = office.get("hazards", hazard["id"])
    assert (merged["status"], merged["listed_supervision"], merged["rectified_at"]) == (
        "in_progress",
        1,
        None,
    )
    assert merged["deadline"] == later  # changed by the office only: kept
    conflicts = {c["table_name"]: c for c in office.rows("SELECT * FROM sync_conflicts ORDER BY table_name")}
    assert set(conflicts) == {"findings", "hazards"}
    assert json.loads(conflicts["findings"]["office_version"])["description"] == "办公室改的描述"
    assert json.loads(conflicts["hazards"]["field_version"])["status"] == "rectified"
    assert "办公室的决定为准" in conflicts["hazards"]["rule"]
    transitions = office.rows(
        "SELECT action FROM hazard_transitions WHERE hazard_id=? ORDER BY at, id", [hazard["id"]]
    )
    assert [t["action"] for t in transitions].count("start") == 2 and "report" in {
        t["action"] for t in transitions
    }
    assert "2 处冲突待复核" in report.summary()
    assert audit.verify(office.conn).ok


def test_a_gap_is_refused_and_named_then_imports_once_filled(office, tmp_path):
    laptop = _laptop(office, tmp_path)
    first = export_bundle(laptop, tmp_path / "1.zip", pin=PIN)
    laptop.update(
        "enterprises", laptop.row("SELECT id FROM enterprises ORDER BY id LIMIT 1")["id"], {"notes": "新"}
    )
    second = export_bundle(laptop, tmp_path / "2.zip", pin=PIN)
    report = import_bundle(office, second.path, trust=True)
    assert (report.ok, report.reason) == (False, "gap")
    assert f"第 1–{second.seq_from - 1} 条缺失" in report.message
    assert import_bundle(office, first.path, trust=True).ok
    assert import_bundle(office, second.path).ok


def test_a_package_for_someone_else_or_an_old_one_is_refused(office, tmp_path):
    a = _laptop(office, tmp_path)
    b = _laptop(office, tmp_path, "laptop-b", "李检查", "FIELD-0002")
    for laptop in (a, b):
        assert import_bundle(office, export_bundle(laptop, tmp_path, pin=PIN).path, trust=True).ok
    for_a = build_package(office, "张检查", tmp_path / "for-a.zip", pin=PIN)
    report = import_bundle(b, for_a.path)
    assert (report.ok, report.reason) == (False, "target")
    old = build_package(office, "李检查", tmp_path / "old.zip", pin=PIN)
    new = build_package(office, "李检查", tmp_path / "new.zip", pin=PIN)
    assert import_bundle(b, new.path).ok
    assert b.setting("sync.acknowledged_seq") > 0
    before = dump_hash(b)
    report = import_bundle(b, old.path)
    assert (report.ok, report.reason) == (False, "backwards")
    assert dump_hash(b) == before


def test_a_package_brings_settings_checklists_and_number_blocks(office, tmp_path):
    from inspector.core.documents import numbering
    from tests.conftest import MINI_CHECKLIST

    laptop = _laptop(office, tmp_path)
    assert import_bundle(office, export_bundle(laptop, tmp_path, pin=PIN).path, trust=True).ok
    office.insert(
        "number_blocks",
        {
            "device_id": laptop.device_id,
            "doc_kind": "notice",
            "year": 2026,
            "first": 5001,
            "last": 5099,
            "next": 5001,
        },
    )
    office.workspace.checklists_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MINI_CHECKLIST, office.workspace.checklists_dir / "mini.yaml")
    office.set_setting("office.major_deadline_days", 20)
    package = build_package(office, "张检查", tmp_path / "p.zip", pin=PIN)
    report = import_bundle(laptop, package.path)
    assert report.ok, report.message
    assert laptop.setting("office.major_deadline_days") == 20
    assert (laptop.workspace.checklists_dir / "mini.yaml").read_bytes() == MINI_CHECKLIST.read_bytes()
    blocks = numbering.blocks(laptop, kind="notice", year=2026)
    assert [(b["first"], b["last"]) for b in blocks if b["first"] == 5001] == [(5001, 5099)]


def test_conflicts_are_listed_for_review_page_by_page(office, tmp_path, mini_checklist):
    from inspector.core.sync import review

    laptop = _laptop(office, tmp_path)
    finished_inspection(laptop, mini_checklist, tmp_path)
    assert import_bundle(office, export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path, trust=True).ok
    for finding in office.rows("SELECT id FROM findings ORDER BY id"):
        office.update("findings", finding["id"], {"spot": "办公室"})
        laptop.update("findings", finding["id"], {"spot": "现场"})
    assert import_bundle(office, export_bundle(laptop, tmp_path / "2.zip", pin=PIN).path).ok
    assert review.count_open(office) == 3
    first = review.open_conflicts(office, limit=2)
    rest = review.open_conflicts(office, limit=2, after=first[-1])
    assert len(first) == 2 and len(rest) == 1 and first[0]["what"] == "问题"
    assert review.describe(first[0]) == "隐患部位：办公室“办公室”，现场“现场”，保留现场的"
    review.mark_reviewed(office, first[0]["id"])
    assert review.count_open(office) == 2
    plan = office.conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM sync_conflicts WHERE reviewed_at IS NULL ORDER BY at, id LIMIT 50"
    ).fetchall()
    assert "USING INDEX sync_conflicts_open" in str(plan) and "TEMP B-TREE" not in str(plan)


def test_a_record_changed_outside_the_software_is_refused(office, tmp_path, mini_checklist):
    laptop = _laptop(office, tmp_path)
    finished_inspection(laptop, mini_checklist, tmp_path)
    finding = laptop.row("SELECT id FROM findings ORDER BY id LIMIT 1")
    laptop.conn.execute("UPDATE findings SET description='悄悄改过' WHERE id=?", [finding["id"]])
    laptop.conn.commit()
    report = import_bundle(
        office, export_bundle(laptop, tmp_path / "1.zip", pin=PIN, full=True).path, trust=True
    )
    assert (report.ok, report.reason) == (False, "tampered")
    assert finding["id"] in report.message and "在软件之外被改动" in report.message


def test_the_import_queries_on_growing_tables_use_their_indexes(office):
    queries = [
        ("SELECT * FROM findings WHERE id IN (?, ?)", ["a", "b"]),
        (
            "SELECT record_id, digest, content FROM sync_base WHERE table_name=? AND record_id IN (?, ?)",
            ["findings", "a", "b"],
        ),
        ("SELECT seq, hash FROM sync_audit WHERE device_id=? AND seq BETWEEN ? AND ?", ["d", 1, 9]),
        (
            "SELECT id, number_text, origin_device FROM documents WHERE number_text IN (?) ORDER BY number_text",
            ["n"],
        ),
        ("SELECT 1 FROM sync_bundles WHERE id=?", ["b"]),
        (
            "SELECT table_name, record_id FROM audit_log WHERE seq BETWEEN ? AND ? GROUP BY table_name, record_id"
            " ORDER BY table_name, record_id",
            [1, 9],
        ),
    ]
    for sql, params in queries:
        plan = " ".join(str(row[3]) for row in office.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", ""), (sql, plan)
