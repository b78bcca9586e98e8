"""`someplan …`: the command line. Headless: Textual is imported only by the command that opens
the planner screen. Exit codes: 0 ok, 1 a user error (one line, no traceback), 2 usage.

The root knows every command by its name, help and module (COMMANDS); only the invoked command's
module is imported and only its parser built, so a quick `someplan status` pays for no other
command. Each command module has `register(name, parser)`, which adds the command's arguments
and sets `run`, the function `main` calls with the parsed arguments.
"""

from __future__ import annotations

import gc
import os
import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from someplan.i18n import N_, _

if TYPE_CHECKING:
    import argparse

# Every command: name -> (module in this package, help), in the order `someplan --help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "open": ("workspace", N_("open the planner on a workspace")),
    "init": ("workspace", N_("create a workspace with default channels and categories")),
    "demo": ("workspace", N_("a copy of the sample workspace to try things out, kept until --fresh")),
    "status": ("status", N_("the week at a glance")),
    "add": ("posts", N_("plan a post (prints its id)")),
    "list": ("posts", N_("list posts")),
    "show": ("posts", N_("every field of a post")),
    "search": ("search", N_("find posts of every week by words, channel:, category:, status: or person:")),
    "edit": ("posts", N_("change fields of a post")),
    "move": ("posts", N_("move a post to another day")),
    "rm": ("posts", N_("delete a post (restore brings it back)")),
    "restore": ("posts", N_("bring back a deleted post")),
    "history": ("posts", N_("every value each field of a post has had")),
    "doctor": ("doctor", N_("check the workspace: format, devices, unreadable or stray files, clocks")),
    "import": ("figures", N_("import key figures from a Meta Business Suite, LinkedIn or mapped CSV export")),
    "figures": ("figures", N_("key figures: reach and engagement rates over the last weeks")),
    "assets": ("assets", N_("the asset folder: files, new and unused ones, the posts using each")),
    "channel": ("records", N_("list, add, edit or remove channels")),
    "category": ("records", N_("list, add, edit or remove categories")),
    "batch": ("batch", N_("plan a batch session: a schedule, and one draft per person spread over the weeks "
                          "(a preview; --yes writes the drafts)")),
    "people": ("people", N_("the people registry: list, add, edit, remove")),
    "export": ("export", N_("export the plan: a calendar (ics), a Hootsuite CSV, a Markdown or HTML "
                            "plan of a week or month, a CSV of posts, or the year wheel as a picture (SVG)")),
    "report": ("report", N_("a month's, quarter's or year's report as one HTML file: rates against the period "
                            "before, charts, best and weakest posts, planned against published, the year wheel")),
    "campaign": ("campaign", N_("campaigns and seasons on the year wheel: list, add, edit, remove")),
    "idea": ("ideas", N_("drop an idea into the workspace's ideas folder: a note, and a file beside it")),
    "ideas": ("ideas", N_("the ideas inbox: new ideas colleagues dropped, and who gave the ideas used")),
    "goal": ("goal", N_("goals in your own words, broken down into measurable targets: list, add, edit, remove")),
    "mix": ("strategy", N_("the plan's mix of formats, surfaces and purposes in a week, month or year, against the "
                           "target mix")),
    "hours": ("strategy", N_("ambition against hours: what each week's plan takes to make against the hours people "
                             "have")),
    "language": ("language", N_("the language someplan speaks (norsk bokmål or English), and why")),
}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    # A process of its own for a quick status (`someplan status`, `python -m someplan status`;
    # not a caller that passes `argv`, such as a test): it makes few cycles for the collector to
    # find, and has nothing left to do at exit but flush what it printed (the workspace is closed
    # and its caches written by then), so it skips the collector and the interpreter's teardown
    # of every module and object, ~8% of its time; and its records' methods are compiled once
    # per machine, not on every start (compiled_methods.py, a third of its time).
    words = list(sys.argv[1:] if argv is None else argv)
    if _opens_planner(words):
        words = ["open", *words]  # `someplan [WORKSPACE]` and `someplan -w WORKSPACE` open the planner
    quick = argv is None and words[:1] == ["status"]
    # The planner's start imports some 120 record classes, Textual's among them (~40 ms of
    # compiling their methods on the 3,000-post bench): kept likewise.
    planner = argv is None and words[:1] in (["open"], ["demo"])
    if quick or planner:
        from someplan.cli import compiled_methods

        compiled_methods.install("status" if quick else "planner")
    if quick:
        gc.disable()
    code = _run(words)
    if quick or planner:
        compiled_methods.save()
    if quick:
        _exit_now(code)
    return code


def _exit_now(code: int) -> NoReturn:
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (`someplan status | head -1`): not an error of ours
        pass
    except (OSError, ValueError):
        code = code or 1
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


def _run(argv: list[str]) -> int:
    _tolerant_output()
    from someplan.services.language import apply as apply_language

    apply_language()  # the user's choice, else the last workspace's locale: --help speaks it too
    args = _quick_args(argv)
    if args is None:
        from someplan.cli.argparse_words import speak_our_language

        speak_our_language()
        args = build_parser(argv[0] if argv else None).parse_args(argv)
    from someplan.store.problems import WorkspaceError
    from someplan.textsafe import literal  # after compiled_methods.install: its patterns kept

    try:
        return args.run(args) or 0
    except BrokenPipeError:  # the reader stopped early (`someplan status | head -1`): not an error
        _quiet_stdout()
        return 0
    except WorkspaceError as error:
        # Errors name what was typed and what is stored ("known: …" lists colleagues' names):
        # shown literally, never as terminal control sequences.
        print(f"someplan: {literal(error)}", file=sys.stderr)
        return 1
    except OSError as error:
        where = f": {error.filename}" if error.filename else ""
        print(f"someplan: {literal(f'{error.strerror or error}{where}')}", file=sys.stderr)
        return 1
    except UnicodeError:
        print("someplan: " + _("a name, title or path given is not valid text (UTF-8)"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _quick_args(argv: list[str]) -> Any:
    """The usual command lines of the two commands whose start is timed (status, the planner),
    read without argparse; None for argparse to read."""
    if argv[:1] == ["status"]:
        from someplan.cli.status import quick_args
    elif argv[:1] == ["open"]:
        from someplan.cli.workspace import quick_args
    else:
        return None
    return quick_args(argv)


def _quiet_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush at exit finds no closed
    pipe to complain about (Python's documented way to handle SIGPIPE's absence)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no real file (captured in tests): nothing to flush
        pass


def _opens_planner(argv: list[str]) -> bool:
    """`someplan` or `someplan WORKSPACE`. A word that is no command and names no folder is a
    mistyped command, for argparse to refuse with the list of commands, not a workspace to open."""
    if not argv:
        return True
    word = argv[0]
    if word in ("-w", "--workspace") or word.startswith(("--workspace=", "-w")):
        return True  # what every command takes, so the planner takes it too
    if word in COMMANDS or word.startswith("-"):
        return False
    separators = tuple(filter(None, (os.sep, os.altsep)))
    return word.startswith(("~", ".")) or any(s in word for s in separators) or Path(word).exists()


def _tolerant_output() -> None:
    """A character the output's encoding lacks (an ISO-8859-1 server over SSH,
    PYTHONIOENCODING=ascii, a file name that is not UTF-8) is printed as `?` instead of
    failing the whole command with a message about the user's input."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The root parser with `command` and its own arguments when `command` is one: argparse shows
    the root's list of commands only for `someplan --help` and a mistyped command, so the parsers
    of the other thirty are not even made then (a quick `someplan status` starts ~10 ms sooner).
    Otherwise every command is listed, none with its arguments."""
    import argparse

    from someplan import __version__
    from someplan.cli.argparse_words import HelpFormatter, translate_metavars

    parser = argparse.ArgumentParser(prog="someplan", description=_("Plan, produce and measure social-media posts."),
                                     formatter_class=HelpFormatter)  # fmt: skip
    parser.add_argument("--version", action="version", version=f"someplan {__version__}",
                        help=_("show program's version number and exit"))  # fmt: skip
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), required=True)
    listed = {command: COMMANDS[command]} if command in COMMANDS else COMMANDS
    for name, (module, help) in listed.items():
        p = sub.add_parser(name, help=_(help), description=_(help), formatter_class=HelpFormatter)
        if name == command:
            import_module(f"{__name__}.{module}").register(name, p)
    translate_metavars(parser)
    return parser
