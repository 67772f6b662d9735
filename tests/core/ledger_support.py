"""Helpers of the ledger tests: a workspace without demo inspections, hazards made to measure."""

from __future__ import annotations

from inspector.core import profile


def enterprise(store, name: str = "库尔勒金泰化工有限责任公司") -> dict:
    return store.row("SELECT * FROM enterprises WHERE name=?", [name])


def _snapshot(store, checklist_id: str) -> str:
    if not store.get("checklist_snapshots", checklist_id):
        store.insert(
            "checklist_snapshots",
            {
                "id": checklist_id,
                "checklist_id": checklist_id,
                "version": "1",
                "title": checklist_id,
                "sector": "general",
                "content": "{}",
                "created_at": "2026-01-01T00:00:00.000+00:00",
            },
        )
    return checklist_id


def visit(store, enterprise_id: str, started_at: str, inspector_id: str | None = None) -> dict:
    """A finished inspection started at ``started_at`` (UTC ISO) by ``inspector_id`` (default: me)."""
    me = inspector_id or profile.profile(store)["id"]
    person = store.get("inspectors", me)
    inspection = store.insert(
        "inspections",
        {
            "enterprise_id": enterprise_id,
            "kind": "例行检查",
            "status": "finished",
            "started_at": started_at,
            "finished_at": started_at,
            "created_by": me,
        },
    )
    store.insert(
        "inspection_inspectors",
        {
            "inspection_id": inspection["id"],
            "inspector_id": me,
            "name": person["name"],
            "cert_no": person["cert_no"],
            "position": 0,
        },
    )
    return inspection


def hazard(
    store,
    inspection: dict,
    *,
    item: str = "T-001",
    checklist: str = "mini",
    spot: str = "",
    description: str = "问题",
    grade: str = "general",
    deadline: str | None = "2026-03-01",
    status: str = "open",
    rectified_at: str | None = None,
    verified_at: str | None = None,
) -> dict:
    """A finding and its hazard in ``inspection``, written as the store writes them (audited)."""
    finding = store.insert(
        "findings",
        {
            "inspection_id": inspection["id"],
            "enterprise_id": inspection["enterprise_id"],
            "snapshot_id": _snapshot(store, checklist),
            "item_id": item,
            "spot": spot,
            "description": description,
            "grade": grade,
            "default_grade": grade,
            "deadline": deadline,
        },
    )
    return store.insert(
        "hazards",
        {
            "enterprise_id": inspection["enterprise_id"],
            "finding_id": finding["id"],
            "status": status,
            "grade": grade,
            "deadline": deadline,
            "rectified_at": rectified_at,
            "verified_at": verified_at,
        },
    )
