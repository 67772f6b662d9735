"""Where everything is kept: paths, the SQLite store, its migrations and the audit trail."""

from inspector.core.store.store import SYSTEM_ACTOR, ReadOnlyError, StorageFullError, Store, StoreError

__all__ = ["SYSTEM_ACTOR", "ReadOnlyError", "StorageFullError", "Store", "StoreError"]
