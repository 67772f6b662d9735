"""The ledger's questions at a prefecture's scale: filtered, sorted pages, a separate count, search.

    rows = page(store, Filters(statuses=("open",), overdue=True), sort="deadline", limit=50)
    more = page(store, same_filters, sort="deadline", after=rows[-1])       # keyset: the next page
    total = count(store, same_filters)

Every sort is a total order (the column, then the row's ``n``). :func:`_index` names the index a page
walks (SQLite is not left to guess: the app never runs ANALYZE): one that leads with the filters given
by equality — a county and a status, or the open hazards for 逾期 — then the sort column and ``n``, so
the rows come out in order and the walk stops after a page; several statuses are walked one by one and
merged. Where no such index exists, the sort column's own index is walked and the other filters are
tested on each row (about ``limit`` ÷ the share of rows that pass). One enterprise's hazards are few:
read through their index, then sorted; so are one inspector's and the listed ones in the less usual
orders (the usual ones — newest, deadline, found, enterprise — have their indexes). A date range reads
its days in date order, sorted if another order is asked.

Search runs through ``ledger_fts`` (see :mod:`inspector.core.ledger.index`). Newest first, it walks the
search index and stops after one page. In another order the user gets the order they asked for: up to
:data:`MANY_MATCHES` matches are looked up and sorted; more, and the sort index is walked, testing each
row's own normalised text (``search_text``) — the more rows match, the sooner a page is full.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field, replace
from datetime import date

from inspector.core.ledger import index
from inspector.core.ledger.lifecycle import STATUS_LABELS, LedgerError
from inspector.core.store import Store

GRADE_LABELS = {"general": "一般事故隐患", "major": "重大事故隐患"}

# Sort keys a caller may name, and the ledger column each sorts by (then by n).
SORTS = {
    "found_on": "found_on",
    "enterprise": "enterprise",
    "spot": "spot",
    "description": "description",
    "grade": "grade",
    "status": "stage",
    "deadline": "deadline",
    "inspector": "inspector",
    "region": "region",
    "sector": "sector",
    "repeat": "repeats",
    "listed": "listed",
    "n": "n",
}
DEFAULT_SORT = "n"  # registration order; with descending=True (the default), newest first


@dataclass(frozen=True)
class Filters:
    """What the ledger shows. Empty tuples and None mean "any"; all given conditions must hold."""

    statuses: tuple[str, ...] = ()  # open, in_progress, rectified, verified
    grades: tuple[str, ...] = ()  # general, major
    sectors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    enterprise_id: str | None = None
    inspector_id: str | None = None  # the first inspector of the inspection that found it
    found_from: date | None = None  # inclusive, local dates
    found_to: date | None = None
    overdue: bool = False
    repeat: bool = False
    listed: bool = False
    search: str = ""  # over enterprise, spot and description; 1+ characters
    today: date | None = field(default=None, compare=False)  # for 逾期; default date.today()

    def day(self) -> date:
        return self.today or date.today()


def _where(filters: Filters) -> tuple[list[str], list]:
    clauses: list[str] = []
    params: list = []

    def among(column: str, values, mapping=None) -> None:
        if values:
            values = [mapping[v] if mapping else v for v in values]
            clauses.append(f"l.{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)

    unknown = [s for s in filters.statuses if s not in index.STAGE]
    if unknown:
        raise LedgerError(f"未知的状态“{unknown[0]}”，应为：{'、'.join(index.STAGES)}", "status")
    bad_grades = [g for g in filters.grades if g not in GRADE_LABELS]
    if bad_grades:
        raise LedgerError(f"未知的等级“{bad_grades[0]}”，应为 general 或 major", "grade")
    among("stage", filters.statuses, index.STAGE)
    among("grade", filters.grades)
    among("sector", filters.sectors)
    among("region", filters.regions)
    if filters.enterprise_id:
        clauses.append("l.enterprise_id = ?")
        params.append(filters.enterprise_id)
    if filters.inspector_id:
        clauses.append("l.inspector_id = ?")
        params.append(filters.inspector_id)
    if filters.found_from:
        clauses.append("l.found_on >= ?")
        params.append(filters.found_from.isoformat())
    if filters.found_to:
        clauses.append("l.found_on <= ?")
        params.append(filters.found_to.isoformat())
    if filters.overdue:
        clauses.append("l.open_deadline > '' AND l.open_deadline < ?")  # 待整改/整改中 past the deadline
        params.append(filters.day().isoformat())
    if filters.repeat:
        clauses.append("l.repeats > 0")
    if filters.listed:
        clauses.append("l.listed = 1")
    return clauses, params


def _match(filters: Filters) -> str | None:
    if not filters.search.strip():
        return None
    expression = index.match_expression(filters.search)
    if expression is None:
        raise LedgerError("搜索内容应包含文字或数字", "search")
    return expression


_SELECT = (
    "l.n, l.hazard_id, l.enterprise_id, l.enterprise, l.sector, l.region, l.inspection_id, l.inspector_id,"
    " l.inspector, l.found_on, l.spot, l.description, l.grade, l.stage, l.deadline, l.first_deadline,"
    " l.listed, l.rectified_on, l.closed_on, l.repeats"
)


# A search matching more rows than this, sorted by another column, walks that column's index and tests
# each row's own search_text (stops after a page: about limit ÷ share of matching rows are read); fewer
# matches are looked up in the search index and sorted.
MANY_MATCHES = 2000


def _many(store: Store, filters: Filters, sort: str) -> bool:
    expression = _match(filters)
    if expression is None or SORTS.get(sort) == "n":
        return False
    found = store.conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM ledger_fts WHERE ledger_fts MATCH ? LIMIT ?)",
        [expression, MANY_MATCHES + 1],
    ).fetchone()[0]
    return found > MANY_MATCHES


# The index a first page walks, chosen here rather than left to SQLite's estimates (the app never runs
# ANALYZE, and without statistics SQLite would often range-scan a filter and sort every match). Each
# leads with the filters given by equality, then the sort column and n, so the rows come out in order.
_BY_STAGE = {"n": "ledger_stage", "deadline": "ledger_stage_deadline", "found_on": "ledger_stage_found"}
_BY_STAGE["enterprise"] = "ledger_stage_enterprise"
_BY_REGION_STAGE = {
    "n": "ledger_region_stage",
    "deadline": "ledger_region_stage_deadline",
    "found_on": "ledger_region_stage_found",
    "enterprise": "ledger_region_stage_enterprise",
}
_OVERDUE = {  # partial indexes over the open hazards (open_deadline > '')
    "n": "ledger_open_n",
    "open_deadline": "ledger_open_deadline",
    "found_on": "ledger_open_found",
    "enterprise": "ledger_open_enterprise",
}
_OVERDUE_BY_REGION = {
    "open_deadline": "ledger_open_region_deadline",
    "enterprise": "ledger_open_region_enterprise",
}
_LISTED = {
    "n": "ledger_listed",
    "deadline": "ledger_listed_deadline",
    "found_on": "ledger_listed_found",
    "enterprise": "ledger_listed_enterprise",
}
_BY_INSPECTOR = {
    "n": "ledger_inspector",
    "deadline": "ledger_inspector_deadline",
    "found_on": "ledger_inspector_found",
    "enterprise": "ledger_inspector_enterprise",
}
_REPEAT = {
    "n": "ledger_repeat_n",
    "deadline": "ledger_repeat_deadline",
    "found_on": "ledger_repeat_found",
    "enterprise": "ledger_repeat_enterprise",
}
_BY_COLUMN = {  # otherwise walk the sort column's own index and test the filters on each row
    "found_on": "ledger_found",
    "enterprise": "ledger_enterprise_name",
    "spot": "ledger_spot",
    "description": "ledger_description",
    "grade": "ledger_grade",
    "stage": "ledger_stage",
    "deadline": "ledger_deadline",
    "open_deadline": "ledger_open_deadline",
    "inspector": "ledger_inspector_name",
    "region": "ledger_region",
    "sector": "ledger_sector",
    "repeats": "ledger_repeats",
    "listed": "ledger_listed",
}


# 待整改 and 整改中 together (stage < 2), by deadline: one partial index, one walk (the query repeats its
# condition, ``l.stage < 2``, for SQLite to use it).
_ACTIVE = ("open", "in_progress")
_ACTIVE_DEADLINE = "ledger_active_deadline"


def _active(filters: Filters) -> bool:
    return len(filters.statuses) > 1 and set(filters.statuses) == set(_ACTIVE)


def _index(filters: Filters, column: str) -> str | None:
    """The index that serves these filters in this order, or None to let SQLite choose."""
    if filters.enterprise_id:
        return None  # one enterprise's hazards: few, read through its index and sorted
    if column == "deadline" and _active(filters) and len(filters.regions) != 1:  # one county: its own
        narrower = filters.listed or filters.inspector_id or filters.overdue or filters.repeat  # indexes
        if not (narrower or filters.found_from or filters.found_to):
            return _ACTIVE_DEADLINE
    one_region, one_stage = len(filters.regions) == 1, len(filters.statuses) == 1
    if filters.found_from or filters.found_to:
        column = "found_on"  # read the chosen days' rows (however few match), sorted unless by date
    # The smallest subset first: the listed hazards, one inspector's, the overdue ones, the repeats.
    if filters.listed:
        found = _LISTED.get(column)
    elif filters.inspector_id:
        found = _BY_INSPECTOR.get(column)
    elif filters.overdue:
        found = (one_region and _OVERDUE_BY_REGION.get(column)) or _OVERDUE.get(column)
    elif filters.repeat:
        found = _REPEAT.get(column)
    elif one_stage:
        found = (one_region and _BY_REGION_STAGE.get(column)) or _BY_STAGE.get(column)
    else:
        found = None
    if found is None and (filters.listed or filters.inspector_id):  # few rows in a less usual order:
        return "ledger_listed" if filters.listed else "ledger_inspector"  # read them all, then sort
    return found or _BY_COLUMN.get(column)


def _sql(
    filters: Filters,
    sort: str,
    descending: bool,
    after: dict | None,
    limit: int | None,
    offset: int,
    many: bool = False,
):
    if sort not in SORTS:
        raise LedgerError(f"不能按“{sort}”排序，可用：{'、'.join(SORTS)}", "sort")
    column = SORTS[sort]
    if column == "deadline" and filters.overdue and not (filters.listed or filters.inspector_id):
        column = "open_deadline"  # the same order on these rows, straight from one index range
    clauses, params = _where(filters)
    expression = _match(filters)
    direction = "DESC" if descending else "ASC"
    if after is not None:
        key = after["n"] if column == "n" else (after[_row_key(column)], after["n"])
        if column == "n":
            clauses.append(f"l.n {'<' if descending else '>'} ?")
            params.append(key)
        else:
            clauses.append(f"(l.{column}, l.n) {'<' if descending else '>'} (?, ?)")
            params.extend(key)
    if expression is not None and column == "n":
        # Walk the search index in rowid order and stop after one page.
        source = "ledger_fts JOIN ledger l ON l.n = ledger_fts.rowid"
        clauses.insert(0, "ledger_fts MATCH ?")
        params.insert(0, expression)
        order = f"ledger_fts.rowid {direction}"
    else:
        chosen = _index(filters, column)
        source = f"ledger l INDEXED BY {chosen}" if chosen and (expression is None or many) else "ledger l"
        if chosen == _ACTIVE_DEADLINE:
            clauses.append("l.stage < 2")  # implies the partial index's condition
        if expression is not None and many:  # test each row walked in the sort order, stop after a page
            for run in dict.fromkeys(index.runs(filters.search)):
                clauses.append("instr(l.search_text, ?) > 0")
                params.append(run)
        elif expression is not None:
            clauses.append("l.n IN (SELECT rowid FROM ledger_fts WHERE ledger_fts MATCH ?)")
            params.append(expression)
        order = f"l.n {direction}" if column == "n" else f"l.{column} {direction}, l.n {direction}"
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"SELECT {_SELECT} FROM {source}{where} ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return sql, params


def _row_key(column: str) -> str:
    return "deadline" if column == "open_deadline" else column


def _shape(row: dict, today: date) -> dict:
    status = index.STAGES[row["stage"]]
    overdue_days = 0
    if status in ("open", "in_progress") and row["deadline"]:
        overdue_days = max(0, (today - date.fromisoformat(row["deadline"])).days)
    listed = bool(row["listed"])
    row.update(
        id=row["hazard_id"],
        status=status,
        status_label=STATUS_LABELS[status],
        grade_label=GRADE_LABELS[row["grade"]],
        overdue=overdue_days > 0,
        overdue_days=overdue_days,
        repeat=row["repeats"],
        listed=listed,
        suggest_listing=status != "verified" and not listed and (row["grade"] == "major" or overdue_days > 0),
    )
    return row


def page(
    store: Store,
    filters: Filters | None = None,
    *,
    sort: str = DEFAULT_SORT,
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
    after: dict | None = None,
) -> list[dict]:
    """One page of hazards: ``limit`` rows after ``offset`` rows, or after the row ``after`` (keyset).

    Each row: ``id`` (hazard id), ``n`` (ledger position), ``enterprise``, ``enterprise_id``, ``spot``,
    ``description``, ``grade`` (+ ``grade_label``), ``status`` (+ ``status_label``), ``deadline`` (the one
    in force), ``first_deadline``, ``overdue``, ``overdue_days``, ``repeat`` (how many earlier hazards it
    repeats), ``listed``, ``suggest_listing``, ``found_on``, ``inspector``, ``inspector_id``, ``region``,
    ``sector``, ``inspection_id``, ``rectified_on``, ``closed_on``.
    """
    filters = filters or Filters()
    index.catch_up(store)
    many = _many(store, filters, sort)
    if _split(filters, sort, many):
        rows = _merged(store, filters, sort, descending, limit, offset, after, many)
    else:
        sql, params = _sql(filters, sort, descending, after, limit, offset if after is None else 0, many)
        rows = store.rows(sql, params)
    return [_shape(row, filters.day()) for row in rows]


def _split(filters: Filters, sort: str, many: bool) -> bool:
    """Several statuses in an order a status index serves: one walk per status, merged (each reads a page)."""
    if len(filters.statuses) < 2 or filters.overdue or sort not in SORTS:
        return False
    if _match(filters) is not None and (not many or SORTS[sort] == "n"):
        return False
    if _index(filters, SORTS[sort]) == _ACTIVE_DEADLINE:
        return False  # one walk of the hazards still to be fixed
    one = _index(replace(filters, statuses=filters.statuses[:1]), SORTS[sort])
    return one in _BY_STAGE.values() or one in _BY_REGION_STAGE.values()


def _merged(store, filters, sort, descending, limit, offset, after, many) -> list[dict]:
    column = SORTS[sort]
    wanted = limit if after is not None else offset + limit
    walks = []
    for status in dict.fromkeys(filters.statuses):
        sql, params = _sql(replace(filters, statuses=(status,)), sort, descending, after, wanted, 0, many)
        walks.append(store.rows(sql, params))
    merged = heapq.merge(*walks, key=lambda r: (r[column], r["n"]), reverse=descending)
    return list(itertools.islice(merged, wanted - limit, wanted))


def count(store: Store, filters: Filters | None = None) -> int:
    """How many hazards the filters select (asked separately from the pages)."""
    filters = filters or Filters()
    index.catch_up(store)
    clauses, params = _where(filters)
    expression = _match(filters)
    if expression is not None:
        clauses.insert(0, "ledger_fts MATCH ?")
        params.insert(0, expression)
        source = "ledger_fts JOIN ledger l ON l.n = ledger_fts.rowid" if len(clauses) > 1 else "ledger_fts"
    else:
        source = "ledger l"
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    return store.conn.execute(f"SELECT count(*) FROM {source}{where}", params).fetchone()[0]


def search(store: Store, text: str, limit: int = 50, filters: Filters | None = None) -> list[dict]:
    """Hazards whose enterprise, spot or description contains ``text`` (1+ characters), newest first."""
    return page(store, replace(filters or Filters(), search=text), limit=limit)


def plan(
    store: Store, filters: Filters | None = None, *, sort: str = DEFAULT_SORT, descending: bool = True
) -> list[str]:
    """SQLite's EXPLAIN QUERY PLAN of the first page (for tests and benchmarks)."""
    index.catch_up(store)
    filters = filters or Filters()
    many = _many(store, filters, sort)
    if _split(filters, sort, many):  # one walk per status, all alike: the first one's
        filters = replace(filters, statuses=filters.statuses[:1])
    sql, params = _sql(filters, sort, descending, None, 50, 0, many)
    return [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


def hazard(store: Store, hazard_id: str, today: date | None = None) -> dict:
    """One ledger row by hazard id (as :func:`page` shapes it)."""
    index.catch_up(store)
    row = store.row(f"SELECT {_SELECT} FROM ledger l WHERE l.hazard_id=?", [hazard_id])
    if row is None:
        raise LedgerError(f"台账中没有这条隐患：{hazard_id}", "hazard")
    return _shape(row, today or date.today())


def selection(filters: Filters | None = None) -> tuple[str, list]:
    """``FROM … WHERE …`` (table alias ``l``) and its parameters for the filtered ledger (statistics and
    export build on it)."""
    filters = filters or Filters()
    clauses, params = _where(filters)
    expression = _match(filters)
    if expression is not None:
        clauses.append("l.n IN (SELECT rowid FROM ledger_fts WHERE ledger_fts MATCH ?)")
        params.append(expression)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else " WHERE 1"
    return f" FROM ledger l{where}", params
