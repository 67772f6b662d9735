"""inspector export / import / package from the command line (PIN from INSPECTOR_PIN)."""

from __future__ import annotations

import json

import pytest

from inspector import cli
from tests.core.sync_support import PIN, dump_hash, office_with_register, workspace_store

pytestmark = pytest.mark.usefixtures("quick_keys")


def test_export_import_package_commands(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INSPECTOR_PIN", PIN)
    office = office_with_register("office")
    laptop = workspace_store("laptop", "field", "张检查", "FIELD-0001")
    laptop.close()
    assert (
        cli.main(
            [
                "--workspace",
                "office",
                "package",
                "--for",
                "库尔勒经济技术开发区",
                "--out",
                str(tmp_path / "p.zip"),
            ]
        )
        == 0
    )
    assert "已为 库尔勒经济技术开发区 制作同步包" in capsys.readouterr().out
    assert cli.main(["--workspace", "laptop", "import", str(tmp_path / "p.zip")]) == 1
    assert "尚未被本工作区信任" in capsys.readouterr().out
    assert cli.main(["--workspace", "laptop", "import", "--trust", str(tmp_path / "p.zip")]) == 0
    capsys.readouterr()
    usb = tmp_path / "usb"
    usb.mkdir()
    assert cli.main(["--workspace", "laptop", "export", "--out", str(usb), "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["from"] == 1 and exported["records"]["enterprises"] >= 1
    before = dump_hash(office)
    assert cli.main(["--workspace", "office", "import", "--dry-run", "--trust", str(usb)]) == 0
    out = capsys.readouterr().out
    assert "将新增" in out
    assert dump_hash(office) == before
    assert cli.main(["--workspace", "office", "import", "--trust", "--json", str(usb)]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert reports[0]["ok"] and reports[0]["added"]["inspectors"] == 1
    assert cli.main(["--workspace", "laptop", "export", "--out", str(usb)]) == 0
    assert "没有新的改动" in capsys.readouterr().out
    assert cli.main(["--workspace", "office", "import", str(usb)]) == 0
    out = capsys.readouterr().out
    assert out.count("没有任何改动") + out.count("没有新内容") == 2, out


def test_package_is_refused_in_a_field_workspace(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INSPECTOR_PIN", PIN)
    workspace_store("laptop", "field", "张检查", "FIELD-0001").close()
    assert cli.main(["--workspace", "laptop", "package", "--for", "x", "--out", str(tmp_path / "p.zip")]) == 2
    assert "只有办公室工作区" in capsys.readouterr().err
