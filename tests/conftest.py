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
    from inspector.core.store import paths

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


MINI_CHECKLIST = __import__("pathlib").Path(__file__).parent / "data" / "mini-checklist.yaml"


@pytest.fixture
def mini_checklist():
    from inspector.core.checklists.library import load_file

    return load_file(MINI_CHECKLIST)


@pytest.fixture
def inspection(demo_store, mini_checklist):
    """A fresh draft inspection of the demo hazchem enterprise with the small test checklist."""
    from inspector.core import profile
    from inspector.core.capture import inspections

    enterprise = demo_store.row("SELECT id FROM enterprises WHERE name='库尔勒金泰化工有限责任公司'")
    people = [profile.profile(demo_store)["id"], profile.roster(demo_store)[0]["id"]]
    return inspections.start(demo_store, enterprise["id"], [mini_checklist], "例行检查", people, "罐区")


@pytest.fixture
def quick_keys(monkeypatch):
    """Cheaper key generation and PIN stretching: tests/core/test_signing_keys.py covers the real costs."""
    from inspector.core.signing import keys

    monkeypatch.setattr(keys, "RSA_BITS", 2048)
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    monkeypatch.setattr(keys, "LEGACY_SCRYPT_N", 2**10)
