"""The A4 statistics summary carries the time it was made (not reportlab's 2000-01-01) and, in the demo
workspace, the same 「演示」 mark as the documents."""

from __future__ import annotations

import subprocess

from inspector.core.documents import layout
from inspector.core.ledger import summary_pdf
from inspector.core.store import Store, paths
from tests.core.test_documents_support import needs_poppler, pdf_text

MADE_AT = "2026-11-30T09:41:00+00:00"


def _info(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", "-isodates", str(path)], capture_output=True, text=True).stdout


@needs_poppler
def test_the_summary_carries_the_time_it_was_made(demo_store, tmp_path):
    info = _info(summary_pdf.render(demo_store, made_at=MADE_AT), tmp_path)
    (y, mo, d, h, mi, _), *_ = layout._pdf_time(MADE_AT)
    assert f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}" in info.split("CreationDate:")[1].splitlines()[0]
    assert "2000-01-01" not in info
    assert "2000-01-01" not in _info(summary_pdf.render(demo_store), tmp_path)  # now, by default


@needs_poppler
def test_the_demo_workspaces_summary_says_so(demo_store, tmp_path, monkeypatch):
    assert "演示" not in pdf_text(summary_pdf.render(demo_store, made_at=MADE_AT), tmp_path)
    monkeypatch.setenv("INSPECTOR_HOME", str(tmp_path / "home"))
    store = Store.open(paths.demo_workspace())
    try:
        from inspector.core import demo

        demo.seed(store)
        assert "演示" in pdf_text(summary_pdf.render(store, made_at=MADE_AT), tmp_path)
    finally:
        store.close()
