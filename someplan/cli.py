"""`someplan …`: the command line. Headless: Textual is imported only by the command that opens
the planner screen. Exit codes: 0 ok, 1 a user error (one line, no traceback), 2 usage.
"""

from __future__ import annotations

import argparse
import dataclasses

import shutil
import sys
from pathlib import Path

COMMANDS = (
    "init", "demo", "status", "add", "list", "show", "edit", "move", "rm", "restore", "history",
    "doctor", "channel", "category", "batch", "people", "import", "figures", "assets",
    "export",
)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        argv = ["open", *argv]  # `someplan [WORKSPACE]` opens the planner
    from someplan.services.language import apply as apply_language

    apply_language()  # the user's choice, else the last workspace's locale: --help speaks it too
    parser = build_parser()
    args = parser.parse_args(argv)
    from someplan.store.problems import WorkspaceError

    try:
        return args.run(args) or 0
    except WorkspaceError as error:
        print(f"someplan: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        where = f": {error.filename}" if error.filename else ""
        print(f"someplan: {error.strerror or error}{where}", file=sys.stderr)
        return 1
    except UnicodeError:
        print("someplan: a name, title or path given is not valid text (UTF-8)", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


# -- parser ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="someplan", description="Plan, produce and measure social-media posts.")
    from someplan import __version__

    parser.add_argument("--version", action="version", version=f"someplan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, run, help: str, workspace: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(run=run)
        if workspace:
            p.add_argument("-w", "--workspace", help="workspace folder (else $SOMEPLAN_WORKSPACE, else the last used)")
        return p

    p = command("open", cmd_open, "open the planner on a workspace", workspace=False)
    p.add_argument("workspace", nargs="?")
    p = command("init", cmd_init, "create a workspace with default channels and categories", workspace=False)
    p.add_argument("path")
    p.add_argument("--name")
    p = command("demo", cmd_demo, "a fresh copy of the sample workspace, to try things out", workspace=False)
    p.add_argument("--path-only", action="store_true", help="only make the copy and print where it is")
    p = command("status", cmd_status, "the week at a glance", workspace=False)
    p.add_argument("workspace", nargs="?")
    p.add_argument("-w", "--workspace", dest="workspace_option", help="the same as the argument")
    _week_options(p)
    p.add_argument("--json", action="store_true")
    p = command("add", cmd_add, "plan a post (prints its id)")
    p.add_argument("title")
    p.add_argument("--date", required=True)
    p.add_argument("--time")
    p.add_argument("--channel", required=True)
    p.add_argument("--category", required=True)
    p.add_argument("--status", default="idea")
    p.add_argument("--caption", default="")
    p = command("list", cmd_list, "list posts")
    _week_options(p)
    p.add_argument("--from", dest="start")
    p.add_argument("--to", dest="end")
    p.add_argument("--json", action="store_true")
    p = command("show", cmd_show, "every field of a post")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p = command("edit", cmd_edit, "change fields of a post")
    p.add_argument("id")
    for name in ("title", "caption", "status", "channel", "category", "date", "time", "link", "notes", "owner"):
        p.add_argument(f"--{name}")
    p = command("move", cmd_move, "move a post to another day")
    p.add_argument("id")
    p.add_argument("--date", required=True)
    p.add_argument("--time")
    p = command("rm", cmd_rm, "delete a post (restore brings it back)")
    p.add_argument("id")
    p = command("restore", cmd_restore, "bring back a deleted post")
    p.add_argument("id")
    p = command("history", cmd_history, "every value each field of a post has had")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p = command("doctor", cmd_doctor, "check the workspace: format, devices, unreadable or stray files, clocks")
    p.add_argument("--json", action="store_true")
    from someplan.cli_figures import add_commands

    add_commands(command)
    p = command("assets", cmd_assets, "the asset folder: files, new and unused ones, the posts using each")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--new", action="store_true", help="only files new since you last looked")
    which.add_argument("--unused", action="store_true", help="only files no post uses")
    p.add_argument("--filter", default="", help="the assets pane's filter, e.g. 'unused:6 folder:natur'")
    p.add_argument("--json", action="store_true")
    for kind in ("channel", "category"):
        p = command(kind, None, f"list, add, edit or remove {kind}s", workspace=False)
        actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
        _record_commands(actions, kind)
    from someplan.cli_batch import register

    register(command)
    from someplan.cli_export import register as register_export

    register_export(command)
    return parser


def _week_options(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--week", help="ISO week: 47, 2026-W47, 'uke 47'")
    group.add_argument("--date", dest="on", help="the week holding this date")


def _record_commands(actions, kind: str) -> None:
    def action(name: str, run, help: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help)
        p.set_defaults(run=run, kind=kind)
        p.add_argument("-w", "--workspace")
        return p

    p = action("list", cmd_record_list, f"list {kind}s")
    p.add_argument("--json", action="store_true")
    for name, run in (("add", cmd_record_add), ("edit", cmd_record_edit)):
        p = action(name, run, f"{name} a {kind}")
        p.add_argument("name")
        if name == "edit":
            p.add_argument("--name", dest="new_name")
        if kind == "channel":
            p.add_argument("--network")
            p.add_argument("--target", type=int, help="posts per week")
        else:
            p.add_argument("--colour", "--color", dest="colour")
            p.add_argument("--cadence")
            p.add_argument("--question")
            p.add_argument("--weekday", help="preferred weekday: monday … sunday, mandag … søndag, or none")
            p.add_argument("--time", help="preferred time, e.g. 09:30, or none")
            p.add_argument("--channel", help="preferred channel, or none")
            state = p.add_mutually_exclusive_group()
            state.add_argument("--paused", action="store_true")
            state.add_argument("--active", action="store_true")
    p = action("rm", cmd_record_rm, f"remove a {kind}")
    p.add_argument("name")


# -- helpers -----------------------------------------------------------------------------------


def _open(args, writable: bool = False):
    from someplan.services.catalog import Catalog
    from someplan.services.locate import remember, resolve
    from someplan.store.workspace import Workspace

    path = resolve(getattr(args, "workspace", None))
    workspace = Workspace.open(path, writable=writable)
    remember(path)
    catalog = Catalog(workspace)
    _speak_workspace_language(catalog)
    return catalog


def _speak_workspace_language(catalog) -> None:
    from someplan.services.language import apply as apply_language

    apply_language(catalog.settings().locale)


def _out():
    from someplan.cli_output import console

    return console()


def _today(catalog):
    from someplan.services.catalog import effective_today

    return effective_today(catalog)[0]


def _week(args, catalog):
    from someplan.domain.weeks import IsoWeek, parse_week
    from someplan.services.errors import UserError
    from someplan.services.planning import parse_date

    today = _today(catalog)
    if getattr(args, "week", None):
        try:
            return parse_week(args.week, today.year)
        except ValueError:
            raise UserError(f"not a week: {args.week!r} (use 47, 2026-W47 or 'uke 47')") from None
    if getattr(args, "on", None):
        return IsoWeek.of(parse_date(args.on, today))
    return None


def _post_json(post, catalog) -> dict:
    doc = {"id": post.id, **post.to_doc()}
    doc["channel_name"] = catalog.channel_names().get(post.channel)
    doc["category_name"] = catalog.category_names().get(post.category)
    return doc


# -- commands ----------------------------------------------------------------------------------


def cmd_open(args) -> int:
    from someplan.services.catalog import Catalog
    from someplan.services.locate import remember, resolve
    from someplan.store.workspace import Workspace

    path = resolve(args.workspace)
    catalog = Catalog(Workspace.open(path))  # a bad workspace is a one-line error, before the screen
    remember(path)
    _speak_workspace_language(catalog)
    from someplan.tui.app import SomeplanApp  # the only place the command line imports Textual

    SomeplanApp(catalog).run()
    return 0


def cmd_init(args) -> int:
    from someplan.services.locate import remember
    from someplan.services.setup import init_workspace

    path = Path(args.path).expanduser()
    workspace = init_workspace(path, args.name)
    workspace.close()
    remember(path)
    print(f"created workspace {path} with channels Facebook, Instagram, LinkedIn and seven categories")
    return 0


def sample_source() -> Path:
    """The sample beside the package in a checkout, else the copy shipped inside the wheel."""
    checkout = Path(__file__).resolve().parent.parent / "sample_workspace"
    if (checkout / "someplan-workspace.json").exists():
        return checkout
    return Path(__file__).resolve().parent / "sample_workspace"


def cmd_demo(args) -> int:
    from someplan.services.errors import UserError
    from someplan.store.device import state_dir

    source = sample_source()
    if not (source / "someplan-workspace.json").exists():
        raise UserError(f"the sample workspace is missing from this installation ({source})")
    target = state_dir() / "demo" / "sample_workspace"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    _give_new_id(target)
    if args.path_only:
        print(target)
        return 0
    args.workspace = str(target)
    print(f"someplan: a fresh copy of the sample is in {target}", file=sys.stderr)
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


def cmd_status(args) -> int:
    args.workspace = args.workspace or args.workspace_option
    catalog = _open(args)
    return _print_status(catalog, args)


def _print_status(catalog, args) -> int:
    from someplan.services.status import build_status, report_as_json

    report = build_status(catalog, _week(args, catalog) if args else None)
    from someplan.services.assets import asset_counts

    report = dataclasses.replace(report, assets=asset_counts(catalog))
    if args is not None and args.json:
        from someplan.cli_output import print_json

        print_json(report_as_json(report))
        return 0
    from someplan.cli_output import print_status

    print_status(report, catalog.settings().locale, _out())
    return 0


def cmd_assets(args) -> int:
    from someplan.cli_assets import run_assets

    return run_assets(_open(args), args, _today, _out)


def cmd_add(args) -> int:
    from someplan.domain.post import Post
    from someplan.services.planning import add_post, parse_date, parse_status, parse_time

    catalog = _open(args, writable=True)
    post = Post(
        id="",
        title=args.title,
        caption=args.caption,
        date=parse_date(args.date, _today(catalog)),
        time=parse_time(args.time) if args.time else None,
        channel=catalog.channel(args.channel).id,
        category=catalog.category(args.category).id,
        status=parse_status(args.status),
    )
    print(add_post(catalog, post))
    catalog.workspace.close()
    return 0


def cmd_list(args) -> int:
    from someplan.domain.plan import day_order
    from someplan.services.planning import parse_date

    catalog = _open(args)
    week = _week(args, catalog)
    posts = [p for p in catalog.posts() if p.date]
    if week:
        posts = [p for p in posts if p.date in week]
    today = _today(catalog)
    if args.start:
        posts = [p for p in posts if p.date >= parse_date(args.start, today)]
    if args.end:
        posts = [p for p in posts if p.date <= parse_date(args.end, today)]
    posts.sort(key=lambda p: (p.date, day_order(p)))
    channels, categories = catalog.channel_names(), catalog.category_names()
    if args.json:
        from someplan.cli_output import print_json

        print_json([
            {"id": p.id, "title": p.title, "date": p.date.isoformat(), "time": p.time.strftime("%H:%M") if p.time else None,
             "channel": channels.get(p.channel), "category": categories.get(p.category), "status": p.status.value}
            for p in posts
        ])  # fmt: skip
        return 0
    from someplan.cli_output import print_table

    rows = [
        [p.id, p.date.isoformat(), p.time.strftime("%H:%M") if p.time else "", channels.get(p.channel, "–"),
         categories.get(p.category, ""), p.status.value, p.title]
        for p in posts
    ]  # fmt: skip
    print_table(rows, ["id", "date", "time", "channel", "category", "status", "title"], _out())
    return 0


def cmd_show(args) -> int:
    catalog = _open(args)
    post = catalog.post(args.id)
    doc = _post_json(post, catalog)
    if args.json:
        from someplan.cli_output import print_json

        print_json(doc)
        return 0
    from someplan.cli_output import print_table

    print_table([[name, value] for name, value in doc.items()], ["field", "value"], _out())
    return 0


def cmd_edit(args) -> int:
    from someplan.services.planning import edit_post, parse_date, parse_status, parse_time

    catalog = _open(args, writable=True)
    fields = {}
    for name in ("title", "caption", "link", "notes", "owner"):
        if getattr(args, name) is not None:
            fields[name] = getattr(args, name)
    if args.status is not None:
        fields["status"] = parse_status(args.status)
    if args.channel is not None:
        fields["channel"] = catalog.channel(args.channel).id
    if args.category is not None:
        fields["category"] = catalog.category(args.category).id
    if args.date is not None:
        fields["date"] = parse_date(args.date, _today(catalog))
    if args.time is not None:
        fields["time"] = parse_time(args.time) if args.time else None
    if not fields:
        from someplan.services.errors import UserError

        raise UserError("nothing to change: give at least one of --title, --caption, --status, --channel, --category …")
    post = edit_post(catalog, args.id, **fields)
    print(post.id)
    catalog.workspace.close()
    return 0


def cmd_move(args) -> int:
    from someplan.services.planning import edit_post, parse_date, parse_time

    catalog = _open(args, writable=True)
    fields = {"date": parse_date(args.date, _today(catalog))}
    if args.time is not None:
        fields["time"] = parse_time(args.time)
    post = edit_post(catalog, args.id, **fields)
    print(post.id)
    catalog.workspace.close()
    return 0


def cmd_rm(args) -> int:
    from someplan.services.planning import remove_post

    catalog = _open(args, writable=True)
    post = remove_post(catalog, args.id)
    print(f"deleted {post.id}; bring it back with: someplan restore {post.id}")
    catalog.workspace.close()
    return 0


def cmd_restore(args) -> int:
    from someplan.services.planning import restore_post

    catalog = _open(args, writable=True)
    print(restore_post(catalog, args.id))
    catalog.workspace.close()
    return 0


def cmd_history(args) -> int:
    import datetime as dt

    from someplan.store.ops import UNSET

    catalog = _open(args)
    deleted = catalog.workspace.deleted("posts")
    post_id = args.id.strip().lower() if args.id.strip().lower() in deleted else catalog.post(args.id).id
    history = catalog.workspace.history("posts", post_id)
    rows = []
    for field_name, versions in sorted(history.items()):
        for v in versions:
            when = dt.datetime.fromtimestamp(v.wall_ms / 1000).astimezone().strftime("%Y-%m-%d %H:%M:%S")
            rows.append({"field": field_name, "value": None if v.value is UNSET else v.value, "removed": v.value is UNSET,
                         "who": v.who, "device": v.device, "when": when, "status": v.status})  # fmt: skip
    if args.json:
        from someplan.cli_output import print_json

        print_json(rows)
        return 0
    from someplan.cli_output import print_table

    table = [[r["field"], r["when"], r["who"], r["status"], "(removed)" if r["removed"] else r["value"]] for r in rows]
    print_table(table, ["field", "when", "who", "", "value"], _out())
    return 0


def cmd_doctor(args) -> int:
    catalog = _open(args)
    workspace = catalog.workspace
    report = {
        "workspace": str(workspace.root.resolve()),
        "format": workspace.format,
        "writable": workspace.writable,
        "devices": [{"id": k, "name": v} for k, v in sorted(workspace.devices().items())],
        "problems": [p.as_dict() for p in workspace.problems],
    }
    if args.json:
        from someplan.cli_output import print_json

        print_json(report)
        return 0
    from rich.text import Text

    from someplan.cli_output import user

    out = _out()
    out.print(Text.assemble(("workspace ", "bold"), user(report["workspace"]), f"  (format {report['format']})"))
    out.print(Text("devices:", style="bold"))
    for device in report["devices"]:
        out.print(Text.assemble("  ", device["id"], "  ", user(device["name"])))
    if not report["problems"]:
        out.print(Text("no problems found", style="green"))
    for problem in workspace.problems:
        out.print(Text.assemble((f"{problem.severity:8}", "red" if problem.severity == "error" else "yellow"),
                                user(problem.path or ""), "  ", user(problem.message)))  # fmt: skip
    return 0


# -- channels and categories -------------------------------------------------------------------


def _record_json(record) -> dict:
    return {"id": record.id, **record.to_doc()}


def cmd_record_list(args) -> int:
    catalog = _open(args)
    records = catalog.channels() if args.kind == "channel" else catalog.categories()
    if args.json:
        from someplan.cli_output import print_json

        print_json([_record_json(r) for r in records])
        return 0
    from someplan.cli_output import print_table

    if args.kind == "channel":
        rows = [[c.name, c.network.value, c.target_per_week, c.followers_on(_today(catalog)) or ""] for c in records]
        print_table(rows, ["name", "network", "per week", "followers"], _out())
    else:
        rows = [[c.name, c.colour, str(c.cadence), "active" if c.active else "paused"] for c in records]
        print_table(rows, ["name", "colour", "cadence", ""], _out())
    return 0


def _record_fields(args, catalog) -> dict:
    from someplan.domain.category import normalise_colour
    from someplan.services.errors import UserError
    from someplan.services.planning import parse_time
    from someplan.services.setup import parse_cadence, parse_weekday

    fields = {}
    if args.kind == "channel":
        if args.network is not None:
            fields["network"] = args.network
        if args.target is not None:
            if args.target < 0:
                raise UserError("--target must be 0 or more posts per week")
            fields["target_per_week"] = args.target
        return fields
    if args.colour is not None:
        colour = normalise_colour(args.colour)
        if colour is None:
            raise UserError(f"not a colour: {args.colour!r} (use #e4572e)")
        fields["colour"] = colour
    if args.cadence is not None:
        fields["cadence"] = parse_cadence(args.cadence)
    if args.question is not None:
        fields["question"] = args.question
    if args.paused or args.active:
        fields["active"] = bool(args.active)
    if args.weekday is not None:
        fields["weekday"] = parse_weekday(args.weekday)
    if args.time is not None:
        fields["time"] = None if args.time.strip().lower() in ("none", "") else parse_time(args.time)
    if args.channel is not None:
        fields["channel"] = None if args.channel.strip().lower() in ("none", "") else catalog.channel(args.channel).id
    return fields


def cmd_record_add(args) -> int:
    from someplan.services import setup

    catalog = _open(args, writable=True)
    fields = _record_fields(args, catalog)
    if args.kind == "channel":
        record = setup.add_channel(catalog, args.name, fields.pop("network", "other"), fields.pop("target_per_week", 1))
    else:
        record = setup.add_category(catalog, args.name, **fields)
    print(record.id)
    catalog.workspace.close()
    return 0


def cmd_record_edit(args) -> int:
    from someplan.services import setup
    from someplan.services.errors import UserError

    catalog = _open(args, writable=True)
    fields = _record_fields(args, catalog)
    if args.new_name is not None:
        fields["name"] = args.new_name
    if not fields:
        raise UserError("nothing to change")
    edit = setup.edit_channel if args.kind == "channel" else setup.edit_category
    print(edit(catalog, args.name, **fields).id)
    catalog.workspace.close()
    return 0


def cmd_record_rm(args) -> int:
    from someplan.services import setup

    catalog = _open(args, writable=True)
    remove = setup.remove_channel if args.kind == "channel" else setup.remove_category
    record = remove(catalog, args.name)
    print(f"removed {args.kind} {record.name}")
    catalog.workspace.close()
    return 0



