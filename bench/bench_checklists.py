"""Loading every bundled checklist (validated, hashed) vs a plain ``yaml.load`` of the same files.

The candidate empties the in-process cache first (a reload reuses validated files by content hash, which
would make it a measure of reading and hashing alone).

Both read the files and parse with the same libyaml-backed loader class; the candidate also checks
every field, builds the frozen model and hashes each checklist's snapshot.
"""

from __future__ import annotations

import yaml

from bench._harness import Result, compare
from inspector.core.checklists import library
from inspector.core.checklists.loader import BaseLoader
from inspector.core.store import paths


def run() -> list[Result]:
    folder = paths.bundled_checklists_dir()
    files = library.checklist_files(folder)

    def candidate():
        library._cache.clear()  # the first load of a start: every file read, validated, hashed
        loaded = library.load_library(folder, None)
        assert not loaded.rejected, loaded.rejected

    def baseline():
        for path in files:
            yaml.load(path.read_bytes(), Loader=BaseLoader)  # a safe loader (CSafeLoader or SafeLoader)

    items = sum(len(c.items) for c in library.load_library(folder, None).checklists)
    note = f"{len(files)} files, {items} items, loader {BaseLoader.__name__}"
    return [
        compare(
            "load bundled checklists vs plain yaml.load", candidate, baseline, goal=1.5, rounds=9, note=note
        )
    ]
