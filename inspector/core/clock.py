"""Time is stored as UTC ISO-8601 with its offset and shown in local time."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    return datetime.now(UTC)


def utc_iso(moment: datetime | None = None) -> str:
    moment = moment or now()
    if moment.tzinfo is None:
        raise ValueError("naive datetime: attach a time zone before storing it")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


def local(text: str) -> datetime:
    """A stored UTC time in the machine's local time zone."""
    return parse(text).astimezone()


def local_date(text: str) -> date:
    return local(text).date()
