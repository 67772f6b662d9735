"""0011_measures: findings recorded before it keep their free text, get no inferred measure, and still match
the digests the audit trail and the sync base logged for them."""

import sqlite3

from inspector.core.store import Store, audit
from inspector.core.sync import rules
from tests.core.test_documents_support import FIRST_DEADLINE, finished_inspection, set_office


def test_findings_from_before_the_step_keep_their_digests_and_get_no_measure(
    ledger_store, mini_checklist, tmp_path
):
    set_office(ledger_store)
    failures = {
        "T-004": dict(
            spot="2号罐区",
            description="可燃气体检测报警装置未投用",
            deadline=FIRST_DEADLINE,
            immediate_measures="责令立即停止相关作业，从危险区域撤出作业人员",
        )
    }
    inspection = finished_inspection(ledger_store, mini_checklist, tmp_path, failures=failures)
    path = ledger_store.workspace.db_path
    ledger_store.close()
    conn = sqlite3.connect(path)  # the database as it was before 0011_measures
    conn.execute("ALTER TABLE findings DROP COLUMN measures")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name='0011_measures'")
    conn.commit()
    old = dict(
        zip(
            [c[1] for c in conn.execute("PRAGMA table_info(findings)")],
            conn.execute("SELECT * FROM findings WHERE inspection_id=?", [inspection["id"]]).fetchone(),
            strict=True,
        )
    )
    conn.close()

    store = Store.open_file(path)
    try:
        finding = store.row("SELECT * FROM findings WHERE inspection_id=?", [inspection["id"]])
        assert finding["measures"] == "" and finding["immediate_measures"] == old["immediate_measures"]
        assert audit.row_digest(finding) == audit.row_digest(old)
        assert rules.digest("findings", finding) == rules.digest("findings", old)
        assert audit.verify(store.conn).ok  # every finding, the demo's too, still matches its audit entry
        assert all(
            row["measures"] == "" for row in store.rows("SELECT measures FROM findings")
        )  # none inferred
    finally:
        store.close()
