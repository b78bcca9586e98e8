"""`someplan export FORMAT …`: the plan as a calendar file, a Hootsuite CSV, a Markdown or HTML
digest, or a CSV of posts (headless; the rules are in `someplan.services.exports`).

Prints where it wrote and what: the number of posts, and every post left out with its reasons.
With ``--output -`` the file goes to stdout and the messages to stderr. ``--strict`` refuses a
Hootsuite file when any post breaks a rule (exit 1, nothing written) instead of leaving it out.
"""

from __future__ import annotations

import argparse
import sys

from someplan.cli import common
from someplan.i18n import _, ngettext


def register(name: str, p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=cmd_export)
    common.workspace_option(p)
    p.add_argument("format", metavar="FORMAT", type=common.checked(_format),
                   help=_("ics, hootsuite, markdown (md), html, csv or wheel (the year wheel as SVG)"))  # fmt: skip
    p.add_argument("--from", dest="start", help=_("the first day (2026-11-23, 23.11.2026, today)"))
    p.add_argument("--to", dest="end", help=_("the last day"))
    p.add_argument("--week", help=_("one ISO week: 48, 2026-W48, 'uke 48'"))
    p.add_argument("--month", help=_("one month: 2026-11, 11, november"))
    p.add_argument("--year", type=int, help=_("wheel: the year drawn (default: this year)"))
    p.add_argument("--channel", action="append", default=[], help=_("only this channel (repeat it for more); "
                                                                     "a Hootsuite file needs exactly one"))  # fmt: skip
    p.add_argument("--status", action="append", default=[],
                   help=_("only posts with this status: idea, draft, ready, scheduled, published "
                          "(repeat it or use commas)"))  # fmt: skip
    p.add_argument("-o", "--output", help=_("the file or folder to write ('-' for stdout; default: the workspace's "
                                            "exports folder, a name with this machine's id)"))  # fmt: skip
    p.add_argument("--date-format", choices=("dmy", "mdy"), default="dmy",
                   help=_("hootsuite: dd/mm/yyyy (dmy, default) or mm/dd/yyyy (mdy), as chosen when uploading"))  # fmt: skip
    p.add_argument("--delimiter", choices=("comma", "semicolon"),
                   help=_("csv: the separator (default: semicolon in Norwegian, for Excel; comma in English)"))  # fmt: skip
    p.add_argument("--strict", action="store_true", help=_("hootsuite: write nothing when any post breaks a rule"))
    p.add_argument("--force", action="store_true", help=_("replace an existing file someplan did not write"))


def _format(text: str) -> str:
    from someplan.services.exports.run import normalise_format

    return normalise_format(text)


def cmd_export(args) -> int:
    from rich.console import Console

    from someplan.services.errors import UserError
    from someplan.services.exports.run import ExportRequest, normalise_format, prepare, write

    fmt = normalise_format(args.format)
    with common.open_catalog(args) as catalog:
        today = common.today(catalog)
        delimiter = {"comma": ",", "semicolon": ";"}.get(args.delimiter or "")
        request = ExportRequest(fmt, _period(args, today), tuple(args.channel), tuple(args.status), args.date_format, delimiter,
                                args.year)  # fmt: skip
        result = prepare(catalog, request, today)
        to_stdout = args.output == "-"
        out: Console = common.console(sys.stderr) if to_stdout else common.console()
        _print_left_out(result, out)
        if args.strict and result.skipped:
            raise UserError(ngettext("refused (--strict): {n} post breaks Hootsuite's rules; nothing was written",
                                     "refused (--strict): {n} posts break Hootsuite's rules; nothing was written",
                                     len(result.skipped)).format(n=len(result.skipped)))  # fmt: skip
        if result.nothing:
            raise UserError(result.nothing)
        if to_stdout:
            sys.stdout.flush()
            sys.stdout.buffer.write(result.data)
            sys.stdout.buffer.flush()
            out.print(ngettext("Exported {n} post", "Exported {n} posts", result.count).format(n=result.count))
            return 0
        path = write(result, catalog, args.output, args.force)
    out.print(common.user(result.done_message(path.resolve())), soft_wrap=True)
    return 0


def _period(args, today):
    from someplan.services.errors import UserError
    from someplan.services.exports.digest import Period
    from someplan.services.exports.run import range_period
    from someplan.services.user_input import parse_date, parse_month, parse_week

    given = [name for name, value in (("--week", args.week), ("--month", args.month)) if value]
    if args.start or args.end:
        given.append("--from/--to")
    if len(given) > 1:
        raise UserError(_("choose one period: {options}").format(options=", ".join(given)))
    if args.week:
        return Period.week(parse_week(args.week, today))
    if args.month:
        return Period.month(*parse_month(args.month, today))
    if args.start or args.end:
        first = parse_date(args.start, today) if args.start else None
        last = parse_date(args.end, today) if args.end else None
        return range_period(first, last, today)
    return None


def _print_left_out(result, out) -> None:
    from rich.text import Text

    from someplan.cli.common import user
    from someplan.domain.weeks import day_label
    from someplan.i18n import language

    for note in result.notes:
        out.print(Text(note, style="dim"))
    if not result.skipped:
        return
    out.print(Text(ngettext("{n} post left out:", "{n} posts left out:", len(result.skipped)).format(n=len(result.skipped)),
                   style="bold yellow"))  # fmt: skip
    for skipped in result.skipped:
        post = skipped.post
        when = day_label(post.date, language(), weekday="short") + (f" {post.time:%H:%M}" if post.time else "")
        title = " ".join((post.title or post.caption).split())[:60]
        out.print(Text.assemble(f"  {when:<18} ", user(title, "bold"), "  ", (skipped.reasons, "yellow")))
