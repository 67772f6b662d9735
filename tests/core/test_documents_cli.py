"""``inspector render KIND --inspection ID --out FILE.pdf``: issues once, then gives the same file."""

from __future__ import annotations

import pytest

from inspector.cli import main
from inspector.core.store import Store, paths
from tests.core.test_documents_support import finished_inspection, set_office

pytestmark = pytest.mark.usefixtures("quick_keys")  # see tests/conftest.py

PIN = "135790"


@pytest.fixture
def inspection_id(mini_checklist, tmp_path):
    from inspector.core import demo

    store = Store.open(paths.workspace().ensure())
    try:
        demo.seed(store, with_inspections=False)
        set_office(store)
        return finished_inspection(store, mini_checklist, tmp_path)["id"]
    finally:
        store.close()


def test_render_issues_signs_and_then_gives_the_same_file(inspection_id, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INSPECTOR_PIN", PIN)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main(["render", "notice", "--inspection", inspection_id, "--out", str(first)]) == 0
    assert "已出具责令限期整改指令书 （库）应急责改〔2026〕1001号" in capsys.readouterr().out
    monkeypatch.delenv("INSPECTOR_PIN")  # an issued document needs no PIN to be written again
    assert main(["render", "notice", "--inspection", inspection_id, "--out", str(second)]) == 0
    assert "原样导出" in capsys.readouterr().out
    assert first.read_bytes() == second.read_bytes()
    assert main(["verify", str(first)]) == 0


def test_render_without_a_pin_issues_nothing(inspection_id, tmp_path, capsys):
    assert main(["render", "record", "--inspection", inspection_id, "--out", str(tmp_path / "r.pdf")]) == 1
    assert "INSPECTOR_PIN" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()
    store = Store.open(paths.workspace())
    try:
        assert store.row("SELECT count(*) AS n FROM documents")["n"] == 0
    finally:
        store.close()


def test_render_reports_what_is_missing(inspection_id, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INSPECTOR_PIN", PIN)
    assert main(["render", "recheck", "--inspection", inspection_id, "--out", str(tmp_path / "x.pdf")]) == 1
    assert "复查意见书须指明所复查的文书" in capsys.readouterr().err
    assert main(["render", "notice", "--inspection", "nope", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "没有这次检查" in capsys.readouterr().err


def test_render_refuses_to_correct_another_inspections_document(
    inspection_id, mini_checklist, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("INSPECTOR_PIN", PIN)
    assert main(["render", "notice", "--inspection", inspection_id, "--out", str(tmp_path / "a.pdf")]) == 0
    theirs = capsys.readouterr().out.split()[1]
    store = Store.open(paths.workspace())
    try:
        other = finished_inspection(
            store, mini_checklist, tmp_path, enterprise_name="轮台县塔河煤业有限公司"
        )["id"]
        count = store.row("SELECT count(*) AS n FROM documents")["n"]
    finally:
        store.close()
    out = tmp_path / "b.pdf"
    argv = ["render", "notice", "--inspection", other, "--replaces", theirs, "--out", str(out)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert theirs in err and "库尔勒金泰化工有限责任公司" in err and "轮台县塔河煤业有限公司" in err
    assert not out.exists()
    store = Store.open(paths.workspace())
    try:
        assert store.row("SELECT count(*) AS n FROM documents")["n"] == count
        assert store.row("SELECT count(*) AS n FROM documents WHERE replaces_id IS NOT NULL")["n"] == 0
    finally:
        store.close()
