"""`someplan [open] [WORKSPACE]`, `someplan init PATH` and `someplan demo`: making and opening a
workspace. `open` is the one command that imports Textual."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from someplan.cli import common, compiled_methods
from someplan.i18n import _

if TYPE_CHECKING:
    import argparse  # imported by the parser that uses it: the usual start of the planner builds none


START_SWITCH_INTERVAL_S = 0.0005


def register(name: str, p: argparse.ArgumentParser) -> None:
    if name == "open":
        p.set_defaults(run=cmd_open)
        p.add_argument("workspace", nargs="?")
        p.add_argument("-w", "--workspace", dest="workspace_option", help=_("the same as the argument"))
    elif name == "init":
        p.set_defaults(run=cmd_init)
        p.add_argument("path")
        p.add_argument("--name", help=_("the workspace's name (default: the folder's)"))
    else:
        p.set_defaults(run=cmd_demo)
        p.add_argument("--path-only", action="store_true", help=_("only make the copy and print where it is"))
        p.add_argument("--fresh", action="store_true", help=_("start over from a fresh copy of the sample"))


def quick_args(argv: list[str]) -> SimpleNamespace | None:
    """`open [PATH]` (what `someplan` and `someplan PATH` become) as argparse reads it, without
    argparse (its import and the parser are ~2% of the planner's first frame); None for anything
    else, argparse's to read (help, -w, a mistake). Held to argparse's reading by
    tests/cli/test_quick_args.py."""
    if argv[:1] != ["open"] or len(argv) > 2:
        return None
    workspace = argv[1] if len(argv) == 2 else None
    if workspace is not None and (not workspace or workspace.startswith("-")):
        return None
    return SimpleNamespace(command="open", run=cmd_open, workspace=workspace, workspace_option=None)


def has_terminal() -> bool:
    """Whether the planner can draw and read keys: Textual reads stdin and draws on stderr, and
    output meant for a pipe (`someplan WORKSPACE | cat`) should not go on under a screen."""
    return all(stream is not None and stream.isatty() for stream in (sys.__stdin__, sys.__stdout__, sys.__stderr__))


def cmd_open(args, notice: str | None = None) -> int:
    if not has_terminal():  # else the screen waits for keys that never come
        print("someplan: " + _("the planner needs a terminal; for text in a pipe or file: someplan status, someplan list"),
              file=sys.stderr)  # fmt: skip
        return 2
    args.workspace = args.workspace or getattr(args, "workspace_option", None)
    # The collector is off until the planner's first frames are out: a start makes some 150,000
    # objects that all live on, and a full collection among them came due between the first
    # frame and the next, 50–90 ms on the 3,000-post bench.
    gc.disable()
    # Textual writes each frame from a thread of its own, which waits for the interpreter's lock
    # while the UI thread goes on with what the frame left queued: by default up to 5 ms, so the
    # first frame reached the terminal ~6 ms after it was made. Switched more often until the
    # start is over.
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(START_SWITCH_INTERVAL_S)

    def started() -> None:
        sys.setswitchinterval(switch_interval)
        gc.enable()  # the main screen froze what the start made first
        compiled_methods.save()  # now, not at the end: a planner closed with its terminal never gets there

    try:
        # A bad workspace is a one-line error, before the screen.
        with common.open_catalog(args, writable=True) as catalog:
            from someplan.tui.app import SomeplanApp  # the only place the command line imports Textual

            app = SomeplanApp(catalog, notice=notice, started=started)
            app.prepare_terminal()  # before Textual takes the terminal: it asks about pictures
            app.run()
    finally:
        sys.setswitchinterval(switch_interval)
        gc.enable()
    return app.return_code or 0  # 1 when the planner ended on an error, not 0


def cmd_init(args) -> int:
    from someplan.services.locate import remember
    from someplan.services.setup import init_workspace

    path = Path(args.path).expanduser()
    init_workspace(path, args.name).close()
    remember(path)
    print(_("created workspace {path} with channels Facebook, Instagram, LinkedIn and seven categories").format(path=path))
    return 0


def sample_source() -> Path:
    """The sample beside the package in a checkout, else the copy shipped inside the wheel."""
    checkout = Path(__file__).resolve().parents[2] / "sample_workspace"
    if (checkout / "someplan-workspace.json").exists():
        return checkout
    return Path(__file__).resolve().parents[1] / "sample_workspace"


def cmd_demo(args) -> int:
    from someplan.services.demo import prepare_demo
    from someplan.services.errors import UserError

    source = sample_source()
    if not (source / "someplan-workspace.json").exists():
        raise UserError(_("the sample workspace is missing from this installation ({path})").format(path=source))
    demo = prepare_demo(source, fresh=args.fresh)
    if args.path_only:
        print(demo.path)
        return 0
    if demo.fresh:
        where = _("the demo is a fresh copy of the sample, in {path}").format(path=demo.path)
    else:
        where = _("the demo is as you left it, in {path} (someplan demo --fresh starts over)").format(path=demo.path)
    print("someplan: " + where, file=sys.stderr)
    args.workspace = str(demo.path)
    return cmd_open(args, notice=where)
