"""The batch session: one category, several people in one sitting, one draft each, spread out.

Steps: category → people → schedule → session → spread. ctrl+n goes forward (in the session:
to the next person), ctrl+b back. The session is a record in the workspace, saved at every step,
at every person and a second after typing stops, so closing the app or a sleeping laptop loses
nothing: opening the batch again resumes where it was. Nothing becomes a post until the spread
preview is written with ctrl+s.

While a person is being interviewed, a new file arriving in the asset folder (the photo from the
phone, synced in) is offered for that person: ctrl+o takes it. The main screen's asset watcher
reports arrivals (`asset_arrived`), once a file has stopped growing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Input, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

from someplan.domain.batch import BatchSession, Step
from someplan.domain.person import ConsentState, consent_state
from someplan.domain.weeks import IsoWeek, parse_week, week_word
from someplan.i18n import N_, _, language, ngettext
from someplan.services import batch as batches
from someplan.services.errors import UserError
from someplan.services.people import add_person
from someplan.services.planning import parse_date, parse_time
from someplan.services.rotation_fill import spread_preview
from someplan.store.problems import WorkspaceError
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.language import Caption
from someplan.tui.screens.dialogs import Ask, Confirm

SAVE_AFTER_TYPING = 1.0  # seconds of quiet before notes are saved
STEP_TITLES = {
    Step.CATEGORY: N_("Choose the category"),
    Step.PEOPLE: N_("Choose the people, in interview order"),
    Step.SCHEDULE: N_("The session's day, times and questions"),
    Step.SESSION: N_("The session"),
    Step.SPREAD: N_("Spread the drafts over the weeks"),
}


def consent_text(person, day: dt.date, short: bool = False) -> Text:
    """ "✓ consent until 31 Dec 2027", "⚠ no consent" …; `short` under a "Consent" heading."""
    state = consent_state(person, day)
    until = labels.day(person.consent_until, year=True) if person.consent_until else ""
    if state is ConsentState.MISSING:
        return Text(_("⚠ none") if short else _("⚠ no consent"), style="bold yellow")
    if state is ConsentState.EXPIRED:
        shown = _("⚠ ended {day}") if short else _("⚠ consent ended {day}")
        return Text(shown.format(day=until), style="bold yellow")
    if until:
        shown = (_("✓ until {day}") if short else _("✓ consent until {day}")).format(day=until)
    else:
        shown = _("✓ yes") if short else _("✓ consent")
    return Text(shown, style="yellow" if state is ConsentState.EXPIRING else "green")


class BatchScreen(Screen):
    BINDINGS = [
        Binding("ctrl+n", "forward", N_("Next"), id="batch.next", priority=True),
        Binding("ctrl+b", "back", N_("Back"), id="batch.back", priority=True),
        Binding("ctrl+o", "take_asset", N_("Take new file"), id="batch.take_asset", priority=True),
        Binding("ctrl+s", "write", N_("Write drafts"), id="batch.write", priority=True),
        Binding("ctrl+r", "discard", N_("Discard session"), id="batch.discard", priority=True),
        Binding("escape", "leave", N_("Leave (kept)"), id="batch.leave"),
    ]

    def __init__(self, session: BatchSession, today: dt.date) -> None:
        super().__init__()
        self.session = self.saved = session
        self.today = today
        self.offered: str | None = None
        self._save_timer = None
        self.slots: tuple = ()

    @property
    def catalog(self):
        return self.app.catalog

    def compose(self):
        yield Static(id="batch-header", markup=False)
        with ContentSwitcher(initial=Step.CATEGORY.value, id="batch-steps"):
            yield OptionList(id=Step.CATEGORY.value)
            with Vertical(id=Step.PEOPLE.value):
                yield SelectionList[str](id="batch-people")
                yield Static("", id="batch-consent", markup=False)
                yield Caption(N_("space select, in interview order · a add a person · ctrl+n next"), classes="hint")
            with Vertical(id=Step.SCHEDULE.value):
                with Horizontal(classes="row"):
                    yield self._field(N_("Day"), Input(id="batch-day", placeholder="2026-11-24"))
                    yield self._field(N_("First at"), Input(id="batch-start", placeholder="10:00"))
                    yield self._field(N_("Minutes each"), Input(id="batch-minutes", placeholder="15"))
                yield Caption(N_("Questions, the same for everyone"), classes="field-label")
                yield TextArea(id="batch-questions", soft_wrap=True)
                yield Static("", id="batch-schedule", markup=False)
            with Horizontal(id=Step.SESSION.value):
                yield OptionList(id="batch-who")
                with Vertical(id="batch-person"):
                    yield Static("", id="batch-person-head", markup=False)
                    yield Static("", id="batch-person-questions", markup=False)
                    yield Caption(N_("Answers and notes"), classes="field-label")
                    yield TextArea(id="batch-notes", soft_wrap=True)
                    yield Static("", id="batch-asset", markup=False)
            with Vertical(id=Step.SPREAD.value):
                with Horizontal(classes="row"):
                    yield self._field(N_("From week"), Input(id="batch-from", placeholder="48"))
                    yield self._field(N_("Weeks apart"), Input(id="batch-every", placeholder="1"))
                yield DataTable(id="batch-drafts", cursor_type="row")
                yield Static("", id="batch-spread-note", markup=False)
        yield Footer()

    @staticmethod
    def _field(label: str, widget) -> Vertical:
        return Vertical(Caption(label, classes="field-label"), widget, classes="field")

    def on_mount(self) -> None:
        self._fill_forms()
        self._show_step()

    def on_unmount(self) -> None:
        self._save()

    # -- state -----------------------------------------------------------------------------------

    def _save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.session == self.saved:
            return
        try:
            batches.save_session(self.catalog, self.saved, self.session)
            self.saved = self.session
        except (WorkspaceError, OSError) as error:
            self.notify(_("Session not saved: {error}").format(error=error), severity="error", markup=False)

    def _set(self, **fields) -> None:
        self.session = dataclasses.replace(self.session, **fields)
        self._save()

    @property
    def category(self):
        return next((c for c in self.catalog.categories() if c.id == self.session.category), None)

    @property
    def people(self) -> list:
        known = {p.id: p for p in self.catalog.people()}
        return [known[p] for p in self.session.people if p in known]

    # -- drawing ---------------------------------------------------------------------------------

    def _fill_forms(self) -> None:
        session = self.session
        categories = self.query_one(f"#{Step.CATEGORY.value}", OptionList)
        categories.clear_options()
        for c in self.catalog.rotation():
            if c.active:
                label = Text.assemble(("■ ", c.colour), (literal(c.name), "bold"))
                if c.question:
                    label.append("  " + literal(c.question), style="dim")
                categories.add_option(Option(label, id=c.id))
        categories.highlighted = 0 if categories.option_count else None
        if session.category:
            try:
                categories.highlighted = categories.get_option_index(session.category)
            except Exception:  # noqa: BLE001 - a category removed meanwhile: start at the top
                pass
        self._fill_people()
        self.query_one("#batch-day", Input).value = (session.day or self.today).isoformat()
        self.query_one("#batch-start", Input).value = (session.start or dt.time(10)).strftime("%H:%M")
        self.query_one("#batch-minutes", Input).value = str(session.minutes)
        self.query_one("#batch-questions", TextArea).text = session.questions
        first = IsoWeek.of(self.today) + 1
        self.query_one("#batch-from", Input).value = str(first.week) if first.year == self.today.year else str(first)
        category = self.category
        self.query_one("#batch-every", Input).value = str(max(1, round(category.cadence.interval_days / 7)) if category else 1)

    def _fill_people(self, chosen: list[str] | None = None) -> None:
        people = self.query_one("#batch-people", SelectionList)
        people.clear_options()
        day = self.session.day or self.today
        known = self.catalog.people()
        for person in known:
            label = Text.assemble((literal(person.name), "bold"), f"  {literal(person.role)}  ", consent_text(person, day))
            people.add_option((label, person.id, False))
        ids = {person.id for person in known}
        for person_id in self.session.people if chosen is None else chosen:  # in schedule order
            if person_id in ids:
                people.select(person_id)

    def _show_header(self) -> None:
        step = self.session.step
        category = self.category
        title = _(STEP_TITLES[step]) if step in STEP_TITLES else ""
        header = Text.assemble((_("Batch session"), "bold"), " · " + _("step {number} of 5: {title}").format(number=step.number, title=title))
        if category:
            header.append("  ·  ")
            header.append_text(Text.assemble(("■ ", category.colour), literal(category.name)))
        self.query_one("#batch-header", Static).update(header)

    def retranslate(self) -> None:
        """The language changed (tui/language.py): what the step shows anew; typed text and the
        people chosen stay."""
        self._show_header()
        people = self.query_one("#batch-people", SelectionList)
        chosen, highlighted = list(people.selected), people.highlighted
        self._fill_people(chosen)
        people.highlighted = highlighted
        step = self.session.step
        if step is Step.PEOPLE:
            self._show_consent()
        elif step is Step.SESSION:
            self._show_person_head()
            self._show_asset()
        elif step is Step.SPREAD:
            self._show_spread()

    def _show_step(self) -> None:
        step = self.session.step
        self._show_header()
        self.query_one(ContentSwitcher).current = step.value
        if step is Step.CATEGORY:
            self.query_one(f"#{Step.CATEGORY.value}", OptionList).focus()
        elif step is Step.PEOPLE:
            people = self.query_one("#batch-people", SelectionList)
            if people.highlighted is None and people.option_count:
                people.highlighted = 0
            people.focus()
            self._show_consent()
        elif step is Step.SCHEDULE:
            self._read_schedule(quiet=True)  # the shown defaults give the first times
            self._show_schedule()
            self.query_one("#batch-day", Input).focus()
        elif step is Step.SESSION:
            self._show_session()
        elif step is Step.SPREAD:
            self._show_spread()
            self.query_one("#batch-from", Input).focus()

    def _show_consent(self) -> None:
        chosen = [p for p in self.catalog.people() if p.id in self.query_one("#batch-people", SelectionList).selected]
        warnings = batches.consent_warnings(chosen, self.session.day or self.today)
        self.query_one("#batch-consent", Static).update(
            Text("\n".join("⚠ " + literal(w) for w in warnings), style="yellow") if warnings else ""
        )

    def _show_schedule(self) -> None:
        text = Text()
        names = {p.id: p.name for p in self.people}
        for at, person in self.session.schedule():
            text.append(f"{at:%H:%M}  " if at else "       ")
            text.append(literal(names.get(person, "?")) + "\n")
        self.query_one("#batch-schedule", Static).update(text)

    def _show_session(self) -> None:
        session = self.session
        who = self.query_one("#batch-who", OptionList)
        who.clear_options()
        names = {p.id: p for p in self.people}
        for index, (at, person_id) in enumerate(session.schedule()):
            person = names.get(person_id)
            done = "✓ " if session.notes.get(person_id, "").strip() else "  "
            label = Text.assemble(done, f"{at:%H:%M} " if at else "", literal(person.name if person else "?"))
            who.add_option(Option(label, id=str(index)))
        if session.people:
            who.highlighted = session.current
        self._show_person()

    def _show_person(self) -> None:
        session = self.session
        self._show_person_head()
        self.query_one("#batch-person-questions", Static).update(Text(literal(session.questions, keep_newlines=True), style="italic"))
        notes = self.query_one("#batch-notes", TextArea)
        notes.text = session.notes.get(session.active or "", "")
        notes.focus()
        self._show_asset()

    def _show_person_head(self) -> None:
        session = self.session
        person = next((p for p in self.people if p.id == session.active), None)
        at = dict((p, t) for t, p in session.schedule()).get(session.active)
        head = Text()
        if person:
            head.append(literal(person.name), style="bold")
            head.append(f"  {literal(person.role)}  " + (f"{at:%H:%M}  " if at else ""))
            head.append_text(consent_text(person, session.day or self.today))
        self.query_one("#batch-person-head", Static).update(head)

    def _show_asset(self) -> None:
        asset = self.session.assets.get(self.session.active or "")
        text = Text.assemble((_("Asset:") + " ", "bold"), literal(asset) if asset else Text(_("none yet"), style="dim"))
        if self.offered:
            offered = _("New file in the asset folder: {file} — ctrl+o takes it for this person").format(file=literal(self.offered))
            text.append("\n" + offered, style="bold green")
        self.query_one("#batch-asset", Static).update(text)

    def _show_spread(self) -> None:
        table = self.query_one("#batch-drafts", DataTable)
        table.clear(columns=True)
        table.add_columns(_("Week"), _("Day"), _("Time"), _("Channel"), _("Draft"))
        note = self.query_one("#batch-spread-note", Static)
        self.slots = ()
        try:
            first, every = self._spread_options()
        except UserError as error:
            note.update(Text(str(error), style="red"))
            return
        category, people = self.category, self.people
        if category is None or not people:
            note.update(Text(_("Choose a category and at least one person first (ctrl+b goes back)."), style="red"))
            return
        self.slots = spread_preview(self.catalog, category, len(people), first, self.today, every, after=self.session.day)
        channels = self.catalog.channel_names()
        for slot, person in zip(self.slots, people):
            day = Text(labels.day(slot.date, weekday="short", year=True))
            table.add_row(
                f"{week_word(language())} {slot.week.week}", day, slot.time.strftime("%H:%M") if slot.time else "",
                literal(channels.get(slot.channel, "–")), literal(batches.draft_title(category, person)),
            )  # fmt: skip
        if len(self.slots) < len(people):
            only = ngettext("Only {count} free slot for {people} people.", "Only {count} free slots for {people} people.", len(self.slots))
            note.update(Text(only.format(count=len(self.slots), people=len(people)), style="red"))
        else:
            drafts = ngettext("{count} draft · ctrl+s writes it · nothing is written before",
                              "{count} drafts · ctrl+s writes them · nothing is written before", len(people))  # fmt: skip
            note.update(Text(drafts.format(count=len(people)), style="dim"))

    def _spread_options(self) -> tuple[IsoWeek, int]:
        raw_week = self.query_one("#batch-from", Input).value.strip()
        raw_every = self.query_one("#batch-every", Input).value.strip() or "1"
        try:
            first = parse_week(raw_week, self.today.year)
        except ValueError:
            try:
                first = IsoWeek.of(parse_date(raw_week, self.today))
            except UserError:
                raise UserError(_("Not a week: {text} (48, 2026-W48 or a date)").format(text=repr(raw_week))) from None
        if not raw_every.isdigit() or not 1 <= int(raw_every) <= 12:
            raise UserError(_("Weeks apart: a number from 1 to 12."))
        return first, int(raw_every)

    # -- events ----------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == Step.CATEGORY.value:
            category = next(c for c in self.catalog.categories() if c.id == event.option.id)
            questions = self.session.questions if self.session.category == category.id else category.question
            self._set(category=category.id, questions=questions, step=Step.PEOPLE)
            self.query_one("#batch-questions", TextArea).text = questions
            self.query_one("#batch-every", Input).value = str(max(1, round(category.cadence.interval_days / 7)))
            self._show_step()
        elif event.option_list.id == "batch-who":
            self._switch_person(int(event.option.id))

    def on_selection_list_selected_changed(self, event) -> None:
        self._show_consent()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("batch-day", "batch-start", "batch-minutes") and self.session.step is Step.SCHEDULE:
            self._read_schedule(quiet=True)
            self._show_schedule()
        elif event.input.id in ("batch-from", "batch-every") and self.session.step is Step.SPREAD:
            self._show_spread()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "batch-notes" and self.session.active and self.session.step is Step.SESSION:
            if event.text_area.text != self.session.notes.get(self.session.active, ""):
                self.session = self.session.with_note(self.session.active, event.text_area.text)
                self._save_soon()
        elif event.text_area.id == "batch-questions" and self.session.step is Step.SCHEDULE:
            self.session = dataclasses.replace(self.session, questions=event.text_area.text)
            self._save_soon()

    def _save_soon(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_AFTER_TYPING, self._save)

    def _read_schedule(self, quiet: bool = False) -> bool:
        try:
            day = parse_date(self.query_one("#batch-day", Input).value, self.today)
            start = parse_time(self.query_one("#batch-start", Input).value)
            minutes_text = self.query_one("#batch-minutes", Input).value.strip()
            if not minutes_text.isdigit() or not 1 <= int(minutes_text) <= 240:
                raise UserError(_("Minutes each: a number from 1 to 240."))
        except UserError as error:
            if not quiet:
                self.notify(str(error), severity="warning", markup=False)
            return False
        self.session = dataclasses.replace(self.session, day=day, start=start, minutes=int(minutes_text))
        return True

    def _switch_person(self, index: int) -> None:
        self._set(current=index)
        self.offered = None
        self._show_session()

    # -- actions ---------------------------------------------------------------------------------

    def action_forward(self) -> None:
        step = self.session.step
        if step is Step.CATEGORY:
            option_list = self.query_one(f"#{Step.CATEGORY.value}", OptionList)
            if option_list.highlighted is not None:
                option_list.action_select()
        elif step is Step.PEOPLE:
            chosen = tuple(self.query_one("#batch-people", SelectionList).selected)
            if not chosen:
                self.notify(_("Choose at least one person (space)."), severity="warning")
                return
            current = self.session.current if chosen == self.session.people else 0
            self._set(people=chosen, current=current, step=Step.SCHEDULE)
            self._show_step()
        elif step is Step.SCHEDULE:
            if self._read_schedule():
                self._set(step=Step.SESSION)
                self._show_step()
        elif step is Step.SESSION:
            if self.session.current + 1 < len(self.session.people):
                self._switch_person(self.session.current + 1)
            else:
                self._set(step=Step.SPREAD)
                self._show_step()

    def action_back(self) -> None:
        step = self.session.step
        if step is Step.SESSION and self.session.current > 0:
            self._switch_person(self.session.current - 1)
            return
        order = list(Step)
        if step in (Step.CATEGORY, Step.DONE):
            return
        self._set(step=order[order.index(step) - 1])
        self._show_step()

    def action_take_asset(self) -> None:
        if self.session.step is not Step.SESSION or not self.offered or not self.session.active:
            return
        self._set(assets={**self.session.assets, self.session.active: self.offered})
        self.offered = None
        self._show_asset()

    def action_write(self) -> None:
        if self.session.step is not Step.SPREAD:
            return
        people = self.people
        if not self.slots or len(self.slots) < len(people):
            self.notify(_("No complete spread to write yet."), severity="warning")
            return
        self._save()
        try:
            created = batches.finish_session(self.catalog, self.session, self.slots, people)
        except (WorkspaceError, OSError, UserError) as error:
            self.notify(_("Not written: {error}").format(error=error), severity="error", markup=False)
            return
        self.session = self.saved = dataclasses.replace(self.session, step=Step.DONE, drafts=tuple(created))
        self.dismiss(created)

    def action_discard(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    batches.discard_session(self.catalog, self.session)
                except (WorkspaceError, OSError) as error:
                    self.notify(_("Not discarded: {error}").format(error=error), severity="error", markup=False)
                    return
                self.saved = self.session  # nothing more to save
                self.dismiss(None)

        self.app.push_screen(Confirm(_("Discard this batch session and its notes?")), answered)

    def action_leave(self) -> None:
        self._save()
        self.dismiss(None)

    def on_key(self, event) -> None:
        if event.key == "a" and self.session.step is Step.PEOPLE:
            event.stop()
            self._add_person()

    def _add_person(self) -> None:
        def answered(name: str | None) -> None:
            if not name or not name.strip():
                return
            try:
                person = add_person(self.catalog, name)
            except (UserError, WorkspaceError, OSError) as error:
                self.notify(str(error), severity="error", markup=False)
                return
            chosen = tuple(self.query_one("#batch-people", SelectionList).selected) + (person.id,)
            self._set(people=chosen)
            self._fill_people()
            self._show_consent()
            self.notify(_("Added {name}: no consent registered yet (People, P)").format(name=literal(person.name)), markup=False)

        self.app.push_screen(Ask(_("Add a person"), placeholder=_("Name")), answered)

    # -- the asset folder while a person is interviewed ------------------------------------------

    def asset_arrived(self, key: str) -> None:
        """A new file in the asset folder (its key: the path inside it); offered to the active person."""
        if self.session.step is not Step.SESSION or not self.session.active:
            return
        self.offered = key
        self._show_asset()
        self.notify(_("New file: {file} — ctrl+o takes it").format(file=literal(key)), markup=False)
