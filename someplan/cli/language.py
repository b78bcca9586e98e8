"""`someplan language`: which language someplan speaks here, why, and choosing it.

    someplan language                 the language spoken, and what chose it
    someplan language nb|en           your own choice, on this machine only (outside the workspace)
    someplan language --workspace nb  the workspace's language, for everyone who opens it
    someplan language --reset         drop your own choice: the workspace's language decides again

The order (services.language): $SOMEPLAN_LANG, your choice, the workspace's, the system's.
"""

from __future__ import annotations

import argparse
from contextlib import ExitStack

from someplan import i18n
from someplan.cli import common
from someplan.i18n import N_, _

SOURCES = {
    "env": N_("$SOMEPLAN_LANG is set"),
    "user": N_("your own choice on this machine"),
    "workspace": N_("the workspace's setting"),
    "system": N_("the system's language ($LANG)"),
    "default": N_("the default"),
}


def register(name: str, p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=cmd_language)
    which = p.add_mutually_exclusive_group()
    which.add_argument("language", nargs="?", choices=i18n.LANGUAGES, metavar="nb|en",
                       help=_("speak this language yourself, on this machine only"))  # fmt: skip
    which.add_argument("--workspace", dest="workspace_language", choices=i18n.LANGUAGES, metavar="nb|en",
                       help=_("the workspace's language, for everyone who opens it"))  # fmt: skip
    which.add_argument("--reset", action="store_true", help=_("drop your own choice: the workspace's language decides again"))
    p.add_argument("-w", dest="workspace", metavar=_("PATH"),
                   help=_("workspace folder (else $SOMEPLAN_WORKSPACE, else the last used)"))  # fmt: skip


def cmd_language(args) -> int:
    from rich.text import Text

    from someplan.services import language as choices

    with ExitStack() as stack:
        catalog = _workspace(args, stack, required=bool(args.workspace_language))
        if args.workspace_language:
            from someplan.services.setup import set_locale

            changed = set_locale(catalog, args.workspace_language)
    out = common.console()
    if args.workspace_language:
        choices.apply(args.workspace_language)
        done = (
            _("The workspace {name} now speaks {language} for everyone who opens it.")
            if changed
            else _("The workspace {name} speaks {language} already.")
        )
        out.print(Text(done.format(name=catalog.name(), language=i18n.LANGUAGE_NAMES[args.workspace_language])))
    elif args.language or args.reset:
        choices.set_user_choice(args.language)
        choices.apply(_workspace_locale(catalog))
        if args.language:
            done = _("You have chosen {language} on this machine.").format(language=i18n.LANGUAGE_NAMES[args.language])
        else:
            done = _("Your own choice is dropped.")
        out.print(Text(done))
    _print_language(out, catalog)
    return 0


def _workspace(args, stack: ExitStack, required: bool):
    """The workspace (read-only unless it is to be changed), closed with `stack`; None when there
    is none to find."""
    from someplan.store.problems import WorkspaceError

    try:
        return stack.enter_context(common.open_catalog(args, writable=required))
    except WorkspaceError:
        if required or args.workspace:
            raise
        return None


def _workspace_locale(catalog) -> str | None:
    if catalog is not None:
        return catalog.settings().locale
    from someplan.services.locate import read_user_state

    return read_user_state().get("last_locale")


def _print_language(out, catalog) -> None:
    from rich.text import Text

    from someplan.cli.common import user
    from someplan.services import language as choices

    spoken = i18n.language()
    source = choices.source(_workspace_locale(catalog))
    lines = [
        (_("Language:"), Text(f"{i18n.LANGUAGE_NAMES[spoken]} ({spoken})")),
        (_("Chosen by:"), Text(_(SOURCES[source]))),
    ]
    own = choices.user_choice()
    lines.append((_("Your own choice:"), Text(i18n.LANGUAGE_NAMES[own] if own else _("none"))))
    if catalog is not None:
        workspace = i18n.LANGUAGE_NAMES.get(catalog.settings().locale, catalog.settings().locale)
        lines.append((_("The workspace:"), Text.assemble(user(catalog.name()), f" · {workspace}")))
    width = max(len(label) for label, _value in lines) + 1
    for label, value in lines:
        out.print(Text.assemble((label.ljust(width), "bold"), value))
