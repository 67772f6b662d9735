"""The ledger's query index: one derived row per live hazard (``ledger``) and its search tokens.

Triggers on hazards, findings, enterprises and inspections only queue the hazards that changed
(``ledger_dirty``); :func:`catch_up` (called by every ledger query) brings their rows up to date, so any
writer — the runner, the re-check, a merged bundle, a script — is reflected without knowing about the
ledger. Nothing here is audited: :func:`rebuild` recreates all of it from the audited records.

Search (:func:`match_expression`): Chinese has no spaces, and SQLite's trigram tokenizer finds only 3+
characters. Each text is normalised (NFKC, case folded) and split into runs of letters and digits; the
FTS5 table ``ledger_fts`` holds every run's distinct characters in column ``uni`` and its overlapping
bigrams, in order, in column ``bi``. A one-character query is a ``uni`` token; a longer one is the phrase
of its bigrams in ``bi``, which matches exactly where the query occurs inside one run.
"""

from __future__ import annotations

import json
import re
import unicodedata

from inspector.core import clock
from inspector.core.ledger import repeats
from inspector.core.store import Store

STAGES = ("open", "in_progress", "rectified", "verified")
STAGE = {status: n for n, status in enumerate(STAGES)}
_RUN = re.compile(r"[^\W_]+")
_CHUNK = 400


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def runs(text: str) -> list[str]:
    return _RUN.findall(normalise(text))


def tokens(*texts: str) -> tuple[str, str]:
    """(distinct characters, bigrams in order) of the texts, space separated, for ``ledger_fts``."""
    chars: dict[str, None] = {}
    bigrams: list[str] = []
    for text in texts:
        for run in runs(text):
            chars.update(dict.fromkeys(run))
            bigrams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(chars), " ".join(bigrams)


def search_text(*texts: str) -> str:
    """The texts' runs, space separated (``ledger.search_text``): a row is tested against a search with
    ``instr`` when the search matches too many rows to look them all up (see :mod:`~.query`)."""
    return " ".join(run for text in texts for run in runs(text))


def match_expression(query: str) -> str | None:
    """The FTS5 expression finding ``query`` (None when it has no letter or digit to look for)."""
    parts = []
    for run in dict.fromkeys(runs(query)):
        if len(run) == 1:
            parts.append(f'uni : "{run}"')
        else:
            parts.append('bi : "' + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + '"')
    return " AND ".join(parts) or None


_SOURCE = """
SELECT h.id AS hazard_id, h.enterprise_id, h.status, h.grade, h.deadline, h.listed_supervision,
    h.rectified_at, h.verified_at, h.deleted_at, f.deleted_at AS finding_deleted,
    e.name AS enterprise, e.sector, e.region, f.inspection_id, f.spot, f.description,
    f.deadline AS first_deadline, f.item_id, s.checklist_id, i.started_at,
    ii.inspector_id, ii.name AS inspector
FROM hazards h
JOIN findings f ON f.id = h.finding_id
JOIN enterprises e ON e.id = h.enterprise_id
JOIN inspections i ON i.id = f.inspection_id
LEFT JOIN checklist_snapshots s ON s.id = f.snapshot_id
LEFT JOIN inspection_inspectors ii ON ii.inspection_id = i.id AND ii.position = 0
WHERE h.id IN ({marks})
"""

_COLUMNS = (
    "hazard_id",
    "enterprise_id",
    "enterprise",
    "sector",
    "region",
    "inspection_id",
    "inspector_id",
    "inspector",
    "found_at",
    "found_on",
    "item_key",
    "spot",
    "spot_key",
    "description",
    "grade",
    "stage",
    "deadline",
    "open_deadline",
    "first_deadline",
    "listed",
    "rectified_on",
    "closed_on",
    "search_text",
)


def _local_day(utc_text: str | None) -> str:
    return clock.local_date(utc_text).isoformat() if utc_text else ""


def ledger_row(src: dict) -> dict:
    """The derived ledger columns of one hazard from its joined source records."""
    return {
        "hazard_id": src["hazard_id"],
        "enterprise_id": src["enterprise_id"],
        "enterprise": src["enterprise"] or "",
        "sector": src["sector"] or "",
        "region": src["region"] or "",
        "inspection_id": src["inspection_id"],
        "inspector_id": src["inspector_id"] or "",
        "inspector": src["inspector"] or "",
        "found_at": src["started_at"],
        "found_on": _local_day(src["started_at"]),
        "item_key": repeats.item_key(src["checklist_id"], src["item_id"]),
        "spot": src["spot"] or "",
        "spot_key": repeats.spot_key(src["spot"]),
        "description": src["description"] or "",
        "grade": src["grade"],
        "stage": STAGE[src["status"]],
        "deadline": src["deadline"] or "",
        "open_deadline": (src["deadline"] or "") if src["status"] in ("open", "in_progress") else "",
        "first_deadline": src["first_deadline"] or src["deadline"] or "",
        "listed": int(bool(src["listed_supervision"])),
        "rectified_on": _local_day(src["rectified_at"]),
        "closed_on": _local_day(src["verified_at"]) if src["status"] == "verified" else "",
        "search_text": search_text(src["enterprise"], src["spot"], src["description"]),
    }


def write_row(conn, row: dict, n: int | None = None) -> int:
    """Insert or replace one ledger row and its search tokens; returns its ``n``."""
    values = [row[c] for c in _COLUMNS]
    if n is None:
        cur = conn.execute(
            f"INSERT INTO ledger ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})", values
        )
        n = cur.lastrowid
    else:
        conn.execute(f"UPDATE ledger SET {', '.join(c + '=?' for c in _COLUMNS)} WHERE n=?", [*values, n])
        conn.execute("DELETE FROM ledger_fts WHERE rowid=?", [n])
    uni, bi = tokens(row["enterprise"], row["spot"], row["description"])
    conn.execute("INSERT INTO ledger_fts (rowid, uni, bi) VALUES (?, ?, ?)", [n, uni, bi])
    return n


def _refresh(store: Store, hazard_ids: list[str]) -> set[str]:
    """Bring these hazards' rows up to date; returns the enterprises whose repeat counts may change."""
    conn = store.conn
    touched: set[str] = set()
    for start in range(0, len(hazard_ids), _CHUNK):
        chunk = hazard_ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        sources = {r["hazard_id"]: r for r in store.rows(_SOURCE.format(marks=marks), chunk)}
        existing = dict(
            conn.execute(f"SELECT hazard_id, n FROM ledger WHERE hazard_id IN ({marks})", chunk).fetchall()
        )
        old_enterprises = conn.execute(
            f"SELECT DISTINCT enterprise_id FROM ledger WHERE hazard_id IN ({marks})", chunk
        ).fetchall()
        touched.update(r[0] for r in old_enterprises)
        for hazard_id in chunk:
            src = sources.get(hazard_id)
            n = existing.get(hazard_id)
            if src is None or src["deleted_at"] or src["finding_deleted"]:
                if n is not None:
                    conn.execute("DELETE FROM ledger WHERE n=?", [n])
                    conn.execute("DELETE FROM ledger_fts WHERE rowid=?", [n])
                continue
            write_row(conn, ledger_row(src), n)
            touched.add(src["enterprise_id"])
    return touched


def recount(store: Store, enterprise_ids) -> None:
    """Recount the repeats of every hazard of these enterprises by the one rule."""
    months = repeats.window_months(store)
    for enterprise_id in enterprise_ids:
        rows = store.rows(
            "SELECT n, hazard_id, inspection_id, found_at, item_key, spot_key, repeats FROM ledger"
            " WHERE enterprise_id=?",
            [enterprise_id],
        )
        counted = repeats.counts(rows, months)
        store.conn.executemany(
            "UPDATE ledger SET repeats=? WHERE n=?",
            [(counted[r["hazard_id"]], r["n"]) for r in rows if counted[r["hazard_id"]] != r["repeats"]],
        )


def catch_up(store: Store) -> int:
    """Index whatever changed since the last call; returns how many hazards were refreshed.

    Cheap when nothing changed (two indexed look-ups); every ledger query calls it first.
    """
    conn = store.conn
    setting, meta, dirty = conn.execute(  # one round trip: this runs before every query
        "SELECT (SELECT value FROM settings WHERE key=?), (SELECT value FROM ledger_meta WHERE key='repeat_window'),"
        " EXISTS (SELECT 1 FROM ledger_dirty)",
        [repeats.WINDOW_SETTING],
    ).fetchone()
    months = str(int(json.loads(setting)) if setting else repeats.DEFAULT_WINDOW_MONTHS)
    if not dirty and meta == months:
        return 0
    with store.transaction():
        ids = [
            r[0]
            for r in conn.execute(  # new rows get n in the order the hazards were registered
                "SELECT d.hazard_id FROM ledger_dirty d LEFT JOIN hazards h ON h.id = d.hazard_id"
                " ORDER BY h.created_at, h.rowid, d.hazard_id"
            )
        ]
        touched = _refresh(store, ids)
        if meta != months:
            touched = {r[0] for r in conn.execute("SELECT DISTINCT enterprise_id FROM ledger")}
            conn.execute(
                "INSERT OR REPLACE INTO ledger_meta (key, value) VALUES ('repeat_window', ?)", [months]
            )
        recount(store, sorted(touched))
        conn.execute("DELETE FROM ledger_dirty")
    return len(ids)


def rebuild(store: Store) -> int:
    """Recreate the whole index from the audited records (after a repair, or to be sure)."""
    with store.transaction():
        store.conn.execute("DELETE FROM ledger")
        store.conn.execute("DELETE FROM ledger_fts")
        store.conn.execute("DELETE FROM ledger_meta")
        store.conn.execute("INSERT OR IGNORE INTO ledger_dirty SELECT id FROM hazards")
        return catch_up(store)
