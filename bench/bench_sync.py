"""Sync: importing many laptop bundles vs sqlite-utils ``insert_all`` of the same rows in one transaction;
and the size of an export bundle per inspection, with and without photos.

The import side does everything an office import does: reads and checks every bundle (hashes, signature,
audit chain continuity), plans the merge, writes the records, the office's own audit entries, the
laptops' chains and the merge's bookkeeping, one transaction per bundle (each durable: WAL,
synchronous=FULL). The full size is 1,000 bundles holding 200,000 findings; ``INSPECTOR_BENCH_SYNC``
(``BUNDLES×FINDINGS``, e.g. ``100x200``) or ``python -m bench.bench_sync --bundles N --findings M``
scales it down on a slow machine — the line says which size was measured.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from bench._harness import Result

DEVICES = 20  # laptops; each sends its bundles in order, its chain continuing from one to the next


def _identity(n: int):
    """A laptop inspector's P-256 key and a self-signed certificate naming them (as signing.keys does)."""
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    inspector_id = f"00000000-0000-4000-8000-{n:012d}"
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, f"检查员{n}"),
            x509.NameAttribute(NameOID.USER_ID, inspector_id),
        ]
    )
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    return inspector_id, key, cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def make_bundles(folder: Path, bundles: int, findings: int, enterprise_id: str) -> tuple[list[Path], dict]:
    """Synthetic laptop bundles (valid in every respect the import checks); also the rows, by table."""
    from inspector.core import ids
    from inspector.core.signing.certs import key_id
    from inspector.core.store import audit
    from inspector.core.sync import bundle, rules

    paths, rows_by_table = [], {"inspectors": [], "inspections": [], "findings": []}
    per_device = max(1, bundles // DEVICES)
    made = 0
    stamp = "2026-05-01T08:00:00.000+00:00"
    for device_no in range(DEVICES):
        if made >= bundles:
            break
        inspector_id, key, cert_pem = _identity(device_no)
        device_id = f"d0000000-0000-4000-8000-{device_no:012d}"
        seq, prev = 0, audit.GENESIS
        for k in range(per_device if device_no < DEVICES - 1 else bundles - made):
            records: dict[str, list[dict]] = {}
            if k == 0:
                records["inspectors"] = [
                    {
                        "id": inspector_id,
                        "name": f"检查员{device_no}",
                        "cert_no": f"B{device_no:06d}",
                        "organisation": "",
                        "phone": "",
                        "active": 1,
                        "created_at": stamp,
                        "updated_at": stamp,
                        "origin_device": device_id,
                        "deleted_at": None,
                    }
                ]
            inspection_id = ids.new_id()
            records["inspections"] = [
                {
                    "id": inspection_id,
                    "enterprise_id": enterprise_id,
                    "kind": "例行检查",
                    "place": "",
                    "status": "finished",
                    "started_at": stamp,
                    "finished_at": stamp,
                    "created_by": inspector_id,
                    "notes": "",
                    "created_at": stamp,
                    "updated_at": stamp,
                    "origin_device": device_id,
                    "deleted_at": None,
                }
            ]
            records["findings"] = [
                {
                    "id": ids.new_id(),
                    "inspection_id": inspection_id,
                    "enterprise_id": enterprise_id,
                    "answer_id": None,
                    "snapshot_id": None,
                    "item_id": f"T-{i:03d}",
                    "spot": f"{i % 7}号罐区",
                    "description": "可燃气体检测报警装置未投用",
                    "basis": "《中华人民共和国安全生产法》第三十六条",
                    "grade": "general",
                    "default_grade": "general",
                    "grade_reason": "",
                    "major_criterion": "",
                    "deadline": "2026-06-01",
                    "immediate_measures": "",
                    "measured_value": None,
                    "created_at": stamp,
                    "updated_at": stamp,
                    "origin_device": device_id,
                    "deleted_at": None,
                }
                for i in range(findings)
            ]
            entries, first, previous = [], seq + 1, prev
            for table in rules.TABLES:
                for row in records.get(table, []):
                    seq += 1
                    entry = {
                        "seq": seq,
                        "id": ids.new_id(),
                        "at": stamp,
                        "actor": inspector_id,
                        "device_id": device_id,
                        "action": "create",
                        "table_name": table,
                        "record_id": row["id"],
                        "digest": audit.row_digest(row),
                    }
                    entry["hash"] = prev = audit.chain_hash(prev, entry)
                    entries.append(entry)
            writer = bundle.Writer()
            for table, rows in records.items():
                writer.add_rows(f"records/{table}.jsonl", rows)
                rows_by_table[table] += rows
            writer.add(f"audit/{device_id}.jsonl", "".join(json.dumps(e) + "\n" for e in entries).encode())
            writer.add("checkpoints.jsonl", b"")
            header = {
                "id": ids.new_id(),
                "kind": "field",
                "created_at": stamp,
                "full": False,
                "device": {
                    "id": device_id,
                    "label": f"笔记本{device_no}",
                    "kind": "field",
                    "series_no": device_no + 1,
                },
                "inspector": {
                    "id": inspector_id,
                    "name": f"检查员{device_no}",
                    "cert_no": f"B{device_no:06d}",
                    "organisation": "",
                },
                "signer": {"key_id": key_id(key.public_key()), "inspector_id": inspector_id},
                "audit": {"device_id": device_id, "from": first, "to": seq, "previous_hash": previous},
                "counts": {t: len(r) for t, r in records.items()},
            }
            path = folder / f"b{made:05d}.zip"
            writer.write(path, header, key, cert_pem)
            paths.append(path)
            made += 1
    return paths, rows_by_table


def _office(folder: Path):
    from inspector.core import profile
    from inspector.core.register import enterprises
    from inspector.core.store import Store, paths

    store = Store.open(paths.Workspace(folder))
    profile.set_up(
        store, profile.ProfileInput("王文员", "OFFICE-001", "某县应急管理局", "库", 1), kind="office"
    )
    enterprise = enterprises.create(store, {"name": "库尔勒金泰化工有限责任公司", "region": "库尔勒"})
    return store, enterprise["id"]


def run(bundles: int | None = None, findings: int | None = None) -> list[Result]:
    from sqlite_utils import Database

    from inspector.core.store import db as dbmod
    from inspector.core.sync import import_many

    if bundles is None or findings is None:
        size = os.environ.get("INSPECTOR_BENCH_SYNC", "1000x200")
        bundles, findings = (int(x) for x in size.lower().split("x"))
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-", dir=os.environ.get("INSPECTOR_HOME")))
    office, enterprise_id = _office(folder / "office")
    paths, rows = make_bundles(folder / "bundles", bundles, findings, enterprise_id)
    office.conn.execute("VACUUM INTO ?", [str(folder / "baseline.db")])  # the same office, before any import
    base_db = Database(dbmod.connect(folder / "baseline.db"))
    start = time.perf_counter()
    with base_db.conn:
        base_db.execute("PRAGMA defer_foreign_keys=ON")
        for table in ("inspectors", "inspections", "findings"):
            base_db[table].insert_all(rows[table], batch_size=1000)
    baseline = time.perf_counter() - start
    base_db.conn.close()

    start = time.perf_counter()
    for report in import_many(office, [folder / "bundles"], trust=True):  # the clerk imports the folder
        if not report.ok:
            raise RuntimeError(report.message)
    candidate = time.perf_counter() - start
    total = office.conn.execute("SELECT count(*) FROM findings").fetchone()[0]
    office.close()
    size = f"{len(paths)} bundles, {total:,} findings"
    results = [
        Result(
            f"import {size}: import vs sqlite-utils insert_all (one transaction)",
            candidate,
            baseline,
            goal=3.0,
            note="scaled down" if (bundles, findings) != (1000, 200) else "",
        )
    ]
    results += bundle_sizes(folder / "sizes")
    return results


class SizeResult(Result):
    def line(self) -> str:
        return (
            f"{self.name}: {self.ratio:.2f}× raw size (goal ≤ {self.goal:g}×, "
            f"{'ok' if self.ratio <= self.goal else 'OVER GOAL'}); bundle {self.candidate / 1024:.1f} KiB, "
            f"raw {self.baseline / 1024:.1f} KiB" + (f" — {self.note}" if self.note else "")
        )


def _inspection(folder: Path, photos: int) -> tuple[float, float]:
    """(bundle bytes, raw bytes) of a laptop's full export holding one inspection with three findings."""
    from datetime import date, timedelta

    from PIL import Image

    from inspector.core import demo, profile, signing
    from inspector.core.capture import findings, inspections
    from inspector.core.checklists.library import load_for_workspace
    from inspector.core.store import Store, paths
    from inspector.core.sync import export_bundle

    store = Store.open(paths.Workspace(folder))
    demo.seed(store, with_inspections=False)
    me = profile.profile(store)["id"]
    signing.ensure_key(store, me, "246810")
    enterprise = store.row("SELECT id, sector FROM enterprises WHERE sector='hazchem' ORDER BY id LIMIT 1")
    checklist = load_for_workspace(store.workspace).for_sector("hazchem")[0]
    people = [me, profile.roster(store)[0]["id"]]
    inspection = inspections.start(store, enterprise["id"], [checklist], "例行检查", people, "罐区")
    items = list(checklist.items)[:3]
    sid = checklist.content_hash
    deadline = date.today() + timedelta(days=20)
    raw_photos = 0
    for n, item in enumerate(items):
        inspections.answer(store, inspection["id"], sid, item.id, "fail")
        finding = findings.record(
            store,
            inspection["id"],
            sid,
            item.id,
            spot=f"{n + 1}号罐区",
            description="问题",
            deadline=deadline,
        )
        if n < photos:
            path = folder / f"photo{n}.jpg"
            Image.effect_noise((1600, 1200), 24).convert("RGB").save(path, "JPEG", quality=85)
            raw_photos += path.stat().st_size
            findings.add_photo(store, finding["id"], path)
    inspections.finish(store, inspection["id"])
    result = export_bundle(store, folder / "bundle.zip", full=True, pin="246810")
    raw = raw_photos
    import zipfile

    with zipfile.ZipFile(result.path) as archive:
        raw += sum(i.file_size for i in archive.infolist() if not i.filename.startswith("blobs/"))
    store.close()
    return float(result.path.stat().st_size), float(raw)


def bundle_sizes(folder: Path) -> list[Result]:
    """A laptop's full export with one inspection (a bundled checklist, three findings), without photos and
    with two photos (1600×1200 JPEG); the baseline is the raw size of what it carries (entries uncompressed,
    photo files): the bundle's overhead, or its saving."""
    out = []
    for photos in (0, 2):
        size, raw = _inspection(folder / f"photos-{photos}", photos)
        note = "whole workspace: register, roster, keys, the inspection" + (
            f", {photos} photos" if photos else ""
        )
        out.append(SizeResult(f"bundle size per inspection, {photos} photos", size, raw, goal=1.1, note=note))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_sync")
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--findings", type=int, default=200, help="findings per bundle")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as home:
        os.environ["INSPECTOR_HOME"] = home
        for result in run(args.bundles, args.findings):
            print(result.line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
