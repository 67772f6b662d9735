"""Field or office: chosen at first run, shown in the title, switched only deliberately; the roster.

The kind lives in the ``device`` row (``field`` or ``office``). The office's roster is its inspectors
with their public keys, and the laptops it has heard from with their numbers (document-number series).
"""

from __future__ import annotations

KINDS = ("field", "office")
LABELS = {"field": "外业", "office": "办公室"}


class WorkspaceKindError(ValueError):
    pass


def kind(store) -> str:
    row = store.row("SELECT kind FROM device LIMIT 1")
    return row["kind"] if row else "field"


def set_kind(store, new_kind: str, *, confirm: str = "") -> dict:
    """Switch the workspace's kind; ``confirm`` must repeat the new kind (a deliberate act, audited)."""
    if new_kind not in KINDS:
        raise WorkspaceKindError(f"工作区类型应为 {' 或 '.join(KINDS)}，而不是 {new_kind!r}")
    if confirm != new_kind:
        raise WorkspaceKindError(f"切换工作区类型需要确认：请再次输入 {new_kind}")
    if store.device_id is None:
        raise WorkspaceKindError("本工作区尚未完成首次设置")
    return store.update("device", store.device_id, {"kind": new_kind}, action="workspace_kind")


def roster(store) -> list[dict]:
    """Inspectors with their certificates' key ids, and the laptops (devices) each signed bundles from."""
    from inspector.core.store import checkpoints as cp

    people = store.rows(
        "SELECT id, name, cert_no, organisation, active FROM inspectors WHERE deleted_at IS NULL ORDER BY name, id"
    )
    keys: dict[str, list[str]] = {}
    for key_id, (inspector_id, _public) in cp.public_keys(store.conn).items():
        keys.setdefault(inspector_id, []).append(key_id)
    devices: dict[str, list[dict]] = {}
    for device in store.rows("SELECT * FROM sync_devices ORDER BY series_no, id"):
        devices.setdefault(device["inspector_id"] or "", []).append(device)
    for person in people:
        person["key_ids"] = sorted(keys.get(person["id"], []))
        person["devices"] = devices.get(person["id"], [])
    return people


def duplicate_numbers(store) -> list[tuple[int, list[str]]]:
    """Laptop numbers (document-number series) claimed by more than one device: their numbers collide."""
    found = []
    for series_no, device_ids in store.conn.execute(
        "SELECT series_no, group_concat(id) FROM (SELECT series_no, id FROM sync_devices"
        " WHERE kind='field' AND series_no IS NOT NULL ORDER BY id) GROUP BY series_no HAVING count(*) > 1"
        " ORDER BY series_no"
    ):
        found.append((series_no, device_ids.split(",")))
    return found


def due_for_recheck(store, limit: int = 10) -> tuple[int, list[dict]]:
    """Hazards still open (待整改, 整改中, 已整改待复查): how many, and the first ``limit`` — rectified ones
    (waiting for the re-check) first, then by deadline (listed ones' deadline is the one in force)."""
    where = "h.deleted_at IS NULL AND h.status IN ('open', 'in_progress', 'rectified')"
    total = store.conn.execute(f"SELECT count(*) FROM hazards h WHERE {where}").fetchone()[0]
    rows = store.rows(
        "SELECT h.id, h.status, h.deadline, h.listed_supervision, e.name AS enterprise, f.spot, f.description"
        " FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id JOIN findings f ON f.id = h.finding_id"
        f" WHERE {where} ORDER BY h.status = 'rectified' DESC, coalesce(h.deadline, '9999'), h.id LIMIT ?",
        [limit],
    )
    return total, rows
