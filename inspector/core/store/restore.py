"""Restoring a workspace's database from a backup, never over newer data unless asked to.

The backup is checked first (a readable SQLite file that passes ``quick_check``, not from a newer version,
with an audit trail). Then the current file: when it is damaged (``quick_check``, or its chain cannot be
read) it is copied aside as it is (``backups/damaged/``, never pruned) and replaced without comparing
chains. Otherwise restoring would lose data when the current chain is longer than the backup's or does
not contain the backup's head (the two have diverged): then :class:`RestoreRefused` says what would be
lost, unless ``force``; the current file is backed up (``…-before-restore.db``, never pruned) before it is
replaced. Every restore is recorded in the restored database (:mod:`restores`): the source, who, when
and the discarded range of the chain; checkpoints of that range are moved to a set-aside file that
``audit verify`` still reads. Run with the workspace closed (the caller holds the workspace lock).
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from inspector.core.store import backups, checkpoints, db, restores
from inspector.core.store.paths import Workspace

DAMAGED_DIR = "damaged"  # under backups/: a damaged database replaced by a restore, kept as it was


class RestoreError(db.DatabaseError):
    """The file cannot be restored; the message says why. Nothing was changed."""


class RestoreRefused(RestoreError):
    """Restoring would lose newer data; repeat with ``force`` to do it anyway."""


@dataclass(frozen=True)
class Restored:
    source: Path
    safety_copy: Path | None  # the database as it was before, when there was one
    entries: int  # audit entries in the restored database
    set_aside: Path | None  # the checkpoint file, moved aside when it anchors entries now gone
    damaged_copy: Path | None = None  # the current file as it was, when it was damaged (never pruned)
    damage: str | None = None  # what quick_check (or reading it) said about the current file
    discarded: tuple[int, int | None] | None = None  # the current chain's seq range replaced (last: unknown)


def _head(conn: sqlite3.Connection) -> tuple[int, bytes] | None:
    found = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    if found is None:
        return None
    value = found[1]
    return found[0], bytes.fromhex(value) if isinstance(value, str) else bytes(value)


def _hash_at(conn: sqlite3.Connection, seq: int) -> bytes | None:
    found = conn.execute("SELECT hash FROM audit_log WHERE seq=?", [seq]).fetchone()
    if found is None:
        return None
    return bytes.fromhex(found[0]) if isinstance(found[0], str) else bytes(found[0])


def check_backup(source: Path) -> sqlite3.Connection:
    """A read-only connection to a usable backup, or RestoreError naming the file and the fault."""
    if not source.is_file():
        raise RestoreError(f"找不到备份文件：{source}")
    db.check_not_newer(source)  # DatabaseError for a non-database or a newer file
    conn = sqlite3.connect(db.read_only_uri(source), uri=True)
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        if result != ["ok"]:
            raise RestoreError(f"备份文件 {source} 已损坏（{'; '.join(result)}），不能用于恢复")
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name='audit_log'").fetchone():
            raise RestoreError(f"{source} 不是 inspector 的数据库备份（没有审计记录表）")
    except (sqlite3.Error, RestoreError) as exc:
        conn.close()
        if isinstance(exc, RestoreError):
            raise
        raise RestoreError(f"无法读取备份文件 {source}：{exc}") from exc
    return conn


def would_lose(current: sqlite3.Connection, backup: sqlite3.Connection) -> str | None:
    """What restoring ``backup`` over ``current`` would lose, or None when nothing."""
    now, then = _head(current), _head(backup)
    if now is None:
        return None
    if then is None:
        return f"当前数据库有 {now[0]} 条审计记录，备份中没有任何记录"
    if now[0] > then[0]:
        return f"当前数据库比备份新：恢复会丢失第 {then[0] + 1}–{now[0]} 条审计记录所记的改动"
    if _hash_at(backup, now[0]) != now[1]:
        return "当前数据库与备份的审计链不一致（当前数据库有备份中没有的改动）"
    return None


def _damage(path: Path) -> str | None:
    """What is wrong with the current database file (quick_check, or reading its chain), None when sound."""
    try:
        conn = sqlite3.connect(db.read_only_uri(path), uri=True)
        try:
            result = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
            if result == ["ok"]:
                _head(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if result == ["ok"] else " ".join("; ".join(result).split())[:300]


def _keep_damaged(workspace: Workspace, target: Path, stamp: str) -> Path:
    """Copy the damaged file (and its -wal) aside byte for byte, then remove it: nothing prunes that folder."""
    folder = workspace.backups_dir / DAMAGED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"{target.stem}-{stamp}-damaged{target.suffix}"
    for suffix in ("", "-wal"):
        side = target.with_name(target.name + suffix)
        if side.exists():
            part = kept.with_name(kept.name + suffix + ".part")
            try:
                shutil.copyfile(side, part)
                part.replace(kept.with_name(kept.name + suffix))
            except OSError:  # e.g. a full disk: nothing was removed yet, and no half copy is left
                part.unlink(missing_ok=True)
                raise
    for suffix in ("-wal", "-shm", ""):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    return kept


def _common_prefix(current: sqlite3.Connection, backup: sqlite3.Connection, upto: int) -> int:
    """The last seq (≤ upto) at which both chains have the same hash; chained hashes agree on a prefix."""
    low, high = 0, upto
    while low < high:
        middle = (low + high + 1) // 2
        here = _hash_at(current, middle)
        if here is not None and here == _hash_at(backup, middle):
            low = middle
        else:
            high = middle - 1
    return low


def _discarded(current: sqlite3.Connection, backup: sqlite3.Connection) -> tuple[int, int] | None:
    """The seq range of the current chain that the backup's chain replaces, None when nothing is lost."""
    now, then = _head(current), _head(backup)
    if now is None:
        return None
    common = _common_prefix(current, backup, min(now[0], then[0] if then else 0))
    return (common + 1, now[0]) if common < now[0] else None


def _file_anchors(path: Path) -> list[tuple[int, str]] | None:
    """(seq, line) of each checkpoint in the workspace's checkpoint file; None when it cannot be read."""
    if not path.exists():
        return []
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if line.strip()]
        return [(checkpoints.Checkpoint.from_dict(json.loads(line)).seq, line) for line in lines]
    except (OSError, ValueError, checkpoints.CheckpointError):
        return None


def _set_aside_checkpoints(workspace: Workspace, first: int, stamp: str) -> Path | None:
    """Move the checkpoint file aside when it anchors entries from ``first`` on (they are discarded).

    The checkpoints before ``first`` still anchor the restored chain: they stay in the file.
    """
    path = workspace.logs_dir / checkpoints.FILE_NAME
    found = _file_anchors(path)
    if found is not None and all(seq < first for seq, _ in found):
        return None
    aside = path.with_name(f"checkpoints-before-restore-{stamp}.jsonl")
    kept = "".join(line if line.endswith("\n") else line + "\n" for seq, line in found or [] if seq < first)
    part = path.with_name(path.name + ".part")
    with part.open("w", encoding="utf-8") as out:
        out.write(kept)
        out.flush()
        os.fsync(out.fileno())
    path.replace(aside)
    part.replace(path)
    return aside


def _beyond(workspace: Workspace, kept: int) -> bool:
    found = _file_anchors(workspace.logs_dir / checkpoints.FILE_NAME)
    return found is None or any(seq > kept for seq, _ in found)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def restore(workspace: Workspace, source: Path, force: bool = False) -> Restored:
    source = Path(source).resolve()
    target = workspace.db_path
    if source == target.resolve():
        raise RestoreError("不能用数据库文件自身来恢复")
    backup = check_backup(source)
    stamp = backups.stamp()
    try:
        then = _head(backup)
        kept = then[0] if then else 0
        safety = damaged = damage = None
        discarded: tuple[int, int | None] | None = None
        replaced = None
        if target.exists() and target.stat().st_size > 0:
            damage = _damage(target)
        if damage is None and target.exists() and target.stat().st_size > 0:
            current = db.connect(target)
            try:
                lost = would_lose(current, backup)
                if lost and not force:
                    raise RestoreRefused(
                        f"{lost}。未作任何改动；确认要恢复请加 --force（当前数据库会先另存备份）。"
                    )
                discarded = _discarded(current, backup)
                replaced = _head(current)
                safety = backups.make(
                    current, backups.target(workspace.backups_dir, target.stem, backups.BEFORE_RESTORE)
                )
            finally:
                current.close()
        else:
            # A damaged (or lost) database: its chain cannot be compared. What it held beyond the backup's
            # head is unknown; the checkpoint file may say it had more.
            if damage is not None:
                damaged = _keep_damaged(workspace, target, stamp)
            if _beyond(workspace, kept):
                discarded = (kept + 1, None)
        workspace.ensure()
        dest = sqlite3.connect(str(target))
        try:
            backup.backup(dest)
        finally:
            dest.close()
        set_aside = _set_aside_checkpoints(workspace, discarded[0], stamp) if discarded else None
    finally:
        backup.close()
    details = {
        "stamp": stamp,
        "source": str(source),
        "source_head": {"seq": kept, "hash": then[1].hex() if then else None},
        "replaced_head": {"seq": replaced[0], "hash": replaced[1].hex()} if replaced else None,
        "discarded": {"first": discarded[0], "last": discarded[1]} if discarded else None,
        "chains_compared": damage is None,
        "forced": force,
        "safety_copy": str(safety) if safety else None,
        "damaged_copy": str(damaged) if damaged else None,
        "damage": damage,
        "checkpoints_set_aside": set_aside.name if set_aside else None,
        "os_user": _os_user(),
    }
    from inspector.core.store.store import Store

    try:
        store = Store.open(workspace)
        try:
            restores.record(store, details)
            entries = _head(store.conn)[0]
        finally:
            store.close()
    except db.DatabaseError as exc:
        raise RestoreError(f"已从 {source} 恢复，但恢复记录未能写入审计记录：{exc}") from exc
    return Restored(source, safety, entries, set_aside, damaged, damage, discarded)
