"""How schema_0001.db was made (kept for the record; the .db file is committed and never regenerated).

python tests/core/data/make_schema_0001.py
"""

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from inspector.core import clock, ids
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
            _append_0001(conn, device, table, row["id"], audit.row_digest(dict(row)))
    conn.close()


def _append_0001(conn, device: str, table: str, record_id: str, digest: str) -> None:
    """An audit entry as schema 0001 stored it (hex text, with prev_hash); the chain is the same."""
    head = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (head[0] + 1, head[1]) if head else (1, audit.GENESIS)
    entry = {
        "seq": seq,
        "id": ids.new_id(),
        "at": clock.utc_iso(),
        "actor": "insp-0001",
        "device_id": device,
        "action": "create",
        "table_name": table,
        "record_id": record_id,
        "digest": digest,
    }
    entry["prev_hash"], entry["hash"] = prev, audit.chain_hash(prev, entry)
    names = list(entry)
    conn.execute(
        f"INSERT INTO audit_log ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [entry[n] for n in names],
    )


if __name__ == "__main__":
    main()
