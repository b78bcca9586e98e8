"""The batch session: one category, several people in one sitting, one draft each, spread out.

Steps: category → people → schedule → session → spread, each a widget in batch_steps.py; this
screen holds the session and moves between them. ctrl+n goes forward (in the session: to the
next person), ctrl+b back. The session is a record in the workspace, saved at every step, at
every person and a second after typing stops, so closing the app or a sleeping laptop loses
nothing: opening the batch again resumes where it was. Nothing becomes a post until the spread
preview is written with ctrl+s.

While a person is being interviewed, a new file arriving in the asset folder (the photo from the
phone, synced in) is offered for that person: ctrl+o takes it. The main screen's asset watcher
reports arrivals (`asset_arrived`), once a file has stopped growing.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Static

from someplan.domain.batch import BatchSession, Step
from someplan.i18n import N_, _
from someplan.services import batch as batches
from someplan.services.errors import UserError
from someplan.store.problems import WorkspaceError
from someplan.textsafe import literal
from someplan.tui.footer import Footer
from someplan.tui.screens.batch_steps import STEPS, BatchStep, SessionStep, SpreadStep
from someplan.tui.screens.batch_steps import consent_text as consent_text  # the people screen's, too
from someplan.tui.screens.dialogs import Confirm
from someplan.tui.screens.paint_first import PaintsFirst

SAVE_AFTER_TYPING = 1.0  # seconds of quiet before notes are saved
STEP_TITLES = {
    Step.CATEGORY: N_("Choose the category"),
    Step.PEOPLE: N_("Choose the people, in interview order"),
    Step.SCHEDULE: N_("The session's day, times and questions"),
    Step.SESSION: N_("The session"),
    Step.SPREAD: N_("Spread the drafts over the weeks"),
}
ORDER = list(Step)


class BatchScreen(PaintsFirst, Screen):
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
        self._save_timer: Timer | None = None
        # The steps by their Step, kept past the screen's end (what it wrote stays readable).
        self._steps: dict[Step, BatchStep] = {cls.step: cls(id=cls.step.value) for cls in STEPS}  # type: ignore[call-arg]
        self._mounting: asyncio.Task | None = None  # a step being added as it is first shown

    @property
    def catalog(self):
        return self.app.catalog

    def compose(self):
        # Only the step shown: each other step is added as it is first shown, filled from the
        # session as it is then (building all five, with their inputs and lists, was most of
        # opening the screen). What a step fills in follows the session, so a step filled later
        # shows what it would have shown had it been built at the start and kept up.
        yield Static(id="batch-header", markup=False)
        current = self.step_widget()
        with ContentSwitcher(initial=current.id if current else None, id="batch-steps"):
            if current is not None:
                yield current
        yield Footer()

    def on_mount(self) -> None:
        for step in self.steps():
            step.fill()
        self._show_step()

    def on_unmount(self) -> None:
        self._save()

    def steps(self) -> list[BatchStep]:
        """The steps built so far (shown at least once), in their order."""
        return [step for step in self._steps.values() if step.parent is not None]  # type: ignore[attr-defined]

    def step_widget(self) -> BatchStep | None:
        """The step shown (none once the session is done)."""
        return self._steps.get(self.session.step)

    # -- the session -----------------------------------------------------------------------------

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

    def change(self, save: bool = True, **fields) -> None:
        """The session with `fields` changed; saved now unless `save` is False (then with the
        next save: as the wizard goes on, or when it is left)."""
        self.session = dataclasses.replace(self.session, **fields)
        if save:
            self._save()

    def change_soon(self, **fields) -> None:
        """Changed as typed: saved once typing pauses."""
        self.session = dataclasses.replace(self.session, **fields)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_AFTER_TYPING, self._save)

    @property
    def category(self):
        return next((c for c in self.catalog.categories() if c.id == self.session.category), None)

    @property
    def people(self) -> list:
        known = {p.id: p for p in self.catalog.people()}
        return [known[p] for p in self.session.people if p in known]

    @property
    def _session_step(self) -> SessionStep:
        return self._steps[Step.SESSION]  # type: ignore[return-value]

    @property
    def _spread_step(self) -> SpreadStep:
        return self._steps[Step.SPREAD]  # type: ignore[return-value]

    @property
    def offered(self) -> str | None:
        """The new file offered to the person interviewed."""
        return self._session_step.offered

    @property
    def slots(self) -> tuple:
        """The spread's preview."""
        return self._spread_step.slots

    # -- moving between the steps ----------------------------------------------------------------

    def _show_header(self) -> None:
        step = self.session.step
        category = self.category
        title = _(STEP_TITLES[step]) if step in STEP_TITLES else ""
        header = Text.assemble(
            (_("Batch session"), "bold"), " · " + _("step {number} of 5: {title}").format(number=step.number, title=title)
        )
        if category:
            header.append("  ·  ")
            header.append_text(Text.assemble(("■ ", category.colour), literal(category.name)))
        self.query_one("#batch-header", Static).update(header)

    def _show_step(self) -> None:
        self._show_header()
        widget = self.step_widget()
        if widget is not None and widget.parent is None:  # type: ignore[attr-defined]
            self._mounting = asyncio.create_task(self._add_step(widget))
            return
        self.query_one(ContentSwitcher).current = self.session.step.value
        if widget is not None:
            widget.enter()

    async def _add_step(self, widget: BatchStep) -> None:
        try:
            await self.query_one(ContentSwitcher).mount(widget)  # type: ignore[arg-type]
            widget.fill()
        finally:
            self._mounting = None
        self._show_step()

    async def _step_ready(self) -> None:
        """A key that acts on the step waits until the step it shows has been added."""
        while self._mounting is not None:
            await self._mounting

    def retranslate(self) -> None:
        """The language changed (tui/language.py): what the steps show anew; typed text and the
        people chosen stay."""
        self._show_header()
        for step in self.steps():
            step.retranslate()

    async def action_forward(self) -> None:
        await self._step_ready()
        step, widget = self.session.step, self.step_widget()
        if widget is None or step is Step.SPREAD:
            return
        fields = widget.forward()
        if fields is None:
            return
        chosen_category = "category" in fields
        self.change(**fields, step=ORDER[ORDER.index(step) + 1])
        if chosen_category:
            for other in self.steps():
                other.category_chosen(self.category)
        self._show_step()

    async def action_back(self) -> None:
        await self._step_ready()
        step, widget = self.session.step, self.step_widget()
        if step in (Step.CATEGORY, Step.DONE) or widget is None or widget.back():
            return
        self.change(step=ORDER[ORDER.index(step) - 1])
        self._show_step()

    # -- the end ---------------------------------------------------------------------------------

    async def action_write(self) -> None:
        await self._step_ready()
        if self.session.step is not Step.SPREAD:
            return
        slots = self._spread_step.complete_slots()
        if slots is None:
            return
        self._save()
        try:
            created = batches.finish_session(self.catalog, self.session, slots, self.people)
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

    # -- the asset folder while a person is interviewed ------------------------------------------

    async def action_take_asset(self) -> None:
        await self._step_ready()
        if self.session.step is Step.SESSION:
            self._session_step.take_asset()

    def asset_arrived(self, key: str) -> None:
        """A new file in the asset folder (its key: the path inside it); offered to the active person."""
        if self.session.step is Step.SESSION:
            self._session_step.asset_arrived(key)
