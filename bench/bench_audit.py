"""``audit verify`` over 1,000,000 audit rows vs a plain sequential read of the same table.

Prints the ratio (goal ≤ 10×: hashing each row in Python costs more than reading it), the time and the
rate, the peak memory of each in a child process (constant: the chain is streamed), and the size of the
audit table with binary hashes against the same rows laid out as before (hex text and ``prev_hash``).
``INSPECTOR_BENCH_AUDIT_ROWS`` changes the number of rows.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._harness import Result
from inspector.core.store import Store, audit

ROWS = int(os.environ.get("INSPECTOR_BENCH_AUDIT_ROWS", "1000000"))
BATCH = 20_000

_CHILD = """
import resource, sys, time
from inspector.core.store import audit, db
conn = db.connect(sys.argv[1])
start = time.perf_counter()
if sys.argv[2] == "verify":
    report = audit.verify(conn)
    assert report.ok and report.entries == int(sys.argv[3]), report.problems[:3]
else:
    for row in conn.execute("SELECT * FROM audit_log ORDER BY seq"):
        pass
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def _fill(store: Store, rows: int) -> None:
    """``rows`` chained entries, as the app writes them (batched: building them is not what is timed)."""
    prev, seq = audit.GENESIS, 0
    with store.transaction():
        while seq < rows:
            batch = []
            for _ in range(min(BATCH, rows - seq)):
                seq += 1
                created = seq % 2 == 1  # each record created, then deleted: half the rows carry a digest
                record = (seq + 1) // 2
                entry = {
                    "seq": seq,
                    "id": f"{seq:08x}-0000-4000-8000-000000000000",
                    "at": "2026-11-30T08:00:00.000000+00:00",
                    "actor": "7b0e4c1e-8f7a-4c55-9d43-3a1c2b0d9e11",
                    "device_id": "0f6b2d1a-4c3e-4b8a-a1d2-5e6f7a8b9c0d",
                    "action": "create" if created else "delete",
                    "table_name": "findings",
                    "record_id": f"{record:08x}-1111-4000-8000-000000000000",
                    "digest": hashlib.sha256(str(record).encode()).hexdigest() if created else None,
                }
                prev = audit.chain_hash(prev, entry)
                digest = bytes.fromhex(entry["digest"]) if entry["digest"] else None
                batch.append((*list(entry.values())[:-1], digest, bytes.fromhex(prev)))
            store.conn.executemany("INSERT INTO audit_log VALUES (?,?,?,?,?,?,?,?,?,?)", batch)


def _table_bytes(conn, name: str) -> int:
    return conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name=?", [name]).fetchone()[0] or 0


def _hex_layout_bytes(store: Store) -> int:
    """The same rows laid out as schema 0002 had them (hex text, prev_hash), measured then dropped."""
    conn = store.conn
    conn.execute(
        "CREATE TEMP TABLE audit_hex AS SELECT seq, id, at, actor, device_id, action, table_name, record_id,"
        " lower(hex(digest)) AS digest, lower(hex(lag(hash, 1, zeroblob(32)) OVER (ORDER BY seq))) AS prev_hash,"
        " lower(hex(hash)) AS hash FROM audit_log"
    )
    size = conn.execute("SELECT sum(pgsize) FROM dbstat('temp') WHERE name='audit_hex'").fetchone()[0]
    conn.execute("DROP TABLE audit_hex")
    return size


def _child(path: Path, what: str) -> tuple[float, int]:
    """(seconds, peak RSS in MB) of one run in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), what, str(ROWS)], capture_output=True, text=True, check=True
    )
    seconds, peak_mb = out.stdout.split()
    return float(seconds), int(peak_mb)


def run() -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="bench-audit-", dir=os.environ.get("INSPECTOR_HOME")))
    store = Store.open_file(folder / "audit.db")
    started = time.perf_counter()
    _fill(store, ROWS)
    filled = time.perf_counter() - started
    binary, hexed = _table_bytes(store.conn, "audit_log"), _hex_layout_bytes(store)
    store.close()
    baseline_s, baseline_mb = _child(folder / "audit.db", "read")  # also warms the page cache
    verify_s, verify_mb = _child(folder / "audit.db", "verify")
    baseline_s = min(baseline_s, _child(folder / "audit.db", "read")[0])
    note = (
        f"{ROWS:,} rows in {verify_s:.1f} s ({ROWS / verify_s:,.0f} rows/s); peak RSS {verify_mb} MB"
        f" (plain read {baseline_mb} MB); audit table {binary / 2**20:.0f} MB with binary hashes vs"
        f" {hexed / 2**20:.0f} MB as hex text with prev_hash ({binary / hexed:.0%}); filling took {filled:.0f} s"
    )
    return [Result("audit verify vs sequential read", verify_s, baseline_s, 10, note)]
