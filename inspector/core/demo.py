"""Demo data: a sample inspector, colleagues and enterprises across sectors, for trying things out."""

from __future__ import annotations

from inspector.core import office, profile, signing
from inspector.core.register import enterprises, uscc
from inspector.core.store import Store

DEMO_PROFILE = profile.ProfileInput(
    name="张伟", cert_no="65280019001", organisation="巴音郭楞蒙古自治州应急管理局", region_abbr="库"
)
COLLEAGUES = [("李娜", "65280019002"), ("王强", "65280019003"), ("阿依古丽", "65280019004")]


def _code(first17: str) -> str:
    return first17 + uscc.check_character(first17)


ENTERPRISES = [
    {
        "name": "轮台县塔河煤业有限公司",
        "code": _code("91652822MA77X1K2A"),
        "sector": "coal_mine",
        "region": "轮台县",
        "address": "轮台县阳霞镇煤矿工业园",
        "legal_rep": "马建国",
        "legal_rep_title": "矿长",
        "phone": "0996-4601234",
    },
    {
        "name": "库尔勒金泰化工有限责任公司",
        "code": _code("91652801MA78B3C4D"),
        "sector": "hazchem",
        "region": "库尔勒经济技术开发区",
        "address": "库尔勒经济技术开发区化工园区纬二路8号",
        "legal_rep": "陈晓东",
        "legal_rep_title": "总经理",
        "phone": "0996-2156789",
    },
    {
        "name": "新疆天山建设集团有限公司梨城花园项目部",
        "code": _code("91650100MA79D5E6F"),
        "sector": "construction",
        "region": "库尔勒市",
        "address": "库尔勒市人民东路梨城花园三期",
        "legal_rep": "刘志强",
        "legal_rep_title": "项目经理",
        "phone": "13899001122",
    },
    {
        "name": "库尔勒天百商贸有限公司（天百购物中心）",
        "code": _code("91652801MA7A1B2C3"),
        "sector": "fire",
        "region": "库尔勒市",
        "address": "库尔勒市萨依巴格路11号",
        "legal_rep": "赵丽",
        "legal_rep_title": "店长",
        "phone": "0996-2028888",
    },
    {
        "name": "巴州汽车客运有限责任公司",
        "code": _code("91652800MA7B4D5E6"),
        "sector": "road_transport",
        "region": "库尔勒市",
        "address": "库尔勒市团结南路客运站",
        "legal_rep": "孙建华",
        "legal_rep_title": "经理",
        "phone": "0996-2022233",
    },
    {
        "name": "尉犁县罗布人铁矿",
        "code": _code("91652823MA7C6F7G8"),
        "sector": "metal_mine",
        "region": "尉犁县",
        "address": "尉犁县墩阔坦乡",
        "legal_rep": "吐尔逊·买买提",
        "legal_rep_title": "矿长",
        "phone": "13999887766",
    },
    {
        "name": "尉犁县兴农农资门市（个体）",
        "code": "",
        "sector": "hazchem",
        "region": "尉犁县",
        "address": "尉犁县团结路农贸市场",
        "legal_rep": "周红",
        "legal_rep_title": "经营者",
        "phone": "13565432100",
    },
]


def seed(store: Store, with_inspections: bool = True) -> None:
    """Fill a workspace with the sample profile, colleagues and enterprises, then demo inspections."""
    with store.transaction():
        if not profile.is_set_up(store):
            profile.set_up(store, DEMO_PROFILE, device_label="演示笔记本")
        if not profile.roster(store):
            for name, cert_no in COLLEAGUES:
                profile.add_colleague(store, name, cert_no, DEMO_PROFILE.organisation)
        if not enterprises.search(store, limit=1):
            for values in ENTERPRISES:
                enterprises.create(store, values)
        settings = office.load(store)
        if not settings.government:
            settings.government = "巴音郭楞蒙古自治州人民政府"
            settings.court = "库尔勒市人民法院"
            office.save(store, settings)
    me = profile.profile(store)
    pin = signing.env_pin()
    if pin and not signing.has_key(store, me["id"]):
        signing.ensure_key(store, me["id"], pin)  # scripts sign the demo's documents with INSPECTOR_PIN
    if with_inspections and not store.row("SELECT 1 FROM inspections LIMIT 1"):
        from inspector.core import demo_inspections
        from inspector.core.checklists.library import load_for_workspace

        demo_inspections.add(store, load_for_workspace(store.workspace))
