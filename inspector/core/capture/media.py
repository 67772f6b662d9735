"""Photos: stored once by SHA-256 under the media folder; originals kept, thumbnails cached."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from inspector.core import progress as progress_
from inspector.core.store import StorageFullError, Store, backups

THUMB_SIZE = 256
SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".tif", ".tiff"}  # no HEIC decoder bundled
# A photo file larger than this is refused (a 500 MB scan still fits), and so is one whose header
# declares more pixels than this (a decompression bomb: a few KB that would inflate to gigabytes).
MAX_PHOTO_BYTES = 512 * 2**20
MAX_PHOTO_PIXELS = 120_000_000  # a 108-megapixel phone photo fits
_TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_BLOCK = 1 << 20


class MediaError(ValueError):
    pass


def _sha256(path: Path, progress=lambda done: None) -> str:
    digest = hashlib.sha256()
    done = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
            done += len(block)
            progress(done)
    return digest.hexdigest()


def media_root(store: Store) -> Path:
    if store.workspace is None:
        raise MediaError("这个数据库没有工作区目录，无法保存照片")
    return store.workspace.media_dir


@dataclass(frozen=True)
class Prepared:
    """A photo checked and copied into the media folder, not yet recorded (no database needed)."""

    source: Path
    sha256: str
    rel_path: str
    width: int
    height: int
    size: int


def add_file(store: Store, source: Path) -> dict:
    """Copy a photo into the media folder (once per content) and return its media record."""
    return record(store, prepare(media_root(store), source))


def prepare(media_dir: Path, source: Path, progress: progress_.Progress = progress_.ignore) -> Prepared:
    """Check a photo (size, pixels, readable) and copy it into ``media_dir`` under its SHA-256.

    Touches no database, so a large photo can be prepared off the GUI thread; ``progress(bytes done,
    bytes)`` may raise :class:`progress.Cancelled` (then no ``.part`` file is left behind).
    """
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
    sha = _sha256(source, lambda done: progress(done // 2, size))
    suffix = source.suffix.lower() if source.suffix.lower() in SUFFIXES else ".img"
    rel = Path(sha[:2]) / f"{sha}{suffix}"
    target = media_dir / rel
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(target.suffix + ".part")
        try:
            with source.open("rb") as reader, partial.open("wb") as writer:
                done = 0
                for block in iter(lambda: reader.read(_BLOCK), b""):
                    writer.write(block)
                    done += len(block)
                    progress(size // 2 + done // 2, size)
                writer.flush()
                os.fsync(writer.fileno())
            partial.replace(target)
        except OSError as exc:
            partial.unlink(missing_ok=True)  # never a half photo left behind
            if backups.is_disk_full(exc):
                raise StorageFullError(backups.disk_full_message(target.parent, size)) from exc
            raise
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)
    return Prepared(source, sha, rel.as_posix(), width, height, size)


def record(store: Store, prepared: Prepared) -> dict:
    """The media record of a prepared photo (the one already there for the same content)."""
    existing = store.row("SELECT * FROM media WHERE sha256=? ORDER BY id LIMIT 1", [prepared.sha256])
    if existing:
        return existing
    return store.insert(
        "media",
        {
            "sha256": prepared.sha256,
            "rel_path": prepared.rel_path,
            "mime": mimetypes.guess_type(prepared.source.name)[0] or "application/octet-stream",
            "original_name": prepared.source.name,
            "width": prepared.width,
            "height": prepared.height,
            "size": prepared.size,
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
            image.verify()  # reads the file through once, never decoding the whole picture
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(source)
        with image:
            if image.getexif().get(0x0112) in _TURNED:  # the header's orientation tag only
                width, height = height, width
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
