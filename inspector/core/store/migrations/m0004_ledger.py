"""Schema step 0004_ledger."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from inspector.core.store.migrations import SYNCED, migrations


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
            {SYNCED}
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
            {SYNCED}
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
            {SYNCED}
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
            {SYNCED},
            UNIQUE (recheck_id, hazard_id)
        );
        CREATE TABLE ledger_media (
            id TEXT PRIMARY KEY,
            owner_kind TEXT NOT NULL CHECK (owner_kind IN ('transition', 'recheck_item')),
            owner_id TEXT NOT NULL,
            media_id TEXT NOT NULL REFERENCES media(id),
            position INTEGER NOT NULL,
            {SYNCED},
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
