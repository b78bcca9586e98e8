"""`someplan …`: the command line. Headless: Textual is imported only by the command that opens
the planner screen. Exit codes: 0 ok, 1 a user error (one line, no traceback), 2 usage.
"""

from __future__ import annotations

import argparse
import dataclasses

import sys
from pathlib import Path

from someplan.cli_argparse import actions, json_option, speak_our_language, workspace_option
from someplan.i18n import N_, _, language

COMMANDS = (
    "init", "demo", "status", "add", "list", "show", "edit", "move", "rm", "restore", "history",
    "doctor", "channel", "category", "batch", "people", "import", "figures", "assets", "language",
    "campaign", "export",
)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in (*COMMANDS, "open") and not argv[0].startswith("-")) or _names_workspace(argv[0]):
        argv = ["open", *argv]  # `someplan [WORKSPACE]` and `someplan -w WORKSPACE` open the planner
    _tolerant_output()
    from someplan.services.language import apply as apply_language

    apply_language()  # the user's choice, else the last workspace's locale: --help speaks it too
    speak_our_language()
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
        print("someplan: " + _("a name, title or path given is not valid text (UTF-8)"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _names_workspace(word: str) -> bool:
    return word in ("-w", "--workspace") or word.startswith(("--workspace=", "-w"))


def _tolerant_output() -> None:
    """A character the output's encoding lacks (an ISO-8859-1 server over SSH,
    PYTHONIOENCODING=ascii, a file name that is not UTF-8) is printed as `?` instead of
    failing the whole command with a message about the user's input."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


# -- parser ------------------------------------------------------------------------------------

# What argparse shows for an option's value (it would show the option's name in capitals) and
# for a positional argument (its name): words, so they are in the language spoken.
METAVARS = {
    "workspace": N_("PATH"), "workspace_option": N_("PATH"), "name": N_("NAME"), "new_name": N_("NAME"),
    "date": N_("DATE"), "on": N_("DATE"), "start": N_("DATE"), "end": N_("DATE"), "day": N_("DATE"),
    "until": N_("DATE"), "time": N_("TIME"), "channel": N_("CHANNEL"), "category": N_("CATEGORY"),
    "status": N_("STATUS"), "caption": N_("TEXT"), "title": N_("TEXT"), "link": N_("LINK"), "notes": N_("TEXT"),
    "owner": N_("NAME"), "week": N_("WEEK"), "filter": N_("FILTER"), "network": N_("NETWORK"),
    "target": N_("NUMBER"), "colour": N_("COLOUR"), "cadence": N_("CADENCE"), "question": N_("TEXT"),
    "weekday": N_("WEEKDAY"), "people": N_("NAMES"), "minutes": N_("MINUTES"), "first_week": N_("WEEK"),
    "every": N_("WEEKS"), "role": N_("ROLE"), "mapping": N_("NAME"), "weeks": N_("WEEKS"), "kind": N_("KIND"),
}  # fmt: skip
POSITIONALS = {
    "workspace": N_("workspace"), "path": N_("path"), "title": N_("title"), "id": N_("id"), "name": N_("name"),
    "category": N_("category"), "file": N_("file"),
}  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="someplan", description=_("Plan, produce and measure social-media posts."))
    from someplan import __version__

    parser.add_argument("--version", action="version", version=f"someplan {__version__}",
                        help=_("show program's version number and exit"))  # fmt: skip
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    def command(name: str, run, help: str, workspace: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(run=run)
        if workspace:
            workspace_option(p)
        return p

    p = command("open", cmd_open, _("open the planner on a workspace"), workspace=False)
    p.add_argument("workspace", nargs="?")
    p.add_argument("-w", "--workspace", dest="workspace_option", help=_("the same as the argument"))
    p = command("init", cmd_init, _("create a workspace with default channels and categories"), workspace=False)
    p.add_argument("path")
    p.add_argument("--name", help=_("the workspace's name (default: the folder's)"))
    p = command("demo", cmd_demo, _("a copy of the sample workspace to try things out, kept until --fresh"), workspace=False)
    p.add_argument("--path-only", action="store_true", help=_("only make the copy and print where it is"))
    p.add_argument("--fresh", action="store_true", help=_("start over from a fresh copy of the sample"))
    p = command("status", cmd_status, _("the week at a glance"), workspace=False)
    p.add_argument("workspace", nargs="?")
    p.add_argument("-w", "--workspace", dest="workspace_option", help=_("the same as the argument"))
    _week_options(p)
    p.add_argument("--json", action="store_true", help=_("for scripts: the same facts as JSON (English keys)"))
    p = command("add", cmd_add, _("plan a post (prints its id)"))
    p.add_argument("title")
    p.add_argument("--date", required=True, help=_("the day: 2026-11-23, 23.11.2026, 23.11 or today"))
    p.add_argument("--time", help=_("the time, e.g. 09:30"))
    p.add_argument("--channel", required=True, help=_("the channel's name"))
    p.add_argument("--category", required=True, help=_("the category's name"))
    p.add_argument("--status", default="idea", help=_("idea (default), draft, ready, scheduled or published"))
    p.add_argument("--caption", default="", help=_("the post's text"))
    p = command("list", cmd_list, _("list posts"))
    _week_options(p)
    p.add_argument("--from", dest="start", help=_("only posts on or after this date"))
    p.add_argument("--to", dest="end", help=_("only posts on or before this date"))
    json_option(p)
    p = command("show", cmd_show, _("every field of a post"))
    p.add_argument("id")
    json_option(p)
    p = command("edit", cmd_edit, _("change fields of a post"))
    p.add_argument("id")
    for name, help in EDIT_OPTIONS:
        p.add_argument(f"--{name}", help=_(help))
    p = command("move", cmd_move, _("move a post to another day"))
    p.add_argument("id")
    p.add_argument("--date", required=True, help=_("the new day"))
    p.add_argument("--time", help=_("the new time"))
    p = command("rm", cmd_rm, _("delete a post (restore brings it back)"))
    p.add_argument("id")
    p = command("restore", cmd_restore, _("bring back a deleted post"))
    p.add_argument("id")
    p = command("history", cmd_history, _("every value each field of a post has had"))
    p.add_argument("id")
    json_option(p)
    p = command("doctor", cmd_doctor, _("check the workspace: format, devices, unreadable or stray files, clocks"))
    json_option(p)
    from someplan.cli_figures import add_commands

    add_commands(command)
    p = command("assets", cmd_assets, _("the asset folder: files, new and unused ones, the posts using each"))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--new", action="store_true", help=_("only files new since you last looked"))
    which.add_argument("--unused", action="store_true", help=_("only files no post uses"))
    p.add_argument("--filter", default="", help=_("the assets pane's filter, e.g. 'unused:6 folder:natur'"))
    json_option(p)
    p = command("channel", None, _("list, add, edit or remove channels"), workspace=False)
    _record_commands(p, "channel")
    p = command("category", None, _("list, add, edit or remove categories"), workspace=False)
    _record_commands(p, "category")
    from someplan.cli_batch import register
    from someplan.cli_language import register as register_language

    register(command)
    from someplan.cli_export import register as register_export

    register_export(command)
    from someplan.cli_campaign import register as register_campaign

    register_campaign(command)
    register_language(command)
    _translate_metavars(parser)
    return parser


# `someplan edit ID --FIELD VALUE`: the fields and what each holds
EDIT_OPTIONS = (
    ("title", N_("a new title")), ("caption", N_("a new text")), ("status", N_("idea, draft, ready, scheduled or published")),
    ("channel", N_("another channel")), ("category", N_("another category")), ("date", N_("another day")),
    ("time", N_("another time ('' for none)")), ("link", N_("a link")), ("notes", N_("notes")), ("owner", N_("who is responsible")),
)  # fmt: skip


def _week_options(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--week", help=_("ISO week: 47, 2026-W47, 'uke 47'"))
    group.add_argument("--date", dest="on", help=_("the week holding this date"))


def _translate_metavars(parser: argparse.ArgumentParser) -> None:
    """Every parser's value names (METAVARS, POSITIONALS) in the language spoken."""
    pending = [parser]
    while pending:
        current = pending.pop()
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                pending += list(dict.fromkeys(action.choices.values()))
            elif action.metavar is None and action.nargs != 0:
                table = METAVARS if action.option_strings else POSITIONALS
                if action.dest in table:
                    action.metavar = _(table[action.dest])


def _record_commands(parent: argparse.ArgumentParser, kind: str) -> None:
    subcommand = actions(parent, kind=kind)
    channel = kind == "channel"
    p = subcommand("list", cmd_record_list, _("list channels") if channel else _("list categories"))
    json_option(p)
    for name, run in (("add", cmd_record_add), ("edit", cmd_record_edit)):
        if name == "add":
            p = subcommand(name, run, _("add a channel") if channel else _("add a category"))
        else:
            p = subcommand(name, run, _("edit a channel") if channel else _("edit a category"))
        p.add_argument("name")
        if name == "edit":
            p.add_argument("--name", dest="new_name", help=_("a new name"))
        if channel:
            p.add_argument("--network", help=_("facebook, instagram, linkedin, tiktok or other"))
            p.add_argument("--target", type=int, help=_("posts per week"))
        else:
            p.add_argument("--colour", "--color", dest="colour", help=_("a colour, e.g. #e4572e"))
            p.add_argument("--cadence", help=_("how often: weekly, every 2 weeks, twice a month, monthly"))
            p.add_argument("--question", help=_("the questions that start a post"))
            p.add_argument("--weekday", help=_("preferred weekday: monday … sunday, mandag … søndag, or none"))
            p.add_argument("--time", help=_("preferred time, e.g. 09:30, or none"))
            p.add_argument("--channel", help=_("preferred channel, or none"))
            state = p.add_mutually_exclusive_group()
            state.add_argument("--paused", action="store_true", help=_("leave it out of the rotation"))
            state.add_argument("--active", action="store_true", help=_("back into the rotation"))
    p = subcommand("rm", cmd_record_rm, _("remove a channel") if channel else _("remove a category"))
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
            raise UserError(_("not a week: {text!r} (use 47, 2026-W47 or 'uke 47')").format(text=args.week)) from None
    if getattr(args, "on", None):
        return IsoWeek.of(parse_date(args.on, today))
    return None


# -- commands ----------------------------------------------------------------------------------


def cmd_open(args, notice: str | None = None) -> int:
    from someplan.services.catalog import Catalog
    from someplan.services.locate import remember, resolve
    from someplan.store.workspace import Workspace

    path = resolve(args.workspace or getattr(args, "workspace_option", None))
    catalog = Catalog(Workspace.open(path))  # a bad workspace is a one-line error, before the screen
    remember(path)
    _speak_workspace_language(catalog)
    from someplan.tui.app import SomeplanApp  # the only place the command line imports Textual

    SomeplanApp(catalog, notice=notice).run()
    return 0


def cmd_init(args) -> int:
    from someplan.services.locate import remember
    from someplan.services.setup import init_workspace

    path = Path(args.path).expanduser()
    workspace = init_workspace(path, args.name)
    workspace.close()
    remember(path)
    print(_("created workspace {path} with channels Facebook, Instagram, LinkedIn and seven categories").format(path=path))
    return 0


def sample_source() -> Path:
    """The sample beside the package in a checkout, else the copy shipped inside the wheel."""
    checkout = Path(__file__).resolve().parent.parent / "sample_workspace"
    if (checkout / "someplan-workspace.json").exists():
        return checkout
    return Path(__file__).resolve().parent / "sample_workspace"


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

    print_status(report, language(), _out())
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
    from someplan.cli_output import print_lines, print_table

    out = _out()
    # On a terminal a table with each id cut to its shortest unique start; in a pipe, like `ls`,
    # one line per post with the whole id, tab-separated, nothing wrapped or cut.
    short = catalog.short_post_ids() if out.is_terminal else {}
    rows = [
        [short.get(p.id, p.id), p.date.isoformat(), p.time.strftime("%H:%M") if p.time else "", channels.get(p.channel, "–"),
         categories.get(p.category, ""), p.status.label(), p.title]
        for p in posts
    ]  # fmt: skip
    if not out.is_terminal:
        print_lines(rows)
        return 0
    print_table(rows, [_("id"), _("date"), _("time"), _("channel"), _("category"), _("status"), _("title")], out,
                whole=(0,))  # fmt: skip
    return 0


def cmd_show(args) -> int:
    from someplan.services.post_view import ID_KEYS, post_fields

    catalog = _open(args)
    doc = post_fields(catalog.post(args.id), catalog)
    if args.json:
        from someplan.cli_output import print_json

        print_json(doc)
        return 0
    from someplan.cli_output import print_table

    shown = {name: value for name, value in doc.items() if name not in ID_KEYS.values()}  # names are for people
    rows = [[_(FIELD_NAMES[name]) if name in FIELD_NAMES else name, _shown_value(name, value)] for name, value in shown.items()]
    print_table(rows, [_("field"), _("value")], _out())
    return 0


def _shown_value(field: str, value):
    """A stored value as `show` and `history` print it: a status or funnel stage in words."""
    from someplan.domain.post import Status

    if isinstance(value, list):
        return ", ".join(map(str, value))
    if field == "status" and value in set(Status):
        return Status(value).label()
    if field == "funnel" and value in FUNNEL_STAGES:
        return _(FUNNEL_STAGES[value])
    return value


FUNNEL_STAGES = {"awareness": N_("awareness"), "consideration": N_("consideration"), "conversion": N_("conversion")}
# A post's fields as `someplan show` names them (`--json` keeps the stored names).
FIELD_NAMES = {
    "id": N_("id"), "title": N_("title"), "caption": N_("caption"), "channel": N_("channel"), "date": N_("date"),
    "time": N_("time"), "status": N_("status"), "category": N_("category"), "funnel": N_("funnel stage"),
    "owner": N_("owner"), "assets": N_("assets"), "people": N_("people"), "link": N_("link"), "notes": N_("notes"),
    "reach": N_("reach"), "views": N_("views"), "reactions": N_("reactions"), "comments": N_("comments"),
    "shares": N_("shares"), "clicks": N_("clicks"), "saves": N_("saves"), "video_views": N_("video views"),
    "followers": N_("followers"), "external_id": N_("id at the network"), "permalink": N_("permalink"),
    "reused_from": N_("reuse of"),
}  # fmt: skip


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

        raise UserError(_("nothing to change: give at least one of --title, --caption, --status, --channel, --category …"))
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
    print(_("deleted {id}; bring it back with: someplan restore {id}").format(id=post.id))
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

    states = {"current": N_("current"), "replaced": N_("replaced"), "superseded": N_("superseded")}
    table = [
        [_(FIELD_NAMES[r["field"]]) if r["field"] in FIELD_NAMES else r["field"], r["when"], r["who"],
         _(states[r["status"]]) if r["status"] in states else r["status"],
         _("(removed)") if r["removed"] else _shown_value(r["field"], r["value"])]
        for r in rows
    ]  # fmt: skip
    print_table(table, [_("field"), _("when"), _("who"), "", _("value")], _out())
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
    # Exit 1 when something is wrong, so that a script (or cron) notices; warnings are not.
    code = 1 if any(p.severity == "error" for p in workspace.problems) else 0
    if args.json:
        from someplan.cli_output import print_json

        print_json(report)
        return code
    from rich.text import Text

    from someplan.cli_output import severity_label, user

    out = _out()
    out.print(Text.assemble((_("workspace") + " ", "bold"), user(report["workspace"]),
                            "  " + _("(format {format})").format(format=report["format"])))  # fmt: skip
    out.print(Text(_("devices:"), style="bold"))
    for device in report["devices"]:
        out.print(Text.assemble("  ", device["id"], "  ", user(device["name"])))
    if not report["problems"]:
        out.print(Text(_("no problems found"), style="green"))
    problems = workspace.problems
    width = max((len(severity_label(p.severity)) for p in problems), default=0) + 1
    for problem in problems:
        out.print(Text.assemble((severity_label(problem.severity).ljust(width), "red" if problem.severity == "error" else "yellow"),
                                user(problem.path or ""), "  ", user(problem.message)))  # fmt: skip
    return code


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
        print_table(rows, [_("name"), _("network"), _("per week"), _("followers")], _out())
    else:
        rows = [[c.name, c.colour, c.cadence.label(), _("active") if c.active else _("paused")] for c in records]
        print_table(rows, [_("name"), _("colour"), _("cadence"), ""], _out())
    return 0


NONE_WORDS = ("none", "ingen", "")  # "no preferred time/channel", in either language


def _record_fields(args, catalog) -> dict:
    from someplan.domain.category import normalise_colour
    from someplan.services.errors import UserError
    from someplan.services.planning import parse_time
    from someplan.services.setup import parse_cadence, parse_weekday

    fields: dict = {}
    if args.kind == "channel":
        if args.network is not None:
            fields["network"] = args.network
        if args.target is not None:
            if args.target < 0:
                raise UserError(_("--target must be 0 or more posts per week"))
            fields["target_per_week"] = args.target
        return fields
    if args.colour is not None:
        colour = normalise_colour(args.colour)
        if colour is None:
            raise UserError(_("not a colour: {text!r} (use #e4572e)").format(text=args.colour))
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
        fields["time"] = None if args.time.strip().lower() in NONE_WORDS else parse_time(args.time)
    if args.channel is not None:
        fields["channel"] = None if args.channel.strip().lower() in NONE_WORDS else catalog.channel(args.channel).id
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
        raise UserError(_("nothing to change"))
    edit = setup.edit_channel if args.kind == "channel" else setup.edit_category
    print(edit(catalog, args.name, **fields).id)
    catalog.workspace.close()
    return 0


def cmd_record_rm(args) -> int:
    from someplan.services import setup

    catalog = _open(args, writable=True)
    remove = setup.remove_channel if args.kind == "channel" else setup.remove_category
    record = remove(catalog, args.name)
    print((_("removed channel {name}") if args.kind == "channel" else _("removed category {name}")).format(name=record.name))
    catalog.workspace.close()
    return 0



