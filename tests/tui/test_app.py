import json
import shutil

from someplan.services.catalog import POSTS
from someplan.store.device import IdentityStore
from someplan.store.workspace import Workspace


async def test_number_keys_and_tab_move_between_panes(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        assert app.focused.id == "rotation-table"
        await pilot.press("3")
        assert app.focused.id == "assets-list"
        await pilot.press("4")
        assert app.focused.id == "figures-text"  # the key figures pane takes the focus too
        await pilot.press("1")
        assert app.focused.id == "plan-list"
        await pilot.press("tab")
        assert app.focused.id != "plan-list"
        await pilot.press("shift+tab")
        assert app.focused.id == "plan-list"


async def test_a_focus_change_does_not_restyle_the_footer(make_app):
    from someplan.tui.footer import Footer

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        restyled = []
        real = app.update_styles
        app.update_styles = lambda node, animate=True: restyled.append(node) or real(node, animate=animate)
        footer = app.screen.query_one(Footer)
        before = footer.shown
        await pilot.press("2")  # other bindings: the footer draws other keys
        await pilot.pause()
        assert footer.shown and footer.shown != before, "the footer shows the pane's keys"
        assert footer not in restyled


async def test_a_focus_change_restyles_the_panes_it_concerns_not_the_whole_screen(make_app):
    # A class of the screen restyles every widget on it: `1`, `3` and `4` did that on every press
    # (issue 15), for rules that apply only on a small screen.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        shown = lambda: {p.id for p in screen.query(".pane") if p.display and p.region}  # noqa: E731
        restyled = []
        real = app.update_styles
        app.update_styles = lambda node, animate=True: restyled.append(node) or real(node, animate=animate)
        for key, bottom_right in (("2", "figures"), ("3", "assets"), ("1", "assets"), ("4", "figures"), ("tab", "figures")):
            await pilot.press(key)
            await pilot.pause()
            assert shown() == {"plan", "detail", "rotation", bottom_right}, key
        assert restyled and screen not in restyled


async def test_a_focus_change_restyles_the_panes_border_not_what_is_in_the_pane(make_app):
    # `.pane:focus-within` styles the pane alone: Textual restyled the pane and every widget in it
    # (the plan list's rows twice) on each focus change, the first frame's too (issue 15).
    from textual.color import Color

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        plan, rotation = screen.query_one("#plan"), screen.query_one("#rotation")
        accent = Color.parse(app.get_css_variables()["accent"])
        assert plan.styles.border_top[1] == accent and rotation.styles.border_top[1] != accent
        applied = []
        real = app.stylesheet.apply
        app.stylesheet.apply = lambda node, **kwargs: applied.append(node) or real(node, **kwargs)
        await pilot.press("2")
        await pilot.pause()
        assert rotation.styles.border_top[1] == accent and plan.styles.border_top[1] != accent
        assert plan in applied and rotation in applied
        under = [*plan.walk_children(), *rotation.walk_children()]
        inside = {node for node in applied if node not in (plan, rotation) and node in under}
        # only what took and lost the focus (its `:focus`), and their scrollbars
        assert inside <= {screen.query_one("#plan-list"), screen.query_one("#rotation-table"),
                          *(w for w in inside if "ScrollBar" in type(w).__name__)}  # fmt: skip


def test_no_style_rule_reaches_inside_a_focused_pane():
    # What the focus restyle above relies on: a `:focus-within` rule styles the widget that has
    # the focus within, never widgets under it (app.tcss and every sheet of the planner).
    import re
    from pathlib import Path

    import someplan.tui

    for sheet in Path(someplan.tui.__file__).parent.glob("*.tcss"):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for selectors in re.findall(r"([^{}]+)\{", text):
            for selector in selectors.split(","):
                if ":focus-within" in selector:
                    assert re.search(r":focus-within\s*$", selector.strip() + " "), (sheet.name, selector.strip())


async def test_at_80x24_the_detail_stands_under_the_plan_only_while_the_plan_is_shown(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        shown = lambda: [p.id for p in screen.query(".pane") if p.display]  # noqa: E731
        await pilot.press("D")
        assert shown() == ["plan", "detail"]
        await pilot.press("2")
        assert shown() == ["rotation"]
        await pilot.press("1")
        assert shown() == ["plan", "detail"]
        await pilot.press("3")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert shown() == ["plan", "detail", "assets", "rotation"]


async def test_at_80x24_one_pane_at_a_time(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert screen.has_class("narrow")
        visible = [p.id for p in screen.query(".pane") if p.display]
        assert visible == ["plan"]
        await pilot.press("2")
        assert [p.id for p in screen.query(".pane") if p.display] == ["rotation"]
        await pilot.press("1", "right_square_bracket")
        assert screen.plan.report.week.week == 48


async def test_at_80x24_tab_and_shift_tab_switch_the_pane_shown(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        shown = lambda: [p.id for p in screen.query(".pane") if p.display]  # noqa: E731
        order = [p.id for p in screen.query(".pane")]  # the order tab takes at full size
        seen = [shown()]
        for _ in order:
            await pilot.press("tab")
            seen.append(shown())
            assert app.focused in screen.query_one(f"#{seen[-1][0]}").query("*")  # the pane has the keys
        assert seen == [[pane] for pane in [*order, order[0]]]
        await pilot.press("shift+tab")
        assert shown() == [order[-1]]


async def test_help_lists_every_key_by_pane_and_follows_the_keymap(make_app, sample_copy, tmp_path):
    keymap = tmp_path / "config" / "someplan" / "keymap.toml"
    keymap.parent.mkdir(parents=True, exist_ok=True)
    keymap.write_text('[keys]\n"plan.next_week" = "w"\n')
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        assert app.screen.plan.report.week.week == 48
        await pilot.press("question_mark")
        text = "\n".join(line.plain for line in app.help_lines())
        for heading in ("Everywhere", "Panes", "Week plan", "Post editor"):
            assert heading in text
        assert "Next week" in text and "Delete" in text and "Save" in text
        assert type(app.screen).__name__ == "ShowList"
        await pilot.press("escape")
        await pilot.press("f1")
        assert type(app.screen).__name__ == "ShowList"


async def test_the_command_palette_has_the_apps_commands(make_app):
    from someplan.tui.app import PlannerCommands

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        names = [name for name, _, _ in PlannerCommands.COMMANDS]
        assert {"New post", "Go to week or date", "Switch theme", "Run doctor"} <= set(names)
        await pilot.press("ctrl+p")
        await pilot.press(*"doctor", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ShowList"


async def test_themes_shipped_user_broken_and_remembered(make_app, tmp_path):
    folder = tmp_path / "config" / "someplan" / "themes"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('name = "mine"\nprimary = "#123456"\n')
    (folder / "broken.toml").write_text('name = "broken"\nprimary = "not a colour"\n')
    (folder / "garbage.toml").write_text("[[[")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the skipped files' notices are kept once they are handled
        assert {"someplan-fjord", "someplan-lys", "someplan-kontrast", "mine"} <= set(app.available_themes)
        assert app.theme == "someplan-fjord"
        notices = [n.message for n in app._notifications]
        assert sum("Theme file skipped" in n for n in notices) == 2
        app.theme = "someplan-lys"
        await pilot.pause()
    state = json.loads((tmp_path / "state" / "someplan" / "user.json").read_text())
    assert state["theme"] == "someplan-lys"
    again = make_app()
    async with again.run_test(size=(120, 40)):
        assert again.theme == "someplan-lys"


async def test_a_colleagues_post_arriving_on_disk_shows_up(make_app, sample_copy, tmp_path):
    colleague_dir = tmp_path / "colleague"
    shutil.copytree(sample_copy, colleague_dir)
    app = make_app(watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        colleague = Workspace.open(colleague_dir, IdentityStore(tmp_path / "c2", tmp_path / "s2"))
        new_id = colleague.insert(POSTS, {"title": "Ola's new post", "date": "2026-11-19", "time": "10:00",
                                          "status": "idea"})  # fmt: skip
        app.catalog.workspace  # noqa: B018
        for path in colleague_dir.glob(f"devices/{colleague.identity.device_id}/*"):
            target = sample_copy / path.relative_to(colleague_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        shown = lambda: [p.id for d in app.screen.plan.report.days for p in d.posts]  # noqa: E731
        # Until the watcher has brought it (the screen's handler, patched on the instance, was
        # never the one Textual calls: every run waited out all five seconds).
        for _ in range(100):
            await pilot.pause(0.05)
            if new_id in shown():
                break
        assert new_id in shown()
        assert "⟳" in str(app.screen.query_one("#header").render())


async def test_hostile_titles_are_shown_literally(make_app, sample_copy):
    workspace = Workspace.open(sample_copy)
    workspace.insert(POSTS, {"title": "[bold red]Gratis[/] \x1b[2J", "date": "2026-11-18", "status": "idea"})
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the week is drawn once the screen is up, later on a busy machine
        listing = app.screen.plan.main
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any("[bold red]Gratis[/] \\x1b[2J" in p for p in prompts)


async def test_every_palette_command_runs(make_app):
    from someplan.tui.app import PlannerCommands

    expected = {"screen.new_post": "PostEditor", "screen.go_to": "Ask", "screen.filter": "Ask", "screen.search": "SearchScreen",
                "screen.attention": "AttentionScreen",
                "app.doctor": "ShowList", "app.help": "ShowList", "app.change_theme": "CommandPalette",
                "screen.this_week": "MainScreen", "screen.fill_week": "FillPreview", "screen.fill_weeks": "Ask",
                "screen.batch": "BatchScreen", "screen.people": "PeopleScreen",
                "screen.figures_view": "FiguresScreen", "screen.year_wheel": "YearWheelScreen",
                "screen.export": "ExportScreen", "screen.report": "MainScreen",
                "screen.import_figures": "FiguresImportScreen", "screen.inbox": "InboxScreen",
                "screen.goals": "GoalsScreen"}  # fmt: skip
    # One planner for all of them (a start each was a tenth of the planner tests' time): each
    # command runs from the main screen, with whatever it opened taken off again after it.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        for _, action, _ in PlannerCommands.COMMANDS:
            await pilot.press("right_square_bracket")
            await app.run_action(action)
            await pilot.pause()
            assert type(app.screen).__name__ == expected[action], action
            if action == "screen.this_week":
                assert app.screen.plan.report.week.week == 47
            while app.screen is not main:
                app.pop_screen()
                await pilot.pause()


async def test_a_post_open_in_the_editor_that_a_colleague_changed_is_flagged(make_app, sample_copy, tmp_path):
    from someplan.tui.messages import WorkspaceChanged

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        post_id = app.screen.plan.selected_post_id
        await pilot.press("e")
        editor = app.screen
        colleague = Workspace.open(sample_copy, IdentityStore(tmp_path / "c2", tmp_path / "s2"))
        colleague.update(POSTS, post_id, {"caption": "Ola's caption"})
        changed = app.catalog.workspace.refresh()
        app.screen_stack[0].post_message(WorkspaceChanged(changed, by_colleague=True))
        await pilot.pause()
        assert editor.has_class("flagged")
        assert "caption" in str(editor.query_one("#editor-flag").render())


async def test_edits_the_shared_folder_did_not_take_show_in_the_header_until_it_has_them(make_app, sample_copy, monkeypatch):
    import errno
    import os

    from textual.widgets import Static

    from someplan.store import atomic

    real = atomic._write_all
    shared = os.path.realpath(sample_copy)
    full = {"on": True}

    def write_all(fd, data):
        if full["on"] and os.readlink(f"/proc/self/fd/{fd}").startswith(shared):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data)

    monkeypatch.setattr(atomic, "_write_all", write_all)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.catalog.workspace.insert("posts", {"title": "bare her", "date": "2026-11-19"})
        await pilot.press("t")
        await pilot.pause()
        assert "edits only on this machine" in str(app.screen.query_one("#header", Static).render())
        full["on"] = False
        app.catalog.workspace.insert("posts", {"title": "nå går det", "date": "2026-11-19"})
        await pilot.press("t")
        await pilot.pause()
        assert "edits only on this machine" not in str(app.screen.query_one("#header", Static).render())


def test_the_planner_starts_without_the_screens_only_a_key_opens():
    import subprocess
    import sys

    code = (
        "import sys, someplan.tui.app\n"
        "from someplan.tui.screens.lazy import MODULES\n"
        "print(sorted(m for m in set(MODULES.values()) if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"  # they are imported by a worker after the first frame


async def test_a_screen_imported_after_start_speaks_the_language(make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("w")
        await pilot.pause()
        descriptions = {b.description for bindings in app.screen._bindings.key_to_bindings.values() for b in bindings}
        assert "Forrige år" in descriptions and "Previous year" not in descriptions


async def test_the_footer_is_built_once_for_changes_that_arrive_together(make_app, monkeypatch):
    from someplan.tui.footer import Footer

    built = []
    real = Footer._show  # another line of keys drawn
    monkeypatch.setattr(Footer, "_show", lambda self, *args: built.append(self) or real(self, *args))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert len(built) == 1  # the bindings became ready and the plan took the focus: one rebuild
        await pilot.press("2", "1")
        await pilot.pause()
        assert len(built) == 3


async def test_an_edit_from_another_terminal_of_this_machine_is_not_a_colleagues(make_app, sample_copy, tmp_path):
    """Issue 17.2: `someplan edit` in a second terminal writes as this device; the header's ⟳
    names only colleagues, and only the one who made the change (not earlier editors)."""
    from someplan.tui.messages import WorkspaceChanged

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        post_id = app.screen.plan.selected_post_id
        same_machine = Workspace.open(sample_copy)  # the same config dir: this device
        same_machine.update(POSTS, post_id, {"caption": "from the command line"})
        same_machine.close()
        changed = app.catalog.workspace.refresh()
        assert (POSTS, post_id) in changed
        app.screen_stack[0].post_message(WorkspaceChanged(changed, by_colleague=True))
        await pilot.pause()
        header = str(app.screen.query_one("#header").render())
        assert "⟳" not in header
        colleague = Workspace.open(sample_copy, IdentityStore(tmp_path / "c2", tmp_path / "s2"))
        colleague.update(POSTS, post_id, {"notes": "Ola was here"})
        changed = app.catalog.workspace.refresh()
        app.screen_stack[0].post_message(WorkspaceChanged(changed, by_colleague=True))
        await pilot.pause()
        header = str(app.screen.query_one("#header").render())
        name = colleague.identity.name
        assert f"⟳ {name} " in header  # Ola alone: not whoever wrote the post's other fields before


async def test_a_problem_arriving_while_the_planner_runs_is_counted_in_the_header(make_app, sample_copy):
    """Issue 17.12: a garbage segment and a conflicted copy arrive; the ⚠ count follows without a restart."""
    app = make_app(watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        header = app.screen.query_one("#header")
        assert "⚠" not in str(header.render())
        folder = sample_copy / "devices" / "zzzzzzzzzzzz"
        folder.mkdir()
        (folder / "000001.jsonl").write_bytes(b"\x00garbage\xff\n")
        for _ in range(100):
            await pilot.pause(0.05)
            if "⚠" in str(header.render()):
                break
        assert "⚠ 1 " in str(header.render())
        segment = sorted(sample_copy.glob("devices/*/000001.jsonl"))[0]
        shutil.copy(segment, segment.with_name("000001 (Kari's conflicted copy 2026-11-22).jsonl"))
        for _ in range(100):
            await pilot.pause(0.05)
            if "⚠ 2 " in str(header.render()):
                break
        assert "⚠ 2 " in str(header.render())
        assert "⟳" not in str(header.render())  # nobody changed anything


def test_seconds_to_midnight_in_the_workspaces_zone_also_on_a_summer_time_night():
    import datetime as dt

    from someplan.domain.settings import WorkspaceSettings
    from someplan.services.catalog import seconds_to_midnight

    oslo = WorkspaceSettings()
    utc = dt.UTC
    assert seconds_to_midnight(oslo, dt.datetime(2026, 12, 5, 22, 59, 30, tzinfo=utc)) == 30  # 23:59:30 in Oslo
    # 21:00 UTC is 22:00 in Oslo in winter (UTC+1) and 23:00 from the day summer time starts (UTC+2)
    assert seconds_to_midnight(oslo, dt.datetime(2027, 3, 27, 21, 0, tzinfo=utc)) == 2 * 3600
    assert seconds_to_midnight(oslo, dt.datetime(2027, 3, 28, 21, 0, tzinfo=utc)) == 3600


async def test_today_rolls_over_at_midnight_in_the_running_planner(make_app, monkeypatch):
    """Issue 17.15: after midnight on Sunday `t` went to Saturday. A timer set to the next midnight
    (here: moments away) moves "today" on; `t` then goes to the new day."""
    import datetime as dt

    from someplan.tui import app as app_module

    monkeypatch.setenv("SOMEPLAN_TODAY", "2026-11-22")  # Sunday, week 47
    # Midnight every 50 ms: a first one that comes before the clock below passes it only sets
    # the next (a single early one left "today" unchanged for an hour under a busy machine).
    monkeypatch.setattr(app_module, "seconds_to_midnight", lambda settings: 0.05)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.today == dt.date(2026, 11, 22) and app.screen.plan.selected_day == dt.date(2026, 11, 22)
        monkeypatch.setenv("SOMEPLAN_TODAY", "2026-11-23")  # the clock passes midnight
        for _ in range(100):
            await pilot.pause(0.05)
            if app.today != dt.date(2026, 11, 22):
                break
        assert app.today == dt.date(2026, 11, 23)
        assert app.screen.plan.report.week.week == 48 and app.screen.plan.selected_day == dt.date(2026, 11, 23)
        await pilot.press("left_square_bracket", "t")
        assert app.screen.plan.selected_day == dt.date(2026, 11, 23)


async def test_the_first_start_on_a_machine_asks_for_the_name_colleagues_see(make_app, sample_copy, tmp_path, monkeypatch):
    """Issue 17.21: device names defaulted to user@host; the planner asks once per machine."""
    from someplan.tui.screens.dialogs import Ask

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "fresh-config"))  # a machine never named
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):  # the question comes once the plan is drawn (and is read once composed)
            if isinstance(app.screen, Ask) and app.screen.query("Input"):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, Ask)
        app.screen.query_one("Input").value = "Kari (marked)"
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.screen.plan.main  # the plan's keys work at once
        await pilot.press("n", *"Ny", "ctrl+s")  # the first write of this device names it in the workspace
        await pilot.pause()
        device = app.catalog.workspace.identity.device_id
        assert json.loads((sample_copy / "devices" / device / "device.json").read_text())["name"] == "Kari (marked)"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, Ask)  # asked once


async def test_a_notice_from_the_command_line_shows_in_the_planner(sample_copy):
    # `someplan demo` printed where its copy is before the screen opened: seen only after quitting.
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace
    from someplan.tui.app import SomeplanApp

    app = SomeplanApp(Catalog(Workspace.open(sample_copy)), watch=False, notice="the demo is in /x/[b]demo[/b]")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the notice is posted as the app mounts, and kept once it is handled
        assert [n.message for n in app._notifications if "demo" in n.message] == ["the demo is in /x/[b]demo[/b]"]


async def test_a_focus_change_draws_what_changed_and_leaves_nothing_stale(make_app):
    # Textual repaints the whole screen on every focus change; the main screen draws only what
    # the change touched (issue 15): what a terminal shows must still be the screen drawn whole.
    from someplan.tui.screens.main import MainScreen

    from .terminal_grid import TerminalGrid

    app = make_app()
    grid = TerminalGrid(app)
    whole = []
    real = MainScreen.refresh
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert grid.cells and grid.stale() == []
        app.screen.refresh = lambda *regions, **kwargs: whole.append(regions) or real(app.screen, *regions, **kwargs)
        for key in ("2", "3", "tab", "1", "4", "5", "1"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert grid.stale() == [], key
        assert () not in whole  # never the whole screen
