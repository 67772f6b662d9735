"""Builds the QApplication: workspace, translations, first run, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from inspector.cli._common import chosen_workspace
from inspector.core import profile
from inspector.core.store import Store
from inspector.core.store.db import DatabaseError
from inspector.ui import i18n
from inspector.ui.single_instance import bring_forward


def choose_language(explicit: str | None, store: Store | None) -> str:
    lang = explicit or (store.setting("ui.language") if store else None)
    if lang in i18n.LANGUAGES:
        return lang
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QApplication, lang: str) -> None:
    app._translators = []  # keep them alive as long as the app
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    qt_own = QTranslator(app)
    if qt_own.load(
        QLocale(QLocale.Chinese, QLocale.China),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.TranslationsPath),
    ):
        app.installTranslator(qt_own)
        app._translators.append(qt_own)
    ours = QTranslator(app)
    if ours.load(str(i18n.qm_file(lang))):
        app.installTranslator(ours)
        app._translators.append(ours)


def _screenshot(app: QApplication, path: str) -> None:
    """The whole screen (dialogs included), for support and for the Xvfb smoke test."""
    app.primaryScreen().grabWindow(0).save(path)
    app.exit(0)


def run(args) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("inspector")
    app.setApplicationDisplayName("安全生产执法检查")
    workspace = chosen_workspace(args)
    instance = _claim_workspace(workspace, getattr(args, "lang", None))
    if instance is None:
        return 0
    try:
        store = Store.open(workspace)
    except DatabaseError as exc:
        QMessageBox.critical(None, "inspector", str(exc))
        instance.release()
        return 2
    install_translators(app, choose_language(getattr(args, "lang", None), store))
    if getattr(args, "demo", False) and not profile.is_set_up(store):
        from inspector.core import demo

        demo.seed(store)
    if not profile.is_set_up(store):
        from inspector.ui.first_run import FirstRunDialog

        if FirstRunDialog(store).exec() != QDialog.Accepted:
            return 0
    from inspector.ui.main_window import MainWindow

    window = MainWindow(store, workspace)
    instance.activated.connect(lambda: bring_forward(window))
    screen = app.primaryScreen().availableGeometry()
    if screen.width() <= 1440 or screen.height() <= 800:
        window.showMaximized()  # old 1366×768 laptops: use every pixel
    else:
        window.show()
    QTimer.singleShot(0, window.offer_drafts)
    if getattr(args, "screenshot", None):
        QTimer.singleShot(2000, lambda: _screenshot(app, args.screenshot))
    code = app.exec()
    store.close()
    instance.release()
    return code


def _claim_workspace(workspace, lang: str | None):
    """The single-instance guard, or None when another window has the workspace (it was brought forward,
    or the user was told where it is open)."""
    from inspector.ui.single_instance import ELSEWHERE, HANDED_OVER, SingleInstance

    workspace.root.mkdir(parents=True, exist_ok=True)
    instance = SingleInstance(workspace.root)
    outcome = instance.claim()
    if outcome == HANDED_OVER:
        print(f"工作区 {workspace.root} 已在另一个窗口中打开，已切换到该窗口。", file=sys.stderr)
        return None
    if outcome == ELSEWHERE:
        install_translators(QApplication.instance(), choose_language(lang, None))
        QMessageBox.information(None, "inspector", instance.elsewhere_message())
        return None
    return instance
