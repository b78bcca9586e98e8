"""argparse's own words ("usage:", "options", "the following arguments are required: …") in the
language spoken.

argparse looks up `_` and `ngettext` as globals of its module each time it shows a message, so
pointing them at someplan's catalog translates its help headings and errors. The messages below
are argparse's, exactly as in its source for Python 3.11–3.13 (some are programming errors, kept
for completeness), marked here so that the extractor puts them in the catalog.
"""

from __future__ import annotations

import argparse

from someplan import i18n
from someplan.i18n import N_, _, ngettext


def speak_our_language() -> None:
    argparse._ = i18n._
    argparse.ngettext = i18n.ngettext


# -- the options and sub-commands every command module builds alike ---------------------------


def workspace_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("-w", "--workspace", help=_("workspace folder (else $SOMEPLAN_WORKSPACE, else the last used)"))


def json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help=_("for scripts: JSON (English keys)"))


def actions(parent: argparse.ArgumentParser, **defaults):
    """`someplan NOUN ACTION …` (channel, category, people, campaign): the maker of `parent`'s
    action sub-parsers, `action(name, run, help)`, each taking -w and setting `defaults`."""
    sub = parent.add_subparsers(dest="action", metavar=_("ACTION"), required=True)

    def action(name: str, run, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(run=run, **defaults)
        workspace_option(p)
        return p

    return action


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
