"""Export the filtered ledger to Excel (openpyxl, streamed): opens in Excel, WPS and LibreOffice.

Chinese headers; dates as real dates (``yyyy-mm-dd``); the header row frozen with filters on; column
widths fitted to the longest value (CJK characters count double); text that starts with ``=``, ``+``,
``-`` or ``@`` is written as text with Excel's quote prefix, never as a formula. The file is written
aside and moved into place when complete, so a failed or cancelled export leaves no half file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from inspector.core.ledger import index, query
from inspector.core.ledger.lifecycle import LedgerError
from inspector.core.ledger.query import Filters
from inspector.core.store import Store

# (header, row key, kind): kind "text", "date", "int" or "bool".
COLUMNS = (
    ("编号", "n", "int"),
    ("被检查单位", "enterprise", "text"),
    ("行业", "sector_label", "text"),
    ("地区", "region", "text"),
    ("隐患部位", "spot", "text"),
    ("问题描述", "description", "text"),
    ("隐患等级", "grade_label", "text"),
    ("状态", "status_label", "text"),
    ("发现日期", "found_on", "date"),
    ("整改期限", "deadline", "date"),
    ("是否逾期", "overdue", "bool"),
    ("逾期天数", "overdue_days", "int"),
    ("重复次数", "repeat", "int"),
    ("挂牌督办", "listed", "bool"),
    ("检查人员", "inspector", "text"),
    ("整改日期", "rectified_on", "date"),
    ("销号日期", "closed_on", "date"),
)
FORMULA_STARTS = ("=", "+", "-", "@")
MAX_WIDTH = 60
_PAGE = 2000

Progress = Callable[[int, int], bool | None]


class ExportCancelled(Exception):
    pass


def display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _value(row: dict, key: str, kind: str):
    value = row.get(key)
    if kind == "date":
        return date.fromisoformat(value) if value else None
    if kind == "bool":
        return "是" if value else "否"
    return value


def _widths(store: Store, filters: Filters) -> list[float]:
    """Fitted widths: the header, and the longest value of each text column in the selection."""
    source, params = query.selection(filters)
    text_columns = {
        "enterprise": "enterprise",
        "region": "region",
        "spot": "spot",
        "description": "description",
    }
    longest = store.row(
        "SELECT "
        + ", ".join(f"coalesce(max(length(l.{c})), 0) AS {k}" for k, c in text_columns.items())
        + source,
        params,
    )
    widths = []
    for header, key, kind in COLUMNS:
        width = display_width(header)
        if key in longest:
            width = max(width, 2 * longest[key])  # mostly CJK
        elif kind == "date":
            width = max(width, 10)
        elif key in ("sector_label", "grade_label", "status_label", "inspector"):
            width = max(width, 12)
        widths.append(min(MAX_WIDTH, width + 2))
    return widths


def export_xlsx(
    store: Store,
    path: Path | str,
    filters: Filters | None = None,
    *,
    sort: str = query.DEFAULT_SORT,
    descending: bool = True,
    progress: Progress | None = None,
) -> int:
    """Write the filtered, sorted ledger to ``path`` (.xlsx); returns the number of hazards written.

    ``progress(done, total)`` is called after every page; returning False cancels (nothing is written).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from inspector.core import sectors

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise LedgerError(f"{path}：导出文件应以 .xlsx 结尾", "out")
    if not path.parent.is_dir():
        raise LedgerError(f"{path.parent}：文件夹不存在", "out")
    filters = filters or Filters()
    index.catch_up(store)
    total = query.count(store, filters)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("隐患台账")
    for n, width in enumerate(_widths(store, filters), start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{total + 1}"
    bold = Font(bold=True)
    header = []
    for title, _, _ in COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    done = 0
    after = None
    while True:
        rows = query.page(store, filters, sort=sort, descending=descending, limit=_PAGE, after=after)
        for row in rows:
            row["sector_label"] = sectors.label(row["sector"]) if row["sector"] else ""
            cells = []
            for _, key, kind in COLUMNS:
                value = _value(row, key, kind)
                cell = WriteOnlyCell(sheet, value=value)
                if kind == "date" and value is not None:
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(value, str) and value.startswith(FORMULA_STARTS):
                    cell.data_type = "s"  # text, never a formula
                    cell.quotePrefix = True
                cells.append(cell)
            sheet.append(cells)
        done += len(rows)
        cancelled = progress is not None and progress(done, total) is False
        if cancelled or len(rows) < _PAGE:
            break
        after = rows[-1]
    partial = path.with_name(f".{path.name}.part")
    try:
        workbook.save(partial)  # also when cancelled: it closes openpyxl's temporary files
        if cancelled:
            raise ExportCancelled("导出已取消")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return done
