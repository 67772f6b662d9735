"""A table model over a query too big to load: the count up front, rows in pages as they are shown.

``count()`` gives ``rowCount`` (so the scroll bar is true to size); ``page(offset, limit)`` is asked
for a page the first time one of its rows is painted or read, and a few recent pages are kept. With
``keyset=True`` it is ``page(offset, limit, after)``: ``after`` is the last row of the page before when
that page is held (scrolling on reads an index range from there), else ``None`` (a jump: by offset).
The queries live in core; a subclass only says how a row is shown.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

_ROOT = QModelIndex()


class PagedTableModel(QAbstractTableModel):
    PAGE = 100
    KEPT = 40  # pages held at once (4,000 rows)
    IdRole = Qt.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._count_fn: Callable[[], int] = lambda: 0
        self._page_fn: Callable[..., list[dict]] = lambda offset, limit: []
        self._keyset = False
        self._total = 0
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self.pages_read = 0  # for tests: how many pages were fetched since the last reset

    # -- what a subclass provides ---------------------------------------------------------------------

    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, record: dict, column: int):
        raise NotImplementedError

    # -- the query ------------------------------------------------------------------------------------

    def set_query(
        self, count: Callable[[], int], page: Callable[..., list[dict]], keyset: bool = False
    ) -> None:
        """Show another query (a new search): counts it, fetches nothing until rows are shown.

        The count runs first: if it raises (a refused filter), the model stays as it was.
        """
        total = count()
        self.beginResetModel()
        self._count_fn, self._page_fn, self._keyset = count, page, keyset
        self._total = total
        self._pages.clear()
        self.pages_read = 0
        self.endResetModel()

    def reload(self) -> None:
        self.set_query(self._count_fn, self._page_fn, self._keyset)

    @property
    def total(self) -> int:
        return self._total

    def record(self, row: int) -> dict | None:
        if not 0 <= row < self._total:
            return None
        number = row // self.PAGE
        rows = self._pages.get(number)
        if rows is None:
            if self._keyset:
                before = self._pages.get(number - 1)
                after = before[-1] if before and len(before) == self.PAGE else None
                rows = self._page_fn(number * self.PAGE, self.PAGE, after)
            else:
                rows = self._page_fn(number * self.PAGE, self.PAGE)
            self.pages_read += 1
            self._pages[number] = rows
            while len(self._pages) > self.KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * self.PAGE
        return rows[offset] if offset < len(rows) else None  # rows gone since the count: shown empty

    def record_id(self, row: int) -> str | None:
        record = self.record(row)
        return record["id"] if record else None

    # -- QAbstractTableModel --------------------------------------------------------------------------

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers()[section]
        return None

    ROLES = frozenset({Qt.DisplayRole, Qt.ToolTipRole, IdRole, Qt.UserRole})

    def data(self, index, role=Qt.DisplayRole):
        if role not in self.ROLES:  # the view asks for a dozen roles per cell: answer most at once
            return None
        record = self.record(index.row())
        if record is None:
            return None
        if role == Qt.DisplayRole:
            shown = record.get("_shown")
            if shown is None:  # each row's texts are made once, not on every paint
                shown = record["_shown"] = [self.display(record, c) for c in range(self.columnCount())]
            return shown[index.column()]
        if role in (self.IdRole, Qt.UserRole):
            return record["id"]
        value = self.display(record, index.column())
        return value if isinstance(value, str) and len(value) > 12 else None  # the tooltip
