"""Ledger statistics: 整改率 by region, sector, inspector and month; counts; overdue ageing; repeats.

整改率, as computed here (every figure on the filtered ledger, ``today`` the day of reckoning):

- **due** (应整改): hazards whose first deadline is on or before today, and every closed hazard (one closed
  before its deadline has been dealt with, so it counts);
- **closed** (已整改销号): due hazards closed by a re-check (已复查销号);
- **closed on time** (按期整改): closed hazards whose rectification date (the enterprise's report, or the
  re-check that found it done) is on or before the *first* deadline — a later extension does not make
  a late rectification timely;
- ``rate_on_time`` = closed on time ÷ due, ``rate_closed`` = closed ÷ due (None when nothing is due).

By month means the month of the first deadline (when the hazard fell due).
"""

from __future__ import annotations

from inspector.core import sectors
from inspector.core.ledger import index
from inspector.core.ledger.lifecycle import STATUS_LABELS, LedgerError
from inspector.core.ledger.query import GRADE_LABELS, Filters, selection
from inspector.core.store import Store

# The column each grouping reads; every one has a covering index (migration 0004) so that a figure is
# one pass over a narrow index in key order, never over the table. Months are summed from days here.
GROUPS = {
    "region": "l.region",
    "sector": "l.sector",
    "inspector": "l.inspector_id",
    "month": "l.first_deadline",
}
AGEING = (("0–7天", 0, 7), ("8–30天", 8, 30), ("31–90天", 31, 90), (">90天", 91, None))


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def rates(store: Store, by: str, filters: Filters | None = None) -> list[dict]:
    """整改率 per ``by`` (region, sector, inspector or month), ordered by key; plus nothing else.

    Each row: ``key``, ``label``, ``due``, ``closed``, ``closed_on_time``, ``rate_on_time``, ``rate_closed``.
    """
    if by not in GROUPS:
        raise LedgerError(f"不能按“{by}”统计，可用：{'、'.join(GROUPS)}", "by")
    filters = filters or Filters()
    index.catch_up(store)
    key = GROUPS[by]
    source, params = selection(filters)
    found = store.rows(
        f"SELECT {key} AS key, count(*) AS due, coalesce(sum(l.stage = 3), 0) AS closed,"
        " coalesce(sum(l.stage = 3 AND l.rectified_on != '' AND l.first_deadline != ''"
        "   AND l.rectified_on <= l.first_deadline), 0) AS closed_on_time"
        f"{source} AND (l.stage = 3 OR (l.first_deadline != '' AND l.first_deadline <= ?))"
        f" GROUP BY {key} ORDER BY {key}",
        [*params, filters.day().isoformat()],
    )
    if by == "month":
        months: dict[str, dict] = {}
        for row in found:
            month = months.setdefault(
                row["key"][:7], {"key": row["key"][:7], "due": 0, "closed": 0, "closed_on_time": 0}
            )
            for name in ("due", "closed", "closed_on_time"):
                month[name] += row[name]
        found = list(months.values())
    rows = found
    for row in rows:
        if by == "sector":
            row["label"] = sectors.label(row["key"]) if row["key"] else "（未填）"
        elif by == "inspector":
            named = store.row(
                "SELECT inspector FROM ledger WHERE inspector_id=? ORDER BY n DESC LIMIT 1", [row["key"]]
            )
            row["label"] = (named["inspector"] if named else "") or "（未填）"
        else:
            row["label"] = row["key"] or "（未填）"
        row["rate_on_time"] = _ratio(row["closed_on_time"], row["due"])
        row["rate_closed"] = _ratio(row["closed"], row["due"])
    return rows


def total_rate(store: Store, filters: Filters | None = None, by_month: list[dict] | None = None) -> dict:
    """The same figures over the whole filtered ledger (summed from ``by_month`` when given)."""
    rows = by_month if by_month is not None else rates(store, "month", filters)
    due = sum(r["due"] for r in rows)
    closed = sum(r["closed"] for r in rows)
    on_time = sum(r["closed_on_time"] for r in rows)
    return {
        "due": due,
        "closed": closed,
        "closed_on_time": on_time,
        "rate_on_time": _ratio(on_time, due),
        "rate_closed": _ratio(closed, due),
    }


def counts(store: Store, filters: Filters | None = None) -> dict:
    """Hazards by status and grade: ``{"by_status": {status: n}, "by_grade": {grade: n},
    "by_status_grade": {status: {grade: n}}, "total": n}`` (every status and grade present, 0 if none)."""
    index.catch_up(store)
    source, params = selection(filters)
    found = store.rows(f"SELECT l.stage, l.grade, count(*) AS n{source} GROUP BY l.stage, l.grade", params)
    table = {status: dict.fromkeys(GRADE_LABELS, 0) for status in STATUS_LABELS}
    for row in found:
        table[index.STAGES[row["stage"]]][row["grade"]] = row["n"]
    return {
        "by_status": {s: sum(g.values()) for s, g in table.items()},
        "by_grade": {g: sum(table[s][g] for s in table) for g in GRADE_LABELS},
        "by_status_grade": table,
        "total": sum(r["n"] for r in found),
    }


def ageing(store: Store, filters: Filters | None = None) -> list[dict]:
    """Overdue hazards by days past the deadline in force: 0–7, 8–30, 31–90, >90 (``label``, ``n``)."""
    filters = filters or Filters()
    index.catch_up(store)
    source, params = selection(filters)
    today = filters.day()
    days = "CAST(julianday(?) - julianday(l.open_deadline) AS INTEGER)"
    cases = []
    for label, low, high in AGEING:
        cond = f"{days} >= {low}" + (f" AND {days} <= {high}" if high is not None else "")
        cases.append((label, cond))
    select = ", ".join(f"coalesce(sum({cond}), 0)" for _, cond in cases)
    per_case = [today.isoformat()] * (2 * len(AGEING) - 1)
    row = store.conn.execute(
        f"SELECT {select}{source} AND l.open_deadline > '' AND l.open_deadline < ?",
        [*per_case, *params, today.isoformat()],
    ).fetchone()
    return [{"label": label, "n": n} for (label, _), n in zip(cases, row, strict=True)]


def repeats_by_enterprise(store: Store, filters: Filters | None = None, limit: int = 20) -> list[dict]:
    """Enterprises with repeat hazards, most first: ``enterprise_id``, ``enterprise``, ``repeats``
    (hazards that repeat an earlier one), ``hazards`` (all their hazards in the selection)."""
    index.catch_up(store)
    source, params = selection(filters)
    rows = store.rows(
        "SELECT l.enterprise_id, max(l.enterprise) AS enterprise, count(*) AS repeats"
        f"{source} AND l.repeats > 0 GROUP BY l.enterprise_id ORDER BY repeats DESC, l.enterprise_id LIMIT ?",
        [*params, limit],
    )
    for row in rows:
        row["hazards"] = store.conn.execute(
            f"SELECT count(*){source} AND l.enterprise_id = ?", [*params, row["enterprise_id"]]
        ).fetchone()[0]
    return rows


def summary(store: Store, filters: Filters | None = None) -> dict:
    """Everything the statistics page and the A4 summary show, in one dict."""
    filters = filters or Filters()
    by = {key: rates(store, key, filters) for key in GROUPS}
    return {
        "today": filters.day().isoformat(),
        "total": total_rate(store, filters, by["month"]),
        "counts": counts(store, filters),
        "ageing": ageing(store, filters),
        "by": by,
        "repeats": repeats_by_enterprise(store, filters),
    }


def as_percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"
