"""Limits on spreadsheets (.xlsx) read from outside, shared by the register and checklist importers.

An .xlsx file is a zip of XML parts, so a small file can stand for a huge sheet: a 296 KB file holding a
300 MB address, or one merged range ``B4:XFD1048576`` that openpyxl expands into 17 × 10⁹ cells. The
archive's declared sizes are checked before openpyxl sees the file (zipfile never inflates a member
past its declared size), rows and columns are counted while reading, and what goes wrong inside
openpyxl (malformed XML, a damaged zip, memory) becomes one :class:`SheetError` naming the file.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

MAX_FILE_BYTES = 64 * 2**20  # the .xlsx file as stored
MAX_UNCOMPRESSED_BYTES = 256 * 2**20  # all its parts inflated (100,000 register rows take ~60 MB)
MAX_COLUMNS = 64  # cells read per row; a sheet may have more only if they are all empty
MAX_MERGED_RANGES = 10_000

# What openpyxl raises for a file it cannot read: malformed XML parts (xml.etree's ParseError and lxml's
# XMLSyntaxError are both SyntaxError), a damaged or truncated zip, a missing part, a value it rejects.
READ_ERRORS = (
    SyntaxError,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    OSError,
    MemoryError,
    RecursionError,
)


class SheetError(ValueError):
    """The spreadsheet exceeds a limit or cannot be read; the message names the file and the limit."""


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f} MB"


def check_archive(path: Path) -> None:
    """Refuse a file whose stored or inflated size exceeds the limits, before any part is parsed."""
    name = Path(path).name
    size = Path(path).stat().st_size
    if size > MAX_FILE_BYTES:
        raise SheetError(
            f"“{name}”有 {_mb(size)}，超过了电子表格的上限 {_mb(MAX_FILE_BYTES)}；请分成几个文件"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise SheetError(
            f"“{name}”无法作为 Excel 工作簿（.xlsx）读取：文件可能已损坏、已加密或并非 Excel 文件；"
            "请在 Excel 或 WPS 中打开，确认无误后另存为 .xlsx"
        ) from exc
    if inflated > MAX_UNCOMPRESSED_BYTES:
        raise SheetError(
            f"“{name}”解压后有 {_mb(inflated)}，超过了上限 {_mb(MAX_UNCOMPRESSED_BYTES)}"
            "（文件中可能有超长的单元格或大量空白格式）；请检查后分成几个文件"
        )


def unreadable(name: str, exc: BaseException) -> str:
    """The message for an error openpyxl raised while reading ``name``."""
    if isinstance(exc, MemoryError):
        return f"“{name}”太大，内存不足以读取；请分成几个较小的文件"
    if isinstance(exc, SyntaxError):
        where = f"（第 {exc.lineno} 行）" if getattr(exc, "lineno", None) else ""
        return f"“{name}”内部的 XML 已损坏{where}，无法读取；请在 Excel 或 WPS 中打开，确认无误后另存为 .xlsx"
    return (
        f"“{name}”无法作为 Excel 工作簿（.xlsx）读取（{type(exc).__name__}）：文件可能已损坏、已加密或"
        "并非 Excel 文件；请在 Excel 或 WPS 中打开，确认无误后另存为 .xlsx"
    )


def bounded_rows(rows: Iterable[tuple], name: str, max_rows: int, first_row: int = 1) -> Iterator[tuple]:
    """The rows, each cut to :data:`MAX_COLUMNS`; more rows, or a filled cell further right, is refused.

    ``first_row`` is the sheet row number of the first row given (for the message).
    """
    number = first_row - 1
    for cells in rows:
        number += 1
        if number > max_rows:
            raise SheetError(f"“{name}”超过 {max_rows} 行；一次最多读取 {max_rows} 行，请分成几个文件")
        if len(cells) > MAX_COLUMNS:
            if any(value is not None and value != "" for value in cells[MAX_COLUMNS:]):
                raise SheetError(
                    f"“{name}”第 {number} 行在第 {MAX_COLUMNS} 列之后还有内容；"
                    f"工作表最多读取 {MAX_COLUMNS} 列，请删去多余的列"
                )
            cells = cells[:MAX_COLUMNS]
        yield cells


def merged_ranges(worksheet, name: str) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of each merged range of a read-only worksheet.

    Read-only worksheets do not offer them, so the sheet's XML part is streamed once more for its
    ``<mergeCell ref="B4:D9"/>`` elements; callers clip each range to the cells they use.
    """
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import range_boundaries

    found = []
    with worksheet._get_source() as source:  # the part openpyxl itself reads the rows from
        for _, element in iterparse(source):
            if element.tag.endswith("}mergeCell") and element.get("ref"):
                found.append(range_boundaries(element.get("ref")))
                if len(found) > MAX_MERGED_RANGES:
                    raise SheetError(
                        f"“{name}”有超过 {MAX_MERGED_RANGES} 个合并单元格区域；请取消多余的合并后再导入"
                    )
            element.clear()
    return found


def formula_like(text: str) -> bool:
    """Text a spreadsheet would take for a formula (=, +, -, @ first): kept as text, written as text."""
    return bool(text) and text[0] in "=+-@"


def set_text(cell, text: str) -> None:
    """Put ``text`` into an openpyxl cell as text: openpyxl would store ``=…`` as a formula to run."""
    cell.value = text
    if formula_like(text):
        cell.data_type = "s"
