"""This device's identity, the inspector who uses it, and the roster of colleagues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspector.core import clock, ids
from inspector.core.store import SYSTEM_ACTOR, Store

SERIES_MAX = 999  # series n issues numbers n×1000+1 … n×1000+999


class ProfileError(ValueError):
    """A field of the profile is not acceptable; ``field`` names it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ProfileInput:
    name: str
    cert_no: str
    organisation: str
    region_abbr: str
    series_no: int = 1  # this laptop's document-number series, assigned by the office


_CERT = re.compile(r"^[0-9A-Za-z-]{4,32}$")
REGION_PATTERN = re.compile(r"^[\u4e00-\u9fff]{1,4}$")


def validate_person(name: str, cert_no: str) -> tuple[str, str]:
    name, cert_no = name.strip(), cert_no.strip()
    if not name:
        raise ProfileError("name", "请填写姓名")
    if len(name) > 20:
        raise ProfileError("name", "姓名不能超过 20 个字")
    if not _CERT.match(cert_no):
        raise ProfileError("cert_no", "执法证号应为 4–32 位数字或字母（可含“-”）")
    return name, cert_no


def normalise_region(text: str) -> str:
    """The region abbreviation of document numbers: 1–4 Chinese characters, brackets dropped (（库） → 库)."""
    region = text.strip().strip("（）()")
    if not REGION_PATTERN.match(region):
        raise ProfileError(
            "region_abbr", "地区简称应为 1–4 个汉字，例如“库”，用于文书编号（库）应急责改〔2026〕1号"
        )
    return region


def validate(data: ProfileInput) -> ProfileInput:
    name, cert_no = validate_person(data.name, data.cert_no)
    organisation = data.organisation.strip()
    if not organisation:
        raise ProfileError("organisation", "请填写所在单位，例如“××州应急管理局”")
    region = normalise_region(data.region_abbr)
    if not 1 <= int(data.series_no) <= SERIES_MAX:
        raise ProfileError("series_no", f"请填写本机编号（1–{SERIES_MAX}）：由办公室为每台电脑分配，互不相同")
    return ProfileInput(name, cert_no, organisation, region, int(data.series_no))


def is_set_up(store: Store) -> bool:
    return store.device_id is not None and store.actor != SYSTEM_ACTOR


def set_up(store: Store, data: ProfileInput, device_label: str = "", kind: str = "field") -> dict:
    """First run: create the device identity and the inspector profile, in one transaction."""
    data = validate(data)
    if is_set_up(store):
        raise ProfileError("name", "本工作区已完成首次设置")
    with store.transaction():
        device_id = ids.new_id()
        store.device_id = device_id
        store.insert(
            "device",
            {
                "id": device_id,
                "label": device_label,
                "kind": kind,
                "series_no": data.series_no,
                "created_at": clock.utc_iso(),
            },
        )
        inspector = store.insert(
            "inspectors",
            {"name": data.name, "cert_no": data.cert_no, "organisation": data.organisation, "is_profile": 1},
        )
        store.actor = inspector["id"]
        store.set_setting("office.region_abbr", data.region_abbr)
        store.set_setting("office.issuing_body", data.organisation)
    store.reload_identity()
    return inspector


def profile(store: Store) -> dict | None:
    return store.row("SELECT * FROM inspectors WHERE is_profile=1 AND deleted_at IS NULL LIMIT 1")


def device(store: Store) -> dict | None:
    return store.row("SELECT * FROM device LIMIT 1")


def roster(store: Store, active_only: bool = False) -> list[dict]:
    """Colleagues (not the profile), active first, by name."""
    where = " AND active=1" if active_only else ""
    return store.rows(
        f"SELECT * FROM inspectors WHERE is_profile=0 AND deleted_at IS NULL{where} ORDER BY active DESC, name"
    )


def set_active(store: Store, inspector_id: str, active: bool) -> dict:
    """A colleague who left stays on record (old inspections name them) but is no longer offered."""
    return store.update("inspectors", inspector_id, {"active": int(active)}, "roster")


def add_colleague(store: Store, name: str, cert_no: str, organisation: str = "") -> dict:
    name, cert_no = validate_person(name, cert_no)
    with store.transaction():
        clash = store.row("SELECT name FROM inspectors WHERE cert_no=? AND deleted_at IS NULL", [cert_no])
        if clash:
            raise ProfileError("cert_no", f"执法证号 {cert_no} 已属于 {clash['name']}")
        return store.insert(
            "inspectors",
            {"name": name, "cert_no": cert_no, "organisation": organisation.strip(), "is_profile": 0},
        )
