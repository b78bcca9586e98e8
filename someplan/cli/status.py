"""`someplan status`: the week at a glance (the quick check over SSH: keep it light)."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from someplan.cli import common
from someplan.cli.common import severity_label, user
from someplan.domain.post import Status
from someplan.domain.weeks import day_label
from someplan.i18n import N_, _, language, ngettext, percent
from someplan.textsafe import literal

if TYPE_CHECKING:
    from rich.console import Console

    from someplan.services.status import StatusReport


def register(name: str, p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=cmd_status)
    p.add_argument("workspace", nargs="?")
    p.add_argument("-w", "--workspace", dest="workspace_option", help=_("the same as the argument"))
    common.week_options(p)
    p.add_argument("--json", action="store_true", help=_("for scripts: the same facts as JSON (English keys)"))


def cmd_status(args) -> int:
    from someplan.services.assets import asset_counts
    from someplan.services.ideas import new_count
    from someplan.services.status import build_status, report_as_json

    args.workspace = args.workspace or args.workspace_option
    with common.open_catalog(args) as catalog:
        report = build_status(catalog, common.week(args, catalog))
        report = dataclasses.replace(report, assets=asset_counts(catalog), ideas=new_count(catalog))
    if args.json:
        common.print_json(report_as_json(report))
        return 0
    print_status(report, language(), common.console())
    return 0


def print_status(report: StatusReport, locale: str, out: Console) -> None:
    """The week at a glance; `locale` is the language spoken (`i18n.language()`), for dates."""
    header = Text.assemble(user(report.workspace, "bold"), " · ", (report.label, "bold cyan"))
    out.print(header)
    if report.today_note:
        out.print(Text(report.today_note, style="dim"))
    if report.campaigns:
        out.print(Text.assemble((_("Campaigns:") + " ", "dim"), user(", ".join(report.campaigns), "magenta")))
    out.print(_week_table(report, locale, out.width))
    load = Text.assemble((_("Planned vs target:") + " ", "bold"))
    for index, item in enumerate(report.load):
        style = "green" if item.planned >= item.target else "yellow"
        load.append(("  " if index else "") + literal(item.channel) + " ")
        load.append(f"{item.planned}/{item.target}", style=style)
    out.print(load)
    if report.due:
        line = Text.assemble((_("Categories due:") + " ", "bold"))
        for index, due in enumerate(report.due):
            line.append(", " if index else "")
            line.append_text(user(due.category, due.colour or ""))
            overdue = due.state == "overdue"
            detail = _overdue_days(due.days_overdue) if overdue else _("this week")
            line.append(f" ({detail})", style="red" if overdue else "yellow")
        out.print(line)
    if report.next_proposal:
        out.print(_proposal_line(report.next_proposal, locale))
    out.print(_figures_line(report.figures))
    if report.assets is not None:
        out.print(asset_counts_text(report.assets))
    if report.ideas:
        line = Text.assemble((_("Ideas:") + " ", "bold"))
        line.append(ngettext("{count} new in the inbox", "{count} new in the inbox", report.ideas).format(count=report.ideas),
                    style="green")  # fmt: skip
        out.print(line.append(" · " + _("see: someplan ideas"), style="dim"))
    if report.problems:
        out.print(Text(_("Problems:"), style="bold red"))
        for problem in report.problems:
            out.print(Text.assemble(("  " + severity_label(problem.severity) + " ", _severity_style(problem.severity)),
                                    user(f"{problem.path}: " if problem.path else ""), user(problem.message)))  # fmt: skip


def _week_table(report: StatusReport, locale: str, width: int) -> Table:
    # Only the title gives way when the terminal is narrow: it is cut with an ellipsis, while
    # day, time, channel and status stay readable on one line per post.
    days = {day.date: day_label(day.date, locale, weekday="short") for day in report.days}
    statuses = {post.status: _status_label(post.status) for day in report.days for post in day.posts}
    day_width = max(map(len, days.values()), default=9)
    status_width = max(map(len, statuses.values()), default=9)
    table = Table.grid(padding=(0, 1))
    channel_width = min(max((len(l.channel) for l in report.load), default=8), 10)
    fixed = day_width + 5 + channel_width + 15 + status_width + 5  # the other columns and the gaps between them
    longest_title = max([len(literal(p.title)) for d in report.days for p in d.posts]
                        + [len(literal("★ " + ", ".join(d.marks))) for d in report.days], default=10)  # fmt: skip
    title_width = max(min(longest_title, width - fixed), 12)
    table.add_column(no_wrap=True, width=day_width)
    table.add_column(no_wrap=True, width=5)
    table.add_column(no_wrap=True, width=channel_width, overflow="ellipsis")
    table.add_column(no_wrap=True, width=15, overflow="ellipsis")
    table.add_column(no_wrap=True, width=title_width, overflow="ellipsis")
    table.add_column(no_wrap=True, width=status_width)
    blank = Text("")
    for day in report.days:
        is_today = day.date == report.today
        label = Text(days[day.date], style="bold reverse" if is_today else "bold")
        if day.marks:
            table.add_row(label, blank, blank, blank, user("★ " + ", ".join(day.marks), "yellow"), blank)
            label = blank
        if not day.posts:
            table.add_row(label, Text("—", style="dim"), blank, blank, blank, blank)
            continue
        for index, post in enumerate(day.posts):
            table.add_row(
                label if index == 0 else blank,
                Text(post.time or "  ·  "),
                user(post.channel, "cyan"),
                Text.assemble(("■ ", post.colour or "white"), user(post.category)),
                user(post.title),
                Text(statuses[post.status], style=_status_style(post.status)),
            )
    return table


def _overdue_days(days: int) -> str:
    return ngettext("overdue {count} day", "overdue {count} days", days).format(count=days)


def _figures_line(figures) -> Text:
    posts = ngettext("{count} published post", "{count} published posts", figures.posts).format(count=figures.posts)
    heading = ngettext("Last {weeks} week:", "Last {weeks} weeks:", figures.weeks).format(weeks=figures.weeks)
    line = Text.assemble((heading + " ", "bold"), posts)
    if figures.reach_rate is not None:
        line.append(", " + _("reach {rate} of followers").format(rate=percent(figures.reach_rate)))
    if figures.engagement_rate is not None:
        line.append(", " + _("engagement {rate} of reach").format(rate=percent(figures.engagement_rate)))
    return line


def _proposal_line(proposal, locale: str) -> Text:
    line = Text.assemble((_("Next proposal:") + " ", "bold"), day_label(proposal.date, locale, weekday="short"))
    if proposal.time:
        line.append(f" {proposal.time}")
    line.append(" ")
    line.append_text(user(proposal.channel, "cyan"))
    line.append(" ")
    line.append_text(Text.assemble(("■ ", proposal.colour or "white"), user(proposal.category)))
    reasons = {"overdue": N_("overdue"), "due": N_("this week"), "ahead": N_("ahead")}
    state = _(reasons[proposal.reason]) if proposal.reason in reasons else proposal.reason
    line.append(f" ({state}): ")
    line.append_text(user(f"«{proposal.backlog_title}»") if proposal.backlog_title else Text(_("new draft"), style="dim"))
    return line


def asset_counts_text(counts: dict[str, int]) -> Text:
    line = Text.assemble((_("Assets:") + " ", "bold"))
    line.append(ngettext("{count} file", "{count} files", counts["files"]).format(count=counts["files"]))
    line.append(", " + ngettext("{count} new", "{count} new", counts["new"]).format(count=counts["new"]),
                style="green" if counts["new"] else "")  # fmt: skip
    line.append(", " + ngettext("{count} unused", "{count} unused", counts["unused"]).format(count=counts["unused"]))
    if counts["missing"]:
        missing = ngettext("{count} missing", "{count} missing", counts["missing"]).format(count=counts["missing"])
        line.append(", " + missing, style="yellow")
    return line


def _severity_style(severity: str) -> str:
    return "red" if severity == "error" else "yellow"


def _status_label(value: str) -> str:
    try:
        return Status(value).label()
    except ValueError:
        return value


def _status_style(status: str) -> str:
    return {"idea": "dim", "draft": "yellow", "ready": "cyan", "scheduled": "blue", "published": "green"}.get(status, "")


