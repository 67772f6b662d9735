"""``inspector ledger …``: list (JSON keys, filters), export, steps, refusals, a signed re-check."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from inspector.cli import main
from inspector.core import demo, profile
from inspector.core.store import Store, paths
from tests.core.ledger_support import enterprise, hazard, visit
from tests.core.test_documents_support import finished_inspection, set_office

PIN = "135790"


@pytest.fixture
def seeded(mini_checklist, tmp_path):
    store = Store.open(paths.workspace().ensure())
    try:
        demo.seed(store, with_inspections=False)
        set_office(store)
        inspection = visit(store, enterprise(store)["id"], "2026-01-05T12:00:00.000+00:00")
        made = {
            "tank": hazard(store, inspection, spot="2号罐区", description="报警装置未投用", grade="major"),
            "exit": hazard(
                store, inspection, item="T-2", spot="东门", description="安全出口锁闭", deadline="2099-01-01"
            ),
        }
        made["finished"] = finished_inspection(store, mini_checklist, tmp_path)
        made["people"] = [profile.profile(store)["id"], profile.roster(store)[0]["id"]]
        return made
    finally:
        store.close()


def _json(capsys):
    return json.loads(capsys.readouterr().out)


def test_list_json_has_the_keys_and_follows_the_filters(seeded, capsys):
    assert main(["ledger", "list", "--json"]) == 0
    rows = _json(capsys)
    assert len(rows) == 5
    assert set(rows[0]) == {
        "id",
        "enterprise",
        "spot",
        "description",
        "grade",
        "status",
        "deadline",
        "overdue",
        "repeat",
        "listed",
    }
    assert main(["ledger", "list", "--json", "--search", "罐"]) == 0
    found = [r["id"] for r in _json(capsys)]
    assert seeded["tank"]["id"] in found and seeded["exit"]["id"] not in found
    assert main(["ledger", "list", "--json", "--overdue", "--today", "2026-03-02"]) == 0
    assert [r["id"] for r in _json(capsys)] == [seeded["tank"]["id"]]
    assert main(["ledger", "list", "--json", "--grade", "major", "--limit", "1"]) == 0
    assert len(_json(capsys)) == 1
    assert main(["ledger", "list", "--json", "--search", "没有这种隐患"]) == 0
    assert _json(capsys) == []
    assert main(["ledger", "list"]) == 0
    assert "报警装置未投用" in capsys.readouterr().out


def test_steps_history_and_refusals(seeded, capsys):
    tank = seeded["tank"]["id"]
    assert main(["ledger", "start", tank, "--note", "已安排检修"]) == 0
    assert "整改中" in capsys.readouterr().out
    assert main(["ledger", "start", tank]) == 1
    assert "只有待整改的隐患才能开始整改" in capsys.readouterr().err
    assert (
        main(
            [
                "ledger",
                "supervise",
                tank,
                "--body",
                "县安委办",
                "--reason",
                "重大隐患",
                "--deadline",
                "2099-01-01",
            ]
        )
        == 0
    )
    assert main(["ledger", "report", tank, "--text", "已更换探头"]) == 0
    capsys.readouterr()
    assert main(["ledger", "show", tank, "--json"]) == 0
    shown = _json(capsys)
    assert [s["action"] for s in shown["history"]] == ["start", "list", "report"] and shown["listed"]
    assert main(["ledger", "list", "--json", "--listed"]) == 0
    assert [r["id"] for r in _json(capsys)] == [tank]
    assert main(["ledger", "show", "nope"]) == 1


def test_export_stats_summary_and_reindex(seeded, tmp_path, capsys):
    from openpyxl import load_workbook

    out = tmp_path / "ledger.xlsx"
    assert main(["ledger", "export-xlsx", "--out", str(out), "--grade", "major"]) == 0
    assert "已导出" in capsys.readouterr().out
    assert main(["ledger", "list", "--json", "--grade", "major"]) == 0
    assert load_workbook(out).active.max_row == 1 + len(_json(capsys))
    assert main(["ledger", "export-xlsx", "--out", str(tmp_path / "x.txt")]) == 1
    assert main(["ledger", "stats", "--json", "--today", "2026-03-10"]) == 0
    assert _json(capsys)["counts"]["total"] == 5
    assert main(["ledger", "summary-pdf", "--out", str(tmp_path / "s.pdf")]) == 0
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    assert main(["ledger", "reindex"]) == 0
    assert "5 条隐患" in capsys.readouterr().out


@pytest.mark.usefixtures("quick_keys")
def test_a_recheck_from_the_command_line_gives_a_verified_opinion(seeded, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("INSPECTOR_PIN", PIN)
    inspection_id = seeded["finished"]["id"]
    assert (
        main(["render", "notice", "--inspection", inspection_id, "--out", str(tmp_path / "notice.pdf")]) == 0
    )
    capsys.readouterr()
    people = [arg for p in seeded["people"] for arg in ("--inspector", p)]
    assert (
        main(["ledger", "recheck", "start", "--enterprise", "库尔勒金泰化工有限责任公司", *people, "--json"])
        == 0
    )
    rc = _json(capsys)
    later = (date.today() + timedelta(days=15)).isoformat()
    for n, item in enumerate(rc["items"]):
        verdict = ["--rectified"] if n else ["--not-rectified", "--deadline", later, "--note", "仍未整改"]
        assert main(["ledger", "recheck", "record", rc["id"], item["hazard_id"], *verdict]) == 0
    out = tmp_path / "recheck.pdf"
    assert main(["ledger", "recheck", "finish", rc["id"], "--out", str(out)]) == 0
    assert "已出具整改复查意见书" in capsys.readouterr().out
    assert main(["verify", str(out)]) == 0
    assert "应急复查" in capsys.readouterr().out
    assert main(["ledger", "list", "--json", "--status", "verified"]) == 0
    assert len(_json(capsys)) == len(rc["items"]) - 1
    assert main(["ledger", "recheck", "record", rc["id"], rc["items"][0]["hazard_id"], "--rectified"]) == 1
