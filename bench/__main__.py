"""Run every benchmark: ``python -m bench [--check] [--quick] [NAME …]`` (or ``inspector bench``).

Each module ``bench/bench_*.py`` defines ``run() -> list[Result]``. Results are ratios against a
baseline measured in the same run, so they mean the same on a fast desktop and an old laptop: the
median of paired rounds with its min–max. A busy machine moves them, so the exit code reports a missed
goal only with ``--check``. After the per-benchmark lines comes one table of every result with its goal.

``--quick`` runs the data-heavy benchmarks at a tenth of their size or less (see ``QUICK``), so the
whole set takes a few minutes; a size set in the environment still wins.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
import traceback
import unicodedata
from pathlib import Path


def _quiet_qt() -> None:
    """Keep the offscreen plugin's 'does not support propagateSizeHints()' chatter out of the table."""
    try:
        from PySide6.QtCore import qInstallMessageHandler
    except ImportError:
        return
    previous = None

    def handler(kind, context, message):
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)


# The sizes ``--quick`` uses, through the environment variables the benchmarks already read.
QUICK = {
    "BENCH_LISTS_SCALE": "0.1",  # bench_lists: 1/10 of the register and inspections
    "INSPECTOR_BENCH_SYNC": "50x50",  # bench_sync: bundles x findings (full: 1000x200)
    "INSPECTOR_BENCH_LEDGER": "100000,300000",  # bench_ledger (full: 100,000 and 1,000,000; its
    "INSPECTOR_BENCH_LEDGER_UI": "100000,300000",  # queries need enough matches) and bench_ledger_ui
    "INSPECTOR_BENCH_AUDIT_ROWS": "100000",  # bench_audit (full: 1,000,000)
    "INSPECTOR_BENCH_ROWS": "10000",  # bench_import (full: 100,000)
}


def _width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(rows: list[tuple[str, object]]) -> str:
    """Every result in one table: benchmark, what it compares, median ratio, min–max, goal, verdict."""
    head = ("benchmark", "comparison", "median", "min–max", "goal", "")
    lines = [
        (module.removeprefix("bench_"), result, "—", "—", "—", "FAILED")
        if isinstance(result, str)
        else (
            module.removeprefix("bench_"),
            result.name,
            f"{result.ratio:.2f}×",
            "{:.2f}–{:.2f}".format(*result.spread),
            f"≤ {result.goal:g}×",
            "ok" if result.ratio <= result.goal else "over",
        )
        for module, result in rows
    ]
    widths = [max(_width(str(line[i])) for line in [head, *lines]) for i in range(len(head))]
    rule = "  ".join("-" * w for w in widths)

    def fmt(line) -> str:
        cells = []
        for i, (cell, w) in enumerate(zip(line, widths, strict=True)):
            pad = " " * (w - _width(str(cell)))
            cells.append(pad + str(cell) if 2 <= i <= 4 else str(cell) + pad)
        return "  ".join(cells).rstrip()

    return "\n".join([fmt(head), rule, *(fmt(line) for line in lines)])


def main(argv: list[str]) -> int:
    check = "--check" in argv
    quick = "--quick" in argv
    argv = [a for a in argv if a not in ("--check", "--quick")]
    if quick:
        for name, value in QUICK.items():
            os.environ.setdefault(name, value)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _quiet_qt()
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = [n for n in names if not argv or any(a in n for a in argv)]
    over = failed = 0
    rows: list[tuple[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as home:
        os.environ["INSPECTOR_HOME"] = home  # never the real user folders
        for name in wanted:
            try:
                module = importlib.import_module(f"bench.{name}")
                results = module.run()
            except Exception:  # one broken benchmark does not lose the others' figures
                traceback.print_exc()
                rows.append((name, "the benchmark itself failed (traceback above)"))
                failed += 1
                continue
            for result in results:
                print(result.line(), flush=True)
                rows.append((name, result))
                over += result.ratio > result.goal
    if rows:
        print()
        print(table(rows) + ("\n(--quick: smaller data sets)" if quick else ""))
    if over:
        print(
            f"{over} benchmark(s) over their goal"
            + ("" if check else " (exit 0: pass --check to fail on it)")
        )
    if failed:
        print(f"{failed} benchmark(s) failed to run")
    return 1 if failed or (over and check) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
