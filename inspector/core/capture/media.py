"""Photos: stored once by SHA-256 under the media folder; originals kept, thumbnails cached."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from inspector.core.store import Store

THUMB_SIZE = 256
SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".tif", ".tiff"}  # no HEIC decoder bundled
# A photo file larger than this is refused (a 500 MB scan still fits), and so is one whose header
# declares more pixels than this (a decompression bomb: a few KB that would inflate to gigabytes).
MAX_PHOTO_BYTES = 512 * 2**20
MAX_PHOTO_PIXELS = 120_000_000  # a 108-megapixel phone photo fits
_TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


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
    size = source.stat().st_size
    if size > MAX_PHOTO_BYTES:
        raise MediaError(
            f"{source.name} 有 {size / 2**20:.0f} MB，超过了照片的上限 {MAX_PHOTO_BYTES / 2**20:.0f} MB；"
            "请用相机或手机另存为较小的 JPEG 后再添加"
        )
    width, height = _checked_size(source)
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
        shutil.copyfile(source, partial)
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        partial.replace(target)
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


def _checked_size(source: Path) -> tuple[int, int]:
    """(width, height) as shown upright, read from the header; refuses what is no image or a bomb."""
    try:
        with warnings.catch_warnings():  # PIL warns past 89 MP; the limit that counts is ours
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(source)
        with image:
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise MediaError(_too_many_pixels(source, width, height))
            if image.getexif().get(0x0112) in _TURNED:
                width, height = height, width
            image.verify()  # reads the file through once, never decoding the whole picture
    except MediaError:
        raise
    except Image.DecompressionBombError as exc:  # PIL's own limit, met before ours could be checked
        raise MediaError(f"{source.name} 声明的像素过多（可能是“解压炸弹”文件），已拒绝") from exc
    except MemoryError as exc:
        raise MediaError(f"{source.name} 太大，内存不足以读取") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise MediaError(f"{source.name} 不是可识别的图片文件") from exc
    return width, height


def _too_many_pixels(source: Path, width: int, height: int) -> str:
    return (
        f"{source.name} 有 {width}×{height} 像素，超过了照片的上限 {MAX_PHOTO_PIXELS // 1_000_000} 百万像素"
        "（可能是“解压炸弹”文件）；请另存为较小的图片后再添加"
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
            image.draft("RGB", (size, size))  # a JPEG decodes at 1/2 … 1/8 scale: big photos stay cheap
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((size, size))
            upright.convert("RGB").save(target, "JPEG", quality=85)
    return target
