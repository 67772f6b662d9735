"""Every checklist shipped with the app validates, and together they load without conflicts."""

from __future__ import annotations

import pytest

from inspector.core import sectors
from inspector.core.checklists import load_file, load_library
from inspector.core.checklists.library import checklist_files
from inspector.core.store import paths

BUNDLED = checklist_files(paths.bundled_checklists_dir())


def test_there_are_bundled_checklists():
    assert BUNDLED


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_bundled_checklist_validates(path):
    checklist = load_file(path)  # raises ChecklistError listing every problem
    assert checklist.items
    assert checklist.sector in sectors.SECTORS
    for item in checklist.items:
        assert item.basis_text().startswith("《")


def test_bundled_checklists_load_together_without_rejections():
    library = load_library(paths.bundled_checklists_dir(), None)
    assert [(path.name, [str(i) for i in issues]) for path, issues in library.rejected] == []
    assert library.superseded == []  # two bundled files never share an id
    assert len(library.checklists) == len(BUNDLED)
