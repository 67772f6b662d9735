"""The sample register shipped for newcomers imports cleanly: every row new, no problem, no warning."""

from pathlib import Path

from inspector.core.register import enterprise_import, uscc

SAMPLE = Path(__file__).parents[2] / "resources" / "samples" / "企业名单.xlsx"


def test_the_sample_register_imports_without_a_problem(demo_store):
    report = enterprise_import.read(demo_store, SAMPLE)
    assert len(report.to_add) == 8 and not report.rejected and not report.warnings
    assert all(uscc.validate(p.values["code"]) for p in report.to_add)
    enterprise_import.apply(demo_store, report)
    assert {p.values["name"] for p in report.to_add} <= {
        r["name"] for r in demo_store.rows("SELECT name FROM enterprises")
    }
