"""整改率 and the other figures against a table computed by hand (see the comments)."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.core import profile
from inspector.core.ledger import stats
from inspector.core.ledger.query import Filters
from tests.core.ledger_support import enterprise, hazard, visit
from tests.core.test_documents_support import needs_poppler, page_png, pdf_fonts, pdf_text

TODAY = date(2026, 3, 10)
NOON = "T12:00:00.000+00:00"  # the same local day in any time zone from UTC−11 to UTC+11


@pytest.fixture
def table(ledger_store):
    s = ledger_store
    me, colleague = profile.profile(s)["id"], profile.roster(s)[0]["id"]
    mall = visit(s, enterprise(s, "库尔勒天百商贸有限公司（天百购物中心）")["id"], "2026-01-05" + NOON, me)
    site = visit(s, enterprise(s, "新疆天山建设集团有限公司梨城花园项目部")["id"], "2026-01-06" + NOON, me)
    mine = visit(s, enterprise(s, "尉犁县罗布人铁矿")["id"], "2026-01-07" + NOON, colleague)
    coal = visit(s, enterprise(s, "轮台县塔河煤业有限公司")["id"], "2025-11-20" + NOON, colleague)

    def closed(inspection, deadline, fixed, **kw):
        return hazard(
            s,
            inspection,
            deadline=deadline,
            status="verified",
            rectified_at=fixed + NOON,
            verified_at=fixed + NOON,
            **kw,
        )

    # h   where   first deadline  state                         due  closed  on time
    closed(
        mall, "2026-02-10", "2026-02-08", item="1"
    )  # h1  2026-02   closed before the deadline  yes  yes  yes
    closed(
        mall, "2026-02-20", "2026-02-25", item="2"
    )  # h2  2026-02   closed after it             yes  yes  no
    hazard(s, site, deadline="2026-03-01", grade="major", item="3")  # h3 open, 9 days overdue   yes  no   no
    hazard(s, site, deadline="2026-04-01", item="4")  # h4  open, not yet due                     no
    closed(
        site, "2026-04-15", "2026-03-05", item="5"
    )  # h5  2026-04   closed early               yes  yes  yes
    hazard(  # h6  reported fixed, awaiting the re-check                                          yes  no   no
        s, mine, deadline="2026-01-31", status="rectified", rectified_at="2026-01-30" + NOON, item="6"
    )
    closed(
        mine, "2026-02-28", "2026-02-28", item="7"
    )  # h7  fixed on the deadline day           yes  yes  yes
    hazard(s, coal, deadline="2026-03-10", grade="major", item="8")  # h8 due today, not overdue  yes  no   no
    hazard(s, mine, deadline="2026-03-05", item="9")  # h9  5 days overdue                       yes  no   no
    hazard(
        s, coal, deadline="2025-12-01", status="in_progress", item="10"
    )  # h10 99 days         yes  no   no
    hazard(s, site, deadline="2026-01-25", item="11")  # h11 44 days overdue                     yes  no   no
    return s


def _figures(rows):
    return {r["key"]: (r["due"], r["closed"], r["closed_on_time"]) for r in rows}


def test_rates_by_region_sector_inspector_and_month(table):
    f = Filters(today=TODAY)
    assert _figures(stats.rates(table, "region", f)) == {
        "库尔勒市": (5, 3, 2),  # h1 h2 h3 h5 h11
        "尉犁县": (3, 1, 1),  # h6 h7 h9
        "轮台县": (2, 0, 0),  # h8 h10
    }
    assert _figures(stats.rates(table, "sector", f)) == {
        "fire": (2, 2, 1),
        "construction": (3, 1, 1),
        "metal_mine": (3, 1, 1),
        "coal_mine": (2, 0, 0),
    }
    me, colleague = profile.profile(table)["id"], profile.roster(table)[0]["id"]
    assert _figures(stats.rates(table, "inspector", f)) == {me: (5, 3, 2), colleague: (5, 1, 1)}
    assert _figures(stats.rates(table, "month", f)) == {
        "2025-12": (1, 0, 0),
        "2026-01": (2, 0, 0),
        "2026-02": (3, 3, 2),
        "2026-03": (3, 0, 0),
        "2026-04": (1, 1, 1),
    }
    region = {r["key"]: r for r in stats.rates(table, "region", f)}
    assert region["库尔勒市"]["rate_on_time"] == pytest.approx(2 / 5)
    assert region["库尔勒市"]["rate_closed"] == pytest.approx(3 / 5)
    total = stats.total_rate(table, f)
    assert (total["due"], total["closed"], total["closed_on_time"]) == (10, 4, 3)
    assert stats.as_percent(total["rate_on_time"]) == "30.0%" and stats.as_percent(None) == "—"
    sector_labels = {r["key"]: r["label"] for r in stats.rates(table, "sector", f)}
    assert sector_labels["fire"] != "fire"  # shown in Chinese


def test_counts_and_overdue_ageing(table):
    f = Filters(today=TODAY)
    counts = stats.counts(table, f)
    assert counts["by_status"] == {"open": 5, "in_progress": 1, "rectified": 1, "verified": 4}
    assert counts["by_grade"] == {"general": 9, "major": 2} and counts["total"] == 11
    assert counts["by_status_grade"]["open"] == {"general": 3, "major": 2}
    assert [(a["label"], a["n"]) for a in stats.ageing(table, f)] == [
        ("0–7天", 1),  # h9
        ("8–30天", 1),  # h3
        ("31–90天", 1),  # h11
        (">90天", 1),  # h10
    ]
    later = stats.ageing(table, Filters(today=date(2026, 3, 11)))  # h8 is now 1 day overdue
    assert later[0]["n"] == 2


def test_figures_follow_the_filters(table):
    f = Filters(today=TODAY, regions=("尉犁县",))
    assert _figures(stats.rates(table, "region", f)) == {"尉犁县": (3, 1, 1)}
    assert stats.counts(table, f)["total"] == 3
    summary = stats.summary(table, Filters(today=TODAY))
    assert set(summary) == {"today", "total", "counts", "ageing", "by", "repeats"}
    assert set(summary["by"]) == {"region", "sector", "inspector", "month"}


@needs_poppler
def test_the_a4_summary_prints_the_figures(table, tmp_path):
    from inspector.core.ledger import summary_pdf

    made = "2026-03-10T02:30:00+00:00"
    pdf = summary_pdf.render(table, Filters(today=TODAY), made_at=made)
    assert pdf == summary_pdf.render(table, Filters(today=TODAY), made_at=made)  # deterministic
    text = pdf_text(pdf, tmp_path)
    assert "隐患排查治理台账统计表" in text and "2026年3月10日" in text and "全部隐患" in text
    assert "104330.0%40.0%" in text  # total: due 10, closed 4, on time 3
    assert "库尔勒市53240.0%60.0%" in text  # region row: due, closed, on time, rates
    assert "0–7天" in text and ">90天" in text
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all(f["emb"] == "yes" for f in fonts)
    page_png(pdf, tmp_path).save(tmp_path / "summary.png")
    (tmp_path.parent / "ledger-summary.pdf").write_bytes(pdf)  # kept for a look
    narrowed = pdf_text(
        summary_pdf.render(table, Filters(today=TODAY, regions=("尉犁县",), overdue=True)), tmp_path
    )
    assert "地区：尉犁县；仅逾期" in narrowed
