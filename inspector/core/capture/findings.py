"""Findings of failed items: spot, description, photos, grade, deadline — and the hazards they open."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from inspector.core import clock, office
from inspector.core.capture import media
from inspector.core.capture.inspections import InspectionError, _action, _item, finding_for, get
from inspector.core.ledger import repeats as repeat_rule
from inspector.core.store import Store

GRADES = ("general", "major")
GRADE_LABELS = {"general": "一般事故隐患", "major": "重大事故隐患"}


def default_grade(item) -> str:
    return "major" if item.major is not None else "general"


def deadline_after(settings: office.OfficeSettings, grade: str, day: date) -> date:
    """The default rectification deadline of a hazard of this grade found on ``day``."""
    days = settings.major_deadline_days if grade == "major" else settings.general_deadline_days
    return day + timedelta(days=int(days))


def default_deadline(store: Store, grade: str, today: date | None = None) -> date:
    return deadline_after(office.load(store), grade, today or date.today())


_NEGATIVE_AFTER = (
    "存在",
    "超",
    "有",
    "使用",
    "占用",
    "锁闭",
    "堵塞",
    "违规",
    "违章",
    "擅自",
    "私拉",
    "混放",
    "出现",
)


def draft_description(content: str) -> str:
    """The first draft of the problem from the checklist question; the inspector edits it.

    ``是否设置报警装置`` → ``未设置报警装置``; ``甲烷浓度是否超限`` → ``甲烷浓度超限``.
    """
    text = content.strip().rstrip("？?。")
    if "是否" not in text:
        return f"{text}不符合要求"
    before, after = text.split("是否", 1)
    if after.startswith(_NEGATIVE_AFTER):
        return f"{before}{after}"
    return f"{before}未{after}"


def _failed_answer(store: Store, inspection_id: str, snapshot_id: str, item_id: str) -> dict:
    answer = store.row(
        "SELECT * FROM answers WHERE inspection_id=? AND snapshot_id=? AND item_id=? AND deleted_at IS NULL",
        [inspection_id, snapshot_id, item_id],
    )
    if answer is None or answer["result"] != "fail":
        raise InspectionError("只有判为不合格的检查项才能登记隐患", "result")
    return answer


def record(store: Store, *args, **kwargs) -> dict:
    """:func:`_record` with the write lock taken before its first read (``BEGIN IMMEDIATE``)."""
    with store.transaction():
        return _record(store, *args, **kwargs)


def _record(
    store: Store,
    inspection_id: str,
    snapshot_id: str,
    item_id: str,
    *,
    spot: str,
    description: str,
    grade: str | None = None,
    grade_reason: str = "",
    deadline: date | str | None = None,
    immediate_measures: str = "",
    amendment: str | None = None,
) -> dict:
    """Create or update the finding of a failed item, and keep its hazard in step.

    The measured value, if any, is the failed answer's: one reading, recorded once.
    """
    inspection = get(store, inspection_id)
    action = _action(inspection, "finding", amendment)
    item = _item(store, snapshot_id, item_id)
    answer = _failed_answer(store, inspection_id, snapshot_id, item_id)
    expected = default_grade(item)
    grade = grade or expected
    if grade not in GRADES:
        raise InspectionError("隐患等级应为 一般 或 重大", "grade")
    if grade != expected and not grade_reason.strip():
        raise InspectionError(
            f"本条默认为{GRADE_LABELS[expected]}，改为{GRADE_LABELS[grade]}须写明理由", "grade_reason"
        )
    if not spot.strip():
        raise InspectionError("请填写隐患部位", "spot")
    if not description.strip():
        raise InspectionError("请填写问题描述", "description")
    if deadline is None:
        deadline = default_deadline(store, grade)
    deadline_text = deadline if isinstance(deadline, str) else deadline.isoformat()
    try:
        due = date.fromisoformat(deadline_text)
    except ValueError as exc:
        raise InspectionError("整改期限应为日期（年-月-日）", "deadline") from exc
    if due < clock.local_date(inspection["started_at"]):
        raise InspectionError("整改期限不能早于检查日期", "deadline")
    values = {
        "spot": spot.strip(),
        "description": description.strip(),
        "basis": item.basis_text(),
        "grade": grade,
        "default_grade": expected,
        "grade_reason": grade_reason.strip() if grade != expected else "",
        "major_criterion": item.major_text() if item.major is not None else "",
        "deadline": deadline_text,
        "immediate_measures": immediate_measures.strip(),
        "measured_value": answer["value"],
    }
    hazard_values = {"grade": grade, "deadline": deadline_text}
    if grade != expected:  # the audit trail keeps every override and its reason, even if later undone
        action = f"{action}|grade:{grade}:{values['grade_reason']}"
    with store.transaction():
        existing = finding_for(store, inspection_id, snapshot_id, item_id)
        if existing:
            finding = store.update("findings", existing["id"], values, action)
            hazard = store.row("SELECT id FROM hazards WHERE finding_id=?", [existing["id"]])
            if hazard:
                store.update("hazards", hazard["id"], hazard_values, action)
        else:
            finding = store.insert(
                "findings",
                {
                    "inspection_id": inspection_id,
                    "enterprise_id": inspection["enterprise_id"],
                    "snapshot_id": snapshot_id,
                    "item_id": item_id,
                    **values,
                },
                action,
            )
            store.insert(
                "hazards",
                {
                    "enterprise_id": inspection["enterprise_id"],
                    "finding_id": finding["id"],
                    "status": "open",
                    **hazard_values,
                },
                action,
            )
    return finding


def add_photo(store: Store, finding_id: str, path: Path, amendment: str | None = None) -> dict:
    finding = store.get("findings", finding_id)
    if finding is None or finding["deleted_at"]:
        raise InspectionError("请先保存隐患记录，再添加照片")
    action = _action(get(store, finding["inspection_id"]), "photo", amendment)
    _failed_answer(store, finding["inspection_id"], finding["snapshot_id"], finding["item_id"])
    with store.transaction():
        item = media.add_file(store, path)
        link = store.row(
            "SELECT * FROM finding_media WHERE finding_id=? AND media_id=?", [finding_id, item["id"]]
        )
        if link and not link["deleted_at"]:
            return item
        position = store.row(
            "SELECT coalesce(max(position), -1) + 1 AS p FROM finding_media WHERE finding_id=?", [finding_id]
        )["p"]
        if link:
            store.update("finding_media", link["id"], {"deleted_at": None, "position": position}, action)
        else:
            store.insert(
                "finding_media",
                {"finding_id": finding_id, "media_id": item["id"], "position": position},
                action,
            )
    return item


def remove_photo(store: Store, finding_id: str, media_id: str, amendment: str | None = None) -> None:
    finding = store.get("findings", finding_id)
    action = _action(get(store, finding["inspection_id"]), "photo-remove", amendment)
    with store.transaction():
        link = store.row(
            "SELECT * FROM finding_media WHERE finding_id=? AND media_id=?", [finding_id, media_id]
        )
        if link and not link["deleted_at"]:
            store.update("finding_media", link["id"], {"deleted_at": clock.utc_iso()}, action)


def photos(store: Store, finding_id: str) -> list[dict]:
    return store.rows(
        "SELECT m.* FROM finding_media fm JOIN media m ON m.id = fm.media_id"
        " WHERE fm.finding_id=? AND fm.deleted_at IS NULL ORDER BY fm.position",
        [finding_id],
    )


def earlier_spots(store: Store, enterprise_id: str) -> list[str]:
    """Spots recorded at this enterprise before, most used first (offered while typing)."""
    rows = store.rows(
        "SELECT spot, count(*) AS n FROM findings WHERE enterprise_id=? AND deleted_at IS NULL AND spot != ''"
        " GROUP BY spot ORDER BY n DESC, max(created_at) DESC",
        [enterprise_id],
    )
    return [row["spot"] for row in rows]


def repeats(store: Store, inspection_id: str, snapshot_id: str, item_id: str, spot: str = "") -> list[dict]:
    """Earlier findings at this enterprise of the same checklist item or at the same spot.

    对一个部位多次出现相同隐患的，要严肃追究责任: a repeat must be visible the moment it is found. The rule
    (and its window) is the ledger's: :func:`inspector.core.ledger.repeats.earlier`.
    """
    inspection = get(store, inspection_id)
    snapshot = store.get("checklist_snapshots", snapshot_id)
    return repeat_rule.earlier(
        store,
        inspection["enterprise_id"],
        checklist_id=snapshot["checklist_id"] if snapshot else None,
        item_id=item_id,
        spot=spot,
        found_at=inspection["started_at"],
        exclude_inspection=inspection_id,
    )
