"""The Excel export read back: headers, real dates, frozen header, filters, widths, text never formulas."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import datetime

import pytest

from inspector.core import ledger
from inspector.core.ledger import export
from inspector.core.ledger.lifecycle import LedgerError
from inspector.core.ledger.query import Filters
from tests.core.ledger_support import enterprise, hazard, visit

NOON = "T12:00:00.000+00:00"
TRICKY = ("=SUM(A1:A9)", "+86 138", "-配电箱无门", "@所有人")


@pytest.fixture
def rows(ledger_store):
    s = ledger_store
    inspection = visit(s, enterprise(s)["id"], "2026-01-05" + NOON)
    hazard(
        s,
        inspection,
        item="1",
        spot="2号罐区东侧的可燃气体检测报警装置",
        description="报警装置未投用",
        grade="major",
    )
    for n, text in enumerate(TRICKY):
        hazard(
            s,
            inspection,
            item=f"t{n}",
            spot=text,
            description=text,
            deadline=None if n == 3 else "2026-02-01",
        )
    return s


def test_the_workbook_reads_back(rows, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "台账.xlsx"
    seen = []
    written = export.export_xlsx(
        rows, out, Filters(), sort="n", descending=False, progress=lambda d, t: seen.append((d, t))
    )
    assert written == 5 and seen[-1] == (5, 5)
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header == [title for title, _, _ in export.COLUMNS]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:Q{written + 1}"
    first = {h: c.value for h, c in zip(header, sheet[2], strict=True)}
    assert first["被检查单位"] == "库尔勒金泰化工有限责任公司" and first["隐患等级"] == "重大事故隐患"
    assert isinstance(first["发现日期"], datetime) and first["发现日期"].date().isoformat() == "2026-01-05"
    assert sheet.cell(2, header.index("发现日期") + 1).number_format == "yyyy-mm-dd"
    assert first["状态"] == "待整改" and first["挂牌督办"] == "否" and first["编号"] >= 1
    for row, text in zip(sheet.iter_rows(min_row=3), TRICKY, strict=True):
        spot = row[header.index("隐患部位")]
        assert spot.value == text and spot.data_type == "s", text  # text, not a formula
    assert sheet.cell(6, header.index("整改期限") + 1).value is None  # no deadline: an empty cell
    widths = {h: sheet.column_dimensions[chr(65 + i)].width for i, h in enumerate(header)}
    assert widths["隐患部位"] >= 2 * len("2号罐区东侧的可燃气体检测报警装置") and widths["编号"] < 10
    assert all(w <= export.MAX_WIDTH for w in widths.values())


def test_filters_apply_and_bad_paths_or_a_cancel_leave_nothing(rows, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "major.xlsx"
    assert export.export_xlsx(rows, out, Filters(grades=("major",))) == 1
    assert load_workbook(out).active.max_row == 2
    with pytest.raises(LedgerError, match=r"\.xlsx"):
        export.export_xlsx(rows, tmp_path / "x.csv")
    with pytest.raises(LedgerError, match="文件夹不存在"):
        export.export_xlsx(rows, tmp_path / "nowhere" / "x.xlsx")
    cancelled = tmp_path / "cancelled.xlsx"
    with pytest.raises(export.ExportCancelled):
        export.export_xlsx(rows, cancelled, progress=lambda done, total: False)
    assert sorted(p.name for p in tmp_path.iterdir() if "cancelled" in p.name) == []
    assert ledger.count(rows) == 5


@pytest.mark.slow
@pytest.mark.skipif(
    not shutil.which("libreoffice") and not shutil.which("soffice"), reason="LibreOffice not installed"
)
def test_libreoffice_opens_it_and_reads_text_as_text(rows, tmp_path):
    out = tmp_path / "ledger.xlsx"
    export.export_xlsx(rows, out, sort="n", descending=False)
    office = shutil.which("libreoffice") or shutil.which("soffice")
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with open(tmp_path / "ledger.csv", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert table[0][:2] == ["编号", "被检查单位"]
    spots = [r[4] for r in table[2:]]
    assert spots == list(TRICKY)  # not evaluated: =SUM would have become a number or an error
    assert table[1][8] == "2026-01-05"
