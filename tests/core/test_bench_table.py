"""``inspector bench`` ends with one table: every result with its median, spread, goal and verdict."""

from pathlib import Path

from bench.__main__ import QUICK, _width, table
from bench._harness import Result


def test_the_table_has_every_result_with_its_goal_and_verdict():
    rows = [
        ("bench_runner", Result("open the runner", 1.0, 1.0, 2.0, ratios=[1.5, 1.7, 1.9])),
        ("bench_ledger", Result("search 罐区", 1.0, 1.0, 2.0, ratios=[2.5, 3.0, 9.0])),
        ("bench_sync", "the benchmark itself failed (traceback above)"),
    ]
    lines = table(rows).splitlines()
    assert lines[0].split() == ["benchmark", "comparison", "median", "min–max", "goal"]
    runner, ledger, sync = lines[2:]
    assert runner.split()[:1] == ["runner"] and runner.split()[-5:] == ["1.70×", "1.50–1.90", "≤", "2×", "ok"]
    assert ledger.split()[-5:] == ["3.00×", "2.50–9.00", "≤", "2×", "over"]
    assert sync.startswith("sync") and sync.endswith("FAILED")
    # the columns line up on a terminal, where each Chinese character takes two columns
    assert _width(runner[: runner.rindex(" ok")]) == _width(ledger[: ledger.rindex(" over")])


def test_quick_sizes_are_set_through_the_variables_the_benchmarks_read():
    bench = Path(__file__).resolve().parents[2] / "bench"
    sources = "".join(p.read_text(encoding="utf-8") for p in bench.glob("bench_*.py"))
    assert all(name in sources for name in QUICK)
