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

from someplan.domain.weeks import weekday_name
from someplan.services.status import StatusReport
from someplan.textsafe import literal

WORDS = {
    "nb": {"planned": "Planlagt mot mål", "due": "Kategorier som står for tur", "overdue": "forfalt",
           "days": "dager", "due_now": "denne uka", "figures": "Siste {weeks} uker",
           "posts": "publiserte innlegg", "reach": "rekkevidde", "engagement": "engasjement",
           "of_followers": "av følgere", "of_reach": "av rekkevidde", "problems": "Problemer",
           "none": "ingen", "empty": "—", "campaigns": "Kampanjer", "next": "Neste forslag",
           "new_draft": "nytt utkast", "ahead": "i forkant", "assets": "Filer", "files": "filer", "new": "nye",
           "unused": "ubrukte", "missing": "mangler"},
    "en": {"planned": "Planned vs target", "due": "Categories due", "overdue": "overdue", "days": "days",
           "due_now": "this week", "figures": "Last {weeks} weeks", "posts": "published posts",
           "reach": "reach", "engagement": "engagement", "of_followers": "of followers",
           "of_reach": "of reach", "problems": "Problems", "none": "none", "empty": "—",
           "campaigns": "Campaigns", "next": "Next proposal", "new_draft": "new draft", "ahead": "ahead",
           "assets": "Assets", "files": "files", "new": "new", "unused": "unused", "missing": "missing"},
}


def console(stream=None) -> Console:
    # Rich decides colour from the stream (none in a pipe) and honours NO_COLOR and the width.
    return Console(file=stream or sys.stdout, highlight=False, emoji=False, markup=False)


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def user(text: object, style: str = "") -> Text:
    return Text(literal(text), style=style)


def print_status(report: StatusReport, locale: str, out: Console) -> None:
    words = WORDS["en" if locale.startswith("en") else "nb"]
    days = [weekday_name(i, locale, short=True) for i in range(7)]
    header = Text.assemble(user(report.workspace, "bold"), " · ", (report.label, "bold cyan"))
    out.print(header)
    if report.today_note:
        out.print(Text(report.today_note, style="dim"))
    if report.campaigns:
        out.print(Text.assemble((f"{words['campaigns']}: ", "dim"), user(", ".join(report.campaigns), "magenta")))
    # Only the title gives way when the terminal is narrow: it is cut with an ellipsis, while
    # day, time, channel and status stay readable on one line per post.
    table = Table.grid(padding=(0, 1))
    channel_width = min(max((len(l.channel) for l in report.load), default=8), 10)
    fixed = 9 + 5 + channel_width + 15 + 9 + 5  # the other columns and the gaps between them
    longest_title = max([len(literal(p.title)) for d in report.days for p in d.posts]
                        + [len(literal("★ " + ", ".join(d.marks))) for d in report.days], default=10)  # fmt: skip
    title_width = max(min(longest_title, out.width - fixed), 12)
    table.add_column(no_wrap=True, width=9)
    table.add_column(no_wrap=True, width=5)
    table.add_column(no_wrap=True, width=channel_width, overflow="ellipsis")
    table.add_column(no_wrap=True, width=15, overflow="ellipsis")
    table.add_column(no_wrap=True, width=title_width, overflow="ellipsis")
    table.add_column(no_wrap=True, width=9)
    blank = Text("")
    for day in report.days:
        is_today = day.date == report.today
        label = Text(f"{days[day.date.weekday()]} {day.date.day:>2}.{day.date.month:02d}", style="bold reverse" if is_today else "bold")
        if day.marks:
            table.add_row(label, blank, blank, blank, user("★ " + ", ".join(day.marks), "yellow"), blank)
            label = blank
        if not day.posts:
            table.add_row(label, Text(words["empty"], style="dim"), blank, blank, blank, blank)
            continue
        for index, post in enumerate(day.posts):
            table.add_row(
                label if index == 0 else blank,
                Text(post.time or "  ·  "),
                user(post.channel, "cyan"),
                Text.assemble(("■ ", post.colour or "white"), user(post.category)),
                user(post.title),
                Text(post.status, style=_status_style(post.status)),
            )
    out.print(table)
    load = Text.assemble((f"{words['planned']}: ", "bold"))
    for index, item in enumerate(report.load):
        style = "green" if item.planned >= item.target else "yellow"
        load.append(("  " if index else "") + literal(item.channel) + " ")
        load.append(f"{item.planned}/{item.target}", style=style)
    out.print(load)
    if report.due:
        line = Text.assemble((f"{words['due']}: ", "bold"))
        for index, due in enumerate(report.due):
            line.append(", " if index else "")
            line.append_text(user(due.category, due.colour or ""))
            detail = f" ({words['overdue']} {due.days_overdue} {words['days']})" if due.state == "overdue" else f" ({words['due_now']})"
            line.append(detail, style="red" if due.state == "overdue" else "yellow")
        out.print(line)
    if report.next_proposal:
        out.print(_proposal_line(report.next_proposal, words, days))
    figures = report.figures
    line = Text.assemble((words["figures"].format(weeks=figures.weeks) + ": ", "bold"), f"{figures.posts} {words['posts']}")
    if figures.reach_rate is not None:
        line.append(f", {words['reach']} {_pct(figures.reach_rate)} {words['of_followers']}")
    if figures.engagement_rate is not None:
        line.append(f", {words['engagement']} {_pct(figures.engagement_rate)} {words['of_reach']}")
    out.print(line)
    if report.assets is not None:
        out.print(asset_counts_text(report.assets, words))
    if report.problems:
        out.print(Text(f"{words['problems']}:", style="bold red"))
        for problem in report.problems:
            out.print(Text.assemble(("  " + problem.severity + " ", "red" if problem.severity == "error" else "yellow"),
                                    user(f"{problem.path}: " if problem.path else ""), user(problem.message)))


def _proposal_line(proposal, words: dict, days) -> Text:
    line = Text.assemble((f"{words['next']}: ", "bold"), f"{days[proposal.date.weekday()]} {proposal.date.day}.{proposal.date.month:02d}")
    if proposal.time:
        line.append(f" {proposal.time}")
    line.append(" ")
    line.append_text(user(proposal.channel, "cyan"))
    line.append(" ")
    line.append_text(Text.assemble(("■ ", proposal.colour or "white"), user(proposal.category)))
    state = {"overdue": words["overdue"], "due": words["due_now"], "ahead": words["ahead"]}.get(proposal.reason, "")
    line.append(f" ({state}): ")
    line.append_text(user(f"«{proposal.backlog_title}»") if proposal.backlog_title else Text(words["new_draft"], style="dim"))
    return line


def asset_counts_text(counts: dict[str, int], words: dict[str, str]) -> Text:
    line = Text.assemble((f"{words['assets']}: ", "bold"), f"{counts['files']} {words['files']}")
    line.append(f", {counts['new']} {words['new']}", style="green" if counts["new"] else "")
    line.append(f", {counts['unused']} {words['unused']}")
    if counts["missing"]:
        line.append(f", {counts['missing']} {words['missing']}", style="yellow")
    return line


def _pct(value: float) -> str:
    return f"{value:.1f} %"


def _status_style(status: str) -> str:
    return {"idea": "dim", "draft": "yellow", "ready": "cyan", "scheduled": "blue", "published": "green"}.get(status, "")


def print_table(rows: list[list[object]], headers: list[str], out: Console) -> None:
    table = Table(*headers, box=None, pad_edge=False, header_style="bold")
    for row in rows:
        table.add_row(*(user("" if cell is None else cell) for cell in row))
    out.print(table)
