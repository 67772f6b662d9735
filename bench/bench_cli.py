"""The command line as an inspector feels it: whole processes, each against a bare-Python baseline.

- ``inspector --help`` vs ``python -c pass`` (goal ≤ 3×): commands are imported only when they run;
- ``inspector checklists list --json`` vs a bare script that reads the same YAML files with the C
  loader (goal ≤ 2×).
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
from pathlib import Path

from bench._harness import Result, compare
from inspector.core.checklists import library
from inspector.core.store import paths

YAML_ONLY = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as handle:\n"
    "        yaml.load(handle.read(), Loader=yaml.CSafeLoader)\n"
)


def _process(*args: str):
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the package is byte-compiled first, as an installed app is

    def run() -> None:
        subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL, env=env)

    return run


def run() -> list[Result]:
    import inspector

    compileall.compile_dir(Path(inspector.__file__).parent, quiet=1)
    files = [str(p) for p in library.checklist_files(paths.bundled_checklists_dir())]
    return [
        compare(
            "inspector --help vs python -c pass",
            _process("-m", "inspector", "--help"),
            _process("-c", "pass"),
            goal=3,
            rounds=7,
        ),
        compare(
            "inspector checklists list --json vs bare yaml C loader",
            _process("-m", "inspector", "checklists", "list", "--json"),
            _process("-c", YAML_ONLY, *files),
            goal=2,
            rounds=7,
            note=f"{len(files)} files",
        ),
    ]
