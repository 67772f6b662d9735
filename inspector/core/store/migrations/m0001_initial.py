"""Schema steps 0001_initial, 0002_ledger_indexes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from inspector.core.store.migrations import SYNCED, migrations


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
            {SYNCED}
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
            {SYNCED}
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
            {SYNCED}
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
            {SYNCED},
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
            {SYNCED}
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
            {SYNCED}
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
            {SYNCED},
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
            {SYNCED}
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
            {SYNCED},
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
