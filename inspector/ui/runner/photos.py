"""Photo strip of a finding: thumbnails, add from files, drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from inspector.core.capture import media

IMAGE_SUFFIXES = tuple(media.SUFFIXES)


class PhotoStrip(QListWidget):
    """Shows a finding's photos; emits ``filesDropped`` with local paths dropped on it."""

    filesDropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListWidget.IconMode)
        self.setIconSize(QSize(96, 96))
        self.setFixedHeight(124)
        self.setMovement(QListWidget.Static)
        self.setFlow(QListWidget.LeftToRight)
        self.setWrapping(False)
        self.setDragDropMode(QListWidget.DropOnly)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)  # drops land on the viewport; it must accept them itself

    def show_photos(self, store, photos: list[dict]) -> None:
        self.clear()
        for photo in photos:
            icon = QIcon(QPixmap(str(media.thumbnail(store, photo))))
            entry = QListWidgetItem(icon, photo["original_name"][:14])
            entry.setData(Qt.UserRole, photo["id"])
            entry.setToolTip(
                f"{photo['original_name']}  {photo['width']}×{photo['height']}  SHA-256 {photo['sha256'][:12]}…"
            )
            self.addItem(entry)

    def _paths(self, event) -> list[Path]:
        if not event.mimeData().hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES]

    def dragEnterEvent(self, event):
        if self._paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        if self._paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = self._paths(event)
        if paths:
            event.acceptProposedAction()
            self.filesDropped.emit(paths)
