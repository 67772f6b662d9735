"""``inspector audit verify``: walk the audit chain and report tampering."""

from __future__ import annotations

from inspector.cli._common import open_store
from inspector.core.store import audit


def register(subparsers) -> None:
    parser = subparsers.add_parser("audit", help="check the audit trail (痕迹执法)")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="<verb>")
    verify = verbs.add_parser("verify", help="walk the hash chain; exit 1 at the first altered row")
    verify.set_defaults(handler=verify_command)


def verify_command(args) -> int:
    store = open_store(args)
    try:
        report = audit.verify(store.conn)
    finally:
        store.close()
    if report.ok:
        print(f"审计链完整：共 {report.entries} 条记录，未发现改动。")
        return 0
    print(f"审计链校验失败（共 {report.entries} 条记录）：")
    for problem in report.problems:
        print(f"  - {problem.message}")
    return 1
