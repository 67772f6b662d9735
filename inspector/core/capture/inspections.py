"""An inspection on site: who, where, which checklists, every answer, finish and amendments.

Each call commits before it returns, so whatever the screen shows as saved is on disk. A finished
inspection is changed only by an amendment with a reason, which the audit trail records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector.core import clock, profile
from inspector.core.store import Store

if TYPE_CHECKING:  # the checklist library (PyYAML, the validator) loads when a snapshot is first used
    from inspector.core.checklists.model import Checklist, Item

KINDS = ("例行检查", "专项检查", "暗访", "复工复产验收", "复查")
RESULTS = ("pass", "fail", "na")


class InspectionError(ValueError):
    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


def start(
    store: Store,
    enterprise_id: str,
    checklists: list[Checklist],
    kind: str,
    inspector_ids: list[str],
    place: str = "",
) -> dict:
    """Open a new draft inspection. The law needs at least two inspectors, each with a certificate."""
    if not store.row("SELECT 1 FROM enterprises WHERE id=? AND deleted_at IS NULL", [enterprise_id]):
        raise InspectionError("请选择被检查单位", "enterprise")
    if kind not in KINDS:
        raise InspectionError(f"检查类型应为：{'、'.join(KINDS)}", "kind")
    if not checklists:
        raise InspectionError("请至少选择一份检查表", "checklists")
    people = []
    for inspector_id in dict.fromkeys(inspector_ids):
        person = store.row("SELECT * FROM inspectors WHERE id=? AND deleted_at IS NULL", [inspector_id])
        if person is None:
            raise InspectionError(f"未知的执法人员 {inspector_id}", "inspectors")
        if not person["cert_no"].strip():
            raise InspectionError(f"{person['name']} 没有执法证号", "inspectors")
        people.append(person)
    if len(people) < 2:
        raise InspectionError(
            "执法人员不得少于两人（《行政处罚法》第四十二条）：请至少选择一名同事", "inspectors"
        )
    me = profile.profile(store)
    with store.transaction():
        inspection = store.insert(
            "inspections",
            {
                "enterprise_id": enterprise_id,
                "kind": kind,
                "place": place.strip(),
                "status": "draft",
                "started_at": clock.utc_iso(),
                "created_by": me["id"] if me else None,
            },
        )
        from inspector.core.checklists.library import snapshot_record

        for position, checklist in enumerate(checklists):
            record = snapshot_record(checklist)
            if not store.get("checklist_snapshots", record["id"]):
                store.insert("checklist_snapshots", record)
            store.insert(
                "inspection_checklists",
                {"inspection_id": inspection["id"], "snapshot_id": record["id"], "position": position},
            )
        for position, person in enumerate(people):
            store.insert(
                "inspection_inspectors",
                {
                    "inspection_id": inspection["id"],
                    "inspector_id": person["id"],
                    "name": person["name"],
                    "cert_no": person["cert_no"],
                    "position": position,
                },
            )
    return inspection


def get(store: Store, inspection_id: str) -> dict:
    found = store.row(
        "SELECT i.*, e.name AS enterprise FROM inspections i JOIN enterprises e ON e.id = i.enterprise_id"
        " WHERE i.id=?",
        [inspection_id],
    )
    if found is None:
        raise InspectionError(f"没有这次检查：{inspection_id}")
    return found


def checklists_of(store: Store, inspection_id: str) -> list[Checklist]:
    """The checklists exactly as they were when the inspection used them."""
    rows = store.rows(
        "SELECT snapshot_id FROM inspection_checklists WHERE inspection_id=? ORDER BY position",
        [inspection_id],
    )
    return [snapshot(store, row["snapshot_id"]) for row in rows]


def inspectors_of(store: Store, inspection_id: str) -> list[dict]:
    return store.rows(
        "SELECT * FROM inspection_inspectors WHERE inspection_id=? ORDER BY position", [inspection_id]
    )


def answers_of(store: Store, inspection_id: str) -> dict[tuple[str, str], dict]:
    rows = store.rows("SELECT * FROM answers WHERE inspection_id=? AND deleted_at IS NULL", [inspection_id])
    return {(row["snapshot_id"], row["item_id"]): row for row in rows}


_snapshots: dict[str, Checklist] = {}


def snapshot(store: Store, snapshot_id: str) -> Checklist:
    """A stored checklist snapshot; content-addressed and never changed, so it is cached."""
    if snapshot_id not in _snapshots:
        row = store.get("checklist_snapshots", snapshot_id)
        if row is None:
            raise InspectionError(f"没有检查表快照 {snapshot_id}")
        from inspector.core.checklists.library import from_record

        _snapshots[snapshot_id] = from_record(row)
    return _snapshots[snapshot_id]


def _item(store: Store, snapshot_id: str, item_id: str) -> Item:
    try:
        return snapshot(store, snapshot_id).item(item_id)
    except KeyError:
        raise InspectionError(f"检查表中没有条目 {item_id}") from None


def _action(inspection: dict, base: str, amendment: str | None) -> str:
    """Drafts change freely; a finished inspection only by an amendment with a reason."""
    if inspection["status"] != "finished":
        return base
    if not (amendment or "").strip():
        raise InspectionError("检查已结束：如需修改，请填写更正理由（将记入执法痕迹）", "amendment")
    return f"amend:{base}:{amendment.strip()}"


def answer(
    store: Store,
    inspection_id: str,
    snapshot_id: str,
    item_id: str,
    result: str | None = None,
    value: float | None = None,
    note: str = "",
    amendment: str | None = None,
) -> dict:
    """Record (or change) one answer. A measurement decides the result by the item's limit.

    The write lock is taken before anything is read (``BEGIN IMMEDIATE``): two first answers to the same
    item from two windows or programs become an insert and an update, never a unique-key failure.
    """
    with store.transaction():
        return _answer(store, inspection_id, snapshot_id, item_id, result, value, note, amendment)


def _answer(store, inspection_id, snapshot_id, item_id, result, value, note, amendment) -> dict:
    inspection = get(store, inspection_id)
    action = _action(inspection, "answer", amendment)
    item = _item(store, snapshot_id, item_id)
    if value is not None:
        if item.measure is None:
            raise InspectionError(f"条目 {item_id} 不是测量项，不能填写测量值", "value")
        value = float(value)
        if result != "na":
            result = "pass" if item.measure.within(value) else "fail"
    if result not in RESULTS:
        raise InspectionError("结论应为 合格、不合格 或 不适用", "result")
    if item.measure is not None and result != "na" and value is None:
        raise InspectionError(
            f"请填写{item.measure.name}的测量值（{item.measure.unit}），或判为不适用", "value"
        )
    existing = store.row(
        "SELECT * FROM answers WHERE inspection_id=? AND snapshot_id=? AND item_id=?",
        [inspection_id, snapshot_id, item_id],
    )
    changes = {
        "result": result,
        "value": value,
        "note": note,
        "answered_at": clock.utc_iso(),
        "deleted_at": None,
    }
    if existing:
        saved = store.update("answers", existing["id"], changes, action)
    else:
        saved = store.insert(
            "answers",
            {"inspection_id": inspection_id, "snapshot_id": snapshot_id, "item_id": item_id, **changes},
            action,
        )
    if result != "fail":
        _retire_finding(store, inspection_id, snapshot_id, item_id, action)
    return saved


def _retire_finding(store: Store, inspection_id: str, snapshot_id: str, item_id: str, action: str) -> None:
    finding = finding_for(store, inspection_id, snapshot_id, item_id)
    if finding:
        stamp = clock.utc_iso()
        store.update("findings", finding["id"], {"deleted_at": stamp}, action)
        for hazard in store.rows("SELECT id FROM hazards WHERE finding_id=?", [finding["id"]]):
            store.update("hazards", hazard["id"], {"deleted_at": stamp}, action)


def finding_for(store: Store, inspection_id: str, snapshot_id: str, item_id: str) -> dict | None:
    return store.row(
        "SELECT * FROM findings WHERE inspection_id=? AND snapshot_id=? AND item_id=? AND deleted_at IS NULL",
        [inspection_id, snapshot_id, item_id],
    )


def findings_of(store: Store, inspection_id: str) -> list[dict]:
    return store.rows(
        "SELECT f.* FROM findings f LEFT JOIN inspection_checklists ic"
        " ON ic.inspection_id = f.inspection_id AND ic.snapshot_id = f.snapshot_id"
        " WHERE f.inspection_id=? AND f.deleted_at IS NULL ORDER BY ic.position, f.created_at, f.rowid",
        [inspection_id],
    )


def finish(store: Store, inspection_id: str, signer=None) -> dict:
    """End the inspection; with an unlocked ``signer`` (the PIN was given) the audit head is checkpointed."""
    with store.transaction():
        inspection = get(store, inspection_id)
        if inspection["status"] == "finished":
            raise InspectionError("这次检查已经结束")
        store.update(
            "inspections", inspection_id, {"status": "finished", "finished_at": clock.utc_iso()}, "finish"
        )
    from inspector.core.store import checkpoints

    checkpoints.take_for(store, signer, "finish")
    return summary(store, inspection_id)


def drafts(store: Store) -> list[dict]:
    """Unfinished inspections, newest first: offered for resuming after a crash or restart."""
    return store.rows(
        "SELECT i.*, e.name AS enterprise FROM inspections i JOIN enterprises e ON e.id = i.enterprise_id"
        " WHERE i.status='draft' AND i.deleted_at IS NULL ORDER BY i.started_at DESC, i.rowid DESC"
    )


def summary(store: Store, inspection_id: str) -> dict:
    total = sum(len(c.items) for c in checklists_of(store, inspection_id))
    counts = store.row(
        "SELECT count(*) AS answered, sum(result='fail') AS failed FROM answers"
        " WHERE inspection_id=? AND deleted_at IS NULL",
        [inspection_id],
    )
    findings = store.row(
        "SELECT count(*) AS findings, sum(grade='major') AS major FROM findings"
        " WHERE inspection_id=? AND deleted_at IS NULL",
        [inspection_id],
    )
    photos = store.row(
        "SELECT count(*) AS n FROM finding_media fm JOIN findings f ON f.id = fm.finding_id"
        " WHERE f.inspection_id=? AND f.deleted_at IS NULL AND fm.deleted_at IS NULL",
        [inspection_id],
    )
    return {
        "items": total,
        "answered": counts["answered"] or 0,
        "failed": counts["failed"] or 0,
        "findings": findings["findings"] or 0,
        "major": findings["major"] or 0,
        "photos": photos["n"] or 0,
    }


_LISTED = (
    "SELECT i.id, i.enterprise_id, e.name AS enterprise, i.kind, i.started_at, i.finished_at, i.status,"
    " (SELECT group_concat(s.checklist_id, char(31)) FROM inspection_checklists ic"
    "   JOIN checklist_snapshots s ON s.id = ic.snapshot_id WHERE ic.inspection_id = i.id) AS checklists,"
    " (SELECT group_concat(s.title || '（' || s.version || '）', char(31)) FROM inspection_checklists ic"
    "   JOIN checklist_snapshots s ON s.id = ic.snapshot_id WHERE ic.inspection_id = i.id) AS checklist_titles,"
    " (SELECT count(*) FROM answers a WHERE a.inspection_id = i.id AND a.result='fail'"
    "   AND a.deleted_at IS NULL) AS failed,"
    " (SELECT count(*) FROM findings f WHERE f.inspection_id = i.id AND f.grade='major'"
    "   AND f.deleted_at IS NULL) AS major"
)


def _split_titles(rows: list[dict]) -> list[dict]:
    for row in rows:
        for key in ("checklists", "checklist_titles"):
            row[key] = row[key].split("\x1f") if row[key] else []
    return rows


def listing(store: Store) -> list[dict]:
    """Every inspection with its enterprise, checklist titles and counts, newest first (for scripts)."""
    rows = store.rows(
        _LISTED
        + " FROM inspections i JOIN enterprises e ON e.id = i.enterprise_id WHERE i.deleted_at IS NULL"
        " ORDER BY i.started_at DESC, i.id DESC"
    )
    return _split_titles(rows)


def page(store: Store, offset: int = 0, limit: int = 100) -> list[dict]:
    """Rows ``offset`` … ``offset + limit`` of :func:`listing`, read from the date index.

    The page is cut first (an index range on ``inspections_started``); the titles and counts are then
    looked up for those rows only.
    """
    rows = store.rows(
        _LISTED + " FROM (SELECT id FROM inspections WHERE deleted_at IS NULL"
        "   ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?) p"
        " JOIN inspections i ON i.id = p.id JOIN enterprises e ON e.id = i.enterprise_id"
        " ORDER BY i.started_at DESC, i.id DESC",
        [int(limit), int(offset)],
    )
    return _split_titles(rows)


def count(store: Store) -> int:
    """How many inspections :func:`listing` has."""
    return store.row("SELECT count(*) AS n FROM inspections WHERE deleted_at IS NULL")["n"]


def position(store: Store, inspection_id: str) -> int:
    """The row of ``inspection_id`` in :func:`listing`, or -1."""
    here = store.row(
        "SELECT started_at, id FROM inspections WHERE id=? AND deleted_at IS NULL", [inspection_id]
    )
    if here is None:
        return -1
    return store.row(
        "SELECT count(*) AS n FROM inspections WHERE deleted_at IS NULL"
        " AND (started_at > ? OR (started_at = ? AND id > ?))",
        [here["started_at"], here["started_at"], here["id"]],
    )["n"]


def open_problems(store: Store, inspection_id: str) -> dict:
    """What an inspector should look at before finishing: failures without a finding, photo or measures."""
    failed = store.rows(
        "SELECT a.snapshot_id, a.item_id, f.id AS finding_id, f.grade, f.measures,"
        " (SELECT count(*) FROM finding_media fm WHERE fm.finding_id = f.id AND fm.deleted_at IS NULL) AS photos"
        " FROM answers a LEFT JOIN findings f ON f.inspection_id = a.inspection_id"
        "   AND f.snapshot_id = a.snapshot_id AND f.item_id = a.item_id AND f.deleted_at IS NULL"
        " WHERE a.inspection_id=? AND a.result='fail' AND a.deleted_at IS NULL",
        [inspection_id],
    )
    no_photo = sum(
        1
        for row in failed
        if not row["photos"] and snapshot(store, row["snapshot_id"]).item(row["item_id"]).photo_required
    )
    items = []  # each problem by item, so the finish summary can name it and jump to it
    for row in failed:
        key = (row["snapshot_id"], row["item_id"])
        if row["finding_id"] is None:
            items.append((*key, "no_finding"))
        elif not row["photos"] and snapshot(store, row["snapshot_id"]).item(row["item_id"]).photo_required:
            items.append((*key, "no_photo"))
        if row["grade"] == "major" and not row["measures"]:  # no statutory measure chosen
            items.append((*key, "no_measures"))
    return {
        "no_finding": sum(1 for row in failed if row["finding_id"] is None),
        "no_photo": no_photo,
        "no_measures": sum(1 for row in failed if row["grade"] == "major" and not row["measures"]),
        "items": items,
    }


def overview(store: Store) -> dict:
    """The figures the home page shows: registered enterprises, this year's inspections, open hazards."""
    now = clock.now().astimezone()
    new_year = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)  # local, as shown
    return store.row(
        "SELECT (SELECT count(*) FROM enterprises WHERE deleted_at IS NULL) AS enterprises,"
        " (SELECT count(*) FROM inspections WHERE deleted_at IS NULL AND started_at >= ?) AS this_year,"
        " (SELECT count(*) FROM hazards WHERE deleted_at IS NULL AND status = 'open') AS open_hazards,"
        " (SELECT count(*) FROM hazards WHERE deleted_at IS NULL AND status = 'open' AND grade = 'major')"
        "   AS open_major",
        [clock.utc_iso(new_year)],
    )
