"""``inspector ledger …``: the hazard ledger (隐患台账) from scripts.

    inspector ledger list [--json] [--search TEXT] [--status S] [--overdue] [--repeat] [--listed] …
    inspector ledger export-xlsx --out FILE [filters]
    inspector ledger show HAZARD            one hazard with its history
    inspector ledger start|report|supervise HAZARD …
    inspector ledger recheck start|record|finish …
    inspector ledger stats [--json] / summary-pdf --out FILE / reindex

Exit codes: 0 done; 1 refused (the message says why; nothing changed); 2 the workspace cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from inspector.cli._common import fail, open_store, print_json, print_table

JSON_KEYS = (
    "id",
    "enterprise",
    "spot",
    "description",
    "grade",
    "status",
    "deadline",
    "overdue",
    "repeat",
    "listed",
)
STATUSES = ("open", "in_progress", "rectified", "verified")
BY_WORDS = {"region": "地区", "sector": "行业", "inspector": "检查人员", "month": "整改期限月份"}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，应为 年-月-日（如 2026-03-31）") from None


def _filter_arguments(parser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument(
        "--search", metavar="TEXT", default="", help="enterprise, spot or description contains TEXT"
    )
    group.add_argument("--status", action="append", choices=STATUSES, default=[], help="repeatable")
    group.add_argument(
        "--grade", action="append", choices=("general", "major"), default=[], help="repeatable"
    )
    group.add_argument("--sector", action="append", default=[], metavar="ID", help="sector id, repeatable")
    group.add_argument("--region", action="append", default=[], metavar="NAME", help="repeatable")
    group.add_argument("--enterprise", metavar="NAME|ID", help="one enterprise")
    group.add_argument("--inspector", metavar="ID", help="found by this inspector (the inspection's first)")
    group.add_argument("--from", dest="found_from", type=_day, metavar="DATE", help="found on or after")
    group.add_argument("--to", dest="found_to", type=_day, metavar="DATE", help="found on or before")
    group.add_argument("--overdue", action="store_true", help="only overdue (逾期) hazards")
    group.add_argument("--repeat", action="store_true", help="only repeat hazards")
    group.add_argument(
        "--listed", action="store_true", help="only hazards under listed supervision (挂牌督办)"
    )
    group.add_argument("--today", type=_day, metavar="DATE", help="the day overdue is reckoned from")
    group.add_argument(
        "--sort", default="n", help="found_on, enterprise, spot, deadline, status, … (default n)"
    )
    group.add_argument("--asc", action="store_true", help="ascending (default: descending)")


def register(subparsers) -> None:
    parser = subparsers.add_parser("ledger", help="the hazard ledger (隐患台账)")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="<verb>")

    listing = verbs.add_parser("list", help="hazards, filtered and sorted (all of them, streamed in pages)")
    listing.add_argument("--json", action="store_true", help=f"JSON list of {{{', '.join(JSON_KEYS)}}}")
    listing.add_argument("--limit", type=int, help="at most this many")
    _filter_arguments(listing)
    listing.set_defaults(handler=list_command)

    export = verbs.add_parser("export-xlsx", help="the filtered ledger as an Excel workbook")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    _filter_arguments(export)
    export.set_defaults(handler=export_command)

    show = verbs.add_parser("show", help="one hazard and every step of its history")
    show.add_argument("hazard", metavar="HAZARD_ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_command)

    start = verbs.add_parser("start", help="待整改 → 整改中")
    start.add_argument("hazard", metavar="HAZARD_ID")
    start.add_argument("--note", default="")
    start.set_defaults(handler=step_command, step="start")

    report = verbs.add_parser("report", help="→ 已整改待复查, with the enterprise's report and photos")
    report.add_argument("hazard", metavar="HAZARD_ID")
    report.add_argument("--text", required=True, help="the enterprise's report")
    report.add_argument("--photo", action="append", type=Path, default=[], help="repeatable")
    report.set_defaults(handler=step_command, step="report")

    supervise = verbs.add_parser("supervise", help="挂牌督办: listing body, reason and a new deadline")
    supervise.add_argument("hazard", metavar="HAZARD_ID")
    supervise.add_argument("--body", required=True, help="e.g. 县安委办")
    supervise.add_argument("--reason", required=True)
    supervise.add_argument("--deadline", required=True, type=_day)
    supervise.set_defaults(handler=step_command, step="supervise")

    from inspector.cli._ledger_recheck import add_recheck

    add_recheck(verbs)

    stats = verbs.add_parser("stats", help="整改率 by region/sector/inspector/month, counts, ageing, repeats")
    stats.add_argument("--json", action="store_true")
    _filter_arguments(stats)
    stats.set_defaults(handler=stats_command)

    summary = verbs.add_parser("summary-pdf", help="the printable A4 summary")
    summary.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    _filter_arguments(summary)
    summary.set_defaults(handler=summary_command)

    reindex = verbs.add_parser("reindex", help="rebuild the ledger's query index from the records")
    reindex.set_defaults(handler=reindex_command)


def _enterprise_id(store, text: str) -> str:
    from inspector.core.ledger import LedgerError

    if store.row("SELECT 1 FROM enterprises WHERE id=? AND deleted_at IS NULL", [text]):
        return text
    rows = store.rows(
        "SELECT id FROM enterprises WHERE name=? AND deleted_at IS NULL ORDER BY id LIMIT 2", [text.strip()]
    )
    if not rows:
        raise LedgerError(f"没有这家单位：{text}", "enterprise")
    if len(rows) > 1:
        raise LedgerError(f"有多家单位名为“{text}”：请改用单位的 id", "enterprise")
    return rows[0]["id"]


def _filters(store, args):
    from inspector.core.ledger import Filters

    return Filters(
        statuses=tuple(args.status),
        grades=tuple(args.grade),
        sectors=tuple(args.sector),
        regions=tuple(args.region),
        enterprise_id=_enterprise_id(store, args.enterprise) if args.enterprise else None,
        inspector_id=args.inspector,
        found_from=args.found_from,
        found_to=args.found_to,
        overdue=args.overdue,
        repeat=args.repeat,
        listed=args.listed,
        search=args.search,
        today=args.today,
    )


def _run(args, body) -> int:
    """Open the store, run ``body(store)``, turn refusals into a message and exit code 1."""
    from inspector.core.ledger import LedgerError

    store = open_store(args)
    try:
        return int(body(store) or 0)
    except LedgerError as exc:
        fail(str(exc))
        return 1
    finally:
        store.close()


def _line(row: dict) -> list[str]:
    return [
        row["found_on"],
        row["enterprise"],
        row["spot"],
        row["description"],
        row["grade_label"],
        row["status_label"] + ("（逾期）" if row["overdue"] else ""),
        row["deadline"],
        f"重复{row['repeat']}" if row["repeat"] else "",
        "挂牌督办" if row["listed"] else "",
        row["id"],
    ]


def list_command(args) -> int:
    from inspector.core.ledger import page

    def body(store) -> int:
        filters = _filters(store, args)
        after, shown, first = None, 0, True
        if args.json:
            sys.stdout.write("[")
        while args.limit is None or shown < args.limit:
            size = 1000 if args.limit is None else min(1000, args.limit - shown)
            rows = page(store, filters, sort=args.sort, descending=not args.asc, limit=size, after=after)
            for row in rows:
                if args.json:
                    item = {k: row[k] for k in JSON_KEYS}
                    sys.stdout.write(("\n  " if first else ",\n  ") + json.dumps(item, ensure_ascii=False))
                else:
                    print("\t".join(_line(row)))
                first = False
            shown += len(rows)
            if len(rows) < size:
                break
            after = rows[-1]
        if args.json:
            sys.stdout.write("\n]\n" if not first else "]\n")
        elif first:
            print("没有符合条件的隐患。")
        return 0

    return _run(args, body)


def export_command(args) -> int:
    from inspector.core.ledger import export

    def body(store) -> int:
        written = export.export_xlsx(
            store, args.out, _filters(store, args), sort=args.sort, descending=not args.asc
        )
        print(f"已导出 {written} 条隐患 → {args.out}")
        return 0

    return _run(args, body)


def show_command(args) -> int:
    from inspector.core.ledger import history, query, repeats

    def body(store) -> int:
        row = query.hazard(store, args.hazard)
        steps = history(store, args.hazard)
        earlier = repeats.of_hazard(store, args.hazard)
        if args.json:
            print_json({**row, "history": steps, "earlier": [e["id"] for e in earlier]})
            return 0
        print(f"{row['enterprise']}  {row['spot']}：{row['description']}")
        print(
            f"{row['grade_label']}  {row['status_label']}  整改期限 {row['deadline'] or '—'}"
            + (f"  逾期 {row['overdue_days']} 天" if row["overdue"] else "")
            + ("  挂牌督办" if row["listed"] else "")
        )
        if earlier:
            print(
                f"重复隐患：此前 {len(earlier)} 次 — "
                + "；".join(f"{e['found_on']} {e['spot']}" for e in earlier)
            )
        print_table(
            [
                [
                    s["at"][:16].replace("T", " "),
                    s["action"],
                    s["from_status"],
                    s["to_status"],
                    s["actor_name"],
                    s["reason"],
                    s["deadline"] or "",
                ]
                for s in steps
            ],
            ["时间(UTC)", "操作", "原状态", "新状态", "操作人", "说明", "期限"],
        )
        return 0

    return _run(args, body)


def step_command(args) -> int:
    from inspector.core import ledger

    def body(store) -> int:
        if args.step == "start":
            ledger.start(store, args.hazard, args.note)
        elif args.step == "report":
            ledger.report(store, args.hazard, args.text, photos=args.photo)
        else:
            ledger.list_supervision(
                store, args.hazard, body=args.body, reason=args.reason, deadline=args.deadline
            )
        row = ledger.query.hazard(store, args.hazard)
        print(f"{row['id']}：{row['status_label']}" + ("（挂牌督办）" if row["listed"] else ""))
        return 0

    return _run(args, body)


def _percent(value) -> str:
    from inspector.core.ledger.stats import as_percent

    return as_percent(value)


def stats_command(args) -> int:
    from inspector.core.ledger import stats

    def body(store) -> int:
        figures = stats.summary(store, _filters(store, args))
        if args.json:
            print_json(figures)
            return 0
        total = figures["total"]
        print(
            f"截至 {figures['today']}：应整改 {total['due']}，已整改销号 {total['closed']}，按期 {total['closed_on_time']}；"
            f"按期整改率 {_percent(total['rate_on_time'])}，整改率 {_percent(total['rate_closed'])}"
        )
        for by, rows in figures["by"].items():
            print(f"\n按{BY_WORDS[by]}：")
            print_table(
                [
                    [
                        r["label"],
                        r["due"],
                        r["closed"],
                        r["closed_on_time"],
                        _percent(r["rate_on_time"]),
                        _percent(r["rate_closed"]),
                    ]
                    for r in rows
                ],
                ["", "应整改", "已销号", "按期", "按期整改率", "整改率"],
            )
        print("\n逾期账龄：" + "，".join(f"{a['label']} {a['n']}" for a in figures["ageing"]))
        return 0

    return _run(args, body)


def summary_command(args) -> int:
    from inspector.cli.render import _write
    from inspector.core.ledger import summary_pdf

    def body(store) -> int:
        _write(args.out, summary_pdf.render(store, _filters(store, args)))
        print(f"已生成台账统计表 → {args.out}")
        return 0

    return _run(args, body)


def reindex_command(args) -> int:
    from inspector.core.ledger import index

    def body(store) -> int:
        print(f"已重建台账索引：{index.rebuild(store)} 条隐患")
        return 0

    return _run(args, body)
