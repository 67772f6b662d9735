"""``inspector --self-test``: prove that this installation works, in a temporary workspace.

It is what a support person runs on a freshly installed laptop (and what the build test runs on the
frozen app): open a store, load every checklist, record a small inspection, issue a signed notice,
verify it, export a signed bundle and import it (twice) into an office workspace, and load the Qt parts the app needs (translations, the PDF preview). Each step prints one
line; the exit code is 0 only when every step passed. Nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

SELF_TEST_PIN = "24681357"


class _Steps:
    def __init__(self, out) -> None:
        self.out = out
        self.failed: list[str] = []
        self.state: dict = {}

    def run(self, title: str, step: Callable[[dict], str | None]) -> None:
        try:
            detail = step(self.state)
        except Exception as exc:  # a self-test reports every failure and goes on
            self.failed.append(title)
            self.out.write(f"✗ {title}：{type(exc).__name__}: {exc}\n")
            if os.environ.get("INSPECTOR_SELF_TEST_TRACE"):
                traceback.print_exc(file=self.out)
            return
        self.out.write(f"✓ {title}" + (f"：{detail}" if detail else "") + "\n")
        self.out.flush()


def _open_store(state: dict) -> str:
    from inspector.core.store import Store, paths

    workspace = paths.workspace("self-test")
    state["store"] = Store.open(workspace)
    state["workspace"] = workspace
    return str(workspace.root)


def _checklists(state: dict) -> str:
    from inspector.core.checklists.library import load_for_workspace

    library = load_for_workspace(state["workspace"])
    if library.rejected:
        path, issues = library.rejected[0]
        raise RuntimeError(f"{len(library.rejected)} 个检查表未能加载，如 {path.name}：{issues[0]}")
    if not library.checklists:
        raise RuntimeError("没有找到任何检查表")
    items = sum(len(c.items) for c in library.checklists)
    return f"{len(library.checklists)} 个检查表，{items} 项"


def _inspection(state: dict) -> str:
    from inspector.core import demo
    from inspector.core.capture import inspections

    store = state["store"]
    demo.seed(store)
    for row in inspections.listing(store):
        if row["finished_at"] and row["failed"]:
            state["inspection"] = row["id"]
            return f"{row['enterprise']}，{row['failed']} 项不合格"
    raise RuntimeError("示例检查没有生成带问题的已完成检查")


def _notice(state: dict) -> str:
    from inspector.core import profile, signing
    from inspector.core.documents.issue import issue

    store = state["store"]
    me = profile.profile(store)
    signer = signing.signer_for(store, me["id"], SELF_TEST_PIN)
    document = issue(store, "notice", state["inspection"], signer=signer)
    pdf = Path(tempfile.gettempdir()) / f"inspector-self-test-{os.getpid()}.pdf"
    pdf.write_bytes(bytes(document["pdf"]))
    state["pdf"] = pdf
    return f"{document['number_text']}，{pdf.stat().st_size // 1024} KB"


def _verify(state: dict) -> str:
    from inspector.core import signing

    verdict = signing.verify_pdf(state["store"], state["pdf"])
    if not verdict.valid:
        raise RuntimeError(f"签名校验未通过：{verdict.reason}")
    return "签名有效"


def _sync(state: dict) -> str:
    from inspector.core import profile, signing
    from inspector.core.store import Store, paths
    from inspector.core.sync import export_bundle, import_bundle

    bundle = export_bundle(state["store"], Path(state["workspace"].root), full=True, pin=SELF_TEST_PIN)
    office = Store.open(paths.workspace("self-test-office").ensure())
    try:
        profile.set_up(
            office,
            profile.ProfileInput("自检文员", "SELFTEST-01", "自检办公室", "检", 900),
            device_label="self-test office",
            kind="office",
        )
        signing.ensure_key(office, profile.profile(office)["id"], SELF_TEST_PIN)
        first = import_bundle(office, bundle.path, trust=True)
        if not first.ok:
            raise RuntimeError(f"办公室导入被拒：{first.message}")
        again = import_bundle(office, bundle.path)
        if not again.ok or again.added or again.updated:
            raise RuntimeError(f"重复导入不应改变任何数据：{again.summary()}")
        inspections = office.row("SELECT count(*) AS n FROM inspections")["n"]
    finally:
        office.close()
    return f"导出 {bundle.path.stat().st_size // 1024} KB，办公室导入 {inspections} 次检查，重复导入无改动"


def _qt(state: dict) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    from inspector.ui import i18n

    app = QApplication.instance() or QApplication([])
    ours = QTranslator(app)
    if not ours.load(str(i18n.qm_file("zh_CN"))):
        raise RuntimeError(f"无法加载界面译文 {i18n.qm_file('zh_CN')}")
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    if not qt_own.load(QLocale(QLocale.Chinese, QLocale.China), "qtbase", "_", qt_dir):
        raise RuntimeError(f"无法加载 Qt 自带的中文译文（{qt_dir}）")
    document = QPdfDocument(app)
    document.load(str(state["pdf"]))
    if document.pageCount() < 1:
        raise RuntimeError(f"PDF 预览无法打开文书（{document.error()}）")
    return f"界面译文、Qt 译文、PDF 预览（{document.pageCount()} 页）"


STEPS: list[tuple[str, Callable[[dict], str | None]]] = [
    ("打开数据库", _open_store),
    ("加载检查表", _checklists),
    ("记录一次检查", _inspection),
    ("出具并签名责令限期整改指令书", _notice),
    ("校验文书签名", _verify),
    ("导出数据包并在办公室导入", _sync),
    ("Qt 组件", _qt),
]


def run(out=None) -> int:
    out = out or sys.stdout
    saved = {name: os.environ.get(name) for name in ("INSPECTOR_HOME", "INSPECTOR_PIN")}
    try:
        return _run_in_temporary_home(out)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _run_in_temporary_home(out) -> int:
    with tempfile.TemporaryDirectory(prefix="inspector-self-test-") as home:
        os.environ["INSPECTOR_HOME"] = home  # never the real user folders
        os.environ["INSPECTOR_PIN"] = SELF_TEST_PIN  # the demo inspector's key is made with it
        steps = _Steps(out)
        for title, step in STEPS:
            steps.run(title, step)
        store = steps.state.get("store")
        if store is not None:
            store.close()
        pdf = steps.state.get("pdf")
        if pdf is not None:
            pdf.unlink(missing_ok=True)
    if steps.failed:
        out.write(f"自检未通过：{'、'.join(steps.failed)}\n")
        return 1
    out.write("自检通过\n")
    return 0
