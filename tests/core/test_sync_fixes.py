"""Regression tests of the sync defects a reviewer reproduced (issue 9): each failed before its fix."""

from __future__ import annotations

import errno
import io
import json
import tracemalloc
import zipfile

import pytest

from inspector.core.sync import BundleError, bundle, export_bundle, import_bundle
from inspector.core.sync.package import build_package
from inspector.core.sync.status import pending
from tests.core.sync_support import PIN, dump_hash, office_with_register, workspace_store
from tests.core.test_documents_support import finished_inspection

pytestmark = pytest.mark.usefixtures("quick_keys")


@pytest.fixture
def office():
    return office_with_register()


def _laptop(office, tmp_path, name="laptop-a", person="张检查", cert="FIELD-0001"):
    laptop = workspace_store(name, "field", person, cert)
    register = build_package(office, "库尔勒经济技术开发区", tmp_path / f"register-{name}.zip", pin=PIN)
    assert import_bundle(laptop, register.path, trust=True).ok
    return laptop


def _first_enterprise(store):
    return store.row("SELECT id FROM enterprises ORDER BY id LIMIT 1")["id"]


# 5. An export to a folder that cannot be written, or to a full disk


def test_an_export_to_an_unwritable_folder_is_refused_in_chinese_and_leaves_no_part_file(office, tmp_path):
    laptop = _laptop(office, tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(BundleError) as refused:
        export_bundle(laptop, blocker / "out.zip", pin=PIN)
    assert refused.value.reason == "unwritable"
    assert str(blocker) in str(refused.value) and "无法写入文件夹" in str(refused.value)
    assert laptop.row("SELECT count(*) AS n FROM sync_exports")["n"] == 0


def test_an_export_to_a_full_disk_deletes_the_part_file(office, tmp_path, monkeypatch):
    laptop = _laptop(office, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    real_fsync = bundle.os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bundle.os, "fsync", full)
    with pytest.raises(BundleError) as refused:
        export_bundle(laptop, usb / "out.zip", pin=PIN)
    monkeypatch.setattr(bundle.os, "fsync", real_fsync)
    assert refused.value.reason == "disk-full"
    assert "磁盘空间不足" in str(refused.value) and str(usb) in str(refused.value)
    assert list(usb.iterdir()) == []  # no .part left behind
    assert laptop.row("SELECT count(*) AS n FROM sync_exports")["n"] == 0


def test_the_export_command_fails_plainly_on_an_unwritable_folder(office, tmp_path, monkeypatch, capsys):
    from inspector import cli

    laptop = _laptop(office, tmp_path)
    laptop.close()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("INSPECTOR_PIN", PIN)
    code = cli.main(["--workspace", "laptop-a", "export", "--out", str(blocker / "out.zip")])
    assert code != 0
    err = capsys.readouterr().err
    assert "无法写入文件夹" in err and "Traceback" not in err
    assert not list(tmp_path.glob("**/*.part"))


# 6. 「尚未导出」 right after an export, once a package was imported


def test_pending_counts_from_the_last_export_and_shows_the_unacknowledged_apart(
    office, tmp_path, mini_checklist
):
    laptop = _laptop(office, tmp_path)
    finished_inspection(laptop, mini_checklist, tmp_path)
    assert import_bundle(office, export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path, trust=True).ok
    laptop.update("enterprises", _first_enterprise(laptop), {"notes": "第二次"})
    export_bundle(laptop, tmp_path / "2.zip", pin=PIN)  # not yet at the office
    package = build_package(office, "FIELD-0001", tmp_path / "for-a.zip", pin=PIN)
    assert import_bundle(laptop, package.path).ok  # the office acknowledges the first export only
    export_bundle(laptop, tmp_path / "3.zip", pin=PIN)
    state = pending(laptop)
    assert state["records"] == 0  # everything has been exported
    assert state["unacknowledged"] >= 1  # … but the office has not yet confirmed the second export
    laptop.update("enterprises", _first_enterprise(laptop), {"notes": "第三次"})
    assert pending(laptop)["records"] == 1


# 11. The last export's time


def test_last_export_is_the_latest_by_time_not_by_id(office, tmp_path):
    laptop = _laptop(office, tmp_path)
    rows = [
        ("0000", "field", 1, 5, 0, "2026-01-01T08:00:00+00:00", "a.zip"),
        ("ffff", "field", 1, 5, 1, "2026-01-02T08:00:00+00:00", "b.zip"),
    ]
    laptop.conn.executemany(
        "INSERT INTO sync_exports (id, kind, seq_from, seq_to, full, created_at, file_name)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    assert pending(laptop)["last_export"] == "2026-01-02T08:00:00+00:00"


# 7. A zip bomb is refused before it is inflated


def _bomb(path, inflated: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(bundle.MANIFEST, b"{}")
        archive.writestr(bundle.SIGNATURE, b"")
        with archive.open("blobs/x", "w", force_zip64=True) as entry:
            zeros = bytes(2**20)
            for _ in range(inflated // 2**20):
                entry.write(zeros)


def test_a_zip_bomb_is_refused_unread_with_bounded_memory(office, tmp_path):
    bomb = tmp_path / "bomb.zip"
    _bomb(bomb, bundle.MAX_ENTRY_BYTES + 2**20)
    assert bomb.stat().st_size < 2 * 2**20  # small on disk
    before = dump_hash(office)
    tracemalloc.start()
    report = import_bundle(office, bomb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert (report.ok, report.reason) == (False, "too-large")
    assert "blobs/x" in report.message and "上限" in report.message
    assert peak < 16 * 2**20
    assert dump_hash(office) == before


def test_the_total_size_is_limited_too(office, tmp_path, monkeypatch):
    laptop = _laptop(office, tmp_path)
    path = export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path
    total = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(bundle, "MAX_TOTAL_BYTES", total - 1)
    with pytest.raises(BundleError) as refused:
        bundle.read(path)
    assert refused.value.reason == "too-large" and "共有" in str(refused.value)
    monkeypatch.setattr(bundle, "MAX_TOTAL_BYTES", total)
    assert bundle.read(path).id


# 9. Refusals in Chinese, without library text


def test_refusals_name_kinds_in_chinese_and_hide_library_text(office, tmp_path):
    laptop = _laptop(office, tmp_path)
    other = build_package(office, "库尔勒经济技术开发区", tmp_path / "pk.zip", pin=PIN)
    report = import_bundle(office, other.path, trust=True)
    assert report.reason == "kind"
    assert "办公室下发给外业电脑的同步包" in report.message and "package" not in report.message
    assert "外业电脑导出的同步包" in report.message

    notzip = tmp_path / "notzip.zip"
    notzip.write_bytes(b"hello, not a zip")
    report = import_bundle(office, notzip)
    assert report.reason == "truncated" and "File is not a zip file" not in report.message
    assert "zip" in report.message and "截断" in report.message

    good = export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path
    entries = {i.filename: zipfile.ZipFile(good).read(i.filename) for i in zipfile.ZipFile(good).infolist()}
    name = next(n for n in entries if n.startswith("records/"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n, data in entries.items():
            archive.writestr(n, data, zipfile.ZIP_STORED)
    raw = bytearray(buffer.getvalue())
    at = raw.index(entries[name][:40])
    raw[at + 5] ^= 0x01  # a flipped bit: the CRC fails
    bad = tmp_path / "crc.zip"
    bad.write_bytes(bytes(raw))
    report = import_bundle(office, bad, trust=True)
    assert report.reason == "corrupted", report.message
    assert name in report.message and "CRC" not in report.message and "Bad" not in report.message


# 1. The same enterprise registered on two workspaces under two ids


def _new_enterprise(name: str) -> dict:
    from inspector.core.register.uscc import check_character

    first17 = "91652801MA7ABCD1X"
    return {
        "name": name,
        "code": first17 + check_character(first17),
        "sector": "危险化学品",
        "region": "库尔勒经济技术开发区",
        "address": "库尔勒经济技术开发区天山路",
        "legal_rep": "赵六",
        "legal_rep_title": "总经理",
        "phone": "0996-1234567",
    }


def test_an_enterprise_registered_twice_is_merged_and_sync_goes_on(office, tmp_path, mini_checklist):
    from inspector.core.register import enterprises
    from inspector.core.store import audit
    from inspector.core.sync import review

    laptop = _laptop(office, tmp_path)
    at_office = enterprises.create(office, _new_enterprise("库尔勒新泰化工有限公司"))
    on_laptop = enterprises.create(laptop, {**_new_enterprise("新泰化工"), "phone": "13800000000"})
    assert at_office["id"] != on_laptop["id"]
    inspection = finished_inspection(laptop, mini_checklist, tmp_path, enterprise_name="新泰化工")
    first = export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path

    before = dump_hash(office)
    dry = import_bundle(office, first, trust=True, dry_run=True)
    assert dry.ok, dry.message
    assert dump_hash(office) == before
    assert any("统一社会信用代码" in w and "并入" in w for w in dry.warnings)
    assert len(dry.conflicts) == 1 and "冲突待复核" in dry.summary()

    report = import_bundle(office, first, trust=True)
    assert report.ok, report.message
    assert "UNIQUE" not in report.message
    held = office.row("SELECT * FROM inspections WHERE id=?", [inspection["id"]])
    assert held["enterprise_id"] == at_office["id"]  # landed on the office's record
    hazards = office.rows("SELECT enterprise_id FROM hazards ORDER BY id")
    assert hazards and {h["enterprise_id"] for h in hazards} == {at_office["id"]}
    assert (
        office.row("SELECT name FROM enterprises WHERE id=?", [at_office["id"]])["name"]
        == "库尔勒新泰化工有限公司"
    )
    assert not office.row("SELECT 1 FROM enterprises WHERE id=?", [on_laptop["id"]])
    alias = office.row("SELECT * FROM sync_aliases")
    assert (alias["alias_id"], alias["record_id"]) == (on_laptop["id"], at_office["id"])
    [conflict] = review.open_conflicts(office)
    assert conflict["record_id"] == at_office["id"]
    assert "新泰化工" in conflict["field_version"]  # nothing lost: the laptop's version kept
    assert audit.verify(office.conn).ok

    # the laptop's next bundle, pointing at its own id again, lands on the office's record too
    second = finished_inspection(laptop, mini_checklist, tmp_path, enterprise_name="新泰化工")
    report = import_bundle(office, export_bundle(laptop, tmp_path / "2.zip", pin=PIN).path)
    assert report.ok, report.message
    assert (
        office.row("SELECT enterprise_id FROM inspections WHERE id=?", [second["id"]])["enterprise_id"]
        == (at_office["id"])
    )

    # and the package back to the laptop merges the other way round (the register: office wins)
    package = build_package(office, "FIELD-0001", tmp_path / "p.zip", pin=PIN)
    report = import_bundle(laptop, package.path)
    assert report.ok, report.message
    mine = laptop.row("SELECT * FROM enterprises WHERE id=?", [on_laptop["id"]])
    assert mine["name"] == "库尔勒新泰化工有限公司"
    assert not laptop.row("SELECT 1 FROM enterprises WHERE id=?", [at_office["id"]])
    assert audit.verify(laptop.conn).ok


# 10. Trusting a key and marking a conflict reviewed go through the audit trail


def test_trusting_a_key_and_reviewing_a_conflict_are_audited(office, tmp_path, mini_checklist):
    from inspector.core.store import audit
    from inspector.core.sync import review

    laptop = _laptop(office, tmp_path)
    finished_inspection(laptop, mini_checklist, tmp_path)
    assert import_bundle(office, export_bundle(laptop, tmp_path / "1.zip", pin=PIN).path, trust=True).ok
    key = office.row("SELECT key_id FROM sync_keys")["key_id"]
    assert office.row(
        "SELECT action FROM audit_log WHERE table_name='sync_keys' AND record_id=? ORDER BY seq DESC LIMIT 1",
        [key],
    ) == {"action": "trust_key"}
    finding = office.row("SELECT id FROM findings ORDER BY id LIMIT 1")["id"]
    office.update("findings", finding, {"spot": "办公室"})
    laptop.update("findings", finding, {"spot": "现场"})
    assert import_bundle(office, export_bundle(laptop, tmp_path / "2.zip", pin=PIN).path).ok
    [conflict] = review.open_conflicts(office)
    review.mark_reviewed(office, conflict["id"])
    actions = [
        r["action"]
        for r in office.rows(
            "SELECT action FROM audit_log WHERE table_name='sync_conflicts' AND record_id=? ORDER BY seq",
            [conflict["id"]],
        )
    ]
    assert actions == ["sync_conflict", "review_conflict"]
    assert audit.verify(office.conn).ok

    office.conn.execute("UPDATE sync_conflicts SET reviewed_at=NULL")  # behind the app's back
    office.conn.execute("UPDATE sync_keys SET how='first-run'")
    office.conn.commit()
    problems = " ".join(p.message for p in audit.verify(office.conn).problems)
    assert "sync_conflicts" in problems and "sync_keys" in problems


# 8. The conflict review in Chinese: labels, statuses, 是/否, "—"


def test_a_conflict_reads_in_chinese():
    from inspector.core.sync import review

    office = {
        "id": "h1",
        "status": "rectified",
        "listed_supervision": 1,
        "supervision_deadline": None,
        "spot": "A",
    }
    field = {
        "id": "h1",
        "status": "open",
        "listed_supervision": 0,
        "supervision_deadline": "2026-05-01",
        "spot": "A",
    }
    conflict = {
        "table_name": "hazards",
        "office_version": json.dumps(office),
        "field_version": json.dumps(field),
        "kept": json.dumps(office),
    }
    conflict["differences"] = review.differences(conflict)
    text = review.describe(conflict)
    assert "状态：办公室“已整改待复查”，现场“待整改”，保留办公室的" in text
    assert "挂牌督办：办公室“是”，现场“否”" in text
    assert "督办期限：办公室“—”，现场“2026-05-01”" in text
    assert not any(word in text for word in ("status", "rectified", "listed_supervision", "None", "True"))


def test_the_package_command_fails_plainly_on_a_full_disk(tmp_path, monkeypatch, capsys):
    from inspector import cli

    office = office_with_register("office")
    office.close()
    monkeypatch.setenv("INSPECTOR_PIN", PIN)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bundle.os, "fsync", full)
    out = tmp_path / "usb"
    out.mkdir()
    code = cli.main(
        ["--workspace", "office", "package", "--for", "库尔勒经济技术开发区", "--out", str(out / "p.zip")]
    )
    assert code != 0
    err = capsys.readouterr().err
    assert "磁盘空间不足" in err and str(out) in err and "Traceback" not in err
    assert list(out.iterdir()) == []


def test_two_laptops_registering_the_same_enterprise_both_import(office, tmp_path, mini_checklist):
    from inspector.core.register import enterprises
    from inspector.core.store import audit

    a = _laptop(office, tmp_path)
    b = _laptop(office, tmp_path, "laptop-b", "李检查", "FIELD-0002")
    on_a = enterprises.create(a, _new_enterprise("新泰化工"))
    on_b = enterprises.create(b, _new_enterprise("库尔勒新泰化工"))
    finished_inspection(b, mini_checklist, tmp_path, enterprise_name="库尔勒新泰化工")
    assert import_bundle(office, export_bundle(a, tmp_path / "a.zip", pin=PIN).path, trust=True).ok
    report = import_bundle(office, export_bundle(b, tmp_path / "b.zip", pin=PIN).path, trust=True)
    assert report.ok, report.message
    assert {r["enterprise_id"] for r in office.rows("SELECT enterprise_id FROM inspections ORDER BY id")} == {
        on_a["id"]
    }
    assert office.row("SELECT count(*) AS n FROM enterprises WHERE code=?", [on_b["code"]])["n"] == 1
    assert audit.verify(office.conn).ok


def test_the_new_queries_use_their_indexes(office):
    def plan(sql, params=()):
        return " ".join(r[3] for r in office.conn.execute("EXPLAIN QUERY PLAN " + sql, params))

    assert "enterprises_code" in plan(
        "SELECT id FROM enterprises WHERE code=? AND code IS NOT NULL AND code != '' AND id!=? ORDER BY id LIMIT 1",
        ["x", "y"],
    )
    assert "sync_exports_created" in plan(
        "SELECT created_at FROM sync_exports WHERE kind!='package'"
        " ORDER BY created_at DESC, seq_to DESC, id DESC LIMIT 1"
    )
    assert "USING INDEX sqlite_autoindex_sync_aliases_1" in plan(
        "SELECT alias_id, record_id FROM sync_aliases WHERE table_name='enterprises' AND alias_id IN (?)",
        ["x"],
    )


def test_a_constraint_the_plan_did_not_foresee_is_named_in_chinese():
    import sqlite3

    from inspector.core.sync.merge import _constraint

    said = _constraint(sqlite3.IntegrityError("UNIQUE constraint failed: enterprises.code"))
    assert said == "企业的统一社会信用代码与本工作区已有的记录重复"
    assert "constraint" not in _constraint(sqlite3.IntegrityError("FOREIGN KEY constraint failed"))
