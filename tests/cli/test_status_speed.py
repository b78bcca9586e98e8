"""`someplan status` starts quickly (issue 15): it builds, imports and computes only what the
week it prints needs, and says exactly what it said before."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
import time
from importlib import import_module
from pathlib import Path

import pytest

from someplan.cli import COMMANDS, build_parser, main
from someplan.cli.argparse_words import translate_metavars


def _full_parser() -> argparse.ArgumentParser:
    """The parser as it was: every command listed and every command's arguments made."""
    parser = build_parser(None)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, (module, _help) in COMMANDS.items():
        import_module(f"someplan.cli.{module}").register(name, sub.choices[name])
    translate_metavars(parser)
    return parser


def _said(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: object = parser.parse_args(argv) and 0
        except SystemExit as stop:
            code = stop.code
    return code, out.getvalue(), err.getvalue()


def test_a_command_builds_its_own_parser_only():
    parser = build_parser("status")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == ["status"]


@pytest.mark.parametrize("language", ["en", "nb"])
@pytest.mark.parametrize(
    "argv",
    [
        ["status", "--help"], ["status", "ws", "more"], ["status", "--bogus"], ["status", "--week"],
        ["status", "--week", "47", "--date", "2026-11-18"], ["campaign", "--help"], ["campaign", "add", "--help"],
        ["campaign"], ["people", "add"], ["add", "--help"], ["export", "--help"], ["list", "--bogus"],
    ],
)  # fmt: skip
def test_help_and_usage_errors_are_as_with_every_command_built(someplan, monkeypatch, argv, language):
    monkeypatch.setenv("SOMEPLAN_LANG", language)
    from someplan.cli.argparse_words import speak_our_language
    from someplan.services.language import apply

    apply()
    speak_our_language()
    assert _said(build_parser(argv[0]), argv) == _said(_full_parser(), argv)


def test_the_root_help_still_lists_every_command(someplan, capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    with pytest.raises(SystemExit):
        _full_parser().parse_args(["--help"])
    first, second = capsys.readouterr().out.split("usage: someplan", 2)[1:]
    assert first == second


# Modules a warm status on a workspace without figures has no use for; each costs its import.
NOT_IMPORTED = ("_hashlib", "decimal", "statistics", "fractions", "someplan.domain.figures_stats", "shutil", "rich", "tomllib",
                "someplan.domain.rotation_plan", "calendar", "locale")


def test_a_warm_status_imports_nothing_it_does_not_use(someplan, ws):
    for path in Path(ws).rglob("*"):  # written an hour ago: settled, as a workspace is between changes
        os.utime(path, (time.time() - 3600,) * 2)
    someplan("status", ws)  # the first run makes this machine's caches (the holidays among them)
    code = (
        "import sys\nfrom someplan.cli import main\nmain(['status', sys.argv[1]])\n"
        f"print([m for m in {NOT_IMPORTED!r} if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code, ws], capture_output=True, text=True, env=os.environ.copy())
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("columns", [None, "57", "0", "-3", "wide"])
def test_help_is_as_wide_as_argparse_makes_it(monkeypatch, columns):
    import shutil

    from someplan.cli.argparse_words import _help_width

    monkeypatch.delenv("COLUMNS", raising=False)
    if columns is not None:
        monkeypatch.setenv("COLUMNS", columns)
    assert _help_width() == shutil.get_terminal_size().columns - 2


def test_the_next_proposal_kept_between_commands_is_the_one_worked_out(someplan, ws, monkeypatch):
    from someplan.services import rotation_fill

    real_fill = rotation_fill.fill_plan
    first = someplan.json("status", ws, "--json")  # worked out, and kept
    text = someplan("status", ws, "--week", "48")
    assert first["next_proposal"] is not None
    monkeypatch.setattr(rotation_fill, "fill_plan", lambda *args, **kwargs: pytest.fail("planned again"))
    assert someplan.json("status", ws, "--json") == first
    assert someplan("status", ws, "--week", "48") == text
    monkeypatch.setattr(rotation_fill, "fill_plan", real_fill)  # (undo() would undo the fixture's dirs too)
    someplan("add", "Nytt innlegg", "--date", "2026-11-19", "--channel", "facebook", "--category", "kunder", "-w", ws)
    monkeypatch.setattr(rotation_fill, "fill_plan", lambda *args, **kwargs: pytest.fail("planned again"))
    with pytest.raises(pytest.fail.Exception):  # the workspace changed: worked out again
        someplan("status", ws)


def test_a_quick_status_process_prints_all_and_exits_as_before(someplan, ws):
    expected = someplan("status", ws)
    done = subprocess.run([sys.executable, "-m", "someplan", "status", ws], capture_output=True, text=True, env=os.environ.copy())
    assert (done.returncode, done.stdout, done.stderr) == (0, expected, "")
    missing = subprocess.run([sys.executable, "-m", "someplan", "status", ws + "-gone"], capture_output=True, text=True,
                             env=os.environ.copy())  # fmt: skip
    assert missing.returncode == 1 and "someplan:" in missing.stderr


def test_a_quick_status_whose_reader_is_gone_is_no_error(someplan, ws):
    read, write = os.pipe()
    os.close(read)  # `someplan status | head -0`: nobody reads
    try:
        done = subprocess.run([sys.executable, "-m", "someplan", "status", ws], stdout=write, stderr=subprocess.PIPE,
                              text=True, env=os.environ.copy())  # fmt: skip
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_quick_status_process_skips_the_collector_and_the_teardown(someplan, ws, monkeypatch):
    import gc

    import someplan.cli as cli
    from someplan.cli import compiled_methods

    class Exited(Exception):
        pass

    def exit_now(code):
        raise Exited(code, gc.isenabled())

    monkeypatch.setattr(cli.os, "_exit", exit_now)
    monkeypatch.setattr(sys, "argv", ["someplan", "status", ws])
    try:
        with pytest.raises(Exited) as left:
            main()
    finally:
        gc.enable()
        compiled_methods.uninstall()
    assert left.value.args == (0, False)
    assert main(["status", ws]) == 0 and gc.isenabled()  # a caller of its own keeps both
