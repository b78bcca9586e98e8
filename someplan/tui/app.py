"""The someplan app: opens the main screen on a workspace, with themes, keymap and live updates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.screen import Screen

from someplan.i18n import N_
from someplan.services.calendar_data import calendar_problems
from someplan.services.catalog import Catalog, effective_today
from someplan.services.language import apply as apply_language
from someplan.services.locate import read_user_state, write_user_state
from someplan.store.watcher import ChangeFeed
from someplan.textsafe import literal
from someplan.tui.keymap import load_keymap
from someplan.tui.messages import WorkspaceChanged
from someplan.tui.screens.dialogs import ShowList
from someplan.tui.screens.main import MainScreen
from someplan.tui.screens.year_wheel import PALETTE_COMMAND as YEAR_WHEEL_COMMAND
from someplan.tui.themes import DEFAULT_THEME, load_themes
from someplan.tui.translated_bindings import translate_bindings

HELP_SECTIONS = (
    ("Everywhere", "someplan.tui.app", "SomeplanApp"),
    ("Panes", "someplan.tui.screens.main", "MainScreen"),
    ("Week plan", "someplan.tui.panes.plan", "WeekPlanPane"),
    ("Post editor", "someplan.tui.screens.editor", "PostEditor"),
    ("Rotation", "someplan.tui.panes.rotation", "RotationPane"),
    ("Fill preview", "someplan.tui.screens.fill", "FillPreview"),
    ("Batch session", "someplan.tui.screens.batch", "BatchScreen"),
    ("People", "someplan.tui.screens.people", "PeopleScreen"),
    ("Figures view", "someplan.tui.screens.figures", "FiguresScreen"),
    (N_("Year wheel"), "someplan.tui.screens.year_wheel", "YearWheelScreen"),
    (N_("Campaign editor"), "someplan.tui.screens.campaign_editor", "CampaignEditor"),
    ("Assets", "someplan.tui.panes.assets", "AssetsPane"),
    ("Export", "someplan.tui.screens.export", "ExportScreen"),
)


class PlannerCommands(Provider):
    """The app's own commands in the command palette (ctrl+p)."""

    COMMANDS = (
        ("New post", "screen.new_post", "Plan a post on the selected day"),
        ("Go to week or date", "screen.go_to", "Show another ISO week"),
        ("This week", "screen.this_week", "Back to today's week"),
        ("Filter the week", "screen.filter", "By text, channel, category or status"),
        ("Fill this week from the rotation", "screen.fill_week", "Proposals for the empty slots, as a preview"),
        ("Fill the next weeks from the rotation", "screen.fill_weeks", "Proposals for N weeks from this week"),
        ("Batch session", "screen.batch", "Interview several people in one sitting; one draft each, spread out"),
        ("People", "screen.people", "Who may appear in posts, consent, when each was featured"),
        ("Switch theme", "app.change_theme", "Pick one of the themes"),
        ("Key figures view", "screen.figures_view", "Rates by category and channel, top posts, reuse"),
        YEAR_WHEEL_COMMAND,
        ("Export…", "screen.export", "The plan as a calendar, a Hootsuite CSV, a Markdown or HTML plan, a CSV of posts"),
        ("Run doctor", "app.doctor", "Unreadable or stray files, clocks, devices"),
        ("Help: all keys", "app.help", "Every key, by pane"),
    )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self.COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action), help=help_text)

    async def discover(self) -> Hits:
        for name, action, help_text in self.COMMANDS:
            yield Hit(1, name, partial(self.app.run_action, action), help=help_text)


class SomeplanApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "someplan"
    COMMANDS = App.COMMANDS | {PlannerCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+p", "command_palette", "Commands", id="app.commands", show=True),
    ]

    def __init__(self, catalog: Catalog, watch: bool = True) -> None:
        apply_language(catalog.settings().locale)
        translate_bindings()  # before super().__init__, which copies the app's own key map
        super().__init__()
        self.catalog = catalog
        self.today: dt.date = effective_today(catalog)[0]
        self._watch = watch
        self._feed: ChangeFeed | None = None

    def get_default_screen(self) -> Screen:
        return MainScreen()

    def on_mount(self) -> None:
        themes, problems = load_themes()
        for theme in themes:
            self.register_theme(theme)
        wanted = read_user_state().get("theme")
        self.theme = wanted if wanted in self.available_themes else DEFAULT_THEME if DEFAULT_THEME in self.available_themes else self.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for problem in problems:
            self.notify(f"Theme file skipped: {problem}", severity="warning", timeout=8, markup=False)
        keymap, keymap_problem = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        if keymap_problem:
            self.notify(keymap_problem, severity="warning", markup=False)
        for problem in calendar_problems():  # a bad calendar_days.toml: those days are not shown
            self.notify(problem, severity="warning", timeout=10, markup=False)
        if self._watch:
            self._feed = ChangeFeed(self.catalog.workspace)
            self._feed.subscribe(self._on_feed)
            self._feed.start()

    def _on_feed(self, changed: set) -> None:
        # Called on the feed's thread: hand the news to the UI thread as a message.
        self.call_from_thread(self.screen_stack[0].post_message, WorkspaceChanged(changed, by_colleague=True))

    def _remember_theme(self, theme) -> None:
        write_user_state(theme=theme.name)

    def on_unmount(self) -> None:
        if self._feed:
            self._feed.stop()
        self.catalog.workspace.close()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)

    # -- actions ---------------------------------------------------------------------------------

    def action_doctor(self) -> None:
        workspace = self.catalog.workspace
        lines: list[Text | str] = [Text(f"{workspace.root}  (format {workspace.format})", style="bold")]
        lines += [f"device {device}: {name}" for device, name in sorted(workspace.devices().items())]
        problems = workspace.problems
        lines.append(Text("No problems found." if not problems else f"{len(problems)} problems:", style="bold"))
        for problem in problems:
            lines.append(Text.assemble((f"{problem.severity:8}", "red" if problem.severity == "error" else "yellow"),
                                       literal(problem.path or ""), "  ", literal(problem.message)))  # fmt: skip
        self.push_screen(ShowList("Doctor", lines))

    def action_help(self) -> None:
        self.push_screen(ShowList("Keys", self.help_lines()))

    def help_lines(self) -> list[Text]:
        import importlib

        keymap = getattr(self, "_keymap", {})
        lines = []
        for title, module, name in HELP_SECTIONS:
            cls = getattr(importlib.import_module(module), name)
            lines.append(Text(title, style="bold underline"))
            for binding in cls.BINDINGS:
                if not binding.description:
                    continue
                keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
                shown = ", ".join(self.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
                lines.append(Text.assemble((f"  {shown:<14}", "bold cyan"), binding.description))
        lines.append(Text("  arrows, hjkl   move between days and posts in the week plan", style=""))
        return lines


def run(path: Path) -> int:
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace

    app = SomeplanApp(Catalog(Workspace.open(path)))
    app.run()
    return 0
