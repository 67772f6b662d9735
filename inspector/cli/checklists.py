"""``inspector checklists …``: list, validate and show checklists; turn a spreadsheet into one."""

from __future__ import annotations

import sys
from pathlib import Path

from inspector.cli._common import chosen_workspace, fail, print_json, print_table
from inspector.core import sectors
from inspector.core.checklists import library
from inspector.core.checklists.errors import ChecklistError, Issue, display_path
from inspector.core.checklists.model import UNCONFIRMED, Checklist
from inspector.core.store import paths


def register(subparsers) -> None:
    parser = subparsers.add_parser("checklists", help="list, validate, show checklists; import a spreadsheet")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="<verb>")

    listing = verbs.add_parser("list", help="the checklists the app offers (bundled and the workspace's own)")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.set_defaults(handler=list_command)

    validate = verbs.add_parser("validate", help="check files; exit 1 when any is invalid")
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders (default: bundled and the workspace's checklists folder)",
    )
    validate.set_defaults(handler=validate_command)

    show = verbs.add_parser("show", help="print one checklist with its items")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print the snapshot an inspection would keep")
    show.set_defaults(handler=show_command)

    imp = verbs.add_parser("import-xlsx", help="turn an Excel/WPS sheet into a checklist file")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--out", type=Path, required=True, metavar="FILE.yaml")
    imp.add_argument("--sheet", help="worksheet name (default: the first)")
    imp.add_argument("--id", help="checklist id (default: from the sheet or the --out file name)")
    imp.add_argument("--title", help="title (default: the sheet's title row or the file name)")
    imp.add_argument("--sector", help="sector id or Chinese name (default: from the sheet or the title)")
    imp.add_argument("--version", help='version such as 2026.1 (default: from the sheet, else "1")')
    imp.add_argument("--effective", metavar="YYYY-MM-DD", help="date (default: the sheet's, or today)")
    imp.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    imp.set_defaults(handler=import_command)


def _library(args) -> library.Library:
    return library.load_for_workspace(chosen_workspace(args))


def _print_issues(issues: list[Issue], stream=None) -> None:
    for issue in issues:
        print(f"  {issue}", file=stream or sys.stdout)


def list_command(args) -> int:
    lib = _library(args)
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "title": c.title,
                    "sector": c.sector,
                    "version": c.version,
                    "items": len(c.items),
                    "major_items": len(c.major_items),
                }
                for c in lib.checklists
            ]
        )
    else:
        rows = [
            [c.id, c.title, sectors.label(c.sector), c.version, len(c.items), len(c.major_items)]
            for c in lib.checklists
        ]
        print_table(rows, ["编号", "名称", "行业", "版本", "条目", "重大隐患条目"])
    if lib.rejected:
        names = "、".join(path.name for path, _ in lib.rejected)
        print(
            f"注意：{len(lib.rejected)} 个文件未通过校验而未载入（{names}）；"
            "运行 inspector checklists validate 查看原因",
            file=sys.stderr,
        )
    return 0


def validate_command(args) -> int:
    if args.paths:
        files, missing = [], []
        for path in args.paths:
            if path.is_dir():
                files.extend(library.checklist_files(path))
            elif path.exists():
                files.append(path)
            else:
                missing.append(path)
        bad = 0
        for path in missing:
            print(f"{display_path(path)}: 文件不存在")
            bad += 1
        for path in files:
            try:
                _print_ok(library.load_file(path))
            except ChecklistError as exc:
                bad += 1
                print(f"✗ {display_path(path)}：未通过校验")
                _print_issues(exc.issues)
        total = len(files) + len(missing)
    else:
        lib = _library(args)
        for checklist in [*lib.checklists, *lib.superseded]:
            _print_ok(checklist)
        for path, issues in lib.rejected:
            print(f"✗ {display_path(path)}：未通过校验")
            _print_issues(issues)
        bad = len(lib.rejected)
        total = len(lib.checklists) + len(lib.superseded) + bad
    if bad:
        print(f"{total} 个文件中有 {bad} 个未通过校验。")
        return 1
    print(f"全部 {total} 个文件通过校验。")
    return 0


def _print_ok(checklist: Checklist) -> None:
    where = display_path(checklist.path) if checklist.path else checklist.id
    print(
        f"✓ {where}：{checklist.title}（{checklist.id} {checklist.version}，{len(checklist.items)} 条，"
        f"重大隐患 {len(checklist.major_items)} 条）"
    )
    unconfirmed = [item.id for item in checklist.items if UNCONFIRMED in item.note]
    sources = [s.key for s in checklist.sources.values() if UNCONFIRMED in s.note]
    if unconfirmed or sources:
        print(
            f"  待核实 {UNCONFIRMED}（仅供检查表维护人员，不在现场界面和文书中显示）："
            f"条目 {len(unconfirmed)} 条{'（' + '、'.join(unconfirmed) + '）' if unconfirmed else ''}，"
            f"依据来源 {len(sources)} 个{'（' + '、'.join(sources) + '）' if sources else ''}"
        )


def show_command(args) -> int:
    lib = _library(args)
    checklist = lib.get(args.id)
    if checklist is None:
        fail(f"没有编号为“{args.id}”的检查表；可用的有：{'、'.join(c.id for c in lib.checklists) or '无'}")
        return 1
    if args.json:
        print_json(checklist.to_snapshot())
        return 0
    print(f"{checklist.title}")
    print(
        f"编号 {checklist.id}  版本 {checklist.version}  行业 {sectors.label(checklist.sector)}  "
        f"施行 {checklist.effective.isoformat()}"
    )
    origin = display_path(checklist.path) if checklist.path else "-"
    print(f"文件 {origin}  内容哈希 {checklist.content_hash[:16]}")
    if checklist.description:
        print(checklist.description)
    for section in checklist.sections:
        print(f"\n【{section.id} {section.title}】")
        for item in section.items:
            print(f"{item.id}  {item.content}")
            print(f"    检查方法：{item.method}")
            print(f"    检查依据：{item.basis_text()}")
            if item.major:
                print(f"    重大隐患判定依据：{item.major_text()}")
            if item.measure:
                print(f"    测量：{item.measure.name} {item.measure.limit_text()}")
            extras = (["不合格须拍照"] if item.photo_required else []) + list(item.tags)
            if extras:
                print(f"    标签：{'、'.join(extras)}")
            if item.note:
                print(f"    备注：{item.note}")
    return 0


def import_command(args) -> int:
    from inspector.core.checklists import xlsx

    names = ("sheet", "id", "title", "sector", "version", "effective")
    options = {name: getattr(args, name) for name in names}
    try:
        result = xlsx.import_xlsx(args.file, args.out, force=args.force, **options)
    except FileExistsError as exc:
        fail(str(exc))
        return 1
    except ChecklistError as exc:
        print(f"✗ {display_path(args.file)}：无法转换，未写入任何文件", file=sys.stderr)
        _print_issues(exc.issues, sys.stderr)
        return 1
    checklist = result.checklist
    for column in result.ignored_columns:
        print(f"注意：未识别的列已忽略：{column}", file=sys.stderr)
    print(
        f"已写入 {display_path(args.out)}：{checklist.title}（{checklist.id} {checklist.version}，"
        f"{sectors.label(checklist.sector)}，{len(checklist.sections)} 节 {len(checklist.items)} 条，"
        f"重大隐患 {len(checklist.major_items)} 条）"
    )
    if args.out.resolve().parent != paths.bundled_checklists_dir().resolve():
        print(f"要在本机使用，请把它放进 {chosen_workspace(args).checklists_dir}")
    return 0
