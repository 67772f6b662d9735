"""The register as a list at a prefecture's scale: pinyin order, search by any part of name or code, pages.

Two derived tables (schema step ``0005_lists``) keep this fast with 100,000 enterprises:

- ``enterprise_list``: one row per live enterprise with its pinyin sort key, indexed by (sort_key, n),
  so a page in display order is an index range, never a sort of the register;
- ``enterprise_grams``: an FTS5 table holding name and code one character per token. A phrase of
  single-character tokens matches exactly the texts that contain those characters side by side, so
  one- and two-character queries (罐区, 消防) are index look-ups like longer ones.

Triggers on ``enterprises`` (plain SQL, so any writer keeps them right) queue changed ids in
``enterprise_dirty``; :func:`refresh` brings the two tables up to date before each read. A queued id
whose enterprise is gone or deleted simply leaves the list.
"""

from __future__ import annotations

import unicodedata

from inspector.core.store import Store

# Tone marks (after NFD) to tone numbers; a syllable without one is the neutral tone, 5.
_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_HAN_DICT: dict[int, str] | None = None


def _readings() -> dict[int, str]:
    global _HAN_DICT
    if _HAN_DICT is None:  # pypinyin's table loads on first use (it is large)
        from pypinyin.pinyin_dict import pinyin_dict

        _HAN_DICT = pinyin_dict
    return _HAN_DICT


def _syllable(reading: str) -> str:
    """'lǘ' -> 'lv2': letters without marks (ü as v), then the tone number."""
    tone, letters = "5", []
    for ch in unicodedata.normalize("NFD", reading):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch == "\u0308":
            letters[-1] = "v"
        elif not unicodedata.combining(ch):
            letters.append(ch)
    return "".join(letters) + tone


def sort_key(name: str) -> str:
    """A key whose plain (binary) order is pinyin order, as Excel, WPS and ICU sort Chinese names.

    Each Han character becomes its syllable, tone and the character itself (so 八 and 巴 stay apart
    in a fixed order); other characters sort before Han ones, digits before letters, letters without case.
    """
    segments = _SEGMENTS
    return "".join(segments.get(ch) or _segment(ch) for ch in unicodedata.normalize("NFKC", name).strip())


_SEGMENTS: dict[str, str] = {}


def _segment(ch: str) -> str:
    reading = _readings().get(ord(ch))
    segment = _syllable(reading.split(",")[0]) + ch if reading else "\x01" + ch.casefold()
    _SEGMENTS[ch] = segment
    return segment


def tokens(text: str) -> list[str]:
    """Letters, digits and Han characters one by one (case folded); punctuation and spaces dropped."""
    return [ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum()]


def match_expression(text: str) -> str | None:
    """The FTS5 query for ``text``: every space-separated word must appear in the name or the code.

    ``None`` when the text holds nothing to search for (only spaces or punctuation).
    """
    phrases = ['"' + " ".join(chars) + '"' for chars in map(tokens, text.split()) if chars]
    return " AND ".join(phrases) or None


def refresh(store: Store) -> int:
    """Bring the list and the search index up to date with the register; how many enterprises changed."""
    if store.conn.execute("SELECT 1 FROM enterprise_dirty LIMIT 1").fetchone() is None:
        return 0
    conn = store.conn
    with store.transaction():
        dirty = store.rows(
            "SELECT d.id, e.name, e.code, e.deleted_at, l.n FROM enterprise_dirty d"
            " LEFT JOIN enterprises e ON e.id = d.id LEFT JOIN enterprise_list l ON l.id = d.id"
        )
        live = [row for row in dirty if row["name"] is not None and not row["deleted_at"]]
        conn.executemany(
            "DELETE FROM enterprise_grams WHERE rowid=?", [(r["n"],) for r in dirty if r["n"] is not None]
        )
        conn.executemany(
            "DELETE FROM enterprise_list WHERE id=?",
            [(r["id"],) for r in dirty if r["name"] is None or r["deleted_at"]],
        )
        conn.executemany(
            "UPDATE enterprise_list SET sort_key=? WHERE n=?",
            [(sort_key(r["name"]), r["n"]) for r in live if r["n"] is not None],
        )
        conn.executemany(
            "INSERT INTO enterprise_list (id, sort_key) VALUES (?, ?)",
            [(r["id"], sort_key(r["name"])) for r in live if r["n"] is None],
        )
        numbers = dict(
            conn.execute("SELECT d.id, l.n FROM enterprise_dirty d JOIN enterprise_list l ON l.id = d.id")
        )
        conn.executemany(
            "INSERT INTO enterprise_grams (rowid, name, code) VALUES (?, ?, ?)",
            [
                (numbers[r["id"]], " ".join(tokens(r["name"])), " ".join(tokens(r["code"] or "")))
                for r in live
            ],
        )
        conn.execute("DELETE FROM enterprise_dirty")
    return len(dirty)


def _where(text: str) -> tuple[str, list]:
    expression = match_expression(text)
    if expression is None:
        return "", []
    return " WHERE l.n IN (SELECT rowid FROM enterprise_grams WHERE enterprise_grams MATCH ?)", [expression]


def count(store: Store, text: str = "") -> int:
    """How many live enterprises match ``text`` (all of them when it is empty)."""
    refresh(store)
    expression = match_expression(text)
    if expression is None:
        return store.row("SELECT count(*) AS n FROM enterprise_list")["n"]
    return store.row(
        "SELECT count(*) AS n FROM enterprise_grams WHERE enterprise_grams MATCH ?", [expression]
    )["n"]


def page(store: Store, text: str = "", offset: int = 0, limit: int = 100) -> list[dict]:
    """Rows ``offset`` … ``offset + limit`` of the matching enterprises in pinyin order (ties by entry)."""
    refresh(store)
    where, params = _where(text)
    return store.rows(  # the page is cut on the list's own index, then joined: OFFSET skips cheaply
        "SELECT e.id, e.name, e.code, e.sector, e.region, e.legal_rep, e.phone FROM"
        f" (SELECT l.n, l.id, l.sort_key FROM enterprise_list l{where} ORDER BY l.sort_key, l.n"
        "   LIMIT ? OFFSET ?) p JOIN enterprises e ON e.id = p.id ORDER BY p.sort_key, p.n",
        [*params, int(limit), int(offset)],
    )


def position(store: Store, enterprise_id: str, text: str = "") -> int:
    """The row of ``enterprise_id`` among the matches for ``text``, or -1 when it is not one of them."""
    refresh(store)
    where, params = _where(text)
    here = store.row("SELECT n, sort_key FROM enterprise_list WHERE id=?", [enterprise_id])
    if here is None:
        return -1
    if where and not store.row(
        "SELECT 1 FROM enterprise_grams WHERE enterprise_grams MATCH ? AND rowid=?", [*params, here["n"]]
    ):
        return -1
    before = " AND " if where else " WHERE "
    return store.row(
        f"SELECT count(*) AS n FROM enterprise_list l{where}{before}(l.sort_key < ? OR (l.sort_key = ? AND l.n < ?))",
        [*params, here["sort_key"], here["sort_key"], here["n"]],
    )["n"]


def regions(store: Store) -> list[str]:
    """The regions of the registered enterprises, in pinyin order (for filters)."""
    found = store.rows(
        "SELECT DISTINCT region FROM enterprises WHERE deleted_at IS NULL AND region != '' ORDER BY region"
    )
    return sorted((row["region"] for row in found), key=sort_key)
