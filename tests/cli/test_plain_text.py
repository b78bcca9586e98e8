"""`someplan status` into a pipe prints without rich exactly what rich would print there."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from someplan.cli import plain_text, status
from someplan.cli.status import print_plain, print_status
from someplan.i18n import language
from someplan.services.catalog import Catalog
from someplan.services.status import build_status
from someplan.store.workspace import Workspace

# Single-cell characters with spaces in runs (rich keeps or drops spaces at a break), and a few
# that are not single-cell, which plain_text must refuse.
SIMPLE = st.lists(st.sampled_from([*"ab cdæøÅ-–—…★·«»■.:/", "  ", "   "]), max_size=120).map("".join)
ANY = st.text(st.sampled_from(list("ab c漢😀\u0301\u00ad★…")), max_size=60)


def _rich(renderable, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, emoji=False, markup=False).print(renderable)
    return out.getvalue()


def test_every_extra_single_character_is_one_cell_for_rich():
    for character in plain_text._SINGLE:
        assert cell_len(character) == 1, hex(ord(character))


@given(SIMPLE, st.integers(1, 120))
def test_a_line_wraps_as_rich_wraps_it(text, width):
    lines = [text[begin:end] for begin, end in plain_text.wrap_bounds(text, width)]
    assert "".join(line + "\n" for line in lines) == _rich(Text(text), width)


@given(ANY)
def test_what_is_simple_is_one_cell_a_character(text):
    if plain_text.simple(text):
        assert cell_len(text) == len(text)


@given(st.lists(st.tuples(SIMPLE, st.integers(1, 30)), min_size=1, max_size=6))
def test_a_row_is_cut_and_padded_as_rich_does(cells):
    table = Table.grid(padding=(0, 1))
    for _text, width in cells:
        table.add_column(no_wrap=True, width=width, overflow="ellipsis")
    table.add_row(*(Text(text) for text, _width in cells))
    total = sum(width for _text, width in cells) + len(cells) - 1
    row = " ".join(status._cell([(text, "")], width, None) for text, width in cells)
    assert row + "\n" == _rich(table, total)


def _add(someplan, ws, title, date, time="10:00", channel="facebook", category="kunder", status="idea"):
    someplan("add", title, "--date", date, "--time", time, "--channel", channel, "--category", category,
             "--status", status, "-w", ws)  # fmt: skip


def test_the_status_into_a_pipe_is_what_rich_prints(someplan, ws, monkeypatch):
    _add(someplan, ws, "Kari i resepsjonen", "2026-11-16", "09:00", category="ansatte", status="published")
    _add(someplan, ws, "Black Friday-tilbud med en tittel lang nok til å bli kuttet i smale vinduer", "2026-11-18")
    _add(someplan, ws, "[bold]Tilbud[/bold] \x1b[2J rødt\x07", "2026-11-19", channel="instagram", status="ready")
    for lang in ("en", "nb"):
        monkeypatch.setenv("SOMEPLAN_LANG", lang)
        workspace = Workspace.open(ws)
        try:
            report = build_status(Catalog(workspace))
        finally:
            workspace.close()
        for width in (40, 50, 61, 80, 120, 200):
            plain = io.StringIO()
            if not print_plain(report, language(), width, plain):
                assert width < 80, (lang, width)  # a table too wide is rich's to cut
                continue
            out = io.StringIO()
            print_status(report, language(), Console(file=out, width=width, highlight=False, emoji=False, markup=False))
            assert plain.getvalue() == out.getvalue(), (lang, width)
        assert not print_plain(report, language(), 20, io.StringIO())


def test_the_status_into_a_pipe_imports_no_rich(ws, tmp_path):
    code = (
        "import sys; from someplan.cli import main; main(['status', sys.argv[1]]);print('rich' in sys.modules, file=sys.stderr)"
    )
    env = {"PATH": "", "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "SOMEPLAN_TODAY": "2026-11-18", "COLUMNS": "100"}  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code, ws], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "Solvik" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "False"


def test_the_width_is_rich_s_and_a_styled_output_is_left_to_rich(monkeypatch):
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "97")
    assert plain_text.output() == (Console(file=sys.stdout).width, None) == (97, None)
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich colours even a pipe then
    assert plain_text.output() is None
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert plain_text.output() != (97, None)  # a terminal: styled


# -- in a terminal: rich's escape codes without rich ------------------------------------------

STYLES = st.sampled_from(["", "bold", "dim", "bold cyan", "bold reverse", "red", "bold red", "yellow", "green",
                          "magenta", "blue", "white", "#2a9d8f", "#e76f51", "#808080", "#f4a261"])  # fmt: skip
PIECES = st.lists(st.tuples(SIMPLE, STYLES), max_size=8)
SYSTEMS = ["standard", "256", "truecolor"]


def _fresh_rich_styles() -> None:
    # Rich keeps a style's codes for the colour system it first rendered it in, and keeps its
    # parsed and combined styles: a test of another system starts with none kept.
    from rich.style import Style

    for cached in (Style.parse, Style._add, Style.normalize):
        cached.cache_clear()


def _rich_terminal(renderable, width: int, system: str, no_color: bool = False) -> str:
    _fresh_rich_styles()
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=True, color_system=system, no_color=no_color,
                      highlight=False, emoji=False, markup=False)  # fmt: skip
    console.print(renderable)
    return out.getvalue()


@pytest.mark.parametrize("system", SYSTEMS)
@given(pieces=PIECES, width=st.integers(1, 100), no_color=st.booleans())
def test_a_styled_line_wraps_and_paints_as_rich_does(system, pieces, width, no_color):
    ansi = plain_text.Ansi(system, no_color)
    text = "".join(text for text, _style in pieces)
    mine = "".join(plain_text.paint_line(pieces, ansi, begin, end) + "\n" for begin, end in plain_text.wrap_bounds(text, width))
    assert mine == _rich_terminal(Text.assemble(*pieces), width, system, no_color)


@pytest.mark.parametrize("system", SYSTEMS)
@given(cells=st.lists(st.tuples(PIECES, st.integers(1, 30)), min_size=1, max_size=5))
def test_a_styled_row_is_cut_and_padded_as_rich_does(system, cells):
    from someplan.cli.status import _cell

    ansi = plain_text.Ansi(system)
    table = Table.grid(padding=(0, 1))
    for _pieces, width in cells:
        table.add_column(no_wrap=True, width=width, overflow="ellipsis")
    table.add_row(*(Text.assemble(*pieces) for pieces, _width in cells))
    total = sum(width for _pieces, width in cells) + len(cells) - 1
    row = " ".join(_cell(pieces, width, ansi) for pieces, width in cells)
    assert row + "\n" == _rich_terminal(table, total, system)


@pytest.mark.parametrize("system", SYSTEMS)
def test_the_status_in_a_terminal_is_what_rich_prints(someplan, ws, monkeypatch, system):
    _add(someplan, ws, "Kari i resepsjonen", "2026-11-16", "09:00", category="ansatte", status="published")
    _add(someplan, ws, "Black Friday-tilbud med en tittel lang nok til å bli kuttet i smale vinduer", "2026-11-18")
    _add(someplan, ws, "[bold]Tilbud[/bold] \x1b[2J rødt\x07", "2026-11-19", channel="instagram", status="ready")
    workspace = Workspace.open(ws)
    try:
        report = build_status(Catalog(workspace))
    finally:
        workspace.close()
    for no_color in (False, True):
        for width in (50, 61, 80, 120, 200):
            styled = io.StringIO()
            if not print_plain(report, language(), width, styled, plain_text.Ansi(system, no_color)):
                assert width < 80, width
                continue
            assert "\x1b[" in styled.getvalue() or no_color
            _fresh_rich_styles()
            out = io.StringIO()
            print_status(report, language(), Console(file=out, width=width, force_terminal=True, color_system=system,
                                                     no_color=no_color, highlight=False, emoji=False, markup=False))  # fmt: skip
            assert styled.getvalue() == out.getvalue(), (no_color, width)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "environ",
    [{"TERM": "xterm"}, {"TERM": "xterm-256color"}, {"TERM": "xterm-kitty"}, {"TERM": "screen-16color"},
     {"TERM": "xterm", "COLORTERM": "truecolor"}, {"TERM": "xterm", "COLORTERM": "24bit", "COLUMNS": "93"},
     {"TERM": "xterm", "NO_COLOR": "1"}, {"TERM": "xterm", "NO_COLOR": ""}, {}],
)  # fmt: skip
def test_the_terminal_s_width_and_colours_are_rich_s(monkeypatch, environ):
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS", "COLORTERM", "TERM", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "stdout", _Terminal())
    width, ansi = plain_text.output()
    assert ansi is not None
    console = Console(file=sys.stdout)
    assert (width, ansi.system, ansi.no_color) == (console.width, console.color_system, console.no_color)


@pytest.mark.parametrize("environ", [{"FORCE_COLOR": "1"}, {"TTY_COMPATIBLE": "1"}, {"TERM": "dumb"}, {"TERM": "unknown"}])
def test_a_terminal_rich_treats_otherwise_is_left_to_rich(monkeypatch, environ):
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert plain_text.output() is None
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert (plain_text.output() or (0, None))[1] is None  # into a pipe: never styled


def test_the_status_in_a_terminal_imports_no_rich_console(ws, tmp_path):
    code = (
        "import io, sys\nclass T(io.StringIO):\n    def isatty(self): return True\n"
        "out = T(); real = sys.stdout; sys.stdout = out\n"
        "from someplan.cli import main\nmain(['status', sys.argv[1]])\nsys.stdout = real\n"
        "print(out.getvalue()); print('rich.console' in sys.modules, file=sys.stderr)"
    )
    env = {"PATH": "", "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "SOMEPLAN_TODAY": "2026-11-18", "COLUMNS": "100", "TERM": "xterm-256color"}  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code, ws], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "\x1b[1mSolvik\x1b[0m" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "False"


@given(st.lists(st.tuples(st.text("ab …", max_size=6), st.sampled_from(["", "bold", "cyan"])), max_size=4), st.integers(-1, 12))
def test_a_cell_into_a_pipe_is_the_cut_pieces_padded(pieces, width):
    from someplan.cli.status import _cell

    kept = plain_text.cut(pieces, width)
    assert _cell(pieces, width, None) == plain_text.paint_line(kept, None) + " " * (width - sum(len(t) for t, _s in kept))
