"""Realistic finished inspections for the demo workspace: answers, general and major hazards, photos."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

from inspector.core import clock, profile
from inspector.core.capture import findings, inspections
from inspector.core.checklists.library import Library
from inspector.core.store import Store

# (enterprise, checklist, kind, days ago, finished, failures: item id → (spot, problem as written on site))
PLAN = [
    (
        "库尔勒金泰化工有限责任公司",
        "hazchem",
        "例行检查",
        75,
        True,
        {
            "HC-068": ("2号罐区", "可燃气体检测报警装置未投用，探头被塑料袋包裹"),
            "HC-033": ("甲类仓库", "氧化剂与易燃液体混存，未分区分类储存"),
            "HC-007": ("安全管理部", "3名电工特种作业操作证已过复审期限"),
        },
    ),
    (
        "库尔勒金泰化工有限责任公司",
        "hazchem",
        "复查",
        12,
        True,
        {
            "HC-068": ("2号罐区", "可燃气体检测报警装置仍未投用，报警控制器处于关闭状态"),
            "HC-043": ("2号罐区东侧动火作业现场", "动火作业未进行动火分析，作业票已超过有效期"),
            "HC-084": ("硝酸铵库房", "硝酸铵与木托盘、废包装物混放，库内有油污"),
        },
    ),
    (
        "轮台县塔河煤业有限公司",
        "coal-mine",
        "复工复产验收",
        20,
        True,
        {
            "CM-015": ("1103回风巷", "复产前未排放积聚瓦斯即安排人员进入，瓦斯检查存在漏检"),
            "CM-069": (
                "1105采区",
                "未查明采区内主要充水水源和充水通道（采空区积水范围和积水量不清），采掘工程平面图未标注积水线",
            ),
            "CM-006": ("机电队", "2名井下电钳工未取得特种作业操作证上岗"),
        },
    ),
    (
        "新疆天山建设集团有限公司梨城花园项目部",
        "construction",
        "专项检查",
        6,
        True,
        {
            "CS-042": ("3号楼外脚手架（12～15层）", "连墙件整层缺失2处"),
            "CS-055": ("塔吊TC6013", "起重力矩限制器失效，未经检测继续使用"),
            "CS-065": ("5号楼屋面临边", "防护栏杆缺失约15米"),
        },
    ),
    (
        "库尔勒天百商贸有限公司（天百购物中心）",
        "fire-crowded-places",
        "暗访",
        3,
        True,
        {
            "FR-020": ("二层东侧疏散通道", "疏散通道堆放货物，通道宽度不足0.8米"),
            "FR-016": ("消防控制室", "夜班仅1人值班，值班人员未持证"),
            "FR-032": ("一层超市收银区", "4具灭火器压力指针在红区"),
        },
    ),
    (
        "巴州汽车客运有限责任公司",
        "road-transport",
        "例行检查",
        0,
        False,
        {
            "RT-025": ("动态监控室", "近3个月超速报警未及时处理，驾驶员疲劳驾驶未纠正"),
        },
    ),
]

# The statutory immediate measures the demo inspector chose for each major hazard, and the detail written
# for them (安全生产法 第六十五条第一款第三项; codes as in ``capture.measures.WORDS``).
MEASURES = {
    "HC-033": (["evacuate"], "停止甲类仓库出入库作业，设置警戒区域，分区分类储存前不得恢复"),
    "HC-068": (
        ["evacuate", "stop_equipment"],
        "停止2号罐区装卸作业，可燃气体检测报警装置投用前不得使用相关储罐",
    ),
    "CM-015": (["evacuate", "suspend"], "1103工作面停止生产，排放瓦斯并经检查合格前不得恢复"),
    "CM-069": (["evacuate"], "1105采区停止采掘作业，查明主要充水水源、充水通道和积水范围前不得恢复"),
    "CS-042": (["evacuate", "stop_equipment"], "设置警戒区域，补齐连墙件并经验收合格前不得使用该段脚手架"),
    "CS-055": (["stop_equipment"], "塔吊TC6013停止吊装作业，起重力矩限制器经检测合格前不得使用"),
    "RT-025": (["suspend"], "相关驾驶员停止营运驾驶，超速和疲劳驾驶问题纠正前不得恢复"),
}


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
            inspection = inspections.start(
                store,
                enterprise["id"],
                [checklist],
                kind,
                [me["id"], colleague["id"]],
                place="生产区、储存区及办公区",
            )
            when = datetime.now(UTC) - timedelta(days=days_ago, hours=3)
            store.update("inspections", inspection["id"], {"started_at": clock.utc_iso(when)}, "demo")
            items = [i for k, i in enumerate(checklist.items) if finished or k < 12 or i.id in failures]
            for position, item in enumerate(items):
                failure = failures.get(item.id)
                if item.measure is not None:
                    value = _measurement(item.measure, failing=failure is not None)
                    inspections.answer(store, inspection["id"], checklist.content_hash, item.id, value=value)
                else:
                    result = "fail" if failure else ("na" if position % 11 == 10 else "pass")
                    inspections.answer(store, inspection["id"], checklist.content_hash, item.id, result)
                if failure is None:
                    continue
                spot, problem = failure
                major = item.major is not None
                measures, detail = MEASURES.get(item.id, ([], "")) if major else ([], "")
                finding = findings.record(
                    store,
                    inspection["id"],
                    checklist.content_hash,
                    item.id,
                    spot=spot,
                    description=problem,
                    measures=measures,
                    immediate_measures=detail,
                )
                photo = _photo(
                    folder,
                    f"demo-{n}-{position}.jpg",
                    f"{checklist_id} {item.id}",
                    "#4a6fa5" if major else "#6b8e23",
                    rotate_tag=(position % 2 == 0),
                )
                findings.add_photo(store, finding["id"], photo)
            if finished:
                inspections.finish(store, inspection["id"])
                store.update(
                    "inspections",
                    inspection["id"],
                    {"finished_at": clock.utc_iso(when + timedelta(hours=2))},
                    "demo",
                )
            done.append(inspection["id"])
    return done
