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
    from someplan.services.assets import asset_folder_problems
    from someplan.services.record_check import record_problems

    with common.open_catalog(args) as catalog:
        workspace = catalog.workspace
        # Besides the files: stored values no reader can use, and a shared asset folder this
        # machine will not read.
        problems = workspace.problems + record_problems(catalog) + list(asset_folder_problems(catalog))
        report = {
            "workspace": str(workspace.root.resolve()),
            "format": workspace.format,
            "writable": workspace.writable,
            "devices": [{"id": k, "name": v} for k, v in sorted(workspace.devices().items())],
            "problems": [p.as_dict() for p in problems],
        }
    # Exit 1 when something is wrong, so that a script (or cron) notices; warnings are not.
    code = 1 if any(p.severity == "error" for p in problems) else 0
    if args.json:
        common.print_json(report)
        return code
    from rich.text import Text

    from someplan.cli.common import severity_label, user

    out = common.console()
    out.print(Text.assemble((_("workspace") + " ", "bold"), user(report["workspace"]),
                            "  " + _("(format {format})").format(format=report["format"])))  # fmt: skip
    out.print(Text(_("devices:"), style="bold"))
    for device in report["devices"]:
        out.print(Text.assemble("  ", device["id"], "  ", user(device["name"])))
    if not report["problems"]:
        out.print(Text(_("no problems found"), style="green"))
    width = max((len(severity_label(p.severity)) for p in problems), default=0) + 1
    for problem in problems:
        out.print(Text.assemble((severity_label(problem.severity).ljust(width), "red" if problem.severity == "error" else "yellow"),
                                user(problem.path or ""), "  ", user(problem.message)))  # fmt: skip
    return code
