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

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from inspector.core import progress as progress_
from inspector.core import sectors
from inspector.core.register import enterprises, uscc
from inspector.core.register.enterprise_sheet import (  # noqa: F401 - ImportFileError and Problem: this module's API
    ImportFileError,
    Problem,
    Sheet,
    SheetRow,
    read_sheet,
)
from inspector.core.store import Store

DUPLICATE_ROWS_SHOWN = 5  # row numbers named in a duplicate's message; the rest are counted


class ImportRefused(Exception):
    """Rows were rejected and the import was not asked to skip them: nothing was written."""

    def __init__(self, report: ImportReport):
        super().__init__(f"有 {len(report.rejected_rows)} 行有问题，未导入任何数据")
        self.report = report


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
    clashing: set[int] = field(default_factory=set)  # rows rejected as duplicates (one problem per group)

    @property
    def rows_read(self) -> int:
        return len(self.sheet.rows)

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({p.row for p in self.rejected} | self.clashing)

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
    if values.get("code") and not row.problems:
        try:
            values["code"] = uscc.validate(values["code"]).code  # normalised once, for the plan
        except uscc.CodeError as exc:
            found.append(Problem(row.number, sheet.header("code"), str(exc)))
    if values.get("sector") and sectors.from_text(values["sector"]) is None:
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
        code = values.get("code") or ""
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

    clashes, clashing = _duplicates(sheet, [p for p, _ in candidates])
    report.rejected.extend(clashes)
    report.clashing = clashing
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


def _duplicates(sheet: Sheet, planned: list[Planned]) -> tuple[list[Problem], set[int]]:
    """Rows that say the same enterprise twice: all of them are rejected, each group reported once.

    One problem per group, on its first row, with the count and the first few row numbers: 20,000 rows
    of one name make one line, not 20,000 lines each naming the 19,999 others.
    """
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
    found: list[Problem] = []
    clashing: set[int] = set()
    for (kind, _), members in groups.items():
        if len(members) < 2:
            continue
        rows = sorted({p.row for p in members})
        if len(rows) < 2:
            continue
        clashing.update(rows)
        shown = "、".join(str(r) for r in rows[:DUPLICATE_ROWS_SHOWN])
        which = f"第 {shown} 行" if len(rows) <= DUPLICATE_ROWS_SHOWN else f"第 {shown} 行等共 {len(rows)} 行"
        if kind == "code":
            found.append(Problem(rows[0], sheet.header("code"), f"{which}的统一社会信用代码相同"))
        elif kind == "id":
            name = members[0].current_name
            found.append(Problem(rows[0], sheet.header("name"), f"{which}对应同一家已登记单位“{name}”"))
        else:
            found.append(Problem(rows[0], sheet.header("name"), f"{which}的单位名称相同"))
    return found, clashing


def read(store: Store, path: Path | str, progress: progress_.Progress = progress_.ignore) -> ImportReport:
    """Read ``path`` and plan its import against ``store``; changes nothing."""
    return plan(store, read_sheet(path, progress))


# -- applying ---------------------------------------------------------------------------------------------


def apply(
    store: Store,
    report: ImportReport,
    skip_bad: bool = False,
    progress: progress_.Progress = progress_.ignore,
) -> Applied:
    """Write the sheet in one transaction, re-planned against the register as it is at that moment.

    Raises :class:`ImportRefused` (writing nothing) when rows are rejected and ``skip_bad`` is false;
    ``progress(rows written, rows to write)`` may raise :class:`progress.Cancelled` (writing nothing).
    """
    with store.transaction():
        fresh = plan(store, report.sheet)
        if fresh.rejected and not skip_bad:
            raise ImportRefused(fresh)
        # the plan, made inside this transaction, has checked every value and every code against the
        # register and the sheet: the rows go in as they are, without checking each one again
        total = fresh.changes
        for done, planned in enumerate(fresh.to_update, start=1):
            store.update("enterprises", planned.enterprise_id, planned.values)
            if done % progress_.EVERY == 0:
                progress(done, total)
        for done, planned in enumerate(fresh.to_add, start=len(fresh.to_update) + 1):
            store.insert("enterprises", planned.values)
            if done % progress_.EVERY == 0:
                progress(done, total)
    return Applied(len(fresh.to_add), len(fresh.to_update), fresh.rejected_rows, fresh)
