"""The hazard ledger at a prefecture's scale: 100,000 and then 1,000,000 generated hazards.

Each query is compared with a plain indexed ``SELECT … LIMIT 50`` on the same table in the same run
(goal ≤ 2×), at 100,000 and at 1,000,000 rows (flat: the ratio should not grow with the table).

The rows are generated straight into the ledger's derived tables (``ledger`` and ``ledger_fts``, built
by the same :func:`inspector.core.ledger.index.tokens` the app uses): the queries read only those, and
generating a million audited hazards with their findings and inspections would take most of an hour.
Nothing generated is kept.

    python -m bench ledger                 # both sizes
    INSPECTOR_BENCH_LEDGER=100000 python -m bench ledger      # the first size only
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench._harness import Result, compare
from inspector.core.ledger import index, query
from inspector.core.ledger.query import Filters
from inspector.core.store import Store, paths

SIZES = (100_000, 1_000_000)
TODAY = date(2026, 3, 10)
REGIONS = ("库尔勒市", "轮台县", "尉犁县", "若羌县", "且末县", "焉耆县", "和静县", "和硕县", "博湖县")
SECTORS = ("hazchem", "fire", "construction", "coal_mine", "metal_mine", "road_transport", "industry_trade")
NAME_WORDS = (
    "金泰 天山 塔河 梨城 罗布 兴农 孔雀 博斯腾 天百 巴音 开都 铁门 楼兰 和谐 昆仑 丝路 绿洲 胡杨 雪莲 天鹅"
)
SUFFIXES = (
    "化工有限公司",
    "商贸有限公司",
    "建设工程有限公司",
    "煤业有限公司",
    "运输有限公司",
    "矿业有限公司",
    "酒店",
)
SPOTS = (
    "{}号罐区",
    "{}号仓库",
    "配电室",
    "消防控制室",
    "{}号楼疏散通道",
    "锅炉房",
    "装卸区",
    "{}号井口",
    "采空区",
    "施工升降机",
    "脚手架",
    "深基坑",
    "动态监控室",
    "危化品仓库",
    "{}层安全出口",
    "厨房燃气管道",
)
PROBLEMS = (
    "可燃气体检测报警装置未投用",
    "灭火器压力不足",
    "安全出口锁闭",
    "疏散通道堆放杂物",
    "消防设施损坏未修复",
    "特种作业人员无证上岗",
    "动火作业未进行动火分析",
    "有限空间作业未检测",
    "未如实记录隐患排查治理情况",
    "安全管理人员未经考核合格",
    "脚手架连墙件缺失",
    "临边防护栏杆缺失",
    "瓦斯监测探头失效",
    "车辆动态监控报警未处理",
    "应急预案未演练",
    "储罐液位计故障",
)


def _words(rng: random.Random) -> list[str]:
    return NAME_WORDS.split()


def generate(store: Store, start: int, count: int, rng: random.Random) -> None:
    """Append ``count`` ledger rows (and their search tokens) numbered after ``start``."""
    conn = store.conn
    words = _words(rng)
    enterprises = [
        (
            f"e{i}",
            f"{REGIONS[i % len(REGIONS)][:2]}{words[i % len(words)]}{words[(i // 20) % len(words)]}"
            f"{SUFFIXES[i % len(SUFFIXES)]}",
            SECTORS[i % len(SECTORS)],
            REGIONS[i % len(REGIONS)],
        )
        for i in range(20_000)
    ]
    inspectors = [(f"p{i}", f"执法员{i:03d}") for i in range(200)]
    first_day = TODAY - timedelta(days=3 * 365)
    columns = index._COLUMNS
    rows, tokens = [], []
    with store.transaction():
        for k in range(start + 1, start + count + 1):
            day = first_day + timedelta(days=int((k / 1_000_000) * 3 * 365) % (3 * 365 + 1))
            eid, ename, sector, region = enterprises[rng.randrange(len(enterprises))]
            pid, pname = inspectors[rng.randrange(len(inspectors))]
            recent = (TODAY - day).days < 90
            stage = rng.choices((0, 1, 2, 3), (50, 10, 10, 30) if recent else (4, 1, 1, 94))[0]
            grade = "major" if rng.random() < 0.1 else "general"
            deadline = (day + timedelta(days=30 if grade == "major" else 15)).isoformat()
            spot = rng.choice(SPOTS).format(rng.randrange(1, 12))
            problem = rng.choice(PROBLEMS)
            row = {
                "hazard_id": f"h{k}",
                "enterprise_id": eid,
                "enterprise": ename,
                "sector": sector,
                "region": region,
                "inspection_id": f"i{k // 3}",
                "inspector_id": pid,
                "inspector": pname,
                "found_at": f"{day.isoformat()}T02:00:00.000+00:00",
                "found_on": day.isoformat(),
                "item_key": f"c\x1fT-{rng.randrange(300)}",
                "spot": spot,
                "spot_key": spot,
                "description": problem,
                "grade": grade,
                "stage": stage,
                "deadline": deadline,
                "open_deadline": deadline if stage < 2 else "",
                "first_deadline": deadline,
                "listed": int(rng.random() < 0.01),
                "rectified_on": deadline if stage >= 2 else "",
                "closed_on": deadline if stage == 3 else "",
                "search_text": index.search_text(ename, spot, problem),
            }
            rows.append([k, *(row[c] for c in columns)])
            tokens.append((k, *index.tokens(ename, spot, problem)))
            if len(rows) == 20_000:
                _flush(conn, columns, rows, tokens)
        _flush(conn, columns, rows, tokens)
        conn.execute("UPDATE ledger SET repeats = 1 WHERE n % 20 = 0 AND n > ?", [start])


def _flush(conn, columns, rows, tokens) -> None:
    conn.executemany(
        f"INSERT INTO ledger (n, {', '.join(columns)}) VALUES ({', '.join('?' * (len(columns) + 1))})", rows
    )
    conn.executemany("INSERT INTO ledger_fts (rowid, uni, bi) VALUES (?, ?, ?)", tokens)
    rows.clear()
    tokens.clear()


def _without_indexes(store: Store):
    """Drop the ledger's indexes for the bulk load; returns their CREATE statements."""
    found = store.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='ledger' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in found:
        store.conn.execute(f"DROP INDEX {name}")
    return [sql for _, sql in found]


def _measure(store: Store, size: int) -> list[Result]:
    baseline_sql = f"SELECT {query._SELECT} FROM ledger l WHERE l.stage = 0 ORDER BY l.deadline, l.n LIMIT 50"

    def baseline():
        return store.rows(baseline_sql)

    def first_page(filters: Filters, sort: str = "n", descending: bool = True):
        return lambda: query.page(store, filters, sort=sort, descending=descending)

    open_ = ("open",)
    cases = [
        ("open hazards, by deadline", first_page(Filters(statuses=open_, today=TODAY), "deadline", False)),
        (
            "overdue major hazards, by deadline",
            first_page(Filters(overdue=True, grades=("major",), today=TODAY), "deadline", False),
        ),
        (
            "open hazards, by enterprise",
            first_page(Filters(statuses=open_, today=TODAY), "enterprise", False),
        ),
        (
            "open major hazards, newest first",
            first_page(Filters(statuses=open_, grades=("major",), today=TODAY)),
        ),
        (
            "open hazards of one county, by enterprise",
            first_page(Filters(statuses=open_, regions=("尉犁县",), today=TODAY), "enterprise", False),
        ),
        ("search 罐区 (2 characters), newest first", first_page(Filters(search="罐区", today=TODAY))),
        ("search 消 (1 character), newest first", first_page(Filters(search="消", today=TODAY))),
        (
            "search 罐区 among open hazards, by deadline",
            first_page(Filters(search="罐区", statuses=open_, today=TODAY), "deadline", False),
        ),
    ]
    cases += [
        (
            "overdue hazards, by enterprise",
            first_page(Filters(overdue=True, today=TODAY), "enterprise", False),
        ),
        ("search 消 (1 character), by deadline", first_page(Filters(search="消", today=TODAY), "deadline")),
        (
            "open hazards and those in progress, by deadline",
            first_page(Filters(statuses=("open", "in_progress"), today=TODAY), "deadline", False),
        ),
    ]
    notes = {
        "open hazards and those in progress, by deadline": "one walk of ledger_active_deadline (stage < 2)",
    }
    results = []
    for name, candidate in cases:
        assert len(candidate()) == 50, name
        label = f"ledger first page at {size:,}: {name}"
        note = notes.get(name, "")
        results.append(compare(label, candidate, baseline, goal=2.0, rounds=9, number=20, note=note))
    return results


def run() -> list[Result]:
    sizes = tuple(int(s) for s in os.environ.get("INSPECTOR_BENCH_LEDGER", "").split(",") if s) or SIZES
    folder = Path(tempfile.mkdtemp(prefix="bench-ledger-", dir=os.environ.get("INSPECTOR_HOME")))
    store = Store.open(paths.Workspace(folder / "ws"))
    index.catch_up(store)  # the window marker: the queries find nothing to do
    rng = random.Random(8)
    results: list[Result] = []
    have = 0
    for size in sizes:
        started = time.perf_counter()
        creates = _without_indexes(store)
        generate(store, have, size - have, rng)
        for sql in creates:
            store.conn.execute(sql)
        store.conn.execute("ANALYZE")
        have = size
        print(f"(generated {size:,} ledger rows in {time.perf_counter() - started:.0f} s)", flush=True)
        results += _measure(store, size)
    store.close()
    return results
