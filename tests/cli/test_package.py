"""The command line as a package: every headless command stays headless, only the invoked
command's module is loaded, no module of the package imports one that imports it back, and a
mistyped command is refused instead of being taken for a workspace to open."""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import someplan.cli
from someplan.cli import COMMANDS, _opens_planner, main

PACKAGE = Path(someplan.cli.__file__).parent

# Runs each argv through main() in one process, and says after each whether Textual is loaded:
# once imported it stays in sys.modules, so a later command cannot hide an earlier one's import.
HEADLESS = """
import contextlib, io, json, sys
from someplan.cli import main
seen = []
for argv in json.loads(sys.argv[1]):
    sink = io.TextIOWrapper(io.BytesIO())  # with a .buffer, as `export -o -` writes bytes
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as stop:
            code = stop.code
    seen.append([argv[0], code, "textual" in sys.modules])
print(json.dumps(seen))
"""


def _env(tmp_path) -> dict[str, str]:
    return {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"), "SOMEPLAN_TODAY": "2026-11-18", "NO_COLOR": "1"}  # fmt: skip


def test_every_headless_command_leaves_textual_unimported(someplan, ws, tmp_path):
    post = someplan("add", "Sauna", "--date", "2026-11-19", "--channel", "Facebook", "--category", "bak kulissene",
                    "-w", ws).strip()  # fmt: skip
    figures = tmp_path / "figures.csv"
    figures.write_text("Publish time,Post ID,Title,Reach\n11/19/2026 09:00,123,Sauna,100\n", encoding="utf-8")
    commands = [
        ["--help"], ["status", ws], ["status", ws, "--json"], ["list", "-w", ws], ["show", post, "-w", ws],
        ["history", post, "-w", ws], ["doctor", "-w", ws], ["export", "md", "-o", "-", "-w", ws],
        ["figures", "-w", ws], ["import", str(figures), "--dry-run", "--channel", "Facebook", "-w", ws],
        ["assets", "-w", ws], ["channel", "list", "-w", ws], ["category", "list", "-w", ws],
        ["people", "add", "Kari", "-w", ws], ["people", "list", "-w", ws], ["campaign", "list", "-w", ws],
        ["batch", "bak kulissene", "--people", "Kari", "-w", ws], ["add", "Is", "--date", "today", "--channel",
        "Facebook", "--category", "tips og triks", "-w", ws], ["demo", "--path-only"], ["language", "-w", ws],
        ["edit", post, "--title", "Badstue", "-w", ws], ["move", post, "--date",
        "2026-11-20", "-w", ws], ["rm", post, "-w", ws], ["restore", post, "-w", ws], ["init", str(tmp_path / "new")],
        ["status", "--help"], ["staus"], ["idea", "Badstue ved fjorden", "-w", ws], ["ideas", "-w", ws],
        ["ideas", "--contributors", "-w", ws],
        ["status", "--help"], ["staus"], ["report", "--month", "2026-11", "-w", ws],
        ["export", "wheel", "--year", "2026", "-w", ws], ["search", "sauna", "status:idea", "-w", ws],
        ["goal", "add", "Fylle julebordene", "--start", "2026-10-01", "--end", "2026-12-20", "--target",
         "engagement_rate >= 6", "-w", ws], ["goal", "list", "-w", ws], ["status", ws], ["mix", "-w", ws], ["hours", "-w", ws],
    ]  # fmt: skip
    result = subprocess.run([sys.executable, "-c", HEADLESS, json.dumps(commands)], capture_output=True, text=True,
                            env=_env(tmp_path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert [name for name, _code, textual in seen if textual] == []
    assert {name: code for name, code, _textual in seen if code} == {"staus": 2}  # the typo refused, the rest done
    headless = set(COMMANDS) - {"open"}
    assert headless - {argv[0] for argv in commands} == set()


def test_status_loads_only_its_own_command_module(ws, tmp_path):
    code = (
        "import sys; from someplan.cli import main; main(['status', sys.argv[1]]);"
        "print(sorted(m for m in sys.modules if m.startswith('someplan.cli')))"
    )
    result = subprocess.run([sys.executable, "-c", code, ws], capture_output=True, text=True, env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.strip().splitlines()[-1]
    # argparse_words too is left out: `status PATH` is read without argparse (cli/status.quick_args)
    assert loaded == str(["someplan.cli", "someplan.cli.common", "someplan.cli.plain_text", "someplan.cli.status"])


def test_status_imports_no_record_or_view_it_does_not_show(ws, tmp_path):
    # Each frozen dataclass costs a start ~0.6 ms: the people and the side panes' figures stay out.
    code = (
        "import sys; from someplan.cli import main; main(['status', sys.argv[1]]);"
        "print(sorted(m for m in sys.modules if m.startswith('someplan')))"
    )
    result = subprocess.run([sys.executable, "-c", code, ws], capture_output=True, text=True, env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.strip().splitlines()[-1]
    assert "'someplan.domain.person'" not in loaded and "'someplan.services.overview'" not in loaded


def test_the_root_help_lists_every_command_with_its_help(someplan, capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name, (_module, help) in COMMANDS.items():
        assert f"    {name} " in out
        assert " ".join(help.split())[:30] in " ".join(out.split())


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_module_registers_its_command(name):
    parser = someplan.cli.build_parser(name)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    command = sub.choices[name]
    assert command._actions[1:], f"{name} has no arguments"  # beyond -h
    runs = [command.get_default("run")] + [
        p.get_default("run") for a in command._actions if a.dest == "action" for p in a.choices.values()
    ]
    assert any(callable(run) for run in runs)


def test_a_mistyped_command_is_refused_not_opened(someplan, capsys, tmp_path, monkeypatch):
    with pytest.raises(SystemExit) as stop:
        main(["staus"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "'staus'" in err and "'status'" in err
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    assert _opens_planner([]) and _opens_planner(["plans"]) and _opens_planner(["./missing"])
    assert _opens_planner(["~/Dropbox/plan"]) and _opens_planner([str(tmp_path / "nowhere")])
    assert not _opens_planner(["staus"]) and not _opens_planner(["status"]) and not _opens_planner(["--help"])


def _imports(path: Path) -> set[str]:
    """The modules of someplan.cli that `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    modules = {f"someplan.cli.{p.stem}" for p in PACKAGE.glob("*.py") if p.stem != "__init__"} | {"someplan.cli"}
    return found & modules


def test_no_module_of_the_package_imports_one_that_imports_it_back():
    graph = {}
    for path in PACKAGE.glob("*.py"):
        name = "someplan.cli" if path.stem == "__init__" else f"someplan.cli.{path.stem}"
        # `from someplan.cli import common` loads the package first, as every submodule's import
        # does: that is no edge back to the package's own code.
        graph[name] = _imports(path) - {"someplan.cli", name}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    assert [name for name in graph if reaches(name, name, set())] == []
    assert graph["someplan.cli.common"] == set()


def test_open_catalog_closes_the_workspace_whatever_happens(someplan, ws, monkeypatch):
    from someplan.cli.common import open_catalog
    from someplan.services.errors import UserError
    from someplan.store.workspace import Workspace

    closed = []
    monkeypatch.setattr(Workspace, "close", lambda self: closed.append(self.writable))
    with pytest.raises(UserError), open_catalog(argparse.Namespace(workspace=ws), writable=True):
        raise UserError("stop")
    assert closed == [True]
    someplan("category", "edit", "tips og triks", "--cadence", "nothing like a cadence", "-w", ws, code=1)
    someplan("list", "-w", ws)
    assert closed == [True, True, False]


def test_the_planner_starts_with_the_collector_off_and_leaves_it_on(someplan, ws, monkeypatch):
    """The start's objects all live on: no collection walks them before the first frames
    (the planner switches the collector on after them; after the planner it is on again)."""
    import gc

    from someplan.cli import workspace
    from someplan.tui import app as tui_app

    seen = []

    class Planner:
        return_code = 0

        def __init__(self, catalog, notice=None, started=None):
            seen.append((gc.isenabled(), started is not None))

        def prepare_terminal(self):
            pass

        def run(self):
            pass

    monkeypatch.setattr(workspace, "has_terminal", lambda: True)
    monkeypatch.setattr(tui_app, "SomeplanApp", Planner)
    someplan("open", ws)
    assert seen == [(False, True)] and gc.isenabled()
