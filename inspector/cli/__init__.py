"""The command line: ``inspector`` opens the app; ``inspector <command> …`` works without a screen.

Each module in this package that defines ``register(subparsers)`` adds its commands; a command's
handler takes the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from inspector import __version__


def _command_modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            if hasattr(module, "register"):
                yield module


def build_parser() -> argparse.ArgumentParser:
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
    subparsers = parser.add_subparsers(dest="command", title="headless commands", metavar="<command>")
    for module in _command_modules():
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        from inspector.app import run  # Qt is loaded only when the app opens

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
