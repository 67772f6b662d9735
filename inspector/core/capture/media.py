"""Photos: stored once by SHA-256 under the media folder; originals kept, thumbnails cached."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from inspector.core.store import StorageFullError, Store, backups

THUMB_SIZE = 256
SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".tif", ".tiff"}  # no HEIC decoder bundled


class MediaError(ValueError):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_root(store: Store) -> Path:
    if store.workspace is None:
        raise MediaError("这个数据库没有工作区目录，无法保存照片")
    return store.workspace.media_dir


def add_file(store: Store, source: Path) -> dict:
    """Copy a photo into the media folder (once per content) and return its media record."""
    source = Path(source)
    if not source.is_file():
        raise MediaError(f"找不到照片文件：{source}")
    try:
        with Image.open(source) as image:
            image.verify()
        with Image.open(source) as image:
            oriented = ImageOps.exif_transpose(image)
            width, height = oriented.size
    except (UnidentifiedImageError, OSError) as exc:
        raise MediaError(f"{source.name} 不是可识别的图片文件") from exc
    sha = _sha256(source)
    existing = store.row("SELECT * FROM media WHERE sha256=?", [sha])
    if existing:
        return existing
    suffix = source.suffix.lower() if source.suffix.lower() in SUFFIXES else ".img"
    rel = Path(sha[:2]) / f"{sha}{suffix}"
    target = media_root(store) / rel
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(target.suffix + ".part")
        try:
            shutil.copyfile(source, partial)
            with partial.open("rb") as handle:
                os.fsync(handle.fileno())
            partial.replace(target)
        except OSError as exc:
            partial.unlink(missing_ok=True)  # never a half photo left behind
            if backups.is_disk_full(exc):
                raise StorageFullError(
                    backups.disk_full_message(target.parent, source.stat().st_size)
                ) from exc
            raise
        _fsync_dir(target.parent)
    return store.insert(
        "media",
        {
            "sha256": sha,
            "rel_path": rel.as_posix(),
            "mime": mimetypes.guess_type(source.name)[0] or "application/octet-stream",
            "original_name": source.name,
            "width": width,
            "height": height,
            "size": source.stat().st_size,
            "origin_device": store.device_id,
        },
    )


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable before the database row that points at the file commits."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def path_of(store: Store, media: dict) -> Path:
    return media_root(store) / media["rel_path"]


def thumbnail(store: Store, media: dict, size: int = THUMB_SIZE) -> Path:
    """A JPEG thumbnail, upright as the camera held it (EXIF orientation applied)."""
    target = media_root(store) / "thumbs" / f"{media['sha256']}-{size}.jpg"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        with Image.open(path_of(store, media)) as image:
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((size, size))
            upright.convert("RGB").save(target, "JPEG", quality=85)
    return target
