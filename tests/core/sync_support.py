"""Helpers of the sync tests: several workspaces (laptops, offices) side by side in one data folder."""

from __future__ import annotations

import hashlib
import itertools

from inspector.core import canonical, demo, profile, signing
from inspector.core.store import Store, paths
from inspector.core.sync import rules

PIN = "246810"
_series = itertools.count(1)


def workspace_store(name: str, kind: str, person: str, cert_no: str, series_no: int | None = None) -> Store:
    """A set-up workspace of ``kind`` whose profile inspector has signing keys (PIN ``PIN``)."""
    store = Store.open(paths.workspace(name).ensure())
    profile.set_up(
        store,
        profile.ProfileInput(person, cert_no, "库尔勒市应急管理局", "库", series_no or next(_series)),
        device_label=name,
        kind=kind,
    )
    signing.ensure_key(store, profile.profile(store)["id"], PIN)
    return store


def office_with_register(name: str = "office") -> Store:
    from inspector.core.register import enterprises
    from tests.core.test_documents_support import set_office

    store = workspace_store(name, "office", "王文员", "OFFICE-001")
    for values in demo.ENTERPRISES:
        enterprises.create(store, values)
    set_office(store)
    return store


def content_digest(store: Store) -> str:
    """Every travelling record and what is held of other devices' chains: "the same office database"."""
    parts = []
    for table in rules.TABLES:
        rows = store.rows(f"SELECT * FROM {table} ORDER BY id")
        parts.append([rules.shared(table, r) for r in rows])
    parts.append(store.rows("SELECT device_id, seq, hash FROM sync_audit ORDER BY device_id, seq"))
    parts.append(store.rows("SELECT id, last_seq, last_hash FROM sync_devices ORDER BY id"))
    parts.append(store.rows("SELECT id FROM sync_checkpoints ORDER BY id"))
    return canonical.digest(parts)


def dump_hash(store: Store) -> str:
    """The whole database as SQL text, hashed: byte-identical or not."""
    digest = hashlib.sha256()
    for line in store.conn.iterdump():
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()
