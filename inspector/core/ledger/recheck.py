"""Re-check (复查, 回头看): visit an enterprise again, judge each open hazard, issue 整改复查意见书.

    rc = start(store, enterprise_id, [me, colleague], original="（库）应急责改〔2026〕17号")
    record(store, rc["id"], hazard_id, rectified=True, note="已更换探头", photos=[path])
    record(store, rc["id"], other_id, rectified=False, note="仍未整改", new_deadline="2026-12-31")
    options = issue_options(store, rc["id"])   # for documents.issue.preview / check_issuable
    document = finish(store, rc["id"], signatures=..., signer=...)

:func:`start` lists the enterprise's open hazards, those of the re-checked notice first, and opens a
复查 inspection (the document needs one: two inspectors, the checklists of the original visit). A
re-check dated before the notice was issued is refused. :func:`finish` issues the 整改复查意见书
through :func:`inspector.core.documents.issue.issue` (numbering, signatures, signing as for any
document), then closes (verify) or re-opens (reject, with the new deadline) each hazard. Calling it
again after an interruption completes what is missing and issues nothing twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from inspector.core import clock
from inspector.core.ledger import lifecycle
from inspector.core.ledger.lifecycle import LedgerError
from inspector.core.store import Store


def _original(store: Store, enterprise_id: str, original: str | None) -> dict:
    from inspector.core.documents import registry

    if original:
        row = registry.find(store, original)
        if row is None:
            raise LedgerError(f"没有这份文书：{original}", "original")
        newer = registry.replaced_by(store, row["id"])
        if newer is not None:
            raise LedgerError(
                f"{row['number_text']} 已被更正后的 {newer['number_text']} 取代：复查请针对 {newer['number_text']}",
                "original",
            )
    else:
        notices = store.rows(
            "SELECT d.* FROM documents d JOIN inspections i ON i.id = d.inspection_id"
            " WHERE d.kind = 'notice' AND i.enterprise_id=? AND d.deleted_at IS NULL"
            f" AND {registry.NOT_REPLACED} ORDER BY d.issued_at DESC, d.id DESC",
            [enterprise_id],
        )
        if not notices:
            raise LedgerError("这家单位没有已出具的责令限期整改指令书：复查须针对一份指令书", "original")
        # the latest notice that still has a hazard to re-check (else the latest, refused by the caller)
        row = next((d for d in notices if open_hazards(store, enterprise_id, d["id"])), notices[0])
    if row["kind"] not in ("notice", "measures"):
        raise LedgerError(f"{row['number_text']} 不是责令限期整改指令书或现场处理措施决定书", "original")
    inspection = store.row("SELECT enterprise_id FROM inspections WHERE id=?", [row["inspection_id"]])
    if inspection is None or inspection["enterprise_id"] != enterprise_id:
        raise LedgerError(f"{row['number_text']} 不是出具给这家单位的", "original")
    return row


def issued_on(document: dict) -> date:
    content = json.loads(document["content"])
    text = content.get("issued_on") or clock.local_date(document["issued_at"]).isoformat()
    return date.fromisoformat(text)


def cited(document: dict) -> list[str]:
    """The finding ids of the problems a notice (or measures decision) lists, in its order."""
    return [p.get("finding_id") for p in json.loads(document["content"]).get("problems", [])]


def open_hazards(store: Store, enterprise_id: str, original_id: str | None = None) -> list[dict]:
    """The enterprise's hazards not yet closed; with a notice, only those it lists, in its order.

    A re-check answers one notice: its 整改复查意见书 lists that notice's problems, so it can close only
    those (a hazard of another notice is re-checked against that notice)."""
    first: list[str] = []
    if original_id:
        first = cited(store.get("documents", original_id))
    rows = store.rows(
        "SELECT h.*, f.spot, f.description, f.inspection_id, i.started_at FROM hazards h"
        " JOIN findings f ON f.id = h.finding_id JOIN inspections i ON i.id = f.inspection_id"
        " WHERE h.enterprise_id=? AND h.status != 'verified' AND h.deleted_at IS NULL AND f.deleted_at IS NULL"
        " ORDER BY i.started_at, f.created_at, h.id",
        [enterprise_id],
    )
    if not original_id:
        return rows
    rank = {finding_id: n for n, finding_id in enumerate(first)}
    return sorted((r for r in rows if r["finding_id"] in rank), key=lambda r: rank[r["finding_id"]])


def start(
    store: Store,
    enterprise_id: str,
    inspector_ids: list[str],
    *,
    original: str | None = None,
    place: str = "",
) -> dict:
    """Open a re-check of an enterprise (today) against a notice (id or number; default: its latest).

    Returns the ``rechecks`` row with ``items`` (see :func:`items`). Refused when the enterprise has no
    open hazard, or when today is before the notice's issue date.
    """
    from inspector.core.capture import inspections

    waiting = draft_of(store, enterprise_id)
    if waiting is not None:
        if original and _original(store, enterprise_id, original)["id"] != waiting["original_id"]:
            raise LedgerError(
                f"这家单位还有一次未完成的复查（针对 {waiting['original_number']}，{waiting['checked_on']}）："
                "请先完成或放弃它",
                "recheck",
            )
        return waiting
    document = _original(store, enterprise_id, original)
    today = clock.now().astimezone().date()
    if today < issued_on(document):
        raise LedgerError(
            f"复查日期 {today.isoformat()} 不能早于 {document['number_text']} 的出具日期"
            f" {issued_on(document).isoformat()}",
            "checked_on",
        )
    hazards = open_hazards(store, enterprise_id, document["id"])
    if not hazards:
        raise LedgerError(f"{document['number_text']} 所列的隐患都已复查销号：没有待复查的隐患", "hazards")
    try:
        checklists = inspections.checklists_of(store, document["inspection_id"])
        with store.transaction():
            visit = inspections.start(store, enterprise_id, checklists, "复查", inspector_ids, place)
            row = store.insert(
                "rechecks",
                {
                    "enterprise_id": enterprise_id,
                    "inspection_id": visit["id"],
                    "original_id": document["id"],
                    "status": "draft",
                    "checked_on": today.isoformat(),
                },
                action="recheck:start",
            )
            for position, hazard in enumerate(hazards):
                store.insert(
                    "recheck_items",
                    {"recheck_id": row["id"], "hazard_id": hazard["id"], "position": position},
                    action="recheck:start",
                )
    except inspections.InspectionError as exc:
        raise LedgerError(str(exc), exc.field) from exc
    return get(store, row["id"])


def draft_of(store: Store, enterprise_id: str) -> dict | None:
    """The enterprise's unfinished re-check (with its items and saved outcomes), if there is one."""
    row = store.row(
        "SELECT id FROM rechecks WHERE enterprise_id=? AND status='draft' AND deleted_at IS NULL"
        " ORDER BY created_at DESC, id DESC LIMIT 1",
        [enterprise_id],
    )
    return get(store, row["id"]) if row else None


def discard(store: Store, recheck_id: str, reason: str) -> None:
    """Give up an unfinished re-check: it, its outcomes and its 复查 visit are retired (audited, with the
    reason). Refused once its 整改复查意见书 has been issued."""
    recheck = _draft(store, recheck_id)
    if not reason.strip():
        raise LedgerError("请填写放弃这次复查的理由（将记入执法痕迹）", "reason")
    if store.row(
        "SELECT 1 FROM documents WHERE inspection_id=? AND kind='recheck' AND deleted_at IS NULL",
        [recheck["inspection_id"]],
    ):
        raise LedgerError("这次复查的整改复查意见书已经出具，不能放弃", "recheck")
    at = clock.utc_iso()
    action = f"recheck:discard:{reason.strip()}"
    with store.transaction():
        for item in recheck["items"]:
            store.update("recheck_items", item["item_id"], {"deleted_at": at}, action=action)
        store.update("rechecks", recheck_id, {"deleted_at": at}, action=action)
        store.update("inspections", recheck["inspection_id"], {"deleted_at": at}, action=action)


def _closed_elsewhere(store: Store, recheck_id: str, item: dict) -> bool:
    """Closed (已复查销号), and not by this re-check."""
    return item["status"] == "verified" and not store.row(
        "SELECT 1 FROM hazard_transitions WHERE hazard_id=? AND recheck_id=? AND deleted_at IS NULL",
        [item["hazard_id"], recheck_id],
    )


def _refuse_closed(item: dict) -> None:
    raise LedgerError(
        f"隐患“{item['spot']}{item['description']}”已在另一次复查中销号：本次复查不能再对它作出结论，"
        "请放弃这份复查草稿后重新开始",
        "hazard",
    )


def get(store: Store, recheck_id: str) -> dict:
    row = store.row("SELECT * FROM rechecks WHERE id=? AND deleted_at IS NULL", [recheck_id])
    if row is None:
        raise LedgerError(f"没有这次复查：{recheck_id}", "recheck")
    row["items"] = items(store, recheck_id)
    document = store.row("SELECT number_text FROM documents WHERE id=?", [row["original_id"]])
    row["original_number"] = document["number_text"] if document else ""
    return row


def items(store: Store, recheck_id: str) -> list[dict]:
    """The hazards of a re-check in order: hazard fields, ``rectified`` (None until judged), ``note``,
    ``new_deadline``, ``photos`` (media ids)."""
    rows = store.rows(
        "SELECT ri.id AS item_id, ri.hazard_id, ri.position, ri.rectified, ri.note, ri.new_deadline,"
        " h.status, h.grade, h.deadline, h.listed_supervision, h.finding_id, f.spot, f.description"
        " FROM recheck_items ri JOIN hazards h ON h.id = ri.hazard_id JOIN findings f ON f.id = h.finding_id"
        " WHERE ri.recheck_id=? AND ri.deleted_at IS NULL ORDER BY ri.position, ri.id",
        [recheck_id],
    )
    for row in rows:
        row["rectified"] = None if row["rectified"] is None else bool(row["rectified"])
        row["photos"] = [
            r["media_id"]
            for r in store.rows(
                "SELECT media_id FROM ledger_media WHERE owner_kind='recheck_item' AND owner_id=?"
                " AND deleted_at IS NULL ORDER BY position, id",
                [row["item_id"]],
            )
        ]
    return rows


def _draft(store: Store, recheck_id: str) -> dict:
    row = get(store, recheck_id)
    if row["status"] != "draft":
        raise LedgerError("这次复查已经结束，不能再修改", "recheck")
    return row


def record(
    store: Store,
    recheck_id: str,
    hazard_id: str,
    *,
    rectified: bool,
    note: str = "",
    new_deadline: date | str | None = None,
    photos: Iterable[Path] = (),
) -> dict:
    """Record one hazard's outcome (again, if it changes). Not rectified needs a new deadline after the
    re-check day; photos are added to those already recorded."""
    recheck = _draft(store, recheck_id)
    item = next((i for i in recheck["items"] if i["hazard_id"] == hazard_id), None)
    if item is None:
        raise LedgerError("这条隐患不在本次复查中", "hazard")
    if _closed_elsewhere(store, recheck_id, item):
        _refuse_closed(item)
    deadline = None
    if not rectified:
        due = lifecycle._date(new_deadline, "new_deadline", "新的整改期限")
        if due <= date.fromisoformat(recheck["checked_on"]):
            raise LedgerError("新的整改期限应晚于复查日期", "new_deadline")
        deadline = due.isoformat()
    photos = list(photos)
    with store.transaction():
        store.update(
            "recheck_items",
            item["item_id"],
            {"rectified": int(bool(rectified)), "note": note.strip(), "new_deadline": deadline},
            action="recheck:record",
        )
        if photos:
            from inspector.core.capture import media

            start_at = len(item["photos"])
            for offset, path in enumerate(photos):
                try:
                    added = media.add_file(store, Path(path))
                except media.MediaError as exc:  # the transaction is undone: nothing recorded
                    raise LedgerError(str(exc), "photos") from exc
                if added["id"] in item["photos"]:
                    continue
                store.insert(
                    "ledger_media",
                    {
                        "owner_kind": "recheck_item",
                        "owner_id": item["item_id"],
                        "media_id": added["id"],
                        "position": start_at + offset,
                    },
                    action="recheck:photo",
                )
    return next(i for i in items(store, recheck_id) if i["hazard_id"] == hazard_id)


def issue_options(store: Store, recheck_id: str) -> dict:
    """What the document window needs: ``kind``, ``inspection_id`` and the content ``options``
    (``original_id``, ``outcomes``) for ``issue.preview`` / ``issue.check_issuable`` / ``issue.issue``.

    The 复查 visit is finished first (documents are built from finished inspections only); outcomes
    can still be recorded afterwards, and the options asked for again. After the window has issued the
    document, call :func:`apply_outcomes` with its id. Refused when a hazard of the re-check has been
    closed by another one since (the opinion would contradict the ledger)."""
    recheck = get(store, recheck_id)
    for item in recheck["items"]:
        if recheck["status"] == "draft" and _closed_elsewhere(store, recheck_id, item):
            _refuse_closed(item)
    close_visit(store, recheck_id)
    recheck = get(store, recheck_id)
    outcomes = {
        item["finding_id"]: {"rectified": bool(item["rectified"]), "observed": _observed(item)}
        for item in recheck["items"]
        if item["rectified"] is not None
    }
    return {
        "kind": "recheck",
        "inspection_id": recheck["inspection_id"],
        "options": {"original_id": recheck["original_id"], "outcomes": outcomes},
    }


def _observed(item: dict) -> str:
    """The note as the opinion prints it after 「复查情况：已整改」: a note that only repeats the verdict
    would print it twice, so it is left out."""
    note = item["note"].strip().rstrip("。")
    return "" if note in ("已整改", "未整改", "已整改完毕", "整改完毕") else item["note"].strip()


def ready(store: Store, recheck_id: str) -> None:
    """Raise :class:`LedgerError` unless every hazard has been judged (and none closed since)."""
    recheck = get(store, recheck_id)
    for item in recheck["items"]:
        if recheck["status"] == "draft" and _closed_elsewhere(store, recheck_id, item):
            _refuse_closed(item)
    missing = [i for i in recheck["items"] if i["rectified"] is None]
    if missing:
        first = missing[0]
        raise LedgerError(
            f"还有 {len(missing)} 条隐患未填写复查结论（如：{first['spot']}{first['description']}）", "items"
        )


def close_visit(store: Store, recheck_id: str) -> None:
    """Finish the 复查 inspection so that its document can be issued (idempotent)."""
    from inspector.core.capture import inspections

    recheck = get(store, recheck_id)
    visit = inspections.get(store, recheck["inspection_id"])
    if visit["status"] != "finished":
        inspections.finish(store, visit["id"])


def finish(store: Store, recheck_id: str, *, signatures=None, signer=None) -> dict:
    """Issue the 整改复查意见书 (or take the one already issued) and move every hazard; returns the
    document row. Rectified hazards are closed (已复查销号, 挂牌督办 lifted); the others go back to 待整改
    with their new deadline."""
    from inspector.core.documents import DocumentError
    from inspector.core.documents import issue as issue_document

    recheck = get(store, recheck_id)
    if recheck["status"] == "finished":
        return store.get("documents", recheck["document_id"])
    ready(store, recheck_id)
    close_visit(store, recheck_id)
    options = issue_options(store, recheck_id)
    try:
        document = issue_document(
            store,
            "recheck",
            recheck["inspection_id"],
            signatures=signatures,
            signer=signer,
            **options["options"],
        )
    except DocumentError as exc:
        raise LedgerError(str(exc), "document") from exc
    apply_outcomes(store, recheck_id, document["id"])
    return document


def apply_outcomes(store: Store, recheck_id: str, document_id: str) -> None:
    """Move each hazard by its recorded outcome and mark the re-check finished (one transaction).

    For a document issued elsewhere (the app's document window): call this with its id."""
    recheck = get(store, recheck_id)
    if recheck["status"] == "finished":
        return
    ready(store, recheck_id)
    at = clock.utc_iso()
    today = date.fromisoformat(recheck["checked_on"])
    document = store.get("documents", document_id)
    said = set(cited({"content": document["content"]})) if document else set()
    with store.transaction():
        for item in recheck["items"]:
            if item["finding_id"] not in said:
                continue  # nothing is closed or re-opened without a document that says so
            done = store.row(
                "SELECT 1 FROM hazard_transitions WHERE hazard_id=? AND recheck_id=? AND deleted_at IS NULL",
                [item["hazard_id"], recheck_id],
            )
            if done or item["status"] == "verified":
                continue
            if item["rectified"]:
                lifecycle.verify(store, item["hazard_id"], recheck_id, note=item["note"], on=at)
            else:
                lifecycle.reject(
                    store,
                    item["hazard_id"],
                    recheck_id,
                    deadline=item["new_deadline"],
                    note=item["note"],
                    today=today,
                )
        store.update(
            "rechecks",
            recheck_id,
            {"status": "finished", "document_id": document_id},
            action="recheck:finish",
        )
