"""The register of enterprises (被检查单位)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inspector.core import sectors
from inspector.core.register import uscc
from inspector.core.store import Store

FIELDS = ("name", "code", "sector", "region", "address", "legal_rep", "legal_rep_title", "phone", "notes")

# How each field is called on forms and in messages.
LABELS = {
    "name": "单位名称",
    "code": "统一社会信用代码",
    "sector": "行业",
    "region": "所属地区",
    "address": "地址",
    "legal_rep": "法定代表人（负责人）",
    "legal_rep_title": "职务",
    "phone": "联系电话",
    "notes": "备注",
}


def unknown_sector(text: str) -> str:
    return f"未知行业“{text}”，应为：{'、'.join(sectors.SECTORS.values())}"


class EnterpriseError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass
class Checked:
    values: dict
    warnings: list[str] = field(default_factory=list)


def check(values: dict) -> Checked:
    """Normalise and validate one enterprise's fields; raise EnterpriseError naming the field."""
    clean = {k: str(values.get(k) or "").strip() for k in FIELDS}
    warnings = []
    if not clean["name"]:
        raise EnterpriseError("name", "缺少单位名称")
    if len(clean["name"]) > 100:
        raise EnterpriseError("name", "单位名称不能超过 100 个字")
    if clean["code"]:
        try:
            checked = uscc.validate(clean["code"])
        except uscc.CodeError as exc:
            raise EnterpriseError("code", str(exc)) from exc
        clean["code"] = checked.code
        if checked.warning:
            warnings.append(checked.warning)
    clean["code"] = clean["code"] or None
    sector = sectors.from_text(clean["sector"] or "general")
    if sector is None:
        raise EnterpriseError("sector", unknown_sector(clean["sector"]))
    clean["sector"] = sector
    return Checked(clean, warnings)


def code_owner(store: Store, code: str | None, exclude: str | None = None) -> dict | None:
    """The enterprise (id, name, deleted_at) holding ``code``, other than ``exclude``.

    A retired enterprise keeps its code (the unique index covers it), so it is found too.
    """
    if not code:
        return None
    return store.row(
        "SELECT id, name, deleted_at FROM enterprises WHERE code=? AND id IS NOT ?"
        " ORDER BY deleted_at IS NOT NULL LIMIT 1",
        [code, exclude],
    )


def code_clash(owner: dict) -> str:
    if owner.get("deleted_at"):
        return f"统一社会信用代码已属于已删除的单位“{owner['name']}”"
    return f"统一社会信用代码已登记为“{owner['name']}”"


def create(store: Store, values: dict) -> dict:
    checked = check(values)
    with store.transaction():  # the write lock before the read: no one takes the code in between
        owner = code_owner(store, checked.values["code"])
        if owner:
            raise EnterpriseError("code", code_clash(owner))
        return store.insert("enterprises", checked.values)


def update(store: Store, enterprise_id: str, values: dict) -> dict:
    checked = check(values)
    with store.transaction():
        owner = code_owner(store, checked.values["code"], exclude=enterprise_id)
        if owner:
            raise EnterpriseError("code", code_clash(owner))
        return store.update("enterprises", enterprise_id, checked.values)


def get(store: Store, enterprise_id: str) -> dict | None:
    return store.row("SELECT * FROM enterprises WHERE id=?", [enterprise_id])


def search(store: Store, text: str = "", limit: int | None = None, columns: str = "*") -> list[dict]:
    """Enterprises whose name or code contains ``text``, by name.

    Each space-separated word must appear in the name or the code (Latin letters in any case), so
    "塔河 煤业" and "91652822" both find 轮台县塔河煤业有限公司. ``columns`` narrows what is fetched.
    """
    if not re.fullmatch(r"[\w\s,*]+", columns):
        raise ValueError(f"not a list of columns: {columns!r}")
    sql = f"SELECT {columns} FROM enterprises WHERE deleted_at IS NULL"
    params: list = []
    for word in text.split():
        sql += " AND (instr(upper(name), upper(?)) > 0 OR instr(coalesce(code, ''), upper(?)) > 0)"
        params += [word, word]
    sql += " ORDER BY name"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.rows(sql, params)


def count(store: Store) -> int:
    return store.row("SELECT count(*) AS n FROM enterprises WHERE deleted_at IS NULL")["n"]
