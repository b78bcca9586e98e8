"""argparse's own words ("usage:", "options", "the following arguments are required: …") and the
names of values in its help (PATH, DATE, …) in the language spoken.

argparse looks up `_` and `ngettext` as globals of its module each time it shows a message, so
pointing them at someplan's catalog translates its help headings and errors. The messages below
are argparse's, exactly as in its source for Python 3.11–3.13 (some are programming errors, kept
for completeness), marked here so that the extractor puts them in the catalog.
"""

from __future__ import annotations

import argparse
import os
import sys

from someplan import i18n
from someplan.i18n import N_, _, ngettext


def speak_our_language() -> None:
    # argparse looks its messages up through these module globals, which its types do not declare.
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter at the width it would take, worked out without `shutil` (which
    brings zlib, bz2 and lzma along, ~2 ms of a quick `someplan status`): argparse makes one for
    every argument added, not only for help."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _help_width() if width is None else width)


def _help_width() -> int:
    """shutil.get_terminal_size().columns - 2, as argparse.HelpFormatter works it out."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
    return columns - 2


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
    "month": N_("MONTH"), "year": N_("YEAR"), "quarter": N_("QUARTER"), "output": N_("FILE"),
}  # fmt: skip
POSITIONALS = {
    "workspace": N_("workspace"), "path": N_("path"), "title": N_("title"), "id": N_("id"), "name": N_("name"),
    "category": N_("category"), "file": N_("file"),
}  # fmt: skip


def translate_metavars(parser: argparse.ArgumentParser) -> None:
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


MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("%(heading)s:"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_(" (default: %(default)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
    N_("option '%(option)s' is deprecated"),
    N_('argument "-" with mode %r'),
    N_("%r is not callable"),
    N_("'required' is an invalid argument for positionals"),
    N_(".__call__() not defined"),
    N_("cannot have multiple subparser arguments"),
    N_("cannot merge actions - two groups are named %r"),
    N_("conflicting subparser alias: %s"),
    N_("conflicting subparser: %s"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("mutually exclusive arguments must be optional"),
)


def _plural_messages(count: int) -> tuple[str, ...]:
    # Never called: argparse's messages with a count, written out for the extractor.
    return (
        ngettext("expected %s argument", "expected %s arguments", count),
        ngettext("conflicting option string: %s", "conflicting option strings: %s", count),
    )
