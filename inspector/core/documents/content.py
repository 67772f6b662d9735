"""What each document says, as a canonical, JSON-able dict built from the store.

The content is stored with the document and hashed (``content_sha256``); the PDF is rendered from it
alone, so an issued document renders the same forever, whatever later happens to the records it came
from. Times are local ISO-8601 with their offset; dates are ``YYYY-MM-DD``.
"""

from __future__ import annotations

import json
from datetime import date

from inspector.core import clock, office
from inspector.core.capture import findings
from inspector.core.capture import measures as statutory
from inspector.core.documents import registry
from inspector.core.documents.errors import DocumentError
from inspector.core.documents.numbering import KIND_CODES, KIND_TITLES
from inspector.core.documents.wording import (
    MEASURE_WORDS,
    check_measures_chosen,
    check_statements,
    measure_list,
    problem_text,
)
from inspector.core.store import Store, paths

__all__ = ["MEASURE_WORDS", "DocumentError", "build", "measure_list", "problem_text"]

FORMAT = 1
MEASURES_BASIS_SETTING = "documents.measures_basis"
MEASURES_BASIS = "《中华人民共和国安全生产法》第六十五条第一款第三项"


def local_iso(utc_text: str | None) -> str | None:
    return clock.local(utc_text).isoformat(timespec="minutes") if utc_text else None


def office_part(store: Store) -> dict:
    settings = office.load(store)
    return {
        "issuing_body": settings.issuing_body.strip(),
        "region_abbr": settings.region_abbr.strip(),
        "government": settings.government.strip(),
        "court": settings.court.strip(),
        "print_major_count": bool(settings.print_major_count),
        "measures_basis": store.setting(MEASURES_BASIS_SETTING) or MEASURES_BASIS,
    }


def _inspection(store: Store, inspection_id: str) -> dict:
    row = store.row("SELECT * FROM inspections WHERE id=? AND deleted_at IS NULL", [inspection_id])
    if row is None:
        raise DocumentError(f"没有这次检查：{inspection_id}")
    if row["status"] != "finished" or not row["finished_at"]:
        raise DocumentError("检查尚未结束：请先结束检查，再出具文书")
    return row


def _enterprise(store: Store, enterprise_id: str) -> dict:
    row = store.row("SELECT * FROM enterprises WHERE id=?", [enterprise_id])
    keys = ("name", "code", "address", "legal_rep", "legal_rep_title", "phone")
    return {k: (row[k] or "") for k in keys}


def _inspectors(store: Store, inspection_id: str) -> list[dict]:
    rows = store.rows(
        "SELECT inspector_id, name, cert_no FROM inspection_inspectors"
        " WHERE inspection_id=? ORDER BY position",
        [inspection_id],
    )
    if len(rows) < 2:
        raise DocumentError("执法人员不得少于两人（《行政处罚法》第四十二条）：这次检查只登记了一名执法人员")
    return [{"id": r["inspector_id"], "name": r["name"], "cert_no": r["cert_no"]} for r in rows]


def _photos(store: Store, finding_id: str, counter: list[int]) -> list[dict]:
    rows = store.rows(
        "SELECT m.sha256, fm.caption FROM finding_media fm JOIN media m ON m.id = fm.media_id"
        " WHERE fm.finding_id=? AND fm.deleted_at IS NULL ORDER BY fm.position",
        [finding_id],
    )
    found = []
    for row in rows:
        counter[0] += 1
        found.append({"n": counter[0], "sha256": row["sha256"], "caption": row["caption"] or ""})
    return found


def default_deadline(settings: office.OfficeSettings, grade: str, day: date) -> str:
    return findings.deadline_after(settings, grade, day).isoformat()


def _item_positions(store: Store, inspection_id: str) -> dict[tuple[str, str], int]:
    """(snapshot id, item id) → the item's place in its checklist, sections in order."""
    positions: dict[tuple[str, str], int] = {}
    for row in store.rows(
        "SELECT s.id, s.content FROM inspection_checklists ic JOIN checklist_snapshots s ON s.id = ic.snapshot_id"
        " WHERE ic.inspection_id=? ORDER BY ic.position",
        [inspection_id],
    ):
        try:
            items = [
                i["id"] for s in json.loads(row["content"]).get("sections", []) for i in s.get("items", [])
            ]
        except (ValueError, AttributeError, TypeError, KeyError):
            items = []
        positions.update({(row["id"], item): n for n, item in enumerate(items)})
    return positions


def ordered_findings(store: Store, inspection_id: str) -> list[dict]:
    """The findings in a stable order: the checklists' order, each checklist's item order, then the
    time recorded, then the order they were saved in (the row sequence), never a random id."""
    rows = store.rows(
        "SELECT f.*, f.rowid AS seq, ic.position AS checklist_position FROM findings f"
        " LEFT JOIN inspection_checklists ic"
        " ON ic.inspection_id = f.inspection_id AND ic.snapshot_id = f.snapshot_id"
        " WHERE f.inspection_id=? AND f.deleted_at IS NULL"
        " ORDER BY ic.position, f.created_at, f.rowid",
        [inspection_id],
    )
    positions = _item_positions(store, inspection_id)
    last = len(positions) + 1

    def key(row: dict) -> tuple:
        checklist = row["checklist_position"] if row["checklist_position"] is not None else last
        item = positions.get((row["snapshot_id"], row["item_id"]), last)
        return checklist, item, row["created_at"], row["seq"]

    return sorted(rows, key=key)


def problems(store: Store, inspection: dict) -> list[dict]:
    """The inspection's findings in checklist order, numbered from 1."""
    rows = ordered_findings(store, inspection["id"])
    settings = office.load(store)
    day = clock.local_date(inspection["finished_at"] or inspection["started_at"])
    counter = [0]
    found = []
    for n, row in enumerate(rows, start=1):
        found.append(
            {
                "n": n,
                "finding_id": row["id"],
                "item_id": row["item_id"] or "",
                "spot": row["spot"].strip(),
                "description": row["description"].strip(),
                "basis": row["basis"].strip(),
                "grade": row["grade"],
                "major_criterion": (row["major_criterion"] or "").strip() if row["grade"] == "major" else "",
                "deadline": row["deadline"] or default_deadline(settings, row["grade"], day),
                "immediate_measures": row["immediate_measures"].strip(),
                "photos": _photos(store, row["id"], counter),
            }
        )
    return found


def deadline_groups(items: list[dict]) -> list[dict]:
    """Items grouped by deadline, earliest first: ``[{"items": [1, 3], "deadline": "2026-03-15"}, …]``."""
    groups: dict[str, list[int]] = {}
    for item in items:
        groups.setdefault(item["deadline"], []).append(item["n"])
    return [{"items": groups[d], "deadline": d} for d in sorted(groups)]


def checklists(store: Store, inspection_id: str) -> list[dict]:
    rows = store.rows(
        "SELECT s.id, s.title, s.version, s.content FROM inspection_checklists ic"
        " JOIN checklist_snapshots s ON s.id = ic.snapshot_id WHERE ic.inspection_id=? ORDER BY ic.position",
        [inspection_id],
    )
    found = []
    for row in rows:
        try:
            snapshot = json.loads(row["content"])
            total = sum(len(s.get("items", [])) for s in snapshot.get("sections", []))
        except (ValueError, AttributeError, TypeError):
            total = 0
        counts = store.row(
            "SELECT count(*) AS checked, coalesce(sum(result='pass'), 0) AS passed,"
            " coalesce(sum(result='fail'), 0) AS failed, coalesce(sum(result='na'), 0) AS na FROM answers"
            " WHERE inspection_id=? AND snapshot_id=? AND deleted_at IS NULL AND result IS NOT NULL",
            [inspection_id, row["id"]],
        )
        found.append({"title": row["title"], "version": row["version"], "items": total, **counts})
    return found


def is_demo(store: Store) -> bool:
    workspace = getattr(store, "workspace", None)
    return workspace is not None and workspace.root.name == paths.DEMO_WORKSPACE


def _base(store: Store, kind: str, inspection: dict) -> dict:
    base = {
        "format": FORMAT,
        "kind": kind,
        "title": KIND_TITLES[kind],
        "code": KIND_CODES[kind],
        "office": office_part(store),
        "enterprise": _enterprise(store, inspection["enterprise_id"]),
        "inspection": {
            "id": inspection["id"],
            "kind": inspection["kind"],
            "place": inspection["place"] or "",
            "started_at": local_iso(inspection["started_at"]),
            "finished_at": local_iso(inspection["finished_at"]),
        },
        "inspectors": _inspectors(store, inspection["id"]),
    }
    if is_demo(store):  # printed 「演示」 on every page
        base["demo"] = True
    return base


def _need_appeal_bodies(content: dict) -> None:
    if not content["office"]["government"] or not content["office"]["court"]:
        raise DocumentError("请先在办公室设置中填写行政复议的人民政府和行政诉讼的人民法院")


def record(store: Store, inspection_id: str) -> dict:
    inspection = _inspection(store, inspection_id)
    content = _base(store, "record", inspection)
    content["checklists"] = checklists(store, inspection_id)
    content["problems"] = problems(store, inspection)
    check_statements(content["problems"])
    return content


def needed(store: Store, inspection_id: str) -> dict[str, bool]:
    """Which documents an inspection calls for: the rules :func:`notice` and :func:`measures` enforce."""
    found = store.rows(
        "SELECT immediate_measures, measures FROM findings WHERE inspection_id=? AND deleted_at IS NULL",
        [inspection_id],
    )
    return {
        "record": True,
        "notice": bool(found),
        # free text without a chosen measure still calls for it: the document then asks to choose
        "measures": any(row["measures"] or row["immediate_measures"].strip() for row in found),
        "recheck": False,  # asked for by the ledger's re-inspection, not by the inspection itself
    }


def notice(store: Store, inspection_id: str) -> dict:
    inspection = _inspection(store, inspection_id)
    content = _base(store, "notice", inspection)
    _need_appeal_bodies(content)
    found = problems(store, inspection)
    if not found:
        raise DocumentError("这次检查没有发现问题，不需要出具责令限期整改指令书")
    check_statements(found)
    content["problems"] = found
    content["deadline_groups"] = deadline_groups(found)
    content["major_count"] = sum(p["grade"] == "major" for p in found)
    return content


def measures(store: Store, inspection_id: str) -> dict:
    inspection = _inspection(store, inspection_id)
    content = _base(store, "measures", inspection)
    _need_appeal_bodies(content)
    chosen = {
        row["id"]: statutory.load(row["measures"])
        for row in store.rows(
            "SELECT id, measures FROM findings WHERE inspection_id=? AND deleted_at IS NULL", [inspection_id]
        )
    }
    found = []
    for problem in problems(store, inspection):
        problem["measures"] = chosen.get(problem["finding_id"], [])
        if problem["measures"] or problem["immediate_measures"]:
            found.append(problem)
    if not found:
        raise DocumentError("没有需要现场处理的隐患（未填写现场处理措施），不需要出具现场处理措施决定书")
    for n, problem in enumerate(found, start=1):
        problem["n"] = n
    check_statements(found)
    check_measures_chosen(found)
    content["problems"] = found
    content["measures"] = measure_list(found)
    content["checked_on"] = (content["inspection"]["started_at"] or "")[:10]
    return content


def _original(store: Store, inspection: dict, original_id: str | None) -> dict:
    if original_id:
        row = registry.find(store, original_id)
        if row is None:
            raise DocumentError(f"没有这份文书：{original_id}")
    else:
        row = store.row(
            "SELECT d.* FROM documents d JOIN inspections i ON i.id = d.inspection_id"
            " WHERE d.kind IN ('notice', 'measures') AND i.enterprise_id=? AND d.inspection_id != ?"
            " AND i.started_at < ? AND d.deleted_at IS NULL"
            f" AND {registry.NOT_REPLACED}"
            " AND d.issued_at <= ?"
            " ORDER BY d.kind = 'notice' DESC, d.issued_at DESC, d.number_year DESC, d.number_seq DESC,"
            " d.number_text DESC LIMIT 1",
            [
                inspection["enterprise_id"],
                inspection["id"],
                inspection["started_at"],
                inspection["started_at"],
            ],
        )
        if row is None:
            raise DocumentError("找不到这家单位此前的责令限期整改指令书：复查意见书须指明所复查的文书")
    if row["kind"] not in ("notice", "measures"):
        raise DocumentError(f"{row['number_text']} 不是责令限期整改指令书或现场处理措施决定书")
    if clock.local_date(row["issued_at"]) > clock.local_date(inspection["started_at"]):
        raise DocumentError(
            f"{row['number_text']} 签发于{clock.local_date(row['issued_at']).isoformat()}，"
            f"晚于这次复查（{clock.local_date(inspection['started_at']).isoformat()}）：复查意见书不能引用复查之后签发的文书"
        )
    return row


def _outcome(store: Store, inspection_id: str, problem: dict) -> dict:
    """Rectified or not, from the re-inspection's own records and the hazard's status."""
    item = problem.get("item_id") or ""
    again = item and store.row(
        "SELECT description FROM findings WHERE inspection_id=? AND item_id=? AND deleted_at IS NULL",
        [inspection_id, item],
    )
    if again:
        return {"rectified": False, "observed": again["description"]}
    passed = item and store.row(
        "SELECT 1 FROM answers WHERE inspection_id=? AND item_id=? AND result='pass' AND deleted_at IS NULL",
        [inspection_id, item],
    )
    hazard = store.row("SELECT status FROM hazards WHERE finding_id=?", [problem.get("finding_id")])
    rectified = bool(passed) or bool(hazard and hazard["status"] in ("rectified", "verified"))
    return {"rectified": rectified, "observed": ""}


def recheck(store: Store, inspection_id: str, original_id: str | None = None, outcomes: dict | None = None):
    """The re-inspection opinion on an earlier notice; ``outcomes`` maps finding ids (or item numbers)
    to ``{"rectified": bool, "observed": "…"}`` and overrides what the records say."""
    inspection = _inspection(store, inspection_id)
    content = _base(store, "recheck", inspection)
    original = _original(store, inspection, original_id)
    earlier = json.loads(original["content"])
    outcomes = outcomes or {}
    items = []
    for problem in earlier.get("problems", []):
        given = (
            outcomes.get(problem.get("finding_id"))
            or outcomes.get(problem["n"])
            or outcomes.get(str(problem["n"]))
        )
        outcome = dict(given) if given else _outcome(store, inspection_id, problem)
        items.append(
            {
                "n": problem["n"],
                "finding_id": problem.get("finding_id"),
                "text": problem_text(problem),
                "rectified": bool(outcome.get("rectified")),
                "observed": str(outcome.get("observed") or "").strip(),
            }
        )
    content["original"] = {
        "id": original["id"],
        "kind": original["kind"],
        "title": KIND_TITLES[original["kind"]],
        "number_text": original["number_text"],
        "issued_on": earlier.get("issued_on") or local_iso(original["issued_at"])[:10],
    }
    content["problems"] = items
    return content


BUILDERS = {"record": record, "notice": notice, "measures": measures, "recheck": recheck}


def build(store: Store, kind: str, inspection_id: str, **options) -> dict:
    if kind not in BUILDERS:
        raise DocumentError(f"未知的文书种类“{kind}”，应为：{'、'.join(BUILDERS)}")
    return BUILDERS[kind](store, inspection_id, **options)
