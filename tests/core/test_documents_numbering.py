"""Document numbers: the format, per-device blocks, office-set blocks, two devices, crashes."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from inspector.core.documents import numbering
from inspector.core.documents.numbering import (
    NumberingError,
    format_number,
    set_block,
    set_series,
    take_number,
)
from inspector.core.store import Store, paths


def _take(store, kind="notice", year=2026):
    with store.transaction():
        return take_number(store, kind, year)


def test_the_number_reads_as_the_official_format():
    assert format_number("库", "notice", 2026, 17) == "（库）应急责改〔2026〕17号"
    assert format_number("（库）", "record", 2026, 1) == "（库）应急检记〔2026〕1号"
    assert format_number("库", "measures", 2026, 3) == "（库）应急现决〔2026〕3号"
    assert format_number("库", "recheck", 2027, 1001) == "（库）应急复查〔2027〕1001号"
    with pytest.raises(NumberingError, match="未知的文书种类"):
        format_number("库", "letter", 2026, 1)


def test_default_blocks_follow_the_device_series():
    assert numbering.default_block(1) == (1001, 1999)
    assert numbering.default_block(2) == (2001, 2999)
    assert numbering.default_block(0) == (1, 999)


def test_numbers_run_per_kind_and_year_from_the_device_block(demo_store):
    assert [_take(demo_store).seq for _ in range(3)] == [1001, 1002, 1003]
    assert _take(demo_store, "record").text == "（库）应急检记〔2026〕1001号"
    assert _take(demo_store, "notice", 2027).seq == 1001
    assert _take(demo_store).seq == 1004


def test_a_number_is_taken_only_inside_the_transaction_that_stores_the_document(demo_store):
    with pytest.raises(NumberingError, match="同一事务"):
        take_number(demo_store, "notice", 2026)


def test_a_rolled_back_transaction_gives_its_number_back(demo_store):
    with pytest.raises(RuntimeError), demo_store.transaction():
        assert take_number(demo_store, "notice", 2026).seq == 1001
        raise RuntimeError("the document could not be stored")
    assert _take(demo_store).seq == 1001


def test_the_office_sets_a_block_which_is_used_from_then_on(demo_store):
    assert _take(demo_store).seq == 1001
    set_block(demo_store, "notice", 2026, 5001, 5003)
    assert [_take(demo_store).seq for _ in range(3)] == [5001, 5002, 5003]
    with pytest.raises(NumberingError, match="编号段已用完"):
        _take(demo_store)
    # the default block's unused rest was given up, never handed out later
    blocks = numbering.blocks(demo_store, kind="notice", year=2026)
    assert [(b["first"], b["last"], b["next"]) for b in blocks] == [(1001, 1001, 1002), (5001, 5003, 5004)]


def test_a_block_may_not_overlap_numbers_already_used(demo_store):
    _take(demo_store)
    _take(demo_store)
    with pytest.raises(NumberingError, match="1001–1002"):
        set_block(demo_store, "notice", 2026, 1002, 1100)
    with pytest.raises(NumberingError, match="起始号不大于终止号"):
        set_block(demo_store, "notice", 2026, 10, 5)
    set_block(demo_store, "notice", 2026, 1003, 1100)  # right after the used ones: fine
    assert _take(demo_store).seq == 1003


def test_a_block_set_before_any_number_replaces_the_default(demo_store):
    set_block(demo_store, "record", 2026, 7001, 7999)
    set_block(demo_store, "record", 2026, 7001, 7500)  # changed its mind: the unused block is updated
    assert _take(demo_store, "record").seq == 7001
    assert [(b["first"], b["last"]) for b in numbering.blocks(demo_store, kind="record")] == [(7001, 7500)]


def test_a_missing_region_abbreviation_is_named(demo_store):
    demo_store.set_setting("office.region_abbr", "")
    with pytest.raises(NumberingError, match="地区简称"), demo_store.transaction():
        take_number(demo_store, "notice", 2026)


def _device_store(root, name: str, series: int) -> Store:
    from inspector.core import demo

    store = Store.open(paths.Workspace(root / name))
    demo.seed(store, with_inspections=False)
    set_series(store, series)
    return store


def test_two_devices_offline_never_issue_the_same_number(tmp_path):
    laptop_a = _device_store(tmp_path, "a", 1)
    laptop_b = _device_store(tmp_path, "b", 2)
    try:
        taken_a, taken_b = [], []
        for _ in range(25):  # interleaved, as two inspectors working the same day
            taken_a.append(_take(laptop_a).text)
            taken_b.append(_take(laptop_b).text)
        assert len(set(taken_a)) == len(set(taken_b)) == 25
        assert not set(taken_a) & set(taken_b)
        assert taken_a[0] == "（库）应急责改〔2026〕1001号" and taken_b[0] == "（库）应急责改〔2026〕2001号"
        # the office re-assigns blocks; still disjoint
        set_block(laptop_a, "notice", 2026, 3001, 3010)
        set_block(laptop_b, "notice", 2026, 3011, 3020)
        more_a = {_take(laptop_a).text for _ in range(10)}
        more_b = {_take(laptop_b).text for _ in range(10)}
        assert not more_a & more_b
        with pytest.raises(NumberingError):
            _take(laptop_a)
    finally:
        laptop_a.close()
        laptop_b.close()


CRASH = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from inspector.core.store import paths
    from inspector.core.store import Store
    from inspector.core.documents.numbering import take_number
    store = Store.open(paths.Workspace(Path(sys.argv[1])))
    with store.transaction():
        number = take_number(store, "notice", 2026)
        print(number.seq, flush=True)
        if sys.argv[2] == "crash":
            os._exit(3)          # power cut: the transaction never commits
    """
)


def test_a_crash_before_commit_neither_skips_nor_reuses_a_number(tmp_path):
    root = tmp_path / "ws"
    store = _device_store(tmp_path, "ws", 1)
    store.close()

    def run(mode):
        return subprocess.run([sys.executable, "-c", CRASH, str(root), mode], capture_output=True, text=True)

    first = run("commit")
    assert first.returncode == 0 and first.stdout.split() == ["1001"]
    crashed = run("crash")
    assert crashed.returncode == 3 and crashed.stdout.split() == ["1002"]
    again = run("commit")
    assert again.stdout.split() == ["1002"]  # the crashed transaction's number is not skipped
    after = run("commit")
    assert after.stdout.split() == ["1003"]  # and a committed one is never handed out twice
