"""``inspector export --out FILE [--full]``: this workspace's signed export bundle (PIN in INSPECTOR_PIN)."""

from __future__ import annotations

from pathlib import Path

from inspector.cli._common import fail, open_store, print_json


def register(subparsers) -> None:
    parser = subparsers.add_parser("export", help="write the signed export bundle (sync by file)")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="bundle file, or a folder to put it in"
    )
    parser.add_argument(
        "--full", action="store_true", help="everything, not only what changed since the last export"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(handler=export_command)


def export_command(args) -> int:
    from inspector.core.signing import PinError
    from inspector.core.sync import BundleError, export_bundle

    store = open_store(args)
    try:
        result = export_bundle(store, args.out, full=args.full)
    except (PinError, BundleError) as exc:
        fail(str(exc))
        return 2
    finally:
        store.close()
    if args.json:
        print_json(
            {
                "file": str(result.path),
                "id": result.id,
                "from": result.seq_from,
                "to": result.seq_to,
                "full": result.full,
                "records": result.counts,
                "photos": result.photos,
            }
        )
    elif result.empty:
        print(f"自上次导出以来没有新的改动；已写出空的同步包 {result.path}")
    else:
        total = sum(result.counts.values())
        print(
            f"已导出到 {result.path}：审计记录第 {result.seq_from}–{result.seq_to} 条，{total} 条记录，{result.photos} 张照片"
        )
    return 0
