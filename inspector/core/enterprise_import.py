"""Import the register of enterprises from an office's Excel sheet (.xlsx).

Three steps, so that a person sees what will happen before anything changes:

1. :func:`read_sheet` finds the header row (a title row above it is normal), matches the Chinese
   headers however the office worded them, and reads the non-blank rows with their sheet row numbers.
2. :func:`plan` checks every row (name present, 统一社会信用代码 valid, sector known), finds duplicates
   inside the sheet, and decides which rows add an enterprise and which update one already registered
   (matched by code, else by exact name). A blank cell never erases what is registered.
3. :func:`apply` writes the plan in one transaction: everything or nothing. By default a sheet with any
   rejected row imports nothing; ``skip_bad=True`` imports the good rows only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from inspector.core import enterprises, uscc
from inspector.core.store import Store

HEADER_SEARCH_ROWS = 10

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


class ImportRefused(Exception):
    """Rows were rejected and the import was not asked to skip them: nothing was written."""

    def __init__(self, report: ImportReport):
        super().__init__(f"有 {len(report.rejected_rows)} 行有问题，未导入任何数据")
        self.report = report


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


@dataclass(frozen=True)
class Planned:
    row: int
    values: dict  # every field, as it will be saved
    enterprise_id: str | None = None  # the registered enterprise it updates, if any
    current_name: str = ""


@dataclass
class ImportReport:
    sheet: Sheet
    to_add: list[Planned] = field(default_factory=list)
    to_update: list[Planned] = field(default_factory=list)
    unchanged: list[Planned] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return len(self.sheet.rows)

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({p.row for p in self.rejected})

    @property
    def ok(self) -> bool:
        return not self.rejected

    @property
    def changes(self) -> int:
        return len(self.to_add) + len(self.to_update)

    def summary(self) -> str:
        return (
            f"共读取 {self.rows_read} 行：新增 {len(self.to_add)}，更新 {len(self.to_update)}，"
            f"无变化 {len(self.unchanged)}，有问题 {len(self.rejected_rows)}"
        )


@dataclass(frozen=True)
class Applied:
    added: int
    updated: int
    skipped_rows: list[int]
    report: ImportReport


# -- reading ----------------------------------------------------------------------------------------------


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
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(
            f"“{path.name}”无法作为 Excel 工作簿（.xlsx）读取：文件可能已损坏、已加密或并非 Excel 文件；"
            "请在 Excel 或 WPS 中打开，确认无误后另存为 .xlsx"
        ) from exc


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


def read_sheet(path: Path | str) -> Sheet:
    """Read the first worksheet that has a recognisable header row within its first rows."""
    path = Path(path)
    workbook = _open_workbook(path)
    try:
        for worksheet in workbook.worksheets:
            if not hasattr(worksheet, "iter_rows"):
                continue  # a chart sheet
            if hasattr(worksheet, "reset_dimensions"):
                worksheet.reset_dimensions()  # some writers record wrong dimensions; read what is there
            rows = worksheet.iter_rows(min_row=1, values_only=True)
            top = []
            for cells in rows:
                top.append(cells)
                if len(top) == HEADER_SEARCH_ROWS:
                    break
            found = _find_header(top)
            if found is None:
                continue
            index, fields, headers = found
            return _read_body(path, worksheet.title, index + 1, fields, headers, top[index + 1 :], rows)
    except ImportFileError:
        raise
    except Exception as exc:  # a damaged part of the workbook shows up only while reading
        raise ImportFileError(f"读取“{path.name}”时出错：{exc}") from exc
    finally:
        workbook.close()
    known = "“单位名称”“统一社会信用代码”“行业”“地区”“地址”“法定代表人”“联系电话”"
    raise ImportFileError(
        f"“{path.name}”中找不到表头行：每个工作表的前 {HEADER_SEARCH_ROWS} 行中，应有一行至少包含两个"
        f"可识别的列名，例如{known}"
    )


def _read_body(path, sheet_name, header_row, fields, headers, first_rows, more_rows) -> Sheet:
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
    for rows in (first_rows, more_rows):
        for cells in rows:
            number += 1
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
                values[field_name] = text
            if any(values.values()):
                body.append(SheetRow(number, values, tuple(problems)))
    return Sheet(path, sheet_name, header_row, columns, ignored, body)


# -- planning ---------------------------------------------------------------------------------------------


def _registered(store: Store) -> tuple[dict[str, dict], dict[str, list[dict]], dict[str, dict]]:
    """Enterprises by code and by name, and the retired ones by code (a retired code stays taken)."""
    by_code: dict[str, dict] = {}
    by_name: dict[str, list[dict]] = defaultdict(list)
    retired: dict[str, dict] = {}
    for row in store.rows("SELECT * FROM enterprises"):
        if row["deleted_at"]:
            if row["code"]:
                retired[row["code"]] = row
            continue
        if row["code"]:
            by_code[row["code"]] = row
        by_name[row["name"]].append(row)
    return by_code, by_name, retired


def _row_problems(sheet: Sheet, row: SheetRow) -> list[Problem]:
    """Each field's own problems, all of them, so one pass through the sheet can fix a row."""
    found = [Problem(row.number, sheet.header(f), reason) for f, reason in row.problems]
    values = row.values
    if not values.get("name"):
        found.append(Problem(row.number, sheet.header("name"), "缺少单位名称"))
    elif len(values["name"]) > 100:
        found.append(Problem(row.number, sheet.header("name"), "单位名称不能超过 100 个字"))
    if values.get("code") and not row.problems:
        try:
            uscc.validate(values["code"])
        except uscc.CodeError as exc:
            found.append(Problem(row.number, sheet.header("code"), str(exc)))
    if values.get("sector") and enterprises.sector_from_text(values["sector"]) is None:
        reason = enterprises.unknown_sector(values["sector"])
        found.append(Problem(row.number, sheet.header("sector"), reason))
    return found


def plan(store: Store, sheet: Sheet) -> ImportReport:
    """What importing ``sheet`` would do to the register as it is now. Changes nothing."""
    report = ImportReport(sheet)
    by_code, by_name, retired = _registered(store)
    candidates: list[tuple[Planned, dict | None]] = []
    for row in sheet.rows:
        problems = _row_problems(sheet, row)
        if problems:
            report.rejected.extend(problems)
            continue
        values = row.values
        code = uscc.validate(values["code"]).code if values.get("code") else ""
        existing = by_code.get(code) if code else None
        if code and existing is None and code in retired:
            clash = enterprises.code_clash(retired[code])
            report.rejected.append(Problem(row.number, sheet.header("code"), clash))
            continue
        if existing is None:
            namesakes = by_name.get(values["name"], [])
            if len(namesakes) > 1:
                report.rejected.append(
                    Problem(
                        row.number,
                        sheet.header("code" if code else "name"),
                        f"已登记 {len(namesakes)} 家名为“{values['name']}”的单位，无法确定更新哪一家；"
                        "请填写统一社会信用代码",
                    )
                )
                continue
            if namesakes:
                existing = namesakes[0]
                if code and existing["code"] and existing["code"] != code:
                    report.rejected.append(
                        Problem(
                            row.number,
                            sheet.header("code"),
                            f"已登记的“{existing['name']}”统一社会信用代码为 {existing['code']}，与本行不同；"
                            "如确为同一单位，请先在单位名录中更正其代码",
                        )
                    )
                    continue
        merged = {f: (existing[f] if existing else "") or "" for f in enterprises.FIELDS}
        merged.update({f: v for f, v in values.items() if v})
        try:
            checked = enterprises.check(merged)
        except enterprises.EnterpriseError as exc:
            report.rejected.append(Problem(row.number, sheet.header(exc.field), str(exc)))
            continue
        report.warnings.extend(Problem(row.number, sheet.header("code"), w) for w in checked.warnings)
        target = (existing["id"], existing["name"]) if existing else ()
        planned = Planned(row.number, checked.values, *target)
        candidates.append((planned, existing))

    clashes = _duplicates(sheet, [p for p, _ in candidates])
    report.rejected.extend(clashes)
    clashing = {p.row for p in clashes}
    for planned, existing in candidates:
        if planned.row in clashing:
            continue
        if existing is None:
            report.to_add.append(planned)
        elif all((existing[f] or "") == (planned.values[f] or "") for f in enterprises.FIELDS):
            report.unchanged.append(planned)
        else:
            report.to_update.append(planned)
    report.rejected.sort(key=lambda p: p.row)
    return report


def _duplicates(sheet: Sheet, planned: list[Planned]) -> list[Problem]:
    """Rows that say the same enterprise twice: every one of them is rejected, naming the others."""
    groups: dict[tuple[str, str], list[Planned]] = defaultdict(list)
    for p in planned:
        if p.values["code"]:
            groups[("code", p.values["code"])].append(p)
        if p.enterprise_id:
            groups[("id", p.enterprise_id)].append(p)
        elif not p.values["code"]:
            groups[("name", p.values["name"])].append(p)
    # a row without a code adding a name that another row adds with a code is the same enterprise
    for p in planned:
        if not p.enterprise_id and p.values["code"] and ("name", p.values["name"]) in groups:
            groups[("name", p.values["name"])].append(p)
    found: dict[int, Problem] = {}
    for (kind, _), members in groups.items():
        if len(members) < 2:
            continue
        for p in members:
            others = "、".join(str(o.row) for o in members if o is not p)
            if kind == "code":
                problem = Problem(p.row, sheet.header("code"), f"与第 {others} 行的统一社会信用代码相同")
            elif kind == "id":
                problem = Problem(
                    p.row, sheet.header("name"), f"与第 {others} 行对应同一家已登记单位“{p.current_name}”"
                )
            else:
                problem = Problem(p.row, sheet.header("name"), f"与第 {others} 行的单位名称相同")
            found.setdefault(p.row, problem)
    return list(found.values())


def read(store: Store, path: Path | str) -> ImportReport:
    """Read ``path`` and plan its import against ``store``; changes nothing."""
    return plan(store, read_sheet(path))


# -- applying ---------------------------------------------------------------------------------------------


def apply(store: Store, report: ImportReport, skip_bad: bool = False) -> Applied:
    """Write the sheet in one transaction, re-planned against the register as it is at that moment.

    Raises :class:`ImportRefused` (writing nothing) when rows are rejected and ``skip_bad`` is false.
    """
    with store.transaction():
        fresh = plan(store, report.sheet)
        if fresh.rejected and not skip_bad:
            raise ImportRefused(fresh)
        for planned in fresh.to_update:
            enterprises.update(store, planned.enterprise_id, planned.values)
        for planned in fresh.to_add:
            enterprises.create(store, planned.values)
    return Applied(len(fresh.to_add), len(fresh.to_update), fresh.rejected_rows, fresh)
