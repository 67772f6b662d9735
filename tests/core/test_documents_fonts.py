"""Finding the CJK font: configured path first, then the system; TTC faces; CFF skipped; exact advice."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from inspector.core.documents import fonts, render
from inspector.core.documents.fonts import Candidate, FontError, find_font, install_advice, try_candidate
from inspector.core.documents.samples import sample_content

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_wqy = pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei not installed")


def _fake_sfnt(path: Path, version: bytes, tags: list[bytes]) -> Path:
    header = version + struct.pack(">HHHH", len(tags), 0, 0, 0)
    records = b"".join(tag + struct.pack(">III", 0, 0, 0) for tag in tags)
    path.write_bytes(header + records)
    return path


def test_a_system_cjk_font_is_found_and_registered():
    font = find_font()
    assert font.covers("责令限期整改指令书（库）应急责改〔2026〕17号") == ""
    assert Path(font.path).is_file()


@needs_wqy
def test_a_ttc_is_read_face_by_face():
    assert len(fonts._faces(str(WQY))) == 2
    proportional = try_candidate(Candidate(str(WQY), 0))
    mono = find_font(f"{WQY}#1")
    assert proportional.index == 0 and mono.index == 1 and mono.name != proportional.name


@needs_wqy
def test_the_configured_path_comes_first(monkeypatch):
    monkeypatch.setattr(fonts, "system_candidates", lambda platform=None: [Candidate(str(DEJAVU))])
    assert find_font(str(WQY)).path == str(WQY)


@pytest.mark.skipif(not DROID.exists(), reason="Droid Sans Fallback not installed")
def test_a_fallback_font_without_digits_is_skipped():
    reason = try_candidate(Candidate(str(DROID)))
    assert isinstance(reason, str) and "缺少文书所需的字形" in reason and "0" in reason


def test_a_cff_font_is_skipped_with_its_reason(tmp_path):
    otf = _fake_sfnt(tmp_path / "NotoSerifCJK-Regular.otf", b"OTTO", [b"CFF ", b"cmap", b"head"])
    reason = try_candidate(Candidate(str(otf)))
    assert isinstance(reason, str) and "CFF" in reason
    cff_in_ttc = tmp_path / "serif.ttc"
    face = _fake_sfnt(tmp_path / "face", b"\x00\x01\x00\x00", [b"CFF2", b"cmap"]).read_bytes()
    cff_in_ttc.write_bytes(b"ttcf" + struct.pack(">HHI", 1, 0, 1) + struct.pack(">I", 16) + face)
    assert "CFF" in try_candidate(Candidate(str(cff_in_ttc)))
    font = find_font(str(otf))  # falls back to a system font, saying why the configured one was passed
    assert any("CFF" in s for s in font.skipped)


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu not installed")
def test_a_font_without_chinese_is_skipped():
    reason = try_candidate(Candidate(str(DEJAVU)))
    assert isinstance(reason, str) and "缺少文书所需的字形" in reason


def test_no_usable_font_says_exactly_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "system_candidates", lambda platform=None: [])
    with pytest.raises(FontError, match="sudo apt-get install fonts-arphic-uming"):
        find_font(platform="linux")
    with pytest.raises(FontError, match="不存在") as caught:
        find_font(str(tmp_path / "missing.ttf"), platform="linux")
    assert "missing.ttf" in str(caught.value)
    assert "simsun.ttc" in install_advice("win32")
    assert "Songti" in install_advice("darwin")


def test_windows_and_macos_know_their_fonts():
    windows = [c.path for c in fonts.system_candidates("win32")]
    assert windows[0].lower().endswith("simsun.ttc")
    assert any(p.lower().endswith("simfang.ttf") for p in windows)
    assert any("Songti" in c.path for c in fonts.system_candidates("darwin"))


def test_a_character_the_font_lacks_is_refused_not_printed_blank():
    content = sample_content("notice", 1)
    content["enterprise"]["name"] = "𪚥记五金店"  # CJK extension B: not in the usual system fonts
    if find_font().covers("𪚥") == "":
        pytest.skip("this system's font has extension B")
    with pytest.raises(FontError, match="缺少这些字符：𪚥"):
        render(content)


def test_song_faces_come_first_and_wenquanyi_last():
    from inspector.core.documents.fonts import Candidate, _rank

    found = [
        Candidate("/f/wqy-microhei.ttc", 0, "WenQuanYi Micro Hei"),
        Candidate("/f/DroidSansFallbackFull.ttf", 0, "Droid Sans Fallback"),
        Candidate("/f/uming.ttc", 2, "AR PL UMing TW"),
        Candidate("/f/uming.ttc", 0, "AR PL UMing CN"),
        Candidate("/f/uming.ttc", 1, "AR PL UMing HK"),
    ]
    ranked = [c.family for c in sorted(found, key=_rank)]
    assert ranked[0] == "AR PL UMing CN" and ranked[-1] == "WenQuanYi Micro Hei"
    assert ranked == [c.family for c in sorted(reversed(found), key=_rank)]  # one order, always
    assert fonts.LINUX_FONTS[0].endswith("arphic/uming.ttc") and "wqy" in fonts.LINUX_FONTS[-1]
    assert [c.path.replace("\\", "/").rsplit("/", 1)[-1] for c in fonts.system_candidates("win32")][:3] == [
        "simsun.ttc",
        "simfang.ttf",
        "simkai.ttf",
    ]
    assert fonts.WINDOWS_HEADING_FONTS[0] == "simhei.ttf"
