"""`someplan [open] [WORKSPACE]`, `someplan init PATH` and `someplan demo`: making and opening a
workspace. `open` is the one command that imports Textual."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from someplan.cli import common
from someplan.i18n import _


def register(name: str, p: argparse.ArgumentParser) -> None:
    if name == "open":
        p.set_defaults(run=cmd_open)
        p.add_argument("workspace", nargs="?")
    elif name == "init":
        p.set_defaults(run=cmd_init)
        p.add_argument("path")
        p.add_argument("--name", help=_("the workspace's name (default: the folder's)"))
    else:
        p.set_defaults(run=cmd_demo)
        p.add_argument("--path-only", action="store_true", help=_("only make the copy and print where it is"))


def cmd_open(args) -> int:
    # A bad workspace is a one-line error, before the screen.
    with common.open_catalog(args, writable=True) as catalog:
        from someplan.tui.app import SomeplanApp  # the only place the command line imports Textual

        app = SomeplanApp(catalog)
        app.run()
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
    from someplan.services.errors import UserError
    from someplan.store.device import state_dir

    source = sample_source()
    if not (source / "someplan-workspace.json").exists():
        raise UserError(_("the sample workspace is missing from this installation ({path})").format(path=source))
    target = state_dir() / "demo" / "sample_workspace"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    _give_new_id(target)
    if args.path_only:
        print(target)
        return 0
    args.workspace = str(target)
    print("someplan: " + _("a fresh copy of the sample is in {path}").format(path=target), file=sys.stderr)
    return cmd_open(args)


def _give_new_id(root: Path) -> None:
    """A copy of a workspace is a new workspace: it must not share the original's id."""
    import json

    from someplan.store.atomic import atomic_write
    from someplan.store.layout import WORKSPACE_FILE
    from someplan.store.workspace import new_record_id

    meta = json.loads((root / WORKSPACE_FILE).read_text(encoding="utf-8"))
    meta["id"] = new_record_id()
    atomic_write(root / WORKSPACE_FILE, (json.dumps(meta, indent=2) + "\n").encode())

