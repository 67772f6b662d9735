"""Property-based: any set of bundles in any order, any number of times → the same office database; any
corruption of a bundle → refused, database unchanged; a laptop restored from an old backup → detected."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.core import profile, signing
from inspector.core.checklists.library import load_file
from inspector.core.documents import issue
from inspector.core.store import Store, paths
from inspector.core.sync import export_bundle, import_bundle
from inspector.core.sync.package import build_package
from tests.conftest import MINI_CHECKLIST
from tests.core.sync_support import PIN, content_digest, dump_hash, office_with_register, workspace_store
from tests.core.test_documents_support import finished_inspection

pytestmark = pytest.mark.usefixtures("quick_keys")  # the same key costs as the module's world

SETTINGS = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _snapshot(store: Store, target: Path) -> None:
    store.conn.execute("VACUUM INTO ?", [str(target)])


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Two laptops with two incremental bundles each, the office as it was before any import, and a
    copy of laptop A's database taken between its two exports (for the restored-laptop case)."""
    from inspector.core.signing import keys

    root = tmp_path_factory.mktemp("sync-world")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INSPECTOR_HOME", str(root / "home"))
        mp.setattr(keys, "RSA_BITS", 2048)
        mp.setattr(keys, "SCRYPT_N", 2**10)
        checklist = load_file(MINI_CHECKLIST)
        office = office_with_register("office")
        register = build_package(office, "库尔勒经济技术开发区", root / "register.zip", pin=PIN)
        office.close()
        pristine = root / "office-pristine"
        shutil.copytree(paths.workspace("office").root, pristine)
        bundles = {}
        laptops = {}
        for name, person, cert in (("a", "张检查", "FIELD-0001"), ("b", "李检查", "FIELD-0002")):
            laptop = workspace_store(f"laptop-{name}", "field", person, cert)
            assert import_bundle(laptop, register.path, trust=True).ok
            inspection = finished_inspection(laptop, checklist, root)
            bundles[f"{name}1"] = export_bundle(laptop, root / f"{name}1.zip", pin=PIN).path
            if name == "a":
                _snapshot(laptop, root / "a-old.db")
            signer = signing.signer_for(laptop, profile.profile(laptop)["id"], PIN)
            issue(laptop, "notice", inspection["id"], signer=signer)
            hazard = laptop.row("SELECT id FROM hazards ORDER BY id LIMIT 1")
            laptop.update("hazards", hazard["id"], {"deadline": "2099-01-01"})
            bundles[f"{name}2"] = export_bundle(laptop, root / f"{name}2.zip", pin=PIN).path
            laptops[name] = laptop.workspace.root
            laptop.close()
        reference = _office(root, pristine, "reference")
        for key in ("a1", "a2", "b1", "b2"):
            report = import_bundle(reference, bundles[key], trust=True)
            assert report.ok, report.message
        expected = content_digest(reference)
        reference.close()
    return {"root": root, "pristine": pristine, "bundles": bundles, "expected": expected, "laptops": laptops}


_counter = iter(range(10**9))


def _office(root: Path, pristine: Path, name: str | None = None) -> Store:
    target = root / (name or f"office-{next(_counter)}")
    shutil.copytree(pristine, target)
    return Store.open(paths.Workspace(target))


@SETTINGS
@given(
    order=st.permutations(["a1", "a2", "b1", "b2"]),
    extra=st.lists(st.sampled_from(["a1", "a2", "b1", "b2"]), max_size=4),
)
def test_any_order_any_number_of_times_gives_the_same_office(world, order, extra):
    office = _office(world["root"], world["pristine"])
    sequence = [*order, *extra]
    try:
        for _ in range(4):  # a bundle refused for a gap goes in on a later pass, once its predecessor is in
            before = content_digest(office)
            for key in sequence:
                report = import_bundle(office, world["bundles"][key], trust=True)
                assert report.ok or report.reason == "gap", report.message
            if content_digest(office) == before:
                break
        assert content_digest(office) == world["expected"]
    finally:
        office.close()


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


@st.composite
def corruptions(draw):
    key = draw(st.sampled_from(["a1", "a2", "b1"]))
    how = draw(st.sampled_from(["truncate", "flip", "remove", "add", "swap"]))
    return (
        key,
        how,
        draw(st.integers(min_value=0, max_value=2**31)),
        draw(st.integers(min_value=1, max_value=255)),
    )


@SETTINGS
@given(corruption=corruptions())
def test_any_corruption_is_refused_and_changes_nothing(world, corruption):
    key, how, where, xor = corruption
    source = world["bundles"][key]
    other = world["bundles"]["b2" if key.startswith("a") else "a2"]
    entries = _entries(source)
    names = sorted(entries)
    name = names[where % len(names)]
    if how == "truncate":
        data = source.read_bytes()
        damaged = data[: where % len(data)]
    elif how == "flip":
        content = bytearray(entries[name])
        if not content:
            content = bytearray(b"\0")
        content[where % len(content)] ^= xor
        damaged = _zip({**entries, name: bytes(content)})
    elif how == "remove":
        damaged = _zip({n: d for n, d in entries.items() if n != name})
    elif how == "add":
        foreign = _entries(other)
        extra = sorted(set(foreign) - set(entries)) or ["notes.txt"]
        pick = extra[where % len(extra)]
        damaged = _zip({**entries, pick: foreign.get(pick, b"hello")})
    else:
        foreign = _entries(other)
        shared = [n for n in sorted(set(foreign) & set(entries)) if foreign[n] != entries[n]]
        pick = shared[where % len(shared)]
        damaged = _zip({**entries, pick: foreign[pick]})
    path = world["root"] / f"damaged-{next(_counter)}.zip"
    path.write_bytes(damaged)
    office = _office(world["root"], world["pristine"])
    try:
        if key == "a2":
            assert import_bundle(office, world["bundles"]["a1"], trust=True).ok
        before = dump_hash(office)
        report = import_bundle(office, path, trust=True)
        assert not report.ok, (how, name)
        assert report.reason in {"truncated", "corrupted", "tampered", "signature", "format"}, report.message
        assert dump_hash(office) == before
    finally:
        office.close()


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.integers(min_value=0, max_value=3), full=st.booleans())
def test_a_laptop_restored_from_an_old_backup_is_detected(world, changes, full):
    office = _office(world["root"], world["pristine"])
    laptop_root = world["root"] / f"restored-{next(_counter)}"
    shutil.copytree(world["laptops"]["a"], laptop_root)
    for side in ("inspector.db-wal", "inspector.db-shm"):
        (laptop_root / side).unlink(missing_ok=True)
    shutil.copyfile(world["root"] / "a-old.db", laptop_root / "inspector.db")
    laptop = Store.open(paths.Workspace(laptop_root))
    try:
        for key in ("a1", "a2"):
            assert import_bundle(office, world["bundles"][key], trust=True).ok
        enterprise = laptop.row("SELECT id FROM enterprises ORDER BY id LIMIT 1")
        for n in range(changes):
            laptop.update("enterprises", enterprise["id"], {"notes": f"恢复后改动 {n}"})
        bundle = export_bundle(laptop, world["root"] / f"restored-{next(_counter)}.zip", full=full, pin=PIN)
        before = dump_hash(office)
        report = import_bundle(office, bundle.path)
        assert not report.ok
        assert report.reason in {"backwards", "fork"}, report.message
        assert "恢复" in report.message or "替换" in report.message
        assert dump_hash(office) == before
    finally:
        laptop.close()
        office.close()
