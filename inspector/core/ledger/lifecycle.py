"""A hazard's lifecycle: 待整改 → 整改中 → 已整改待复查 → 已复查销号, or back to 待整改 after a re-check.

Every step is a row in ``hazard_transitions`` (who, when, why, new deadline, listing body) written in
the same audited transaction as the hazard's new state. A step the rules do not allow is refused with
:class:`LedgerError` saying why, and nothing changes.

=========  =================================  ==========================  ===========================
action     from                               to                          needs
=========  =================================  ==========================  ===========================
start      待整改                              整改中                      (a note, optional)
report     待整改, 整改中                       已整改待复查                 the enterprise's report
list       any but 已复查销号, not yet listed   unchanged, listed           body, reason, new deadline
verify     any but 已复查销号                   已复查销号                   a re-check
reject     any but 已复查销号                   待整改                      a re-check, a new deadline
=========  =================================  ==========================  ===========================

逾期 (overdue) is never stored: see :func:`is_overdue`. 挂牌督办 is lifted only by closing (verify).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from inspector.core import clock
from inspector.core.store import Store

STATUSES = ("open", "in_progress", "rectified", "verified")
STATUS_LABELS = {
    "open": "待整改",
    "in_progress": "整改中",
    "rectified": "已整改待复查",
    "verified": "已复查销号",
}
ACTIONS = ("start", "report", "list", "verify", "reject")
ACTION_LABELS = {
    "start": "开始整改",
    "report": "报告已整改",
    "list": "挂牌督办",
    "verify": "复查销号",
    "reject": "复查未整改，重新限期",
}
OPEN_STATUSES = ("open", "in_progress")  # the ones that can be overdue


class LedgerError(ValueError):
    """A ledger step is refused; ``field`` names the input at fault (when one is)."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


def is_overdue(status: str, deadline: str | None, today: date | None = None) -> bool:
    """逾期: not rectified and the deadline now in force has passed (computed, never stored)."""
    if status not in OPEN_STATUSES or not deadline:
        return False
    return date.fromisoformat(deadline) < (today or date.today())


def listing_suggested(hazard: dict, today: date | None = None) -> bool:
    """挂牌督办 is suggested for major and for overdue hazards not yet listed or closed."""
    if hazard["status"] == "verified" or hazard["listed_supervision"]:
        return False
    return hazard["grade"] == "major" or is_overdue(hazard["status"], hazard["deadline"], today)


def get(store: Store, hazard_id: str) -> dict:
    hazard = store.row("SELECT * FROM hazards WHERE id=? AND deleted_at IS NULL", [hazard_id])
    if hazard is None:
        raise LedgerError(f"没有这条隐患：{hazard_id}", "hazard")
    return hazard


def _date(value: date | str | None, field: str, what: str) -> date:
    if value is None or value == "":
        raise LedgerError(f"请填写{what}", field)
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise LedgerError(f"{what}应为日期（年-月-日），而不是“{value}”", field) from None


def _refuse_if(condition: bool, message: str, field: str = "") -> None:
    if condition:
        raise LedgerError(message, field)


def check(hazard: dict, action: str) -> None:
    """Raise :class:`LedgerError` with the reason when ``action`` is not allowed from the hazard's state."""
    status = hazard["status"]
    label = STATUS_LABELS[status]
    if action not in ACTIONS:
        raise LedgerError(f"未知的操作“{action}”，应为：{'、'.join(ACTIONS)}", "action")
    _refuse_if(
        status == "verified",
        "这条隐患已复查销号，不能再变更；如再次发现，请在检查中登记新的隐患",
    )
    if action == "start":
        _refuse_if(status != "open", f"只有待整改的隐患才能开始整改（现为{label}）")
    elif action == "report":
        _refuse_if(status == "rectified", "企业已报告整改完成，等待复查")
    elif action == "list":
        _refuse_if(bool(hazard["listed_supervision"]), "这条隐患已挂牌督办；挂牌只在复查销号时解除")


def _photos(store: Store, transition_id: str, photos: Iterable[Path]) -> None:
    photos = list(photos)
    if not photos:
        return
    from inspector.core.capture import media  # PIL loads on first use

    for position, path in enumerate(photos):
        try:
            item = media.add_file(store, Path(path))
        except media.MediaError as exc:  # inside the transition's transaction: nothing is kept
            raise LedgerError(str(exc), "photos") from exc
        store.insert(
            "ledger_media",
            {
                "owner_kind": "transition",
                "owner_id": transition_id,
                "media_id": item["id"],
                "position": position,
            },
        )


def _apply(
    store: Store,
    hazard: dict,
    action: str,
    to_status: str,
    changes: dict,
    *,
    reason: str = "",
    deadline: str | None = None,
    body: str = "",
    recheck_id: str | None = None,
    photos: Iterable[Path] = (),
) -> dict:
    with store.transaction():
        fresh = get(store, hazard["id"])
        check(fresh, action)
        transition = store.insert(
            "hazard_transitions",
            {
                "hazard_id": fresh["id"],
                "action": action,
                "from_status": fresh["status"],
                "to_status": to_status,
                "at": clock.utc_iso(),
                "actor": store.actor,
                "reason": reason,
                "deadline": deadline,
                "listing_body": body,
                "recheck_id": recheck_id,
            },
            action=f"ledger:{action}",
        )
        _photos(store, transition["id"], photos)
        store.update(
            "hazards", fresh["id"], {"status": to_status, **changes}, action=f"ledger:{action}:{reason}"
        )
    return transition


def start(store: Store, hazard_id: str, note: str = "") -> dict:
    """待整改 → 整改中 (the enterprise has begun). Returns the transition row."""
    return _apply(store, get(store, hazard_id), "start", "in_progress", {}, reason=note.strip())


def report(store: Store, hazard_id: str, report_text: str, photos: Iterable[Path] = ()) -> dict:
    """待整改/整改中 → 已整改待复查, with the enterprise's report (required) and its photos."""
    hazard = get(store, hazard_id)
    check(hazard, "report")
    _refuse_if(not report_text.strip(), "请填写企业的整改情况报告", "report")
    return _apply(
        store,
        hazard,
        "report",
        "rectified",
        {"rectified_at": clock.utc_iso()},
        reason=report_text.strip(),
        photos=photos,
    )


def list_supervision(
    store: Store, hazard_id: str, *, body: str, reason: str, deadline: date | str, today: date | None = None
) -> dict:
    """挂牌督办: set by hand with the listing body (e.g. 县安委办), a reason and a new deadline.

    The status stays as it is; the new deadline becomes the one in force. Lifted only by closing.
    """
    hazard = get(store, hazard_id)
    check(hazard, "list")
    _refuse_if(not body.strip(), "请填写挂牌督办单位（如 县安委办）", "body")
    _refuse_if(not reason.strip(), "请填写挂牌督办的理由", "reason")
    due = _date(deadline, "deadline", "督办整改期限")
    _refuse_if(due < (today or date.today()), "督办整改期限不能早于今天", "deadline")
    text = due.isoformat()
    return _apply(
        store,
        hazard,
        "list",
        hazard["status"],
        {"listed_supervision": 1, "supervision_deadline": text, "deadline": text},
        reason=reason.strip(),
        deadline=text,
        body=body.strip(),
    )


def verify(
    store: Store, hazard_id: str, recheck_id: str | None, note: str = "", on: str | None = None
) -> dict:
    """→ 已复查销号. Only a re-check closes a hazard (``recheck_id`` required); lifts 挂牌督办."""
    hazard = get(store, hazard_id)
    check(hazard, "verify")
    _refuse_if(not recheck_id, "销号须经复查：请通过复查确认整改情况", "recheck")
    now = on or clock.utc_iso()
    changes = {"verified_at": now, "listed_supervision": 0}
    if not hazard["rectified_at"]:
        changes["rectified_at"] = now  # found rectified at the re-check itself
    return _apply(store, hazard, "verify", "verified", changes, reason=note.strip(), recheck_id=recheck_id)


def reject(
    store: Store,
    hazard_id: str,
    recheck_id: str | None,
    *,
    deadline: date | str,
    note: str = "",
    today: date | None = None,
) -> dict:
    """Re-check found it not rectified: → 待整改 with a new deadline after the re-check day."""
    hazard = get(store, hazard_id)
    check(hazard, "reject")
    _refuse_if(not recheck_id, "退回待整改须经复查：请通过复查记录未整改的情况", "recheck")
    due = _date(deadline, "deadline", "新的整改期限")
    _refuse_if(due <= (today or date.today()), "新的整改期限应晚于复查日期", "deadline")
    text = due.isoformat()
    changes = {"deadline": text, "rectified_at": None}
    if hazard["listed_supervision"]:
        changes["supervision_deadline"] = text
    return _apply(
        store, hazard, "reject", "open", changes, reason=note.strip(), deadline=text, recheck_id=recheck_id
    )


def history(store: Store, hazard_id: str) -> list[dict]:
    """Every step of a hazard, oldest first, with the actor's name and the photos' media ids."""
    rows = store.rows(
        "SELECT t.*, coalesce(p.name, t.actor) AS actor_name FROM hazard_transitions t"
        " LEFT JOIN inspectors p ON p.id = t.actor"
        " WHERE t.hazard_id=? AND t.deleted_at IS NULL ORDER BY t.at, t.rowid",
        [hazard_id],
    )
    for row in rows:
        row["photos"] = [
            r["media_id"]
            for r in store.rows(
                "SELECT media_id FROM ledger_media WHERE owner_kind='transition' AND owner_id=?"
                " AND deleted_at IS NULL ORDER BY position, id",
                [row["id"]],
            )
        ]
    return rows
