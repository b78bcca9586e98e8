"""`someplan doctor`: the workspace checked: format, devices, unreadable or stray files, clocks."""

from __future__ import annotations

import argparse

from someplan.cli import common
from someplan.i18n import _


def register(name: str, p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=cmd_doctor)
    common.workspace_option(p)
    common.json_option(p)


def cmd_doctor(args) -> int:
    from someplan.services.doctor import examine

    with common.open_catalog(args) as catalog:
        report = examine(catalog.workspace, catalog)
    # Exit 1 when something is wrong, so that a script (or cron) notices; warnings are not.
    code = 1 if report.has_errors else 0
    if args.json:
        common.print_json(report.as_json())
        return code
    from rich.text import Text

    from someplan.cli.common import user
    from someplan.services.labels import severity as severity_label

    out = common.console()
    out.print(Text.assemble((_("workspace") + " ", "bold"), user(report.workspace),
                            "  " + _("(format {format})").format(format=report.format)))  # fmt: skip
    out.print(Text(_("devices:"), style="bold"))
    for device, name in report.devices:
        out.print(Text.assemble("  ", device, "  ", user(name)))
    if not report.problems:
        out.print(Text(_("no problems found"), style="green"))
    width = max((len(severity_label(p.severity)) for p in report.problems), default=0) + 1
    for problem in report.problems:
        style = "red" if problem.severity == "error" else "yellow"
        out.print(Text.assemble((severity_label(problem.severity).ljust(width), style),
                                user(problem.path or ""), "  ", user(problem.message)))  # fmt: skip
    return code
