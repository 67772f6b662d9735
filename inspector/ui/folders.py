"""Where file dialogs open: the user's Pictures for photos, Documents for exports (never the working
directory, which for a desktop start is wherever the launcher happened to be)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def _location(kind: QStandardPaths.StandardLocation) -> str:
    found = QStandardPaths.writableLocation(kind)
    return found if found and Path(found).is_dir() else str(Path.home())


def pictures() -> str:
    return _location(QStandardPaths.PicturesLocation)


def documents() -> str:
    return _location(QStandardPaths.DocumentsLocation)
