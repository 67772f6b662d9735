"""Translations with Qt's own machinery: ``tr()`` in the code, ``.ts`` committed, ``.qm`` built.

python -m inspector.ui.i18n update   # pyside6-lupdate: collect strings from inspector/ui into the .ts
                                     # (and the English plural forms: "1 enterprise", "2 enterprises")
python -m inspector.ui.i18n build    # pyside6-lrelease: compile .ts → .qm (tools/bootstrap runs it)
python -m inspector.ui.i18n missing  # list strings without a Chinese translation
python -m inspector.ui.i18n apply FILE.json   # fill from {"English": "中文", "Context::English": "中文"}
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import PySide6  # its folder holds the translation tools; subprocess and ElementTree load in the tools that use them

from inspector.core.store import paths

LANGUAGES = ("zh_CN", "en")
TS_DIR = paths.resource("translations")


def ts_file(lang: str = "zh_CN") -> Path:
    return TS_DIR / f"inspector_{lang}.ts"


def qm_file(lang: str = "zh_CN") -> Path:
    return TS_DIR / f"inspector_{lang}.qm"


def _tool(name: str) -> str:
    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return f"pyside6-{name}"


def ui_sources() -> list[Path]:
    root = Path(__file__).parent
    return sorted(p for p in root.rglob("*.py") if p.name != "i18n.py")


def update() -> None:
    import subprocess

    sources = [str(p) for p in ui_sources()]
    subprocess.run(
        [
            _tool("lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            "zh_CN",
            *sources,
            "-ts",
            str(ts_file()),
        ],
        check=True,
    )
    english_plurals(sources)


def english_plurals(sources: list[str]) -> None:
    """The English interface needs its plural forms too: ``%n item(s)`` becomes "1 item" / "2 items".

    lupdate -pluralonly collects the messages with %n; each "(s)" is dropped for one and made "s" for
    more, and a few verbs follow their noun.
    """
    import subprocess
    import xml.etree.ElementTree as ET

    path = ts_file("en")
    subprocess.run(
        [
            _tool("lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            "-pluralonly",
            "-target-language",
            "en",
            *sources,
            "-ts",
            str(path),
        ],
        check=True,
    )
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source")
        one = source.replace("(s)", "").replace(" were ", " was ").replace(" have none", " has none")
        many = source.replace("(s)", "s")
        translation = message.find("translation")
        for form in list(translation):
            translation.remove(form)
        ET.SubElement(translation, "numerusform").text = one
        ET.SubElement(translation, "numerusform").text = many
        translation.text = None
        translation.attrib.pop("type", None)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def build() -> None:
    import subprocess

    for lang in LANGUAGES:
        ts = ts_file(lang)
        qm = qm_file(lang)
        if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(path: Path | None = None) -> list[dict]:
    """Every message of a .ts file: context, source, translation, whether it is finished."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(path or ts_file())
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
            text = (translation.text or "").strip() if translation is not None else ""
            found.append(
                {
                    "context": name,
                    "source": message.findtext("source"),
                    "translation": forms[0] if forms else text,
                    "numerus": message.get("numerus") == "yes",
                    "finished": translation is not None
                    and translation.get("type") not in ("unfinished", "vanished", "obsolete")
                    and (all(forms) if forms else bool(text)),
                }
            )
    return found


def apply(mapping: dict[str, str]) -> int:
    import xml.etree.ElementTree as ET

    path = ts_file()
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            filled += _fill(
                message,
                mapping.get(f"{name}::{message.findtext('source')}", mapping.get(message.findtext("source"))),
            )
    tree.write(path, encoding="utf-8", xml_declaration=True)
    update()  # back in lupdate's own layout, so that applying never rewrites every line
    return filled


def _fill(message, text: str | None) -> int:
    """Set one message's translation; a key ``Context::source`` in the mapping wins over ``source``."""
    import xml.etree.ElementTree as ET

    translation = message.find("translation")
    if text is None or translation is None:
        return 0
    if message.get("numerus") == "yes":  # Chinese has one plural form
        for form in list(translation):
            translation.remove(form)
        ET.SubElement(translation, "numerusform").text = text
        translation.text = None
    else:
        translation.text = text
    translation.attrib.pop("type", None)
    return 1


def main(argv: list[str]) -> int:
    verb = argv[0] if argv else "build"
    if verb == "update":
        update()
    elif verb == "build":
        build()
    elif verb == "missing":
        missing = [m for m in messages() if not m["finished"]]
        for m in missing:
            print(f"{m['context']}: {m['source']}")
        return 1 if missing else 0
    elif verb == "apply":
        mapping = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        print(f"filled {apply(mapping)} translations")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
