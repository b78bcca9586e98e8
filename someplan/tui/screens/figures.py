"""The figures view: reach and engagement rates over the weeks, by category and by channel, the
best and the weakest posts, and what is worth reusing (one key plans it again).

Full screen, opened with `F` from the planner. Rates are means of per-post rates; the engagement
numerator per network is shown under the tables. Trends are sparklines of the weekly averages
(▁ lowest … █ highest of that row; · a week without the rate).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from someplan.domain.figures_stats import GroupFigures, RatedPost
from someplan.services import planning
from someplan.services.figures_report import FiguresReport, figures_report
from someplan.store.problems import WorkspaceError
from someplan.textsafe import literal

PERIODS = (4, 8, 12, 26, 52)
BARS = "▁▂▃▄▅▆▇█"
TOP = 5


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} %"


def sparkline(values: list[float | None]) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "·" * len(values)
    low, high = min(present), max(present)
    span = (high - low) or 1.0
    return "".join("·" if v is None else BARS[round((v - low) / span * (len(BARS) - 1))] for v in values)


class FiguresScreen(Screen):
    CSS_PATH = "../figures.tcss"  # beside app.tcss, shipped with it
    BINDINGS = [
        Binding("escape,f", "close", "Back", id="figures.close"),
        Binding("r", "reuse", "Reuse selected", id="figures.reuse"),
        Binding("left_square_bracket", "period(-1)", "Fewer weeks", id="figures.fewer_weeks"),
        Binding("right_square_bracket", "period(1)", "More weeks", id="figures.more_weeks"),
    ]

    def __init__(self, weeks: int = 8) -> None:
        super().__init__()
        self.weeks = weeks
        self.report: FiguresReport | None = None

    def compose(self):
        yield Static(id="figures-heading", markup=False)
        with Horizontal(id="figures-groups"):
            yield DataTable(id="figures-by-category", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="figures-by-channel", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="figures-posts"):
            with Vertical(id="figures-ranked"):
                yield DataTable(id="figures-top", cursor_type="row")
                yield DataTable(id="figures-bottom", cursor_type="row")
            yield DataTable(id="figures-reuse", cursor_type="row")
        yield Static(id="figures-notes", markup=False)
        yield Footer()

    @property
    def catalog(self):
        return self.app.catalog

    def on_mount(self) -> None:
        self.query_one("#figures-by-category").border_title = "By category"
        self.query_one("#figures-by-channel").border_title = "By channel"
        self.query_one("#figures-top").border_title = f"Top {TOP} (engagement rate)"
        self.query_one("#figures-bottom").border_title = f"Bottom {TOP}"
        self.query_one("#figures-reuse").border_title = "Reuse candidates · r plans one again"
        self.show()
        self.query_one("#figures-reuse", DataTable).focus()

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < 100 or event.size.height < 30, "narrow")

    # -- drawing ---------------------------------------------------------------------------------

    def show(self) -> None:
        self.report = report = figures_report(self.catalog, self.app.today, self.weeks)
        overall = report.overall()
        heading = Text.assemble(
            ("Key figures ", "bold"), f"{report.first:%d.%m.%Y}–{report.last:%d.%m.%Y} ({self.weeks} weeks): ",
            (f"{overall.posts}", "bold"), " published · reach ", (pct(overall.reach_rate), "bold"),
            " of followers · engagement ", (pct(overall.engagement_rate), "bold"), " of reach",
        )  # fmt: skip
        self.query_one("#figures-heading", Static).update(heading)
        self._groups("#figures-by-category", "category", "Category")
        self._groups("#figures-by-channel", "channel", "Channel")
        ranked = report.ranked()
        self._posts("#figures-top", ranked[:TOP])
        self._posts("#figures-bottom", list(reversed(ranked[-TOP:])) if len(ranked) > TOP else [])
        self._posts("#figures-reuse", list(report.reuse), dated=True)
        notes = Text("Engagements: " + "; ".join(report.numerators) if report.numerators else "No figures yet: someplan import FILE", style="dim")
        if report.quartile is not None:
            notes.append(f"\nReuse: top quarter (engagement ≥ {pct(report.quartile)}), published over 8 weeks ago, not reused yet.", style="dim")
        self.query_one("#figures-notes", Static).update(notes)

    def _groups(self, selector: str, grouping: str, label: str) -> None:
        table = self.query_one(selector, DataTable)
        table.clear(columns=True)
        table.add_columns(label, "Posts", "Reach", "Trend", "Engagement", "Trend")
        trend = self.report.trend(grouping)
        for group in self.report.by(grouping):
            weeks: list[GroupFigures] = trend.get(group.name, [])
            table.add_row(
                Text(literal(group.name)), str(group.posts), pct(group.reach_rate),
                Text(sparkline([w.reach_rate for w in weeks]), style="cyan"), pct(group.engagement_rate),
                Text(sparkline([w.engagement_rate for w in weeks]), style="green"),
            )  # fmt: skip

    def _posts(self, selector: str, posts: list[RatedPost], dated: bool = False) -> None:
        table = self.query_one(selector, DataTable)
        table.clear(columns=True)
        table.add_columns("Engagement", "Reach", "Date", "Channel", "Title")
        for item in posts:
            table.add_row(
                pct(item.engagement_rate), pct(item.reach_rate), f"{item.post.date:%d.%m.%y}", Text(literal(item.channel)),
                Text(literal(item.post.title)[:60]), key=item.post.id,
            )  # fmt: skip

    # -- actions ---------------------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_period(self, step: int) -> None:
        index = PERIODS.index(self.weeks) if self.weeks in PERIODS else 1
        self.weeks = PERIODS[max(0, min(len(PERIODS) - 1, index + step))]
        self.show()

    def action_reuse(self) -> None:
        table = self.focused if isinstance(self.focused, DataTable) else self.query_one("#figures-reuse", DataTable)
        if table.row_count == 0 or table.id in ("figures-by-category", "figures-by-channel"):
            self.notify("Select a post in the lists below first", severity="warning")
            return
        post_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        original = self.catalog.post(post_id)
        day = next_same_weekday(original.date, self.app.today)
        copy = dataclasses.replace(original.reuse(), date=day)
        try:
            new_id = planning.add_post(self.catalog, copy)
        except (WorkspaceError, OSError) as error:
            self.notify(f"Not saved: {error}", severity="error", timeout=10, markup=False)
            return
        self.notify(f"Planned “{literal(original.title)}” again as a draft on {day:%d.%m.%Y}", markup=False)
        self.dismiss(new_id)


def next_same_weekday(original: dt.date, today: dt.date) -> dt.date:
    """The first day after today on the original's weekday: a reuse goes into the coming plan."""
    return today + dt.timedelta(days=(original.weekday() - today.weekday() - 1) % 7 + 1)
