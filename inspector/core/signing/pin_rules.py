"""What a signing PIN must look like, the office's stricter rule, and wrong PINs: counted, audited and
slowed down after the first few.

A PIN is 6–12 digits or a passphrase of 12–64 characters (not only digits). The office may require more
digits, or a passphrase (``office.pin_min_digits``, ``office.pin_passphrase``); the rule applies when a
PIN is chosen (a new key, a changed PIN). After :data:`FREE_TRIES` wrong PINs in a row, each further try
must wait longer (:func:`delay_after`); every wrong PIN is a ``pin_wrong`` entry in the audit trail.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import timedelta

from inspector.core import clock
from inspector.core.store import Store

MIN_DIGITS, MAX_DIGITS = 6, 12
PASSPHRASE_MIN, PASSPHRASE_MAX = 12, 64
FREE_TRIES = 3
FIRST_DELAY_SECONDS = 5  # after the third wrong PIN; doubled after each further one
MAX_DELAY_SECONDS = 300
_WRONG = "pin.wrong."  # setting per inspector: {"count": n, "last": UTC ISO time}


def _error(message: str) -> Exception:
    from inspector.core.signing.keys import PinError  # keys imports this module: import on use

    return PinError(message)


@dataclass(frozen=True)
class PinRule:
    min_digits: int = MIN_DIGITS
    passphrase: bool = False  # a passphrase is required: digits alone are refused


def office_rule(store: Store) -> PinRule:
    from inspector.core import office

    settings = office.load(store)
    return PinRule(int(settings.pin_min_digits), bool(settings.pin_passphrase))


def checked(pin: str | None, rule: PinRule | None = None) -> str:
    """The PIN, stripped; a :class:`PinError` saying what is expected when it does not fit."""
    if pin is None or not str(pin).strip():
        raise _error("请输入签名 PIN（6–12 位数字，或 12 个字以上的口令）")
    pin = str(pin).strip()
    digits = pin.isascii() and pin.isdigit()
    if digits:
        if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
            raise _error("签名 PIN 应为 6–12 位数字，或 12–64 个字的口令")
    elif not PASSPHRASE_MIN <= len(pin) <= PASSPHRASE_MAX or pin.isdigit():
        raise _error("签名 PIN 应为 6–12 位数字，或 12–64 个字的口令")
    if rule is not None:
        if rule.passphrase and digits:
            raise _error(f"本单位要求使用签名口令：至少 {PASSPHRASE_MIN} 个字，不能只用数字")
        if digits and len(pin) < rule.min_digits:
            raise _error(f"本单位要求签名 PIN 至少 {rule.min_digits} 位数字")
    return pin


def delay_after(count: int) -> int:
    """Seconds to wait before the next try after ``count`` wrong PINs in a row."""
    if count < FREE_TRIES:
        return 0
    return min(FIRST_DELAY_SECONDS * 2 ** (count - FREE_TRIES), MAX_DELAY_SECONDS)


def wrong_count(store: Store, inspector_id: str) -> tuple[int, str | None]:
    state = store.setting(_WRONG + inspector_id) or {}
    return int(state.get("count", 0)), state.get("last")


def seconds_to_wait(store: Store, inspector_id: str) -> int:
    count, last = wrong_count(store, inspector_id)
    if not count or not last:
        return 0
    until = clock.parse(last) + timedelta(seconds=delay_after(count))
    return max(0, math.ceil((until - clock.now()).total_seconds()))


def wait_before_trying(store: Store, inspector_id: str) -> None:
    """:class:`PinError` naming the seconds left while the delay after wrong PINs runs."""
    wait = seconds_to_wait(store, inspector_id)
    if wait:
        count, _ = wrong_count(store, inspector_id)
        raise _error(f"签名 PIN 已连续输错 {count} 次，请 {wait} 秒后再试")


def _write(store: Store, inspector_id: str, count: int, action: str) -> None:
    key = _WRONG + inspector_id
    value = json.dumps({"count": count, "last": clock.utc_iso()}, sort_keys=True)
    with store.transaction():
        if store.row("SELECT 1 FROM settings WHERE key=?", [key]):
            store.update("settings", key, {"value": value}, action=action)
        else:
            store.insert("settings", {"key": key, "value": value, "updated_at": clock.utc_iso()}, action)


def record_wrong_pin(store: Store, inspector_id: str) -> None:
    """Count a wrong PIN (an audited ``pin_wrong`` entry); committed even though the unlock failed."""
    count, _ = wrong_count(store, inspector_id)
    _write(store, inspector_id, count + 1, "pin_wrong")


def record_right_pin(store: Store, inspector_id: str) -> None:
    if wrong_count(store, inspector_id)[0]:
        _write(store, inspector_id, 0, "pin_right")
