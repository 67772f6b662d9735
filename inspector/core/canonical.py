"""Canonical JSON and digests: the same content always gives the same bytes and hash."""

from __future__ import annotations

import json
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        from hashlib import sha256  # on first use: OpenSSL loads in a few ms, off the start-up path

        return {"sha256": sha256(bytes(value)).hexdigest()}
    raise TypeError(f"cannot put {type(value).__name__} into canonical JSON")


def dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_default)


def sha256_text(text: str) -> str:
    from hashlib import sha256

    return sha256(text.encode("utf-8")).hexdigest()


def digest(value: Any) -> str:
    return sha256_text(dumps(value))
