"""Spreadsheet → checklist file. Offices keep their checklists in Excel or WPS; this reads such a sheet.

The header row is found by its names (序号, 检查项目/分类, 检查内容, 检查方法, 检查依据, 重大隐患判定依据 …,
matched loosely). Rows above it may carry the title and ``行业：危险化学品``-style metadata. A blank or
merged 分类 cell means "same as above"; a row with a single cell such as ``一、基础管理`` starts a section.
Problems are reported by row and column, and nothing is written unless the result validates.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from inspector.core import sectors, spreadsheet
from inspector.core.checklists import emit
from inspector.core.checklists.errors import ChecklistError, Issue, display_path
from inspector.core.checklists.model import Checklist
from inspector.core.checklists.validate import CHECKLIST_ID, FORMAT_VERSION, VERSION, parse
from inspector.core.checklists.xlsx_rows import COLUMNS, RowReader, cell_text, letter

HEADER_SCAN_ROWS = 20
MAX_ROWS = 10_000  # sheet rows: a checklist of 2,000 items with its headings fits many times over
META = {
    "id": ("检查表编号", "编号", "id"),
    "title": ("检查表名称", "名称", "标题"),
    "sector": ("行业", "行业类别", "所属行业"),
    "version": ("版本", "版本号"),
    "effective": ("施行日期", "实施日期", "生效日期"),
    "description": ("说明", "适用范围"),
}
_META_CELL = re.compile(r"^\s*([^:：]{1,8})\s*[:：]\s*(.+)$")


@dataclass
class ImportResult:
    text: str  # the checklist file
    checklist: Checklist  # as the app will load it
    ignored_columns: list[str] = field(default_factory=list)


def normalise_header(text: str) -> str:
    text = re.sub(r"[（(][^）)]*[）)]", "", text)
    return re.sub(r"[\s　*＊:：]", "", text)


def match_columns(headers: dict[int, str]) -> tuple[dict[str, int], list[int]]:
    """field → column number; exact names first, then the longest known name a header contains."""
    found: dict[str, int] = {}
    unmatched = []
    names = {col: normalise_header(text) for col, text in headers.items() if text}
    for col, name in names.items():
        hit = next((f for f, synonyms in COLUMNS.items() if name in synonyms and f not in found), None)
        if hit:
            found[hit] = col
        else:
            unmatched.append(col)
    ignored = []
    for col in unmatched:
        best = max(
            (
                (len(s), f)
                for f, synonyms in COLUMNS.items()
                if f not in found
                for s in synonyms
                if s in names[col]
            ),
            default=None,
        )
        if best:
            found[best[1]] = col
        else:
            ignored.append(col)
    return found, ignored


def read_xlsx(
    path: Path,
    *,
    sheet: str | None = None,
    id: str | None = None,
    title: str | None = None,
    sector: str | None = None,
    version: str | None = None,
    effective: str | None = None,
    fallback_id: str | None = None,
) -> ImportResult:
    """The checklist a sheet describes; ``ChecklistError`` with issues by row and column otherwise.

    Keyword values override what the sheet says; ``fallback_id`` is tried when neither gives an id.
    """
    shown = display_path(path)
    rows, merged = _open(path, shown, sheet)
    header_row, columns, ignored = _find_header(rows, shown)
    meta = _metadata(rows[: header_row - 1])
    reader = RowReader(shown, rows, merged, header_row, columns)
    issues = list(reader.missing_columns())
    chosen = {
        k: v
        for k, v in dict(id=id, title=title, sector=sector, version=version, effective=effective).items()
        if v
    }
    meta.update(chosen)
    data, meta_issues = _header_data(meta, path, fallback_id, shown)
    issues += meta_issues
    if not issues:
        data["sources"], data["sections"] = reader.sections(_item_prefix(data["id"]))
        issues += reader.issues
    if issues:
        raise ChecklistError(issues)
    text = emit.checklist_yaml(data)
    checklist = parse(text.encode("utf-8"), f"{shown}（转换结果）")
    ignored_names = [f"{letter(c)} 列“{cell_text(rows[header_row - 1][c - 1])}”" for c in ignored]
    return ImportResult(text, checklist, ignored_names)


def import_xlsx(path: Path, out: Path, *, force: bool = False, **options) -> ImportResult:
    """Read the sheet and write the checklist file (atomically); refuses to overwrite unless ``force``."""
    out = Path(out)
    if out.exists() and not force:
        raise FileExistsError(f"{display_path(out)} 已存在；如要覆盖，请加 --force")
    result = read_xlsx(path, fallback_id=out.stem, **options)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(result.text)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


def _open(path: Path, shown: str, sheet: str | None):
    """(rows, merged) of the sheet, within the limits of :mod:`inspector.core.spreadsheet`."""
    from openpyxl import load_workbook  # only the import command needs it

    def refuse(message: str) -> ChecklistError:
        return ChecklistError([Issue(shown, 0, 0, None, message)])

    if not Path(path).is_file():
        raise refuse("找不到文件，或它是文件夹；应为 .xlsx 电子表格")
    try:
        spreadsheet.check_archive(Path(path))
        # read-only: rows stream from the XML and merged ranges are never expanded by openpyxl
        book = load_workbook(path, read_only=True, data_only=True)
    except spreadsheet.SheetError as exc:
        raise refuse(str(exc)) from exc
    except spreadsheet.READ_ERRORS as exc:
        message = spreadsheet.unreadable(Path(path).name, exc) + "（旧的 .xls 或 .et 文件请另存为 .xlsx）"
        raise refuse(message) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            names = "、".join(book.sheetnames)
            raise refuse(f"没有名为“{sheet}”的工作表（有：{names}）")
        ws = book[sheet] if sheet else book.worksheets[0]
        ws.reset_dimensions()  # some writers record wrong dimensions; read what is there
        cells = ws.iter_rows(values_only=True)
        rows = [list(row) for row in spreadsheet.bounded_rows(cells, Path(path).name, MAX_ROWS)]
        ranges = spreadsheet.merged_ranges(ws, Path(path).name)
    except spreadsheet.SheetError as exc:
        raise refuse(str(exc)) from exc
    except spreadsheet.READ_ERRORS as exc:
        raise refuse(spreadsheet.unreadable(Path(path).name, exc)) from exc
    finally:
        book.close()
    used_columns = max((len(row) for row in rows), default=0)
    merged = {}
    for min_col, min_row, max_col, max_row in ranges:
        if max_row > min_row and min_row <= len(rows):  # vertical merges mean "the same for these rows"
            row = rows[min_row - 1]
            value = row[min_col - 1] if min_col - 1 < len(row) else None
            for r in range(min_row, min(max_row, len(rows)) + 1):  # clipped to the rows and columns used
                for c in range(min_col, min(max_col, used_columns) + 1):
                    merged[(r, c)] = value
    return rows, merged


def _find_header(rows: list[list], shown: str) -> tuple[int, dict[str, int], list[int]]:
    for number, row in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        headers = {c: cell_text(v) for c, v in enumerate(row, start=1) if isinstance(v, str)}
        columns, ignored = match_columns(headers)
        if "content" in columns and len(columns) >= 2:
            return number, columns, ignored
    message = f"前 {HEADER_SCAN_ROWS} 行中找不到表头行：表头应有“检查内容”以及“检查方法”“检查依据”等列名"
    raise ChecklistError([Issue(shown, 0, 0, None, message)])


def _metadata(rows: list[list]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in rows:
        cells = [cell_text(v) for v in row if cell_text(v)]
        pairs = []
        for cell in cells:
            found = _META_CELL.match(cell)
            if found:
                pairs.append((found.group(1).strip(), found.group(2).strip()))
        if not pairs and len(cells) == 2:
            pairs.append((normalise_header(cells[0]), cells[1]))
        known = [(key, value) for name, value in pairs for key, names in META.items() if name in names]
        if known:
            meta.update(known)
        elif len(cells) == 1 and "title" not in meta:
            meta["title"] = cells[0]
    return meta


def _header_data(meta: dict, path: Path, fallback_id: str | None, shown: str) -> tuple[dict, list[Issue]]:
    issues = []

    def problem(message: str) -> None:
        issues.append(Issue(shown, 0, 0, None, message))

    candidates = [meta.get("id"), fallback_id, Path(path).stem.lower()]
    checklist_id = next((c for c in candidates if c and CHECKLIST_ID.match(c)), None)
    if checklist_id is None:
        given = meta.get("id") or fallback_id or Path(path).stem
        problem(f"无法确定检查表编号（“{given}”不合规则）：请用 --id 指定，只能用小写字母、数字和“-”")
    title = meta.get("title") or Path(path).stem
    sector_text = meta.get("sector")
    if sector_text:
        sector = sectors.from_text(sector_text)
        if sector is None:
            problem(f"未知行业“{sector_text}”：应为 {'、'.join(sectors.SECTORS)} 或其中文名称")
    else:
        sector = next((k for k, name in sectors.SECTORS.items() if name.split("（")[0] in title), "general")
    version = str(meta.get("version") or "1")
    if not VERSION.match(version):
        problem(f"版本“{version}”应为以点分隔的数字，如 2026.1")
    effective = meta.get("effective") or date.today().isoformat()
    try:
        effective = date.fromisoformat(effective.replace("/", "-").replace(".", "-")).isoformat()
    except ValueError:
        problem(f"施行日期“{effective}”应写成 YYYY-MM-DD")
    data = {
        "format": FORMAT_VERSION,
        "id": checklist_id,
        "title": title,
        "sector": sector,
        "version": version,
        "effective": effective,
        "description": meta.get("description", ""),
        "tags": [],
    }
    return data, issues


def _item_prefix(checklist_id: str) -> str:
    parts = [p for p in checklist_id.split("-") if p]
    return "".join(p[0] for p in parts).upper() if len(parts) > 1 else checklist_id[:2].upper()
