"""What every command module shares: opening the workspace, today and the week asked for, the
options every command takes alike, and printing (Rich in a terminal, plain text in a pipe, JSON
for scripts).

User text is always printed as `Text` (never parsed as markup) after `literal()` has made any
control characters visible. Rich is imported only when something is printed with it: `--json`
has no use for it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from someplan.i18n import _
from someplan.textsafe import literal, strict_json

if TYPE_CHECKING:
    import argparse  # imported by the parsers that use it: a quick status builds none
    import datetime as dt

    from rich.console import Console
    from rich.text import Text

    from someplan.domain.weeks import IsoWeek
    from someplan.services.catalog import Catalog

# -- the workspace, today and the week ---------------------------------------------------------


@contextmanager
def open_catalog(args: argparse.Namespace, writable: bool = False) -> Iterator[Catalog]:
    """The workspace named by `args.workspace` (else $SOMEPLAN_WORKSPACE, else the last used),
    spoken in its language, and closed when the command is done, whatever happened."""
    from someplan.services.catalog import Catalog
    from someplan.services.language import apply as apply_language
    from someplan.services.locate import remember, resolve
    from someplan.store.workspace import Workspace

    path = resolve(getattr(args, "workspace", None))
    workspace = Workspace.open(path, writable=writable)
    try:
        remember(path)
        catalog = Catalog(workspace)
        apply_language(catalog.settings().locale)
        yield catalog
    finally:
        if writable:
            _warn_unsynced(workspace)
        workspace.close()


def _warn_unsynced(workspace) -> None:
    """An edit that reached only this machine's private copy (the shared folder is full or
    read-only) is saved and shows here, but colleagues do not get it: never silent."""
    for problem in workspace.problems:
        if problem.code == "unsynced":
            warn(problem.message)


def warn(message: str) -> None:
    """A warning on stderr: what was done is done, and stdout keeps only its answer."""
    print("someplan: " + _("warning") + ": " + literal(message), file=sys.stderr)


def today(catalog: Catalog):
    from someplan.services.catalog import effective_today

    return effective_today(catalog)[0]


def week(args: argparse.Namespace, catalog: Catalog, day: dt.date | None = None) -> IsoWeek | None:
    """The week of `--week` or `--date` (read relative to `day`, else today), None when neither is given."""
    if not (getattr(args, "week", None) or getattr(args, "on", None)):
        return None  # nothing to read: the parsers are not even imported (a quick status)
    from someplan.domain.weeks import IsoWeek
    from someplan.services.user_input import parse_date, parse_week

    day = day or today(catalog)
    if getattr(args, "week", None):
        return parse_week(args.week, day)
    return IsoWeek.of(parse_date(args.on, day))


# -- the options and sub-commands every command module builds alike ---------------------------


def workspace_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("-w", "--workspace", help=_("workspace folder (else $SOMEPLAN_WORKSPACE, else the last used)"))


def json_option(p) -> None:
    p.add_argument("--json", action="store_true", help=_("for scripts: JSON (English keys)"))


def week_options(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--week", help=_("ISO week: 47, 2026-W47, 'uke 47'"))
    group.add_argument("--date", dest="on", help=_("the week holding this date"))


def checked(convert: Callable[[str], object]) -> Callable[[str], object]:
    """An argument `type=` from a reader that raises UserError: a value it refuses is a usage
    error (argparse's message, exit 2) like any other wrong command line, not a failed run."""

    def read(text: str) -> object:
        from someplan.services.errors import UserError

        try:
            return convert(text)
        except UserError as error:
            import argparse

            raise argparse.ArgumentTypeError(str(error)) from None

    read.__name__ = getattr(convert, "__name__", "value")  # argparse names the type in some messages
    return read


def count_between(low: int, high: int) -> Callable[[str], int]:
    """An argument `type=`: a whole number from `low` to `high`, else a usage error."""

    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            import argparse

            raise argparse.ArgumentTypeError(_("a whole number from {low} to {high}, not {text!r}").format(
                low=low, high=high, text=text))  # fmt: skip
        return value

    return read


def actions(parent: argparse.ArgumentParser, **defaults):
    """`someplan NOUN ACTION …` (channel, category, people, campaign): the maker of `parent`'s
    action sub-parsers, `action(name, run, help)`, each taking -w and setting `defaults`."""
    sub = parent.add_subparsers(dest="action", metavar=_("ACTION"), required=True)

    def action(name: str, run, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, formatter_class=parent.formatter_class)
        p.set_defaults(run=run, **defaults)
        workspace_option(p)
        return p

    return action


# -- printing ----------------------------------------------------------------------------------


def console(stream=None) -> Console:
    from rich.console import Console

    class Quiet(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit 1; a reader that stops early (`| head`) is no error: main() says 0.
            self.quiet = True
            raise BrokenPipeError

    # Rich decides colour from the stream (none in a pipe) and honours NO_COLOR and the width.
    return Quiet(file=stream or sys.stdout, highlight=False, emoji=False, markup=False)


def print_json(value) -> None:
    # æøå as they are where the output can hold them; escaped (\u00e6, still the same JSON)
    # where it cannot, rather than turned into "?".
    narrow = not (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("_", "-").startswith("utf")
    sys.stdout.write(strict_json(value, ascii_only=narrow) + "\n")


def say(text: object) -> None:
    """One line to stdout that may hold stored text (names, titles, ids from colleagues' ops)."""
    print(literal(text))


def user(text: object, style: str = "") -> Text:
    from rich.text import Text

    return Text(literal(text), style=style)


def print_table(rows: Sequence[Sequence[object]], headers: list[str], out: Console, whole: tuple[int, ...] = ()) -> None:
    """`whole`: the columns never cut or wrapped (an id that is typed again)."""
    from rich.table import Table

    table = Table(*headers, box=None, pad_edge=False, header_style="bold")
    for index in whole:
        table.columns[index].no_wrap = True
        table.columns[index].min_width = max((len(str(row[index])) for row in rows), default=0)
    for row in rows:
        table.add_row(*(user("" if cell is None else cell) for cell in row))
    out.print(table)


def print_lines(rows: Sequence[Sequence[object]]) -> None:
    """Rows for a pipe: one line each, the cells tab-separated and literal (a tab or a line
    break in a title shows as `\\x09`, `\\x0a`), so `cut`, `grep` and `wc -l` see one post a line."""
    sys.stdout.write("".join("\t".join(literal("" if cell is None else cell) for cell in row) + "\n" for row in rows))
