"""The rotation's proposal as a preview: accept, reject or change each line, then write.

Nothing is written until ctrl+s, and then the accepted lines are one batch. A line changed to a
day and channel that would go over the channel's weekly target is marked, not refused: the
target is the user's, and so is the call to go over it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Select, Static

from someplan.domain.rotation_plan import Proposal, RotationPlan, Standing
from someplan.domain.weeks import IsoWeek, week_word
from someplan.i18n import N_, _, language, ngettext
from someplan.services.capacity import FillLoad
from someplan.services.errors import UserError
from someplan.services.user_input import parse_date, parse_time
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.language import Caption
from someplan.tui.screens.dialogs import form_field

REASON_STYLE = {Standing.OVERDUE: "bold red", Standing.DUE: "yellow", Standing.AHEAD: "green"}


@dataclasses.dataclass
class Line:
    proposal: Proposal
    accepted: bool = True
    changed: bool = False


class FillPreview(ModalScreen[list[Proposal] | None]):
    BINDINGS = [
        Binding("space", "toggle_line", N_("Accept/reject"), id="fill.toggle"),
        Binding("e,enter", "change", N_("Change"), id="fill.change"),
        Binding("a", "all(True)", N_("Accept all"), id="fill.accept_all"),
        Binding("r", "all(False)", N_("Reject all"), id="fill.reject_all"),
        Binding("ctrl+s", "write", N_("Write accepted"), id="fill.write", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="fill.cancel"),
    ]

    def __init__(self, title: str, plan: RotationPlan, catalog, today: dt.date, holidays=frozenset()) -> None:
        super().__init__()
        self.title_text, self.plan, self.catalog, self.today = title, plan, catalog, today
        self.holidays = holidays
        self.lines = [Line(p) for p in plan.proposals]
        self.categories = {c.id: c for c in catalog.categories()}
        self.channels = {c.id: c for c in catalog.channels()}
        self._planned: dict[IsoWeek, Counter] = {}
        self._load = FillLoad(catalog)

    def compose(self):
        with Vertical(classes="dialog wide", id="fill"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(self._summary(), id="fill-summary", markup=False)
            table = DataTable(id="fill-table", cursor_type="row", zebra_stripes=False)
            table.add_columns("", _("Day"), _("Time"), _("Channel"), _("Category"), _("Post"), _("Why"))
            yield table
            yield Static("", id="fill-load", classes="error", markup=False)
            yield Caption(N_("space accept/reject · e change · a/r all · ctrl+s write · esc cancel"), classes="hint")

    def on_mount(self) -> None:
        self._draw()
        self.query_one(DataTable).focus()

    # -- drawing ---------------------------------------------------------------------------------

    def _summary(self) -> Text:
        text = Text()
        for week in self.plan.weeks:
            names = lambda ids: ", ".join(literal(self.categories[i].name) for i in ids if i in self.categories)  # noqa: E731
            text.append(f"{week_word(language())} {week.week.week}: ", style="bold")
            parts = []
            if week.overdue:
                parts.append(Text(_("overdue {categories}").format(categories=names(week.overdue)), style="red"))
            if week.due:
                parts.append(Text(_("due {categories}").format(categories=names(week.due)), style="yellow"))
            left = [
                f"{literal(self.channels[s.channel].name)} {s.left}"
                for s in week.slots
                if s.left > 0 and s.channel in self.channels
            ]
            parts.append(Text(_("empty slots left: {slots}").format(slots=", ".join(left) if left else _("none")), style="dim"))
            if week.unplaced:
                parts.append(Text(_("no room for {categories}").format(categories=names(week.unplaced)), style="bold red"))
            text.append_text(Text("  ·  ").join(parts))
            text.append("\n")
        text.rstrip()
        return text

    def _draw(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        over = self._over_target()
        for index, line in enumerate(self.lines):
            p = line.proposal
            category = self.categories.get(p.category)
            channel = self.channels.get(p.channel)
            style = "" if line.accepted else "dim strike"
            week = f"{week_word(language())} {p.week.week} " if len(self.plan.weeks) > 1 else ""  # one week: in the title
            day = Text(week + labels.day(p.date, weekday="short"), style=style)
            if p.on_holiday:
                day.append(" ★", style="yellow")
            if line.accepted and index in over:
                day.append(" " + _("over target"), style="bold red")
            post = Text(f"«{literal(self._post_title(p.post))}»") if p.post else Text(_("new draft"), style="italic")
            post.stylize(style)
            table.add_row(
                Text("✓", style="green") if line.accepted else Text("✗", style="red"),
                day,
                _time_cell(p, style),
                Text(literal(channel.name) if channel else "–", style=style),
                Text.assemble(
                    ("■ ", category.colour if category else "white"), (literal(category.name) if category else "?", style)
                ),
                post,
                Text(
                    (_("changed") if line.changed else labels.standing(p.reason.value)),
                    style=REASON_STYLE.get(p.reason, "") if not line.changed else "cyan",
                ),
                key=str(index),
            )
        if self.lines:
            table.move_cursor(row=min(max(row, 0), len(self.lines) - 1))
        accepted = sum(line.accepted for line in self.lines)
        note = _("{accepted} of {count} accepted").format(accepted=accepted, count=len(self.lines))
        if any(line.proposal.time_from == "learned" for line in self.lines):
            learned = _("the channel's best time that weekday, learned from its posts (the category has none)")
            note += f" · {LEARNED} {learned}"
        if over:
            note += " · " + ngettext("{count} would put a channel over its weekly target",
                                     "{count} would put a channel over its weekly target",
                                     len(over)).format(count=len(over))  # fmt: skip
        accepted_lines = [line.proposal for line in self.lines if line.accepted]
        for warning in self._load.warnings(accepted_lines):
            note += "\n⚠ " + warning
        self.query_one("#fill-load", Static).update(note)

    def _post_title(self, post_id: str) -> str:
        try:
            return self.catalog.post(post_id).title
        except UserError:
            return post_id

    def _over_target(self) -> set[int]:
        """Indexes of accepted lines that take their channel past its weekly target."""
        counts: Counter = Counter()
        over = set()
        for index, line in enumerate(self.lines):
            if not line.accepted:
                continue
            p = line.proposal
            channel = self.channels.get(p.channel)
            if channel is None or channel.target_per_week <= 0:
                continue
            counts[p.week, p.channel] += 1
            if self._planned_on(p.week)[p.channel] + counts[p.week, p.channel] > channel.target_per_week:
                over.add(index)
        return over

    def _planned_on(self, week: IsoWeek) -> Counter:
        if week not in self._planned:
            posts = self.catalog.posts_between(week.monday, week.sunday)
            moving = {line.proposal.post for line in self.lines if line.proposal.post}
            self._planned[week] = Counter(p.channel for p in posts if p.id not in moving)
        return self._planned[week]

    # -- actions ---------------------------------------------------------------------------------

    @property
    def current(self) -> int | None:
        table = self.query_one(DataTable)
        return table.cursor_row if self.lines and 0 <= table.cursor_row < len(self.lines) else None

    def action_toggle_line(self) -> None:  # not action_toggle: Textual's DOMNode has one (a reactive flag)
        if (index := self.current) is not None:
            self.lines[index].accepted = not self.lines[index].accepted
            self._draw()
            self.query_one(DataTable).move_cursor(row=min(index + 1, len(self.lines) - 1))

    def action_all(self, accepted: bool) -> None:
        for line in self.lines:
            line.accepted = accepted
        self._draw()

    def action_change(self) -> None:
        index = self.current
        if index is None:
            return

        def changed(proposal: Proposal | None) -> None:
            if proposal is not None and proposal != self.lines[index].proposal:
                self.lines[index] = Line(proposal, True, True)
                self._draw()

        line = self.lines[index].proposal
        screen = ChangeLine(line, list(self.channels.values()), list(self.categories.values()), self.today, self.holidays)
        self.app.push_screen(screen, changed)

    def action_write(self) -> None:
        accepted = [line.proposal for line in self.lines if line.accepted]
        self.dismiss(accepted)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChangeLine(ModalScreen[Proposal | None]):
    """Change one proposed line: day, time, channel, category."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Use"), id="fill.change_save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="fill.change_cancel"),
    ]

    def __init__(self, proposal: Proposal, channels: list, categories: list, today: dt.date, holidays=frozenset()) -> None:
        super().__init__()
        self.proposal, self.channels, self.categories, self.today = proposal, channels, categories, today
        self.holidays = holidays

    def compose(self):
        p = self.proposal
        with Vertical(classes="dialog", id="change-line"):
            yield Caption(N_("Change the proposed post"), classes="dialog-title")
            with Horizontal(classes="row"):
                yield form_field(N_("Date"), Input(labels.date_field(p.date), id="line-date", placeholder="23.11.2026"))
                yield form_field(
                    N_("Time"), Input(p.time.strftime("%H:%M") if p.time else "", id="line-time", placeholder="09:30")
                )
            channel = p.channel if any(c.id == p.channel for c in self.channels) else Select.NULL
            yield form_field(N_("Channel"), Select([(Text(literal(c.name)), c.id) for c in self.channels], value=channel,
                                                   id="line-channel", allow_blank=False))  # fmt: skip
            yield form_field(N_("Category"), Select([(Text(literal(c.name)), c.id) for c in self.categories], value=p.category,
                                                    id="line-category", allow_blank=False))  # fmt: skip
            yield Static("", classes="error", id="line-error", markup=False)
            yield Caption(N_("enter/ctrl+s use · esc cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#line-date", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        try:
            day = parse_date(self.query_one("#line-date", Input).value, self.today)
            raw_time = self.query_one("#line-time", Input).value.strip()
            at = parse_time(raw_time) if raw_time else None
        except UserError as error:
            self.query_one("#line-error", Static).update(str(error))
            return
        if day < self.today:
            self.query_one("#line-error", Static).update(_("That day has passed."))
            return
        channel: Any = self.query_one("#line-channel", Select).value  # allow_blank=False: always an id
        category: Any = self.query_one("#line-category", Select).value
        post = self.proposal.post if category == self.proposal.category else None  # the backlog post is the category's
        changed = dataclasses.replace(
            self.proposal, date=day, time=at, channel=channel, category=category, post=post, on_holiday=day in self.holidays,
            time_from=self.proposal.time_from if (at, channel, day) == (self.proposal.time, self.proposal.channel,
                                                                        self.proposal.date) else "",
        )  # fmt: skip
        self.dismiss(changed)

    def action_cancel(self) -> None:
        self.dismiss(None)


LEARNED = "◷"  # a time taken from the best times learned, not from the category


def _time_cell(proposal: Proposal, style: str) -> Text:
    """The proposal's time, marked when it was learned from the channel's best times."""
    text = Text(proposal.time.strftime("%H:%M") if proposal.time else "", style=style)
    if proposal.time_from == "learned":
        text.append(" " + LEARNED, style="cyan")
    return text
