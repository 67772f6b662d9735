"""Read an office's Excel sheet of enterprises (.xlsx): find the header row, match the Chinese headers
however they are worded, and read the non-blank rows with their sheet row numbers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from inspector.core import progress as progress_
from inspector.core import spreadsheet
from inspector.core.register import enterprises

HEADER_SEARCH_ROWS = 10
MAX_SHEET_ROWS = 200_000  # sheet rows read, title and header included; a register of 100,000 fits

# Column headers met in office sheets, per field. Matching ignores spaces, "*" marks and full/half-width
# differences, and accepts a header that ends with one of these ("企业单位名称", "负责人电话").
HEADERS: dict[str, tuple[str, ...]] = {
    "name": (
        "单位名称",
        "企业名称",
        "名称",
        "被检查单位",
        "被检查单位名称",
        "单位全称",
        "企业全称",
        "生产经营单位",
        "生产经营单位名称",
        "单位",
        "企业",
    ),
    "code": ("统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "统一代码"),
    "sector": ("行业", "行业类别", "所属行业", "行业类型", "行业领域", "行业名称", "监管行业", "行业分类"),
    "region": (
        "地区",
        "所属地区",
        "县市",
        "区域",
        "所在地区",
        "所属区域",
        "所属县市",
        "县市区",
        "属地",
        "辖区",
        "所在地",
    ),
    "address": (
        "地址",
        "单位地址",
        "注册地址",
        "经营地址",
        "企业地址",
        "详细地址",
        "生产经营地址",
        "所在地址",
        "住所",
    ),
    "legal_rep": (
        "法定代表人",
        "负责人",
        "法人",
        "法人代表",
        "主要负责人",
        "法定代表人负责人",
        "单位负责人",
        "企业负责人",
        "负责人姓名",
        "法定代表人姓名",
    ),
    "legal_rep_title": ("职务", "职位", "负责人职务"),
    "phone": ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码", "联系手机"),
    "notes": ("备注", "说明"),
}
# Too generic to be trusted as the end of a longer header ("主管单位", "法人身份证号").
_EXACT_ONLY = {"单位", "企业", "名称", "法人", "说明", "区域", "属地", "辖区"}


class ImportFileError(ValueError):
    """The file cannot be read as a sheet of enterprises; the message names it and says what was expected."""


@dataclass(frozen=True)
class Problem:
    row: int  # as Excel numbers it
    column: str  # the header as written in the sheet
    reason: str

    def __str__(self) -> str:
        return f"第 {self.row} 行（{self.column}）：{self.reason}"


@dataclass(frozen=True)
class SheetRow:
    number: int
    values: dict[str, str]  # field → cell text, for the fields the sheet has a column for
    problems: tuple[tuple[str, str], ...] = ()  # (field, reason) found while reading a cell


@dataclass
class Sheet:
    path: Path
    sheet_name: str
    header_row: int
    columns: dict[str, str]  # field → header text
    ignored: list[str]  # headers not used
    rows: list[SheetRow]

    def header(self, field_name: str) -> str:
        return self.columns.get(field_name) or enterprises.LABELS[field_name]


def _normalise_header(text: str) -> tuple[str, str]:
    """The header with brackets dropped ("县（市）" → "县市") and with bracketed notes dropped."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\s*:：]", "", text)
    without_notes = re.sub(r"[(\[【][^)\]】]*[)\]】]", "", text)
    merged = re.sub(r"[()\[\]【】]", "", text)
    return merged, without_notes


def match_header(text: str) -> str | None:
    """The field a column header stands for, or None."""
    if not text or len(text) > 30:
        return None
    best: tuple[float, str] | None = None
    for candidate in dict.fromkeys(_normalise_header(text)):
        if not candidate:
            continue
        for field_name, aliases in HEADERS.items():
            for alias in aliases:
                if candidate == alias:
                    score = 3.0
                elif alias not in _EXACT_ONLY and candidate.endswith(alias):
                    score = 2 + len(alias) / 100
                else:
                    continue
                if best is None or score > best[0]:
                    best = (score, field_name)
    return best[1] if best else None


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _code_text(value) -> tuple[str, str]:
    """The code as text, or a reason why the cell cannot hold one."""
    if isinstance(value, float):
        return "", "该单元格是数字格式，Excel 只保留 15 位有效数字，代码已失真；请把该列设为“文本”后重新填写"
    text = unicodedata.normalize("NFKC", _cell_text(value))
    return re.sub(r"\s+", "", text).upper(), ""


def _open_workbook(path: Path):
    import openpyxl  # only the import needs it
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.exists():
        raise ImportFileError(f"找不到文件“{path}”")
    if path.is_dir():
        raise ImportFileError(f"“{path}”是文件夹，应为 Excel 工作簿（.xlsx）")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ImportFileError(
            f"“{path.name}”是旧版 Excel 97-2003 工作簿（.xls），无法读取；请在 Excel 或 WPS 中“另存为”"
            " .xlsx 格式后再导入"
        )
    if suffix in (".csv", ".txt", ".et", ".ods"):
        raise ImportFileError(
            f"“{path.name}”不是 Excel 工作簿；应为 .xlsx 文件，请在 Excel 或 WPS 中另存为 .xlsx"
        )
    try:
        spreadsheet.check_archive(path)
        # read-only: rows stream from the XML and merged ranges are never expanded
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except spreadsheet.SheetError as exc:
        raise ImportFileError(str(exc)) from exc
    except (InvalidFileException, *spreadsheet.READ_ERRORS) as exc:
        raise ImportFileError(spreadsheet.unreadable(path.name, exc)) from exc


def _find_header(rows: list[tuple]) -> tuple[int, dict[int, str], dict[int, str]] | None:
    """(index, {column: field}, {column: header}) of the first row naming at least two known fields."""
    for index, cells in enumerate(rows):
        found = {}
        for col, value in enumerate(cells):
            if isinstance(value, str) and (field_name := match_header(value)):
                found[col] = field_name
        if len(set(found.values())) >= 2:
            headers = {col: _cell_text(v) for col, v in enumerate(cells) if _cell_text(v)}
            return index, found, headers
    return None


def read_sheet(path: Path | str, progress: progress_.Progress = progress_.ignore) -> Sheet:
    """Read the first worksheet that has a recognisable header row within its first rows.

    ``progress(rows read, rows the sheet declares or 0)`` may raise :class:`progress.Cancelled`.
    """
    path = Path(path)
    workbook = _open_workbook(path)
    try:
        for worksheet in workbook.worksheets:
            if not hasattr(worksheet, "iter_rows"):
                continue  # a chart sheet
            declared = getattr(worksheet, "max_row", None) or 0  # as recorded: only for the progress bar
            if hasattr(worksheet, "reset_dimensions"):
                worksheet.reset_dimensions()  # some writers record wrong dimensions; read what is there
            rows = spreadsheet.bounded_rows(
                worksheet.iter_rows(min_row=1, values_only=True), path.name, MAX_SHEET_ROWS
            )
            top = []
            for cells in rows:
                top.append(cells)
                if len(top) == HEADER_SEARCH_ROWS:
                    break
            found = _find_header(top)
            if found is None:
                continue
            index, fields, headers = found
            found_rows = (top[index + 1 :], rows)
            return _read_body(
                path, worksheet.title, index + 1, fields, headers, found_rows, declared, progress
            )
    except (ImportFileError, progress_.Cancelled):
        raise
    except spreadsheet.SheetError as exc:
        raise ImportFileError(str(exc)) from exc
    except Exception as exc:  # a damaged part of the workbook shows up only while reading
        raise ImportFileError(spreadsheet.unreadable(path.name, exc)) from exc
    finally:
        workbook.close()
    known = "“单位名称”“统一社会信用代码”“行业”“地区”“地址”“法定代表人”“联系电话”"
    raise ImportFileError(
        f"“{path.name}”中找不到表头行：每个工作表的前 {HEADER_SEARCH_ROWS} 行中，应有一行至少包含两个"
        f"可识别的列名，例如{known}"
    )


def _read_body(path, sheet_name, header_row, fields, headers, found_rows, declared, progress) -> Sheet:
    if "name" not in fields.values():
        names = "、".join(f"“{a}”" for a in HEADERS["name"][:4])
        raise ImportFileError(
            f"“{path.name}”工作表“{sheet_name}”第 {header_row} 行是表头，但没有单位名称列；"
            f"应有一列名为{names}之一"
        )
    columns: dict[str, str] = {}
    use: dict[int, str] = {}
    ignored = []
    for col, header in headers.items():
        field_name = fields.get(col)
        if field_name and field_name not in columns:
            columns[field_name] = header
            use[col] = field_name
        else:
            ignored.append(header)
    body = []
    number = header_row
    for rows in found_rows:
        for cells in rows:
            number += 1
            if number % progress_.EVERY == 0:
                progress(number, max(declared, number) if declared else 0)
            values, problems = {}, []
            for col, field_name in use.items():
                raw = cells[col] if col < len(cells) else None
                if field_name == "code":
                    text, problem = _code_text(raw)
                    if problem:
                        problems.append(("code", problem))
                        text = "?"
                else:
                    text = _cell_text(raw)
                limit = enterprises.MAX_LENGTH[field_name]
                if len(text) > limit:  # refused here, so a huge cell is not kept for the report
                    label = enterprises.LABELS[field_name]
                    problems.append((field_name, f"{label}不能超过 {limit} 个字（此格有 {len(text)} 个字）"))
                    text = text[:limit] + "…"
                values[field_name] = text
            if any(values.values()):
                body.append(SheetRow(number, values, tuple(problems)))
    return Sheet(path, sheet_name, header_row, columns, ignored, body)
