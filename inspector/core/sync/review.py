"""Conflicts to review: records both the office and the field changed, each with both versions kept.

The import already applied the written rule (:func:`rules.resolve`); here a clerk sees what each side
said, column by column, and marks the conflict reviewed. Pages by (at, id), never all rows.
"""

from __future__ import annotations

import json

from inspector.core import clock
from inspector.core.sync.report import TITLES

_IGNORED = {"updated_at"}

# The columns a clerk may see in a conflict, as the forms name them (a column not here shows its name).
COLUMN_LABELS = {
    "id": "编号",
    "name": "名称",
    "code": "统一社会信用代码",
    "sector": "行业",
    "region": "所属区域",
    "address": "地址",
    "legal_rep": "主要负责人",
    "legal_rep_title": "职务",
    "phone": "联系电话",
    "notes": "备注",
    "cert_no": "执法证号",
    "organisation": "所在单位",
    "active": "在岗",
    "kind": "类型",
    "place": "检查场所",
    "status": "状态",
    "started_at": "开始时间",
    "finished_at": "结束时间",
    "result": "结论",
    "value": "测量值",
    "note": "说明",
    "spot": "隐患部位",
    "description": "问题描述",
    "basis": "依据",
    "grade": "隐患等级",
    "default_grade": "默认等级",
    "grade_reason": "改变等级的理由",
    "major_criterion": "重大隐患判定标准",
    "deadline": "整改期限",
    "immediate_measures": "现场处理措施",
    "measured_value": "测量值",
    "listed_supervision": "挂牌督办",
    "supervision_deadline": "督办期限",
    "rectified_at": "整改完成时间",
    "verified_at": "复查销号时间",
    "caption": "照片说明",
    "checked_on": "复查日期",
    "rectified": "已整改",
    "new_deadline": "新的整改期限",
    "reason": "理由",
    "deleted_at": "删除时间",
    "created_at": "创建时间",
    "origin_device": "来源设备",
    "enterprise_id": "企业编号",
    "inspection_id": "检查编号",
    "finding_id": "问题编号",
    "hazard_id": "隐患编号",
    "recheck_id": "复查编号",
    "document_id": "文书编号",
    "item_id": "检查项",
    "issued_at": "签发时间",
    "number_text": "文号",
    "signer_name": "签名人",
    "from_status": "原状态",
    "to_status": "新状态",
    "at": "时间",
    "listing_body": "督办机关",
    "position": "顺序",
}
_YES_NO = {"active", "listed_supervision", "rectified", "refused", "is_profile"}
_GRADES = {"general": "一般事故隐患", "major": "重大事故隐患"}
_INSPECTION_STATUS = {"draft": "未结束", "finished": "已结束"}
EMPTY = "—"


def count_open(store) -> int:
    return store.conn.execute("SELECT count(*) FROM sync_conflicts WHERE reviewed_at IS NULL").fetchone()[0]


def open_conflicts(store, limit: int = 50, after: dict | None = None) -> list[dict]:
    """The oldest open conflicts first; ``after`` = the last row of the previous page."""
    sql = "SELECT * FROM sync_conflicts WHERE reviewed_at IS NULL"
    params: list = []
    if after:
        sql += " AND (at, id) > (?, ?)"
        params += [after["at"], after["id"]]
    rows = store.rows(sql + " ORDER BY at, id LIMIT ?", [*params, limit])
    for row in rows:
        row["what"] = TITLES.get(row["table_name"], row["table_name"])
        row["differences"] = differences(row)
    return rows


def differences(conflict: dict) -> list[dict]:
    """Column by column where the two versions differ: what the office had, the field sent, and was kept."""
    office = json.loads(conflict["office_version"])
    field = json.loads(conflict["field_version"])
    kept = json.loads(conflict["kept"])
    return [
        {"column": column, "office": office.get(column), "field": field.get(column), "kept": kept.get(column)}
        for column in sorted(set(office) | set(field))
        if column not in _IGNORED and office.get(column) != field.get(column)
    ]


def label(column: str) -> str:
    return COLUMN_LABELS.get(column, column)


def value_text(table: str, column: str, value) -> str:
    """A value as a clerk reads it: statuses and grades by their names, 是/否, "—" when empty."""
    from inspector.core.ledger import STATUS_LABELS

    if value is None or value == "":
        return EMPTY
    if column in _YES_NO:
        return "是" if value in (1, True, "1") else "否"
    if column in ("grade", "default_grade"):
        return _GRADES.get(value, str(value))
    if column in ("from_status", "to_status"):
        return STATUS_LABELS.get(value, str(value))
    if column == "status":
        names = STATUS_LABELS if table in ("hazards", "hazard_transitions") else _INSPECTION_STATUS
        return names.get(value, str(value))
    return str(value)


def describe_each(conflict: dict) -> list[str]:
    """One sentence per column: 字段：办公室“…”，现场“…”，保留…的."""
    table = conflict["table_name"]
    parts = []
    for d in conflict["differences"]:
        side = "办公室" if d["kept"] == d["office"] else "现场"
        office, field = (value_text(table, d["column"], d[k]) for k in ("office", "field"))
        parts.append(f"{label(d['column'])}：办公室“{office}”，现场“{field}”，保留{side}的")
    return parts


def describe(conflict: dict) -> str:
    """One line a clerk reads: each column the two sides differ in, what each said, which was kept."""
    return "；".join(describe_each(conflict))


def mark_reviewed(store, conflict_id: str) -> None:
    """Mark a conflict reviewed (once), through the audit trail."""
    with store.transaction():
        if store.row("SELECT 1 FROM sync_conflicts WHERE id=? AND reviewed_at IS NULL", [conflict_id]):
            store.update(
                "sync_conflicts", conflict_id, {"reviewed_at": clock.utc_iso()}, action="review_conflict"
            )
