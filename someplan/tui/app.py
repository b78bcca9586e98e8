"""The someplan app: opens the main screen on a workspace, with themes, keymap and live updates."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App, ScreenError, SystemCommand
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider

from someplan.i18n import ENV_VAR, LANGUAGE_NAMES, N_, _, language, ngettext
from someplan.services.calendar_data import calendar_problems
from someplan.services.catalog import Catalog, effective_today, seconds_to_midnight
from someplan.services.language import apply as apply_language
from someplan.services.locate import read_user_state, write_user_state
from someplan.services.undo import UndoStack
from someplan.store.device import default_display_name
from someplan.textsafe import literal
from someplan.tui import labels, parsed_styles, textual_words
from someplan.tui.keymap import load_keymap
from someplan.tui.language import switch_language
from someplan.tui.messages import WorkspaceChanged
from someplan.tui.panes.assets import AssetsPane
from someplan.tui.panes.plan import WeekPlanPane
from someplan.tui.panes.rotation import RotationPane
from someplan.tui.presence_beat import PresenceBeat
from someplan.tui.screens import lazy
from someplan.tui.screens.main import MainScreen
from someplan.tui.textual_words import CommandPalette
from someplan.tui.themes import DEFAULT_THEME, load_themes
from someplan.tui.translated_bindings import translate_bindings

if TYPE_CHECKING:
    from someplan.store.watcher import ChangeFeed

# The help's sections; the app itself ("Everywhere") comes first. A name stands for a screen
# that only a key opens, imported after the first frame (screens/lazy.py).
HELP_SECTIONS = (
    (N_("Panes"), MainScreen),
    (N_("Week plan"), WeekPlanPane),
    (N_("Post editor"), "PostEditor"),
    (N_("Rotation"), RotationPane),
    (N_("Fill preview"), "FillPreview"),
    (N_("Batch session"), "BatchScreen"),
    (N_("People"), "PeopleScreen"),
    (N_("Goals"), "GoalsScreen"),
    (N_("Figures view"), "FiguresScreen"),
    (N_("Year wheel"), "YearWheelScreen"),
    (N_("Campaign editor"), "CampaignEditor"),
    (N_("Assets"), AssetsPane),
    (N_("Export"), "ExportScreen"),
    (N_("Import figures"), "FiguresImportScreen"),
    (N_("Ideas inbox"), "InboxScreen"),
)

YEAR_WHEEL_COMMAND = (
    N_("Year wheel"),
    "screen.year_wheel",
    N_("The whole year: weeks or months, campaigns, holidays, post load"),
)
IMPORT_ENTRY = (N_("Import key figures…"), N_("From a Meta or LinkedIn export in Downloads: preview, then write"))

# Textual's own palette commands (get_system_commands), so that the catalog has them.
SYSTEM_COMMANDS = (
    N_("Theme"), N_("Change the current theme"), N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"), N_("Maximize"),
    N_("Maximize the focused widget"), N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)  # fmt: skip


# The languages named in the language spoken ("engelsk"); the palette's commands use their own names.
LANGUAGE_WORDS = {"nb": N_("Norwegian Bokmål"), "en": N_("English")}


class PlannerCommands(Provider):
    """The app's own commands in the command palette (ctrl+p), in the language spoken."""

    COMMANDS = (
        (N_("New post"), "screen.new_post", N_("Plan a post on the selected day")),
        (N_("Go to week or date"), "screen.go_to", N_("Show another ISO week")),
        (N_("This week"), "screen.this_week", N_("Back to today's week")),
        (N_("Search all weeks"), "screen.search", N_("By words, channel, category, status or person; enter shows the post")),
        (N_("Filter the week"), "screen.filter", N_("By text, channel, category, status or person")),
        (N_("Needs attention"), "screen.attention", N_("Past drafts, consent, clashes, missing captions, links, times")),
        (N_("Fill this week from the rotation"), "screen.fill_week", N_("Proposals for the empty slots, as a preview")),
        (N_("Fill the next weeks from the rotation"), "screen.fill_weeks", N_("Proposals for N weeks from this week")),
        (N_("Batch session"), "screen.batch", N_("Interview several people in one sitting; one draft each, spread out")),
        (N_("Ideas inbox"), "screen.inbox", N_("Ideas colleagues dropped into the ideas folder: make drafts of them")),
        (N_("People"), "screen.people", N_("Who may appear in posts, consent, when each was featured")),
        (N_("Switch theme"), "app.change_theme", N_("Pick one of the themes")),
        (N_("Goals"), "screen.goals", N_("What you want to achieve, its targets, and whether they are reached at this pace")),
        (N_("Key figures view"), "screen.figures_view", N_("Rates by category and channel, top posts, reuse")),
        YEAR_WHEEL_COMMAND,
        (N_("Export…"), "screen.export", N_("The plan as a calendar, a Hootsuite CSV, a Markdown or HTML plan, a CSV of posts")),
        (
            N_("Report of the last month"),
            "screen.report",
            N_("One HTML file in exports/: rates, charts, best posts, the year wheel"),
        ),
        (IMPORT_ENTRY[0], "screen.import_figures", IMPORT_ENTRY[1]),
        (N_("Run doctor"), "app.doctor", N_("Unreadable or stray files, clocks, devices")),
        (N_("Help: all keys"), "app.help", N_("Every key, by pane")),
    )

    def _commands(self) -> list[tuple[str, str, str]]:
        commands = [(_(name), action, _(help_text)) for name, action, help_text in self.COMMANDS]
        # Each language under its own name, so that it is found in either; the other one first.
        for code in sorted(LANGUAGE_NAMES, key=lambda code: code == language()):
            name = _("Language: {language}").format(language=LANGUAGE_NAMES[code])
            if code == language():
                help_text = _("The language spoken now")
            else:
                help_text = _("The planner in {language}, on this machine from now on").format(language=_(LANGUAGE_WORDS[code]))
            commands.append((name, f"app.language('{code}')", help_text))
        return commands

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action), help=help_text)

    async def discover(self) -> Hits:
        for name, action, help_text in self._commands():
            yield Hit(1, name, partial(self.app.run_action, action), help=help_text)


class SomeplanApp(App):
    # The editor's rules from the start: a stylesheet first read as a screen opens is applied
    # again to every widget of the app, on the key that opened it.
    CSS_PATH = ["app.tcss", "editor.tcss"]
    TITLE = "someplan"
    COMMANDS = App.COMMANDS | {PlannerCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", N_("Help"), id="app.help"),
        Binding("q", "quit", N_("Quit"), id="app.quit"),
        Binding("ctrl+p", "command_palette", N_("Commands"), id="app.commands", show=True),
    ]

    @staticmethod
    def prepare_terminal() -> None:
        """What must be asked of the terminal before the app runs (tui/picture.py)."""
        from someplan.tui.picture import prepare_graphics

        prepare_graphics()

    def __init__(
        self, catalog: Catalog, watch: bool = True, notice: str | None = None, started: Callable[[], None] | None = None
    ) -> None:
        """`notice`: said once the screen is up (where the demo's copy is: printed before the
        screen opens, it was seen only after quitting). `started`: called once the start is over (the
        first frames out, the screens a key opens loaded), on a worker thread."""
        apply_language(catalog.settings().locale)
        translate_bindings()  # before super().__init__, which copies the app's own key map
        super().__init__()
        self.catalog = catalog
        self.today: dt.date = effective_today(catalog)[0]
        self._watch = watch
        self._notice = notice
        self.started = started
        self._feed: ChangeFeed | None = None
        self.undo_stack = UndoStack()  # one for the app: `u` in the plan undoes what any view wrote
        self.presence: PresenceBeat | None = None  # who else has the workspace open (the header)
        # The theme before the style sheets are first parsed, so that they are parsed once, in
        # its colours: chosen as the app mounted, it had every sheet parsed a second time.
        themes, self._theme_problems = load_themes()
        for theme in themes:
            self.register_theme(theme)
        wanted = read_user_state().get("theme")
        self.theme = (
            wanted if wanted in self.available_themes else DEFAULT_THEME if DEFAULT_THEME in self.available_themes else self.theme
        )
        variables = self.get_css_variables()
        self.stylesheet.set_variables(variables)
        parsed_styles.fill(self.stylesheet, variables)  # the sheets as parsed at the last start

    def get_default_screen(self) -> Screen:
        return MainScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for problem in self._theme_problems:
            self.notify(_("Theme file skipped: {problem}").format(problem=problem), severity="warning", timeout=8, markup=False)
        keymap, keymap_problem = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        if keymap_problem:
            self.notify(keymap_problem, severity="warning", markup=False)
        for problem in calendar_problems():  # a bad calendar_days.toml: those days are not shown
            self.notify(problem, severity="warning", timeout=10, markup=False)
        self.call_after_refresh(self._wait_for_midnight)  # zoneinfo's import is no part of the first frame
        if self._notice:
            self.notify(self._notice, timeout=20, markup=False)
        if self._watch:
            self.call_after_refresh(self._start_watching)

    def _start_watching(self) -> None:
        """After the first frame (watchdog's import and start are no part of it): the change feed
        and this planner's heartbeat. The feed looks at the folder once right away, for what
        colleagues' edits arrived since the workspace was opened."""
        from someplan.store.watcher import ChangeFeed

        self.presence = PresenceBeat(self).start()
        self._feed = ChangeFeed(self.catalog.workspace)
        self._feed.subscribe(self._on_feed)
        self._feed.start()
        self._feed.poke()

    def first_week_drawn(self) -> None:
        """The main screen has drawn its first week: what goes on top of it (the first start's
        name question) comes now, in the same first frame; asked after a refresh, it was a second
        frame with the whole plan drawn again beneath the dialog."""
        self._ask_device_name()

    def _ask_device_name(self) -> None:
        """The first time the planner opens on a machine: the name colleagues will see beside this
        machine's changes (⟳ in their header, history), instead of `user@host`."""
        identity = self.catalog.workspace.identity
        if identity is None or identity.name != default_display_name() or read_user_state().get("device_named"):
            return

        def check(text: str) -> str | None:
            return None if text.strip() and text.isprintable() else _("A name, like Kari (marketing).")

        def answered(text: str | None) -> None:
            write_user_state(device_named=True)  # asked once; `esc` keeps the default
            if text and text.strip() != identity.name:
                self.catalog.workspace.rename_device(text.strip())
            main = self.screen_stack[0]
            if isinstance(main, MainScreen):  # asked before the plan had the focus: give it back
                main.plan.activate()

        question = _("Your name, as colleagues will see it (asked once)")
        self.push_screen(lazy.screen("Ask")(question, value=identity.name, check=check), answered)

    def _wait_for_midnight(self) -> None:
        # One timer to the next midnight, not a poll; a second late is better than a second early
        # (the timer may fire a hair before the clock turns).
        self.set_timer(seconds_to_midnight(self.catalog.settings()) + 1, self._new_day, name="someplan-midnight")

    def _new_day(self) -> None:
        """Midnight: "today" moves on in the running planner (`t`, the plan's marks, the rotation)."""
        today = effective_today(self.catalog)[0]
        if today != self.today:
            before, self.today = self.today, today
            main = self.screen_stack[0]
            if isinstance(main, MainScreen):  # always: the default screen
                main.new_day(before)
        self._wait_for_midnight()

    def _on_feed(self, changed: set) -> None:
        # Called on the feed's thread: hand the news to the UI thread as a message.
        self.call_from_thread(self.screen_stack[0].post_message, WorkspaceChanged(changed, by_colleague=True))

    def _remember_theme(self, theme) -> None:
        write_user_state(theme=theme.name)

    def on_unmount(self) -> None:
        if self._feed:
            self._feed.stop()
        if self.presence:
            self.presence.stop()
        self.catalog.workspace.close()

    def refresh_css(self, animate: bool = True) -> None:
        # Textual refreshes the styles as the app mounts, for the theme it starts with: every
        # sheet parsed again (~40 ms at start) though nothing they are parsed with has changed.
        # What follows is Textual's refresh_css (textual/app.py) but for the reparse, its count of
        # updates included (screens compare it as a mode switches); `_variables` is private.
        sheet = self.stylesheet
        if not (sheet.rules and self.get_css_variables() == sheet._variables):
            super().refresh_css(animate)
            return
        sheet.update(self, animate=animate)
        try:
            if self.screen.is_mounted:
                self.screen._refresh_layout(self.size)
                self.screen._css_update_count = self._css_update_count
        except ScreenError:
            pass
        for screen in self.screen_stack:
            if screen is not self.screen:
                sheet.update(screen, animate=animate)
                screen._css_update_count = self._css_update_count

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def search_themes(self) -> None:
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:  # fmt: skip
        message, title = textual_words.notice(message, title)  # Textual's own toasts, translated
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def action_help_quit(self) -> None:
        """ctrl+c does not quit: say how to, in the language spoken (Textual's says it in English)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                message, title = textual_words.quit_hint(self.get_key_display(active.binding) or key)
                self.notify(message, title=title, markup=False)
                return

    def action_language(self, code: str) -> None:
        """Speak the language `code` now and at the next start (the palette's "Language: …")."""
        chosen = switch_language(self, code)
        self.notify(_("The planner speaks {language} now.").format(language=LANGUAGE_NAMES[chosen]))
        if os.environ.get(ENV_VAR):  # it decides at the next start, over the choice made here
            self.notify(_("{variable} is set: it chooses the language at the next start.").format(variable=ENV_VAR),
                        severity="warning")  # fmt: skip

    # -- actions ---------------------------------------------------------------------------------

    def action_doctor(self) -> None:
        from someplan.services.doctor import examine

        report = examine(self.catalog.workspace, self.catalog)
        where = _("{path}  (format {format})").format(path=report.workspace, format=report.format)
        lines: list[Text | str] = [Text(where, style="bold")]
        lines += [_("device {device}: {name}").format(device=device, name=name) for device, name in report.devices]
        problems = report.problems
        found = ngettext("{count} problem:", "{count} problems:", len(problems)).format(count=len(problems))
        lines.append(Text(found if problems else _("No problems found."), style="bold"))
        for problem in problems:
            style = "red" if problem.severity == "error" else "yellow"
            lines.append(Text.assemble((f"{labels.severity(problem.severity):8}", style),
                                       literal(problem.path or ""), "  ", literal(problem.message)))  # fmt: skip
        self.push_screen(lazy.screen("ShowList")(_("Doctor"), lines))

    def action_help(self) -> None:
        self.push_screen(lazy.screen("ShowList")(_("Keys"), self.help_lines()))

    def help_lines(self) -> list[Text]:
        keymap = getattr(self, "_keymap", {})
        lines = []
        for title, section in ((N_("Everywhere"), SomeplanApp), *HELP_SECTIONS):
            cls: type[DOMNode] = lazy.screen(section) if isinstance(section, str) else section
            lines.append(Text(_(title), style="bold underline"))
            for binding in cls.BINDINGS:
                if not isinstance(binding, Binding) or not binding.description:  # ours are all Binding
                    continue
                keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
                shown = ", ".join(self.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
                lines.append(Text.assemble((f"  {shown:<13} ", "bold cyan"), _(binding.description)))
        arrows = _("arrows") + ", hjkl"
        lines.append(Text.assemble((f"  {arrows:<13} ", "bold cyan"), _("move between days and posts in the week plan")))
        palette = self.get_key_display(Binding(keymap.get("app.commands", "ctrl+p").split(",")[0], ""))
        languages = " / ".join(LANGUAGE_NAMES.values())
        lines.append(Text.assemble((f"  {palette:<13} ", "bold cyan"), _("Language: {language}").format(language=languages)))
        return lines


def run(path: Path) -> int:
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace

    app = SomeplanApp(Catalog(Workspace.open(path)))
    app.run()
    return 0
