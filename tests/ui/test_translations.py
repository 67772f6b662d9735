"""Every visible string has a Chinese translation that keeps its placeholders; the app reads in
Chinese on a Chinese system and in English when chosen."""

import re
import shutil
import subprocess

from PySide6.QtWidgets import QApplication

from inspector.ui import i18n


def test_every_string_in_the_code_has_a_chinese_translation(tmp_path):
    """Collect the strings from the code afresh (lupdate), so a new string without translation fails."""
    fresh = tmp_path / "check.ts"
    shutil.copy(i18n.ts_file(), fresh)
    sources = [str(p) for p in i18n.ui_sources()]
    subprocess.run(
        [i18n._tool("lupdate"), "-no-obsolete", "-silent", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    messages = i18n.messages(fresh)
    assert len(messages) > 100
    missing = [f"{m['context']}: {m['source']}" for m in messages if not m["finished"]]
    assert not missing, (
        "untranslated strings (run python -m inspector.ui.i18n update, then translate):\n"
        + "\n".join(missing)
    )


def test_translations_keep_their_placeholders():
    for m in (m for m in i18n.messages() if m["finished"]):
        wanted = sorted(re.findall(r"%(?:\d|n)", m["source"]))
        got = sorted(re.findall(r"%(?:\d|n)", m["translation"]))
        assert got == wanted, f"{m['context']}: {m['source']!r} → {m['translation']!r}"


def test_chinese_and_english_interfaces(qtbot, demo_store, workspace):
    from inspector.app import choose_language, install_translators
    from inspector.ui.main_window import MainWindow

    i18n.build()
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    try:
        window = MainWindow(demo_store, workspace)
        qtbot.addWidget(window)
        assert window.windowTitle() == "安全生产执法检查 — 外业工作区"  # the kind of workspace in the title
        assert window.nav.item(1).text() == "现场检查"
    finally:
        for translator in app._translators:
            app.removeTranslator(translator)
    window = MainWindow(demo_store, workspace)
    qtbot.addWidget(window)
    assert window.nav.item(1).text() == "Inspections"
    demo_store.set_setting("ui.language", "en")
    assert choose_language(None, demo_store) == "en"
    assert choose_language("zh_CN", demo_store) == "zh_CN"
