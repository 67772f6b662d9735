"""``inspector enterprises …``: list, add and import the register of enterprises (被检查单位)."""

from __future__ import annotations

from pathlib import Path

from inspector.cli._common import fail, open_store, print_json, print_table
from inspector.core import sectors
from inspector.core.register import enterprise_import, enterprises
from inspector.core.store import StoreError

# Exit codes: 0 done; 1 rows or fields rejected, nothing written; 2 the file or workspace cannot be used.


def register(subparsers) -> None:
    parser = subparsers.add_parser("enterprises", help="the register of enterprises (被检查单位)")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="<verb>")

    listing = verbs.add_parser("list", help="list enterprises, by name")
    listing.add_argument("--json", action="store_true", help="JSON: [{id, name, code, sector, region}]")
    listing.add_argument("--search", metavar="TEXT", default="", help="only names or codes containing TEXT")
    listing.set_defaults(handler=list_command)

    importing = verbs.add_parser(
        "import-xlsx",
        help="add or update enterprises from an Excel sheet (a sheet with a bad row imports nothing)",
    )
    importing.add_argument("file", type=Path, metavar="FILE", help="an .xlsx workbook")
    importing.add_argument("--skip-bad", action="store_true", help="import the good rows, skip rejected ones")
    importing.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    importing.set_defaults(handler=import_command)

    adding = verbs.add_parser("add", help="register one enterprise; prints its id")
    adding.add_argument("--name", required=True, help="单位名称")
    adding.add_argument("--code", default="", help="统一社会信用代码 (checked against its check character)")
    adding.add_argument(
        "--sector", default="general", help=f"sector id or Chinese name: {', '.join(sectors.SECTORS)}"
    )
    adding.add_argument("--region", default="", help="所属地区")
    adding.add_argument("--address", default="", help="地址")
    adding.add_argument("--legal-rep", default="", help="法定代表人（负责人）")
    adding.add_argument("--title", dest="legal_rep_title", default="", help="职务")
    adding.add_argument("--phone", default="", help="联系电话")
    adding.add_argument("--notes", default="", help="备注")
    adding.add_argument("--json", action="store_true", help="print the saved record as JSON")
    adding.set_defaults(handler=add_command)


def list_command(args) -> int:
    store = open_store(args)
    try:
        found = enterprises.search(store, args.search)
    finally:
        store.close()
    if args.json:
        print_json([{k: e[k] for k in ("id", "name", "code", "sector", "region")} for e in found])
        return 0
    if not found:
        print("没有符合条件的单位。" if args.search.strip() else "单位名录为空。")
        return 0
    print_table(
        [
            [e["name"], e["code"] or "—", sectors.label(e["sector"]), e["region"], e["legal_rep"], e["phone"]]
            for e in found
        ],
        ["单位名称", "统一社会信用代码", "行业", "地区", "负责人", "联系电话"],
    )
    print(f"共 {len(found)} 家")
    return 0


def add_command(args) -> int:
    values = {f: getattr(args, f) for f in enterprises.FIELDS}
    store = open_store(args)
    try:
        saved = enterprises.create(store, values)
    except enterprises.EnterpriseError as exc:
        fail(str(exc))
        return 1
    except StoreError as exc:
        fail(str(exc))
        return 2
    finally:
        store.close()
    if args.json:
        print_json(saved)
    else:
        print(saved["id"])
    return 0


def import_command(args) -> int:
    store = open_store(args)
    try:
        return _import(store, args)
    finally:
        store.close()


def _import(store, args) -> int:
    try:
        report = enterprise_import.read(store, args.file)
    except enterprise_import.ImportFileError as exc:
        fail(str(exc))
        return 2
    _print_report(report)
    if args.dry_run:
        print("（试运行：未写入任何数据）")
        return 1 if report.rejected and not args.skip_bad else 0
    if report.rejected and not args.skip_bad:
        fail("有问题的行未改好之前不导入任何数据。请修改表格后重新导入，或加 --skip-bad 只导入没有问题的行。")
        return 1
    try:
        applied = enterprise_import.apply(store, report, skip_bad=args.skip_bad)
    except enterprise_import.ImportRefused as exc:  # the register changed since the sheet was checked
        _print_problems(exc.report)
        fail(str(exc))
        return 1
    except StoreError as exc:
        fail(str(exc))
        return 2
    if applied.added + applied.updated == 0:
        print("没有需要导入的内容。")
        return 1 if applied.skipped_rows else 0
    skipped = f"，跳过有问题的 {len(applied.skipped_rows)} 行" if applied.skipped_rows else ""
    print(f"已导入：新增 {applied.added} 家，更新 {applied.updated} 家{skipped}。")
    return 0


def _print_report(report: enterprise_import.ImportReport) -> None:
    sheet = report.sheet
    print(f"文件：{sheet.path.name}，工作表“{sheet.sheet_name}”，表头在第 {sheet.header_row} 行")
    if sheet.ignored:
        print(f"未使用的列：{'、'.join(sheet.ignored)}")
    print(report.summary())
    _print_problems(report)


def _print_problems(report: enterprise_import.ImportReport) -> None:
    for problem in report.rejected:
        print(str(problem))
    for warning in report.warnings:
        print(f"{warning}（提示，不影响导入）")
