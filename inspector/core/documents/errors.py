"""The error every document builder raises when the records do not allow issuing."""

from __future__ import annotations


class DocumentError(ValueError):
    """The document cannot be issued as the records stand; the message says what to do."""
