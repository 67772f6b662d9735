"""The list of schema steps, kept without importing sqlite-utils.

``Registry`` takes steps the way sqlite-utils' ``Migrations`` does (``@migrations(name=…)``) and hands them
to a ``Migrations`` of the same set only when they are applied: knowing which steps exist, and so whether
any is pending, costs no sqlite-utils import (≈ 60 ms of every start).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations


class Registry:
    @dataclass
    class _Migration:
        name: str
        fn: Callable[[Any], None]
        transactional: bool = True

    def __init__(self, name: str):
        self.name = name
        self._migrations: list[Registry._Migration] = []

    def __call__(self, *, name: str | None = None, transactional: bool = True) -> Callable:
        def inner(func: Callable) -> Callable:
            step = name or func.__name__
            if any(m.name == step for m in self._migrations):
                raise ValueError(f"Migration '{step}' is already registered in set '{self.name}'")
            self._migrations.append(self._Migration(step, func, transactional))
            return func

        return inner

    def names(self) -> list[str]:
        return [m.name for m in self._migrations]

    def to_sqlite_utils(self) -> Migrations:
        """The same steps, in the same order, as sqlite-utils' ``Migrations`` (imports sqlite-utils)."""
        from sqlite_utils.migrations import Migrations

        real = Migrations(self.name)
        for m in self._migrations:
            real(name=m.name, transactional=m.transactional)(m.fn)
        return real

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        self.to_sqlite_utils().apply(db, stop_before=stop_before)

    def pending(self, db: Database) -> list:
        return self.to_sqlite_utils().pending(db)

    def applied(self, db: Database) -> list:
        return self.to_sqlite_utils().applied(db)

    def __repr__(self) -> str:
        return f"<Registry '{self.name}': [{', '.join(self.names())}]>"
