"""Checklists: data files validated into frozen values, and the snapshots inspections keep of them.

No Qt here. ``library.load_library`` is the way in; ``model`` holds the values.
"""

from inspector.core.checklists.errors import ChecklistError, Issue
from inspector.core.checklists.library import (
    Library,
    from_record,
    load_file,
    load_for_workspace,
    load_library,
    snapshot_record,
)
from inspector.core.checklists.model import Basis, Checklist, Item, Measure, Section, Source
from inspector.core.checklists.validate import FORMAT_VERSION

__all__ = [
    "FORMAT_VERSION",
    "Basis",
    "Checklist",
    "ChecklistError",
    "Issue",
    "Item",
    "Library",
    "Measure",
    "Section",
    "Source",
    "from_record",
    "load_file",
    "load_for_workspace",
    "load_library",
    "snapshot_record",
]
