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


# The longest text each field may hold (characters). A sheet cell or a form past it is refused, so a
# small file cannot put a 300 MB address in the register.
MAX_LENGTH = {
    "name": 100,
    "code": 18,
    "sector": 40,
    "region": 50,
    "address": 200,
    "legal_rep": 50,
    "legal_rep_title": 30,
    "phone": 60,
    "notes": 1000,
}
# One or more numbers: digits with the usual separators, an optional +86, (0996) area codes, 转 extensions.
_NUMBER = r"[+(（]?[0-9][0-9 \-()（）]*(?:(?:转|ext\.?|#) ?[0-9]{1,6})?"
PHONE = re.compile(rf"^{_NUMBER}(?:[ ]*[,，、;；/][ ]*{_NUMBER})*$", re.IGNORECASE)
PHONE_DIGITS = (3, 40)


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
    for name, limit in MAX_LENGTH.items():
        if len(clean[name]) > limit:
            raise EnterpriseError(
                name, f"{LABELS[name]}不能超过 {limit} 个字（现有 {len(clean[name])} 个字）"
            )
    if clean["phone"]:
        digits = sum(ch.isdigit() for ch in clean["phone"])
        if not PHONE.match(clean["phone"]) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
            raise EnterpriseError(
                "phone",
                f"联系电话“{clean['phone'][:30]}”格式不对：应为电话号码，如 0996-2021234、13899012345，"
                "多个号码用顿号或逗号分隔",
            )
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


# The condition of the partial unique index on code is repeated: without it SQLite cannot use that index
# and scans the table for every row an import adds (quadratic).
CODE_OWNER_SQL = (
    "SELECT id, name, deleted_at FROM enterprises WHERE code=? AND code IS NOT NULL AND code != ''"
    " AND id IS NOT ? ORDER BY deleted_at IS NOT NULL, id LIMIT 1"
)


def code_owner(store: Store, code: str | None, exclude: str | None = None) -> dict | None:
    """The enterprise (id, name, deleted_at) holding ``code``, other than ``exclude``.

    A retired enterprise keeps its code (the unique index covers it), so it is found too.
    """
    if not code:
        return None
    return store.row(CODE_OWNER_SQL, [code, exclude])


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
    sql += " ORDER BY name, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.rows(sql, params)


def count(store: Store) -> int:
    return store.row("SELECT count(*) AS n FROM enterprises WHERE deleted_at IS NULL")["n"]
