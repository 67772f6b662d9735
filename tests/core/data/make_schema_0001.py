"""How schema_0001.db was made (kept for the record; the .db file is committed and never regenerated).

python tests/core/data/make_schema_0001.py
"""

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from inspector.core import clock
from inspector.core.store import audit
from inspector.core.store.migrations import migrations

TARGET = Path(__file__).with_name("schema_0001.db")


def main() -> None:
    TARGET.unlink(missing_ok=True)
    conn = sqlite3.connect(TARGET)
    db = Database(conn)
    migrations.apply(db, stop_before=[m.name for m in migrations._migrations[1:]])
    now = clock.utc_iso()
    device = "7f0c2f4e-0d2a-4d0e-9a55-3d1f1c1f0001"
    rows = [
        ("device", {"id": device, "label": "旧笔记本", "kind": "field", "series_no": 1, "created_at": now}),
        (
            "inspectors",
            {
                "id": "insp-0001",
                "name": "张伟",
                "cert_no": "65280019001",
                "organisation": "巴音郭楞蒙古自治州应急管理局",
                "phone": "",
                "is_profile": 1,
                "active": 1,
                "created_at": now,
                "updated_at": now,
                "origin_device": device,
                "deleted_at": None,
            },
        ),
        (
            "enterprises",
            {
                "id": "ent-0001",
                "name": "库尔勒金泰化工有限责任公司",
                "code": "91110000101623741K",
                "sector": "hazchem",
                "region": "库尔勒市",
                "address": "化工园区纬二路8号",
                "legal_rep": "陈晓东",
                "legal_rep_title": "总经理",
                "phone": "0996-2156789",
                "notes": "",
                "created_at": now,
                "updated_at": now,
                "origin_device": device,
                "deleted_at": None,
            },
        ),
    ]
    for table, row in rows:
        with db.atomic():
            names = list(row)
            conn.execute(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [row[n] for n in names],
            )
            audit.append(
                conn,
                actor="insp-0001",
                device_id=device,
                action="create",
                table=table,
                record_id=row["id"],
                digest=audit.row_digest(dict(row)),
            )
    conn.close()


if __name__ == "__main__":
    main()
