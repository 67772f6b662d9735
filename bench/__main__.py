"""Run every benchmark: ``python -m bench [--check] [NAME …]`` (or ``inspector bench``).

Each module ``bench/bench_*.py`` defines ``run() -> list[Result]``. Results are ratios against a
baseline measured in the same run, so they mean the same on a fast desktop and an old laptop: the
median of paired rounds with its min–max. A busy machine moves them, so the exit code reports a missed
goal only with ``--check``.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
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


def main(argv: list[str]) -> int:
    check = "--check" in argv
    argv = [a for a in argv if a != "--check"]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _quiet_qt()
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
    if over:
        print(
            f"{over} benchmark(s) over their goal"
            + ("" if check else " (exit 0: pass --check to fail on it)")
        )
    return 1 if over and check else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
