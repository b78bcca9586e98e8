"""The steps of the batch session (screens/batch.py), one widget each.

Each step draws its part of the session, reads its form and says what it adds to the session
when the wizard goes on; the screen holds the session, saves it and moves between the steps.
A step's widget id is its `Step` value, the page the screen's ContentSwitcher shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Protocol

from rich.segment import Segment
from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.strip import Strip
from textual.widgets import DataTable, Input, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

from someplan.domain.batch import BatchSession, Step
from someplan.domain.weeks import IsoWeek, parse_week, week_word
from someplan.i18n import N_, _, language, ngettext
from someplan.services import batch as batches
from someplan.services.capacity import batch_outlook, saving_sentence
from someplan.services.errors import UserError
from someplan.services.people import add_person
from someplan.services.rotation_fill import spread_preview
from someplan.services.user_input import parse_date, parse_time
from someplan.store.problems import WorkspaceError
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.consent_label import consent_text
from someplan.tui.language import Caption
from someplan.tui.screens.dialogs import Ask


def _field(label: str, widget) -> Vertical:
    return Vertical(Caption(label, classes="field-label"), widget, classes="field")


class Wizard(Protocol):
    """What a step uses of the screen it is on (BatchScreen)."""

    session: BatchSession
    today: dt.date

    @property
    def catalog(self) -> Any: ...

    @property
    def category(self) -> Any: ...

    @property
    def people(self) -> list: ...

    def change(self, save: bool = True, **fields: Any) -> None: ...

    def change_soon(self, **fields: Any) -> None: ...

    async def action_forward(self) -> None: ...

    def notify(self, message: str, **options: Any) -> Any: ...


class BatchStep:
    """What the screen asks of every step (mixed into a widget)."""

    step: ClassVar[Step]

    @property
    def wizard(self) -> Wizard:
        return self.screen  # type: ignore[attr-defined]  # a mixin: the widget it is mixed into has one

    @property
    def is_current(self) -> bool:
        return self.wizard.session.step is self.step

    def fill(self) -> None:
        """Its form from the session, when the screen opens."""

    def enter(self) -> None:
        """Drawn and focused, as it becomes the step shown."""

    def retranslate(self) -> None:
        """Redrawn in the language now spoken; what was typed or chosen stays."""

    def category_chosen(self, category) -> None:
        """The session's category is now `category` (defaults that follow it)."""

    def forward(self) -> dict[str, Any] | None:
        """The session's fields this step sets as the wizard goes on, or None to stay (it said
        why, or moved on inside itself)."""
        return {}

    def back(self) -> bool:
        """True when it went back inside itself, so the wizard stays on this step."""
        return False


# -- 1 the category ----------------------------------------------------------------------------


class CategoryStep(BatchStep, OptionList):
    """The active categories of the rotation; enter (or ctrl+n) takes the highlighted one."""

    step = Step.CATEGORY

    def fill(self) -> None:
        session = self.wizard.session
        self.clear_options()
        for c in self.wizard.catalog.rotation():
            if c.active:
                label = Text.assemble(("■ ", c.colour), (literal(c.name), "bold"))
                if c.question:
                    label.append("  " + literal(c.question), style="dim")
                self.add_option(Option(label, id=c.id))
        self.highlighted = 0 if self.option_count else None
        if session.category:
            try:
                self.highlighted = self.get_option_index(session.category)
            except Exception:  # noqa: BLE001 - a category removed meanwhile: start at the top
                pass

    def enter(self) -> None:
        self.focus()

    def forward(self) -> dict[str, Any] | None:
        if self.highlighted is None:
            return None
        chosen_id = self.get_option_at_index(self.highlighted).id
        category = next(c for c in self.wizard.catalog.categories() if c.id == chosen_id)
        session = self.wizard.session
        questions = session.questions if session.category == category.id else category.question
        return {"category": category.id, "questions": questions}

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.wizard.action_forward()


# -- 2 the people ------------------------------------------------------------------------------


BOX = ("▐", "X", "▌")  # a SelectionList's box, as Textual draws it


class PickOrderList(SelectionList[str]):
    """A selection list whose boxes show the order of picking, 1, 2, 3 … (the order of the
    interviews), and nothing when not picked, instead of the same "X" in every box."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        # Textual 8 draws the box as the first three segments, "▐" "X" "▌" (tests/tui/test_batch.py
        # checks it): anything else is left as drawn rather than broken.
        if len(segments) < 3 or [segment.text for segment in segments[:3]] != list(BOX):
            return line
        index = self.scroll_offset.y + y
        if not 0 <= index < self.option_count:
            return line
        value = self.get_option_at_index(index).value
        picked = self.selected
        if value not in picked:
            segments[1] = Segment(" ", segments[1].style)
        else:
            number = str(picked.index(value) + 1)
            if len(number) == 1:
                segments[1] = Segment(number, segments[1].style)
            else:  # 10 and up: the box's left edge holds the first digit
                segments[0] = Segment(number[0], segments[1].style)
                segments[1] = Segment(number[1:2], segments[1].style)
        return Strip(segments, line.cell_length)


class PeopleStep(BatchStep, Vertical):
    """Who is interviewed, in the order picked; their consent; `a` adds a person."""

    step = Step.PEOPLE

    def compose(self):
        yield PickOrderList(id="batch-people")
        yield Static("", id="batch-consent", markup=False)
        yield Caption(N_("space select, in interview order · a add a person · ctrl+n next"), classes="hint")

    @property
    def picker(self) -> PickOrderList:
        return self.query_one(PickOrderList)

    def fill(self, chosen: list[str] | None = None) -> None:
        people = self.picker
        people.clear_options()
        session = self.wizard.session
        day = session.day or self.wizard.today
        known = self.wizard.catalog.people()
        for person in known:
            label = Text.assemble((literal(person.name), "bold"), f"  {literal(person.role)}  ", consent_text(person, day))
            people.add_option((label, person.id, False))
        ids = {person.id for person in known}
        for person_id in session.people if chosen is None else chosen:  # in schedule order
            if person_id in ids:
                people.select(person_id)

    def enter(self) -> None:
        people = self.picker
        if people.highlighted is None and people.option_count:
            people.highlighted = 0
        people.focus()
        self.show_consent()

    def retranslate(self) -> None:
        people = self.picker
        chosen, highlighted = list(people.selected), people.highlighted
        self.fill(chosen)
        people.highlighted = highlighted
        if self.is_current:
            self.show_consent()

    def show_consent(self) -> None:
        chosen = [p for p in self.wizard.catalog.people() if p.id in self.picker.selected]
        warnings = batches.consent_warnings(chosen, self.wizard.session.day or self.wizard.today)
        self.query_one("#batch-consent", Static).update(
            Text("\n".join("⚠ " + literal(w) for w in warnings), style="yellow") if warnings else ""
        )

    def forward(self) -> dict[str, Any] | None:
        chosen = tuple(self.picker.selected)
        if not chosen:
            self.wizard.notify(_("Choose at least one person (space)."), severity="warning")
            return None
        session = self.wizard.session
        return {"people": chosen, "current": session.current if chosen == session.people else 0}

    def on_selection_list_selected_changed(self, event) -> None:
        self.show_consent()

    def on_key(self, event) -> None:
        if event.key == "a" and self.is_current:
            event.stop()
            self.add_person()

    def add_person(self) -> None:
        def answered(name: str | None) -> None:
            if not name or not name.strip():
                return
            try:
                person = add_person(self.wizard.catalog, name)
            except (UserError, WorkspaceError, OSError) as error:
                self.wizard.notify(str(error), severity="error", markup=False)
                return
            self.wizard.change(people=tuple(self.picker.selected) + (person.id,))
            self.fill()
            self.show_consent()
            self.wizard.notify(
                _("Added {name}: no consent registered yet (People, P)").format(name=literal(person.name)), markup=False
            )

        self.app.push_screen(Ask(_("Add a person"), placeholder=_("Name")), answered)


# -- 3 the schedule ----------------------------------------------------------------------------


class ScheduleStep(BatchStep, Vertical):
    """The day, the first time, minutes per person and the questions; the times it gives."""

    step = Step.SCHEDULE

    def compose(self):
        with Horizontal(classes="row"):
            yield _field(N_("Day"), Input(id="batch-day", placeholder="2026-11-24"))
            yield _field(N_("First at"), Input(id="batch-start", placeholder="10:00"))
            yield _field(N_("Minutes each"), Input(id="batch-minutes", placeholder="15"))
        yield Caption(N_("Questions, the same for everyone"), classes="field-label")
        yield TextArea(id="batch-questions", soft_wrap=True)
        yield Static("", id="batch-schedule", markup=False)

    def fill(self) -> None:
        session, today = self.wizard.session, self.wizard.today
        self.query_one("#batch-day", Input).value = (session.day or today).isoformat()
        self.query_one("#batch-start", Input).value = (session.start or dt.time(10)).strftime("%H:%M")
        self.query_one("#batch-minutes", Input).value = str(session.minutes)
        self.query_one("#batch-questions", TextArea).text = session.questions

    def category_chosen(self, category) -> None:
        self.query_one("#batch-questions", TextArea).text = self.wizard.session.questions

    def enter(self) -> None:
        self.read(quiet=True)  # the shown defaults give the first times
        self.show_schedule()
        self.query_one("#batch-day", Input).focus()

    def read(self, quiet: bool = False) -> bool:
        """The form into the session (saved as the wizard goes on); False when it is wrong."""
        try:
            day = parse_date(self.query_one("#batch-day", Input).value, self.wizard.today)
            start = parse_time(self.query_one("#batch-start", Input).value)
            minutes_text = self.query_one("#batch-minutes", Input).value.strip()
            if not minutes_text.isdigit() or not 1 <= int(minutes_text) <= 240:
                raise UserError(_("Minutes each: a number from 1 to 240."))
        except UserError as error:
            if not quiet:
                self.wizard.notify(str(error), severity="warning", markup=False)
            return False
        self.wizard.change(day=day, start=start, minutes=int(minutes_text), save=False)
        return True

    def show_schedule(self) -> None:
        text = Text()
        names = {p.id: p.name for p in self.wizard.people}
        for at, person in self.wizard.session.schedule():
            text.append(f"{at:%H:%M}  " if at else "       ")
            text.append(literal(names.get(person, "?")) + "\n")
        self.query_one("#batch-schedule", Static).update(text)

    def forward(self) -> dict[str, Any] | None:
        return {} if self.read() else None

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.is_current:
            self.read(quiet=True)
            self.show_schedule()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "batch-questions" and self.is_current:
            self.wizard.change_soon(questions=event.text_area.text)


# -- 4 the session -----------------------------------------------------------------------------


class SessionStep(BatchStep, Horizontal):
    """One person at a time: the questions, the answers and notes, a file that arrives."""

    step = Step.SESSION
    offered: str | None = None  # a new file in the asset folder, for the person interviewed

    def compose(self):
        yield OptionList(id="batch-who")
        with Vertical(id="batch-person"):
            yield Static("", id="batch-person-head", markup=False)
            yield Static("", id="batch-person-questions", markup=False)
            yield Caption(N_("Answers and notes"), classes="field-label")
            yield TextArea(id="batch-notes", soft_wrap=True)
            yield Static("", id="batch-asset", markup=False)

    def enter(self) -> None:
        session = self.wizard.session
        who = self.query_one("#batch-who", OptionList)
        who.clear_options()
        names = {p.id: p for p in self.wizard.people}
        for index, (at, person_id) in enumerate(session.schedule()):
            person = names.get(person_id)
            done = "✓ " if session.notes.get(person_id, "").strip() else "  "
            label = Text.assemble(done, f"{at:%H:%M} " if at else "", literal(person.name if person else "?"))
            who.add_option(Option(label, id=str(index)))
        if session.people:
            who.highlighted = session.current
        self.show_person()

    def show_person(self) -> None:
        session = self.wizard.session
        self.show_person_head()
        self.query_one("#batch-person-questions", Static).update(
            Text(literal(session.questions, keep_newlines=True), style="italic")
        )
        notes = self.query_one("#batch-notes", TextArea)
        notes.text = session.notes.get(session.active or "", "")
        notes.focus()
        self.show_asset()

    def show_person_head(self) -> None:
        session = self.wizard.session
        person = next((p for p in self.wizard.people if p.id == session.active), None)
        at = dict((p, t) for t, p in session.schedule()).get(session.active or "")
        head = Text()
        if person:
            head.append(literal(person.name), style="bold")
            head.append(f"  {literal(person.role)}  " + (f"{at:%H:%M}  " if at else ""))
            head.append_text(consent_text(person, session.day or self.wizard.today))
        self.query_one("#batch-person-head", Static).update(head)

    def show_asset(self) -> None:
        session = self.wizard.session
        asset = session.assets.get(session.active or "")
        text = Text.assemble((_("Asset:") + " ", "bold"), literal(asset) if asset else Text(_("none yet"), style="dim"))
        if self.offered:
            offered = _("New file in the asset folder: {file} — ctrl+o takes it for this person").format(
                file=literal(self.offered)
            )
            text.append("\n" + offered, style="bold green")
        self.query_one("#batch-asset", Static).update(text)

    def retranslate(self) -> None:
        if self.is_current:
            self.show_person_head()
            self.show_asset()

    def switch_person(self, index: int) -> None:
        self.wizard.change(current=index)
        self.offered = None
        self.enter()

    def forward(self) -> dict[str, Any] | None:
        session = self.wizard.session
        if session.current + 1 < len(session.people):
            self.switch_person(session.current + 1)
            return None
        return {}

    def back(self) -> bool:
        if self.wizard.session.current > 0:
            self.switch_person(self.wizard.session.current - 1)
            return True
        return False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "batch-who":
            self.switch_person(int(event.option.id or 0))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        session = self.wizard.session
        if event.text_area.id == "batch-notes" and session.active and self.is_current:
            if event.text_area.text != session.notes.get(session.active, ""):
                self.wizard.change_soon(notes=session.with_note(session.active, event.text_area.text).notes)

    def take_asset(self) -> None:
        session = self.wizard.session
        if not self.offered or not session.active:
            return
        self.wizard.change(assets={**session.assets, session.active: self.offered})
        self.offered = None
        self.show_asset()

    def asset_arrived(self, key: str) -> None:
        if not self.wizard.session.active:
            return
        self.offered = key
        if self.is_mounted:  # else still being added: drawn with the offer as it is shown
            self.show_asset()
        self.wizard.notify(_("New file: {file} — ctrl+o takes it").format(file=literal(key)), markup=False)


# -- 5 the spread ------------------------------------------------------------------------------


class SpreadStep(BatchStep, Vertical):
    """From which week and how many weeks apart; the drafts previewed in free slots."""

    step = Step.SPREAD
    slots: tuple = ()  # the preview's slots, one per person when complete

    def compose(self):
        with Horizontal(classes="row"):
            yield _field(N_("From week"), Input(id="batch-from", placeholder="48"))
            yield _field(N_("Weeks apart"), Input(id="batch-every", placeholder="1"))
        yield DataTable(id="batch-drafts", cursor_type="row")
        yield Static("", id="batch-spread-note", markup=False)

    def fill(self) -> None:
        today = self.wizard.today
        first = IsoWeek.of(today) + 1
        self.query_one("#batch-from", Input).value = str(first.week) if first.year == today.year else str(first)
        self.category_chosen(self.wizard.category)

    def category_chosen(self, category) -> None:
        self.query_one("#batch-every", Input).value = str(max(1, round(category.cadence.interval_days / 7)) if category else 1)

    def enter(self) -> None:
        self.show_spread()
        self.query_one("#batch-from", Input).focus()

    def retranslate(self) -> None:
        if self.is_current:
            self.show_spread()

    def show_spread(self) -> None:
        table = self.query_one("#batch-drafts", DataTable)
        table.clear(columns=True)
        table.add_columns(_("Week"), _("Day"), _("Time"), _("Channel"), _("Draft"))
        note = self.query_one("#batch-spread-note", Static)
        self.slots = ()
        try:
            first, every = self.options()
        except UserError as error:
            note.update(Text(str(error), style="red"))
            return
        wizard = self.wizard
        category, people = wizard.category, wizard.people
        if category is None or not people:
            note.update(Text(_("Choose a category and at least one person first (ctrl+b goes back)."), style="red"))
            return
        self.slots = spread_preview(wizard.catalog, category, len(people), first, wizard.today, every, after=wizard.session.day)
        channels = wizard.catalog.channel_names()
        for slot, person in zip(self.slots, people, strict=False):
            day = Text(labels.day(slot.date, weekday="short", year=True))
            table.add_row(
                f"{week_word(language())} {slot.week.week}", day, slot.time.strftime("%H:%M") if slot.time else "",
                literal(channels.get(slot.channel, "–")), literal(batches.draft_title(category, person)),
            )  # fmt: skip
        if len(self.slots) < len(people):
            only = ngettext(
                "Only {count} free slot for {people} people.", "Only {count} free slots for {people} people.", len(self.slots)
            )
            note.update(Text(only.format(count=len(self.slots), people=len(people)), style="red"))
        else:
            drafts = ngettext("{count} draft · ctrl+s writes it · until then nothing is written",
                              "{count} drafts · ctrl+s writes them · until then nothing is written", len(people))  # fmt: skip
            text = Text(drafts.format(count=len(people)), style="dim")
            saving, overbooked = batch_outlook(wizard.catalog, category.id, self.slots)
            if saving.saved:
                text.append("\n" + saving_sentence(saving), style="green")
            for warning in overbooked:
                text.append("\n⚠ " + warning, style="bold red")
            note.update(text)

    def options(self) -> tuple[IsoWeek, int]:
        """The first week and the weeks apart, as typed."""
        today = self.wizard.today
        raw_week = self.query_one("#batch-from", Input).value.strip()
        raw_every = self.query_one("#batch-every", Input).value.strip() or "1"
        try:
            first = parse_week(raw_week, today.year)
        except ValueError:
            try:
                first = IsoWeek.of(parse_date(raw_week, today))
            except UserError:
                raise UserError(_("Not a week: {text} (48, 2026-W48 or a date)").format(text=repr(raw_week))) from None
        if not raw_every.isdigit() or not 1 <= int(raw_every) <= 12:
            raise UserError(_("Weeks apart: a number from 1 to 12."))
        return first, int(raw_every)

    def complete_slots(self) -> tuple | None:
        """The slots to write, one per person, or None (it says so) while the spread is short."""
        if not self.slots or len(self.slots) < len(self.wizard.people):
            self.wizard.notify(_("No complete spread to write yet."), severity="warning")
            return None
        return self.slots

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.is_current:
            self.show_spread()


STEPS: tuple[type[BatchStep], ...] = (CategoryStep, PeopleStep, ScheduleStep, SessionStep, SpreadStep)
