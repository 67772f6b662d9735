"""Builds the QApplication: workspace, translations, first run, main window."""

from __future__ import annotations

import os
import sqlite3
import sys

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from inspector.cli._common import chosen_workspace
from inspector.core import profile
from inspector.core.store import Store
from inspector.core.store.db import DatabaseError
from inspector.ui import core_messages, i18n
from inspector.ui.single_instance import bring_forward

# Set (to anything) to quit right after the main window's first paint: ``bench/bench_startup.py``
# times whole processes up to that point.
QUIT_AFTER_PAINT = "INSPECTOR_QUIT_AFTER_PAINT"


def choose_language(explicit: str | None, store: Store | None) -> str:
    lang = explicit or (store.setting("ui.language") if store else None)
    if lang in i18n.LANGUAGES:
        return lang
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QApplication, lang: str) -> None:
    app._translators = []  # keep them alive as long as the app
    core_messages.set_language(lang)
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        plurals = QTranslator(app)  # English needs only its plural forms: "1 enterprise", "2 enterprises"
        if plurals.load(str(i18n.qm_file("en"))):
            app.installTranslator(plurals)
            app._translators.append(plurals)
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


def no_display() -> str | None:
    """On Linux without a display and without QT_QPA_PLATFORM, Qt aborts with a misleading message about
    libxcb-cursor0: say what is wrong and how to run without a screen instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "inspector: no display (DISPLAY and WAYLAND_DISPLAY are unset). Run the headless commands "
        "(inspector --help), or QT_QPA_PLATFORM=offscreen inspector --screenshot shot.png, or start it under "
        "xvfb-run."
    )


def _screenshot(app: QApplication, path: str) -> None:
    """The whole screen (dialogs included), for support and for the Xvfb smoke test; offscreen, whatever
    window is showing (the first-run dialog on a workspace not set up yet)."""
    picture = app.primaryScreen().grabWindow(0)
    if picture.isNull() or app.platformName() == "offscreen":
        shown = QApplication.activeModalWidget() or QApplication.activeWindow()
        shown = shown or next((w for w in QApplication.topLevelWidgets() if w.isVisible()), None)
        if shown is not None:
            picture = shown.grab()
    picture.save(path)
    app.exit(0)


def run(args) -> int:
    message = no_display()
    if message:
        print(message, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("inspector")
    app.setApplicationDisplayName("安全生产执法检查")
    from inspector.ui.style import FOCUS_FRAMES

    app.setStyleSheet(FOCUS_FRAMES)
    workspace = chosen_workspace(args)
    instance = _claim_workspace(workspace, getattr(args, "lang", None))
    if instance is None:
        return 0
    try:
        store = Store.open(workspace, check_later=True)  # checked just after the first paint
    except DatabaseError as exc:
        _tell(None, str(exc))
        instance.release()
        return 2
    try:
        language, set_up = choose_language(getattr(args, "lang", None), store), profile.is_set_up(store)
    except sqlite3.DatabaseError:
        if not _checked(store, None, instance):  # a damaged file, said as the check says it
            return 2
        raise
    install_translators(app, language)
    if not set_up and not _checked(store, None, instance):  # setting up writes: check first
        return 2
    if getattr(args, "demo", False) and not profile.is_set_up(store):
        from inspector.core import demo

        demo.seed(store)
    if not profile.is_set_up(store):
        from inspector.ui.first_run import FirstRunDialog

        if getattr(args, "screenshot", None):  # what shows first is the first-run dialog: picture it, quit
            QTimer.singleShot(2000, lambda: _screenshot(app, args.screenshot))
        instance.listen()
        if not FirstRunDialog(store).exec():  # rejected
            store.close()
            return 0
    from inspector.ui.main_window import MainWindow

    try:
        window = MainWindow(store, workspace)
        instance.activated.connect(lambda: bring_forward(window))
        screen = app.primaryScreen().availableGeometry()
        if screen.width() <= 1440 or screen.height() <= 800:
            window.showMaximized()  # old 1366×768 laptops: use every pixel
        else:
            window.show()
    except sqlite3.DatabaseError:
        if not _checked(store, None, instance):  # a damaged file, said as the check says it
            return 2
        raise
    if os.environ.get(QUIT_AFTER_PAINT):
        _quit_after_first_paint(app, window)
    else:
        _after_first_paint(window, lambda: _check_after_paint(app, window, store, instance))
    if getattr(args, "screenshot", None):
        QTimer.singleShot(2000, lambda: _screenshot(app, args.screenshot))
    code = app.exec()
    store.close()
    instance.release()
    return code


class _FirstPaint(QObject):
    """Quits the app once the main window has painted (the start-up benchmark's finish line)."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Paint:
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def _tell(parent, message: str, critical: bool = True) -> None:
    from PySide6.QtWidgets import QMessageBox  # only when there is something to say (≈ 2 ms with QDialog)

    (QMessageBox.critical if critical else QMessageBox.information)(parent, "inspector", message)


def _checked(store, window, instance) -> bool:
    """The checks ``Store.open(check_later=True)`` left (quick_check, the day's backup); a damaged file is
    refused with the message naming the backup to restore from, before anything is written."""
    try:
        store.check_now()
    except DatabaseError as exc:
        _tell(window, str(exc))
        store.close()
        if instance is not None:
            instance.release()
        return False
    return True


def _check_after_paint(app: QApplication, window, store, instance) -> None:
    instance.listen()  # later starts now bring this window forward
    if not _checked(store, window, None):
        window.hide()
        app.exit(2)
        return
    window.show_store_warnings()  # e.g. the day's backup failed
    window.offer_drafts()


class _AfterFirstPaint(QObject):
    def __init__(self, window, then):
        super().__init__(window)
        self._then = then

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


def _after_first_paint(window, then) -> None:
    window.installEventFilter(_AfterFirstPaint(window, then))


def _quit_after_first_paint(app: QApplication, window) -> None:
    app._first_paint = _FirstPaint(window)
    window.installEventFilter(app._first_paint)


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
        _tell(None, instance.elsewhere_message(), critical=False)
        return None
    return instance
