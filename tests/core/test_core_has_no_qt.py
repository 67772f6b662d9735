"""The core never imports Qt: importing every inspector.core module loads no PySide6 module."""

import subprocess
import sys

SCRIPT = r"""
import importlib, pkgutil, sys
import inspector.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "inspector.core.")]
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith(("PySide6.", "shiboken6")))
print(len(names))
print(",".join(qt))
"""


def test_importing_every_core_module_loads_no_qt():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout
    count, qt = out.splitlines()[0], out.splitlines()[1] if len(out.splitlines()) > 1 else ""
    assert int(count) >= 10
    assert qt == ""


def test_cli_commands_other_than_the_app_load_no_qt():
    script = (
        "import sys; from inspector.cli import build_parser; build_parser();"
        " print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
