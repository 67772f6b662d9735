"""Import: plan what a checked bundle would change, then apply it all in one transaction.

For each record: new → added; identical → skipped; changed by one side only since the two last
exchanged it (``sync_base``) → the newer version kept, the version replaced kept in ``sync_history``;
changed by both → :func:`rules.resolve` decides and both versions go to ``sync_conflicts``. Nothing is
ever lost. A refused bundle writes nothing: every check runs before the one transaction starts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from inspector.core.sync import bundle as bundles
from inspector.core.sync import checks
from inspector.core.sync.apply import execute
from inspector.core.sync.bundle import BundleError
from inspector.core.sync.plan import plan
from inspector.core.sync.report import TITLES, ImportReport

__all__ = ["TITLES", "ImportReport", "bundle_files", "import_bundle", "import_many"]


def import_bundle(
    store, path: Path | str, *, dry_run: bool = False, trust: bool = False, write_files: bool = True
) -> ImportReport:
    """Check, then (unless ``dry_run``) apply one bundle; a refusal comes back as a report, nothing written."""
    path = Path(path)
    report = ImportReport(file=path.name, dry_run=dry_run)
    try:
        b = bundles.read(path)
        report.bundle_id = b.id
        checked = checks.check(store, b, trust=trust)
        if checked.nothing_new:
            report.message = checked.nothing_new
            return report
        p = plan(store, b, checked, report)
        if not dry_run:
            execute(store, p, write_files=write_files)
    except BundleError as exc:
        report.ok, report.reason, report.message = False, exc.reason, str(exc)
    except Exception as exc:  # a constraint the plan could not foresee: rolled back whole
        import sqlite3

        if not isinstance(exc, sqlite3.IntegrityError | ValueError):
            raise
        report.ok, report.reason = False, "conflict"
        why = _constraint(exc) if isinstance(exc, sqlite3.IntegrityError) else str(exc)
        report.message = f"{path.name}：无法合并（{why}）；工作区未作任何改动"
    return report


def _constraint(exc: Exception) -> str:
    """A database constraint the merge broke, in words (SQLite's own text names table.column in English)."""
    import re

    from inspector.core.sync.report import TITLES
    from inspector.core.sync.review import label

    text = str(exc)
    found = re.match(r"(UNIQUE|NOT NULL) constraint failed: (\w+)\.(\w+)", text)
    if found:
        kind, table, column = found.groups()
        what = f"{TITLES.get(table, table)}的{label(column)}"
        return f"{what}与本工作区已有的记录重复" if kind == "UNIQUE" else f"{what}缺少内容"
    if "FOREIGN KEY" in text:
        return "包中的记录引用了本工作区没有的记录"
    return "包中的记录不符合本工作区的数据约束"


def bundle_files(paths) -> list[Path]:
    """Files given, folders expanded to the ``*.zip`` in them, in a stable order."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix == ".zip" and p.is_file())
        else:
            found.append(path)
    return found


def _order_key(path: Path):
    """Import order: by device, then where its chain segment starts (so a folder imports gap-free)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            if archive.getinfo(bundles.MANIFEST).file_size > bundles.MAX_MANIFEST_BYTES:
                raise ValueError("manifest too large")
            manifest = json.loads(archive.read(bundles.MANIFEST))
        span = manifest["audit"]
        return (str(manifest["device"]["id"]), int(span["from"]), int(span["to"]), path.name)
    except Exception:  # unreadable here: read() names the problem when its turn comes
        return ("", 0, 0, path.name)


BATCH = 50  # bundles written per transaction by import_many (each bundle its own savepoint)


class _DryRun(Exception):
    pass


def import_many(
    store,
    paths,
    *,
    dry_run: bool = False,
    trust: bool = False,
    progress: Callable[[int, int, ImportReport], None] | None = None,
) -> list[ImportReport]:
    """Each bundle on its own (one refused does not stop the others), ordered so a folder imports whole.

    Bundles are applied in batches: one transaction holds up to ``BATCH`` of them, each in its own
    savepoint, so that a refused bundle is rolled back alone while the disk sees one commit per batch.
    A dry run applies them the same way and rolls everything back: it reports what the whole set would
    do (the second bundle of a laptop after its first), and writes nothing.
    """
    files = sorted(bundle_files(paths), key=_order_key)
    reports: list[ImportReport] = []
    for start in range(0, len(files), BATCH):
        batch: list[ImportReport] = []
        try:
            with store.transaction():
                for path in files[start : start + BATCH]:
                    report = import_bundle(store, path, trust=trust, write_files=not dry_run)
                    report.dry_run = dry_run
                    batch.append(report)
                    if progress:
                        progress(len(reports) + len(batch), len(files), report)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        except Exception as exc:
            for report in batch:
                if report.ok:
                    report.ok, report.reason = False, "not-saved"
                    report.message = f"{report.file}：未能保存（{exc}）；工作区未作任何改动"
            reports += batch
            raise
        reports += batch
    return reports
