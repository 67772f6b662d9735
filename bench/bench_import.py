"""Importing 100,000 enterprises from a sheet vs sqlite-utils ``insert_all`` of the same rows.

The candidate is :func:`enterprise_import.apply` (plan against the register, check every row, insert
with the audit trail, one transaction) on a sheet already read; the baseline inserts the same finished
rows with ``insert_all`` in one transaction into an identical empty workspace. Reading the .xlsx itself
(openpyxl) is timed once and shown in the note. ``INSPECTOR_BENCH_ROWS`` changes the row count.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench._harness import Result
from inspector.core import clock, demo, ids
from inspector.core.register import enterprise_import, uscc
from inspector.core.store import Store, paths

SECTORS = ("工贸", "危险化学品", "道路运输", "人员密集场所", "建筑施工")


def _code(n: int) -> str:
    first17 = f"91652801MA{n:07d}"
    return first17 + uscc.check_character(first17)


def _sheet(path: Path, count: int) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("企业名单")
    ws.append(["单位名称", "统一社会信用代码", "行业", "所属地区", "地址", "法定代表人", "联系电话"])
    for n in range(count):
        ws.append(
            [
                f"巴州第{n}号企业有限公司",
                _code(n) if n % 4 else None,  # a quarter without a code: matched by name
                SECTORS[n % len(SECTORS)],
                "库尔勒市",
                f"库尔勒市开发区{n}号",
                "王某",
                f"0996-{2000000 + n}",
            ]
        )
    book.save(path)
    return path


def _fresh(folder: Path, name: str) -> Store:
    store = Store.open(paths.Workspace(folder / name))
    demo.seed(store)
    return store


def run() -> list[Result]:
    count = int(os.environ.get("INSPECTOR_BENCH_ROWS", "100000"))
    folder = Path(tempfile.mkdtemp(prefix="bench-import-", dir=os.environ.get("INSPECTOR_HOME")))
    path = _sheet(folder / "企业名单.xlsx", count)
    start = time.perf_counter()
    sheet = enterprise_import.read_sheet(path)
    read_seconds = time.perf_counter() - start

    cand, base = [], []
    for round_no in range(2):
        store = _fresh(folder, f"base{round_no}")
        report = enterprise_import.plan(store, sheet)
        stamp = clock.utc_iso()
        records = [
            {
                **p.values,
                "id": ids.new_id(),
                "created_at": stamp,
                "updated_at": stamp,
                "origin_device": store.device_id,
            }
            for p in report.to_add
        ]
        start = time.perf_counter()
        with store.conn:
            store.db["enterprises"].insert_all(records, batch_size=1000)
        base.append(time.perf_counter() - start)
        store.close()

        store = _fresh(folder, f"cand{round_no}")
        report = enterprise_import.plan(store, sheet)
        start = time.perf_counter()
        applied = enterprise_import.apply(store, report)
        cand.append(time.perf_counter() - start)
        assert applied.added == count, applied.report.summary()
        store.close()
    note = f"{count} rows, audited; reading the .xlsx took {read_seconds:.1f} s"
    return [Result(f"enterprise import of {count} rows vs insert_all", min(cand), min(base), 3.0, note)]
