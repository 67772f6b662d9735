"""Every test runs offscreen against its own data folder: no test touches the real user folders."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("INSPECTOR_PIN", None)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "inspector-home"
    monkeypatch.setenv("INSPECTOR_HOME", str(home))
    return home


@pytest.fixture
def workspace(isolated_home):
    from inspector.core import paths

    return paths.workspace().ensure()


@pytest.fixture
def store(workspace):
    from inspector.core.store import Store

    opened = Store.open(workspace)
    yield opened
    opened.close()


@pytest.fixture
def demo_store(store):
    """A workspace with the demo profile, colleagues and enterprises."""
    from inspector.core import demo

    demo.seed(store)
    return store
