"""Problems are numbered in a stable order — checklist item order, then the time recorded, then the order
saved — even when many findings share one millisecond (a fast disk): never by a random id."""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inspector.core import clock, profile
from inspector.core.capture import findings, inspections
from inspector.core.checklists.library import load_file
from inspector.core.documents import content
from tests.core.test_documents_support import set_office

COUNT = 50
MOMENT = datetime(2026, 3, 1, 2, 0, 0, 123000, tzinfo=UTC)


@pytest.fixture
def on_tmpfs(monkeypatch):
    """The workspace on tmpfs (/dev/shm) when the machine has one: saves there are as fast as it gets."""
    shm = Path("/dev/shm")
    if not shm.is_dir():
        yield None
        return
    home = Path(tempfile.mkdtemp(prefix="inspector-order-", dir=shm))
    monkeypatch.setenv("INSPECTOR_HOME", str(home))
    yield home
    shutil.rmtree(home, ignore_errors=True)


def _checklist(folder: Path):
    items = "\n".join(
        f"      - id: O-{n:03d}\n        content: 第{n}号部位的消防器材是否完好有效\n        method: 现场检查\n"
        f"        basis: [{{source: aqf, clause: 第三十六条}}]"
        for n in range(1, COUNT + 1)
    )
    path = folder / "order.yaml"
    path.write_text(
        'format: 1\nid: test-order\ntitle: 顺序测试检查表\nsector: hazchem\nversion: "1.0"\n'
        "effective: 2026-01-01\nsources:\n  - key: aqf\n    title: 中华人民共和国安全生产法\n"
        '    number: 主席令第88号\n    edition: "2021"\nsections:\n  - id: S1\n    title: 现场\n'
        f"    items:\n{items}\n",
        encoding="utf-8",
    )
    return load_file(path)


def test_fifty_findings_in_one_millisecond_are_numbered_in_checklist_order(on_tmpfs, tmp_path, monkeypatch):
    from inspector.core import demo
    from inspector.core.store import Store, paths

    store = Store.open(paths.workspace().ensure())
    try:
        demo.seed(store)
        set_office(store)
        checklist = _checklist(tmp_path)
        enterprise = store.row("SELECT id FROM enterprises ORDER BY name, id LIMIT 1")
        people = [profile.profile(store)["id"], profile.roster(store)[0]["id"]]
        inspection = inspections.start(store, enterprise["id"], [checklist], "例行检查", people, "厂区")
        monkeypatch.setattr(clock, "now", lambda: MOMENT)  # every save inside the same millisecond
        order = list(range(1, COUNT + 1))
        random.Random(7).shuffle(order)
        for n in order:
            item = f"O-{n:03d}"
            inspections.answer(store, inspection["id"], checklist.content_hash, item, "fail")
            findings.record(
                store,
                inspection["id"],
                checklist.content_hash,
                item,
                spot=f"{n}号部位",
                description="灭火器失效",
            )
        mine = store.rows("SELECT created_at FROM findings WHERE inspection_id=?", [inspection["id"]])
        stamps = {r["created_at"] for r in mine}
        assert len(stamps) == 1  # truly one millisecond
        inspections.finish(store, inspection["id"])
        row = inspections.get(store, inspection["id"])

        first = content.problems(store, row)
        assert [p["spot"] for p in first] == [f"{n}号部位" for n in range(1, COUNT + 1)]
        for _ in range(3):
            assert content.problems(store, row) == first

        # Without a checklist item to order by, the time recorded and then the order saved decide.
        store.conn.execute("UPDATE findings SET item_id = NULL WHERE inspection_id=?", [inspection["id"]])
        saved = [p["spot"] for p in content.problems(store, row)]
        assert saved == [f"{n}号部位" for n in order]
    finally:
        store.close()
