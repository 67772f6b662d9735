"""The checklists the app offers: the bundled ones, added to or superseded by the user's own.

Every ``*.yaml`` file is validated; a file with any problem is rejected whole (and listed with its
issues) while the others load. For one checklist id the higher ``version`` wins (dotted numbers); on an
equal version the user's folder wins. An inspection keeps a snapshot (:func:`snapshot_record`) so it
opens as recorded whatever later happens to the file.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from inspector.core import canonical, clock
from inspector.core.checklists.errors import ChecklistError, Issue, display_path
from inspector.core.checklists.model import Checklist
from inspector.core.checklists.validate import parse
from inspector.core.store import paths

BUNDLED, USER = 0, 1  # on an equal version the higher origin wins
CACHE_FILES = 256  # validated files kept, by path and content hash (a reload reads, hashes, reuses)

_cache: OrderedDict[tuple[str, str], Checklist | ChecklistError] = OrderedDict()
_cache_lock = threading.Lock()  # the app may load the library in a background thread


def version_key(version: str) -> tuple[int, ...]:
    """``"2026.10"`` > ``"2026.9"``: versions compare as dotted numbers."""
    return tuple(int(part) for part in version.split(".") if part.isdigit())


@dataclass
class Library:
    checklists: list[Checklist] = field(default_factory=list)  # the winners, by sector then id
    rejected: list[tuple[Path, list[Issue]]] = field(default_factory=list)
    superseded: list[Checklist] = field(default_factory=list)  # valid, but a newer or user copy won

    def get(self, checklist_id: str) -> Checklist | None:
        return next((c for c in self.checklists if c.id == checklist_id), None)

    def for_sector(self, sector: str) -> list[Checklist]:
        return [c for c in self.checklists if c.sector == sector]

    def __iter__(self) -> Iterator[Checklist]:
        return iter(self.checklists)

    def __len__(self) -> int:
        return len(self.checklists)


def checklist_files(folder: Path | None) -> list[Path]:
    """The ``*.yaml`` files of a folder by name, leaving out hidden and editor lock files."""
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.yaml") if p.is_file() and not p.name.startswith((".", "~")))


def load_file(path: Path) -> Checklist:
    """One validated checklist file; ``ChecklistError`` listing every issue when it is not usable."""
    shown = display_path(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ChecklistError([Issue(shown, 0, 0, None, f"无法读取文件：{exc.strerror or exc}")]) from exc
    key = (str(path), hashlib.sha256(data).hexdigest())
    with _cache_lock:
        known = _cache.get(key)
        if known is not None:
            _cache.move_to_end(key)
    if known is None:
        try:
            known = parse(data, shown, Path(path))
        except ChecklistError as exc:
            known = exc
        except (MemoryError, RecursionError) as exc:  # never a traceback at start-up
            known = ChecklistError([Issue(shown, 0, 0, None, "文件太大或嵌套太深，内存不足以读取")])
            known.__cause__ = exc
        with _cache_lock:
            _cache[key] = known
            while len(_cache) > CACHE_FILES:
                _cache.popitem(last=False)
    if isinstance(known, ChecklistError):
        raise ChecklistError(known.issues)
    return known


def load_library(bundled_dir: Path, user_dir: Path | None = None) -> Library:
    library = Library()
    chosen: dict[str, tuple[tuple, Checklist]] = {}
    for origin, folder in ((BUNDLED, bundled_dir), (USER, user_dir)):
        in_folder: dict[tuple[str, str], Path] = {}
        for path in checklist_files(folder):
            try:
                checklist = load_file(path)
            except ChecklistError as exc:
                library.rejected.append((path, exc.issues))
                continue
            same = in_folder.get((checklist.id, checklist.version))
            if same is not None:
                message = (
                    f"与 {same.name} 的检查表编号“{checklist.id}”和版本“{checklist.version}”都相同；"
                    "同一文件夹里同一版本只能有一个文件，请删去其一或提高版本"
                )
                library.rejected.append((path, [Issue(display_path(path), 0, 0, None, message)]))
                continue
            in_folder[(checklist.id, checklist.version)] = path
            rank = (version_key(checklist.version), origin)
            current = chosen.get(checklist.id)
            if current is None or rank > current[0]:
                if current is not None:
                    library.superseded.append(current[1])
                chosen[checklist.id] = (rank, checklist)
            else:
                library.superseded.append(checklist)
    library.checklists = sorted((c for _, c in chosen.values()), key=lambda c: (c.sector, c.id))
    return library


def user_bytes(workspace: paths.Workspace) -> int:
    """The size of the workspace's own checklist files (the app reads a large folder in the background)."""
    total = 0
    for path in checklist_files(workspace.checklists_dir):
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total


def load_bundled() -> Library:
    """The bundled checklists alone: what the app offers while a large user folder is still being read."""
    return load_library(paths.bundled_checklists_dir())


def load_for_workspace(workspace: paths.Workspace | None = None) -> Library:
    """The bundled checklists together with the workspace's own ``checklists`` folder."""
    workspace = workspace or paths.workspace()
    return load_library(paths.bundled_checklists_dir(), workspace.checklists_dir)


# -- snapshots kept with inspections -----------------------------------------------------------------


def snapshot_record(checklist: Checklist) -> dict:
    """A row for ``checklist_snapshots``: the checklist exactly as used, addressed by its hash."""
    return {
        "id": checklist.content_hash,
        "checklist_id": checklist.id,
        "version": checklist.version,
        "title": checklist.title,
        "sector": checklist.sector,
        "content": canonical.dumps(checklist.to_snapshot()),
        "created_at": clock.utc_iso(),
    }


def from_record(row: dict) -> Checklist:
    """The checklist a stored snapshot recorded; refuses a snapshot whose content no longer matches."""
    where = f"checklist_snapshots/{row.get('id', '?')}"
    try:
        data = json.loads(row["content"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ChecklistError([Issue(where, 0, 0, None, f"检查表快照无法读取：{exc}")]) from exc
    if canonical.digest(data) != row.get("id"):
        raise ChecklistError([Issue(where, 0, 0, None, "检查表快照的内容与其哈希不符：记录已被改动")])
    return Checklist.from_snapshot(data)
