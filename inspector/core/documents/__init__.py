"""Enforcement documents (安全生产行政执法文书): content, numbers, A4 PDFs, issuing.

No Qt here, ever. The parts:

- :mod:`fonts` finds and embeds a CJK TrueType font;
- :mod:`numbering` hands out per-device document numbers;
- :mod:`content` builds what each document says from the store, :mod:`wording` how it words a problem;
- :mod:`layout`, :mod:`parts` and one module per kind render content and signatures to PDF;
- :mod:`issue` numbers, stores, renders and signs a document in the right order.
"""

from __future__ import annotations

from inspector.core.documents.content import DocumentError
from inspector.core.documents.fonts import FontError, document_font
from inspector.core.documents.issue import Signer, current, issue, of_inspection, preview, render_document
from inspector.core.documents.layout import QrMark, Rendered
from inspector.core.documents.numbering import KIND_CODES, KIND_TITLES, NumberingError, format_number
from inspector.core.documents.render import render, render_detailed
from inspector.core.documents.signatures import Signature, SignatureError

KINDS = tuple(KIND_CODES)

__all__ = [
    "KINDS",
    "KIND_CODES",
    "KIND_TITLES",
    "DocumentError",
    "FontError",
    "NumberingError",
    "QrMark",
    "Rendered",
    "Signature",
    "SignatureError",
    "Signer",
    "current",
    "document_font",
    "format_number",
    "issue",
    "of_inspection",
    "preview",
    "render",
    "render_detailed",
    "render_document",
]
