"""``inspector package --for INSPECTOR_OR_REGION --out FILE``: the office's package for a laptop."""

from __future__ import annotations

from pathlib import Path

from inspector.cli._common import fail, open_store


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "package", help="build the office's package for a laptop (register, hazards due …)"
    )
    parser.add_argument(
        "--for", dest="who", required=True, metavar="INSPECTOR_OR_REGION", help="name, 执法证号 or region"
    )
    parser.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="package file, or a folder to put it in"
    )
    parser.set_defaults(handler=package_command)


def package_command(args) -> int:
    from inspector.core.signing import PinError
    from inspector.core.sync import BundleError
    from inspector.core.sync.package import PackageError, build_package
    from inspector.core.sync.workspace import kind

    store = open_store(args)
    try:
        if kind(store) != "office":
            fail("只有办公室工作区可以为外业电脑制作同步包")
            return 2
        result = build_package(store, args.who, args.out)
    except (PinError, BundleError, PackageError) as exc:
        fail(str(exc))
        return 2
    finally:
        store.close()
    hazards = result.counts.get("hazards", 0)
    enterprises = result.counts.get("enterprises", 0)
    print(
        f"已为 {result.target['label']} 制作同步包 {result.path}：{enterprises} 家企业，{hazards} 条待复查隐患"
    )
    return 0
