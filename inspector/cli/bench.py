"""``inspector bench``: run the benchmarks in bench/ (from a source checkout)."""

from __future__ import annotations

import sys

from inspector.core.store import paths


def register(subparsers) -> None:
    parser = subparsers.add_parser("bench", help="run the benchmarks (ratios against same-run baselines)")
    parser.add_argument("names", nargs="*", help="only benchmarks whose name contains one of these")
    parser.add_argument("--check", action="store_true", help="exit 1 when a ratio is over its goal")
    parser.add_argument(
        "--quick", action="store_true", help="smaller data sets, so that the whole set runs in a few minutes"
    )
    parser.set_defaults(handler=bench_command)


def bench_command(args) -> int:
    root = str(paths.install_root())
    if root not in sys.path:
        sys.path.insert(0, root)
    try:
        from bench.__main__ import main
    except ImportError:
        print("错误：找不到 bench/ 目录（基准测试只随源代码提供）", file=sys.stderr)
        return 2
    return main([*args.names, *(["--check"] if args.check else []), *(["--quick"] if args.quick else [])])
