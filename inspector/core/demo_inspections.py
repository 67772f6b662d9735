"""Realistic finished inspections for the demo workspace: answers, general and major hazards, photos."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

from inspector.core import clock, findings, inspections, profile
from inspector.core.checklists.library import Library
from inspector.core.store import Store

# (enterprise name, checklist id, kind, days ago, finished, failures: item position → (spot, grade override))
PLAN = [
    ("库尔勒金泰化工有限责任公司", "hazchem", "例行检查", 75, True,
     {4: "2号罐区", 12: "甲类仓库", 30: "1号装置区控制室"}),
    ("库尔勒金泰化工有限责任公司", "hazchem", "复查", 12, True,
     {4: "2号罐区", 18: "动火作业现场（2号罐区东侧）", 40: "危化品仓库西门"}),
    ("轮台县塔河煤业有限公司", "coal-mine", "复工复产验收", 20, True,
     {15: "1103回风巷", 2: "矿调度室", 38: "井下中央水泵房"}),
    ("新疆天山建设集团有限公司梨城花园项目部", "construction", "专项检查", 6, True,
     {8: "3号楼外脚手架", 25: "塔吊TC6013", 40: "基坑东侧边坡"}),
    ("库尔勒天百商贸有限公司（天百购物中心）", "fire-crowded-places", "暗访", 3, True,
     {5: "二层东侧安全出口", 14: "消防控制室"}),
    ("巴州汽车客运有限责任公司", "road-transport", "例行检查", 0, False, {3: "动态监控室"}),
]


def _photo(folder: Path, name: str, caption: str, colour: str, rotate_tag: bool = False) -> Path:
    """A generated 'site photo' (a coloured scene with a label); one carries an EXIF rotation tag."""
    image = Image.new("RGB", (800, 600), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 380, 740, 560), fill="#555555")
    draw.ellipse((520, 60, 700, 240), fill="#f5d76e")
    draw.text((70, 400), caption.encode("ascii", "ignore").decode() or "site photo", fill="white")
    path = folder / name
    exif = Image.Exif()
    if rotate_tag:
        exif[0x0112] = 6  # orientation: rotate 90° CW to display
    image.save(path, "JPEG", quality=80, exif=exif)
    return path


def _measurement(measure, failing: bool) -> float:
    """A plausible reading: inside the limits, or just outside them for a failure."""
    low, high = measure.min, measure.max
    if not failing:
        if low is not None and high is not None:
            return round((low + high) / 2, 2)
        return round(high * 0.6, 2) if high is not None else round(low * 1.1 + 1, 2)
    if high is not None:
        return round(high * 1.4 + 0.1, 2)
    return round(low - abs(low) * 0.3 - 0.1, 2)


def add(store: Store, library: Library) -> list[str]:
    """Add the planned inspections (skipping those whose enterprise or checklist is missing)."""
    me = profile.profile(store)
    colleague = profile.roster(store)[0]
    done = []
    with tempfile.TemporaryDirectory(prefix="inspector-demo-") as tmp, store.transaction():
        folder = Path(tmp)
        for n, (name, checklist_id, kind, days_ago, finished, failures) in enumerate(PLAN):
            enterprise = store.row("SELECT id FROM enterprises WHERE name=?", [name])
            checklist = library.get(checklist_id)
            if enterprise is None or checklist is None:
                continue
            inspection = inspections.start(store, enterprise["id"], [checklist], kind,
                                           [me["id"], colleague["id"]], place="生产区、储存区及办公区")
            when = datetime.now(UTC) - timedelta(days=days_ago, hours=3)
            store.update("inspections", inspection["id"], {"started_at": clock.utc_iso(when)}, "demo")
            items = checklist.items[: 45 if finished else 12]
            for position, item in enumerate(items):
                spot = failures.get(position)
                if item.measure is not None:
                    value = _measurement(item.measure, failing=spot is not None)
                    inspections.answer(store, inspection["id"], checklist.content_hash, item.id, value=value)
                    if spot is None:
                        continue
                elif spot is None:
                    result = "na" if position % 11 == 10 else "pass"
                    inspections.answer(store, inspection["id"], checklist.content_hash, item.id, result)
                    continue
                else:
                    inspections.answer(store, inspection["id"], checklist.content_hash, item.id, "fail")
                major = item.major is not None
                finding = findings.record(
                    store, inspection["id"], checklist.content_hash, item.id,
                    spot=spot,
                    description=item.content.replace("是否", "未", 1).rstrip("？?"),
                    immediate_measures="责令立即停止相关作业，撤出作业人员，设置警戒区域" if major else "",
                )
                photo = _photo(folder, f"demo-{n}-{position}.jpg", f"{checklist_id} {item.id}",
                               "#4a6fa5" if major else "#6b8e23", rotate_tag=(position % 2 == 0))
                findings.add_photo(store, finding["id"], photo)
            if finished:
                inspections.finish(store, inspection["id"])
                store.update("inspections", inspection["id"],
                             {"finished_at": clock.utc_iso(when + timedelta(hours=2))}, "demo")
            done.append(inspection["id"])
    return done
