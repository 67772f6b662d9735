"""The statutory immediate measures are ticked in the finding editor, saved with the finding, shown again,
and are what the measures decision orders; the free text is only their detail."""

from PySide6.QtCore import Qt

from inspector.core.capture import inspections
from inspector.core.capture import measures as statutory
from tests.ui.conftest import current_id


def _to_major_item(qtbot, runner):
    for key in (Qt.Key_1, Qt.Key_1, Qt.Key_3):  # T-001 … T-003 answered → T-004, a major item
        qtbot.keyClick(runner.items, key)
    assert current_id(runner) == "T-004"
    qtbot.keyClick(runner.items, Qt.Key_2)  # fail → the finding opens
    return runner.editor


def test_ticking_a_measure_saves_it_with_the_finding(qtbot, typer, runner, demo_store, inspection):
    editor = _to_major_item(qtbot, runner)
    boxes = editor.measure_boxes
    assert list(boxes) == list(statutory.CODES)  # in the statute's order
    assert not any(box.isChecked() for box in boxes.values())  # nothing chosen for the inspector
    assert all(box.isVisible() for box in boxes.values())
    typer(editor.spot.lineEdit(), "2号罐区")
    qtbot.mouseClick(boxes["stop_equipment"], Qt.LeftButton)
    typer(editor.measures, "停止装卸作业")
    assert editor.save() is not None
    snapshot = runner.model.rows[0].snapshot_id
    finding = inspections.finding_for(demo_store, inspection["id"], snapshot, "T-004")
    assert statutory.load(finding["measures"]) == ["stop_equipment"]
    assert finding["immediate_measures"] == "停止装卸作业"
    assert inspections.open_problems(demo_store, inspection["id"])["no_measures"] == 0

    qtbot.mouseClick(boxes["evacuate"], Qt.LeftButton)  # ticking another saves after typing stops
    qtbot.waitUntil(lambda: not editor.pending())
    finding = inspections.finding_for(demo_store, inspection["id"], snapshot, "T-004")
    assert statutory.load(finding["measures"]) == ["evacuate", "stop_equipment"]

    editor.load(inspections.get(demo_store, inspection["id"]), snapshot, editor.item)  # shown again
    assert [code for code, box in boxes.items() if box.isChecked()] == ["evacuate", "stop_equipment"]
    assert editor.measures.toPlainText() == "停止装卸作业"


def test_a_major_finding_without_a_ticked_measure_is_named_before_finishing(
    qtbot, typer, runner, demo_store, inspection
):
    editor = _to_major_item(qtbot, runner)
    typer(editor.spot.lineEdit(), "2号罐区")
    typer(editor.measures, "责令立即停止相关作业")  # words alone choose nothing
    assert editor.save() is not None
    assert inspections.open_problems(demo_store, inspection["id"])["no_measures"] == 1
