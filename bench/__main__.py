"""Run every benchmark: ``python -m bench [NAME …]`` (or ``inspector bench``).

Each module ``bench/bench_*.py`` defines ``run() -> list[Result]``. Results are ratios against a
baseline measured in the same run, so they mean the same on a fast desktop and an old laptop.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = [n for n in names if not argv or any(a in n for a in argv)]
    over = 0
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as home:
        os.environ["INSPECTOR_HOME"] = home  # never the real user folders
        for name in wanted:
            module = importlib.import_module(f"bench.{name}")
            for result in module.run():
                print(result.line(), flush=True)
                over += result.ratio > result.goal
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
