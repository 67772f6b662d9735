"""Shared helpers of the document tests: a finished inspection with findings, PDF → text/fonts/PNG."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image

from inspector.core import office, profile
from inspector.core.capture import findings, inspections

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")

GOVERNMENT, COURT = "巴音郭楞蒙古自治州", "库尔勒市人民法院"


def set_office(store, **changes) -> office.OfficeSettings:
    settings = office.load(store)
    settings.government, settings.court = GOVERNMENT, COURT
    for name, value in changes.items():
        setattr(settings, name, value)
    office.save(store, settings)
    return settings


def photo(folder: Path, name: str, colour: str = "#4a6fa5") -> Path:
    path = folder / name
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return path


FIRST_DEADLINE = date.today() + timedelta(days=20)  # deadlines lie after the inspection day
SECOND_DEADLINE = date.today() + timedelta(days=37)


def finished_inspection(
    store,
    checklist,
    folder: Path,
    enterprise_name: str = "库尔勒金泰化工有限责任公司",
    kind: str = "例行检查",
    failures=None,
) -> dict:
    """An inspection of the mini checklist, finished, with three findings (one major with measures)."""
    enterprise = store.row("SELECT id FROM enterprises WHERE name=?", [enterprise_name])
    people = [profile.profile(store)["id"], profile.roster(store)[0]["id"]]
    inspection = inspections.start(store, enterprise["id"], [checklist], kind, people, "罐区及仓库")
    sid = checklist.content_hash
    failures = (
        failures
        if failures is not None
        else {
            "T-002": dict(
                spot="安全管理部",
                description="安全管理人员未经考核合格",
                deadline=FIRST_DEADLINE,
                measures=["suspend"],
            ),
            "T-003": dict(spot="中控室", description="未如实记录隐患排查治理情况", deadline=SECOND_DEADLINE),
            "T-004": dict(
                spot="2号罐区",
                description="可燃气体检测报警装置未投用",
                deadline=FIRST_DEADLINE,
                measures=["evacuate", "stop_equipment"],
                immediate_measures="关闭罐区进出料阀门，设置警戒区域",
            ),
        }
    )
    for item in ("T-001", "T-002", "T-003", "T-004", "T-005", "T-006"):
        if item in failures:
            inspections.answer(store, inspection["id"], sid, item, "fail")
            finding = findings.record(store, inspection["id"], sid, item, **failures[item])
            if item == "T-004":
                findings.add_photo(store, finding["id"], photo(folder, f"{inspection['id']}-1.jpg"))
                second = photo(folder, f"{inspection['id']}-2.jpg", "#6b8e23")
                findings.add_photo(store, finding["id"], second)
        elif item == "T-005":
            inspections.answer(store, inspection["id"], sid, item, value=10)
        else:
            inspections.answer(store, inspection["id"], sid, item, "na" if item == "T-006" else "pass")
    inspections.finish(store, inspection["id"])
    return inspections.get(store, inspection["id"])


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text as pdftotext reads it, with all white space removed (lines wrap anywhere)."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", "", out.stdout.decode("utf-8"))


def pages_text(pdf: bytes, tmp_path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page) for page in pdf_text_raw(pdf, tmp_path).split("\f") if page.strip()]


def pdf_text_raw(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[dict]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type…] encoding emb sub uni object ID: emb/sub/uni are the 5th–3rd from the end
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def page_png(pdf: bytes, tmp_path: Path, page: int = 1, dpi: int = 80) -> Image.Image:
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    stem = tmp_path / f"page-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(stem),
        ],
        check=True,
    )
    return Image.open(f"{stem}.png").convert("L")


def ink_inside(image: Image.Image, box, dpi: int = 80, margin: float = 2.0) -> int:
    """Dark pixels strictly inside a signature box (its light border excluded)."""
    scale = dpi / 72
    height = image.height
    left = int((box.x + margin) * scale)
    right = int((box.x + box.w - margin) * scale)
    top = int(height - (box.y + box.h - margin) * scale)
    bottom = int(height - (box.y + margin) * scale)
    region = image.crop((left, top, right, bottom))
    return sum(region.histogram()[:128])


def test_the_helpers_build_a_finished_inspection(demo_store, mini_checklist, tmp_path):
    inspection = finished_inspection(demo_store, mini_checklist, tmp_path)
    assert inspection["status"] == "finished"
    assert len(inspections.findings_of(demo_store, inspection["id"])) == 3
