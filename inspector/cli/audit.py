"""``inspector audit verify``: the database file, the audit chain, its checkpoints and every record."""

from __future__ import annotations

import itertools
import sqlite3

from inspector.cli._common import open_store
from inspector.core.store import audit, backups, checkpoints, restores


def register(subparsers) -> None:
    parser = subparsers.add_parser("audit", help="check the audit trail (痕迹执法)")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="<verb>")
    verify = verbs.add_parser(
        "verify",
        help="check the file (integrity_check), the hash chain against every signed checkpoint and issued "
        "document, and every audited record; exit 1 on any problem",
    )
    verify.set_defaults(handler=verify_command)


def verify_command(args) -> int:
    store = open_store(args)
    try:
        workspace = store.workspace
        try:
            done = restores.records(store.conn)
        except sqlite3.DatabaseError:  # a damaged file: integrity_check below says so
            done = []
        aside = restores.set_aside(workspace.logs_dir, done) if workspace else restores.SetAside([], 0)
        extra = audit.file_anchors(workspace.logs_dir / checkpoints.FILE_NAME) if workspace else ()
        report = audit.verify(store.conn, itertools.chain(extra, aside.anchors), integrity=True)
    finally:
        store.close()
    if report.integrity:
        print("数据库文件已损坏（SQLite integrity_check）：")
        for line in report.integrity:
            print(f"  - {line}")
        last = backups.latest(workspace) if workspace else None
        print(f"请从最近的备份恢复：inspector restore {last}" if last else "没有可用的备份。")
        return 1
    if report.ok:
        print(f"审计链完整：共 {report.entries} 条记录，未发现改动。")
    else:
        print(f"审计链校验失败（共 {report.entries} 条记录）：")
        for problem in report.problems:
            print(f"  - {problem.message}")
        if report.unlisted:
            print(f"  - 另有 {report.unlisted} 处问题未逐条列出")
    for item in done:  # information: a deliberate rollback, on record
        print(f"恢复记录：{restores.describe(item)}")
    if aside.excused:
        print(f"  （其中被丢弃的记录有 {aside.excused} 个签名检查点，保存在 logs/ 的恢复前检查点文件中）")
    if report.anchored_through:
        print(
            f"已锚定：第 1–{report.anchored_through} 条（与签名检查点或已签发文书一致，共核对 {report.anchors} 处）"
        )
    tail = report.unanchored
    if tail:
        span = f"第 {tail[0]} 条" if tail[0] == tail[1] else f"第 {tail[0]}–{tail[1]} 条"
        if report.anchored_through:
            since = "最后一个相符的检查点之后"
        elif report.anchors:
            since = "没有一个检查点或文书与之相符"
        else:
            since = "还没有签名检查点"
        print(f"尚未锚定：{span}（{since}；下次签发文书、导出或凭 PIN 结束检查时锚定）")
    return 0 if report.ok else 1
