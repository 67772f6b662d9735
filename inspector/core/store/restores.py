"""The record a restore leaves behind, and what ``audit verify`` makes of it.

A restore replaces the audit chain from some entry on (the *discarded range*) with a backup's. It is
recorded in the restored database as a ``settings`` row ``restore.<stamp>`` (audited with the action
``restore``: who and when are the audit entry's own actor and time): the source backup, the discarded
range, the safety copy and the checkpoint file set aside. The set-aside checkpoint file stays in
``logs/`` and ``audit verify`` reads it: a checkpoint it holds inside a recorded discarded range is
reported as information (the rollback was deliberate and is on record); any other is checked against the
chain like every checkpoint, so moving the checkpoint file aside by hand hides nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from inspector.core import clock
from inspector.core.store import checkpoints

KEY_PREFIX = "restore."
ACTION = "restore"
SET_ASIDE_GLOB = "checkpoints-before-restore-*.jsonl"


def record(store, details: dict) -> str:
    """Write the restore's record into ``store`` (the restored database); returns its settings key."""
    key = f"{KEY_PREFIX}{details['stamp']}"
    value = json.dumps(details, ensure_ascii=False, sort_keys=True)
    store.insert("settings", {"key": key, "value": value, "updated_at": clock.utc_iso()}, action=ACTION)
    return key


@dataclass(frozen=True)
class RestoreRecord:
    key: str
    at: str  # when (the audit entry's time)
    actor: str  # who (the audit entry's actor)
    details: dict

    @property
    def discarded(self) -> tuple[int, int | None] | None:
        found = self.details.get("discarded")
        if not isinstance(found, dict) or not isinstance(found.get("first"), int):
            return None
        last = found.get("last")
        return found["first"], last if isinstance(last, int) else None

    def covers(self, seq: int) -> bool:
        span = self.discarded
        return span is not None and seq >= span[0] and (span[1] is None or seq <= span[1])


def records(conn: sqlite3.Connection) -> list[RestoreRecord]:
    """Every recorded restore, oldest first, with who and when from its audit entry."""
    found = []
    rows = conn.execute(
        "SELECT s.key, s.value, a.at, a.actor, coalesce(i.name, a.actor) FROM settings s"
        " JOIN audit_log a ON a.table_name='settings' AND a.record_id=s.key AND a.action=?"
        " LEFT JOIN inspectors i ON i.id=a.actor"
        " WHERE s.key >= ? AND s.key < ? ORDER BY s.key, a.seq",  # a key range: the primary key's index
        [ACTION, KEY_PREFIX, KEY_PREFIX[:-1] + chr(ord(KEY_PREFIX[-1]) + 1)],
    )
    for key, value, at, _actor_id, actor in rows:
        try:
            details = json.loads(value)
        except ValueError:
            details = {}
        found.append(RestoreRecord(key, at, actor, details if isinstance(details, dict) else {}))
    return found


def _when(at: str) -> str:
    try:
        return clock.local(at).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at


def describe(item: RestoreRecord) -> str:
    """「第 565–589 条在 T 被恢复操作丢弃（恢复自 …）」, or what the restore did when it discarded nothing."""
    source = item.details.get("source", "?")
    login = item.details.get("os_user")
    by = f"，操作人 {item.actor}" + (f"（系统登录用户 {login}）" if login else "")
    span = item.discarded
    damaged = item.details.get("damaged_copy")
    note = f"；原数据库已损坏，原样保存在 {damaged}" if damaged else ""
    if span is None:
        return f"{_when(item.at)} 从 {source} 恢复，未丢弃审计记录{by}{note}"
    first, last = span
    if last is None:  # the replaced database could not be read: how far it went is unknown
        what = f"第 {first} 条起的记录（原数据库无法读出，止于第几条不明）"
    else:
        what = f"第 {first}–{last} 条" if last > first else f"第 {first} 条"
    return f"{what}在 {_when(item.at)} 被恢复操作丢弃（恢复自 {source}{by}{note}）"


@dataclass(frozen=True)
class SetAside:
    """What the set-aside checkpoint files hold: anchors still to check, and those a restore excuses."""

    anchors: list  # audit.Anchor, checked against the chain like any checkpoint
    excused: int  # checkpoints inside a recorded discarded range


def set_aside(logs_dir: Path, known: list[RestoreRecord]) -> SetAside:
    from inspector.core.store.audit import Anchor

    anchors, excused = [], 0
    for path in sorted(logs_dir.glob(SET_ASIDE_GLOB)) if logs_dir.is_dir() else []:
        own = [i for i, item in enumerate(known) if item.details.get("checkpoints_set_aside") == path.name]
        later = known[own[0] :] if own else []  # its own restore, and any after it
        for checkpoint in _read(path):
            if any(item.covers(checkpoint.seq) for item in later):
                excused += 1
                continue
            where = f"检查点文件 {path.name} 中的{checkpoints.describe(checkpoint)}"
            anchors.append(Anchor(checkpoint.seq, checkpoint.hash.hex(), where))
    return SetAside(anchors, excused)


def _read(path: Path) -> Iterator[checkpoints.Checkpoint]:
    yield from checkpoints.from_file(path)
