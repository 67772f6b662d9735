"""Schema step 0008_sync."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from inspector.core.store.migrations import migrations


@migrations(name="0008_sync")
def sync(db: Database) -> None:
    """Sync by file: other devices' audit chains and checkpoints, trusted keys, bundles seen, and the
    bookkeeping of the merge (the last version each record arrived in, replaced versions, conflicts).

    None of these tables is audited: they record what arrived; the records themselves are audited as
    they are written.
    """
    db.executescript(
        """
        CREATE TABLE sync_devices (
            id TEXT PRIMARY KEY,            -- another installation (laptop or office)
            kind TEXT NOT NULL,             -- field, office
            label TEXT NOT NULL DEFAULT '',
            series_no INTEGER,              -- its document-number series (laptop number)
            inspector_id TEXT,              -- who signed its last bundle
            last_seq INTEGER NOT NULL DEFAULT 0,   -- its audit chain held here: 1 … last_seq
            last_hash BLOB,
            last_created_at TEXT NOT NULL DEFAULT '',  -- when its newest bundle held here was made
            first_seen TEXT NOT NULL
        );
        CREATE TABLE sync_keys (
            key_id TEXT PRIMARY KEY,        -- sha256 of the SubjectPublicKeyInfo, 16 hex digits
            inspector_id TEXT NOT NULL,
            device_id TEXT NOT NULL,        -- the device whose bundles it signs
            cert_pem TEXT NOT NULL,
            trusted_at TEXT NOT NULL,
            trusted_by TEXT NOT NULL,       -- the clerk (inspector id) who trusted it
            how TEXT NOT NULL               -- explicit (--trust), first-run
        );
        CREATE TABLE sync_audit (
            device_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            digest BLOB,
            hash BLOB NOT NULL,
            PRIMARY KEY (device_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE sync_checkpoints (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hash BLOB NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL,
            inspector_id TEXT NOT NULL,
            key_id TEXT NOT NULL,
            signature BLOB NOT NULL
        );
        CREATE INDEX sync_checkpoints_device ON sync_checkpoints(device_id, seq, id);
        CREATE TABLE sync_bundles (
            id TEXT PRIMARY KEY,            -- the bundle's own id (from its manifest)
            kind TEXT NOT NULL,             -- field, office, package
            device_id TEXT NOT NULL,
            inspector_id TEXT NOT NULL,
            seq_from INTEGER NOT NULL,
            seq_to INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            file_name TEXT NOT NULL,
            summary TEXT NOT NULL           -- JSON: what was added, updated, skipped, in conflict
        );
        CREATE INDEX sync_bundles_device ON sync_bundles(device_id, created_at, id);
        CREATE TABLE sync_exports (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,             -- field, office, package
            seq_from INTEGER NOT NULL,
            seq_to INTEGER NOT NULL,
            full INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            file_name TEXT NOT NULL,
            target TEXT NOT NULL DEFAULT '' -- packages: for whom
        );
        CREATE INDEX sync_exports_seq ON sync_exports(kind, seq_to, id);
        CREATE TABLE sync_base (
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            digest TEXT NOT NULL,           -- the version last exchanged (received or sent) …
            content TEXT NOT NULL,          -- … as canonical JSON (files as their SHA-256): the merge's base
            PRIMARY KEY (table_name, record_id)
        ) WITHOUT ROWID;
        CREATE TABLE sync_history (
            id TEXT PRIMARY KEY,            -- derived from table, record and both digests
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            digest TEXT NOT NULL,           -- of the version replaced
            content TEXT NOT NULL,          -- JSON of the version replaced
            replaced_by TEXT NOT NULL,      -- digest of the version that replaced it ('' when deleted)
            bundle_id TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX sync_history_record ON sync_history(table_name, record_id, at, id);
        CREATE TABLE sync_conflicts (
            id TEXT PRIMARY KEY,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            office_version TEXT NOT NULL,   -- JSON
            field_version TEXT NOT NULL,    -- JSON
            kept TEXT NOT NULL,             -- JSON of what was kept (the written rule applied)
            rule TEXT NOT NULL,
            bundle_id TEXT NOT NULL,
            at TEXT NOT NULL,
            reviewed_at TEXT
        );
        CREATE INDEX sync_conflicts_open ON sync_conflicts(reviewed_at, at, id);

        -- The same photo may arrive from two laptops as two records: one file, two rows. media.sha256
        -- stops being UNIQUE (same columns and values, so audit digests still match). The rows are put
        -- back after the drop so that the links to them (finding_media, ledger_media) hold again.
        PRAGMA defer_foreign_keys = ON;
        CREATE TEMP TABLE media_copy AS SELECT * FROM media;
        DROP TABLE media;
        CREATE TABLE media (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            rel_path TEXT NOT NULL,
            mime TEXT NOT NULL,
            original_name TEXT NOT NULL DEFAULT '',
            width INTEGER,
            height INTEGER,
            size INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            origin_device TEXT NOT NULL
        );
        INSERT INTO media SELECT id, sha256, rel_path, mime, original_name, width, height, size, created_at,
            origin_device FROM temp.media_copy;
        DROP TABLE temp.media_copy;
        CREATE INDEX media_sha256 ON media(sha256, id);
        """
    )
