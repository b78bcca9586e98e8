"""The year wheel (årshjul): the whole year at a glance, by ISO week or by month.

Full screen, opened with `w` from the planner (or "Year wheel" in the palette).

- By week (the default): one column per ISO week (52 or 53), with the months above, the week
  numbers, a heat strip of the posts planned in each week against the channels' weekly targets,
  the holidays (★), flag days (⚑) and observance days (•) of each week, and the campaigns
  (solid bars) and seasons (lines) in as many lanes as overlap. The selected week's days, marks
  and campaigns are spelled out below.
- By month (`m`): one row per month, one column per day, each day showing its mark and the
  number of posts planned, coloured by the campaign it lies in.

Keys: arrows (or hjkl) move, `[`/`]` change the year, `enter` shows the selected week in the week
plan, `n`/`e`/`d` add, edit and delete a campaign (`c` picks among several in one week), `u`
undoes (the planner's undo: one stack), `esc` goes back. What it draws is in
tui/year_wheel_render.py; this screen holds the state and the keys.
"""

from __future__ import annotations

import calendar
import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from someplan.domain.capacity import Capacity
from someplan.domain.event import Event, EventKind
from someplan.domain.weeks import PLAN_YEARS, IsoWeek, range_label, weeks_in_year
from someplan.domain.year_wheel import Span, WheelWeek, YearWheel
from someplan.i18n import N_, _, language
from someplan.services import campaigns as campaign_service
from someplan.services.calendar_data import calendar_problems
from someplan.services.capacity import capacities
from someplan.services.year_wheel import build_year_wheel
from someplan.textsafe import literal
from someplan.tui.footer import Footer
from someplan.tui.screens.campaign_editor import CampaignEditor
from someplan.tui.screens.dialogs import Confirm
from someplan.tui.screens.paint_first import PaintsFirst
from someplan.tui.write_guard import attempt
from someplan.tui.year_wheel_render import header_text, legend, month_details, months_lines, week_details, weeks_lines

# -- the screen --------------------------------------------------------------------------------


class WheelGrid(Widget):
    """The year as lines of characters, drawn for the width it gets."""

    DEFAULT_CSS = "WheelGrid { height: auto; }"
    _drawn: tuple[object, Text] = (None, Text())  # (what it was drawn for, the lines); None: not drawn yet

    def render(self) -> Text:
        width = self.content_size.width or self.size.width
        screen = self.screen
        assert isinstance(screen, YearWheelScreen)  # the grid is part of that screen only
        key = (width, screen.drawn_state())
        if self._drawn[0] != key:  # measured for the height, then drawn: once
            self._drawn = (key, Text("\n", no_wrap=True).join(screen.grid_lines(width)))
        return self._drawn[1]


class YearWheelScreen(PaintsFirst, Screen[dt.date | None]):
    """Returns the day whose week the planner should show (enter), or None (esc)."""

    CSS_PATH = "../year_wheel.tcss"  # beside app.tcss, shipped with it
    BINDINGS = [
        Binding("escape,q", "close", N_("Back to the week plan"), id="wheel.close"),
        Binding("enter", "open_week", N_("Show the week"), id="wheel.open_week"),
        Binding("left_square_bracket", "year(-1)", N_("Previous year"), id="wheel.prev_year"),
        Binding("right_square_bracket", "year(1)", N_("Next year"), id="wheel.next_year"),
        Binding("m", "toggle_view", N_("Weeks or months"), id="wheel.toggle_view"),
        Binding("n", "add", N_("New campaign"), id="wheel.add"),
        Binding("e", "edit", N_("Edit campaign"), id="wheel.edit"),
        Binding("d", "remove", N_("Delete campaign"), id="wheel.remove"),
        # Shown in help (?), not in the footer: a footer key costs a few ms each time the wheel opens.
        Binding("c", "next_campaign(1)", N_("Next campaign here"), show=False, id="wheel.next_campaign"),
        Binding("u", "undo", N_("Undo the last change"), show=False, id="wheel.undo"),
        Binding("t", "today", N_("Back to today"), show=False, id="wheel.today"),
        Binding("left,h", "move(-1)", N_("Earlier"), show=False, id="wheel.earlier"),
        Binding("right,l", "move(1)", N_("Later"), show=False, id="wheel.later"),
        Binding("up,k", "vertical(-1)", N_("Up: campaign or month"), show=False, id="wheel.up"),
        Binding("down,j", "vertical(1)", N_("Down: campaign or month"), show=False, id="wheel.down"),
        Binding("pageup", "scroll_details(-1)", show=False, id="wheel.details_up"),
        Binding("pagedown", "scroll_details(1)", show=False, id="wheel.details_down"),
    ]

    def __init__(self, day: dt.date, today: dt.date, undo_stack=None, undo=None) -> None:
        super().__init__()
        self.day = day
        self.today = today
        self.mode = "weeks"
        self.campaign_id: str | None = None
        self.undo_stack = undo_stack
        self._undo = undo
        self._wheel: YearWheel | None = None
        self._built_for: tuple | None = None
        self._capacity: tuple[tuple | None, dict[IsoWeek, Capacity]] = (None, {})

    def compose(self):
        yield Static(id="wheel-header", markup=False)
        yield WheelGrid(id="wheel-grid")
        yield Static(id="wheel-legend", markup=False)
        with VerticalScroll(id="wheel-details-scroll", can_focus=False):
            yield Static(id="wheel-details", markup=False)
        yield Footer()

    @property
    def catalog(self):
        return self.app.catalog

    @property
    def year(self) -> int:
        return self.day.isocalendar().year if self.mode == "weeks" else self.day.year

    @property
    def wheel(self) -> YearWheel:
        key = (self.year, language(), self.catalog.workspace.version)
        if self._wheel is None or self._built_for != key:
            self._wheel = build_year_wheel(self.catalog, self.year, language())
            self._built_for = key
        return self._wheel

    @property
    def capacity(self) -> dict[IsoWeek, Capacity]:
        """Each week's hours against the people's, built with the wheel (same key)."""
        _ = self.wheel
        if self._capacity[0] != self._built_for:
            self._capacity = (self._built_for, capacities(self.catalog, [row.week for row in self.wheel.weeks]))
        return self._capacity[1]

    def on_mount(self) -> None:
        self._fit(self.size.height)  # drawn when it shows (on_screen_resume), the first time too
        for problem in calendar_problems():
            self.notify(problem, severity="warning", timeout=10, markup=False)

    def on_resize(self, event) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        self.set_class(height < 30, "compact")  # no blank lines around the year on small screens

    def on_screen_resume(self) -> None:
        self.show()

    def retranslate(self) -> None:
        self.show()  # the wheel is built per language, so this draws it anew in the one spoken

    def on_workspace_changed(self, message) -> None:
        self.show()  # a colleague's campaign or post (the planner passes the news on)

    # -- drawing ---------------------------------------------------------------------------------

    def selected_span(self) -> Span | None:
        spans = self.spans_here()
        chosen = next((s for s in spans if s.event.id == self.campaign_id), None)
        return chosen or (spans[0] if spans else None)

    def spans_here(self) -> list[Span]:
        wheel = self.wheel
        if self.mode == "weeks":
            row = self._week_row()
            return wheel.spans_between(row.first, row.last)
        return [s for s in wheel.spans if s.covers(self.day)]

    def _week_row(self) -> WheelWeek:
        row = self.wheel.week_row(self.day)
        assert row is not None  # the cursor stays on a day of the wheel's year
        return row

    def drawn_state(self) -> tuple[object, ...]:
        """What the grid shows depends on, besides its width."""
        _ = self.wheel  # built first: the key below names the wheel it is drawn from
        return (self._built_for, self.mode, self.day, self.campaign_id)

    def grid_lines(self, width: int) -> list[Text]:
        wheel, locale = self.wheel, language()
        if self.mode == "weeks":
            cursor = self._week_row().week.week - 1
            return weeks_lines(wheel, locale, width, cursor, self.selected_span(), self.today, self.capacity)
        return months_lines(wheel, locale, width, self.day, self.selected_span(), self.today)

    def show(self) -> None:
        wheel, locale = self.wheel, language()
        selected = self.selected_span()
        self.campaign_id = selected.event.id if selected else None
        self.query_one("#wheel-header", Static).update(header_text(wheel, self.mode))
        self.query_one(WheelGrid).refresh(layout=True)
        hours = any(c.available is not None for c in self.capacity.values())
        self.query_one("#wheel-legend", Static).update(legend(self.mode, wheel.target, hours))
        if self.mode == "weeks":
            details = week_details(wheel, self._week_row().week.week - 1, selected, locale, self.today, self.capacity)
        else:
            details = month_details(wheel, self.day, selected, locale)
        self.query_one("#wheel-details", Static).update(details)

    # -- moving ----------------------------------------------------------------------------------

    def _go(self, day: dt.date) -> None:
        if day.year not in PLAN_YEARS or day.isocalendar().year not in PLAN_YEARS:
            self.notify(_("That is outside the years someplan plans."), severity="warning")
            return
        self.day = day
        self.show()

    def action_move(self, step: int) -> None:
        self._go(self.day + dt.timedelta(days=7 * step if self.mode == "weeks" else step))

    def action_vertical(self, step: int) -> None:
        if self.mode == "weeks":
            self.action_next_campaign(step)
            return
        month = self.day.month - 1 + step
        year, month = self.day.year + month // 12, month % 12 + 1
        if year in PLAN_YEARS:
            self._go(dt.date(year, month, min(self.day.day, calendar.monthrange(year, month)[1])))

    def action_year(self, step: int) -> None:
        year = self.year + step
        if year not in PLAN_YEARS or year + 1 not in PLAN_YEARS or year - 1 not in PLAN_YEARS:
            self.notify(_("That is outside the years someplan plans."), severity="warning")
            return
        if self.mode == "weeks":
            iso = self.day.isocalendar()
            week = IsoWeek(year, min(iso.week, weeks_in_year(year)))
            self._go(week.monday + dt.timedelta(days=iso.weekday - 1))
        else:
            self._go(dt.date(year, self.day.month, min(self.day.day, calendar.monthrange(year, self.day.month)[1])))

    def action_today(self) -> None:
        self._go(self.today)

    def action_toggle_view(self) -> None:
        self.mode = "months" if self.mode == "weeks" else "weeks"
        self.show()

    def action_next_campaign(self, step: int) -> None:
        spans = self.spans_here()
        if len(spans) < 2:
            return
        current = self.selected_span()
        index = spans.index(current) if current in spans else 0
        self.campaign_id = spans[(index + step) % len(spans)].event.id
        self.show()

    def action_scroll_details(self, step: int) -> None:
        scroll = self.query_one("#wheel-details-scroll", VerticalScroll)
        scroll.scroll_page_down() if step > 0 else scroll.scroll_page_up()

    def action_open_week(self) -> None:
        self.dismiss(self.day)

    def action_close(self) -> None:
        self.dismiss(None)

    # -- campaigns -------------------------------------------------------------------------------

    def _remember(self, undo) -> None:
        """What undoes a change, on the planner's undo stack (one stack for all of the app)."""
        if self.undo_stack is not None:
            self.undo_stack.push(undo)

    def _write(self, action, *args):
        return attempt(self, action, self.catalog, *args)[1]

    def action_add(self) -> None:
        start = self._week_row().week.monday if self.mode == "weeks" else self.day
        end = start + dt.timedelta(days=6) if self.mode == "weeks" else start
        draft = Event(id="", start=start, end=end, kind=EventKind.CAMPAIGN)

        def saved(event: Event | None) -> None:
            if event is None:
                return
            done = self._write(campaign_service.add_campaign_with_undo, event)
            if done is not None:
                added, undo = done
                self._remember(undo)
                self.notify(_("Added “{title}” · u undoes").format(title=literal(added.title)), markup=False)
                self.campaign_id = added.id
                self._go(self._keep_in_view(added))

        self.app.push_screen(CampaignEditor(draft, self.today, is_new=True), saved)

    def _keep_in_view(self, event: Event) -> dt.date:
        """The cursor stays where it is when the campaign touches it, else goes to its start."""
        return self.day if any(s.event.id == event.id for s in self.spans_here()) else event.start or self.day

    def _selected_event(self) -> Event | None:
        span = self.selected_span()
        if span is None:
            self.notify(_("No campaign here · n adds one"), severity="warning")
            return None
        return span.event

    def action_edit(self) -> None:
        original = self._selected_event()
        if original is None:
            return

        def saved(event: Event | None) -> None:
            if event is None:
                return
            undo = self._write(campaign_service.save_campaign_with_undo, original, event)
            if undo:
                self._remember(undo)
                self.notify(_("Saved “{title}” · u undoes").format(title=literal(event.title)), markup=False)
                self._go(self._keep_in_view(event))

        self.app.push_screen(CampaignEditor(original, self.today, is_new=False), saved)

    def action_remove(self) -> None:
        event = self._selected_event()
        if event is None:
            return

        def answered(yes: bool | None) -> None:
            done = self._write(campaign_service.remove_campaign_with_undo, event.id) if yes else None
            if done is not None:
                self._remember(done[1])
                self.notify(_("Deleted “{title}” · u undoes").format(title=literal(event.title)), markup=False)
                self.campaign_id = None
                self.show()

        question = _("Delete the campaign “{title}” ({dates})?").format(
            title=literal(event.title),
            dates=range_label(event.start, event.end, language()) if event.start and event.end else "",  # on the wheel: dated
        )
        self.app.push_screen(Confirm(question), answered)

    def action_undo(self) -> None:
        if self._undo is None:
            return
        self._undo()
        self.show()
