"""``inspector inspections list [--json]`` and ``inspector demo``."""

from __future__ import annotations

from inspector.cli._common import open_store, print_json, print_table
from inspector.core import clock
from inspector.core.capture import inspections


def register(subparsers) -> None:
    parser = subparsers.add_parser("inspections", help="list inspections")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="<verb>")
    listing = verbs.add_parser("list", help="every inspection, newest first")
    listing.add_argument("--json", action="store_true", help="print a JSON list of objects")
    listing.add_argument(
        "--finished", action="store_true", help="only finished inspections (their documents can be rendered)"
    )
    listing.set_defaults(handler=list_command)
    filler = subparsers.add_parser("demo", help="fill the current workspace with realistic demo data")
    filler.set_defaults(handler=demo_command)


def list_command(args) -> int:
    store = open_store(args)
    try:
        rows = inspections.listing(store)
        if args.finished:
            rows = [row for row in rows if row["finished_at"]]
    finally:
        store.close()
    if args.json:
        keys = (
            "id",
            "enterprise_id",
            "enterprise",
            "kind",
            "checklists",
            "started_at",
            "finished_at",
            "failed",
            "major",
        )
        print_json([{key: row[key] for key in keys} for row in rows])
        return 0
    print_table(
        [
            [
                clock.local(r["started_at"]).strftime("%Y-%m-%d %H:%M"),
                r["enterprise"],
                r["kind"],
                "已结束" if r["finished_at"] else "进行中",
                r["failed"],
                r["major"],
            ]
            for r in rows
        ],
        ["开始时间", "被检查单位", "类型", "状态", "不合格", "重大隐患"],
    )
    return 0


def demo_command(args) -> int:
    from inspector.core import demo  # signing keys and generated photos: loaded only for this command

    store = open_store(args)
    try:
        before = store.row("SELECT count(*) AS n FROM inspections")["n"]
        demo.seed(store)
        counts = store.row(
            "SELECT (SELECT count(*) FROM enterprises) AS e, (SELECT count(*) FROM inspections) AS i,"
            " (SELECT count(*) FROM findings WHERE deleted_at IS NULL) AS f,"
            " (SELECT count(*) FROM findings WHERE grade='major' AND deleted_at IS NULL) AS m,"
            " (SELECT count(*) FROM media) AS p"
        )
    finally:
        store.close()
    if before:
        print("工作区已有检查记录，未重复添加演示检查。")
    print(
        f"演示数据：{counts['e']} 家单位，{counts['i']} 次检查，{counts['f']} 条隐患（重大 {counts['m']} 条），"
        f"{counts['p']} 张照片。"
    )
    return 0
