"""Where everything is kept: paths, the SQLite store, its migrations and the audit trail.

``Store``, ``StoreError`` and ``SYSTEM_ACTOR`` are loaded on first use, so that a command needing only
``paths`` (listing checklists, ``--help``) does not pay for sqlite-utils.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.core.store.store import SYSTEM_ACTOR, ReadOnlyError, StorageFullError, Store, StoreError

__all__ = ["SYSTEM_ACTOR", "ReadOnlyError", "StorageFullError", "Store", "StoreError"]


def __getattr__(name: str):
    if name in __all__:
        from inspector.core.store import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
