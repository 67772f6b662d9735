"""The runner shows a combined judgement's count as items fail, and never shows [UNCONFIRMED] remarks."""

from PySide6.QtCore import Qt

from inspector.core import profile
from inspector.core.capture import inspections
from inspector.core.checklists.library import load_file
from inspector.ui.runner.runner import RunnerWidget
from tests.conftest import MINI_CHECKLIST
from tests.ui.conftest import current_id


def _checklist(tmp_path):
    text = MINI_CHECKLIST.read_text(encoding="utf-8")
    text = text.replace(
        "        basis: [{source: aqf, clause: 第二十二条}]\n",
        "        basis: [{source: aqf, clause: 第二十二条}]\n"
        "        note: 责任制见第二十二条。条号凭记忆 [UNCONFIRMED]。\n",
        1,
    )
    text += (
        "combined:\n"
        "  - {id: C1, title: 综合判定, basis: {source: hc-major, clause: '6.2'}, needed: 2,"
        " items: [T-001, T-002, T-003]}\n"
    )
    path = tmp_path / "mini-combined.yaml"
    path.write_text(text, encoding="utf-8")
    return load_file(path)


def test_combined_count_follows_the_answers_and_unconfirmed_stays_hidden(qtbot, demo_store, tmp_path):
    checklist = _checklist(tmp_path)
    enterprise = demo_store.row("SELECT id FROM enterprises WHERE name='库尔勒金泰化工有限责任公司'")
    people = [profile.profile(demo_store)["id"], profile.roster(demo_store)[0]["id"]]
    inspection = inspections.start(demo_store, enterprise["id"], [checklist], "例行检查", people, "罐区")
    runner = RunnerWidget(demo_store, inspection["id"])
    qtbot.addWidget(runner)
    runner.resize(1366, 768)
    runner.show()
    panel = runner.panel

    assert current_id(runner) == "T-001"
    assert panel.combined.isVisible()
    assert "2 of these 3 conditions" in panel.combined.text() and "0 failing now" in panel.combined.text()
    assert "责任制见第二十二条。" in panel.extra.text()
    assert "UNCONFIRMED" not in panel.extra.text() and "凭记忆" not in panel.extra.text()

    def go(item_id):
        runner.items.setCurrentIndex(
            runner.proxy.mapFromSource(runner.model.index_of(checklist.content_hash, item_id))
        )

    go("T-004")  # not one of the combined conditions
    assert not panel.combined.isVisible()
    go("T-001")
    qtbot.keyClick(runner.items, Qt.Key_2)  # T-001 fails
    assert "1 failing now" in panel.combined.text()
