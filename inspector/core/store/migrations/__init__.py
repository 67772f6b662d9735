"""Ordered, named schema steps. Each runs in one transaction together with the record of it.

One module per step (or per pair of early steps), applied in the order they are imported below. Never edit
a step that has shipped: add a new module and import it last. ``tests/core/data/schema_0001.db`` is a
database saved at the first step; a test upgrades it to the newest.
"""

from __future__ import annotations

import importlib

from inspector.core.store.migrations._registry import Registry

MIGRATION_SET = "inspector"
# Steps register here (``@migrations(name=…)``, as with sqlite-utils' ``Migrations``); sqlite-utils itself is
# imported only when a step runs, so that opening an up-to-date workspace does not pay for it (≈ 60 ms).
migrations = Registry(MIGRATION_SET)

# Columns every record that may travel between workspaces carries.
SYNCED = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    deleted_at TEXT
"""

# The step modules, applied in this order (each registers itself with ``migrations`` when imported).
STEPS = (
    "m0001_initial",
    "m0003_audit_checkpoints",
    "m0004_ledger",
    "m0005_lists",
    "m0008_sync",
    "m0009_ledger_indexes",
    "m0011_measures",
    "m0012_sync_fixes",
    "m0013_ledger_stage",
)
for _step in STEPS:
    importlib.import_module(f"{__name__}.{_step}")

__all__ = ["MIGRATION_SET", "STEPS", "SYNCED", "migrations"]
