"""Sample content and signatures: for previewing the layout (office settings), tests and benchmarks.

Nothing here touches the store; the content has the shape :mod:`content` builds.
"""

from __future__ import annotations

import math

from inspector.core.documents.numbering import KIND_CODES, KIND_TITLES, format_number
from inspector.core.documents.wording import measure_list

SPOTS = (
    "2号罐区",
    "甲类仓库",
    "1号装置区控制室",
    "装卸站台",
    "配电室",
    "消防泵房",
    "危化品库西门",
    "动火作业现场",
    "循环水站",
    "原料罐区防火堤",
)
PROBLEMS = (
    (
        "可燃气体检测报警装置未投用",
        "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第十二项",
    ),
    ("疏散通道堆放杂物，未保持畅通", "《中华人民共和国安全生产法》第四十二条"),
    ("未按规定开展隐患排查治理，未如实记录", "《中华人民共和国安全生产法》第四十一条"),
    ("特种作业人员未持证上岗", "《中华人民共和国安全生产法》第三十条"),
    ("动火作业未办理作业票，现场未设监护人", "《危险化学品企业特殊作业安全规范》（GB 30871-2022）5.2"),
)


def sample_content(
    kind: str = "notice", problems: int = 3, number: int | None = 17, year: int = 2026
) -> dict:
    """A document's content with ``problems`` numbered problems (``number=None``: an unnumbered draft)."""
    items = []
    for n in range(1, problems + 1):
        description, basis = PROBLEMS[(n - 1) % len(PROBLEMS)]
        grade = "major" if n % 4 == 1 else "general"
        items.append(
            {
                "n": n,
                "finding_id": f"finding-{n}",
                "item_id": f"T-{n:03d}",
                "spot": SPOTS[(n - 1) % len(SPOTS)],
                "description": description,
                "basis": basis,
                "grade": grade,
                "deadline": f"{year}-03-{15 if n % 3 else 31}",
                "immediate_measures": "",
                "measures": ["evacuate", "stop_equipment"] if grade == "major" else [],
                "photos": [{"n": n, "sha256": f"{n:02d}" * 32, "caption": ""}] if n % 2 else [],
            }
        )
    content = {
        "format": 1,
        "kind": kind,
        "title": KIND_TITLES[kind],
        "code": KIND_CODES[kind],
        "office": {
            "issuing_body": "巴音郭楞蒙古自治州应急管理局",
            "region_abbr": "库",
            "government": "巴音郭楞蒙古自治州",
            "court": "库尔勒市人民法院",
            "print_major_count": True,
            "measures_basis": "《中华人民共和国安全生产法》第六十五条第一款第三项",
        },
        "enterprise": {
            "name": "库尔勒金泰化工有限责任公司",
            "code": "91652801MA78B3C4DX",
            "address": "库尔勒经济技术开发区化工园区纬二路8号",
            "legal_rep": "陈晓东",
            "legal_rep_title": "总经理",
            "phone": "0996-2156789",
        },
        "inspection": {
            "id": "inspection-1",
            "kind": "例行检查",
            "place": "罐区、仓库及装置区",
            "started_at": f"{year}-03-01T09:30+08:00",
            "finished_at": f"{year}-03-01T11:45+08:00",
        },
        "inspectors": [
            {"id": "inspector-1", "name": "张伟", "cert_no": "65280019001"},
            {"id": "inspector-2", "name": "李娜", "cert_no": "65280019002"},
        ],
        "problems": items,
        "issued_on": f"{year}-03-01",
    }
    if number is not None:
        content["number"] = {"text": format_number("库", kind, year, number), "year": year, "seq": number}
    if kind == "notice":
        groups: dict[str, list[int]] = {}
        for item in items:
            groups.setdefault(item["deadline"], []).append(item["n"])
        content["deadline_groups"] = [{"items": groups[d], "deadline": d} for d in sorted(groups)]
        content["major_count"] = sum(i["grade"] == "major" for i in items)
    elif kind == "record":
        content["checklists"] = [
            {
                "title": "危险化学品企业安全生产执法检查表",
                "version": "2026.1",
                "items": 120,
                "checked": 45,
                "passed": 40,
                "failed": problems,
                "na": 5 - min(problems, 5),
            }
        ]
    elif kind == "measures":
        urgent = [dict(p, n=i) for i, p in enumerate((p for p in items if p["measures"]), start=1)]
        content["problems"] = urgent
        content["measures"] = measure_list(urgent)
        content["checked_on"] = f"{year}-03-01"
    elif kind == "recheck":
        content["original"] = {
            "id": "doc-1",
            "kind": "notice",
            "title": KIND_TITLES["notice"],
            "number_text": format_number("库", "notice", year, 3),
            "issued_on": f"{year}-01-10",
        }
        content["problems"] = [
            {
                "n": p["n"],
                "finding_id": p["finding_id"],
                "text": f"{p['spot']}：{p['description']}，违反{p['basis']}",
                "rectified": p["n"] % 3 != 0,
                "observed": "" if p["n"] % 3 else "报警控制器仍处于屏蔽状态",
            }
            for p in items
        ]
    return content


def sample_strokes(seed: int = 0) -> list[list[list[float]]]:
    """A plausible scribble: three wavy strokes across the pad (0..1, y down)."""
    strokes = []
    for s in range(3):
        left = 0.08 + 0.3 * s
        points = []
        for i in range(24):
            t = i / 23
            x = left + 0.25 * t
            y = 0.5 + 0.3 * math.sin(6.0 * t + seed + s) * (1 - 0.5 * t)
            points.append([round(x, 4), round(y, 4)])
        strokes.append(points)
    return strokes


def sample_signatures(refused: bool = False) -> dict:
    signatures = {
        "inspector1": {"strokes": sample_strokes(0), "signer_name": "张伟"},
        "inspector2": {"strokes": sample_strokes(1), "signer_name": "李娜"},
    }
    if refused:
        signatures["enterprise"] = {
            "refused": True,
            "refused_at": "2026-03-01T03:50:00.000+00:00",
            "witness": "园区管委会 王军",
        }
    else:
        signatures["enterprise"] = {
            "strokes": sample_strokes(2),
            "signer_name": "陈晓东",
            "signed_at": "2026-03-01T03:50:00.000+00:00",
        }
    return signatures
