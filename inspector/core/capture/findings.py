"""Findings of failed items: spot, description, photos, grade, deadline — and the hazards they open."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from inspector.core import clock, office
from inspector.core.capture import measures as statutory
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


# After 是否, words that name the bad thing itself: 「是否存在…」 fails as 「存在…」.
_NEGATIVE_AFTER = (
    "存在",
    "超",
    "占用",
    "锁闭",
    "堵塞",
    "违规",
    "违章",
    "违反",
    "擅自",
    "私拉",
    "混放",
    "出现",
    "反复",
    "被",
    "仍",
    "堆放",
    "夹带",
    "招揽",
    "积水",
    "渗漏",
    "失效",
    "急剧",
    "严重",
    "显示",
    "相互贯通",
    "大于",
    "小于",
    "低于",
    "有油污",
    "有设计以外",
    "为单回路",
    "为追赶",
    "使用淘汰",
    "使用国家明令",
    "使用已达到报废",
    "使用报废",
    "设置影响",
    "采用彩钢",
)
# After 是否, states and qualities: 「是否完好」 fails as 「不完好」.
_NOT_BEFORE = (
    "符合",
    "满足",
    "完好",
    "齐全",
    "完整",
    "一致",
    "正常",
    "畅通",
    "正确",
    "真实",
    "到位",
    "合格",
    "规范",
    "牢固",
    "稳固",
    "健全",
    "相符",
    "熟练",
    "统一",
    "连续",
    "闭环",
    "阴凉",
    "清晰",
    "明显",
    "准确",
    "充足",
    "足够",
    "合理",
    "清楚",
    "完善",
    "相适应",
    "匹配",
    "灵敏",
    "能",
    "可",
    "高于",
)
_WITHIN = re.compile(r"^在[^，；：、,;]*(?:内|范围)(?=[，；：、,;]|$)")  # 是否在有效期内 → 不在有效期内
_QUESTION_MARKS = "？?"


def _negate(after: str) -> str:
    """What follows one 是否, turned into the failed state."""
    if after.startswith(_NEGATIVE_AFTER):
        return after
    if after.startswith("不"):  # 是否不少于 → 少于
        return after[1:]
    if after.startswith("有效"):  # 是否有效执行 → 未有效执行; 保护装置是否有效 → 保护装置失效
        return "未" + after if after[2:3] in ("执", "实", "运", "落") else "失效" + after[2:]
    if after.startswith("有"):
        return "无" + after[1:]
    if after.startswith("为") and after[1:2].isascii() and after[1:2].isalpha():
        return "不是" + after[1:]
    if _WITHIN.match(after):
        return "不" + after
    if after.startswith(_NOT_BEFORE):
        return "不" + after
    return "未" + after


def draft_description(content: str) -> str:
    """The first draft of the problem from the checklist question, every 是否 turned into the failed
    state; the inspector edits it.

    ``是否设置报警装置`` → ``未设置报警装置``; ``甲烷浓度是否超限`` → ``甲烷浓度超限``;
    ``证书是否齐全，是否按期复审`` → ``证书不齐全，未按期复审``.
    """
    text = content.strip().rstrip("？?。")
    for mark in _QUESTION_MARKS:
        text = text.replace(mark, "，")
    text = re.sub(r"有无(?!关)", "有", text)  # 有无破损 → 有破损
    if "是否" not in text:
        return f"{text}不符合要求"
    parts = text.split("是否")
    return parts[0] + "".join(_negate(after) for after in parts[1:])


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
    measures=None,
    amendment: str | None = None,
) -> dict:
    """Create or update the finding of a failed item, and keep its hazard in step.

    ``measures``: the statutory immediate measures chosen (codes of :data:`measures.WORDS`); ``None``
    keeps those already recorded. ``immediate_measures`` is the free-text detail of them.
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
    chosen = None if measures is None else statutory.dump(measures)
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
    if chosen is not None:
        values["measures"] = chosen
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


def add_photo(
    store: Store, finding_id: str, path: Path | media.Prepared, amendment: str | None = None
) -> dict:
    finding = store.get("findings", finding_id)
    if finding is None or finding["deleted_at"]:
        raise InspectionError("请先保存隐患记录，再添加照片")
    action = _action(get(store, finding["inspection_id"]), "photo", amendment)
    _failed_answer(store, finding["inspection_id"], finding["snapshot_id"], finding["item_id"])
    with store.transaction():
        item = media.record(store, path) if isinstance(path, media.Prepared) else media.add_file(store, path)
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


def add_photos(
    store: Store, finding_id: str, photos, amendment: str | None = None
) -> tuple[list[dict], list[str]]:
    """(added, failures): each photo is added on its own, so a bad one never drops those after it.

    ``photos`` are paths, photos already prepared (:func:`media.prepare`, e.g. off the GUI thread) or
    the :class:`media.MediaError` that refused one there. A failure is the reason a photo was refused,
    naming its file. A problem of the finding itself (not saved, an amendment without a reason) is
    raised, as it would refuse every photo alike.
    """
    added, failures = [], []
    for photo in photos:
        if isinstance(photo, media.MediaError):
            failures.append(str(photo))
            continue
        try:
            added.append(add_photo(store, finding_id, photo, amendment))
        except media.MediaError as exc:
            failures.append(str(exc))
        except OSError as exc:
            name = photo.source.name if isinstance(photo, media.Prepared) else Path(photo).name
            failures.append(f"{name}：无法读取（{exc.strerror or exc}）")
    return added, failures


def prepare_photos(media_dir: Path, paths, progress=None) -> list:
    """Each path prepared (:func:`media.prepare`) or the :class:`media.MediaError` refusing it; no database.

    ``progress(photos done, photos)`` may raise :class:`progress.Cancelled`.
    """
    prepared = []
    for number, path in enumerate(paths):
        if progress is not None:
            progress(number, len(paths))
        try:
            prepared.append(media.prepare(Path(media_dir), Path(path)))
        except media.MediaError as exc:
            prepared.append(exc)
        except OSError as exc:
            prepared.append(media.MediaError(f"{Path(path).name}：无法读取（{exc.strerror or exc}）"))
    return prepared


def remove_photo(
    store: Store, finding_id: str, media_id: str, amendment: str | None = None, reason: str = ""
) -> None:
    """Unlink a photo from its finding; the file stays in the media store and the reason in the audit trail."""
    finding = store.get("findings", finding_id)
    base = f"photo-remove:{reason.strip()}" if reason.strip() else "photo-remove"
    action = _action(get(store, finding["inspection_id"]), base, amendment)
    with store.transaction():
        link = store.row(
            "SELECT * FROM finding_media WHERE finding_id=? AND media_id=?", [finding_id, media_id]
        )
        if link and not link["deleted_at"]:
            store.update("finding_media", link["id"], {"deleted_at": clock.utc_iso()}, action)


def rotate_photo(
    store: Store, finding_id: str, media_id: str, clockwise: bool = True, amendment: str | None = None
) -> dict:
    """Turn a photo a quarter: the original stays in the media store untouched (its hash is evidence); a
    turned copy takes its place in the finding, and both changes are in the audit trail."""
    import tempfile

    from PIL import Image, ImageOps

    finding = store.get("findings", finding_id)
    action = _action(get(store, finding["inspection_id"]), "photo-rotate", amendment)
    link = store.row(
        "SELECT * FROM finding_media WHERE finding_id=? AND media_id=? AND deleted_at IS NULL",
        [finding_id, media_id],
    )
    if link is None:
        raise InspectionError("这张照片已不在该隐患记录中", "photos")
    original = store.get("media", media_id)
    with tempfile.TemporaryDirectory(dir=media.media_root(store)) as folder:
        name = Path(original["original_name"])
        jpeg = name.suffix.lower() in (".jpg", ".jpeg")
        turned = Path(folder) / (name.name if jpeg else f"{name.stem}.png")
        with Image.open(media.path_of(store, original)) as image:
            upright = ImageOps.exif_transpose(image)
            upright = upright.transpose(
                Image.Transpose.ROTATE_270 if clockwise else Image.Transpose.ROTATE_90
            )
            if jpeg:
                upright.convert("RGB").save(turned, "JPEG", quality=95)
            else:
                upright.save(turned, "PNG")
        with store.transaction():
            item = media.add_file(store, turned)
            store.update("finding_media", link["id"], {"deleted_at": clock.utc_iso()}, action)
            again = store.row(
                "SELECT * FROM finding_media WHERE finding_id=? AND media_id=?", [finding_id, item["id"]]
            )
            if again:  # turned back to an orientation it had before
                store.update(
                    "finding_media", again["id"], {"deleted_at": None, "position": link["position"]}, action
                )
            else:
                store.insert(
                    "finding_media",
                    {"finding_id": finding_id, "media_id": item["id"], "position": link["position"]},
                    action,
                )
    return item


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
        " GROUP BY spot ORDER BY n DESC, max(created_at) DESC, spot",
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
