"""The main screen: four panes, and the only place that coordinates them.

Panes post messages or call `screen.*` actions; the screen reads the workspace through the
services, writes through them, and tells each pane what to show. Every change is written to the
workspace at once (one atomic batch per action); `u` undoes the last change made here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import threading
import time
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from someplan.domain.post import MIX_FIELDS, Post, Status
from someplan.domain.weeks import IsoWeek, parse_week, week_label, week_word
from someplan.i18n import N_, _, language, ngettext

# The services only keys use (planning, categories, rotation_fill, user_input) are imported by
# the actions that use them: the first frame has no use for them.
from someplan.services.catalog import POSTS, Catalog
from someplan.services.errors import UserError
from someplan.services.overview import figures_summary, rotation_rows
from someplan.services.status import week_lines
from someplan.services.undo import Undo, UndoStack
from someplan.store.problems import WorkspaceError
from someplan.textsafe import literal
from someplan.tui import labels, parsed_styles, status_steps, strategy_marks
from someplan.tui.footer import Footer
from someplan.tui.messages import WorkspaceChanged
from someplan.tui.panes.assets import AssetsPane
from someplan.tui.panes.base import Pane
from someplan.tui.panes.detail import DetailPane
from someplan.tui.panes.figures import FiguresPane
from someplan.tui.panes.plan import WeekPlanPane
from someplan.tui.panes.rotation import RotationPane
from someplan.tui.planner_app import planner_app
from someplan.tui.screens import lazy, pane_layout
from someplan.tui.screens.first_layout import LaidOutBeforeDrawn
from someplan.tui.screens.main_acts import PostActs
from someplan.tui.screens.main_assets import AssetsCoordination
from someplan.tui.screens.main_attention import AttentionCoordination
from someplan.tui.screens.main_detail import DetailCoordination
from someplan.tui.screens.main_search import SearchCoordination
from someplan.tui.write_guard import done, writes

NARROW_WIDTH = 100
NARROW_HEIGHT = 30
PRELOAD_AFTER_S = 0.3  # the screens a key opens are imported this long after the first frame
KEEP_STYLES_AFTER_S = 0.5  # the parsed style sheets are kept this long after the editor is built ahead


class MainScreen(
    LaidOutBeforeDrawn,
    SearchCoordination,
    AttentionCoordination,
    AssetsCoordination,
    DetailCoordination,
    PostActs,
    pane_layout.PaneFocusStyles,
    Screen,
):
    # Textual repaints the whole screen when the focus moves; what a move changes (the two
    # widgets, the panes' borders, the footer) redraws itself, and tests/tui/test_app.py checks
    # nothing is left stale.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    BINDINGS = [
        Binding("1", "show_pane(1)", N_("Plan"), id="app.pane_plan"),
        Binding("2", "show_pane(2)", N_("Rotation"), id="app.pane_rotation"),
        Binding("3", "show_pane(3)", N_("Assets"), id="app.pane_assets"),
        Binding("4", "show_pane(4)", N_("Figures"), id="app.pane_figures"),
        Binding("5", "show_pane(5)", N_("Post"), id="app.pane_detail", show=False),
        Binding("D", "toggle_detail", N_("Detail"), id="app.detail", show=False),  # help lists it; the footer is full
        # Textual's own tab moves the focus among what is shown: on a narrow screen, one pane.
        Binding("tab", "next_pane(1)", show=False, id="app.next_pane"),
        Binding("shift+tab", "next_pane(-1)", show=False, id="app.previous_pane"),
        Binding("b", "batch", N_("Batch"), id="app.batch"),
        Binding("P", "people", N_("People"), id="app.people"),
        Binding("F", "figures_view", N_("Figures view"), id="app.figures_view"),
        Binding("w", "year_wheel", N_("Year wheel"), id="app.year_wheel"),
        Binding("E", "export", N_("Export"), id="app.export"),
        Binding("slash", "search", N_("Search"), id="app.search"),
        Binding("exclamation_mark", "attention", N_("Needs attention"), id="app.attention"),
        # Not in the footer, which is full at 80 columns; help and the palette list it.
        Binding("R", "report", N_("Report of the last month"), id="app.report", show=False),
        Binding("i", "inbox", N_("Ideas"), id="app.inbox", show=False),
        Binding("G", "goals", N_("Goals"), id="app.goals", show=False),
        Binding("I", "import_figures", N_("Import figures"), id="app.import_figures"),
        Binding("M", "mix", N_("Mix and hours"), id="app.mix", show=False),
        # o opens the asset in the week plan: the format takes capital O, the surface X (eXposure).
        Binding("O", "cycle('format')", N_("Next format of the post"), id="app.cycle_format", show=False),
        Binding("X", "cycle('surface')", N_("Next surface of the post"), id="app.cycle_surface", show=False),
        Binding("S", "strategy", N_("Purpose and permission of the post"), id="app.post_strategy", show=False),
    ]

    def __init__(self) -> None:
        # The week plan has the focus from the start: its class now, not as it takes the focus
        # (a class added to the screen restyles every widget on it).
        super().__init__(classes="plan-active")
        self._week: IsoWeek | None = None
        self.last_colleague: str | None = None
        self._settled = threading.Event()  # the first frames are drawn: the screens may be imported
        self._leaving = False  # being taken down (Textual's own `_closing` is not ours to set)

    def compose(self):
        yield Static(id="header", markup=False)
        yield WeekPlanPane(id="plan", classes="pane active")
        yield DetailPane(id="detail", classes="pane")
        # The grid places them in this order (app.tcss): figures or assets, then the rotation.
        yield FiguresPane(id="figures", classes="pane")
        yield AssetsPane(id="assets", classes="pane")
        yield RotationPane(id="rotation", classes="pane")
        yield Footer()

    @property
    def catalog(self) -> Catalog:
        return planner_app(self).catalog

    @property
    def today(self) -> dt.date:
        return planner_app(self).today

    @property
    def undo_stack(self) -> UndoStack:
        return planner_app(self).undo_stack

    @property
    def week(self) -> IsoWeek:
        """The week shown."""
        assert self._week is not None  # set as the screen mounts, before anything reads it
        return self._week

    @week.setter
    def week(self, week: IsoWeek) -> None:
        self._week = week

    @property
    def plan(self) -> WeekPlanPane:
        return self.query_one(WeekPlanPane)

    def on_mount(self) -> None:
        self.week = IsoWeek.of(self.today)
        self.open_assets()  # where the asset folder is, so the detail's first draw wants its picture
        self._fit(self.app.size.width, self.app.size.height)
        self.plan.width_hint, self.query_one(FiguresPane).width_hint = self._widths(self.app.size.width)
        self.refresh_all(day=self.today)
        self._show_detail()  # now, not when the plan's highlight message comes: after the first layout
        self.plan.activate()
        planner_app(self).first_week_drawn()
        # After the first frame: a large asset folder must not hold up the week plan, nor the
        # screens that only a key opens.
        self.call_after_refresh(self._start_assets)
        self._preload_screens()  # its worker waits for the first frames

    def on_unmount(self) -> None:
        self._leaving = True
        self._settled.set()  # a preload still waiting has nothing left to wait for, nor to do
        self._stop_assets()
        gc.unfreeze()  # what _preload_screens froze is the collector's again (another app may follow)

    def _preload_screens(self) -> None:
        # Importing every screen holds the interpreter's lock for a good part of a second: begun
        # at once, it slowed the frames still coming (the name question, the footer) by as much.
        self.set_timer(PRELOAD_AFTER_S, self._settled.set)

        def load() -> None:
            self._settled.wait(PRELOAD_AFTER_S * 4)
            if self._leaving:  # quit within the first moments: no half a second of imports on the way out
                return
            try:
                lazy.preload()
                self._from_thread(lazy.translate_loaded)
                self._from_thread(lazy.read_styles, self.app)
                self._from_thread(lazy.prebuild_editor, self.app, self.today)
                # The sheets as parsed for the next start, once the editor built ahead has
                # composed (its inputs' sheets are parsed as they mount, after the call above).
                self._from_thread(self.set_timer, KEEP_STYLES_AFTER_S, self._keep_styles)
            finally:
                # What is loaded by now (the workspace's records, the screens) stays for the
                # session: out of the collector's way, a full collection no longer walks it during
                # a key press (~80 ms of opening the editor on the 3,000-post bench). No collection
                # first: it would hold the screen up as long; the start's little garbage (some
                # 6,000 objects on the bench) is frozen with it and goes at exit.
                if not self._leaving:  # taken down meanwhile: it unfroze what there was (on_unmount)
                    gc.freeze()
                started = planner_app(self).started
                if started is not None:
                    started()

        self.run_worker(load, thread=True, group="screens")

    def _keep_styles(self) -> None:
        parsed_styles.keep(self.app.stylesheet, self.app.get_css_variables())

    def new_day(self, yesterday: dt.date) -> None:
        """The app's today moved on at midnight. Someone watching yesterday (its week, that day
        selected) follows to today; someone looking at another week stays where they are."""
        if yesterday in self.week and self.plan.selected_day in (None, yesterday):
            self.week = IsoWeek.of(self.today)
            self.refresh_all(day=self.today)
        else:
            self.refresh_all()

    # -- drawing ---------------------------------------------------------------------------------

    def refresh_all(self, keep: str | None = None, day: dt.date | None = None, posts_changed: bool = True) -> None:
        """Redraw; the side panes only when posts changed (they do not depend on the week shown)."""
        posts = self.catalog.posts_between(self.week.monday, self.week.sunday)  # read once: the plan and the hours
        report = week_lines(self.catalog, self.week, self.today, posts)
        self.plan.filter_ids = self.filter_ids(report)
        self.plan.marks = self.attention_marks()
        self.plan.show(report, keep=keep, day=day)  # its highlight, set again, draws the detail
        if posts_changed:
            self.query_one(RotationPane).show(rotation_rows(self.catalog, self.today))
            self.query_one(FiguresPane).show(figures_summary(self.catalog, IsoWeek.of(self.today), coming=4))
            self._show_assets()
        self._draw_header(report, posts)

    def _draw_header(self, report, posts: list[Post] | None = None) -> None:
        gap = "\u00a0\u00a0"  # no-break spaces: plain ones are trimmed where segments meet
        week = week_label(report.week, language())
        header = Text.assemble((literal(self.catalog.name()), "bold"), "\u00a0·\u00a0", (week, "bold"))
        self.attention_header(header, gap)  # before the rest: the header is cut at the right on a small screen
        header.append_text(strategy_marks.header_marks(self.catalog, report.week, self.today, posts))
        if self.last_colleague:
            header.append(f"{gap}⟳ {literal(self.last_colleague)}", style="green")
        problems = self.catalog.workspace.problems
        if any(p.code in ("unsynced", "private-only") for p in problems):
            # Lasting until the shared folder has them: colleagues do not see these edits.
            header.append(gap + _("⚠ edits only on this machine"), style="bold red")
        if problems:
            shown = ngettext("⚠ {count} problem (ctrl+p: doctor)", "⚠ {count} problems (ctrl+p: doctor)", len(problems))
            header.append(gap + shown.format(count=len(problems)), style="yellow")
        beat = planner_app(self).presence
        if beat is not None and beat.colleagues:
            names = ", ".join(literal(colleague.name) for colleague in beat.colleagues)
            header.append(gap + _("● also here: {names}").format(names=names), style="cyan")
        self.query_one("#header", Static).update(header)

    def redraw_header(self) -> None:
        """Who else is here changed (tui/presence_beat.py)."""
        if self.plan.report is not None:
            self._draw_header(self.plan.report)

    def write_failed(self) -> None:
        """A write was refused (tui/write_guard.py): show what the workspace really holds."""
        self.refresh_all()

    def retranslate(self) -> None:
        """The language changed (tui/language.py): every pane draws its words again; the week,
        the selection and the undo stack stay."""
        for pane in self.query(Pane):
            pane.retranslate()
        self.refresh_all()  # the asset list too: its key holds the language

    def on_resize(self, event) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        # Below 100x30 one pane at a time fills the screen; 1–4 and tab switch between them.
        self.set_class(width < NARROW_WIDTH or height < NARROW_HEIGHT, "narrow")

    def _widths(self, width: int) -> tuple[int, int]:
        """The week plan's rows' and the key figures' width at a screen `width`, as app.tcss lays
        them out before the layout says: the whole width when narrow, else two and one of the
        grid's columns (3fr 3fr 4fr); less each pane's border and padding, and the figures'
        scrollbar (their text is taller than the pane but on a tall screen). A wrong guess costs
        a second drawing once the layout is in, as before."""
        if self.has_class("narrow"):
            return width - 4, width - 6
        return width * 6 // 10 - 4, width * 3 // 10 - 6

    # -- panes -----------------------------------------------------------------------------------

    def _pane(self, number: int) -> Pane:
        return next(p for p in self.query(Pane) if p.NUMBER == number)

    def action_show_pane(self, number: int) -> None:
        pane = self._pane(number)
        self._make_active(pane)
        pane.activate()

    def action_next_pane(self, step: int) -> None:
        if not self.has_class("narrow"):
            self.focus_next() if step > 0 else self.focus_previous()
            return
        panes = list(self.query(Pane))  # in the order tab takes on a wide screen
        current = next((i for i, pane in enumerate(panes) if pane.has_class("active")), 0)
        self.action_show_pane(panes[(current + step) % len(panes)].NUMBER)

    def _make_active(self, pane: Pane) -> None:
        pane_layout.mark_active(self, pane, self.query(Pane))

    def on_descendant_focus(self, event) -> None:
        pane = next((a for a in event.widget.ancestors_with_self if isinstance(a, Pane)), None)
        if pane is not None:
            self._make_active(pane)

    # -- weeks -----------------------------------------------------------------------------------

    def _show_week(self, week: IsoWeek, day: dt.date | None = None) -> None:
        self.week = week
        self.refresh_all(day=day or (self.today if self.today in week else week.monday), posts_changed=False)

    def action_prev_week(self) -> None:
        self._step_week(-1)

    def action_next_week(self) -> None:
        self._step_week(1)

    def _step_week(self, step: int) -> None:
        day = self.plan.selected_day
        try:
            week = self.week + step
        except ValueError as error:  # the edge of the years someplan plans
            self.notify(str(error), severity="warning", markup=False)
            return
        self._show_week(week, day=day + dt.timedelta(days=7 * step) if day else None)

    def action_this_week(self) -> None:
        self._show_week(IsoWeek.of(self.today), day=self.today)

    def action_go_to(self) -> None:
        def check(text: str) -> str | None:
            return None if self._parse_target(text) else _("A week (47, 2026-W47, week 47) or a date (23.11.2026).")

        def answered(text: str | None) -> None:
            target = self._parse_target(text) if text else None  # `check` let only a readable one through
            if target:
                self._show_week(*target)

        ask = lazy.screen("Ask")
        self.app.push_screen(ask(_("Go to week or date"), placeholder="47 · 2026-W47 · 23.11.2026", check=check), answered)

    def _parse_target(self, text: str) -> tuple[IsoWeek, dt.date | None] | None:
        from someplan.services import user_input

        try:
            return parse_week(text, self.week.year), None
        except ValueError:
            pass
        try:
            day = user_input.parse_date(text, self.today)
            return IsoWeek.of(day), day
        except UserError:
            return None

    # -- posts -----------------------------------------------------------------------------------

    def _selected_post(self) -> Post | None:
        post_id = self.plan.selected_post_id
        if post_id is None:
            return None
        try:
            return self.catalog.post(post_id)
        except UserError:
            return None

    def action_new_post(self) -> None:
        day = self.plan.selected_day or self.week.monday
        post = Post(id="", date=day, status=Status.IDEA)
        self._open_editor(post, is_new=True)

    def action_edit_post(self) -> None:
        post = self._selected_post()
        if post is None:
            self.action_new_post()
            return
        self._open_editor(post, is_new=False)

    def _open_editor(self, post: Post, is_new: bool) -> None:
        from someplan.services import planning

        editor = lazy.post_editor(self.app, post, self.catalog.channels(), self.catalog.categories(), self.today, is_new,
                                  asset_hint=self.asset_hint(post))  # fmt: skip

        @writes
        def saved(self, result: Post | None) -> None:
            if result is None:
                return
            undo: Undo | None
            if is_new:
                undo = planning.plan_post(self.catalog, result)
                post_id = undo.post
                done(self, _("Planned “{title}” — u undoes").format(title=literal(result.title)))
            else:
                undo = planning.change_post(self.catalog, post, result)
                post_id = post.id
                saved = _("Saved “{title}” — u undoes") if undo else _("“{title}”: nothing changed")
                done(self, saved.format(title=literal(result.title)))
            self.undo_stack.push(undo)
            self.week = IsoWeek.of(result.date) if result.date else self.week
            self.refresh_all(keep=post_id)

        self.app.push_screen(editor, functools.partial(saved, self))

    @writes
    def action_delete_post(self) -> None:
        from someplan.services import planning

        post = self._selected_post()
        if post is None:
            return
        self.undo_stack.push(planning.delete_post(self.catalog, post.id))
        self.notify(_("Deleted “{title}” — u undoes").format(title=literal(post.title)), markup=False)
        self.refresh_all(day=post.date)

    @writes
    def _change(self, post: Post, said: tuple[str, str] | None = None, **fields) -> bool:
        """Change fields of `post`; `said`: (what `u` names, what the toast says) of the change.
        True when it was saved (a refused write is said by `writes`, which returns None)."""
        from someplan.services import planning

        undo = planning.change_post(self.catalog, post, dataclasses.replace(post, **fields))
        if undo is not None and said is not None:
            undo = dataclasses.replace(undo, what=said[0])
            done(self, said[1] + " — " + _("u undoes"))
        self.undo_stack.push(undo)
        self.refresh_all(keep=post.id)
        return True

    def action_move_post(self, days: int) -> None:
        if self.selecting:
            self.move_marked(days)
            return
        post = self._selected_post()
        if post is None or post.date is None:
            return
        target = post.date + dt.timedelta(days=days)
        try:
            week = IsoWeek.of(target)
        except ValueError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.week = week
        title, day = literal(post.title), labels.day(target, weekday="long")
        said = (_("moving “{title}” to {day}").format(title=title, day=day),
                _("Moved “{title}” to {day}").format(title=title, day=day))  # fmt: skip
        self._change(post, said, date=target)

    def action_advance_status(self) -> None:
        if self.selecting:  # space marks in the selection mode
            self.toggle_mark()
            return
        post = self._selected_post()
        if post is None or post.status is Status.PUBLISHED:
            self.notify(status_steps.why_not_forward(post), severity="warning", markup=False)
            return
        status = post.status.next()
        if status is not Status.PUBLISHED or (post.date is not None and post.date <= self.today):
            self._change(post, self._status_said(post, status), status=status)
            return
        # Published is a fact about the past: a key pressed once too often must not claim it.
        if post.date is None:
            question = _("“{title}” has no date. Mark it as published?").format(title=literal(post.title))
        else:
            when = labels.day(post.date, weekday="long", year=True)
            question = _("“{title}” is planned for {day}, in the future. Mark it as published now?")
            question = question.format(title=literal(post.title), day=when)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                current = self.catalog.post(post.id)  # as it is now: a colleague may have changed it
            except UserError:
                return
            self._change(current, self._status_said(current, status), status=status)

        self.app.push_screen(lazy.screen("Confirm")(question), answered)

    @staticmethod
    def _status_said(post: Post, status: Status) -> tuple[str, str]:
        title, label = literal(post.title), status.label()
        return (_("setting “{title}” to {status}").format(title=title, status=label),
                _("“{title}”: {status}").format(title=title, status=label))  # fmt: skip

    def action_step_status_back(self) -> None:
        post = self._selected_post()
        if post is None or post.status is Status.IDEA:
            self.notify(status_steps.why_not_back(post), severity="warning", markup=False)
            return
        status = post.status.previous()
        self._change(post, self._status_said(post, status), status=status)

    @writes
    def action_duplicate_post(self) -> None:
        from someplan.services import planning

        if self.selecting:
            self.duplicate_marked()
            return
        post = self._selected_post()
        if post is None:
            return
        copy = post.reuse()  # same content and assets, a draft without figures, linked to the original
        undo = planning.plan_post(self.catalog, copy, what=_("duplicating “{title}”").format(title=literal(post.title)))
        self.undo_stack.push(undo)
        done(self, _("Duplicated “{title}” as a draft — u undoes").format(title=literal(post.title)))
        self.refresh_all(keep=undo.post)

    @writes
    def action_undo(self) -> None:
        undone = self.undo_stack.undo(self.catalog)
        if undone is None:
            self.notify(_("Nothing to undo"))
            return
        self.notify(_("Undone: {what}").format(what=literal(undone.what)), markup=False)
        post = self.catalog.workspace.get(POSTS, undone.post) if undone.post else None
        if post and isinstance(post.get("date"), str):
            try:
                self.week = IsoWeek.of(dt.date.fromisoformat(post["date"]))
            except ValueError:
                pass
        self.refresh_all(keep=undone.post if post else None)

    # -- the rotation's categories ----------------------------------------------------------------

    def _selected_category(self):
        category_id = self.query_one(RotationPane).selected_category_id
        return next((c for c in self.catalog.categories() if c.id == category_id), None)

    @writes
    def action_toggle_category(self) -> None:
        from someplan.services import categories

        category = self._selected_category()
        if category is None:
            return
        categories.edit_category(self.catalog, category.id, active=not category.active)
        done = _("{category}: paused") if category.active else _("{category}: back in the rotation")
        self.notify(done.format(category=literal(category.name)), markup=False)
        self.refresh_all()

    @writes
    def action_move_category(self, steps: int) -> None:
        from someplan.services import categories

        category = self._selected_category()
        if category is not None:
            categories.move_category(self.catalog, category.id, steps)
            moved = _("{category}: earlier in the rotation") if steps < 0 else _("{category}: later in the rotation")
            done(self, moved.format(category=literal(category.name)))
            self.refresh_all()

    def action_edit_category(self) -> None:
        from someplan.services import categories

        category = self._selected_category()
        if category is None:
            return

        @writes
        def saved(self, fields: dict | None) -> None:
            if fields:
                try:
                    categories.edit_category(self.catalog, category.id, **fields)
                except UserError as error:
                    self.notify(str(error), severity="error", markup=False)
                else:
                    done(self, _("Saved {category}").format(category=literal(category.name)))
                self.refresh_all()

        self.app.push_screen(lazy.screen("CategoryEditor")(category, self.catalog.channels()), functools.partial(saved, self))

    # -- batch sessions and people ------------------------------------------------------------

    def action_batch(self) -> None:
        from someplan.services import batch as batch_service

        try:
            session = batch_service.unfinished(self.catalog)
            if session is None:
                session = batch_service.start_session(self.catalog)
            else:
                self.notify(_("Resuming the batch session where it was (ctrl+r discards it)"))
        except (WorkspaceError, OSError) as error:
            self.notify(_("Cannot start a batch session: {error}").format(error=error), severity="error", markup=False)
            return

        def ended(created: list | None) -> None:
            if created:
                self.undo_stack.push(batch_service.undo_drafts(created))
                wrote = ngettext("Wrote {count} draft from the batch session — u undoes",
                                 "Wrote {count} drafts from the batch session — u undoes", len(created))  # fmt: skip
                self.notify(wrote.format(count=len(created)), markup=False)
            self.refresh_all()

        self.app.push_screen(lazy.screen("BatchScreen")(session, self.today), ended)

    def action_people(self) -> None:
        self.app.push_screen(lazy.screen("PeopleScreen")(self.today), lambda _: self.refresh_all())

    def action_goals(self) -> None:
        self.app.push_screen(lazy.screen("GoalsScreen")(), lambda _: self.refresh_all())

    # -- filling from the rotation -----------------------------------------------------------

    def action_fill_week(self) -> None:
        self._fill([self.week])

    def action_fill_weeks(self) -> None:
        from someplan.services import rotation_fill

        def check(text: str) -> str | None:
            ok = text.strip().isdigit() and 1 <= int(text) <= rotation_fill.MAX_FILL_WEEKS
            return None if ok else _("A number of weeks, 1–{most}.").format(most=rotation_fill.MAX_FILL_WEEKS)

        def answered(text: str | None) -> None:
            if text:
                self._fill(rotation_fill.next_weeks(IsoWeek.of(self.today), int(text)))

        self.app.push_screen(lazy.screen("Ask")(_("Fill how many weeks from this week?"), value="4", check=check), answered)

    def _fill(self, weeks: list[IsoWeek]) -> None:
        from someplan.services import rotation_fill

        today = self.today
        if weeks[-1].sunday < today:
            self.notify(_("That week has passed: nothing to fill."), severity="warning")
            return
        plan = rotation_fill.fill_plan(self.catalog, weeks, today)
        label = f"{week_word(language())} {weeks[0].week}" + (f"–{weeks[-1].week}" if len(weeks) > 1 else "")
        if not plan.proposals:
            why = rotation_fill.why_nothing_to_fill(plan)
            self.notify(_("Nothing to fill in {weeks}: {why}.").format(weeks=label, why=why), markup=False)
            return
        holidays = set(rotation_fill.holidays_between(weeks[0].monday, weeks[-1].sunday + dt.timedelta(days=365)))
        count = len(plan.proposals)
        title = ngettext(
            "Fill {weeks} from the rotation: {count} proposal", "Fill {weeks} from the rotation: {count} proposals", count
        )
        title = title.format(weeks=label, count=count)
        self.app.push_screen(
            lazy.screen("FillPreview")(title, plan, self.catalog, today, holidays), functools.partial(self._filled, weeks)
        )

    @writes
    def _filled(self, weeks: list[IsoWeek], accepted: list | None) -> None:
        from someplan.services import rotation_fill

        if not accepted:
            return
        created, placed, undo = rotation_fill.fill(self.catalog, accepted)
        self.undo_stack.push(undo)
        planned = ngettext("Planned {count} new draft and {placed} from the backlog — u undoes",
                           "Planned {count} new drafts and {placed} from the backlog — u undoes", len(created))  # fmt: skip
        self.notify(planned.format(count=len(created), placed=len(placed)), markup=False)
        self.refresh_all()

    def action_figures_view(self) -> None:
        def closed(new_id: str | None) -> None:
            if new_id:  # a post was reused: show it in the plan (the view put its undo on the stack)
                day = self.catalog.post(new_id).date
                assert day is not None  # the view plans a reused post on a day
                self.week = IsoWeek.of(day)
                self.refresh_all(keep=new_id)
            else:
                self.refresh_all()

        self.app.push_screen(lazy.screen("FiguresScreen")(), closed)

    def action_year_wheel(self) -> None:
        def closed(day: dt.date | None) -> None:
            if day is not None:  # enter in the wheel: show that week
                self.week = IsoWeek.of(day)
                self.refresh_all(day=day)
            else:
                self.refresh_all()

        day = self.plan.selected_day or (self.today if self.today in self.week else self.week.monday)
        self.app.push_screen(lazy.screen("YearWheelScreen")(day, self.today, self.undo_stack, self.action_undo), closed)

    def action_export(self) -> None:
        def written(message: str | None) -> None:
            if message:
                self.notify(message, markup=False)

        self.app.push_screen(lazy.screen("ExportScreen")(self.week, self.today), written)

    def action_inbox(self) -> None:
        self.app.push_screen(lazy.screen("InboxScreen")(), lambda _drafted: self.refresh_all())

    def action_report(self) -> None:
        """Write the last whole month's report (as `someplan report` does) and say where. On a
        thread: a cold first report takes about half a second (Pillow, the calendar), and the key
        must not hold up the screen."""
        self.run_worker(self._write_report, thread=True, exclusive=True, group="report")

    def _write_report(self) -> None:
        from someplan.services.report_file import write_report

        workspace = self.catalog.workspace
        try:
            with workspace.lock:  # the records are read live: no colleague's op may land meanwhile
                report, path = write_report(self.catalog, None, self.today)
        except (UserError, WorkspaceError, OSError) as error:
            message, severity = _("No report: {error}").format(error=error), "error"
        else:
            message, severity = _("Wrote the report for {period} to {path}").format(period=report.label, path=path), "information"
        try:
            self.app.call_from_thread(self.notify, message, severity=severity, timeout=10, markup=False)
        except RuntimeError:
            pass  # the app is closing

    def action_mix(self) -> None:
        day = self.plan.selected_day or (self.today if self.today in self.week else self.week.monday)
        self.app.push_screen(lazy.screen("MixScreen")(day), lambda _result: self.refresh_all())

    def action_cycle(self, field: str) -> None:
        """`O`/`X`: the selected post's next format or surface, saying what it is now and what the week's hours say."""
        post = self._selected_post()
        if post is not None:
            if self._change(post, **{field: strategy_marks.next_value(field, getattr(post, field))}):
                self.notify(strategy_marks.cycled(self.catalog, post.id, field), markup=False)

    def action_strategy(self) -> None:
        """`S`: the selected post's purpose and earned content's permission (screens/post_strategy.py)."""
        post = self._selected_post()
        if post is None:
            return

        def saved(edited: Post | None) -> None:
            if edited is not None and edited != post:
                self._change(post, **{name: getattr(edited, name) for name in MIX_FIELDS})

        self.app.push_screen(lazy.screen("PostStrategy")(post, self.today), saved)

    def action_import_figures(self) -> None:
        def done(message: str | None) -> None:
            if message:
                self.notify(message, markup=False)
            self.refresh_all()

        self.app.push_screen(lazy.screen("FiguresImportScreen")(), done)

    # -- colleagues ------------------------------------------------------------------------------

    def on_workspace_changed(self, message: WorkspaceChanged) -> None:
        if message.by_colleague:
            workspace = self.catalog.workspace
            changes = (workspace.last_change(table, record_id) for table, record_id in message.changed)
            # Changes whose newest field is this device's are a `someplan` command in another
            # terminal of this machine: the user, not a colleague.
            names = ", ".join(sorted({change.who for change in changes if change and not change.mine}))
            if names:
                self.last_colleague = f"{names} {time.strftime('%H:%M')}"
            names = names or _("you, in another window")
            editor_class = lazy.loaded("PostEditor")
            # A PostEditor, loaded lazily: not imported here.
            editor: Any = next((s for s in self.app.screen_stack if editor_class and isinstance(s, editor_class)), None)
            if editor is not None and (POSTS, editor.original.id) in message.changed and not editor.is_new:
                now = self.catalog.workspace.get(POSTS, editor.original.id) or {}
                before = editor.original.to_doc()
                fields = [k for k in before if now.get(k, before[k] if before[k] in (None, "", []) else None) != before[k]]
                editor.colleague_changed(names, fields)
        self.refresh_all()
        if self.app.screen is not self:  # a full-screen view on top (the year wheel) redraws too
            self.app.screen.post_message(WorkspaceChanged(message.changed, message.by_colleague))
