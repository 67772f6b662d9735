"""Checklist files that would stall start-up: refused before anything is walked, with a clear message."""

import pytest

from inspector.core.checklists import ChecklistError, load_file, loader
from inspector.core.checklists.library import load_library
from tests import hostile
from tests.core.checklist_samples import VALID, variant, write


def issues_of(path) -> list[str]:
    with pytest.raises(ChecklistError) as caught:
        load_file(path)
    return [str(i) for i in caught.value.issues]


def test_nested_aliases_are_refused_at_the_first_anchor(tmp_path):
    text = hostile.alias_bomb(levels=9, width=10)  # 10⁹ strings once expanded
    assert len(text) < 2_000
    path = write(tmp_path, "bomb.yaml", text)
    found = issues_of(path)
    assert len(found) == 1
    assert "第 6 行" in found[0] or ":6:" in found[0]
    assert "不能使用 YAML 锚点（&a0）" in found[0]


def test_an_alias_alone_is_refused_too(tmp_path):
    text = variant("        tags: [复工复产]", "        tags: *t", VALID)
    found = issues_of(write(tmp_path, "alias.yaml", text))
    assert any("别名（*t）" in line for line in found)


def test_a_bomb_in_the_user_folder_does_not_stop_the_library(tmp_path):
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    write(bundled, "coal.yaml", VALID)
    write(user, "bomb.yaml", hostile.alias_bomb())
    library = load_library(bundled, user)
    assert [c.id for c in library] == ["coal-mine"]
    assert [p.name for p, _ in library.rejected] == ["bomb.yaml"]


def test_items_sections_and_tags_are_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "MAX_ITEMS", 10)
    monkeypatch.setattr(loader, "MAX_SECTIONS", 3)
    monkeypatch.setattr(loader, "MAX_TAGS", 2)
    monkeypatch.setattr(loader, "MAX_DISTINCT_TAGS", 1)
    assert "最多 10 项" in issues_of(write(tmp_path, "items.yaml", hostile.many_items_checklist(2, 6)))[0]
    assert "最多 3 个" in issues_of(write(tmp_path, "sections.yaml", hostile.many_items_checklist(4, 1)))[0]
    found = issues_of(write(tmp_path, "tags.yaml", hostile.many_items_checklist(1, 2, tags=3)))
    assert "此检查项有 3 个标签，最多 2 个" in found[0]
    found = issues_of(write(tmp_path, "distinct.yaml", hostile.many_items_checklist(1, 1, tags=2)))
    assert "共有 2 种标签，最多 1 种" in found[0]


def test_a_file_past_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    assert "超过了检查表文件的上限" in issues_of(write(tmp_path, "big.yaml", VALID))[0]


def test_a_large_legal_checklist_loads(tmp_path):
    path = write(tmp_path, "big.yaml", hostile.many_items_checklist(20, 100, tags=3))
    assert len(load_file(path).items) == 2000


def test_files_are_validated_once_per_content(tmp_path, monkeypatch):
    from inspector.core.checklists import library

    calls = []
    real = library.parse
    monkeypatch.setattr(library, "parse", lambda *a: calls.append(a[1]) or real(*a))
    path = write(tmp_path, "coal.yaml", VALID)
    bad = write(tmp_path, "bomb.yaml", hostile.alias_bomb())
    for _ in range(3):
        assert load_file(path).id == "coal-mine"
        assert issues_of(bad)
    assert len(calls) == 2  # one parse per file, however often the library is reloaded
    write(tmp_path, "coal.yaml", variant('version: "2026.1"', 'version: "2026.2"'))
    assert load_file(path).version == "2026.2" and len(calls) == 3  # changed content: read again


def test_out_of_memory_while_reading_a_checklist_is_an_issue(tmp_path, monkeypatch):
    from inspector.core.checklists import library

    def no_memory(*args):
        raise MemoryError

    monkeypatch.setattr(library, "parse", no_memory)
    found = issues_of(write(tmp_path, "huge.yaml", VALID + "# another copy\n"))
    assert found and "内存不足以读取" in found[0]
