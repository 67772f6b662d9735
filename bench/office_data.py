"""A prefecture office's register and inspections, generated fast with plain SQL (for benchmarks only)."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

from inspector.core.store import Store

COUNTIES = ("库尔勒市", "轮台县", "尉犁县", "若羌县", "且末县", "焉耆县", "和静县", "和硕县", "博湖县")
TRADES = ("化工", "煤业", "加油站", "建材", "物流", "机械", "食品", "纺织", "矿业", "燃气", "仓储", "电力")
WORDS = "天山塔河金泰罗布孔雀博斯腾开都胡杨红柳丝路昆仑西域楼兰玉龙华鑫恒通远达新兴宏盛"
SECTORS = ("hazchem", "coal_mine", "metal_mine", "general", "road_transport")
KINDS = ("例行检查", "专项检查", "复查")


def populate(store: Store, enterprises: int, inspections: int, seed: int = 8) -> None:
    """``enterprises`` named like real ones and ``inspections`` spread over three years, in one transaction."""
    rng = random.Random(seed)
    device = store.device_id
    stamp = "2026-01-01T00:00:00+00:00"
    snapshot = "bench-snapshot"
    ids = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(enterprises)]
    with store.transaction():
        store.conn.execute(
            "INSERT OR IGNORE INTO checklist_snapshots (id, checklist_id, version, title, sector, content,"
            " created_at) VALUES (?, 'bench', '1', '危险化学品企业安全检查表', 'hazchem', '{}', ?)",
            [snapshot, stamp],
        )
        store.conn.executemany(
            "INSERT INTO enterprises (id, name, code, sector, region, created_at, updated_at, origin_device)"
            " VALUES (?, ?, NULL, ?, ?, ?, ?, ?)",
            (
                (
                    ident,
                    f"{rng.choice(COUNTIES)}{''.join(rng.sample(WORDS, 2))}{rng.choice(TRADES)}有限公司{n:06d}",
                    rng.choice(SECTORS),
                    rng.choice(COUNTIES),
                    stamp,
                    stamp,
                    device,
                )
                for n, ident in enumerate(ids)
            ),
        )
        start = datetime(2024, 1, 1, tzinfo=UTC)
        rows = []
        for _ in range(inspections):
            ident = str(uuid.UUID(int=rng.getrandbits(128)))
            when = (start + timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))).isoformat()
            rows.append((ident, rng.choice(ids), rng.choice(KINDS), when, device))
        store.conn.executemany(
            "INSERT INTO inspections (id, enterprise_id, kind, status, started_at, finished_at, created_at,"
            " updated_at, origin_device) VALUES (?, ?, ?, 'finished', ?4, ?4, ?4, ?4, ?5)",
            rows,
        )
        store.conn.executemany(
            "INSERT INTO inspection_checklists (id, inspection_id, snapshot_id, position) VALUES (?, ?, ?, 0)",
            ((str(uuid.UUID(int=rng.getrandbits(128))), row[0], snapshot) for row in rows),
        )
