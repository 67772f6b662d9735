"""``inspector backup`` and ``inspector restore FILE [--force]``: the workspace database, copied and back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from inspector.cli._common import chosen_workspace, fail, open_store
from inspector.core.store import backups
from inspector.core.store.db import DatabaseError
from inspector.core.store.lock import WorkspaceLock


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help="copy the workspace database into its backups folder now")
    parser.add_argument("--list", action="store_true", help="list the backups kept, newest first")
    parser.set_defaults(handler=backup_command)
    restore = subparsers.add_parser(
        "restore", help="replace the workspace database with a backup (refused over newer data)"
    )
    restore.add_argument("file", type=Path, help="the backup file (see: inspector backup --list)")
    restore.add_argument(
        "--force", action="store_true", help="restore even when the current database holds newer changes"
    )
    restore.set_defaults(handler=restore_command)


def backup_command(args) -> int:
    workspace = chosen_workspace(args)
    if args.list:
        for path in backups.all_backups(workspace.backups_dir):
            print(f"{path}  {path.stat().st_size / 2**20:.1f} MB")
        return 0
    store = open_store(args)
    try:
        made = backups.make(
            store.conn, backups.target(workspace.backups_dir, workspace.db_path.stem, "manual")
        )
        backups.prune(workspace.backups_dir)
    except OSError as exc:
        fail(str(exc) if isinstance(exc, backups.DiskFullError) else f"备份失败：{exc}")
        return 2
    finally:
        store.close()
    print(f"已备份到 {made}")
    return 0


def restore_command(args) -> int:
    from inspector.core.store import restore

    workspace = chosen_workspace(args)
    lock = WorkspaceLock(workspace.root, "restore")
    if not lock.acquire():
        fail(f"工作区 {workspace.root} 正在使用中：{lock.holder() or '另一个 inspector'}。请先关闭它再恢复。")
        return 2
    try:
        done = restore.restore(workspace, args.file, force=args.force)
    except (DatabaseError, OSError) as exc:
        fail(str(exc))
        return 2
    except sqlite3.DatabaseError as exc:  # SQLite itself: a file damaged in a way no check foresaw
        fail(f"恢复失败：SQLite 无法读写数据库（{exc}）。请换一个备份文件重试，或联系技术支持。")
        return 2
    finally:
        lock.release()
    if done.damaged_copy:
        print(
            f"当前数据库已损坏（{done.damage}），已原样另存为 {done.damaged_copy}；未比较审计链，直接恢复。"
        )
    if done.safety_copy:
        print(f"原数据库已另存为 {done.safety_copy}")
    if done.set_aside:
        print(
            f"检查点文件锚定了恢复后已不存在的记录，已原样移到 {done.set_aside}（仍有效的检查点留在原文件中）"
        )
    if done.discarded:
        first, last = done.discarded
        span = (
            f"第 {first}–{last} 条"
            if last and last > first
            else f"第 {first} 条"
            if last
            else f"第 {first} 条起"
        )
        print(f"{span}审计记录被本次恢复丢弃；恢复已记入审计记录，inspector audit verify 会列出。")
    print(f"已从 {done.source} 恢复：共 {done.entries} 条审计记录（含本次恢复的记录）。")
    return 0
