"""The command line loads only what the command being run needs."""

import argparse
import importlib
import pkgutil
import subprocess
import sys

import pytest

import inspector.cli as cli

HEAVY = ("reportlab", "pyhanko", "openpyxl", "PIL", "cryptography", "PySide6", "segno")


def _registered_by(module) -> dict[str, str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    module.register(sub)
    helps = {action.dest: action.help for action in sub._choices_actions}
    return helps


def test_the_command_table_matches_what_the_modules_register():
    found: dict[str, str] = {}
    for info in pkgutil.iter_modules(cli.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"inspector.cli.{info.name}")
        for name, help_text in _registered_by(module).items():
            found[name] = info.name
            assert cli.COMMANDS[name] == (info.name, help_text), name
    assert found.keys() == cli.COMMANDS.keys()


def test_a_value_that_looks_like_a_command_is_not_taken_for_one():
    assert cli._chosen_command(["--workspace", "audit", "verify"]) == "verify"
    assert cli._chosen_command(["--workspace", "w", "audit", "verify"]) == "audit"
    assert cli._chosen_command(["--demo", "render", "notice"]) == "render"
    assert cli._chosen_command(["--help"]) is None


def _loaded_after(args: list[str]) -> set[str]:
    script = (
        "import sys, contextlib, io\n"
        "from inspector import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        cli.build_parser({args!r}).parse_args({args!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_help_loads_no_heavy_library():
    loaded = _loaded_after(["--help"])
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_listing_inspections_loads_no_document_or_signing_library():
    loaded = _loaded_after(["inspections", "list", "--help"])
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_every_command_still_shows_its_own_help():
    for name in cli.COMMANDS:
        done = subprocess.run(
            [sys.executable, "-m", "inspector", name, "--help"], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, (name, done.stderr)
        assert name in done.stdout


def _command_entries(parser: argparse.ArgumentParser) -> set[str]:
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(sub.choices)


def test_opening_the_app_builds_no_command_entries_but_help_and_words_do(capsys):
    assert _command_entries(cli.build_parser(["--workspace", "checklists", "--lang", "en"])) == set()
    assert _command_entries(cli.build_parser(["--help"])) == set(cli.COMMANDS)
    assert _command_entries(cli.build_parser(["nonsense"])) == set(cli.COMMANDS)
    args = cli.build_parser(["--workspace", "ledger"]).parse_args(["--workspace", "ledger"])
    assert args.command is None and args.workspace == "ledger"  # a workspace named like a command
    parser = cli.build_parser(["--demo", "nonsense"])
    with pytest.raises(SystemExit) as exited:
        parser.parse_args(["--demo", "nonsense"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'nonsense'" in err and "'ledger'" in err  # the choices are named
