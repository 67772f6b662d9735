"""``inspector render KIND --inspection ID --out FILE.pdf``: issue a document if needed, write its PDF.

An issued document is written exactly as stored (same bytes every time). Issuing a new one signs it
with this device's inspector's key: scripts give the PIN in ``INSPECTOR_PIN``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from inspector.cli._common import fail, open_store
from inspector.core import profile
from inspector.core.documents import (
    KIND_TITLES,
    KINDS,
    DocumentError,
    FontError,
    NumberingError,
    SignatureError,
)
from inspector.core.documents.issue import IssueError, current, issue
from inspector.core.store import Store


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "render",
        help="issue (if not yet issued) and write an enforcement document as PDF",
        description="出具并导出执法文书 PDF：record 现场检查记录，notice 责令限期整改指令书，"
        "measures 现场处理措施决定书，recheck 整改复查意见书。已出具的文书原样导出。",
    )
    parser.add_argument("kind", choices=KINDS, help="record, notice, measures or recheck")
    parser.add_argument("--inspection", required=True, metavar="ID", help="the inspection's id")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    parser.add_argument("--replaces", metavar="NUMBER|ID", help="issue a correction of this document")
    parser.add_argument(
        "--of",
        dest="original",
        metavar="NUMBER|ID",
        help="recheck only: the notice whose rectification was re-inspected",
    )
    parser.set_defaults(handler=render_command)


def _signer(store: Store):
    """The real signer of this device's inspector, unlocked with the PIN from the environment."""
    from inspector.core import signing

    me = profile.profile(store)
    if me is None:
        raise IssueError("本机尚未完成首次设置（没有执法人员），无法签发文书")
    pin = signing.env_pin()
    if not pin:
        raise signing.PinError(
            f"出具新文书需要签名：请在环境变量 {signing.keys.PIN_ENV} 中提供 {me['name']} 的签名 PIN"
        )
    return signing.signer_for(store, me["id"], pin)


def _write(path: Path, pdf: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(pdf)
    partial.replace(path)


def render_command(args) -> int:
    from inspector.core.signing import CertificateError, PinError

    store = open_store(args)
    out = Path(args.out)
    try:
        document = None if args.replaces else current(store, args.kind, args.inspection)
        if document is None or document["pdf"] is None:
            options = {"original_id": args.original} if args.kind == "recheck" and args.original else {}
            document = issue(
                store, args.kind, args.inspection, replaces=args.replaces, signer=_signer(store), **options
            )
            verb = "已出具"
        else:
            verb = "已导出（此前出具，原样导出）"
        pdf = bytes(document["pdf"])
        _write(out, pdf)
    except (DocumentError, FontError, NumberingError, SignatureError, PinError, CertificateError) as exc:
        fail(str(exc))
        return 1
    except OSError as exc:
        fail(f"无法写入 {out}：{exc}")
        return 1
    finally:
        store.close()
    print(f"{verb}{KIND_TITLES[args.kind]} {document['number_text']} → {out}")
    print(f"SHA-256 {document['pdf_sha256']}", file=sys.stdout)
    return 0
