"""The items of an inspection's checklists as one Qt list model (never a widget per item).

Rows are fixed when the inspection opens; answers change only their status. A proxy filters by
section, by state (unanswered / failed) and by text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from inspector.core.checklists.model import Checklist, Item

ItemRole = Qt.UserRole + 1

_MARKS = {"pass": "✓", "fail": "✗", "na": "—", None: "○"}
_COLOURS = {
    "pass": QColor("#1b7f3b"),
    "fail": QColor("#c62828"),
    "na": QColor("#757575"),
    None: QColor("#212121"),
}


@dataclass(frozen=True)
class Row:
    snapshot_id: str
    section_key: str  # snapshot id + section id
    number: int  # 1-based position within its checklist
    item: Item


class ItemsModel(QAbstractListModel):
    def __init__(self, checklists: list[Checklist], answers: dict[tuple[str, str], dict], parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []
        for checklist in checklists:
            for number, item in enumerate(checklist.items, start=1):
                self.rows.append(
                    Row(checklist.content_hash, f"{checklist.content_hash}/{item.section_id}", number, item)
                )
        self._position = {(r.snapshot_id, r.item.id): i for i, r in enumerate(self.rows)}
        self.results: dict[tuple[str, str], str | None] = {key: a["result"] for key, a in answers.items()}
        self._search: list[str] | None = None  # built on the first search: rows never change

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        result = self.results.get((row.snapshot_id, row.item.id))
        if role == Qt.DisplayRole:
            major = " ★" if row.item.major is not None else ""
            return f"{_MARKS[result]}  {row.number}. {row.item.content}{major}"
        if role == Qt.ForegroundRole:
            return QBrush(_COLOURS[result])
        if role == Qt.ToolTipRole:
            return row.item.content
        if role == ItemRole:
            return row
        return None

    def search_text(self, position: int) -> str:
        if self._search is None:
            self._search = [
                f"{r.item.id} {r.item.content} {r.item.method} {r.item.basis_text()} {' '.join(r.item.tags)}".lower()
                for r in self.rows
            ]
        return self._search[position]

    def set_result(self, snapshot_id: str, item_id: str, result: str | None) -> None:
        key = (snapshot_id, item_id)
        self.results[key] = result
        position = self._position[key]
        index = self.index(position)
        self.dataChanged.emit(index, index, [Qt.DisplayRole, Qt.ForegroundRole])

    def index_of(self, snapshot_id: str, item_id: str) -> QModelIndex:
        return self.index(self._position[(snapshot_id, item_id)])

    def counts(self) -> dict[str, int]:
        values = [v for v in self.results.values() if v]
        return {
            "total": len(self.rows),
            "answered": len(values),
            "failed": values.count("fail"),
        }


class ItemsFilter(QSortFilterProxyModel):
    """Filter by section, by state and by text; keeps the model's order."""

    ALL, UNANSWERED, FAILED = "all", "unanswered", "failed"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.section: str | None = None
        self.state = self.ALL
        self.text = ""

    def set_filter(self, *, section: str | None = ..., state: str | None = None, text: str | None = None):
        self.beginFilterChange()
        if section is not ...:
            self.section = section
        if state is not None:
            self.state = state
        if text is not None:
            self.text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if self.section is None and self.state == self.ALL and not self.text:
            return True  # the common case, asked once per item when the runner opens
        model: ItemsModel = self.sourceModel()
        row = model.rows[source_row]
        if self.section and row.section_key != self.section:
            return False
        result = model.results.get((row.snapshot_id, row.item.id))
        if self.state == self.UNANSWERED and result:
            return False
        if self.state == self.FAILED and result != "fail":
            return False
        return not (self.text and self.text not in model.search_text(source_row))
