"""``inspector import FILE… [--dry-run] [--trust]``: bundles from laptops (or a county office), or a
package from the office; folders are read whole. Exit 1 when any bundle was refused."""

from __future__ import annotations

from pathlib import Path

from inspector.cli._common import open_store, print_json


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import", help="import sync bundles or an office package (all-or-nothing each)"
    )
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="bundle files or folders holding them"
    )
    parser.add_argument("--dry-run", action="store_true", help="say what would happen, write nothing")
    parser.add_argument(
        "--trust",
        action="store_true",
        help="accept and record a signing key this workspace has not seen before",
    )
    parser.add_argument("--json", action="store_true", help="print one report per bundle as JSON")
    parser.set_defaults(handler=import_command)


def import_command(args) -> int:
    from inspector.core.sync import import_many

    store = open_store(args)
    try:
        reports = import_many(store, args.files, dry_run=args.dry_run, trust=args.trust)
    finally:
        store.close()
    if args.json:
        print_json([r.as_dict() for r in reports])
    else:
        if not reports:
            print("没有找到同步包（*.zip）")
        for report in reports:
            print(f"{report.file}：{report.summary()}")
            for warning in report.warnings:
                print(f"  注意：{warning}")
    return 1 if any(not r.ok for r in reports) or not reports else 0
