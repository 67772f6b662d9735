"""Ordered, named schema steps. Each runs in one transaction together with the record of it.

Never edit a step that has shipped: add a new one. ``tests/core/data/schema_0001.db`` is a database
saved at the first step; a test upgrades it to the newest.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "inspector"
migrations = Migrations(MIGRATION_SET)

# Columns every record that may travel between workspaces carries.
_SYNCED = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    deleted_at TEXT
"""


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    db.executescript(
        f"""
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,           -- JSON
            updated_at TEXT NOT NULL
        );
        CREATE TABLE device (
            id TEXT PRIMARY KEY,           -- UUID of this installation
            label TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'field' CHECK (kind IN ('field', 'office')),
            series_no INTEGER NOT NULL DEFAULT 1,   -- this device's document-number series
            created_at TEXT NOT NULL
        );
        CREATE TABLE inspectors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            cert_no TEXT NOT NULL,          -- 执法证号
            organisation TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            is_profile INTEGER NOT NULL DEFAULT 0,  -- 1: the inspector who uses this device
            active INTEGER NOT NULL DEFAULT 1,
            {_SYNCED}
        );
        CREATE TABLE number_blocks (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            doc_kind TEXT NOT NULL,
            year INTEGER NOT NULL,
            first INTEGER NOT NULL,
            last INTEGER NOT NULL,
            next INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (first <= next AND next <= last + 1),
            UNIQUE (device_id, doc_kind, year, first)
        );
        CREATE TABLE enterprises (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            code TEXT,                      -- 统一社会信用代码, optional
            sector TEXT NOT NULL DEFAULT 'general',
            region TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            legal_rep TEXT NOT NULL DEFAULT '',      -- 法定代表人（负责人）
            legal_rep_title TEXT NOT NULL DEFAULT '', -- 职务
            phone TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            {_SYNCED}
        );
        CREATE UNIQUE INDEX enterprises_code ON enterprises(code) WHERE code IS NOT NULL AND code != '';
        CREATE TABLE checklist_snapshots (
            id TEXT PRIMARY KEY,            -- sha256 of the canonical content
            checklist_id TEXT NOT NULL,
            version TEXT NOT NULL,
            title TEXT NOT NULL,
            sector TEXT NOT NULL,
            content TEXT NOT NULL,          -- JSON: the checklist exactly as used
            created_at TEXT NOT NULL
        );
        CREATE TABLE inspections (
            id TEXT PRIMARY KEY,
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            kind TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',          -- 检查场所
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finished')),
            started_at TEXT NOT NULL,
            finished_at TEXT,
            created_by TEXT REFERENCES inspectors(id),
            notes TEXT NOT NULL DEFAULT '',
            {_SYNCED}
        );
        CREATE TABLE inspection_checklists (
            id TEXT PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id),
            snapshot_id TEXT NOT NULL REFERENCES checklist_snapshots(id),
            position INTEGER NOT NULL,
            UNIQUE (inspection_id, snapshot_id)
        );
        CREATE TABLE inspection_inspectors (
            id TEXT PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id),
            inspector_id TEXT NOT NULL REFERENCES inspectors(id),
            name TEXT NOT NULL,             -- as it was on the day
            cert_no TEXT NOT NULL,
            position INTEGER NOT NULL,
            UNIQUE (inspection_id, inspector_id)
        );
        CREATE TABLE answers (
            id TEXT PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id),
            snapshot_id TEXT NOT NULL REFERENCES checklist_snapshots(id),
            item_id TEXT NOT NULL,
            result TEXT CHECK (result IN ('pass', 'fail', 'na')),
            value REAL,                     -- a measurement
            note TEXT NOT NULL DEFAULT '',
            answered_at TEXT NOT NULL,
            {_SYNCED},
            UNIQUE (inspection_id, snapshot_id, item_id)
        );
        CREATE TABLE findings (
            id TEXT PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id),
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            answer_id TEXT REFERENCES answers(id),
            snapshot_id TEXT,
            item_id TEXT,
            spot TEXT NOT NULL DEFAULT '',            -- 部位
            description TEXT NOT NULL DEFAULT '',
            basis TEXT NOT NULL DEFAULT '',           -- violated basis as printed
            grade TEXT NOT NULL DEFAULT 'general' CHECK (grade IN ('general', 'major')),
            default_grade TEXT NOT NULL DEFAULT 'general' CHECK (default_grade IN ('general', 'major')),
            grade_reason TEXT NOT NULL DEFAULT '',    -- required when grade != default_grade
            major_criterion TEXT NOT NULL DEFAULT '',
            deadline TEXT,                            -- YYYY-MM-DD
            immediate_measures TEXT NOT NULL DEFAULT '',
            measured_value REAL,
            {_SYNCED}
        );
        CREATE TABLE hazards (
            id TEXT PRIMARY KEY,
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            finding_id TEXT NOT NULL REFERENCES findings(id),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rectified', 'verified')),
            grade TEXT NOT NULL CHECK (grade IN ('general', 'major')),
            deadline TEXT,
            listed_supervision INTEGER NOT NULL DEFAULT 0,   -- 挂牌督办
            supervision_deadline TEXT,
            rectified_at TEXT,
            verified_at TEXT,
            {_SYNCED}
        );
        CREATE TABLE media (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            rel_path TEXT NOT NULL,
            mime TEXT NOT NULL,
            original_name TEXT NOT NULL DEFAULT '',
            width INTEGER,
            height INTEGER,
            size INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            origin_device TEXT NOT NULL
        );
        CREATE TABLE finding_media (
            id TEXT PRIMARY KEY,
            finding_id TEXT NOT NULL REFERENCES findings(id),
            media_id TEXT NOT NULL REFERENCES media(id),
            position INTEGER NOT NULL,
            caption TEXT NOT NULL DEFAULT '',
            {_SYNCED},
            UNIQUE (finding_id, media_id)
        );
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,             -- record, notice, measures, recheck
            inspection_id TEXT REFERENCES inspections(id),
            number_year INTEGER NOT NULL,
            number_seq INTEGER NOT NULL,
            number_text TEXT NOT NULL UNIQUE,
            issued_at TEXT NOT NULL,
            issued_by TEXT REFERENCES inspectors(id),
            content TEXT NOT NULL,          -- canonical JSON of what the document says
            content_sha256 TEXT NOT NULL,
            pdf BLOB,
            pdf_sha256 TEXT,
            replaces_id TEXT REFERENCES documents(id),
            {_SYNCED}
        );
        CREATE TABLE signatures (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            role TEXT NOT NULL,             -- inspector1, inspector2, enterprise
            signer_id TEXT,
            signer_name TEXT NOT NULL DEFAULT '',
            strokes TEXT,                   -- JSON list of strokes, each a list of [x, y]
            refused INTEGER NOT NULL DEFAULT 0,
            refused_at TEXT,
            witness TEXT NOT NULL DEFAULT '',
            signed_at TEXT,
            {_SYNCED},
            UNIQUE (document_id, role)
        );
        CREATE TABLE inspector_keys (
            id TEXT PRIMARY KEY,
            inspector_id TEXT NOT NULL REFERENCES inspectors(id),
            cert_pem TEXT NOT NULL,
            key_pem TEXT,                   -- encrypted with the inspector's PIN; absent for colleagues
            created_at TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,        -- position in the chain
            id TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            device_id TEXT NOT NULL,
            action TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            digest TEXT,                    -- sha256 of the record's new content; NULL when deleted
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_log_record ON audit_log(table_name, record_id, seq);
        CREATE INDEX findings_enterprise ON findings(enterprise_id, item_id);
        CREATE INDEX inspections_enterprise ON inspections(enterprise_id);
        CREATE INDEX answers_inspection ON answers(inspection_id);
        """
    )


@migrations(name="0002_ledger_indexes")
def ledger_indexes(db: Database) -> None:
    """Indexes for the enterprise search, repeat detection and the hazard ledger's common questions."""
    db.executescript(
        """
        CREATE INDEX enterprises_name ON enterprises(name);
        CREATE INDEX findings_enterprise_spot ON findings(enterprise_id, spot);
        CREATE INDEX findings_inspection ON findings(inspection_id, snapshot_id, item_id);
        CREATE INDEX hazards_status_deadline ON hazards(status, deadline);
        CREATE INDEX hazards_finding ON hazards(finding_id);
        -- answers(inspection_id, …) is already the prefix of the answers' unique key: one index less to
        -- write on every saved answer.
        DROP INDEX answers_inspection;
        """
    )


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


@migrations(name="0004_ledger")
def ledger(db: Database) -> None:
    """The hazard ledger: 整改中 as a status, transitions, re-checks, and a derived query index.

    ``hazards`` is rebuilt (same columns and values, so audit digests still match) to allow the status
    ``in_progress``. ``hazard_transitions``, ``rechecks``, ``recheck_items`` and ``ledger_media`` are audited
    records. ``ledger``, ``ledger_fts`` and ``ledger_dirty`` are derived: an index of every live hazard kept
    in step by ``inspector.core.ledger.index`` (triggers only queue what changed), rebuildable at any time.
    """
    db.executescript(
        f"""
        CREATE TABLE hazards_new (
            id TEXT PRIMARY KEY,
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            finding_id TEXT NOT NULL REFERENCES findings(id),
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'in_progress', 'rectified', 'verified')),
            grade TEXT NOT NULL CHECK (grade IN ('general', 'major')),
            deadline TEXT,
            listed_supervision INTEGER NOT NULL DEFAULT 0,   -- 挂牌督办
            supervision_deadline TEXT,
            rectified_at TEXT,
            verified_at TEXT,
            {_SYNCED}
        );
        INSERT INTO hazards_new SELECT id, enterprise_id, finding_id, status, grade, deadline, listed_supervision,
            supervision_deadline, rectified_at, verified_at, created_at, updated_at, origin_device, deleted_at
            FROM hazards;
        DROP TABLE hazards;
        ALTER TABLE hazards_new RENAME TO hazards;
        CREATE INDEX hazards_status_deadline ON hazards(status, deadline);
        CREATE INDEX hazards_finding ON hazards(finding_id);
        CREATE INDEX hazards_enterprise ON hazards(enterprise_id);

        CREATE TABLE hazard_transitions (
            id TEXT PRIMARY KEY,
            hazard_id TEXT NOT NULL REFERENCES hazards(id),
            action TEXT NOT NULL,            -- start, report, list, verify, reject
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            at TEXT NOT NULL,                -- UTC ISO-8601
            actor TEXT NOT NULL,             -- inspector id (or system)
            reason TEXT NOT NULL DEFAULT '', -- why; the enterprise's report; the listing reason
            deadline TEXT,                   -- a new deadline set by this step (YYYY-MM-DD)
            listing_body TEXT NOT NULL DEFAULT '',  -- 挂牌督办 by whom, e.g. 县安委办
            recheck_id TEXT,
            {_SYNCED}
        );
        CREATE INDEX hazard_transitions_hazard ON hazard_transitions(hazard_id, at, id);

        CREATE TABLE rechecks (
            id TEXT PRIMARY KEY,
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            inspection_id TEXT NOT NULL REFERENCES inspections(id),   -- the 复查 visit
            original_id TEXT REFERENCES documents(id),                -- the notice re-checked
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finished')),
            checked_on TEXT NOT NULL,        -- YYYY-MM-DD
            document_id TEXT REFERENCES documents(id),                -- the 整改复查意见书
            {_SYNCED}
        );
        CREATE INDEX rechecks_enterprise ON rechecks(enterprise_id, checked_on);
        CREATE TABLE recheck_items (
            id TEXT PRIMARY KEY,
            recheck_id TEXT NOT NULL REFERENCES rechecks(id),
            hazard_id TEXT NOT NULL REFERENCES hazards(id),
            position INTEGER NOT NULL,
            rectified INTEGER,               -- NULL: not yet judged
            note TEXT NOT NULL DEFAULT '',
            new_deadline TEXT,               -- when not rectified
            {_SYNCED},
            UNIQUE (recheck_id, hazard_id)
        );
        CREATE TABLE ledger_media (
            id TEXT PRIMARY KEY,
            owner_kind TEXT NOT NULL CHECK (owner_kind IN ('transition', 'recheck_item')),
            owner_id TEXT NOT NULL,
            media_id TEXT NOT NULL REFERENCES media(id),
            position INTEGER NOT NULL,
            {_SYNCED},
            UNIQUE (owner_kind, owner_id, media_id)
        );

        -- Derived: one row per live hazard, every column NOT NULL so that sorting is a total order
        -- (column, n) and keyset paging needs no NULL cases.
        CREATE TABLE ledger (
            n INTEGER PRIMARY KEY,
            hazard_id TEXT NOT NULL UNIQUE,
            enterprise_id TEXT NOT NULL,
            enterprise TEXT NOT NULL,
            sector TEXT NOT NULL,
            region TEXT NOT NULL,
            inspection_id TEXT NOT NULL,
            inspector_id TEXT NOT NULL,
            inspector TEXT NOT NULL,
            found_at TEXT NOT NULL,          -- the inspection's start, UTC
            found_on TEXT NOT NULL,          -- its local date
            item_key TEXT NOT NULL,          -- checklist id + item id
            spot TEXT NOT NULL,
            spot_key TEXT NOT NULL,
            description TEXT NOT NULL,
            grade TEXT NOT NULL,
            stage INTEGER NOT NULL,          -- 0 open, 1 in_progress, 2 rectified, 3 verified
            deadline TEXT NOT NULL,          -- the deadline now in force ('' if none)
            open_deadline TEXT NOT NULL,     -- the same while 待整改/整改中, else '': 逾期 is one index range
            first_deadline TEXT NOT NULL,    -- the deadline first set (for 按期整改率)
            listed INTEGER NOT NULL,
            rectified_on TEXT NOT NULL,
            closed_on TEXT NOT NULL,
            repeats INTEGER NOT NULL DEFAULT 0    -- earlier hazards by the one repeat rule
        );
        CREATE INDEX ledger_enterprise ON ledger(enterprise_id);
        CREATE INDEX ledger_enterprise_name ON ledger(enterprise);
        CREATE INDEX ledger_stage ON ledger(stage);
        -- A status (or 逾期) with the usual sorts, in the total order (column, n); region, grade and sector
        -- ride along so that those filters are checked in the index and only matching rows are read.
        CREATE INDEX ledger_stage_deadline ON ledger(stage, deadline, n, region, grade, sector);
        CREATE INDEX ledger_stage_found ON ledger(stage, found_on, n, region, grade, sector);
        CREATE INDEX ledger_stage_enterprise ON ledger(stage, enterprise, n, region, grade, sector);
        CREATE INDEX ledger_open_deadline ON ledger(open_deadline, n, region, grade, sector);
        CREATE INDEX ledger_description ON ledger(description);
        CREATE INDEX ledger_deadline ON ledger(deadline);
        CREATE INDEX ledger_found ON ledger(found_on);
        CREATE INDEX ledger_grade ON ledger(grade);
        CREATE INDEX ledger_spot ON ledger(spot);
        CREATE INDEX ledger_sector ON ledger(sector);
        CREATE INDEX ledger_region ON ledger(region);
        CREATE INDEX ledger_inspector ON ledger(inspector_id);
        CREATE INDEX ledger_inspector_name ON ledger(inspector);
        CREATE INDEX ledger_repeats ON ledger(repeats);
        CREATE INDEX ledger_repeat_enterprises ON ledger(enterprise_id, enterprise) WHERE repeats > 0;
        -- Statistics (整改率 by region, sector, inspector, deadline day): each reads only its covering index.
        CREATE INDEX ledger_stats_status ON ledger(stage, grade);
        CREATE INDEX ledger_stats_region ON ledger(region, stage, first_deadline, rectified_on, grade);
        CREATE INDEX ledger_stats_sector ON ledger(sector, stage, first_deadline, rectified_on, grade);
        CREATE INDEX ledger_stats_inspector ON ledger(inspector_id, stage, first_deadline, rectified_on, grade);
        CREATE INDEX ledger_stats_due ON ledger(first_deadline, stage, rectified_on, grade, region, sector);
        CREATE INDEX ledger_listed ON ledger(listed);
        CREATE VIRTUAL TABLE ledger_fts USING fts5(uni, bi, tokenize = 'unicode61 remove_diacritics 0');
        CREATE TABLE ledger_dirty (hazard_id TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);   -- e.g. the repeat window used

        CREATE TRIGGER ledger_hazard_insert AFTER INSERT ON hazards BEGIN
            INSERT OR IGNORE INTO ledger_dirty VALUES (NEW.id);
        END;
        CREATE TRIGGER ledger_hazard_update AFTER UPDATE ON hazards BEGIN
            INSERT OR IGNORE INTO ledger_dirty VALUES (NEW.id);
        END;
        CREATE TRIGGER ledger_hazard_delete AFTER DELETE ON hazards BEGIN
            INSERT OR IGNORE INTO ledger_dirty VALUES (OLD.id);
        END;
        CREATE TRIGGER ledger_finding_update AFTER UPDATE OF spot, description, snapshot_id, item_id, deadline,
            deleted_at ON findings BEGIN
            INSERT OR IGNORE INTO ledger_dirty SELECT id FROM hazards WHERE finding_id = NEW.id;
        END;
        CREATE TRIGGER ledger_enterprise_update AFTER UPDATE OF name, sector, region ON enterprises BEGIN
            INSERT OR IGNORE INTO ledger_dirty SELECT id FROM hazards WHERE enterprise_id = NEW.id;
        END;
        CREATE TRIGGER ledger_inspection_update AFTER UPDATE OF created_by, started_at ON inspections BEGIN
            INSERT OR IGNORE INTO ledger_dirty
                SELECT h.id FROM findings f JOIN hazards h ON h.finding_id = f.id WHERE f.inspection_id = NEW.id;
        END;
        -- Existing hazards are indexed on first use.
        INSERT INTO ledger_dirty SELECT id FROM hazards;
        """
    )


@migrations(name="0005_lists")
def lists(db: Database) -> None:
    """Lists at a prefecture's scale: inspections by date, enterprises in pinyin order with a search index.

    ``enterprise_list`` and ``enterprise_grams`` are derived from ``enterprises`` (see
    ``core.register.enterprise_list``); the triggers queue every changed enterprise for them, and the
    existing ones are queued here, so the first read after this step fills them.
    """
    db.executescript(
        """
        CREATE INDEX inspections_started ON inspections(started_at, id) WHERE deleted_at IS NULL;
        CREATE INDEX inspections_drafts ON inspections(status, started_at, id) WHERE deleted_at IS NULL;
        CREATE INDEX findings_inspection_grade ON findings(inspection_id, grade) WHERE deleted_at IS NULL;
        CREATE INDEX hazards_open ON hazards(status, grade) WHERE deleted_at IS NULL;
        CREATE INDEX enterprises_live ON enterprises(sector) WHERE deleted_at IS NULL;
        CREATE TABLE enterprise_list (
            n INTEGER PRIMARY KEY,          -- the search index's rowid
            id TEXT NOT NULL UNIQUE,        -- enterprises.id (live ones only)
            sort_key TEXT NOT NULL          -- pinyin order as plain binary order
        );
        CREATE INDEX enterprise_list_order ON enterprise_list(sort_key, n);
        CREATE VIRTUAL TABLE enterprise_grams USING fts5(name, code, tokenize = 'unicode61');
        CREATE TABLE enterprise_dirty (id TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TRIGGER enterprises_listed_insert AFTER INSERT ON enterprises
            BEGIN INSERT OR IGNORE INTO enterprise_dirty (id) VALUES (new.id); END;
        CREATE TRIGGER enterprises_listed_update AFTER UPDATE OF id, name, code, deleted_at ON enterprises
            BEGIN
                INSERT OR IGNORE INTO enterprise_dirty (id) VALUES (old.id);
                INSERT OR IGNORE INTO enterprise_dirty (id) VALUES (new.id);
            END;
        CREATE TRIGGER enterprises_listed_delete AFTER DELETE ON enterprises
            BEGIN INSERT OR IGNORE INTO enterprise_dirty (id) VALUES (old.id); END;
        INSERT INTO enterprise_dirty (id) SELECT id FROM enterprises;
        """
    )


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


@migrations(name="0009_ledger_indexes")
def ledger_page_indexes(db: Database) -> None:
    """Indexes for the ledger page's filters, so that a first page reads about one page of rows.

    Each leads with the filters that select by equality (a county, a status) or with the open hazards
    (the subset 逾期 is taken from), then the sort column and ``n``: the rows come out already in order,
    and the other filters are checked inside the index. The open ones are partial indexes: in an office's
    ledger most hazards are closed, so they stay small. Only the derived ``ledger`` table is touched.
    """
    db.executescript(
        """
        CREATE INDEX ledger_region_stage ON ledger(region, stage);
        CREATE INDEX ledger_region_stage_enterprise ON ledger(region, stage, enterprise, n, grade, sector);
        CREATE INDEX ledger_region_stage_deadline ON ledger(region, stage, deadline, n, grade, sector);
        CREATE INDEX ledger_region_stage_found ON ledger(region, stage, found_on, n, grade, sector);
        CREATE INDEX ledger_open_n ON ledger(n, open_deadline, region, grade, sector) WHERE open_deadline > '';
        CREATE INDEX ledger_open_enterprise ON ledger(enterprise, n, open_deadline, region, grade, sector)
            WHERE open_deadline > '';
        CREATE INDEX ledger_open_found ON ledger(found_on, n, open_deadline, region, grade, sector)
            WHERE open_deadline > '';
        CREATE INDEX ledger_open_region_deadline ON ledger(region, open_deadline, n, grade, sector)
            WHERE open_deadline > '';
        CREATE INDEX ledger_open_region_enterprise ON ledger(region, enterprise, n, open_deadline, grade, sector)
            WHERE open_deadline > '';
        -- One inspector's hazards (their number grows with the years), in the usual orders.
        CREATE INDEX ledger_inspector_deadline ON ledger(inspector_id, deadline, n, stage, region, grade, sector);
        CREATE INDEX ledger_inspector_found ON ledger(inspector_id, found_on, n, stage, region, grade, sector);
        CREATE INDEX ledger_inspector_enterprise ON ledger(inspector_id, enterprise, n, stage, region, grade, sector);
        -- 挂牌督办 and repeats: small partial indexes in the usual orders.
        CREATE INDEX ledger_listed_deadline ON ledger(deadline, n, stage, region) WHERE listed = 1;
        CREATE INDEX ledger_listed_found ON ledger(found_on, n, stage, region) WHERE listed = 1;
        CREATE INDEX ledger_listed_enterprise ON ledger(enterprise, n, stage, region) WHERE listed = 1;
        CREATE INDEX ledger_repeat_n ON ledger(n, stage, region) WHERE repeats > 0;
        CREATE INDEX ledger_repeat_deadline ON ledger(deadline, n, stage, region) WHERE repeats > 0;
        CREATE INDEX ledger_repeat_found ON ledger(found_on, n, stage, region) WHERE repeats > 0;
        CREATE INDEX ledger_repeat_enterprise ON ledger(enterprise, n, stage, region) WHERE repeats > 0;

        -- A search matching many rows, sorted by another column, walks that column's index and tests
        -- each row's own text (its letter-and-digit runs, normalised); every row is re-derived on first use.
        ALTER TABLE ledger ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
        INSERT OR IGNORE INTO ledger_dirty SELECT id FROM hazards;
        """
    )


@migrations(name="0011_measures")
def measures(db: Database) -> None:
    """The statutory immediate measures an inspector chose for a finding (安全生产法 第六十五条第一款第三项),
    as a JSON list of codes in the statute's order; '' when none was chosen. Findings recorded before keep
    their free text and get no inferred measure. The audit digest leaves the column out while it is ''
    (``audit.LATE_COLUMNS``), so records logged before this step still match their digests."""
    db.execute("ALTER TABLE findings ADD COLUMN measures TEXT NOT NULL DEFAULT ''")


@migrations(name="0012_sync_fixes")
def sync_fixes(db: Database) -> None:
    """Sync fixes: id aliases (an enterprise two workspaces registered under two ids, one 统一社会信用代码,
    merged into the record already held), the last export found by time, and the trusted signing keys and
    the conflicts to review audited: the rows already there get their audit entry ("migrate") so that
    ``audit verify`` holds from here on."""
    from inspector.core.store import audit

    db.executescript(
        """
        CREATE TABLE sync_aliases (
            table_name TEXT NOT NULL,
            alias_id TEXT NOT NULL,        -- the id another workspace gave the record
            record_id TEXT NOT NULL,       -- the record held here it was merged into
            bundle_id TEXT NOT NULL,       -- the bundle that brought it
            at TEXT NOT NULL,
            PRIMARY KEY (table_name, alias_id)
        );
        CREATE INDEX sync_exports_created ON sync_exports(created_at, seq_to, id);
        """
    )
    conn = db.conn
    device = conn.execute("SELECT id FROM device ORDER BY id LIMIT 1").fetchone()
    for table, key in (("sync_conflicts", "id"), ("sync_keys", "key_id")):
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY {key}")
        names = [c[0] for c in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            audit.append(
                conn,
                actor="",
                device_id=device[0] if device else "",
                action="migrate",
                table=table,
                record_id=str(row[key]),
                digest=audit.row_digest(row),
            )
