"""Find a CJK TrueType font, register it with reportlab, and embed it as a subset.

Order of search: the path configured by the office (setting ``documents.font_path``, ``path`` or
``path#index`` for one face of a .ttc), then the usual system fonts — Song/FangSong faces first, since
the official formats are set in them. reportlab embeds TrueType outlines only: a CFF-flavoured font
(``OTTO``, or with a ``CFF ``/``CFF2`` table) is skipped with its reason. If nothing usable exists,
:class:`FontError` says exactly what to install. No PDF ever relies on the reader's fonts.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

SETTING = "documents.font_path"
# Characters every document prints: a font without them cannot set the documents.
PROBE = "安全生产行政执法文书责令限期整改指令书现场检查记录处理措施决定复查意见（）〔〕：号年月日0123456789"

# Family-name hints, best first: Song/Ming/FangSong faces match the printed forms; sans faces still
# serve, WenQuanYi Micro Hei last of all.
_PREFERRED = (
    "simsun",
    "songti",
    "fangsong",
    "simfang",
    "stsong",
    "ar pl uming",
    "ar pl sungti",
    "ming",
    "song",
    "kai",
    "simkai",
    "microsoft yahei",
    "simhei",
    "heiti",
    "pingfang",
    "droid sans fallback",
    "arial unicode",
    "wenquanyi zen hei",
    "wenquanyi micro hei",  # the last fallback: a sans face official documents are not set in
)

# The title's face: a Hei (sans, heavy) face where there is one, as printed forms set their titles.
HEADING_HINTS = ("simhei", "heiti", "microsoft yahei", "wenquanyi micro hei", "wenquanyi zen hei")
WINDOWS_HEADING_FONTS = ("simhei.ttf", "msyh.ttc")
LINUX_HEADING_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#0",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#0",
)

WINDOWS_FONTS = ("simsun.ttc", "simfang.ttf", "simkai.ttf", "simhei.ttf", "msyh.ttc", "msyh.ttf")
MACOS_FONTS = (
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/Library/Fonts/Songti.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)
LINUX_FONTS = (
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
)


class _CJKFont(TTFont):
    """A TTFont that remembers string widths: the CJK line breaker asks for them one character at a
    time, thousands of times per document."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._widths: dict[str, float] = {}

    def stringWidth(self, text, size, encoding="utf8"):
        if isinstance(text, bytes):
            text = text.decode(encoding)
        widths = self._widths
        try:
            units = sum(widths[ch] for ch in text) if len(text) != 1 else widths[text]
        except KeyError:
            get, default = self.face.charWidths.get, self.face.defaultWidth
            for ch in text:
                widths.setdefault(ch, get(ord(ch), default))
            units = sum(widths[ch] for ch in text)
        return 0.001 * size * units


class FontError(Exception):
    """No usable CJK font: the message lists what was skipped and what to install."""


@dataclass(frozen=True)
class Candidate:
    path: str
    index: int | None = None  # None: try every face of a collection
    family: str = ""


@dataclass(frozen=True)
class DocumentFont:
    name: str  # the reportlab name it is registered under
    path: str
    index: int
    family: str
    skipped: tuple[str, ...] = field(default=())  # why earlier candidates were passed over

    def covers(self, text: str) -> str:
        """The characters of ``text`` this font has no glyph for (empty when it has them all)."""
        glyphs = pdfmetrics.getFont(self.name).face.charToGlyph
        return "".join(sorted(ch for ch in set(text) if ord(ch) >= 32 and ord(ch) not in glyphs))


def install_advice(platform: str | None = None) -> str:
    platform = platform or sys.platform
    if platform.startswith("win"):
        return (
            "Windows 自带宋体 C:\\Windows\\Fonts\\simsun.ttc；若已被删除，"
            "请在“设置 → 应用 → 可选功能 → 添加功能”中安装“中文(简体)补充字体”，"
            "或在办公室设置中指定一个中文 TrueType 字体文件。"
        )
    if platform == "darwin":
        return (
            "macOS 自带宋体（Songti.ttc）和华文黑体（STHeiti）；若已被删除，"
            "请在“字体册”中恢复或下载“宋体-简”，或在办公室设置中指定一个中文 TrueType 字体文件。"
        )
    return (
        "请安装文鼎明体（宋体）：sudo apt-get install fonts-arphic-uming"
        "（Fedora：sudo dnf install cjkuni-uming-fonts），或在办公室设置中指定一个中文 TrueType 字体文件。"
    )


# -- reading the font file -----------------------------------------------------------------------------


def _faces(path: str) -> list[int]:
    """Offsets of the sfnt headers in a .ttf/.otf (one) or .ttc (several)."""
    with open(path, "rb") as fh:
        head = fh.read(12)
        if len(head) < 12:
            raise ValueError("文件太短，不是字体文件")
        if head[:4] == b"ttcf":
            count = struct.unpack(">I", head[8:12])[0]
            if not 0 < count < 256:
                raise ValueError("字体集合（TTC）头部损坏")
            return list(struct.unpack(f">{count}I", fh.read(4 * count)))
    return [0]


def _outline_problem(path: str, offset: int) -> str | None:
    """Why the face at ``offset`` cannot be embedded by reportlab, or None when it can."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        head = fh.read(12)
        version, count = head[:4], struct.unpack(">H", head[4:6])[0]
        tags = {fh.read(16)[:4] for _ in range(count)}
    if version == b"OTTO" or b"CFF " in tags or b"CFF2" in tags:
        return "字形为 CFF（PostScript）轮廓，reportlab 只能嵌入 TrueType 轮廓"
    if version not in (b"\x00\x01\x00\x00", b"true"):
        return f"不是 TrueType 字体（sfnt 版本 {version!r}）"
    if b"glyf" not in tags:
        return "缺少 glyf 表（没有 TrueType 轮廓）"
    return None


def _font_name(path: str, index: int) -> str:
    stem = hashlib.sha256(f"{Path(path).resolve()}#{index}".encode()).hexdigest()[:8]
    return f"InspectorCJK-{stem}"


def try_candidate(candidate: Candidate) -> DocumentFont | str:
    """Register the candidate's first usable face; return it, or the reason it cannot be used."""
    path = candidate.path
    if not os.path.isfile(path):
        return f"{path}：文件不存在"
    try:
        offsets = _faces(path)
    except (OSError, ValueError, struct.error) as exc:
        return f"{path}：无法读取（{exc}）"
    indexes = [candidate.index] if candidate.index is not None else list(range(len(offsets)))
    reasons = []
    for index in indexes:
        label = f"{path}#{index}" if len(offsets) > 1 else path
        if not 0 <= index < len(offsets):
            reasons.append(f"{label}：字体集合中没有第 {index} 个字体")
            continue
        try:
            problem = _outline_problem(path, offsets[index])
        except (OSError, struct.error) as exc:
            problem = f"无法读取（{exc}）"
        if problem:
            reasons.append(f"{label}：{problem}")
            continue
        name = _font_name(path, index)
        try:
            font = pdfmetrics.getFont(name) if name in pdfmetrics.getRegisteredFontNames() else None
            if font is None:
                font = _CJKFont(name, path, subfontIndex=index)
        except (TTFError, OSError, ValueError, struct.error) as exc:
            reasons.append(f"{label}：reportlab 无法使用（{exc}）")
            continue
        missing = [ch for ch in PROBE if ord(ch) not in font.face.charToGlyph]
        if missing:
            reasons.append(f"{label}：缺少文书所需的字形（如“{''.join(missing[:6])}”）")
            continue
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(font)
        family = candidate.family or font.face.name.decode("latin-1", "replace")
        return DocumentFont(name, path, index, family)
    return "；".join(reasons)


# -- where to look ------------------------------------------------------------------------------------


def parse_configured(value: str | None) -> Candidate | None:
    value = (value or "").strip()
    if not value:
        return None
    path, _, index = value.rpartition("#") if "#" in value else (value, "", "")
    if index and not index.isdigit():
        path, index = value, ""
    return Candidate(os.path.expanduser(path), int(index) if index else None, "")


def _rank(candidate: Candidate) -> tuple:
    """Best first and always the same order: the family hint, then the Simplified Chinese face of a
    family (AR PL UMing CN before its HK/TW faces), then file and face index."""
    family = candidate.family.lower()
    hint = next((i for i, h in enumerate(_PREFERRED) if h in family), len(_PREFERRED))
    simplified = family.endswith((" cn", " sc", " gb")) or "简" in family
    return hint, "mono" in family, not simplified, candidate.path, candidate.index or 0, family


def fontconfig_candidates() -> list[Candidate]:
    """Chinese fonts fontconfig knows of (``fc-list``), best first, then ``fc-match``'s own pick."""
    found: list[Candidate] = []
    if not shutil.which("fc-list"):
        return found
    fmt = "%{file}\t%{index}\t%{family[0]}\t%{fontformat}\n"
    commands = (["fc-list", "-f", fmt, ":lang=zh"], ["fc-match", "-f", fmt, "serif:lang=zh-cn"])
    for command in commands:
        try:
            out = subprocess.run(command, capture_output=True, text=True, timeout=20, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        batch = []
        for line in out.splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and parts[0]:
                index = int(parts[1]) if parts[1].isdigit() else None
                batch.append(Candidate(parts[0], index, parts[2]))
        found.extend(sorted(batch, key=_rank) if command[0] == "fc-list" else batch)
    return found


def system_candidates(platform: str | None = None) -> list[Candidate]:
    platform = platform or sys.platform
    if platform.startswith("win"):
        folders = [Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return [Candidate(str(folder / name)) for folder in folders for name in WINDOWS_FONTS]
    if platform == "darwin":
        return [Candidate(p) for p in MACOS_FONTS]
    return [*fontconfig_candidates(), *(Candidate(p) for p in LINUX_FONTS)]


def find_font(configured: str | None = None, platform: str | None = None) -> DocumentFont:
    """The first usable CJK font, registered with reportlab; FontError when there is none."""
    reasons: list[str] = []
    seen: set[tuple[str, int | None]] = set()
    first = parse_configured(configured)
    candidates = ([first] if first else []) + system_candidates(platform)
    for candidate in candidates:
        key = (os.path.normcase(candidate.path), candidate.index)
        if key in seen:
            continue
        seen.add(key)
        outcome = try_candidate(candidate)
        if isinstance(outcome, DocumentFont):
            return DocumentFont(outcome.name, outcome.path, outcome.index, outcome.family, tuple(reasons))
        if first is candidate or "不存在" not in outcome:
            reasons.append(outcome)
    detail = ("已跳过：" + "；".join(reasons) + "。") if reasons else "系统中没有中文 TrueType 字体。"
    raise FontError(f"找不到可嵌入 PDF 的中文字体。{detail}{install_advice(platform)}")


def heading_candidates(platform: str | None = None) -> list[Candidate]:
    platform = platform or sys.platform
    if platform.startswith("win"):
        folder = Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts"
        return [Candidate(str(folder / name), 0) for name in WINDOWS_HEADING_FONTS]
    if platform == "darwin":
        return [Candidate("/System/Library/Fonts/STHeiti Medium.ttc", 0)]
    return [parse_configured(p) for p in LINUX_HEADING_FONTS]


@functools.lru_cache(maxsize=8)
def heading_font(body: DocumentFont, platform: str | None = None) -> DocumentFont:
    """A Hei face for titles when the system has one, else the body font itself."""
    for candidate in heading_candidates(platform):
        outcome = try_candidate(candidate)
        if isinstance(outcome, DocumentFont):
            return outcome
    return body


@functools.lru_cache(maxsize=8)
def _cached(configured: str | None) -> DocumentFont:
    return find_font(configured)


def document_font(store=None) -> DocumentFont:
    """The font documents are set in: the office's configured one if usable, else the system's."""
    configured = store.setting(SETTING) if store is not None else None
    return _cached(configured or None)
