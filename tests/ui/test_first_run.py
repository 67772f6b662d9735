"""The first-run dialog validates the profile and creates the device identity."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from inspector.core import profile
from inspector.ui.first_run import FirstRunDialog


def _fill(typer, dialog, name, cert, org, region):
    for widget, text in (
        (dialog.name, name),
        (dialog.cert_no, cert),
        (dialog.organisation, org),
        (dialog.region_abbr, region),
    ):
        widget.clear()
        typer(widget, text)


def test_first_run_rejects_bad_input_then_sets_up(qtbot, typer, store):
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(typer, dialog, "张伟", "65280019001", "巴音郭楞蒙古自治州应急管理局", "KRL")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.result() != QDialog.Accepted
    assert "地区简称" in dialog.error.text()
    assert dialog.focusWidget() is dialog.region_abbr
    assert not profile.is_set_up(store)

    _fill(typer, dialog, "张伟", "65280019001", "巴音郭楞蒙古自治州应急管理局", "库")
    dialog.series_no.setValue(7)
    qtbot.keyClick(dialog.region_abbr, Qt.Key_Return)
    assert dialog.result() == QDialog.Accepted
    assert profile.is_set_up(store)
    me = profile.profile(store)
    assert (me["name"], me["cert_no"]) == ("张伟", "65280019001")
    assert store.setting("office.region_abbr") == "库"
    assert profile.device(store)["series_no"] == 7
