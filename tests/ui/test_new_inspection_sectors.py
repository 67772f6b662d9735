"""A new inspection proposes the checklists of the enterprise's sector (工贸, 烟花爆竹, 城镇燃气 included)."""

import pytest
from PySide6.QtCore import Qt

from inspector.core.checklists.library import load_for_workspace
from inspector.core.register import enterprises
from inspector.ui.new_inspection import NewInspectionDialog


@pytest.mark.parametrize(
    ("name", "sector_text", "proposed"),
    [
        ("巴州某钢铁有限公司", "冶金", "industry-trade"),
        ("库尔勒某面粉加工有限公司", "工贸", "industry-trade"),
        ("某烟花爆竹批发有限公司", "烟花爆竹", "fireworks"),
        ("某燃气有限公司", "城镇燃气", "city-gas"),
    ],
)
def test_the_sector_checklist_is_proposed_and_ticked(qtbot, demo_store, name, sector_text, proposed):
    enterprise = enterprises.create(demo_store, {"name": name, "sector": sector_text})
    dialog = NewInspectionDialog(demo_store, load_for_workspace(demo_store.workspace), enterprise["id"])
    qtbot.addWidget(dialog)
    rows = [dialog.checklists.item(i) for i in range(dialog.checklists.count())]
    ticked = [row.data(Qt.UserRole) for row in rows if row.checkState() == Qt.Checked]
    assert rows[0].data(Qt.UserRole) == proposed
    assert ticked == [proposed]
