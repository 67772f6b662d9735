"""Fixtures shared by the core tests."""

import pytest

from tests.core.test_documents_support import finished_inspection, set_office


@pytest.fixture
def finished(demo_store, mini_checklist, tmp_path):
    """A finished inspection of the small test checklist with three findings, the office set up."""
    set_office(demo_store)
    return finished_inspection(demo_store, mini_checklist, tmp_path)


@pytest.fixture
def ledger_store(store):
    """The demo profile, colleagues and enterprises, and no inspection yet (the ledger tests)."""
    from inspector.core import demo

    demo.seed(store, with_inspections=False)
    return store
