"""Bundled and user checklists: which one wins, what is superseded, what is rejected."""

from __future__ import annotations

from inspector.core.checklists import load_for_workspace, load_library
from inspector.core.checklists.library import checklist_files, version_key
from inspector.core.store import paths
from tests.core.checklist_samples import checklist_text, write


def test_versions_compare_as_dotted_numbers():
    assert version_key("2026.10") > version_key("2026.9") > version_key("2026.1") > version_key("2025.12")
    assert version_key("2026.1.1") > version_key("2026.1")
    assert version_key("10") > version_key("9")


def test_user_folder_adds_checklists(tmp_path):
    write(tmp_path / "bundled", "coal-mine.yaml", checklist_text())
    office = checklist_text("office-special", sector="general", title="本局专项")
    write(tmp_path / "user", "office.yaml", office)
    library = load_library(tmp_path / "bundled", tmp_path / "user")
    assert [c.id for c in library.checklists] == ["coal-mine", "office-special"]
    assert library.get("office-special").path == tmp_path / "user" / "office.yaml"


def test_higher_user_version_supersedes_bundled(tmp_path):
    bundled = write(tmp_path / "bundled", "coal-mine.yaml", checklist_text(version="2026.1"))
    revised = checklist_text(version="2026.2", title="煤矿（本局修订）")
    user = write(tmp_path / "user", "coal-mine.yaml", revised)
    library = load_library(tmp_path / "bundled", tmp_path / "user")
    assert [(c.id, c.version, c.path) for c in library.checklists] == [("coal-mine", "2026.2", user)]
    assert [(c.version, c.path) for c in library.superseded] == [("2026.1", bundled)]


def test_higher_bundled_version_wins_over_an_old_user_copy(tmp_path):
    """An office's old copy does not hide an app update's newer checklist."""
    bundled = write(tmp_path / "bundled", "coal-mine.yaml", checklist_text(version="2026.10"))
    write(tmp_path / "user", "old.yaml", checklist_text(version="2026.9"))
    library = load_library(tmp_path / "bundled", tmp_path / "user")
    assert library.get("coal-mine").path == bundled
    assert [c.version for c in library.superseded] == ["2026.9"]


def test_equal_version_user_folder_wins(tmp_path):
    write(tmp_path / "bundled", "coal-mine.yaml", checklist_text())
    user = write(tmp_path / "user", "mine.yaml", checklist_text(title="煤矿（本局版）"))
    library = load_library(tmp_path / "bundled", tmp_path / "user")
    assert library.get("coal-mine").path == user
    assert library.get("coal-mine").title == "煤矿（本局版）"


def test_same_id_and_version_twice_in_one_folder_rejects_the_second(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = write(tmp_path / "user", "a.yaml", checklist_text())
    second = write(tmp_path / "user", "b.yaml", checklist_text(title="另一个"))
    library = load_library(tmp_path / "none", tmp_path / "user")
    assert library.get("coal-mine").path == first
    assert [(p, [str(i) for i in issues]) for p, issues in library.rejected] == [
        (
            second,
            [
                "user/b.yaml: 与 a.yaml 的检查表编号“coal-mine”和版本“2026.1”都相同；"
                "同一文件夹里同一版本只能有一个文件，请删去其一或提高版本"
            ],
        )
    ]


def test_rejected_user_file_leaves_the_bundled_one_in_use(tmp_path):
    write(tmp_path / "bundled", "coal-mine.yaml", checklist_text())
    future = checklist_text(version="2026.2").replace("format: 1", "format: 9")
    bad = write(tmp_path / "user", "coal-mine.yaml", future)
    library = load_library(tmp_path / "bundled", tmp_path / "user")
    assert library.get("coal-mine").version == "2026.1"
    assert [p for p, _ in library.rejected] == [bad]


def test_sorted_by_sector_then_id_and_found_by_sector(tmp_path):
    folder = tmp_path / "bundled"
    write(folder, "1.yaml", checklist_text("zz-mine"))
    write(folder, "2.yaml", checklist_text("hazchem-a", sector="hazchem"))
    write(folder, "3.yaml", checklist_text("aa-mine"))
    library = load_library(folder, None)
    assert [(c.sector, c.id) for c in library] == [
        ("coal_mine", "aa-mine"),
        ("coal_mine", "zz-mine"),
        ("hazchem", "hazchem-a"),
    ]
    assert [c.id for c in library.for_sector("coal_mine")] == ["aa-mine", "zz-mine"]
    assert library.for_sector("fire") == []
    assert library.get("nope") is None
    assert len(library) == 3


def test_only_yaml_files_and_no_hidden_or_lock_files(tmp_path):
    folder = tmp_path / "c"
    for name in ("a.yaml", ".hidden.yaml", "~$lock.yaml", "notes.txt", "b.yml"):
        write(folder, name, checklist_text())
    assert [p.name for p in checklist_files(folder)] == ["a.yaml"]
    assert checklist_files(tmp_path / "missing") == []
    assert checklist_files(None) == []


def test_missing_folders_load_nothing(tmp_path):
    library = load_library(tmp_path / "no-bundled", tmp_path / "no-user")
    assert library.checklists == [] and library.rejected == []


def test_load_for_workspace_reads_the_workspaces_folder(workspace):
    write(workspace.checklists_dir, "office.yaml", checklist_text("office-only", sector="general"))
    library = load_for_workspace(workspace)
    assert library.get("office-only").path == workspace.checklists_dir / "office.yaml"
    bundled = {p.stem for p in checklist_files(paths.bundled_checklists_dir())}
    assert bundled  # the bundled ones come along
    assert {c.path.stem for c in library if c.path.parent == paths.bundled_checklists_dir()} <= bundled
