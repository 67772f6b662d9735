"""``inspector verify``: check a signed document, or the QR scanned from a paper copy.

    inspector verify FILE.pdf                # the PDF's signatures and the QR data it carries
    inspector verify --payload 'INSP1|…'     # the text a QR scanner read from the printed page
    inspector verify --code 7Q2K-M9XD-41TB-HC0R   # find a document by the code printed under the QR

Exit codes: see ``EXIT_CODES`` (printed by ``inspector verify --help``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector.cli._common import fail, open_store, print_json
from inspector.core import signing
from inspector.core.signing.verdict import (
    EXIT_INVALID,
    EXIT_SUPERSEDED,
    EXIT_USAGE,
    EXIT_VALID,
    Verdict,
)

EXIT_CODES = f"""退出码（exit codes）：
  {EXIT_VALID}  有效：签名、二维码和文书内容均核对无误，且未被更正
  {EXIT_INVALID}  无效：原因逐条列出（文件已被改动、签名人不是本文书的执法人员、与签发的文书不符等）；
     --code 时为找不到该短码的文书
  {EXIT_USAGE}  用法错误：没有给出要检查的对象，或文件不存在
  {EXIT_SUPERSEDED}  已被更正：签名和内容无误，但该文书已由更正文书替代（输出更正文书的编号），不得再作为有效文书使用
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="check a document's signatures (PDF file, scanned QR text or printed short code)",
        description="检查文书的数字签名：PDF 文件、扫描得到的二维码内容，或二维码下方的短码。",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", metavar="FILE.pdf", help="the signed PDF to check")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--payload", metavar="TEXT", help="the text read from the printed QR code")
    what.add_argument("--code", metavar="CODE", help="the short code printed under the QR code")
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    parser.set_defaults(handler=verify_command)


def verify_command(args) -> int:
    chosen = [x for x in (args.file, args.payload, args.code) if x]
    if len(chosen) != 1:
        fail("请给出一个要检查的对象：PDF 文件、--payload 二维码内容或 --code 短码（只能选一个）")
        return EXIT_USAGE
    if args.file and not Path(args.file).is_file():
        fail(f"找不到文件 {args.file}")
        return EXIT_USAGE
    store = open_store(args)
    try:
        if args.code:
            return _lookup(store, args.code, args.json)
        if args.payload:
            verdict = signing.verify_payload(store, args.payload)
        else:
            verdict = signing.verify_pdf(store, Path(args.file))
    finally:
        store.close()
    _report(verdict, args.json)
    return verdict.exit_code


def _lookup(store, code: str, as_json: bool) -> int:
    doc = signing.find_by_short_code(store, code)
    if as_json:
        print_json({"found": doc is not None, "number_text": doc["number_text"] if doc else None})
    elif doc:
        printed = signing.short_code_for(doc["number_text"], doc["content_sha256"])
        print(f"找到文书：{doc['number_text']}（短码 {printed}）")
    else:
        print(f"本工作区没有短码为 {code} 的文书（短码核对的是文书编号和内容，内容改动后短码也会不同）")
    return EXIT_VALID if doc else EXIT_INVALID


def _report(verdict: Verdict, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "valid": verdict.valid,
                "exit_code": verdict.exit_code,
                "reason": verdict.reason,
                "superseded_by": verdict.superseded_by,
                "reasons": verdict.reasons,
                "number_text": verdict.number_text,
                "signers": verdict.signers,
                "problems": [{"reason": p.reason, "message": p.message} for p in verdict.problems],
                "notes": verdict.notes,
                "particulars": [{"label": k, "value": v} for k, v in verdict.particulars],
            }
        )
        return
    print(verdict.headline())
    if verdict.number_text:
        print(f"  文书编号：{verdict.number_text}")
    if verdict.signers:
        print(f"  签名人：{'、'.join(verdict.signers)}")
    if verdict.problems:
        print("  原因：")
        for problem in verdict.problems:
            print(f"    - {problem.message}")
    if verdict.notes:
        print("  已核对：")
        for note in verdict.notes:
            print(f"    - {note}")
    if verdict.particulars:
        print("  请与纸质文书逐项核对（本工作区的登记）：")
        for label, value in verdict.particulars:
            print(f"    {label}：{value}")
