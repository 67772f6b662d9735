"""Photo strip of a finding: thumbnails, add from files, drag and drop; view, rotate, remove.

Enter or a double-click shows a photo full size; Delete removes it (with a reason); the context menu
offers all of these. The strip only asks: the finding editor calls core to change anything.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QVBoxLayout,
)

from inspector.core.capture import media

IMAGE_SUFFIXES = tuple(media.SUFFIXES)


class PhotoStrip(QListWidget):
    """Shows a finding's photos; emits ``filesDropped`` with local paths dropped on it."""

    filesDropped = Signal(list)
    viewRequested = Signal(str)  # media id
    rotateRequested = Signal(str, bool)  # media id, clockwise
    removeRequested = Signal(str)  # media id

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
        self.setContextMenuPolicy(Qt.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemActivated.connect(lambda entry: self.viewRequested.emit(entry.data(Qt.UserRole)))

    def current_media(self) -> str | None:
        entry = self.currentItem()
        return entry.data(Qt.UserRole) if entry is not None else None

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.current_media():
            self.removeRequested.emit(self.current_media())
            return
        super().keyPressEvent(event)

    def _menu(self, position) -> None:
        entry = self.itemAt(position)
        if entry is None:
            return
        media_id = entry.data(Qt.UserRole)
        menu = QMenu(self)
        menu.addAction(self.tr("View full size"), lambda: self.viewRequested.emit(media_id))
        menu.addAction(self.tr("Rotate right"), lambda: self.rotateRequested.emit(media_id, True))
        menu.addAction(self.tr("Rotate left"), lambda: self.rotateRequested.emit(media_id, False))
        menu.addSeparator()
        menu.addAction(self.tr("Remove…"), lambda: self.removeRequested.emit(media_id))
        menu.exec(self.viewport().mapToGlobal(position))

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


class PhotoViewer(QDialog):
    """One photo, upright (EXIF orientation applied), fitted to the screen; scrolls when larger."""

    def __init__(self, path: Path, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        image = reader.read()
        self.picture = QLabel(objectName="picture")
        self.picture.setAlignment(Qt.AlignCenter)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        fitted = QPixmap.fromImage(image)
        if not fitted.isNull() and (
            fitted.width() > screen.width() * 0.9 or fitted.height() > screen.height() * 0.8
        ):
            fitted = fitted.scaled(
                int(screen.width() * 0.9),
                int(screen.height() * 0.8),
                Qt.KeepAspectRatio,
                Qt.SmoothTransformation,
            )
        self.picture.setPixmap(fitted)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(min(fitted.width() + 40, screen.width()), min(fitted.height() + 80, screen.height()))
