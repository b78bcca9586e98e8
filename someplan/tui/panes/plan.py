"""The week plan: Monday to Sunday of one ISO week, every post under its day."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from someplan.i18n import N_, _, ngettext
from someplan.services.status import DayLine, PostLine, WeekLines
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.panes.base import Pane

STATUS_STYLE = {"idea": "dim", "draft": "yellow", "ready": "cyan", "scheduled": "bold blue", "published": "green"}


class PlanList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False, id="plan.down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="plan.up"),
    ]

    heading_of = None  # the pane's: the option index of the selected day's heading

    def on_show(self) -> None:
        # OptionList scrolls the least here (highlight on the bottom line); this comes after the
        # first layout, in either order with the pane's own call, so both frame the same way.
        self.frame_selection()

    def frame_selection(self) -> None:
        self.frame(self.heading_of() if self.heading_of else None)

    def frame(self, heading: int | None) -> None:
        """Scroll a week just drawn: from its top (Monday) when the selection shows from there,
        else with the selected day's heading (option `heading`) on top, else to the selection.

        OptionList by itself scrolls just far enough to show the highlight, which on a short
        pane put it on the bottom line: a Sunday selected hid Monday to Saturday and the
        Sunday's own heading and later posts alike."""
        selected = self.highlighted
        if selected is None or not self.is_mounted or not self.scrollable_content_region.height:
            return
        # Every option is one line (the pane's rows never wrap: `text-wrap: nowrap`, no
        # separators), so an option's index is its line.
        height = self.scrollable_content_region.height
        if selected + 1 <= height:
            self.scroll_to(y=0, animate=False, immediate=True)
        elif heading is not None and selected + 1 - heading <= height:
            self.scroll_to(y=heading, animate=False, immediate=True)
        else:
            self.scroll_to_highlight(top=True)


class WeekPlanPane(Pane):
    TITLE = N_("Week plan")
    NUMBER = 1
    BINDINGS = [
        Binding("left_square_bracket", "screen.prev_week", N_("Prev week"), id="plan.prev_week"),
        Binding("right_square_bracket", "screen.next_week", N_("Next week"), id="plan.next_week"),
        Binding("t", "screen.this_week", N_("This week"), id="plan.this_week"),
        Binding("g", "screen.go_to", N_("Go to"), id="plan.go_to"),
        Binding("n", "screen.new_post", N_("New"), id="plan.new_post"),
        Binding("e", "screen.edit_post", N_("Edit"), id="plan.edit_post"),
        Binding("d", "screen.delete_post", N_("Delete"), id="plan.delete_post"),
        Binding("u", "screen.undo", N_("Undo"), id="plan.undo"),
        Binding("H", "screen.move_post(-1)", N_("Move ←"), id="plan.move_earlier"),
        Binding("L", "screen.move_post(1)", N_("Move →"), id="plan.move_later"),
        Binding("y", "screen.duplicate_post", N_("Duplicate"), id="plan.duplicate"),
        Binding("space", "screen.advance_status", N_("Status →"), id="plan.advance_status"),
        Binding("shift+space,backspace", "screen.step_status_back", N_("Status ←"), id="plan.status_back", show=False),
        Binding("ctrl+f", "screen.filter", N_("Filter"), id="plan.filter"),
        Binding("escape", "screen.clear_filter", N_("Clear filter"), id="plan.clear_filter"),
        Binding("f", "screen.fill_week", N_("Fill week"), id="plan.fill_week"),
        Binding("c", "screen.copy_caption", N_("Copy caption"), id="plan.copy_caption"),
        Binding("o", "screen.open_asset", N_("Open asset"), id="plan.open_asset"),
        Binding("v", "screen.toggle_selection", N_("Select"), id="plan.select"),
        Binding("s", "screen.set_status", N_("Set status"), id="plan.set_status"),
        Binding("left,h", "day(-1)", N_("Prev day"), show=False, id="plan.prev_day"),
        Binding("right,l", "day(1)", N_("Next day"), show=False, id="plan.next_day"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.report: WeekLines | None = None
        self.query_text = ""  # the week filter as typed (screens/main_search.py sets it)
        self.filter_ids: set[str] | None = None  # the posts of the week it lets through
        self.marks: dict[str, int] = {}  # warnings per post id (screens/main_attention.py)
        self.selecting = False  # the selection mode (`v`, screens/main_acts.py)
        self.marked: set[str] = set()  # the post ids marked in it
        self._day_of: dict[str, dt.date] = {}  # option id -> the day it lies under
        self._drawn_wide = False  # the rows were drawn with the status word
        # The list's width before the first layout, from the screen's grid: the first frame's
        # rows drawn at the screen's width were drawn again once the layout had the real one.
        self.width_hint = 0

    def compose(self):
        yield Static(id="plan-summary", markup=False)
        listing = PlanList(id="plan-list", markup=False)
        listing.heading_of = self._heading_index
        yield listing

    @property
    def main(self) -> PlanList:
        return self.query_one(PlanList)

    # -- what is selected ------------------------------------------------------------------------

    @property
    def selected_post_id(self) -> str | None:
        option = self.main.highlighted_option
        return option.id.removeprefix("post:") if option and option.id and option.id.startswith("post:") else None

    @property
    def selected_day(self) -> dt.date | None:
        option = self.main.highlighted_option
        return self._day_of.get(option.id) if option and option.id else None

    # -- drawing ---------------------------------------------------------------------------------

    def show(self, report: WeekLines, keep: str | None = None, day: dt.date | None = None) -> None:
        """Draw a week; keep the cursor on post `keep`, else on `day`, else where it was."""
        previous = self.main.highlighted_option
        new_week = self.report is None or self.report.week != report.week
        self.report = report
        self._drawn_wide = self._row_width >= STATUS_WORD_FROM
        parts = [Text(literal(", ".join(report.campaigns)), style="magenta")] if report.campaigns else []
        for load in report.load:
            style = "green" if load.planned >= load.target else "yellow"
            parts.append(Text.assemble(literal(load.channel), " ", (f"{load.planned}/{load.target}", style)))
        self.border_title = f"{self.NUMBER} {_(self.TITLE)}"
        if self.query_text:  # on the border, where no width or scrolling can hide it
            self.border_title += " · " + _("filter: {words} (esc clears)").format(words=literal(self.query_text))
        if self.selecting:
            marked = _("selection: {count} marked · v ends").format(count=len(self.marked))
            parts.insert(0, Text(marked, style="reverse"))  # first: it changes what the keys do
        summary = Text("\u00a0·\u00a0").join(parts)  # no-break spaces: plain ones are trimmed at cut points
        self.query_one("#plan-summary", Static).update(summary)
        listing = self.main
        listing.clear_options()
        options = [option for day_line in report.days for option in self._day_options(day_line, report.today)]
        self._day_of = {option.id or "": day for option, day in options}  # every option here has an id
        listing.add_options([option for option, _ in options])
        # Its height now, not as it first draws (every option is one line): the first layout
        # knows whether the list needs its scrollbar (screens/first_layout.py).
        listing.virtual_size = Size(self._row_width, len(options))
        wanted = f"post:{keep}" if keep else None
        if wanted is None and day is not None:
            wanted = self._first_option_of(day)
        if wanted is None and previous is not None:
            wanted = previous.id
        self._move_to(wanted)
        if new_week:  # after the layout: on the first draw the list has no size yet
            self.call_after_refresh(self.main.frame_selection)

    @property
    def _row_width(self) -> int:
        """The columns a row has: the list's, else (before the first layout) what the screen
        expects the list to get, else the screen's width."""
        return self.main.scrollable_content_region.width or self.width_hint or self.app.size.width

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_rows)  # the list has its new size after this layout

    @property
    def fit_pending(self) -> bool:
        """The rows were drawn for a width the list no longer has (the first frame waits)."""
        return self.report is not None and (self._row_width >= STATUS_WORD_FROM) != self._drawn_wide

    def fit_rows(self) -> None:
        # Across the width where the status word comes or goes, draw the rows again.
        if self.fit_pending:
            assert self.report is not None
            self.show(self.report)
            self.call_after_refresh(self.main.frame_selection)

    def _heading_index(self) -> int | None:
        day = self.selected_day
        try:
            return self.main.get_option_index(f"day:{day.isoformat()}") if day else None
        except Exception:  # noqa: BLE001 - the day is not in the list (another week meanwhile)
            return None

    def _day_options(self, day: DayLine, today: dt.date) -> list[tuple[Option, dt.date]]:
        label = Text(labels.day(day.date, weekday="short"), style="bold")
        if day.date == today:
            label.stylize("reverse")
        if day.marks:
            label.append("  ★ " + literal(", ".join(day.marks)), style="yellow")
        options = [Option(label, id=f"day:{day.date.isoformat()}", disabled=True)]
        shown = self.filter_ids
        posts = [p for p in day.posts if p.id in shown] if shown is not None else list(day.posts)
        for post in posts:
            text = _post_text(post, self._row_width, self.marks.get(post.id, 0), post.id in self.marked)
            options.append(Option(text, id=f"post:{post.id}"))
        if not posts:
            hidden = len(day.posts)  # a filtered day is not an unplanned one: say so
            words = ngettext("({count} hidden by the filter)", "({count} hidden by the filter)", hidden).format(count=hidden)
            empty = words if hidden else _("(n: new post)")
            options.append(Option(Text("   —  " + empty, style="dim"), id=f"empty:{day.date.isoformat()}"))
        return [(option, day.date) for option in options]

    def _first_option_of(self, day: dt.date) -> str | None:
        for index in range(self.main.option_count):
            option = self.main.get_option_at_index(index)
            if not option.disabled and option.id and self._day_of.get(option.id) == day:
                return option.id
        return None

    def _move_to(self, option_id: str | None) -> None:
        listing = self.main
        if option_id is not None:
            try:
                listing.highlighted = listing.get_option_index(option_id)
                return
            except Exception:  # noqa: BLE001 - the option is gone (deleted, filtered, other week)
                pass
        if listing.option_count:
            listing.highlighted = 1  # the first selectable row, under Monday's heading

    def action_day(self, step: int) -> None:
        day = self.selected_day
        if day is None or self.report is None:
            return
        target = day + dt.timedelta(days=step)
        if target < self.report.week.monday or target > self.report.week.sunday:
            self.call_later(self.app.run_action, "screen.prev_week" if step < 0 else "screen.next_week")
            return
        self._move_to(self._first_option_of(target))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id and event.option_id.startswith("empty:"):
            self.call_later(self.app.run_action, "screen.new_post")
        else:
            self.call_later(self.app.run_action, "screen.edit_post")


# A glyph per status, so the title keeps the width; the word follows where the row has room.
STATUS_GLYPH = {"idea": "○", "draft": "◐", "ready": "●", "scheduled": "◆", "published": "✓"}
NETWORK_MARK = {"facebook": ("FB", "bold #4f8ff7"), "instagram": ("IG", "bold #e4407b"),
                "linkedin": ("LI", "bold #2fa4d9"), "tiktok": ("TT", "bold #1ec8c8")}  # fmt: skip
WORD_WIDTH = 9  # the longest status word in either language ("published", "publisert")
# Below this many columns a row shows the status as its glyph alone: the title keeps at least
# ~45 characters before the word may take ten of them.
STATUS_WORD_FROM = 70


def channel_mark(post: PostLine) -> tuple[str, str]:
    """Two letters and a colour: FB IG LI TT for the networks we know, else the channel's initials."""
    if post.network in NETWORK_MARK:
        return NETWORK_MARK[post.network]
    letters = "".join(ch for ch in literal(post.channel) if ch.isalnum())[:2].upper()
    return (letters or "–").ljust(2), "bold"


def _post_text(post: PostLine, width: int = 0, warnings: int = 0, marked: bool = False) -> Text:
    text = Text()
    if marked:  # the selection mode's mark (screens/main_acts.py) outranks a warning while it lasts
        text.append(" ✓ ", style="bold reverse")
    else:
        text.append(" ! " if warnings else "   ", style="bold yellow")  # needs attention (screens/main_attention.py)
    text.append(f"{post.time or '  ·  '} ")
    style = STATUS_STYLE.get(post.status, "")
    text.append(STATUS_GLYPH.get(post.status, "?") + " ", style=style)
    if width >= STATUS_WORD_FROM:
        text.append(f"{labels.status(post.status):<{WORD_WIDTH}} ", style=style)
    mark, mark_style = channel_mark(post)
    text.append(mark + " ", style=mark_style)
    text.append("■ ", style=post.colour or "white")
    text.append(literal(post.title))
    return text
