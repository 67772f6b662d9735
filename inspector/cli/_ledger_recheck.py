"""``inspector ledger recheck start|record|discard|finish``: a re-check (复查) from the command line."""

from __future__ import annotations

from pathlib import Path

from inspector.cli._common import fail, print_json
from inspector.cli.ledger import _day, _enterprise_id, _run


def add_recheck(verbs) -> None:
    recheck = verbs.add_parser("recheck", help="re-check (复查) an enterprise's open hazards")
    rc_verbs = recheck.add_subparsers(dest="rc_verb", required=True, metavar="<verb>")
    rc_start = rc_verbs.add_parser("start", help="open a re-check; prints its id and hazards")
    rc_start.add_argument("--enterprise", required=True, metavar="NAME|ID")
    rc_start.add_argument("--notice", metavar="NUMBER|ID", help="the notice re-checked (default: the latest)")
    rc_start.add_argument("--inspector", action="append", required=True, metavar="ID", help="twice or more")
    rc_start.add_argument("--json", action="store_true")
    rc_start.set_defaults(handler=recheck_start_command)
    rc_record = rc_verbs.add_parser("record", help="one hazard's outcome")
    rc_record.add_argument("recheck", metavar="RECHECK_ID")
    rc_record.add_argument("hazard", metavar="HAZARD_ID")
    verdict = rc_record.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--rectified", action="store_true")
    verdict.add_argument("--not-rectified", action="store_true")
    rc_record.add_argument("--deadline", type=_day, help="the new deadline when not rectified")
    rc_record.add_argument("--note", default="")
    rc_record.add_argument("--photo", action="append", type=Path, default=[])
    rc_record.set_defaults(handler=recheck_record_command)
    rc_discard = rc_verbs.add_parser("discard", help="give up an unfinished re-check and its visit (audited)")
    rc_discard.add_argument("recheck", metavar="RECHECK_ID")
    rc_discard.add_argument("--reason", required=True, help="kept in the audit trail")
    rc_discard.set_defaults(handler=recheck_discard_command)
    rc_finish = rc_verbs.add_parser(
        "finish", help="issue the signed 整改复查意见书 (INSPECTOR_PIN) and move hazards"
    )
    rc_finish.add_argument("recheck", metavar="RECHECK_ID")
    rc_finish.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    rc_finish.set_defaults(handler=recheck_finish_command)


def recheck_start_command(args) -> int:
    from inspector.core.ledger import recheck

    def body(store) -> int:
        rc = recheck.start(
            store, _enterprise_id(store, args.enterprise), args.inspector, original=args.notice
        )
        if args.json:
            print_json(rc)
            return 0
        print(f"复查 {rc['id']}（针对 {rc['original_number']}），待复查隐患 {len(rc['items'])} 条：")
        for item in rc["items"]:
            print(f"  {item['hazard_id']}  {item['spot']}：{item['description']}")
        return 0

    return _run(args, body)


def recheck_record_command(args) -> int:
    from inspector.core.ledger import recheck

    def body(store) -> int:
        item = recheck.record(
            store,
            args.recheck,
            args.hazard,
            rectified=args.rectified,
            note=args.note,
            new_deadline=args.deadline,
            photos=args.photo,
        )
        print(
            f"{item['hazard_id']}：{'已整改' if item['rectified'] else '未整改，新期限 ' + item['new_deadline']}"
        )
        return 0

    return _run(args, body)


def recheck_discard_command(args) -> int:
    from inspector.core.ledger import recheck

    def body(store) -> int:
        recheck.discard(store, args.recheck, args.reason)
        print(f"已放弃复查 {args.recheck}")
        return 0

    return _run(args, body)


def recheck_finish_command(args) -> int:
    from inspector.cli.render import _signer, _write
    from inspector.core.ledger import recheck
    from inspector.core.signing import CertificateError, PinError

    def body(store) -> int:
        try:
            document = recheck.finish(store, args.recheck, signer=_signer(store))
        except (PinError, CertificateError) as exc:
            fail(str(exc))
            return 1
        _write(args.out, bytes(document["pdf"]))
        print(f"已出具整改复查意见书 {document['number_text']} → {args.out}")
        return 0

    return _run(args, body)
