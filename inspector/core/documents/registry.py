"""Which documents are on record, and which a correction has replaced: asked in one place."""

from __future__ import annotations

from inspector.core.store import Store

# SQL condition on a documents row aliased ``d``: no live correction names it.
NOT_REPLACED = "NOT EXISTS (SELECT 1 FROM documents r WHERE r.replaces_id = d.id AND r.deleted_at IS NULL)"


def find(store: Store, id_or_number: str) -> dict | None:
    """A document by its id or its number text."""
    return store.row("SELECT * FROM documents WHERE id=? OR number_text=?", [id_or_number, id_or_number])


def replaced_by(store: Store, document_id: str) -> dict | None:
    """The correction that replaces this document, if any."""
    return store.row("SELECT * FROM documents WHERE replaces_id=? AND deleted_at IS NULL", [document_id])
