"""`someplan report [--month M | --quarter Q | --year Y]`: the period's report as one HTML file
(the rules are in `someplan.services.report`)."""

from __future__ import annotations

import argparse

from someplan.cli import common
from someplan.i18n import _


def register(name: str, p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=cmd_report)
    common.workspace_option(p)
    when = p.add_mutually_exclusive_group()
    when.add_argument("--month", help=_("one month: 2026-11, 11, november (default: the last whole month)"))
    when.add_argument("--quarter", help=_("one quarter: 2026-Q4, Q4"))
    when.add_argument("--year", help=_("one year: 2026"))
    p.add_argument("-o", "--output", help=_("the file or folder to write (default: the workspace's exports folder, "
                                            "a name with this machine's id)"))  # fmt: skip
    p.add_argument("--force", action="store_true", help=_("replace an existing file someplan did not write"))


def cmd_report(args) -> int:
    from someplan.services.exports.digest import Period
    from someplan.services.report import parse_quarter, parse_year
    from someplan.services.user_input import parse_month
    from someplan.services.report_file import write_report

    with common.open_catalog(args) as catalog:
        today = common.today(catalog)
        period = None
        if args.month:
            period = Period.month(*parse_month(args.month, today))
        elif args.quarter:
            period = parse_quarter(args.quarter, today)
        elif args.year:
            period = parse_year(args.year)
        report, path = write_report(catalog, period, today, args.output, args.force)
    message = _("Wrote the report for {period} to {path}").format(period=report.label, path=path.resolve())
    common.console().print(common.user(message), soft_wrap=True)
    return 0
