"""Schema step 0003_audit_checkpoints."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from inspector.core.store.migrations import migrations


@migrations(name="0003_audit_checkpoints")
def audit_checkpoints(db: Database) -> None:
    """Binary hashes in the audit trail, and signed checkpoints that anchor its head.

    The chain itself is unchanged (the same hashes, computed over the same hex text): only their storage
    moves from 64 hex characters to 32 bytes, and ``prev_hash`` goes (it is the previous row's ``hash``).
    """
    db.conn.create_function(
        "inspector_unhex",
        1,
        lambda text: bytes.fromhex(text) if text is not None else None,
        deterministic=True,
    )
    db.executescript(
        """
        CREATE TABLE audit_log_v3 (
            seq INTEGER PRIMARY KEY,        -- position in the chain
            id TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            device_id TEXT NOT NULL,
            action TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            digest BLOB,                    -- sha256 (32 bytes) of the record's new content; NULL when deleted
            hash BLOB NOT NULL              -- sha256 (32 bytes) chaining this row to the one before
        );
        INSERT INTO audit_log_v3
            SELECT seq, id, at, actor, device_id, action, table_name, record_id,
                   inspector_unhex(digest), inspector_unhex(hash)
            FROM audit_log ORDER BY seq;
        DROP TABLE audit_log;
        ALTER TABLE audit_log_v3 RENAME TO audit_log;
        CREATE INDEX audit_log_record ON audit_log(table_name, record_id, seq);
        CREATE TABLE checkpoints (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,        -- whose chain
            seq INTEGER NOT NULL,           -- the head anchored: its sequence number …
            hash BLOB NOT NULL,             -- … and its hash (32 bytes)
            at TEXT NOT NULL,
            reason TEXT NOT NULL,           -- issue, export, finish
            inspector_id TEXT NOT NULL,
            key_id TEXT NOT NULL,           -- the inspector's paper key (ECDSA P-256)
            signature BLOB NOT NULL         -- DER, over Checkpoint.signed_text
        );
        CREATE INDEX checkpoints_seq ON checkpoints(seq, id);
        """
    )
