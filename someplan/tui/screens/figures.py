"""The figures view: reach and engagement rates over the weeks, by category and by channel, the
best and the weakest posts, and what is worth reusing (one key plans it again).

Full screen, opened with `F` from the planner. Rates are means of per-post rates; the engagement
numerator per network is shown under the tables. Trends are sparklines of the weekly averages
(▁ lowest … █ highest of that row; · a week without the rate).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from someplan.domain.figures_stats import GroupFigures, RatedPost
from someplan.i18n import N_, _, ngettext
from someplan.i18n import percent as pct
from someplan.services import planning
from someplan.services.best_times import best_time_lines
from someplan.services.figures.report import FiguresReport, figures_report, numerator_text
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.footer import Footer
from someplan.tui.planner_app import planner_app
from someplan.tui.quick_table import QuickTable
from someplan.tui.screens.paint_first import PaintsFirst
from someplan.tui.sparkline import sparkline
from someplan.tui.write_guard import attempt, done

PERIODS = (4, 8, 12, 26, 52)
TOP = 5
MOVED = "◎"  # marks a post that moved a goal's target most


def goal_movers(catalog, today: dt.date) -> dict[str, list[str]]:
    """Post id → the goals' targets it moved most; nothing is computed without goals."""
    if not catalog.workspace.view("goals"):
        return {}
    from someplan.services import goals

    return goals.movers(goals.standings(catalog, today))


class FiguresScreen(PaintsFirst, Screen):
    CSS_PATH = "../figures.tcss"  # beside app.tcss, shipped with it
    BINDINGS = [
        Binding("escape,f", "close", N_("Back"), id="figures.close"),
        Binding("r", "reuse", N_("Reuse selected"), id="figures.reuse"),
        Binding("left_square_bracket", "period(-1)", N_("Fewer weeks"), id="figures.fewer_weeks"),
        Binding("right_square_bracket", "period(1)", N_("More weeks"), id="figures.more_weeks"),
    ]

    def __init__(self, weeks: int = 8) -> None:
        super().__init__()
        self.weeks = weeks
        self.report: FiguresReport | None = None
        self.moved: dict[str, list[str]] = {}  # post id → the goals' targets it moved most
        self.reused: str | None = None

    def compose(self):
        yield Static(id="figures-heading", markup=False)
        with Horizontal(id="figures-groups"):
            yield QuickTable(id="figures-by-category", cursor_type="row", zebra_stripes=True)
            yield QuickTable(id="figures-by-channel", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="figures-posts"):
            with Vertical(id="figures-ranked"):
                yield QuickTable(id="figures-top", cursor_type="row")
                yield QuickTable(id="figures-bottom", cursor_type="row")
            yield QuickTable(id="figures-reuse", cursor_type="row")
        yield Static(id="figures-notes", markup=False)
        yield Footer()

    @property
    def catalog(self):
        return self.app.catalog

    def on_mount(self) -> None:
        self._titles()
        self._columns()
        # The boxes and their headings are drawn at once, the figures just after that first
        # frame: the key answers at once, on a long history too.
        self.call_after_refresh(self.show)
        # The view opens at its top on a small screen too, where the reuse table lies below.
        self.query_one("#figures-reuse", DataTable).focus(scroll_visible=False)

    def _columns(self) -> None:
        for selector, label in (("#figures-by-category", _("Category")), ("#figures-by-channel", _("Channel"))):
            table = self.query_one(selector, DataTable)
            table.clear(columns=True)
            table.add_columns(label, _("Posts"), _("Reach"), _("Trend"), _("Engagement"), _("Trend"))
        for selector in ("#figures-top", "#figures-bottom", "#figures-reuse"):
            table = self.query_one(selector, DataTable)
            table.clear(columns=True)
            table.add_columns(_("Engagement"), _("Reach"), _("Date"), _("Channel"), _("Title"))

    def _titles(self) -> None:
        self.query_one("#figures-by-category").border_title = _("By category")
        self.query_one("#figures-by-channel").border_title = _("By channel")
        self.query_one("#figures-top").border_title = _("Top {count} (engagement rate)").format(count=TOP)
        self.query_one("#figures-bottom").border_title = _("Bottom {count}").format(count=TOP)
        self.query_one("#figures-reuse").border_title = _("Reuse candidates · r plans one again")

    def retranslate(self) -> None:
        """The language changed (tui/language.py): titles, headers and rows anew."""
        self._titles()
        self._columns()
        self.show()

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < 100 or event.size.height < 30, "narrow")

    # -- drawing ---------------------------------------------------------------------------------

    def show(self) -> None:
        today = planner_app(self).today
        self.report = report = figures_report(self.catalog, today, self.weeks)
        self.moved = goal_movers(self.catalog, today)
        overall = report.overall()
        period = ngettext("{first}–{last} ({count} week): ", "{first}–{last} ({count} weeks): ", self.weeks).format(
            first=labels.day(report.first, year=report.first.year != report.last.year), last=labels.day(report.last, year=True),
            count=self.weeks,
        )  # fmt: skip
        heading = Text.assemble((_("Key figures") + " ", "bold"), period)
        heading.append_text(_figures_line(overall.posts, overall.reach_rate, overall.engagement_rate))
        self.query_one("#figures-heading", Static).update(heading)
        self._groups("#figures-by-category", "category")
        self._groups("#figures-by-channel", "channel")
        ranked = report.ranked()
        self._posts("#figures-top", ranked[:TOP])
        self._posts("#figures-bottom", list(reversed(ranked[-TOP:])) if len(ranked) > TOP else [])
        self._posts("#figures-reuse", list(report.reuse), dated=True)
        if report.numerators:
            notes = Text(_("Engagements: {sums}").format(sums="; ".join(map(numerator_text, report.numerators))), style="dim")
        else:
            notes = Text(_("No figures yet: someplan import FILE"), style="dim")
        if report.quartile is not None:
            reuse = _("Reuse: top quarter (engagement ≥ {rate}), published over 8 weeks ago, not reused yet.")
            notes.append("\n" + reuse.format(rate=pct(report.quartile)), style="dim")
        page = page_lines(report)
        for line in page:
            notes.append("\n" + line)
        for line in best_time_lines(self.catalog, today):
            notes.append("\n" + line, style="dim")
        shown = {item.post.id for item in [*ranked[:TOP], *ranked[-TOP:], *report.reuse]}
        if shown & set(self.moved):
            notes.append("\n" + MOVED + " " + _("moved a goal's target most (G shows the goals)"), style="green")
        self.query_one("#figures-notes", Static).update(notes)
        self.query_one("#figures-notes", Static).set_class(bool(page), "with-page")

    def _groups(self, selector: str, grouping: str) -> None:
        table = self.query_one(selector, DataTable)
        table.clear()
        report = self.report
        if report is None:  # not met: show() makes the report before the tables
            return
        trend = report.trend(grouping)
        for group in report.by(grouping):
            weeks: list[GroupFigures] = trend.get(group.name, [])
            table.add_row(
                Text(literal(group.name)), str(group.posts), pct(group.reach_rate),
                Text(sparkline([w.reach_rate for w in weeks]), style="cyan"), pct(group.engagement_rate),
                Text(sparkline([w.engagement_rate for w in weeks]), style="green"),
            )  # fmt: skip

    def _posts(self, selector: str, posts: list[RatedPost], dated: bool = False) -> None:
        table = self.query_one(selector, DataTable)
        table.clear()
        for item in posts:
            # The mark goes beside the rate, not into the title: the title stays the user's text.
            rate = Text.assemble((MOVED + " ", "green") if item.post.id in self.moved else "", pct(item.engagement_rate))
            table.add_row(
                rate, pct(item.reach_rate), labels.day(item.day), Text(literal(item.channel)),
                Text(literal(item.post.title)[:60]), key=item.post.id,
            )  # fmt: skip

    # -- actions ---------------------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(self.reused)  # the plan shows the last post reused here

    def action_period(self, step: int) -> None:
        index = PERIODS.index(self.weeks) if self.weeks in PERIODS else 1
        self.weeks = PERIODS[max(0, min(len(PERIODS) - 1, index + step))]
        self.show()

    def action_reuse(self) -> None:
        table = self.focused if isinstance(self.focused, DataTable) else self.query_one("#figures-reuse", DataTable)
        if table.row_count == 0 or table.id in ("figures-by-category", "figures-by-channel"):
            self.notify(_("Select a post in the lists below first"), severity="warning")
            return
        post_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        original = self.catalog.post(post_id)
        day = next_same_weekday(original.date, planner_app(self).today)
        copy = dataclasses.replace(original.reuse(), date=day)
        saved, undo = attempt(self, planning.plan_post, self.catalog, copy)
        if not saved:
            return
        planner_app(self).undo_stack.push(undo)
        self.reused = undo.post
        again = _("Planned “{title}” again as a draft on {day}")
        done(self, again.format(title=literal(original.title), day=labels.day(day, weekday="long", year=True)))
        # The view stays open to reuse more; the candidate just reused leaves the list.
        self.show()


def page_lines(report: FiguresReport) -> list[str]:
    """Per channel with daily exports: its page reach and new follows per week, as sparklines
    with the last week's sum."""
    by_channel: dict[str, list] = {}
    for week in report.page:
        by_channel.setdefault(week.channel, []).append(week)
    lines = []
    for channel, weeks in by_channel.items():
        parts = []
        for label, values in ((_("page reach"), [w.reach for w in weeks]), (_("new follows"), [w.new_follows for w in weeks])):
            if any(v is not None for v in values):
                last = "–" if values[-1] is None else f"{values[-1]:,}".replace(",", "\u00a0")
                parts.append(f"{label} {sparkline([None if v is None else float(v) for v in values])} {last}")
        lines.append(_("{channel} per week: {figures}").format(channel=literal(channel), figures=" · ".join(parts)))
    return lines


def _figures_line(posts: int, reach: float | None, engagement: float | None) -> Text:
    """ "77 published · reach 59.2 % of followers · engagement 6.7 % of reach", numbers in bold."""
    line = _("{posts} published · reach {reach} of followers · engagement {engagement} of reach")
    text = Text()
    for part in re.split(r"(\{\w+\})", line):
        value = {"{posts}": str(posts), "{reach}": pct(reach), "{engagement}": pct(engagement)}.get(part)
        text.append(value if value is not None else part, style="bold" if value is not None else "")
    return text


def next_same_weekday(original: dt.date, today: dt.date) -> dt.date:
    """The first day after today on the original's weekday: a reuse goes into the coming plan."""
    return today + dt.timedelta(days=(original.weekday() - today.weekday() - 1) % 7 + 1)
