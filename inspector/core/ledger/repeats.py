"""The one repeat rule (对一个部位多次出现相同隐患的，要严肃追究责任).

A hazard is a repeat when an *earlier* inspection of the same enterprise (a different inspection,
started before this one, within the window) found a hazard of the same checklist item, or at the same
spot. Spots compare after NFKC (full-width ２号 = 2号), with all white space removed, case folded and
``#`` read as ``号``. The window is the office setting ``repeat_window_months`` (default 12 months).

The runner asks :func:`earlier` while a finding is typed; the ledger counts the same thing per hazard
(:func:`count_for_enterprise`), so both always agree.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from inspector.core import clock
from inspector.core.store import Store

WINDOW_SETTING = "office.repeat_window_months"
DEFAULT_WINDOW_MONTHS = 12


def spot_key(spot: str) -> str:
    """Spots compare alike however typed: full-width ２号 = 2号, spaces and case ignored, ＃/# = 号."""
    text = unicodedata.normalize("NFKC", spot or "")
    return "".join(text.split()).casefold().replace("#", "号")


def window_months(store: Store) -> int:
    value = store.setting(WINDOW_SETTING)
    return int(value) if value else DEFAULT_WINDOW_MONTHS


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the last day of that month when it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def window_start(found_at: str, months: int) -> str:
    """The earliest UTC start time an earlier inspection may have to count (local calendar months)."""
    local = clock.local(found_at)
    start_day = months_before(local.date(), months)
    start = datetime.combine(start_day, local.timetz())
    return clock.utc_iso(start)


def matches(item_key: str, key: str, other_item_key: str, other_key: str) -> tuple[bool, bool]:
    """(same item, same spot) between two hazards of one enterprise; either makes a repeat."""
    same_item = bool(item_key) and item_key == other_item_key
    same_spot = bool(key) and key == other_key
    return same_item, same_spot


def item_key(checklist_id: str | None, item_id: str | None) -> str:
    return f"{checklist_id}\x1f{item_id}" if checklist_id and item_id else ""


def earlier(
    store: Store,
    enterprise_id: str,
    *,
    checklist_id: str | None,
    item_id: str | None,
    spot: str,
    found_at: str,
    exclude_inspection: str | None = None,
) -> list[dict]:
    """Earlier findings of this enterprise that make a hazard found at ``found_at`` a repeat.

    Each row is the finding with ``started_at``, ``checklist_id``, ``hazard_id``, ``same_item`` and
    ``same_spot``; newest first.
    """
    since = window_start(found_at, window_months(store))
    rows = store.rows(
        "SELECT f.*, i.started_at, s.checklist_id, h.id AS hazard_id FROM findings f"
        " JOIN inspections i ON i.id = f.inspection_id"
        " LEFT JOIN checklist_snapshots s ON s.id = f.snapshot_id"
        " LEFT JOIN hazards h ON h.finding_id = f.id AND h.deleted_at IS NULL"
        " WHERE f.enterprise_id=? AND f.deleted_at IS NULL AND f.inspection_id != ?"
        " AND i.started_at < ? AND i.started_at >= ?"
        " ORDER BY i.started_at DESC, f.id",
        [enterprise_id, exclude_inspection or "", found_at, since],
    )
    wanted_item, wanted_spot = item_key(checklist_id, item_id), spot_key(spot)
    found = []
    for row in rows:
        same_item, same_spot = matches(
            wanted_item, wanted_spot, item_key(row["checklist_id"], row["item_id"]), spot_key(row["spot"])
        )
        if same_item or same_spot:
            row["same_item"], row["same_spot"] = same_item, same_spot
            found.append(row)
    return found


def of_hazard(store: Store, hazard_id: str) -> list[dict]:
    """The earlier hazards this one repeats (by the one rule), newest first, as ledger rows."""
    from inspector.core.ledger.query import hazard  # here: the runner uses this module without the ledger

    row = hazard(store, hazard_id)
    src = store.row(
        "SELECT f.spot, f.item_id, s.checklist_id, i.started_at FROM hazards h JOIN findings f ON f.id = h.finding_id"
        " JOIN inspections i ON i.id = f.inspection_id LEFT JOIN checklist_snapshots s ON s.id = f.snapshot_id"
        " WHERE h.id=?",
        [hazard_id],
    )
    found = earlier(
        store,
        row["enterprise_id"],
        checklist_id=src["checklist_id"],
        item_id=src["item_id"],
        spot=src["spot"],
        found_at=src["started_at"],
        exclude_inspection=row["inspection_id"],
    )
    result = []
    for f in found:
        if f["hazard_id"]:
            other = hazard(store, f["hazard_id"])
            other["same_item"], other["same_spot"] = f["same_item"], f["same_spot"]
            result.append(other)
    return result


def counts(hazards: list[dict], months: int) -> dict[str, int]:
    """How many earlier hazards each hazard of one enterprise repeats (by :func:`matches`).

    ``hazards``: dicts with ``hazard_id``, ``inspection_id``, ``found_at``, ``item_key``, ``spot_key``.
    """
    ordered = sorted(hazards, key=lambda h: (h["found_at"], h["hazard_id"]))
    result = {}
    for i, hazard in enumerate(ordered):
        since = window_start(hazard["found_at"], months)
        n = 0
        for other in ordered[:i]:
            if other["inspection_id"] == hazard["inspection_id"] or not (
                since <= other["found_at"] < hazard["found_at"]
            ):
                continue
            if any(matches(hazard["item_key"], hazard["spot_key"], other["item_key"], other["spot_key"])):
                n += 1
        result[hazard["hazard_id"]] = n
    return result
