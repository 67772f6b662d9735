"""The command line: ``inspector`` opens the app; ``inspector <command> …`` works without a screen.

Each module in this package that defines ``register(subparsers)`` adds its commands; a command's
handler takes the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from inspector import __version__

# Each command by name: the module that registers it and its one-line help. Only the module of the
# command being run is imported, so ``inspector --help`` and every command stay quick and the heavy
# libraries (reportlab, pyHanko, openpyxl …) load only for the commands that use them. A test checks
# that this table and the modules' ``register`` functions agree.
COMMANDS: dict[str, tuple[str, str]] = {
    "audit": ("audit", "check the audit trail (痕迹执法)"),
    "backup": ("backup", "copy the workspace database into its backups folder now"),
    "bench": ("bench", "run the benchmarks (ratios against same-run baselines)"),
    "checklists": ("checklists", "list, validate, show checklists; import a spreadsheet"),
    "demo": ("inspections", "fill the current workspace with realistic demo data"),
    "enterprises": ("enterprises", "the register of enterprises (被检查单位)"),
    "export": ("export", "write the signed export bundle (sync by file)"),
    "import": ("import_", "import sync bundles or an office package (all-or-nothing each)"),
    "inspections": ("inspections", "list inspections"),
    "ledger": ("ledger", "the hazard ledger (隐患台账)"),
    "package": ("package", "build the office's package for a laptop (register, hazards due …)"),
    "render": ("render", "issue (if not yet issued) and write an enforcement document as PDF"),
    "restore": ("backup", "replace the workspace database with a backup (refused over newer data)"),
    "verify": ("verify", "check a document's signatures (PDF file, scanned QR text or printed short code)"),
}

# Options of the top-level parser that take a value (so the value is never mistaken for a command).
_VALUED = {"--workspace", "--lang", "--screenshot"}


def command_module(name: str):
    return importlib.import_module(f"{__name__}.{COMMANDS[name][0]}")


def _words(argv: list[str]):
    """The tokens that are neither options nor an option's value."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in _VALUED:
            skip = True
        elif not token.startswith("-"):
            yield token


def _chosen_command(argv: list[str]) -> str | None:
    word = next(_words(argv), None)
    return word if word in COMMANDS else None


def _lists_commands(argv: list[str]) -> bool:
    """Whether the parser needs every command's one-line entry: for ``--help``, and to name the choices
    when a word is given; opening the app (options only) does not (≈ 4 ms of every start)."""
    return "-h" in argv or "--help" in argv or next(_words(argv), None) is not None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the full sub-parser of the command named in ``argv`` and one-line entries for
    the others (enough for ``--help``)."""
    parser = argparse.ArgumentParser(
        prog="inspector",
        description="安全生产执法检查 — with no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"inspector {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workspace", metavar="NAME", help="workspace folder name under the data folder")
    where.add_argument("--demo", action="store_true", help="use the demo workspace (sample data, kept apart)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default: system locale)")
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="open the app, save a picture of the screen after it settles, quit",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary workspace (store, checklists, a signed notice, Qt), then quit",
    )
    subparsers = parser.add_subparsers(dest="command", title="headless commands", metavar="<command>")
    chosen = _chosen_command(sys.argv[1:] if argv is None else argv)
    if chosen:
        command_module(chosen).register(subparsers)
    for name, (_module, help_text) in sorted(COMMANDS.items()):
        if name not in subparsers.choices and (argv is None or _lists_commands(argv)):
            subparsers.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.self_test:
        from inspector.selftest import run as self_test

        return self_test()
    if not args.command:
        from inspector.ui import import_hook  # Qt is loaded only when the app opens

        import_hook.quicken()  # before the app's own modules load
        from inspector.app import run

        return run(args)
    from inspector.core.store import StoreError

    try:
        return int(args.handler(args) or 0)
    except StoreError as exc:  # read-only workspace, full disk, a writer that never finished: said plainly
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
