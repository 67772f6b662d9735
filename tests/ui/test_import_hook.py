"""The quicker "does this module use PySide6?" gives PySide6's own answer."""

from __future__ import annotations

import json
import sys

from inspector.ui import import_hook


def _feature():
    return next(sys.modules[n] for n in import_hook._HOOK_MODULES if n in sys.modules)


def test_the_quick_check_answers_as_pyside_does():
    import inspector.core.clock
    import inspector.ui.home_page

    assert import_hook.quicken() and import_hook.quicken()  # found, and idempotent
    quick = _feature()._mod_uses_pyside
    assert quick.quick
    assert quick(inspector.ui.home_page) is True  # imports PySide6
    assert quick(inspector.core.clock) is False  # core: never
    assert quick(sys) is False and quick(json) is False  # built-in, and standard library without PySide6


def test_a_module_whose_file_is_gone_falls_back_to_pysides_check(tmp_path):
    import types

    import_hook.quicken()
    module = types.ModuleType("gone")
    module.__file__ = str(tmp_path / "gone.py")  # no such file: PySide6's own check says no source
    assert _feature()._mod_uses_pyside(module) is False
