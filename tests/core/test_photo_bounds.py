"""Hostile and oversized photos: each refused with its file and the limit, the others kept."""

import pytest
from PIL import Image

from inspector.core.capture import findings, media
from tests import hostile
from tests.core.test_findings import _fail, _jpeg


@pytest.fixture
def finding(demo_store, inspection, mini_checklist):
    return _fail(demo_store, inspection, mini_checklist, "T-004")


def refused(store, finding, path) -> str:
    before = hostile.database_hash(store)
    with pytest.raises(media.MediaError) as caught:
        findings.add_photo(store, finding["id"], path)
    assert hostile.database_hash(store) == before
    assert not list(media.media_root(store).rglob("*.part"))
    return str(caught.value)


def test_a_decompression_bomb_is_refused_from_its_header(demo_store, finding, tmp_path):
    bomb = hostile.png_bomb(tmp_path / "bomb.png", side=12_000)  # 144 megapixels in a few dozen KB
    assert bomb.stat().st_size < 100_000
    message = refused(demo_store, finding, bomb)
    assert message.startswith("bomb.png 有 12000×12000 像素，超过了照片的上限 120 百万像素")


def test_pils_own_bomb_error_is_the_same_clear_error(demo_store, finding, tmp_path, monkeypatch):
    monkeypatch.setattr(media, "MAX_PHOTO_PIXELS", 10**12)  # PIL's limit is met first
    bomb = hostile.png_bomb(tmp_path / "bomb.png", side=40_000)
    assert "bomb.png 声明的像素过多" in refused(demo_store, finding, bomb)


def test_a_photo_above_the_size_limit_is_refused_with_the_limit(demo_store, finding, tmp_path, monkeypatch):
    monkeypatch.setattr(media, "MAX_PHOTO_BYTES", 2 * 2**20)
    big = tmp_path / "scan.png"
    Image.effect_noise((1200, 1200), 64).convert("RGB").save(big)
    assert big.stat().st_size > 2 * 2**20
    assert "超过了照片的上限 2 MB" in refused(demo_store, finding, big)


def test_out_of_memory_while_reading_a_photo_is_a_clear_error(demo_store, finding, tmp_path, monkeypatch):
    photo = _jpeg(tmp_path / "IMG_1.jpg")

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(media.Image, "open", no_memory)
    assert refused(demo_store, finding, photo) == "IMG_1.jpg 太大，内存不足以读取"


def test_a_batch_keeps_every_good_photo_and_names_each_bad_one(demo_store, finding, tmp_path):
    first, last = _jpeg(tmp_path / "IMG_1.jpg"), _jpeg(tmp_path / "IMG_3.jpg", colour="green")
    bogus = tmp_path / "IMG_2.jpg"
    bogus.write_text("not a picture")
    bomb = hostile.png_bomb(tmp_path / "IMG_bomb.png")
    added, failures = findings.add_photos(demo_store, finding["id"], [first, bogus, bomb, last])
    assert [a["original_name"] for a in added] == ["IMG_1.jpg", "IMG_3.jpg"]
    assert [f.split(" ")[0] for f in failures] == ["IMG_2.jpg", "IMG_bomb.png"]
    assert [p["original_name"] for p in findings.photos(demo_store, finding["id"])] == [
        "IMG_1.jpg",
        "IMG_3.jpg",
    ]


def test_preparing_a_photo_reports_progress_and_a_cancel_leaves_nothing(
    demo_store, finding, tmp_path, monkeypatch
):
    from inspector.core import progress

    monkeypatch.setattr(media, "_BLOCK", 4096)
    photo = tmp_path / "scan.png"
    Image.effect_noise((300, 300), 64).convert("RGB").save(photo)
    seen = []

    def stop_in_the_copy(done, total):
        seen.append(done)
        if done > total * 3 // 4:
            raise progress.Cancelled()

    media_dir = media.media_root(demo_store)
    files = sorted(p for p in media_dir.rglob("*") if p.is_file())
    before = hostile.database_hash(demo_store)
    with pytest.raises(progress.Cancelled):
        media.prepare(media_dir, photo, stop_in_the_copy)
    assert seen == sorted(seen) and len(seen) > 10
    assert sorted(p for p in media_dir.rglob("*") if p.is_file()) == files  # no .part, no half copy
    assert hostile.database_hash(demo_store) == before
    prepared = findings.prepare_photos(media_dir, [photo, tmp_path / "gone.jpg"])
    assert isinstance(prepared[0], media.Prepared) and isinstance(prepared[1], media.MediaError)
    added, failures = findings.add_photos(demo_store, finding["id"], prepared)
    assert [a["original_name"] for a in added] == ["scan.png"] and "gone.jpg" in failures[0]
