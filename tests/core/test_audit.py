"""The audit chain catches rows altered, deleted or inserted behind the app's back."""

import hashlib
import sqlite3

from inspector.cli import main
from inspector.core.register import enterprises
from inspector.core.store import audit


def _tamper(store, sql, params=()):
    """Change the database file with a separate connection, as someone with a SQLite tool would."""
    path = store.workspace.db_path
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def dump_hash(conn) -> str:
    return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


def test_every_change_is_logged_and_chained_with_binary_hashes(demo_store):
    report = audit.verify(demo_store.conn)
    assert report.ok, report.problems
    entries = demo_store.rows("SELECT * FROM audit_log ORDER BY seq")
    assert "prev_hash" not in entries[0]  # it is the previous row's hash: not stored twice
    assert all(isinstance(e["hash"], bytes) and len(e["hash"]) == 32 for e in entries)
    prev = audit.GENESIS
    for entry in entries:
        fields = {**entry, "digest": entry["digest"].hex() if entry["digest"] else None}
        assert audit.chain_hash(prev, fields) == entry["hash"].hex()
        prev = entry["hash"].hex()
    enterprise = demo_store.row("SELECT * FROM enterprises ORDER BY id LIMIT 1")
    enterprises.update(demo_store, enterprise["id"], {**enterprise, "phone": "13800000000"})
    last = demo_store.row("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert (last["table_name"], last["record_id"], last["action"]) == (
        "enterprises",
        enterprise["id"],
        "update",
    )
    assert last["actor"] == demo_store.actor != "system"
    assert last["digest"].hex() == audit.row_digest(demo_store.get("enterprises", enterprise["id"]))
    assert audit.verify(demo_store.conn).ok


def test_altered_audit_row_is_reported_first_and_verify_changes_nothing(demo_store):
    _tamper(demo_store, "UPDATE audit_log SET actor='someone-else' WHERE seq=5")
    before = dump_hash(demo_store.conn)
    report = audit.verify(demo_store.conn, integrity=True)
    assert dump_hash(demo_store.conn) == before
    assert not report.ok
    assert report.problems[0].seq == 5
    assert "第 5 条审计记录的内容被改动" in report.problems[0].message


def test_deleted_audit_row_is_reported(demo_store):
    _tamper(demo_store, "DELETE FROM audit_log WHERE seq=4")
    report = audit.verify(demo_store.conn)
    assert report.problems[0].seq == 5
    assert "第 4 条审计记录缺失" in report.problems[0].message


def test_row_inserted_out_of_order_is_reported(demo_store):
    last = demo_store.row("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
    first = demo_store.row("SELECT * FROM audit_log WHERE seq=1")
    forged = {**first, "seq": last["seq"] + 1, "id": "forged"}  # a copy of an old row appended at the end
    names = list(forged)
    _tamper(
        demo_store,
        f"INSERT INTO audit_log ({','.join(names)}) VALUES ({','.join('?' * len(names))})",
        [forged[n] for n in names],
    )
    report = audit.verify(demo_store.conn)
    assert report.problems[0].seq == last["seq"] + 1
    assert "不衔接" in report.problems[0].message


def test_record_edited_behind_the_apps_back_is_reported(demo_store):
    enterprise = demo_store.row("SELECT * FROM enterprises LIMIT 1")
    _tamper(demo_store, "UPDATE enterprises SET name='改过的名字' WHERE id=?", [enterprise["id"]])
    report = audit.verify(demo_store.conn)
    assert any(enterprise["id"] in p.message and "在软件之外被改动" in p.message for p in report.problems)


def test_record_deleted_or_inserted_behind_the_apps_back_is_reported(demo_store):
    enterprise = demo_store.row("SELECT * FROM enterprises LIMIT 1")
    _tamper(demo_store, "DELETE FROM enterprises WHERE id=?", [enterprise["id"]])
    _tamper(demo_store, "INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 'now')")
    messages = [p.message for p in audit.verify(demo_store.conn).problems]
    assert any("被删除" in m and enterprise["id"] in m for m in messages)
    assert any("settings 中的记录 x 没有审计记录" in m for m in messages)


def test_cli_audit_verify_exit_codes(demo_store, capsys):
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "审计链完整" in out and "尚未锚定：第 1–" in out
    _tamper(demo_store, "UPDATE audit_log SET digest=zeroblob(32) WHERE seq=3")
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "第 3 条审计记录的内容被改动" in out


def test_verify_streams_the_chain_in_bounded_memory(store):
    """Peak memory does not grow with the chain: 4× the rows, about the same peak."""
    import tracemalloc

    def peak_for(rows: int) -> int:
        with store.transaction():
            for n in range(rows):
                audit.append(
                    store.conn,
                    actor="a",
                    device_id="d",
                    action="create",
                    table="bench",
                    record_id=str(n),
                    digest=None,
                )
        tracemalloc.start()
        report = audit.verify(store.conn)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert report.ok
        return peak

    small = peak_for(2_000)
    large = peak_for(6_000)  # now 8,000 in all
    assert large < small * 1.5 + 64 * 1024
