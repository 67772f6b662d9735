"""Sync by file: signed export bundles from laptops, an all-or-nothing merge at the office, packages back.

- :mod:`.bundle`: the file format (a zip with a signed manifest holding every entry's SHA-256);
- :mod:`.export`: a laptop's (or an office's, up the hierarchy) export bundle;
- :mod:`.checks`: everything checked before anything is written (format, trust, hashes, audit chains,
  documents' PAdES signatures);
- :mod:`.merge`: importing bundles (one, or a folder in batches), with :mod:`.plan` (what importing
  would do), :mod:`.apply` (writing it in one transaction) and :mod:`.report` (what it did);
- :mod:`.review`: the conflicts to review;
- :mod:`.package`: the office's package for a laptop;
- :mod:`.rules`: which tables travel, and the written rule when both sides changed a record;
- :mod:`.workspace`: field or office, and the office's roster of laptops.

The written rule (both the office and the field changed the same record since they last exchanged it):
field facts win for what was found on site (inspections, answers, findings, photos, documents,
signatures, re-checks); office decisions win for the register (enterprises, inspectors) and for a
hazard's ledger status and listing (status, 挂牌督办, its deadline, rectified/verified times), while the
field's other hazard columns (grade, deadline) are kept. Both versions are kept as a conflict to review.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.core.sync.bundle import FORMAT_VERSION, BundleError
    from inspector.core.sync.export import export_bundle
    from inspector.core.sync.merge import ImportReport, import_bundle, import_many

# Loaded on first use, so that the home page's "not yet exported" figure (``export.pending``) does not
# import the merge, its checks and the signature verification at start-up.
_FROM = {
    "FORMAT_VERSION": "bundle",
    "BundleError": "bundle",
    "export_bundle": "export",
    "ImportReport": "merge",
    "import_bundle": "merge",
    "import_many": "merge",
}

__all__ = ["FORMAT_VERSION", "BundleError", "ImportReport", "export_bundle", "import_bundle", "import_many"]


def __getattr__(name: str):
    if name in _FROM:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_FROM[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
