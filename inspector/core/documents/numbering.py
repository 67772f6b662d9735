"""Document numbers: one sequence per kind and year, split into per-device blocks.

Laptops issue numbers offline, so each device draws only from its own blocks (``number_blocks``).
Unless the office has set a block for a kind and year, a device with series *n* uses
``n*1000+1 … n*1000+999``. :func:`take_number` must run inside the same ``store.transaction()`` that
inserts the document: the block's ``next`` and the document commit together or not at all, so a crash
never skips a number and never hands one out twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector.core import clock, office
from inspector.core.store import Store

KIND_CODES = {"record": "应急检记", "notice": "应急责改", "measures": "应急现决", "recheck": "应急复查"}
KIND_TITLES = {
    "record": "现场检查记录",
    "notice": "责令限期整改指令书",
    "measures": "现场处理措施决定书",
    "recheck": "整改复查意见书",
}
BLOCK_SIZE = 1000


class NumberingError(ValueError):
    pass


@dataclass(frozen=True)
class Number:
    kind: str
    year: int
    seq: int
    text: str


def _check_kind(kind: str) -> str:
    if kind not in KIND_CODES:
        raise NumberingError(f"未知的文书种类“{kind}”，应为：{'、'.join(KIND_CODES)}")
    return KIND_CODES[kind]


def format_number(region: str, kind: str, year: int | str, seq: int | str) -> str:
    """``format_number("库", "notice", 2026, 17)`` → ``（库）应急责改〔2026〕17号``."""
    code = _check_kind(kind)
    region = (region or "").strip().strip("（）()")
    return f"（{region}）{code}〔{year}〕{seq}号"


def default_block(series_no: int) -> tuple[int, int]:
    if series_no < 0:
        raise NumberingError("设备编号序列不能为负数")
    first = series_no * BLOCK_SIZE + 1
    return first, first + BLOCK_SIZE - 2


def _device(store: Store, device_id: str | None = None) -> dict:
    device_id = device_id or store.device_id
    row = store.row("SELECT * FROM device WHERE id=?", [device_id]) if device_id else None
    if row is None:
        raise NumberingError("本机尚未初始化（缺少设备标识），无法编号")
    return row


def blocks(store: Store, device_id: str | None = None, kind: str | None = None, year: int | None = None):
    """This device's blocks, by kind, year and first number."""
    sql, params = "SELECT * FROM number_blocks WHERE device_id=?", [_device(store, device_id)["id"]]
    if kind:
        sql, params = sql + " AND doc_kind=?", [*params, kind]
    if year:
        sql, params = sql + " AND year=?", [*params, int(year)]
    return store.rows(sql + " ORDER BY doc_kind, year, first", params)


def take_number(store: Store, kind: str, year: int, region: str | None = None) -> Number:
    """Take the next number of this device for ``kind`` and ``year`` (inside the caller's transaction).

    ``region`` defaults to the office's region abbreviation.
    """
    _check_kind(kind)
    if not getattr(store, "_depth", 0):
        raise NumberingError("take_number 必须在保存文书的同一事务中调用（store.transaction()）")
    if region is None:
        region = office.load(store).region_abbr
    if not (region or "").strip():
        raise NumberingError("尚未设置地区简称，无法生成文书编号（办公室设置 → 地区简称）")
    device = _device(store)
    existing = blocks(store, device["id"], kind, year)
    if not existing:
        first, last = default_block(int(device["series_no"]))
        existing = [
            store.insert(
                "number_blocks",
                {
                    "device_id": device["id"],
                    "doc_kind": kind,
                    "year": int(year),
                    "first": first,
                    "last": last,
                    "next": first,
                },
                action="number_block",
            )
        ]
    open_blocks = [b for b in existing if b["next"] <= b["last"]]
    if not open_blocks:
        raise NumberingError(
            f"本机 {year} 年“{KIND_TITLES[kind]}”的编号段已用完，请由办公室在设置中为本机分配新的编号段"
        )
    block = open_blocks[0]
    seq = int(block["next"])
    store.update("number_blocks", block["id"], {"next": seq + 1}, action="take_number")
    return Number(kind, int(year), seq, format_number(region, kind, year, seq))


def used_range(block: dict) -> tuple[int, int] | None:
    return (block["first"], block["next"] - 1) if block["next"] > block["first"] else None


def set_block(
    store: Store, kind: str, year: int, first: int, last: int, device_id: str | None = None
) -> dict:
    """The office gives a device the block ``first … last`` for ``kind`` and ``year``.

    The unused rest of the device's earlier blocks for that kind and year is given up, so the new
    block is used from now on. Numbers already issued are never handed out again: the new block may
    not overlap them, nor any document number this workspace already holds.
    """
    _check_kind(kind)
    first, last, year = int(first), int(last), int(year)
    if first < 1 or last < first:
        raise NumberingError("编号段应为正整数，且起始号不大于终止号")
    device = _device(store, device_id)
    with store.transaction():
        issued = store.row(
            "SELECT number_text FROM documents WHERE kind=? AND number_year=? AND number_seq BETWEEN ? AND ?"
            " LIMIT 1",
            [kind, year, first, last],
        )
        if issued:
            raise NumberingError(f"编号段 {first}–{last} 与已出具的文书 {issued['number_text']} 重叠")
        current = blocks(store, device["id"], kind, year)
        for block in current:
            used = used_range(block)
            if used and used[0] <= last and first <= used[1]:
                raise NumberingError(f"编号段 {first}–{last} 与本机已用的 {used[0]}–{used[1]} 号重叠")
        reused = None
        for block in current:
            if block["first"] == first and used_range(block) is None:
                reused = block
            elif block["next"] <= block["last"]:
                store.update("number_blocks", block["id"], {"last": block["next"] - 1}, action="number_block")
        if reused:
            return store.update(
                "number_blocks", reused["id"], {"last": last, "next": first}, action="number_block"
            )
        if any(b["first"] == first for b in current):
            raise NumberingError(f"编号段起始号 {first} 已被本机使用过，请换一个起始号")
        return store.insert(
            "number_blocks",
            {
                "device_id": device["id"],
                "doc_kind": kind,
                "year": year,
                "first": first,
                "last": last,
                "next": first,
                "created_at": clock.utc_iso(),
            },
            action="number_block",
        )


def set_series(store: Store, series_no: int, device_id: str | None = None) -> dict:
    """The office gives a device its series; it applies to kinds and years without a block yet."""
    if int(series_no) < 0:
        raise NumberingError("设备编号序列不能为负数")
    device = _device(store, device_id)
    return store.update("device", device["id"], {"series_no": int(series_no)}, action="series")


def current_year() -> int:
    return clock.now().astimezone().year


def series_in_use(store: Store) -> dict:
    """What changing this device's series would touch: the numbers it already took (from its own blocks, a
    small table: no scan of the documents) and the blocks (kind, year) that keep numbering as they are."""
    device = _device(store)
    used = [b for b in blocks(store, device["id"]) if used_range(b)]
    example = ""
    if used:
        last = max(used, key=lambda b: (b["year"], b["next"], b["doc_kind"]))
        region = office.load(store).region_abbr
        example = format_number(region, last["doc_kind"], last["year"], last["next"] - 1) if region else ""
    return {"issued": sum(b["next"] - b["first"] for b in used), "example": example, "blocks": used}
