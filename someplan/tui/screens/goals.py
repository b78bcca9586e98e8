"""The goals screen (`G`): each goal in the user's words, its targets, where each stands now, the
trend over the weeks, and whether it is reached at this pace (services.goals; the rules are in
domain/goals.py). Targets are typed as on the command line ("engagement_rate >= 6")."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static

from someplan.domain.goals import COUNT_PREFIX, TARGET_PREFIX, Goal, TargetKind
from someplan.i18n import N_, _, ngettext
from someplan.services import goals as service
from someplan.services.errors import UserError
from someplan.services.undo import Undo
from someplan.services.user_input import parse_date
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.footer import Footer
from someplan.tui.language import Caption
from someplan.tui.planner_app import planner_app
from someplan.tui.screens.dialogs import Ask, Confirm, kept_text
from someplan.tui.sparkline import sparkline
from someplan.tui.write_guard import attempt

GOAL_WIDTH, TARGET_WIDTH = 24, 36  # the rest (figures, verdict) fits beside them at 120 columns
NARROW_GOAL_WIDTH, NARROW_TARGET_WIDTH = 16, 26  # 80 columns
PACE_STYLES = {"on_track": "green", "reached": "bold green", "behind": "yellow", "missed": "red"}
TARGET_EXAMPLE = "engagement_rate >= 6 · posts >= 3 channel=Facebook · share >= 30 category=ansatte"


class GoalsScreen(Screen):
    CSS_PATH = "../goals.tcss"
    BINDINGS = [
        Binding("n", "add", N_("New goal"), id="goals.add"),
        Binding("e,enter", "edit", N_("Edit goal"), id="goals.edit"),
        Binding("t", "add_target", N_("Add target"), id="goals.add_target"),
        Binding("x", "drop_target", N_("Drop target"), id="goals.drop_target"),
        Binding("c", "record", N_("Record count"), id="goals.record"),
        Binding("d", "remove", N_("Remove goal"), id="goals.remove"),
        Binding("escape,q,G", "close", N_("Back"), id="goals.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str | None]] = []  # per table row: (goal id, target id or None)
        self.found: list[service.GoalStanding] = []

    @property
    def catalog(self):
        return self.app.catalog

    @property
    def today(self) -> dt.date:
        return planner_app(self).today

    def compose(self):
        yield Static("", id="goals-header", markup=False)
        table = DataTable(id="goals-table", cursor_type="row")
        self._columns(table)
        yield table
        yield Static("", id="goals-detail", markup=False)
        yield Footer()

    def _columns(self, table: DataTable) -> None:
        narrow = self.has_class("narrow")
        table.add_column(_("Goal"), width=NARROW_GOAL_WIDTH if narrow else GOAL_WIDTH)
        table.add_column(_("Target"), width=NARROW_TARGET_WIDTH if narrow else TARGET_WIDTH)
        if narrow:  # the verdict stays in view; the weeks and the projection are in the wide view
            table.add_columns(_("Now"), _("Trend"), _("At this pace"))
        else:
            table.add_columns(_("Now"), _("Weeks"), _("Trend"), _("At the end"), _("At this pace"))

    def retranslate(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        self._columns(table)
        self.show()

    def on_mount(self) -> None:
        self.show()
        self.query_one(DataTable).focus()

    def on_resize(self, event) -> None:
        narrow = event.size.width < 100
        if narrow != self.has_class("narrow"):
            self.set_class(narrow, "narrow")
            self.retranslate()  # other columns

    def on_workspace_changed(self, _message) -> None:
        self.show()  # a colleague's goal, count or post (the planner passes the news on)

    # -- drawing ---------------------------------------------------------------------------------

    def show(self, keep: tuple[str, str | None] | None = None) -> None:
        table = self.query_one(DataTable)
        keep = keep or self.selected
        table.clear()
        self.found = service.standings(self.catalog, self.today)
        self.rows = []
        for entry in self.found:
            title = Text(literal(entry.goal.title), style="bold", no_wrap=True, overflow="ellipsis")
            if not entry.targets:
                blank = [""] * (len(table.columns) - 2)
                table.add_row(title, Text(_("no targets yet · t adds one"), style="dim"), *blank)
                self.rows.append((entry.goal.id, None))
            for index, item in enumerate(entry.targets):
                s, kind = item.standing, item.target.kind
                cells = [
                    title if index == 0 else "",
                    Text(literal(item.text), no_wrap=True, overflow="ellipsis"),
                    Text(service.value_text(kind, s.now), justify="right"),
                    Text(sparkline(list(s.weekly[-12:])), style="cyan"),
                    Text(service.TREND_MARKS[s.trend.value], justify="center"),
                    Text(service.value_text(kind, s.projected), justify="right"),
                    Text(service.pace_label(s.pace), style=PACE_STYLES.get(s.pace.value, "dim")),
                ]  # fmt: skip
                if self.has_class("narrow"):
                    del cells[5], cells[3]
                table.add_row(*cells)
                self.rows.append((entry.goal.id, item.target.id))
        if keep in self.rows:
            table.move_cursor(row=self.rows.index(keep))
        good, judged = service.summary_count(self.found)
        header = Text.assemble((_("Goals"), "bold"), " · ")
        if self.found:
            header.append(ngettext("{count} goal", "{count} goals", len(self.found)).format(count=len(self.found)))
            header.append(" · " + _("{good} of {judged} on track").format(good=good, judged=judged))
        else:
            header.append(_("none yet: n sets one, in your own words"), style="dim")
        self.query_one("#goals-header", Static).update(header)
        self._detail()

    def on_data_table_row_highlighted(self, _event) -> None:
        self._detail()

    def _detail(self) -> None:
        text = Text()
        entry, item = self._selection()
        if entry is not None:
            goal = entry.goal
            text.append(literal(goal.title), style="bold")
            if goal.start and goal.end:
                text.append(f"  {labels.day(goal.start, year=True)} – {labels.day(goal.end, year=True)}", style="dim")
            if goal.notes:
                text.append("\n" + literal(goal.notes))
            if item is not None:
                if item.standing.note:
                    text.append("\n" + service.note_text(item.standing.note), style="yellow")
                if item.standing.movers:
                    titles = []
                    for post_id in item.standing.movers:
                        try:
                            titles.append("«" + literal(self.catalog.post(post_id).title) + "»")
                        except UserError:
                            continue
                    text.append("\n" + _("Moved it most: {posts}").format(posts=", ".join(titles)), style="green")
                if item.target.kind is TargetKind.COUNT:
                    text.append("\n" + _("c records this week's count"), style="dim")
        else:
            text.append(_("A goal is what you want to achieve, in your own words (“fewer calls to the switchboard”); "
                          "its targets say how you will know."), style="dim")  # fmt: skip
        self.query_one("#goals-detail", Static).update(text)

    # -- selection ---------------------------------------------------------------------------------

    @property
    def selected(self) -> tuple[str, str | None] | None:
        table = self.query_one(DataTable)
        if not table.row_count or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def _selection(self) -> tuple[service.GoalStanding | None, service.TargetStanding | None]:
        chosen = self.selected
        if chosen is None:
            return None, None
        entry = next((e for e in self.found if e.goal.id == chosen[0]), None)
        item = next((t for t in entry.targets if t.target.id == chosen[1]), None) if entry else None
        return entry, item

    def _undo(self, what: str, goal: Goal, before: dict) -> None:
        """`u` in the plan writes `before` back (a field that was not there: None, which removes it)."""
        planner_app(self).undo_stack.push(Undo.of_fields(what.format(title=goal.title), service.GOALS, goal.id, before))

    def _write(self, action, *args, **fields) -> tuple[bool, Any]:
        """(saved, what `action` returned): the planner's one write guard (tui/write_guard.py)."""
        return attempt(self, action, self.catalog, *args, **fields)

    # -- actions ---------------------------------------------------------------------------------

    def action_add(self) -> None:
        def saved(goal: Goal | None) -> None:
            if goal is not None:
                saved, added = self._write(service.add_goal, goal)
                if saved:
                    planner_app(self).undo_stack.push(Undo.of_insert(_("adding “{title}”").format(title=added.title),
                                                                     service.GOALS, added.id))  # fmt: skip
                    self.show(keep=(added.id, None))
                    self.notify(_("Now add its targets: t"), markup=False)

        self.app.push_screen(GoalEditor(Goal(""), self.today), saved)

    def action_edit(self) -> None:
        entry, _item = self._selection()
        if entry is None:
            self.action_add()
            return
        original = entry.goal

        def saved(goal: Goal | None) -> None:
            if goal is not None:
                saved, before = self._write(service.save_goal, original, goal)
                if saved and before:
                    planner_app(self).undo_stack.push(Undo.of_fields(_("changing “{title}”").format(title=goal.title),
                                                                     service.GOALS, original.id, before))  # fmt: skip
                self.show()

        self.app.push_screen(GoalEditor(original, self.today), saved)

    def action_add_target(self) -> None:
        entry, _item = self._selection()
        if entry is None:
            self.notify(_("Set a goal first: n"), severity="warning")
            return

        def check(text: str) -> str | None:
            try:
                service.parse_target(text, self.catalog)
            except UserError as error:
                return str(error)
            return None

        def answered(text: str | None) -> None:
            if text:
                saved, target = self._write(
                    lambda catalog: service.add_target(catalog, entry.goal, service.parse_target(text, catalog)))
                if saved:
                    self._undo(_("adding a target to “{title}”"), entry.goal, {TARGET_PREFIX + target.id: None})
                    self.show(keep=(entry.goal.id, target.id))

        question = _("A target for “{goal}”").format(goal=literal(entry.goal.title))
        self.app.push_screen(Ask(question, placeholder=TARGET_EXAMPLE, check=check), answered)

    def action_drop_target(self) -> None:
        entry, item = self._selection()
        if entry is None or item is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                own = (TARGET_PREFIX + item.target.id, f"{COUNT_PREFIX}{item.target.id}.")  # the target and its counts
                before = {name: value for name, value in entry.goal.to_doc().items() if name == own[0] or name.startswith(own[1])}
                if self._write(service.drop_target, entry.goal, item.target.id)[0]:
                    self._undo(_("dropping a target of “{title}”"), entry.goal, before)
                self.show(keep=(entry.goal.id, None))

        self.app.push_screen(Confirm(_("Drop the target “{target}”?").format(target=literal(item.text))), answered)

    def action_record(self) -> None:
        entry, item = self._selection()
        if entry is None or item is None or item.target.kind is not TargetKind.COUNT:
            self.notify(_("Select a count by hand first; the other targets come from the figures"), severity="warning")
            return

        def check(text: str) -> str | None:
            return None if _number(text) is not None else _("A number, like 38")

        def answered(text: str | None) -> None:
            value = _number(text or "")
            if value is not None:
                field = f"{COUNT_PREFIX}{item.target.id}.{self.today.isoformat()}"
                before = {field: item.target.recorded.get(self.today)}
                if not self._write(service.record_count, entry.goal, item.target, self.today, value)[0]:
                    return  # nothing written: nothing to undo
                self._undo(_("recording a count for “{title}”"), entry.goal, before)
                self.show()

        question = _("{what} on {day}").format(what=literal(item.target.label), day=labels.day(self.today, year=True))
        self.app.push_screen(Ask(question, check=check), answered)

    def action_remove(self) -> None:
        entry, _item = self._selection()
        if entry is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and self._write(service.remove_goal, entry.goal.id)[0]:
                title = entry.goal.title
                planner_app(self).undo_stack.push(Undo.of_delete(_("deleting “{title}”").format(title=title),
                                                                 service.GOALS, entry.goal.id))  # fmt: skip
                self.notify(_("Removed “{title}” — u in the plan undoes").format(title=literal(title)), markup=False)
                self.show()

        self.app.push_screen(Confirm(_("Remove the goal “{title}”?").format(title=literal(entry.goal.title))), answered)

    def action_close(self) -> None:
        self.dismiss(None)


def _number(text: str) -> float | None:
    try:
        value = float(text.strip().replace(",", ".").replace(" ", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


class GoalEditor(ModalScreen[Goal | None]):
    """The goal in the user's words, its period and notes; returns the edited goal."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="goal.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="goal.cancel"),
    ]

    def __init__(self, goal: Goal, today: dt.date) -> None:
        super().__init__()
        self.goal, self.today = goal, today

    def compose(self):
        g = self.goal
        with Vertical(classes="dialog", id="goal-editor"):
            yield Caption(N_("New goal") if not g.id else N_("Goal"), classes="dialog-title")
            yield Caption(N_("What do you want to achieve? In your own words"), classes="field-label")
            yield Input(literal(g.title), id="goal-title", placeholder=_("fill the Christmas tables"))
            yield Caption(N_("First day"), classes="field-label")
            yield Input(g.start.strftime("%d.%m.%Y") if g.start else "", id="goal-start", placeholder="01.10.2026")
            yield Caption(N_("Last day"), classes="field-label")
            yield Input(g.end.strftime("%d.%m.%Y") if g.end else "", id="goal-end", placeholder="31.12.2026")
            yield Caption(N_("Notes"), classes="field-label")
            yield Input(literal(g.notes), id="goal-notes")
            yield Static("", classes="error", id="goal-error", markup=False)
            yield Caption(N_("ctrl+s save · esc cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#goal-title", Input).focus()

    def action_save(self) -> None:
        g = self.goal
        text = lambda name: self.query_one(f"#{name}", Input).value.strip()  # noqa: E731
        try:
            start = parse_date(text("goal-start"), self.today) if text("goal-start") else None
            end = parse_date(text("goal-end"), self.today) if text("goal-end") else None
            edited = dataclasses.replace(g, title=kept_text(text("goal-title"), g.title), start=start, end=end,
                                         notes=kept_text(text("goal-notes"), g.notes))  # fmt: skip
            service.check_goal(edited)
        except UserError as error:
            self.query_one("#goal-error", Static).update(str(error))
            return
        self.dismiss(edited)

    def action_cancel(self) -> None:
        self.dismiss(None)
