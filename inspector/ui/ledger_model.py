"""The hazard ledger as a table: filtered, sorted by any column, read a page at a time (keyset)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from inspector.core import sectors
from inspector.core.ledger import query
from inspector.core.ledger.query import Filters
from inspector.core.store import Store
from inspector.ui.ledger_labels import grade_label, status_label
from inspector.ui.paged_model import PagedTableModel

# (row key shown, sort key in core)
COLUMNS = (
    ("found_on", "found_on"),
    ("enterprise", "enterprise"),
    ("spot", "spot"),
    ("description", "description"),
    ("grade_label", "grade"),
    ("status_label", "status"),
    ("deadline", "deadline"),
    ("repeat", "repeat"),
    ("listed", "listed"),
    ("inspector", "inspector"),
    ("region", "region"),
    ("sector", "sector"),
)
OVERDUE = QColor("#b00020")
MAJOR = QColor("#fdecea")


class LedgerModel(PagedTableModel):
    """Rows as :func:`inspector.core.ledger.query.page` shapes them."""

    PAGE = 50

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.filters = Filters()
        self.sort_key = "n"
        self.descending = True

    def headers(self) -> list[str]:
        return [
            self.tr("Found"),
            self.tr("Enterprise"),
            self.tr("Spot"),
            self.tr("Hazard"),
            self.tr("Grade"),
            self.tr("Status"),
            self.tr("Deadline"),
            self.tr("Repeat"),
            self.tr("Listed"),
            self.tr("Inspector"),
            self.tr("Region"),
            self.tr("Sector"),
        ]

    def display(self, row: dict, column: int):
        key = COLUMNS[column][0]
        if key == "status_label" and row["overdue"]:
            return (
                self.tr("%1 · overdue %2 d")
                .replace("%1", status_label(row["status"]))
                .replace("%2", str(row["overdue_days"]))
            )
        if key == "status_label":
            return status_label(row["status"])
        if key == "grade_label":
            return grade_label(row["grade"])
        if key == "repeat":
            return self.tr("×%1").replace("%1", str(row["repeat"])) if row["repeat"] else ""
        if key == "listed":
            return self.tr("Listed") if row["listed"] else ""
        if key == "sector":
            return sectors.label(row["sector"])
        return row[key] or ""

    ROLES = PagedTableModel.ROLES | {Qt.ForegroundRole, Qt.BackgroundRole}

    def data(self, index, role=Qt.DisplayRole):
        if role not in self.ROLES:
            return None
        if role == Qt.ForegroundRole and COLUMNS[index.column()][0] in ("status_label", "deadline"):
            row = self.record(index.row())
            return QBrush(OVERDUE) if row and row["overdue"] else None
        if role == Qt.BackgroundRole:
            row = self.record(index.row())
            return QBrush(MAJOR) if row and row["grade"] == "major" and row["status"] != "verified" else None
        return super().data(index, role)

    def show(self, filters: Filters | None = None) -> None:
        """Count and show the hazards ``filters`` select (the current ones when None)."""
        if filters is not None:
            self.filters = filters
        store, chosen, key, descending = self.store, self.filters, self.sort_key, self.descending
        self.set_query(
            lambda: query.count(store, chosen),
            lambda offset, limit, after: query.page(
                store, chosen, sort=key, descending=descending, limit=limit, offset=offset, after=after
            ),
            keyset=True,
        )

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else "n"
        self.descending = order == Qt.DescendingOrder
        self.show()
