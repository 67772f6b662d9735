"""Schema step 0011_measures."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from inspector.core.store.migrations import migrations


@migrations(name="0011_measures")
def measures(db: Database) -> None:
    """The statutory immediate measures an inspector chose for a finding (安全生产法 第六十五条第一款第三项),
    as a JSON list of codes in the statute's order; '' when none was chosen. Findings recorded before keep
    their free text and get no inferred measure. The audit digest leaves the column out while it is ''
    (``audit.LATE_COLUMNS``), so records logged before this step still match their digests."""
    db.execute("ALTER TABLE findings ADD COLUMN measures TEXT NOT NULL DEFAULT ''")
