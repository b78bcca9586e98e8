"""`someplan status`: the week at a glance (the quick check over SSH: keep it light)."""

from __future__ import annotations

import dataclasses
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TextIO

from someplan.cli import common, plain_text
from someplan.cli.plain_text import Pieces
from someplan.domain.weeks import day_label
from someplan.i18n import _, language, ngettext, percent
from someplan.services.labels import severity as severity_label
from someplan.services.labels import standing
from someplan.services.labels import status as _status_label
from someplan.textsafe import literal

if TYPE_CHECKING:
    import argparse

    from rich.console import Console

    from someplan.services.status import StatusReport


def register(name: str, p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=cmd_status)
    p.add_argument("workspace", nargs="?")
    p.add_argument("-w", "--workspace", dest="workspace_option", help=_("the same as the argument"))
    common.week_options(p)
    p.add_argument("--json", action="store_true", help=_("for scripts: the same facts as JSON (English keys)"))


def quick_args(argv: list[str]) -> SimpleNamespace | None:
    """`status [PATH] [--json]` as argparse reads it, without argparse (its import and the parser
    are a twentieth of a quick status); None for anything else, argparse's to read (help, --week,
    -w, a mistake). Held to argparse's reading by tests/cli/test_status_quick_args.py."""
    if argv[:1] != ["status"]:
        return None
    workspace, json = None, False
    for word in argv[1:]:
        if word == "--json":
            json = True
        elif word and not word.startswith("-") and workspace is None:
            workspace = word
        else:
            return None
    return SimpleNamespace(command="status", workspace=workspace, workspace_option=None, week=None, on=None, json=json,
                           run=cmd_status)  # fmt: skip


def cmd_status(args) -> int:
    from someplan.services.asset_counts import asset_counts
    from someplan.services.catalog import effective_today
    from someplan.services.status import build_status, new_ideas, report_as_json, status_goals

    args.workspace = args.workspace or args.workspace_option
    with common.open_catalog(args) as catalog:
        today, note = effective_today(catalog)
        report = build_status(catalog, common.week(args, catalog, today), today=today, today_note=note)
        report = dataclasses.replace(report, assets=asset_counts(catalog), ideas=new_ideas(catalog),
                                     goals=status_goals(catalog, today))  # fmt: skip
    if args.json:
        common.print_json(report_as_json(report))
        return 0
    out = plain_text.output()
    if out is None or not print_plain(report, language(), out[0], sys.stdout, out[1]):
        print_status(report, language(), common.console())
    return 0


def print_status(report: StatusReport, locale: str, out: Console) -> None:
    """The week at a glance; `locale` is the language spoken (`i18n.language()`), for dates."""
    from rich.table import Table
    from rich.text import Text

    for block in _blocks(report, locale, out.width):
        if isinstance(block, _WeekTable):
            table = Table.grid(padding=(0, 1))
            for width, cut in zip(block.widths, block.cut, strict=False):
                cutting: dict[str, Any] = {"overflow": "ellipsis"} if cut else {}
                table.add_column(no_wrap=True, width=width, **cutting)
            for row in block.rows:
                table.add_row(*(Text.assemble(*pieces) for pieces in row))
            out.print(table)
        else:
            out.print(Text.assemble(*block))


def print_plain(report: StatusReport, locale: str, width: int, out: TextIO, ansi: plain_text.Ansi | None = None) -> bool:
    """What `print_status` prints `width` wide, without rich: into a pipe, or with `ansi` into
    a terminal; False (nothing printed) where the text, a style or the width is beyond
    `plain_text`, for rich to print."""
    lines = []
    for block in _blocks(report, locale, width):
        pieces_of = [pieces for row in block.rows for pieces in row] if isinstance(block, _WeekTable) else [block]
        if not all(plain_text.simple(text) and (ansi is None or ansi.codes(style) is not None)
                   for pieces in pieces_of for text, style in pieces):  # fmt: skip
            return False
        if isinstance(block, _WeekTable):
            if sum(block.widths) + len(block.widths) - 1 > width:
                return False
            for row in block.rows:
                lines.append(" ".join(_cell(pieces, w, ansi) for pieces, w in zip(row, block.widths, strict=False)))
        else:
            text = "".join(text for text, _style in block)
            lines += [plain_text.paint_line(block, ansi, begin, end) for begin, end in plain_text.wrap_bounds(text, width)]
    out.write("".join(line + "\n" for line in lines))
    return True


def _cell(pieces: Pieces, width: int, ansi: plain_text.Ansi | None) -> str:
    if ansi is None:  # into a pipe: `cut` then `paint_line` give the text cut to the width, "…" last
        text = "".join([text for text, _style in pieces])
        if len(text) > width:
            text = text[: width - 1] + "…" if width > 0 else ""
        return text + " " * (width - len(text))
    kept = plain_text.cut(pieces, width)
    length = sum(len(text) for text, _style in kept)
    return plain_text.paint_line(kept, ansi) + " " * (width - length)


@dataclasses.dataclass(frozen=True)
class _WeekTable:
    widths: tuple[int, ...]
    cut: tuple[bool, ...]  # the columns cut with an ellipsis (the others fit their width)
    rows: list[list[Pieces]]


def _blocks(report: StatusReport, locale: str, width: int) -> list[Pieces | _WeekTable]:
    """The status, line by line, as pieces of text with their styles, and the week's table."""
    blocks: list[Pieces | _WeekTable] = [[user(report.workspace, "bold"), (" · ", ""), (report.label, "bold cyan")]]
    if report.today_note:
        blocks.append([(report.today_note, "dim")])
    if report.campaigns:
        blocks.append([(_("Campaigns:") + " ", "dim"), user(", ".join(report.campaigns), "magenta")])
    blocks.append(_week_table(report, locale, width))
    load: Pieces = [(_("Planned vs target:") + " ", "bold")]
    for index, item in enumerate(report.load):
        style = "green" if item.planned >= item.target else "yellow"
        load.append((("  " if index else "") + literal(item.channel) + " ", ""))
        load.append((f"{item.planned}/{item.target}", style))
    blocks.append(load)
    if report.capacity is not None and report.capacity.posts:
        blocks.append(capacity_line(report.capacity))
    if report.due:
        line: Pieces = [(_("Categories due:") + " ", "bold")]
        for index, due in enumerate(report.due):
            line.append((", " if index else "", ""))
            line.append(user(due.category, due.colour or ""))
            overdue = due.state == "overdue"
            detail = _overdue_days(due.days_overdue) if overdue else _("this week")
            line.append((f" ({detail})", "red" if overdue else "yellow"))
        blocks.append(line)
    if report.next_proposal:
        blocks.append(_proposal_line(report.next_proposal, locale))
    blocks.append(_figures_line(report.figures))
    if report.assets is not None:
        blocks.append(asset_counts_text(report.assets))
    if report.ideas:
        count = ngettext("{count} new in the inbox", "{count} new in the inbox", report.ideas).format(count=report.ideas)
        blocks.append([(_("Ideas:") + " ", "bold"), (count, "green"), (" · " + _("see: someplan ideas"), "dim")])
    if report.goals:
        blocks += _goal_lines(report.goals)
    if report.attention:
        blocks += _attention_lines(report, locale)
    if report.problems:
        blocks.append([(_("Problems:"), "bold red")])
        for problem in report.problems:
            blocks.append([("  " + severity_label(problem.severity) + " ", _severity_style(problem.severity)),
                           user(f"{problem.path}: " if problem.path else ""), user(problem.message)])  # fmt: skip
    return blocks


def _week_table(report: StatusReport, locale: str, width: int) -> _WeekTable:
    # Day, time and status are never cut: a row without its time says nothing. On a narrow
    # terminal the category gives way first (down to its colour mark), then the channel, and
    # the title is cut with an ellipsis, never below 12 characters.
    days = {day.date: day_label(day.date, locale, weekday="short") for day in report.days}
    statuses = {post.status: _status_label(post.status) for day in report.days for post in day.posts}
    day_width = max(map(len, days.values()), default=9)
    status_width = max(map(len, statuses.values()), default=9)
    longest_title = max([len(literal(p.title)) for d in report.days for p in d.posts]
                        + [len(literal("★ " + ", ".join(d.marks))) for d in report.days], default=10)  # fmt: skip
    title_width, channel_width, category_width = _flexible_widths(
        width - (day_width + 5 + status_width + 5),  # what the fixed columns and the gaps leave
        min(max((len(load.channel) for load in report.load), default=8), 10),
        longest_title,
    )
    widths = (day_width, 5, channel_width, category_width, title_width, status_width)
    rows: list[list[Pieces]] = []
    blank: Pieces = []
    for day in report.days:
        is_today = day.date == report.today
        label: Pieces = [(days[day.date], "bold reverse" if is_today else "bold")]
        if day.marks:
            rows.append([label, blank, blank, blank, [user("★ " + ", ".join(day.marks), "yellow")], blank])
            label = blank
        if not day.posts:
            rows.append([label, [("—", "dim")], blank, blank, blank, blank])
            continue
        for index, post in enumerate(day.posts):
            category: Pieces = [("■", post.colour or "white")]
            if category_width > MARK_ONLY:
                category += [(" ", ""), user(post.category)]
            rows.append([
                label if index == 0 else blank,
                [(post.time or "  ·  ", "")],
                [user(post.channel, "cyan")],
                category,
                [user(post.title)],
                [(statuses[post.status], _status_style(post.status))],
            ])  # fmt: skip
    return _WeekTable(widths, (False, False, True, True, True, False), rows)


def capacity_line(capacity) -> Pieces:
    from someplan.domain.capacity import Load, capacity_label

    styles = {Load.OK: "green", Load.TIGHT: "yellow", Load.OVER: "bold red", Load.UNKNOWN: ""}
    words = {Load.OK: "", Load.TIGHT: " " + _("(nearly full)"), Load.OVER: " " + _("(overbooked)"),
             Load.UNKNOWN: " · " + _("no hours recorded: someplan people edit NAME --hours 10")}  # fmt: skip
    return [(_("Hours:") + " ", "bold"), (capacity_label(capacity), styles[capacity.load]),
            (words[capacity.load], "dim" if capacity.load is Load.UNKNOWN else styles[capacity.load])]  # fmt: skip


def _goal_lines(found) -> list[Pieces]:
    """ "Goals:" and a line per target: where it stands, the trend, and whether it is reached at this pace."""
    from someplan.services.goals import TREND_MARKS, pace_label, value_text

    styles = {"on_track": "green", "reached": "green", "behind": "yellow", "missed": "red"}
    lines: list[Pieces] = [[(_("Goals:"), "bold"), (" · " + _("see: someplan goal list"), "dim")]]
    for entry in found:
        for item in entry.targets:
            s = item.standing
            lines.append([("  ", ""), user(entry.goal.title, "bold"), (" · ", ""), user(item.text), (": ", ""),
                          (f"{value_text(item.target.kind, s.now)} {TREND_MARKS[s.trend.value]} ", ""),
                          (pace_label(s.pace), styles.get(s.pace.value, "dim"))])  # fmt: skip
        if not entry.targets:
            lines.append([("  ", ""), user(entry.goal.title, "bold"), (" · " + _("no targets yet"), "dim")])
    return lines


MIN_TITLE = 12
MARK_ONLY = 7  # a category column this narrow shows only the colour mark: "■ ansa…" says little
MIN_CHANNEL = 3


def _flexible_widths(room: int, channel: int, longest_title: int) -> tuple[int, int, int]:
    """(title, channel, category) widths in `room` columns (their two gaps included)."""
    category = 15
    room -= 2
    if channel + category + MIN_TITLE > room:
        category = max(room - channel - MIN_TITLE, 1)
        if category <= MARK_ONLY:
            category = 1
    if channel + category + MIN_TITLE > room:
        channel = max(room - category - MIN_TITLE, MIN_CHANNEL)
    title = max(min(longest_title, room - channel - category), MIN_TITLE)
    return title, channel, category


ATTENTION_SHOWN = 8  # a glance, not the whole list: --json and the planner's `!` have it all


def _attention_lines(report: StatusReport, locale: str) -> list[Pieces | _WeekTable]:
    count = len(report.attention)
    heading = ngettext("Needs attention: {count} warning", "Needs attention: {count} warnings", count).format(count=count)
    lines: list[Pieces | _WeekTable] = [[("! " + heading, "bold yellow")]]
    for item in report.attention[:ATTENTION_SHOWN]:
        line: Pieces = [("  ", "")]
        if item.date:
            line.append((day_label(item.date, locale, weekday="short") + " ", "dim"))
        line.append(user(f"«{item.title}» ", "bold"))
        line.append(user(item.message))
        lines.append(line)
    if count > ATTENTION_SHOWN:
        more = count - ATTENTION_SHOWN
        lines.append([("  " + _("… and {count} more (someplan status --json)").format(count=more), "dim")])
    return lines


def _overdue_days(days: int) -> str:
    return ngettext("overdue {count} day", "overdue {count} days", days).format(count=days)


def _figures_line(figures) -> Pieces:
    posts = ngettext("{count} published post", "{count} published posts", figures.posts).format(count=figures.posts)
    heading = ngettext("Last {weeks} week:", "Last {weeks} weeks:", figures.weeks).format(weeks=figures.weeks)
    line: Pieces = [(heading + " ", "bold"), (posts, "")]
    if figures.reach_rate is not None:
        line.append((", " + _("reach {rate} of followers").format(rate=percent(figures.reach_rate)), ""))
    if figures.engagement_rate is not None:
        line.append((", " + _("engagement {rate} of reach").format(rate=percent(figures.engagement_rate)), ""))
    return line


def _proposal_line(proposal, locale: str) -> Pieces:
    line: Pieces = [(_("Next proposal:") + " ", "bold"), (day_label(proposal.date, locale, weekday="short"), "")]
    if proposal.time:
        line.append((f" {proposal.time}", ""))
    line.append((" ", ""))
    line.append(user(proposal.channel, "cyan"))
    line.append((" ", ""))
    line += [("■ ", proposal.colour or "white"), user(proposal.category)]
    state = standing(proposal.reason)
    line.append((f" ({state}): ", ""))
    line.append(user(f"«{proposal.backlog_title}»") if proposal.backlog_title else (_("new draft"), "dim"))
    return line


def asset_counts_text(counts: dict[str, int]) -> Pieces:
    line: Pieces = [(_("Assets:") + " ", "bold")]
    line.append((ngettext("{count} file", "{count} files", counts["files"]).format(count=counts["files"]), ""))
    line.append((", " + ngettext("{count} new", "{count} new", counts["new"]).format(count=counts["new"]),
                 "green" if counts["new"] else ""))  # fmt: skip
    unused = ngettext("{count} unused", "{count} unused", counts["unused"]).format(count=counts["unused"])
    line.append((", " + unused, ""))
    if counts["missing"]:
        missing = ngettext("{count} missing", "{count} missing", counts["missing"]).format(count=counts["missing"])
        line.append((", " + missing, "yellow"))
    if counts.get("refused"):
        refused = ngettext("{count} refused", "{count} refused", counts["refused"]).format(count=counts["refused"])
        line.append((", " + refused, "red"))
    return line


def user(text: object, style: str = "") -> tuple[str, str]:
    """User text as a piece: control characters made visible, never markup."""
    return (literal(text), style)


def _severity_style(severity: str) -> str:
    return "red" if severity == "error" else "yellow"


def _status_style(status: str) -> str:
    return {"idea": "dim", "draft": "yellow", "ready": "cyan", "scheduled": "blue", "published": "green"}.get(status, "")
