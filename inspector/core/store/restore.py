"""Restoring a workspace's database from a backup, never over newer data unless asked to.

The backup is checked first (a readable SQLite file that passes ``quick_check``, not from a newer version,
with an audit trail). Restoring would lose data when the current chain is longer than the backup's or
does not contain the backup's head (the two have diverged): then :class:`RestoreRefused` says what would
be lost, unless ``force``. The current file is itself backed up before it is replaced. Run with the
workspace closed (the caller holds the workspace lock).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from inspector.core.store import backups, checkpoints, db
from inspector.core.store.paths import Workspace


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


def _anchors_beyond(path: Path, entries: int) -> bool:
    try:
        return any(cp.seq > entries for cp in checkpoints.from_file(path))
    except (ValueError, checkpoints.CheckpointError):
        return True  # unreadable: set it aside too, audit verify would only stumble on it


def restore(workspace: Workspace, source: Path, force: bool = False) -> Restored:
    source = Path(source).resolve()
    target = workspace.db_path
    if source == target.resolve():
        raise RestoreError("不能用数据库文件自身来恢复")
    backup = check_backup(source)
    try:
        safety = None
        set_aside = None
        if target.exists() and target.stat().st_size > 0:
            current = db.connect(target)
            try:
                lost = would_lose(current, backup)
                if lost and not force:
                    raise RestoreRefused(
                        f"{lost}。未作任何改动；确认要恢复请加 --force（当前数据库会先另存备份）。"
                    )
                safety = backups.make(
                    current, backups.target(workspace.backups_dir, target.stem, "before-restore")
                )
            finally:
                current.close()
        workspace.ensure()
        dest = sqlite3.connect(str(target))
        try:
            backup.backup(dest)
            entries = _head(dest)[0] if _head(dest) else 0
        finally:
            dest.close()
        anchors = workspace.logs_dir / checkpoints.FILE_NAME
        if anchors.exists() and _anchors_beyond(anchors, entries):
            set_aside = anchors.with_name(f"checkpoints-before-restore-{backups.stamp()}.jsonl")
            anchors.replace(set_aside)
    finally:
        backup.close()
    return Restored(source, safety, entries, set_aside)
