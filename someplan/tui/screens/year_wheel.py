"""The year wheel (årshjul): the whole year at a glance, by ISO week or by month.

Full screen, opened with `w` from the planner (or "Year wheel" in the palette).

- By week (the default): one column per ISO week (52 or 53), with the months above, the week
  numbers, a heat strip of the posts planned in each week against the channels' weekly targets,
  the holidays (★), flag days (⚑) and observance days (•) of each week, and the campaigns
  (solid bars) and seasons (lines) in as many lanes as overlap. The selected week's days, marks
  and campaigns are spelled out below.
- By month (`m`): one row per month, one column per day, each day showing its mark or the
  number of posts planned, coloured by the campaign it lies in.

Keys: arrows (or hjkl) move, `[`/`]` change the year, `enter` shows the selected week in the week
plan, `n`/`e`/`d` add, edit and delete a campaign (`c` picks among several in one week), `u`
undoes (the planner's undo: one stack), `esc` goes back. A week column is 1–3 characters wide,
so the whole year fits from 80 columns up.
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

from someplan.tui.footer import Footer
from someplan.domain.event import Event, EventKind
from someplan.domain.norwegian_calendar import kinds_by_name
from someplan.domain.weeks import PLAN_YEARS, IsoWeek, day_label, month_name, range_label, week_label, week_word, weekday_name, weeks_in_year
from someplan.domain.year_wheel import HEAT_LEVELS, Span, YearWheel
from someplan.i18n import N_, _, language, ngettext, pgettext
from someplan.services import campaigns as campaign_service
from someplan.services.calendar_data import calendar_problems
from someplan.services.errors import UserError
from someplan.services.year_wheel import build_year_wheel
from someplan.store.problems import WorkspaceError
from someplan.textsafe import literal
from someplan.tui.screens.campaign_editor import CampaignEditor
from someplan.tui.screens.dialogs import Confirm

# The palette command (app.py lists it with the others).
GLYPHS = {"holiday": "★", "flag_day": "⚑", "observance": "•"}
MARK_STYLE = {"holiday": "bold #e5484d", "flag_day": "bold #3e8ee8", "observance": "#d9a400"}
HEAT_GLYPHS = ("·", "▂", "▄", "▆", "█")
HEAT_STYLE = ("dim", "#c99a2e", "#c99a2e", "#3fb950", "#e5534b")
SPAN_COLOURS = ("#8250df", "#1f6feb", "#1a7f37", "#bc4c00", "#bf3989", "#0a7e8c", "#9a6700", "#57606a")
KIND_ORDER = ("holiday", "flag_day", "observance")
assert len(HEAT_GLYPHS) == HEAT_LEVELS

WEEK_LABEL_WIDTH = 10
MONTH_LABEL_WIDTH = 9


def mark_kind_word(kind: str) -> str:
    if kind == "holiday":
        return pgettext("calendar day", "holiday")
    if kind == "flag_day":
        return pgettext("calendar day", "flag day")
    return pgettext("calendar day", "observance day")


def span_colour(wheel: YearWheel, span: Span) -> str:
    return SPAN_COLOURS[wheel.spans.index(span) % len(SPAN_COLOURS)]


def strongest(marks) -> list[str]:
    """The kinds among `marks`, holiday first."""
    kinds = {mark.kind for mark in marks}
    return [kind for kind in KIND_ORDER if kind in kinds]


class Canvas:
    """One line of fixed width: text put at columns, each character with its style."""

    def __init__(self, width: int) -> None:
        self.chars = [" "] * width
        self.styles = [""] * width

    def put(self, col: int, text: str, style: str = "") -> None:
        for offset, char in enumerate(text):
            if 0 <= col + offset < len(self.chars):
                self.chars[col + offset] = char
                self.styles[col + offset] = style

    def free(self, col: int, length: int) -> bool:
        return col >= 0 and col + length <= len(self.chars) and all(c == " " for c in self.chars[col : col + length])

    def text(self) -> Text:
        line = Text(no_wrap=True, overflow="crop")
        start = 0
        for end in range(1, len(self.chars) + 1):  # one span per run of a style
            if end == len(self.chars) or self.styles[end] != self.styles[start]:
                line.append("".join(self.chars[start:end]), self.styles[start] or None)
                start = end
        return line


def _row(label: str, canvas: Canvas, width: int, style: str = "dim") -> Text:
    line = Text(label[: width - 1].ljust(width), style=style, no_wrap=True)
    line.append_text(canvas.text())
    return line


# -- by week -----------------------------------------------------------------------------------


def week_cell(width: int, weeks: int) -> int:
    return max(1, min(3, (width - WEEK_LABEL_WIDTH) // weeks))


def _week_numbered(number: int, cell: int) -> bool:
    if cell >= 3:
        return True
    step = 5 if cell == 2 else 10
    return number == 1 or number % step == 0


def weeks_lines(wheel: YearWheel, locale: str, width: int, cursor: int, selected: Span | None, today: dt.date) -> list[Text]:
    """The weeks view: months, week numbers, heat, marks, campaign lanes and the cursor."""
    count = len(wheel.weeks)
    cell = week_cell(width, count)
    grid = count * cell
    lines = []

    months = Canvas(grid)
    for month in range(1, 13):
        row = wheel.week_row(dt.date(wheel.year, month, 1))
        col = (row.week.week - 1) * cell if row else 0
        name = month_name(month, locale, short=True)
        if months.free(col, len(name) + (1 if col + len(name) < grid else 0)):
            months.put(col, name, "bold")
    lines.append(_row("", months, WEEK_LABEL_WIDTH))

    numbers = Canvas(grid)
    today_row = wheel.week_row(today)
    for index, row in enumerate(wheel.weeks):
        label = str(row.week.week)
        if (_week_numbered(row.week.week, cell) or row is today_row) and numbers.free(index * cell, len(label)):
            numbers.put(index * cell, label, "bold underline" if row is today_row else "dim")
    lines.append(_row(week_word(locale), numbers, WEEK_LABEL_WIDTH))

    heat = Canvas(grid)
    for index, row in enumerate(wheel.weeks):
        style = HEAT_STYLE[row.heat] + (" reverse" if index == cursor else "")
        heat.put(index * cell, HEAT_GLYPHS[row.heat] * cell, style)
    lines.append(_row(pgettext("year wheel row", "posts"), heat, WEEK_LABEL_WIDTH))

    marks = Canvas(grid)
    for index, row in enumerate(wheel.weeks):
        for offset, kind in enumerate(strongest(row.marks)[:cell]):
            marks.put(index * cell + offset, GLYPHS[kind], MARK_STYLE[kind])
    lines.append(_row(pgettext("year wheel row", "days"), marks, WEEK_LABEL_WIDTH))

    for lane in range(wheel.lanes):
        bars = Canvas(grid)
        lane_spans = [s for s in wheel.spans if s.lane == lane]
        placed = []
        for span in lane_spans:
            first, last = _week_index(wheel, span.first, 0), _week_index(wheel, span.last, count - 1)
            col, length = first * cell, (last - first + 1) * cell
            bars.put(col, _bar_text(span, length), _bar_style(wheel, span, span is selected))
            placed.append((span, col, col + length, len(literal(span.event.title)) + 1 > length))
        for span, start, end, cut in placed:  # a title too long for its bar goes beside it, where there is room
            title = literal(span.event.title)
            style = span_colour(wheel, span) + (" reverse" if span is selected else "")
            if cut and bars.free(end, len(title) + 2):
                bars.put(end + 1, title, style)
            elif cut and bars.free(start - len(title) - 2, len(title) + 2):
                bars.put(start - len(title) - 1, title, style)
        label = pgettext("year wheel row", "campaigns") if lane == 0 else ""
        lines.append(_row(label, bars, WEEK_LABEL_WIDTH))
    if not wheel.spans:
        empty = Canvas(grid)
        empty.put(0, _("none yet · n adds one"), "dim")
        lines.append(_row(pgettext("year wheel row", "campaigns"), empty, WEEK_LABEL_WIDTH))

    pointer = Canvas(grid)
    col = cursor * cell + (cell - 1) // 2
    tag = f"{week_word(locale)} {wheel.weeks[cursor].week.week}"
    pointer.put(col, "▲", "bold")
    if col + 2 + len(tag) <= grid:
        pointer.put(col + 2, tag, "bold")
    else:
        pointer.put(col - 1 - len(tag), tag, "bold")
    lines.append(_row("", pointer, WEEK_LABEL_WIDTH))
    return lines


def _week_index(wheel: YearWheel, day: dt.date, outside: int) -> int:
    row = wheel.week_row(day)
    return row.week.week - 1 if row else outside


def _bar_text(span: Span, length: int) -> str:
    title = literal(span.event.title)
    if span.event.kind is EventKind.SEASON:
        body = f"━ {title} " if length > 3 else ""
        text = (body[:length]).ljust(length, "━")
    else:
        text = (f" {title}" if length > 2 else title)[:length].ljust(length)
    if span.cut_before:
        text = "◂" + text[1:]
    if span.cut_after:
        text = text[:-1] + "▸"
    return text


def _bar_style(wheel: YearWheel, span: Span, selected: bool) -> str:
    colour = span_colour(wheel, span)
    style = f"bold {colour}" if span.event.kind is EventKind.SEASON else f"bold #ffffff on {colour}"
    return style + (" reverse" if selected else "")


# -- by month ----------------------------------------------------------------------------------


def month_cell(width: int) -> int:
    return max(2, min(3, (width - MONTH_LABEL_WIDTH) // 31))


def months_lines(wheel: YearWheel, locale: str, width: int, cursor: dt.date, selected: Span | None, today: dt.date) -> list[Text]:
    """The months view: a row per month, a column per day."""
    cell = month_cell(width)
    grid = 31 * cell
    header = Canvas(grid)
    for day in range(1, 32):
        if cell >= 3 or day == 1 or day % 5 == 0:
            header.put((day - 1) * cell + cell - 1 - len(str(day)), str(day), "dim")
    lines = [_row("", header, MONTH_LABEL_WIDTH)]
    for month in wheel.months:
        row = Canvas(grid)
        for number in range(1, month.last.day + 1):
            day = dt.date(wheel.year, month.month, number)
            glyph, style = _day_glyph(wheel, day)
            covering = [s for s in wheel.spans if s.covers(day)]
            span = selected if selected in covering else (covering[-1] if covering else None)
            if span is not None:
                style = f"{style.replace('dim', '')} #ffffff on {span_colour(wheel, span)}".strip()
                if span.event.kind is EventKind.SEASON:
                    style += " italic"
            if day == today:
                style += " underline"
            if day == cursor:
                style += " reverse bold"
            row.put((number - 1) * cell, glyph.rjust(cell - 1) + " ", style.strip())
        label = f"{month_name(month.month, locale, short=True):<4}{month.posts:>3}"
        lines.append(_row(label, row, MONTH_LABEL_WIDTH, style="bold" if month.month == cursor.month else "dim"))
    return lines


def _day_glyph(wheel: YearWheel, day: dt.date) -> tuple[str, str]:
    kinds = strongest(wheel.marks_on(day))
    if kinds:
        return GLYPHS[kinds[0]], MARK_STYLE[kinds[0]]
    posts = wheel.posts_by_day.get(day, 0)
    if posts:
        return (str(posts) if posts < 10 else "+"), ""
    return "·", "dim"


# -- what the selection holds ------------------------------------------------------------------


def _marks_text(marks, locale: str) -> Text:
    """ "★ ⚑ Grunnlovsdag (holiday, flag day), …": a name once, with every kind it has."""
    text = Text()
    for name, kinds in kinds_by_name(marks).items():
        if text:
            text.append(", ")
        for kind in kinds:
            text.append(GLYPHS[kind] + " ", MARK_STYLE[kind])
        text.append(literal(name))
        text.append(f" ({', '.join(mark_kind_word(kind) for kind in kinds)})", "dim")
    return text


def campaigns_text(wheel: YearWheel, spans: list[Span], selected: Span | None, locale: str) -> Text:
    text = Text.assemble((pgettext("year wheel", "Campaigns: "), "bold"))
    if not spans:
        text.append(_("none yet · n adds one"), "dim")
        return text
    for index, span in enumerate(spans):
        if index:
            text.append("  ·  ")
        event = span.event
        text.append("▸ " if span is selected else "  ", "bold")
        text.append(literal(event.title), f"bold {span_colour(wheel, span)}" + (" underline" if span is selected else ""))
        text.append(f" ({campaign_service.kind_label(event.kind)}, {range_label(event.start, event.end, locale)})", "dim")
    if selected is not None and selected.event.notes.strip():
        text.append("\n  ")
        text.append(literal(selected.event.notes.strip().splitlines()[0]), "italic")
    return text


def _planned(posts: int, target: float) -> str:
    text = ngettext("{n} post planned", "{n} posts planned", posts).format(n=posts)
    if target:
        text += " · " + _("target {target}").format(target=round(target))
    return text


def week_details(wheel: YearWheel, index: int, selected: Span | None, locale: str, today: dt.date) -> Text:
    row = wheel.weeks[index]
    text = Text.assemble((week_label(row.week, locale), "bold"), "  ", (_planned(row.posts, wheel.target), "dim"), "\n")
    text.append_text(campaigns_text(wheel, wheel.spans_between(row.first, row.last), selected, locale))
    for day in row.week.dates():
        posts = wheel.posts_by_day.get(day, 0)
        label = f"{weekday_name(day, locale, short=True)} {day_label(day, locale, weekday=None)}"
        text.append("\n")
        text.append(f"{label:<12}", "bold reverse" if day == today else "bold")
        if posts:
            word = pgettext("year wheel", "post") if posts == 1 else pgettext("year wheel", "posts")
            text.append(f"{posts:>3} {word:<9}")
        else:
            text.append(f"{'·':>3} {'':<9}", "dim")
        text.append_text(_marks_text(wheel.marks_on(day), locale))
    text.append("\n\n")
    text.append_text(year_campaigns_text(wheel, selected, locale))
    return text


def year_campaigns_text(wheel: YearWheel, selected: Span | None, locale: str) -> Text:
    """Every campaign and season of the year, one a line: the names a narrow bar cannot hold."""
    text = Text(pgettext("year wheel", "Campaigns and seasons this year"), style="bold")
    if not wheel.spans:
        text.append("\n  ")
        text.append(_("none yet · n adds one"), "dim")
    for span in wheel.spans:
        event = span.event
        weeks = weeks_text(event.start, event.end, locale)
        text.append("\n")
        text.append("▸ " if span is selected else "  ", "bold")
        text.append("■ ", span_colour(wheel, span))
        text.append(literal(event.title), "bold" if span is selected else "")
        text.append(f"  {campaign_service.kind_label(event.kind)} · {range_label(event.start, event.end, locale)} · {weeks}", "dim")
    return text


def month_details(wheel: YearWheel, day: dt.date, selected: Span | None, locale: str) -> Text:
    month = wheel.months[day.month - 1]
    week = IsoWeek.of(day)
    text = Text.assemble(
        (day_label(day, locale, weekday="long", year=True), "bold"), "  ·  ", week_label(week, locale), "  ",
        (_planned(wheel.posts_by_day.get(day, 0), 0), "dim"),
    )  # fmt: skip
    marks = wheel.marks_on(day)
    if marks:
        text.append("\n")
        text.append_text(_marks_text(marks, locale))
    text.append("\n")
    text.append_text(campaigns_text(wheel, [s for s in wheel.spans if s.covers(day)], selected, locale))
    name = month_name(month.month, locale)
    text.append("\n")
    month_target = wheel.target * ((month.last - month.first).days + 1) / 7
    text.append(f"{name[:1].upper()}{name[1:]}: ", "bold")
    text.append(_planned(month.posts, month_target), "dim")
    if month.marks:
        text.append("\n")
        text.append(_("Holidays and special days: "), "bold")
        seen = []
        for mark in month.marks:
            if mark.name not in seen:
                seen.append(mark.name)
                if len(seen) > 1:
                    text.append(" · ")
                text.append(f"{mark.date.day}. " if locale == "nb" else f"{mark.date.day} ", "dim")
                text.append(GLYPHS[mark.kind] + " ", MARK_STYLE[mark.kind])
                text.append(literal(mark.name))
    return text


def weeks_text(first: dt.date, last: dt.date, locale: str) -> str:
    """ "uke 46–51" / "week 46–51", "uke 40", across New Year "uke 49–13"."""
    a, b = IsoWeek.of(first).week, IsoWeek.of(last).week
    return f"{week_word(locale)} {a}" if IsoWeek.of(first) == IsoWeek.of(last) else f"{week_word(locale)} {a}–{b}"


def legend(mode: str, target: int) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    for kind in KIND_ORDER:
        text.append(GLYPHS[kind] + " ", MARK_STYLE[kind])
        text.append(mark_kind_word(kind) + "  ", "dim")
    if mode == "weeks":
        for level in range(HEAT_LEVELS):
            text.append(HEAT_GLYPHS[level], HEAT_STYLE[level])
        text.append(" " + (_("posts against the weekly target") if target else _("posts against the busiest week")), "dim")
    else:
        text.append(_("a number: posts that day · colour: the campaign"), "dim")
    return text


# -- the screen --------------------------------------------------------------------------------


class WheelGrid(Widget):
    """The year as lines of characters, drawn for the width it gets."""

    DEFAULT_CSS = "WheelGrid { height: auto; }"
    _drawn: tuple = (None, None)  # (what it was drawn for, the lines)

    def render(self) -> Text:
        width = self.content_size.width or self.size.width
        key = (width, self.screen.drawn_state())
        if self._drawn[0] != key:  # measured for the height, then drawn: once
            self._drawn = (key, Text("\n", no_wrap=True).join(self.screen.grid_lines(width)))
        return self._drawn[1]


class YearWheelScreen(Screen[dt.date | None]):
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
            row = wheel.week_row(self.day)
            return wheel.spans_between(row.first, row.last)
        return [s for s in wheel.spans if s.covers(self.day)]

    def drawn_state(self) -> tuple:
        """What the grid shows depends on, besides its width."""
        self.wheel  # built first: the key below names the wheel it is drawn from
        return (self._built_for, self.mode, self.day, self.campaign_id)

    def grid_lines(self, width: int) -> list[Text]:
        wheel, locale = self.wheel, language()
        if self.mode == "weeks":
            cursor = wheel.week_row(self.day).week.week - 1
            return weeks_lines(wheel, locale, width, cursor, self.selected_span(), self.today)
        return months_lines(wheel, locale, width, self.day, self.selected_span(), self.today)

    def show(self) -> None:
        wheel, locale = self.wheel, language()
        selected = self.selected_span()
        self.campaign_id = selected.event.id if selected else None
        total = sum(row.posts for row in wheel.weeks)
        header = Text.assemble((_("Year wheel {year}").format(year=wheel.year), "bold"), "  ·  ")
        header.append(_("{n} ISO weeks").format(n=len(wheel.weeks)) + "  ·  ")
        header.append(_planned(total, 0))
        if wheel.target:
            header.append("  ·  " + _("target {target} a week").format(target=wheel.target))
        header.append("  ·  ")
        header.append(_("by week (m: by month)") if self.mode == "weeks" else _("by month (m: by week)"), "dim")
        self.query_one("#wheel-header", Static).update(header)
        self.query_one(WheelGrid).refresh(layout=True)
        self.query_one("#wheel-legend", Static).update(legend(self.mode, wheel.target))
        if self.mode == "weeks":
            details = week_details(wheel, wheel.week_row(self.day).week.week - 1, selected, locale, self.today)
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
        try:
            return action(self.catalog, *args)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
        except (WorkspaceError, OSError) as error:
            self.notify(_("The campaign was not saved: {error}").format(error=error), severity="error", timeout=10, markup=False)
        return None

    def action_add(self) -> None:
        start = self.wheel.week_row(self.day).week.monday if self.mode == "weeks" else self.day
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
        return self.day if any(s.event.id == event.id for s in self.spans_here()) else event.start

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
            title=literal(event.title), dates=range_label(event.start, event.end, language())
        )
        self.app.push_screen(Confirm(question), answered)

    def action_undo(self) -> None:
        if self._undo is None:
            return
        self._undo()
        self.show()
