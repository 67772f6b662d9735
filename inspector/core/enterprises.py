"""The register of enterprises (被检查单位)."""

from __future__ import annotations

from dataclasses import dataclass, field

from inspector.core import sectors, uscc
from inspector.core.store import Store

FIELDS = ("name", "code", "sector", "region", "address", "legal_rep", "legal_rep_title", "phone", "notes")


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
        raise EnterpriseError("sector", f"未知行业“{clean['sector']}”，应为：{'、'.join(sectors.SECTORS.values())}")
    clean["sector"] = sector
    return Checked(clean, warnings)


def _code_owner(store: Store, code: str | None, exclude: str | None = None) -> dict | None:
    if not code:
        return None
    return store.row(
        "SELECT id, name FROM enterprises WHERE code=? AND deleted_at IS NULL AND id IS NOT ?", [code, exclude]
    )


def create(store: Store, values: dict) -> dict:
    checked = check(values)
    owner = _code_owner(store, checked.values["code"])
    if owner:
        raise EnterpriseError("code", f"统一社会信用代码已登记为“{owner['name']}”")
    return store.insert("enterprises", checked.values)


def update(store: Store, enterprise_id: str, values: dict) -> dict:
    checked = check(values)
    owner = _code_owner(store, checked.values["code"], exclude=enterprise_id)
    if owner:
        raise EnterpriseError("code", f"统一社会信用代码已登记为“{owner['name']}”")
    return store.update("enterprises", enterprise_id, checked.values)


def get(store: Store, enterprise_id: str) -> dict | None:
    return store.row("SELECT * FROM enterprises WHERE id=?", [enterprise_id])


def search(store: Store, text: str = "", limit: int | None = None) -> list[dict]:
    """Enterprises whose name or code contains ``text``, by name."""
    text = text.strip()
    sql = "SELECT * FROM enterprises WHERE deleted_at IS NULL"
    params: list = []
    if text:
        sql += " AND (instr(name, ?) > 0 OR instr(upper(coalesce(code, '')), upper(?)) > 0)"
        params += [text, text]
    sql += " ORDER BY name"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.rows(sql, params)


def find_by_code_or_name(store: Store, code: str | None, name: str) -> dict | None:
    if code:
        found = store.row("SELECT * FROM enterprises WHERE code=? AND deleted_at IS NULL", [code])
        if found:
            return found
    return store.row("SELECT * FROM enterprises WHERE name=? AND deleted_at IS NULL", [name])
