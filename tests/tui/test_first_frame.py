"""What the planner's first frame holds (issue 15: the first complete frame as early as it can be)."""

from textual.screen import Screen

from someplan.tui.footer import Footer


def keys(footer) -> list[str]:
    return [key.key for key in footer.shown]


async def test_the_first_frame_has_the_footers_keys_for_the_focused_plan(make_app, monkeypatch):
    frames = []
    real = Screen._compositor_refresh

    def painted(screen):
        real(screen)
        if not frames:  # what the first frame drawn held
            footer = screen.query(Footer)
            frames.append(keys(footer.first()) if footer else None)

    monkeypatch.setattr(Screen, "_compositor_refresh", painted)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    # The plan has the focus from the start: its keys are in the first frame, not one frame later.
    assert frames and frames[0] and "left_square_bracket" in frames[0]  # "[/] Week"


async def test_a_screen_opens_with_its_keys_in_the_footer_composed_once(make_app, monkeypatch):
    rebuilt = []
    real = Footer._show  # another line of keys drawn

    def show(footer, shown):
        rebuilt.append(type(footer.screen).__name__)
        real(footer, shown)

    monkeypatch.setattr(Footer, "_show", show)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rebuilt.clear()
        for key in ("w", "w"):  # the wheel's focus adds no keys: the footer composed with the screen stays
            await pilot.press(key)
            await pilot.pause()
            footer = app.screen.query_one(Footer)
            assert "escape" in [k.split(",")[0] for k in keys(footer)], key
            await pilot.press("escape")
            await pilot.pause()
        # nor is the footer of a screen being closed built again as it loses its focus, nor the
        # plan's as it gets its focus back
        assert rebuilt == []
        assert "left_square_bracket" in keys(app.screen.query_one(Footer))


async def test_opening_a_view_does_not_parse_every_style_sheet_again(make_app, monkeypatch):
    from textual.css.stylesheet import Stylesheet

    reparsed = []
    real = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda sheet: reparsed.append(1) or real(sheet))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()  # the views are imported after the first frame
        await pilot.pause()
        reparsed.clear()
        for key in ("F", "w", "E"):  # each view's own .tcss was read (and all of them parsed) as it first opened
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert reparsed == []


def _frames(monkeypatch) -> list[str]:
    """The text of every frame the top screen draws, as drawn (the picture, which comes from a
    thread once the cursor rests, left out)."""
    from textual._context import visible_screen_stack

    from someplan.tui.panes.detail import DetailPane

    monkeypatch.setattr(DetailPane, "_start_picture", lambda pane, wanted: None)
    frames: list[str] = []
    real = Screen._compositor_refresh

    def painted(screen):
        real(screen)
        app = screen.app
        if screen is app.screen:
            visible_screen_stack.set(app._background_screens)
            text = "\n".join(strip.text for strip in screen._compositor.render_strips())
            if not frames or frames[-1] != text:
                frames.append(text)

    monkeypatch.setattr(Screen, "_compositor_refresh", painted)
    return frames


def _part(frame: str, rows: range, columns: slice) -> list[str]:
    lines = frame.splitlines()
    return [lines[row][columns] for row in rows]


async def test_the_first_frame_holds_the_detail_the_rows_and_the_chart_as_they_stay(make_app, monkeypatch):
    frames = _frames(monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
    first, last = frames[0], frames[-1]
    # Who changed the post, drawn with the rest (it was a second drawing of the pane, a frame later).
    assert "Changed by" in first
    # The rows at the plan's width (they were drawn for the screen's, then again without the
    # status word), and the chart at the pane's (drawn for a guess, then again); the scrollbars'
    # columns left out: Textual adds them once the content has been measured.
    assert _part(first, range(2, 21), slice(0, 66)) == _part(last, range(2, 21), slice(0, 66))
    assert _part(first, range(22, 38), slice(0, 31)) == _part(last, range(22, 38), slice(0, 31))
    # The footer's keys for the focused plan, drawn (composed before the plan had the focus, they
    # were built again and drawn a frame later).
    assert "[/] Week" in first.splitlines()[39]


async def test_a_new_machines_name_question_is_in_the_first_frame(make_app, monkeypatch):
    from someplan.store.device import IdentityStore, default_display_name

    store = IdentityStore()
    store.rename(store.load(), default_display_name())  # as on a machine's first start
    frames = _frames(monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "Ask"
    assert "Your name, as colleagues will see it" in frames[0]
    assert "Week plan" in frames[0]  # over the plan, drawn beneath it in the same frame


async def test_the_style_sheets_are_parsed_once_in_the_remembered_themes_colours(make_app, monkeypatch):
    from textual.color import Color
    from textual.css.stylesheet import Stylesheet

    from someplan.services.locate import write_user_state

    write_user_state(theme="someplan-lys")
    reparsed = []
    real = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda sheet: reparsed.append(1) or real(sheet))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Not parsed a second time for the theme the app mounts with (~40 ms of the start) ...
        assert reparsed == []
        # ... yet in its colours.
        assert app.theme == "someplan-lys"
        assert app.screen.styles.background == Color.parse(app.current_theme.background)
        app.theme = "someplan-fjord"  # another theme: parsed again in its colours, as before
        await pilot.pause()
        assert reparsed and app.screen.styles.background == Color.parse(app.current_theme.background)


START_SCRIPT = """
import asyncio, sys
from someplan.services.catalog import Catalog
from someplan.store.workspace import Workspace
from someplan.tui.app import SomeplanApp
from someplan.tui.screens.main import MainScreen

at_first_frame = set()
real = MainScreen.on_mount

def on_mount(self):
    real(self)
    at_first_frame.update(sys.modules)

MainScreen.on_mount = on_mount

async def main():
    app = SomeplanApp(Catalog(Workspace.open(sys.argv[1])), watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        while app._feed is None:
            await pilot.pause(0.01)
    late = ("watchdog.observers", "watchdog.events", "someplan.services.doctor", "someplan.services.batch", "zoneinfo",
            "someplan.tui.screens.dialogs", "someplan.services.planning", "someplan.services.search",
            "someplan.services.rotation_fill", "someplan.services.categories", "someplan.services.marked_posts")
    print(sorted(name for name in at_first_frame if name in late))

asyncio.run(main())
"""


def test_what_the_first_frame_does_not_need_is_imported_after_it(sample_copy):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", START_SCRIPT, str(sample_copy)], capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    # The change feed's and the asset folder's watchdog, the doctor, the batch sessions, the
    # midnight timer's zones, the dialogs, the services only keys use: none of them in the first
    # frame; the feed itself starts right after it.
    assert done.stdout.strip() == "[]"


async def test_quitting_before_the_screens_are_preloaded_imports_none_of_them(make_app, monkeypatch):
    """The preload waits for the first frames; a planner closed meanwhile skips it rather than
    spending half a second importing screens on its way out."""
    from someplan.tui.screens import lazy, main

    monkeypatch.setattr(main, "PRELOAD_AFTER_S", 60)
    preloaded = []
    monkeypatch.setattr(lazy, "preload", lambda: preloaded.append(1))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    assert preloaded == []


async def test_the_styles_refreshed_without_a_reparse_are_counted_as_textual_counts_them(make_app):
    """Screens compare their count of style updates with the app's (as a mode switches); the
    refresh that skips the reparse must keep them as Textual's own refresh does."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.refresh_css()
        await pilot.pause()
        assert all(screen._css_update_count == app._css_update_count for screen in app.screen_stack)


async def test_the_first_frame_has_the_scrollbars_of_the_panes_that_overflow(make_app, monkeypatch):
    """A pane learns it overflows as the layout sizes it; its scrollbar came one frame later
    (screens/first_layout.py). At 120x30 the week plan and the key figures overflow."""
    from textual.scrollbar import ScrollBar

    from someplan.tui.panes.figures import FiguresText
    from someplan.tui.panes.plan import PlanList
    from someplan.tui.screens.main import MainScreen

    first = []
    real = Screen._compositor_refresh

    def painted(screen):
        if isinstance(screen, MainScreen) and not first:
            first.append({bar.parent: (bar.window_size, bar.window_virtual_size)
                          for bar in screen._compositor.visible_widgets if isinstance(bar, ScrollBar)})  # fmt: skip
        real(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", painted)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        plan, figures = app.screen.query_one(PlanList), app.screen.query_one(FiguresText)
        assert plan.show_vertical_scrollbar and figures.show_vertical_scrollbar
        final = {widget: (widget.vertical_scrollbar.window_size, widget.vertical_scrollbar.window_virtual_size)
                 for widget in (plan, figures)}  # fmt: skip
    # In the first frame drawn, with the thumbs they end with.
    assert first and {w: first[0].get(w) for w in (plan, figures)} == final
    assert final[plan][1] == plan.option_count


async def test_a_planner_opened_with_the_collector_off_switches_it_on_after_its_first_frames(make_app, monkeypatch):
    """`someplan` opens the planner with the collector off (cli/workspace.py); the main screen
    switches it on once the screens are preloaded, with what the start loaded frozen."""
    import gc

    from someplan.tui.screens import main

    monkeypatch.setattr(main, "PRELOAD_AFTER_S", 0.01)
    app = make_app()
    app.started = gc.enable
    gc.disable()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(500):  # the preload's worker ends, not a fixed sleep
                if gc.isenabled():
                    break
                await pilot.pause(0.01)
            assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()


async def test_a_planner_not_told_so_leaves_the_collector_as_it_was(make_app, monkeypatch):
    import gc

    from someplan.tui.screens import main

    monkeypatch.setattr(main, "PRELOAD_AFTER_S", 0.01)
    app = make_app()
    gc.disable()  # switched off by someone else (a caller, a profiler): not ours to switch on
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(500):
                if app.screen_stack[0]._settled.is_set() and not app.workers:
                    break
                await pilot.pause(0.01)
            assert not app.workers and not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


async def test_the_main_screen_is_not_styled_a_second_time_before_its_first_frame(make_app, monkeypatch):
    """Its widgets are styled as they mount; Textual styled them all again as the screen was
    first shown (screens/first_layout.py). What the snapshots show is the same either way."""
    from textual.css.stylesheet import Stylesheet

    from someplan.tui.screens.main import MainScreen

    from .conftest import note_frames

    walks: list[int] = []
    real = Stylesheet.update_nodes

    def update_nodes(sheet, nodes, animate=False):
        nodes = list(nodes)
        walks.append(len(nodes))
        return real(sheet, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", update_nodes)
    app = make_app()
    frames: list = []
    note_frames(app, frames, lambda screen: isinstance(screen, MainScreen))
    before_first: list[int] = []
    display = app._display

    def first(screen, renderable):
        if frames == [] and renderable is not None and isinstance(screen, MainScreen):
            before_first.extend(walks)
        display(screen, renderable)

    app._display = first
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        widgets = len(list(app.screen.walk_children(with_self=True)))
    assert frames and widgets > 20
    assert all(walk < widgets // 2 for walk in before_first), (before_first, widgets)


async def test_a_resize_to_the_size_laid_out_at_lays_nothing_out_again(make_app, monkeypatch):
    """A start brings three Resize events of the size the screen was just laid out at: each was
    a whole layout and drawing; a real resize still lays the screen out for its new size."""
    from textual import events
    from textual.geometry import Size

    from someplan.tui.screens.main import MainScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        layouts = []
        real = MainScreen._refresh_layout
        monkeypatch.setattr(MainScreen, "_refresh_layout",
                            lambda self, size=None, scroll=False: layouts.append(size) or real(self, size, scroll))  # fmt: skip
        await pilot.pause()
        before = len(layouts)
        await screen._on_resize(events.Resize(Size(120, 40), Size(120, 40)))
        assert len(layouts) == before, layouts
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert Size(100, 30) in layouts and screen.has_class("narrow") is False
        assert screen.query_one("#plan").region.width < 100
