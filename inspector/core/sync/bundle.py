"""The bundle file: one zip holding JSON Lines records, files stored once by SHA-256, a manifest with the
SHA-256 of every entry, and the manifest's signature.

Entries::

    manifest.json                 format, version, kind, id, device, inspector, signer, audit range, entries
    manifest.sig                  base64 DER ECDSA-SHA256 over manifest.json, by the signer's paper key
    records/<table>.jsonl         one record a line; a bytes value is {"$blob": sha256}
    deletions.jsonl               {"table", "id"} of link records removed
    audit/<device>.jsonl          audit chain entries (hash and digest as hex)
    checkpoints.jsonl             signed checkpoints (``Checkpoint.to_dict``)
    blobs/<sha256>                document PDFs and photos, once each
    devices.jsonl, settings.json, checklists/<file>, blocks.jsonl   (office bundles and packages)

Reading checks the structure before anything is used: the zip opens (a truncated file does not), no
entry is missing, added or duplicated, every entry's hash matches, the manifest's signature holds for
the certificate it names, and the format's major version is one this program knows.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = "inspector-sync"
FORMAT_VERSION = "1.0"
KINDS = ("field", "office", "package")
# What each kind of bundle is, in the words a clerk reads.
KIND_LABELS = {
    "field": "外业电脑导出的同步包",
    "office": "办公室导出的同步包",
    "package": "办公室下发给外业电脑的同步包",
}
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"

# Limits checked against the zip's directory before anything is inflated (a zip bomb is refused unread).
MAX_ENTRIES = 200_000
MAX_MANIFEST_BYTES = 64 * 2**20
MAX_ENTRY_BYTES = 256 * 2**20  # one PDF, photo or JSON Lines entry
MAX_TOTAL_BYTES = 2 * 2**30  # everything, inflated
_CHUNK = 2**20


class BundleError(Exception):
    """A bundle was refused; ``reason`` is a short code, the message says why in Chinese."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _encode(value):
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$blob": sha256(bytes(value))}
    return value


def jsonl(rows) -> tuple[bytes, dict[str, bytes]]:
    """JSON Lines of ``rows`` with bytes values moved out as blobs: (text, {sha256: bytes})."""
    blobs: dict[str, bytes] = {}
    lines = []
    for row in rows:
        out = {}
        for key, value in row.items():
            if isinstance(value, bytes | bytearray | memoryview):
                blobs[sha256(bytes(value))] = bytes(value)
            out[key] = _encode(value)
        lines.append(json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    return ("\n".join(lines) + "\n" if lines else "").encode("utf-8"), blobs


class Writer:
    """Collects entries, then writes the zip atomically (``.part``, fsync, rename)."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def add(self, name: str, data: bytes) -> None:
        if name in (MANIFEST, SIGNATURE) or (name in self.entries and self.entries[name] != data):
            raise ValueError(f"entry {name} added twice")
        self.entries[name] = data

    def add_rows(self, name: str, rows) -> int:
        rows = list(rows)
        if rows:
            text, blobs = jsonl(rows)
            self.add(name, text)
            for digest, data in blobs.items():
                self.add(f"blobs/{digest}", data)
        return len(rows)

    def write(self, path: Path, header: dict, private_key, cert_pem: str) -> dict:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec

        manifest = {
            **header,
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "signer": {**header["signer"], "cert_pem": cert_pem},
            "entries": {name: sha256(data) for name, data in sorted(self.entries.items())},
        }
        text = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
        signature = private_key.sign(text, ec.ECDSA(hashes.SHA256()))
        path = Path(path)
        partial = path.with_name(path.name + ".part")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(partial, "w") as archive:
                archive.writestr(MANIFEST, text, zipfile.ZIP_DEFLATED)
                archive.writestr(SIGNATURE, base64.b64encode(signature), zipfile.ZIP_STORED)
                for name, data in sorted(self.entries.items()):
                    method = zipfile.ZIP_STORED if name.startswith("blobs/") else zipfile.ZIP_DEFLATED
                    archive.writestr(name, data, method)
            with partial.open("rb") as handle:
                os.fsync(handle.fileno())
            partial.replace(path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            needed = sum(len(data) for data in self.entries.values()) + len(text)
            raise write_error(path.parent, exc, needed) from exc
        return manifest


def write_error(folder: Path, exc: OSError, needed: int) -> BundleError:
    """A bundle that could not be written: a full disk, or a folder that cannot be written, named."""
    import errno

    if exc.errno == errno.ENOSPC:
        from inspector.core.store.backups import disk_full_message

        return BundleError("disk-full", disk_full_message(folder, needed))
    if isinstance(exc, PermissionError):
        why = "没有写入权限（U 盘是否写保护？）"
    elif isinstance(exc, NotADirectoryError | FileNotFoundError):
        why = "这个路径不是可用的文件夹"
    elif exc.errno == errno.EROFS:
        why = "磁盘是只读的"
    else:
        why = "磁盘或 U 盘出错（是否已拔出？）"
    return BundleError("unwritable", f"无法写入文件夹 {folder}：{why}。同步包没有写出，请换一个文件夹后重试")


@dataclass
class Bundle:
    """A bundle whose structure, hashes and signature were checked (trust is the caller's question)."""

    path: Path
    manifest: dict
    entries: dict[str, bytes] = field(repr=False)
    signer_cert: object = field(repr=False)

    @property
    def id(self) -> str:
        return self.manifest["id"]

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def device_id(self) -> str:
        return self.manifest["device"]["id"]

    @property
    def key_id(self) -> str:
        return self.manifest["signer"]["key_id"]

    def rows(self, name: str) -> list[dict]:
        """The records of a JSON Lines entry, blobs put back; errors name the entry and line."""
        data = self.entries.get(name)
        if data is None:
            return []
        out = []
        for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise BundleError(
                    "corrupted", f"{self.path.name}：{name} 第 {number} 行不是有效的 JSON"
                ) from exc
            if not isinstance(row, dict):
                raise BundleError("corrupted", f"{self.path.name}：{name} 第 {number} 行应为一个对象")
            for key, value in row.items():
                if isinstance(value, dict) and set(value) == {"$blob"}:
                    blob = self.entries.get(f"blobs/{value['$blob']}")
                    if blob is None:
                        raise BundleError(
                            "corrupted",
                            f"{self.path.name}：{name} 第 {number} 行字段 {key} 引用的文件不在包中",
                        )
                    row[key] = blob
            out.append(row)
        return out

    def json(self, name: str, default=None):
        data = self.entries.get(name)
        return default if data is None else json.loads(data)

    def names(self, prefix: str) -> list[str]:
        return sorted(n for n in self.entries if n.startswith(prefix))


def _refuse(path: Path, reason: str, message: str) -> BundleError:
    return BundleError(reason, f"{Path(path).name}：{message}")


def read(path: Path | str) -> Bundle:
    """Open and check a bundle's structure, hashes and signature; :class:`BundleError` says why not.

    The zip's directory is checked against the size limits before anything is inflated, the manifest
    (and its signature) before any other entry, and each entry is hashed as it is inflated.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            return _read(path, handle)
    except OSError as exc:
        why = {
            FileNotFoundError: "文件不存在",
            PermissionError: "没有读取权限",
            IsADirectoryError: "这是一个文件夹",
        }
        raise _refuse(path, "unreadable", f"无法读取文件（{why.get(type(exc), '读取出错')}）") from exc


def _read(path: Path, handle) -> Bundle:
    try:
        archive = zipfile.ZipFile(handle)
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise _refuse(
            path, "truncated", "不是完整的同步包：文件被截断或损坏，无法作为 zip 压缩包打开"
        ) from exc
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise _refuse(path, "tampered", "包内有重复的条目")
    if MANIFEST not in names or SIGNATURE not in names:
        raise _refuse(path, "truncated", "缺少 manifest.json 或其签名：不是完整的同步包")
    _check_sizes(path, infos)
    manifest_bytes = _inflate(path, archive, archive.getinfo(MANIFEST))
    signature_text = _inflate(path, archive, archive.getinfo(SIGNATURE))
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as exc:
        raise _refuse(path, "corrupted", "manifest.json 不是有效的 JSON") from exc
    _check_version(path, manifest)
    cert = _check_signature(path, manifest, manifest_bytes, signature_text)
    listed = manifest.get("entries")
    if not isinstance(listed, dict):
        raise _refuse(path, "corrupted", "manifest.json 缺少 entries")
    present = set(names) - {MANIFEST, SIGNATURE}
    missing = sorted(set(listed) - present)
    extra = sorted(present - set(listed))
    if missing:
        raise _refuse(path, "tampered", f"缺少条目 {', '.join(missing[:5])}（清单中有，包中没有）")
    if extra:
        raise _refuse(path, "tampered", f"多出条目 {', '.join(extra[:5])}（不在签名的清单中）")
    entries: dict[str, bytes] = {}
    for name, expected in sorted(listed.items()):
        if name.startswith("blobs/") and name[len("blobs/") :] != expected:
            raise _refuse(path, "tampered", f"条目 {name} 的名称与其内容的 SHA-256 不符")
        data, digest = _inflate(path, archive, archive.getinfo(name), hashed=True)
        if digest != expected:
            raise _refuse(
                path, "tampered", f"条目 {name} 的 SHA-256 与清单不符：内容被改动或换成了别的包的条目"
            )
        entries[name] = data
    return Bundle(path, manifest, entries, cert)


def _check_sizes(path: Path, infos) -> None:
    """Refuse a bundle whose directory announces more than the limits, before inflating anything."""
    if len(infos) > MAX_ENTRIES:
        raise _refuse(path, "too-large", f"包内有 {len(infos)} 个条目，超过上限 {MAX_ENTRIES} 个")
    total = 0
    for info in infos:
        limit = MAX_MANIFEST_BYTES if info.filename in (MANIFEST, SIGNATURE) else MAX_ENTRY_BYTES
        if info.file_size > limit:
            raise _refuse(
                path,
                "too-large",
                f"条目 {info.filename} 解压后有 {info.file_size / 2**20:.0f} MB，超过单个条目的上限"
                f" {limit / 2**20:.0f} MB：不是正常的同步包，已拒绝",
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _refuse(
            path,
            "too-large",
            f"包解压后共有 {total / 2**20:.0f} MB，超过上限 {MAX_TOTAL_BYTES / 2**20:.0f} MB：不是正常的同步包，已拒绝",
        )


def _inflate(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, hashed: bool = False):
    """One entry, read in chunks up to the size its directory announced (checked against the limits)."""
    digest = hashlib.sha256()
    parts = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > info.file_size:
                    raise zipfile.BadZipFile("longer than announced")
                digest.update(chunk)
                parts.append(chunk)
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        ValueError,
        zipfile.LargeZipFile,
        NotImplementedError,
    ) as exc:
        raise _refuse(
            path, "corrupted", f"包内条目 {info.filename} 已损坏（解压或校验失败），无法读取"
        ) from exc
    data = b"".join(parts)
    return (data, digest.hexdigest()) if hashed else data


def _check_version(path: Path, manifest: dict) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse(path, "format", f"不是 inspector 同步包（format 应为 {FORMAT}）")
    version = str(manifest.get("version", ""))
    try:
        major = int(version.split(".")[0])
    except ValueError as exc:
        raise _refuse(path, "format", f"格式版本 {version!r} 无法识别") from exc
    ours = int(FORMAT_VERSION.split(".")[0])
    if major > ours:
        raise _refuse(
            path,
            "newer",
            f"同步包格式版本 {version} 由更新版本的 inspector 生成（本软件支持 {FORMAT_VERSION}），请先升级本软件",
        )
    if major < ours:
        raise _refuse(path, "format", f"同步包格式版本 {version} 过旧，本软件只读取 {ours}.x")
    for key in ("id", "kind", "created_at", "device", "inspector", "signer", "audit"):
        if key not in manifest:
            raise _refuse(path, "corrupted", f"manifest.json 缺少字段 {key}")
    if manifest["kind"] not in KINDS:
        raise _refuse(path, "format", f"manifest.json 字段 kind 应为 {'/'.join(KINDS)}")


def _check_signature(path: Path, manifest: dict, manifest_bytes: bytes, signature_text: bytes):
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    from inspector.core.signing.certs import key_id

    signer = manifest.get("signer") or {}
    try:
        cert = x509.load_pem_x509_certificate(str(signer.get("cert_pem", "")).encode())
        signature = base64.b64decode(signature_text, validate=True)
        if base64.b64encode(signature) != signature_text:  # one spelling only (unused bits, padding)
            raise ValueError("manifest.sig 不是规范的 base64")
    except (ValueError, binascii.Error) as exc:
        raise _refuse(path, "signature", "签名或签名人证书无法读取") from exc
    public = cert.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey) or key_id(public) != signer.get("key_id"):
        raise _refuse(path, "signature", "签名人证书与清单中的密钥标识不符")
    try:
        public.verify(signature, manifest_bytes, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as exc:
        raise _refuse(path, "signature", "清单的签名不成立：包被改动，或不是由所称的执法人员签名") from exc
    return cert
