"""Schema step 0009_ledger_indexes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from inspector.core.store.migrations import migrations


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
