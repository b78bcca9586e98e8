"""The mix and hours view (`M`): a week's, month's or year's formats, surfaces and purposes
against the target mix, the hours its weeks need against the hours there are, the rates of its
published posts by format and surface, and earned content whose permission needs the user.
Read only: targets and hours are set on the command line (`someplan mix --target`, `someplan
people edit --hours`); `O`/`X` in the week plan set a post's format and surface."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from someplan.i18n import N_, _, ngettext
from someplan.services.capacity import capacities
from someplan.services.earned import permission_warnings
from someplan.services.mix import MixPeriod, mix_for, period_of, rates_by
from someplan.tui.footer import Footer
from someplan.tui.mix_render import earned_text, hours_text, mix_text, rates_text
from someplan.tui.planner_app import planner_app


class MixScreen(Screen):
    CSS_PATH = "../mix.tcss"  # beside app.tcss, shipped with it
    BINDINGS = [
        Binding("escape,M", "close", N_("Back"), id="mix.close"),
        Binding("w", "period('week')", N_("Week"), id="mix.week"),
        Binding("m", "period('month')", N_("Month"), id="mix.month"),
        Binding("y", "period('year')", N_("Year"), id="mix.year"),
        Binding("left_square_bracket", "step(-1)", N_("Previous"), id="mix.previous"),
        Binding("right_square_bracket", "step(1)", N_("Next"), id="mix.next"),
        Binding("t", "today", N_("Today"), show=False, id="mix.today"),
    ]

    def __init__(self, day: dt.date, kind: str = "month") -> None:
        super().__init__()
        self.period: MixPeriod = period_of(kind, day)

    def compose(self):
        yield Static(id="mix-heading", markup=False)
        with VerticalScroll(id="mix-body"):
            yield Static(id="mix-shares", markup=False)
            yield Static(id="mix-hours", markup=False)
            yield Static(id="mix-rates", markup=False)
            yield Static(id="mix-earned", markup=False)
        yield Footer()

    @property
    def catalog(self):
        return planner_app(self).catalog

    def on_mount(self) -> None:
        self.show()

    def retranslate(self) -> None:
        self.show()

    def on_workspace_changed(self, message) -> None:
        self.show()

    def show(self) -> None:
        period, today = self.period, planner_app(self).today
        mix = mix_for(self.catalog, period)
        posts = ngettext("{count} post", "{count} posts", mix.posts).format(count=mix.posts)
        heading = Text.assemble((_("Mix and hours") + " · ", "bold"), (period.label(), "bold cyan"), f" · {posts}")
        self.query_one("#mix-heading", Static).update(heading)
        self.query_one("#mix-shares", Static).update(mix_text(period, mix, self.size.width or 80))
        self.query_one("#mix-hours", Static).update(hours_text(period, capacities(self.catalog, period.weeks())))
        self.query_one("#mix-rates", Static).update(rates_text(rates_by(self.catalog, period)))
        self.query_one("#mix-earned", Static).update(earned_text(permission_warnings(self.catalog, today)))

    def action_period(self, kind: str) -> None:
        self.period = period_of(kind, self._anchor())
        self.show()

    def _anchor(self) -> dt.date:
        """The day the new period is taken around: today when it lies in the one shown."""
        today = planner_app(self).today
        return today if self.period.first <= today <= self.period.last else self.period.first

    def action_step(self, steps: int) -> None:
        self.period = self.period.step(steps)
        self.show()

    def action_today(self) -> None:
        self.period = period_of(self.period.kind, planner_app(self).today)
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)

