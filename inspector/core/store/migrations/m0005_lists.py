"""Schema step 0005_lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from inspector.core.store.migrations import migrations


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
