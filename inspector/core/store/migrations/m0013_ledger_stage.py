"""Schema step 0013_ledger_stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from inspector.core.store.migrations import migrations


@migrations(name="0013_ledger_stage")
def ledger_stage(db: Database) -> None:
    """The hazards still to be fixed (待整改 and 整改中, ``stage < 2``) by deadline, in one index range.

    A partial index: a page of both statuses by deadline is one walk that stops after a page, rather
    than one walk per status merged. Small, since most hazards of an office's ledger are closed. Only the
    derived ``ledger`` table is touched.
    """
    db.executescript(
        """
        CREATE INDEX ledger_active_deadline ON ledger(deadline, n, region, grade, sector) WHERE stage < 2;
        """
    )
