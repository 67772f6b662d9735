"""Helpers shared by the commands: which workspace, opening the store, printing."""

from __future__ import annotations

import json
import sys
from typing import Any

from inspector.core.store import paths


def chosen_workspace(args) -> paths.Workspace:
    if getattr(args, "demo", False):
        return paths.demo_workspace()
    return paths.workspace(getattr(args, "workspace", None) or paths.DEFAULT_WORKSPACE)


def open_store(args):
    """The workspace's store; a write that must wait for another program says so on stderr."""
    from inspector.core.store import Store
    from inspector.core.store.db import DatabaseError

    try:
        store = Store.open(chosen_workspace(args))
    except DatabaseError as exc:
        fail(str(exc))
        raise SystemExit(2) from exc
    store.on_wait = lambda message: print(message, file=sys.stderr, flush=True)
    for note in [store.read_only_message()] * store.read_only + store.warnings:
        print(f"注意：{note}", file=sys.stderr)
    return store


def fail(message: str) -> None:
    print(f"错误：{message}", file=sys.stderr)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(rows: list[list[Any]], header: list[str]) -> None:
    widths = [max(_width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(str(cell) + " " * (w - _width(str(cell))) for cell, w in zip(row, widths, strict=True))
        )


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
