"""``inspector checklists list / validate / show`` over the bundled and the workspace's checklists."""

from __future__ import annotations

import json

from inspector.cli import main
from inspector.core.checklists import load_library
from inspector.core.store import paths
from tests.core.checklist_samples import VALID, checklist_text, variant, write


def bundled():
    return load_library(paths.bundled_checklists_dir(), None).checklists


def test_list_json_has_the_documented_keys(capsys):
    assert main(["checklists", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [
        {
            "id": c.id,
            "title": c.title,
            "sector": c.sector,
            "version": c.version,
            "items": len(c.items),
            "major_items": len(c.major_items),
        }
        for c in bundled()
    ]
    assert all(set(entry) == {"id", "title", "sector", "version", "items", "major_items"} for entry in listed)


def test_list_includes_the_workspace_folder_and_warns_about_rejected_files(capsys):
    folder = paths.workspace().checklists_dir
    write(folder, "office.yaml", checklist_text("office-special", sector="general", title="本局专项检查表"))
    write(folder, "broken.yaml", variant("format: 1", "format: 3"))
    assert main(["checklists", "list"]) == 0
    out = capsys.readouterr()
    assert "office-special" in out.out and "本局专项检查表" in out.out and "综合/专项" in out.out
    assert "1 个文件未通过校验而未载入（broken.yaml）" in out.err


def test_list_of_the_demo_workspace(capsys):
    write(paths.demo_workspace().checklists_dir, "demo.yaml", checklist_text("demo-only", sector="general"))
    assert main(["--demo", "checklists", "list", "--json"]) == 0
    assert "demo-only" in {entry["id"] for entry in json.loads(capsys.readouterr().out)}
    assert main(["checklists", "list", "--json"]) == 0
    assert "demo-only" not in {entry["id"] for entry in json.loads(capsys.readouterr().out)}


def test_validate_everything_by_default(capsys):
    assert main(["checklists", "validate"]) == 0
    out = capsys.readouterr().out
    assert f"全部 {len(bundled())} 个文件通过校验。" in out
    write(paths.workspace().checklists_dir, "bad.yaml", variant("        method: 现场检测\n", ""))
    assert main(["checklists", "validate"]) == 1
    out = capsys.readouterr().out
    assert "✗ " in out and "bad.yaml：未通过校验" in out
    assert "bad.yaml:22:9: 条目 CM-002：缺少必填字段“method”（检查方法）" in out
    assert f"{len(bundled()) + 1} 个文件中有 1 个未通过校验。" in out


def test_validate_given_paths(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "good.yaml", VALID)
    write(tmp_path / "more", "also-good.yaml", checklist_text("also-good"))
    assert main(["checklists", "validate", "good.yaml", "more"]) == 0
    assert "全部 2 个文件通过校验。" in capsys.readouterr().out
    write(tmp_path, "bad.yaml", variant("sector: coal_mine", "sector: mining"))
    assert main(["checklists", "validate", "good.yaml", "bad.yaml", "missing.yaml"]) == 1
    out = capsys.readouterr().out
    assert "missing.yaml: 文件不存在" in out
    assert "bad.yaml:4:9: 未知行业“mining”" in out
    assert "3 个文件中有 2 个未通过校验。" in out


def test_show_prints_items_with_basis_and_limits(capsys):
    write(paths.workspace().checklists_dir, "coal.yaml", checklist_text("coal-demo"))
    assert main(["checklists", "show", "coal-demo"]) == 0
    out = capsys.readouterr().out
    assert "煤矿安全生产检查表" in out
    assert "CM-002  回风巷甲烷浓度是否超限" in out
    assert "检查依据：《煤矿重大事故隐患判定标准》第六条" in out
    assert "重大隐患判定依据：《煤矿重大事故隐患判定标准》第三条第（二）项" in out
    assert "测量：甲烷浓度 ≤ 1.0 %" in out
    assert main(["checklists", "show", "coal-demo", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "coal-demo"


def test_show_unknown_id(capsys):
    assert main(["checklists", "show", "no-such-list"]) == 1
    assert "没有编号为“no-such-list”的检查表" in capsys.readouterr().err
