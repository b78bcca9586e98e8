"""How the command line prints: Rich in a terminal, plain text in a pipe, JSON for scripts.

User text is always printed as `Text` (never parsed as markup) after `literal()` has made any
control characters visible.
"""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from someplan.domain.post import Status
from someplan.domain.weeks import day_label
from someplan.i18n import N_, _, ngettext, percent
from someplan.services.status import StatusReport
from someplan.textsafe import literal

SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def console(stream=None) -> Console:
    # Rich decides colour from the stream (none in a pipe) and honours NO_COLOR and the width.
    return Console(file=stream or sys.stdout, highlight=False, emoji=False, markup=False)


def print_json(value) -> None:
    # æøå as they are where the output can hold them; escaped (\u00e6, still the same JSON)
    # where it cannot, rather than turned into "?".
    narrow = not (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("_", "-").startswith("utf")
    sys.stdout.write(json.dumps(value, ensure_ascii=narrow, indent=2) + "\n")


def user(text: object, style: str = "") -> Text:
    return Text(literal(text), style=style)


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


def severity_label(severity: str) -> str:
    return _(SEVERITIES[severity]) if severity in SEVERITIES else severity


def _severity_style(severity: str) -> str:
    return "red" if severity == "error" else "yellow"


def _status_label(value: str) -> str:
    try:
        return Status(value).label()
    except ValueError:
        return value


def _status_style(status: str) -> str:
    return {"idea": "dim", "draft": "yellow", "ready": "cyan", "scheduled": "blue", "published": "green"}.get(status, "")


def print_table(rows: list[list[object]], headers: list[str], out: Console, whole: tuple[int, ...] = ()) -> None:
    """`whole`: the columns never cut or wrapped (an id that is typed again)."""
    table = Table(*headers, box=None, pad_edge=False, header_style="bold")
    for index in whole:
        table.columns[index].no_wrap = True
        table.columns[index].min_width = max((len(str(row[index])) for row in rows), default=0)
    for row in rows:
        table.add_row(*(user("" if cell is None else cell) for cell in row))
    out.print(table)


def print_lines(rows: list[list[object]]) -> None:
    """Rows for a pipe: one line each, the cells tab-separated and literal (a tab or a line
    break in a title shows as `\\x09`, `\\x0a`), so `cut`, `grep` and `wc -l` see one post a line."""
    sys.stdout.write("".join("\t".join(literal("" if cell is None else cell) for cell in row) + "\n" for row in rows))
