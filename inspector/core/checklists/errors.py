"""What is wrong with a checklist file, said so that its author can fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Issue:
    """One problem: where (1-based line and column; 0 when unknown), which item, and what was expected."""

    path: str
    line: int
    column: int
    item_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}:" if self.line else f"{self.path}:"
        item = f"条目 {self.item_id}：" if self.item_id else ""
        return f"{where} {item}{self.message}"


class ChecklistError(Exception):
    """A file (or a spreadsheet, or a stored snapshot) that cannot be used; nothing of it was loaded."""

    def __init__(self, issues: list[Issue]):
        self.issues = list(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))


def display_path(path: Path | str) -> str:
    """A path as people know it: relative to the current folder when it is inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
