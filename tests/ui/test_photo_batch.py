"""A batch of photos with a bad one in the middle: the others are kept, each refusal is named."""

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inspector.core.capture import findings, inspections
from tests import hostile
from tests.ui.conftest import current_id


def test_a_bad_photo_never_drops_the_ones_after_it(
    qtbot, typer, runner, demo_store, inspection, tmp_path, monkeypatch
):
    good = []
    for n, colour in enumerate(("navy", "green")):
        good.append(tmp_path / f"IMG_{n}.jpg")
        Image.new("RGB", (64, 48), colour).save(good[-1], "JPEG")
    bogus = tmp_path / "IMG_broken.jpg"
    bogus.write_bytes(b"\xff\xd8 cut off")
    bomb = hostile.png_bomb(tmp_path / "IMG_bomb.png", side=12_000)
    chosen = [str(good[0]), str(bogus), str(bomb), str(good[1])]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (chosen, "")))
    for key in (Qt.Key_1, Qt.Key_1, Qt.Key_1):
        qtbot.keyClick(runner.items, key)
    assert current_id(runner) == "T-004"
    qtbot.keyClick(runner.items, Qt.Key_2)
    editor = runner.editor
    typer(editor.spot.lineEdit(), "3号罐区")
    qtbot.mouseClick(editor.add_photo, Qt.LeftButton)

    assert editor.photos.count() == 2  # both good photos, the one after the bad ones too
    snapshot = runner.model.rows[0].snapshot_id
    finding = inspections.finding_for(demo_store, inspection["id"], snapshot, "T-004")
    assert [p["original_name"] for p in findings.photos(demo_store, finding["id"])] == [
        "IMG_0.jpg",
        "IMG_1.jpg",
    ]
    lines = editor.error.text().split("\n")
    assert lines[0] == "2 photo(s) not added:"
    assert lines[1] == "IMG_broken.jpg 不是可识别的图片文件"
    assert lines[2].startswith("IMG_bomb.png 有 12000×12000 像素，超过了照片的上限")
    assert runner.saved.text() == "Not saved"  # never "Saved" while photos the user chose were refused
    assert "IMG_bomb.png" in runner.saved.toolTip()


def test_adding_photos_runs_in_the_background_and_can_be_cancelled(
    qtbot, typer, runner, demo_store, inspection, tmp_path, monkeypatch
):
    import time

    from tests.ui.test_background import cancel_when_shown

    photo = tmp_path / "IMG_big.jpg"
    Image.new("RGB", (64, 48), "navy").save(photo, "JPEG")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(photo)], "")))

    def slow(media_dir, paths, progress):  # stands in for hashing and copying a 500 MB photo
        for step in range(1000):
            progress(step, 1000)
            time.sleep(0.005)
        raise AssertionError("not cancelled")

    monkeypatch.setattr(findings, "prepare_photos", slow)
    for key in (Qt.Key_1, Qt.Key_1, Qt.Key_1, Qt.Key_2):
        qtbot.keyClick(runner.items, key)
    typer(runner.editor.spot.lineEdit(), "3号罐区")
    cancel_when_shown(runner)
    qtbot.mouseClick(runner.editor.add_photo, Qt.LeftButton)
    assert runner.editor.error.text() == "Adding photos was cancelled: none of them was added."
    assert runner.editor.photos.count() == 0 and runner.saved.text() == "Not saved"
