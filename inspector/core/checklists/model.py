"""A checklist as the app uses it: frozen values, and the snapshot an inspection keeps of it.

The snapshot is a plain JSON-able dict holding everything needed to show and print the items (source
titles resolved), so an old inspection opens exactly as recorded after its checklist file changes or is
gone. ``content_hash`` is the SHA-256 of the snapshot's canonical JSON.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from inspector.core import canonical

SNAPSHOT_FORMAT = 1
_STANDARD_NUMBER = re.compile(r"^[A-Z]{1,4}(?:/[A-Z])?\s*[0-9]")  # GB 30871-2022, AQ/T 3034-2022, JGJ 59


def number_text(value: float | int) -> str:
    """A limit as written: ``1`` stays ``1``, ``1.0`` stays ``1.0``."""
    return str(value) if isinstance(value, int) else repr(float(value))


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    number: str = ""
    edition: str = ""
    note: str = ""

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "number": self.number,
            "edition": self.edition,
            "note": self.note,
        }


@dataclass(frozen=True)
class Basis:
    """A citation: the source's key and the clause, with the source's title and number resolved."""

    source: str
    clause: str
    title: str
    number: str = ""

    def text(self) -> str:
        """《中华人民共和国安全生产法》第四十一条; a standard shows its number: 《…》（GB 30871-2022）5.2."""
        number = f"（{self.number}）" if _STANDARD_NUMBER.match(self.number) else ""
        return f"《{self.title}》{number}{self.clause}"

    def to_dict(self) -> dict:
        return {"source": self.source, "clause": self.clause, "title": self.title, "number": self.number}

    @classmethod
    def from_dict(cls, data: dict) -> Basis:
        return cls(data["source"], data["clause"], data["title"], data.get("number", ""))


@dataclass(frozen=True)
class Measure:
    """A measured value with its limits; out of limits means the item failed."""

    name: str
    unit: str
    min: float | int | None = None
    max: float | int | None = None

    def within(self, value: float) -> bool:
        if value is None or isinstance(value, bool) or math.isnan(value):
            return False
        if self.min is not None and value < self.min:
            return False
        return not (self.max is not None and value > self.max)

    def limit_text(self) -> str:
        """``≤ 1.0 %``, ``≥ 19.5 %`` or ``19.5～23.5 %``."""
        if self.min is not None and self.max is not None:
            text = f"{number_text(self.min)}～{number_text(self.max)}"
        elif self.max is not None:
            text = f"≤ {number_text(self.max)}"
        else:
            text = f"≥ {number_text(self.min)}"
        return f"{text} {self.unit}" if self.unit else text

    def to_dict(self) -> dict:
        return {"name": self.name, "unit": self.unit, "min": self.min, "max": self.max}


@dataclass(frozen=True)
class Item:
    id: str
    section_id: str
    section_title: str
    content: str
    method: str
    basis: tuple[Basis, ...]
    major: Basis | None = None
    measure: Measure | None = None
    photo_required: bool = False
    tags: tuple[str, ...] = ()
    note: str = ""

    def basis_text(self) -> str:
        return "；".join(b.text() for b in self.basis)

    def field_note(self) -> str:
        """The note without the maintainers' ``[UNCONFIRMED]`` remarks: what the field UI may show."""
        return field_text(self.note)

    def major_text(self) -> str:
        return self.major.text() if self.major else ""

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "content": self.content,
            "method": self.method,
            "basis": [b.to_dict() for b in self.basis],
            "major": self.major.to_dict() if self.major else None,
            "measure": self.measure.to_dict() if self.measure else None,
            "photo_required": self.photo_required,
            "tags": list(self.tags),
            "note": self.note,
        }


UNCONFIRMED = "[UNCONFIRMED]"
_SENTENCE = re.compile(r"[^。；;]*(?:[。；;]|$)")


def field_text(note: str) -> str:
    """A note with every sentence that carries ``[UNCONFIRMED]`` left out (those are for maintainers)."""
    if UNCONFIRMED not in note:
        return note
    kept = [s for s in _SENTENCE.findall(note) if s.strip() and UNCONFIRMED not in s]
    return "".join(kept).strip()


@dataclass(frozen=True)
class Combined:
    """A combined judgement: ``needed`` or more of the listed items failed together make a major hazard."""

    id: str
    title: str
    basis: Basis
    needed: int
    items: tuple[str, ...]

    def failed(self, failed_ids: set[str] | frozenset[str]) -> int:
        return sum(1 for item_id in self.items if item_id in failed_ids)

    def met(self, failed_ids: set[str] | frozenset[str]) -> bool:
        return self.failed(failed_ids) >= self.needed

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "basis": self.basis.to_dict(),
            "needed": self.needed,
            "items": list(self.items),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Combined:
        return cls(
            data["id"], data["title"], Basis.from_dict(data["basis"]), data["needed"], tuple(data["items"])
        )


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    sector: str
    version: str
    effective: date
    description: str = ""
    tags: tuple[str, ...] = ()
    sources: dict[str, Source] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    combined: tuple[Combined, ...] = ()
    content_hash: str = ""  # computed from the snapshot when not given
    path: Path | None = field(default=None, compare=False)
    _items: tuple[Item, ...] = field(init=False, repr=False, compare=False)
    _index: dict[str, Item] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        items = tuple(item for section in self.sections for item in section.items)
        object.__setattr__(self, "_items", items)
        object.__setattr__(self, "_index", {item.id: item for item in items})
        if not self.content_hash:
            object.__setattr__(self, "content_hash", canonical.digest(self.to_snapshot()))

    def __hash__(self) -> int:
        return hash((self.id, self.version, self.content_hash))

    @property
    def items(self) -> tuple[Item, ...]:
        return self._items

    def item(self, item_id: str) -> Item:
        """The item with this id; ``KeyError`` when there is none."""
        return self._index[item_id]

    @property
    def major_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self._items if item.major is not None)

    def combined_for(self, item_id: str) -> tuple[Combined, ...]:
        """The combined judgements this item is one condition of."""
        return tuple(rule for rule in self.combined if item_id in rule.items)

    def combined_met(self, failed_ids: set[str] | frozenset[str]) -> tuple[Combined, ...]:
        """The combined judgements whose failed conditions reach their number: each is a major hazard."""
        return tuple(rule for rule in self.combined if rule.met(failed_ids))

    def to_snapshot(self) -> dict[str, Any]:
        snapshot = {
            "snapshot": SNAPSHOT_FORMAT,
            "id": self.id,
            "title": self.title,
            "sector": self.sector,
            "version": self.version,
            "effective": self.effective.isoformat(),
            "description": self.description,
            "tags": list(self.tags),
            "sources": [source.to_dict() for source in self.sources.values()],
            "sections": [
                {"id": s.id, "title": s.title, "items": [item.to_dict() for item in s.items]}
                for s in self.sections
            ],
        }
        if self.combined:  # only when used, so checklists without one keep their content hash
            snapshot["combined"] = [rule.to_dict() for rule in self.combined]
        return snapshot

    @classmethod
    def from_snapshot(cls, data: dict[str, Any], path: Path | None = None) -> Checklist:
        """The checklist a snapshot recorded; its ``content_hash`` is the hash of ``data`` itself."""
        sections = []
        for s in data["sections"]:
            items = []
            for i in s["items"]:
                measure = i.get("measure")
                major = i.get("major")
                items.append(
                    Item(
                        id=i["id"],
                        section_id=s["id"],
                        section_title=s["title"],
                        content=i["content"],
                        method=i["method"],
                        basis=tuple(Basis.from_dict(b) for b in i["basis"]),
                        major=Basis.from_dict(major) if major else None,
                        measure=Measure(**measure) if measure else None,
                        photo_required=bool(i.get("photo_required", False)),
                        tags=tuple(i.get("tags", ())),
                        note=i.get("note", ""),
                    )
                )
            sections.append(Section(s["id"], s["title"], tuple(items)))
        return cls(
            id=data["id"],
            title=data["title"],
            sector=data["sector"],
            version=data["version"],
            effective=date.fromisoformat(data["effective"]),
            description=data.get("description", ""),
            tags=tuple(data.get("tags", ())),
            sources={s["key"]: Source(**s) for s in data.get("sources", ())},
            sections=tuple(sections),
            combined=tuple(Combined.from_dict(c) for c in data.get("combined", ())),
            content_hash=canonical.digest(data),
            path=path,
        )
