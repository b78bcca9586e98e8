import json
import os
import shutil
import threading

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
        await pilot.press("1")
        assert app.focused.id == "plan-list"
        await pilot.press("tab")
        assert app.focused.id != "plan-list"
        await pilot.press("shift+tab")
        assert app.focused.id == "plan-list"


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


async def test_help_lists_every_key_by_pane_and_follows_the_keymap(make_app, sample_copy, tmp_path):
    keymap = tmp_path / "config" / "someplan" / "keymap.toml"
    keymap.parent.mkdir(parents=True)
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
        arrived = threading.Event()
        app.catalog.workspace  # noqa: B018
        original = app.screen.on_workspace_changed

        def seen(message):
            original(message)
            arrived.set()

        app.screen.on_workspace_changed = seen
        for path in colleague_dir.glob(f"devices/{colleague.identity.device_id}/*"):
            target = sample_copy / path.relative_to(colleague_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        for _ in range(100):
            await pilot.pause(0.05)
            if arrived.is_set():
                break
        ids = [p.id for d in app.screen.plan.report.days for p in d.posts]
        assert new_id in ids
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

    expected = {"screen.new_post": "PostEditor", "screen.go_to": "Ask", "screen.filter": "Ask",
                "app.doctor": "ShowList", "app.help": "ShowList", "app.change_theme": "CommandPalette",
                "screen.this_week": "MainScreen", "screen.fill_week": "FillPreview", "screen.fill_weeks": "Ask",
                "screen.batch": "BatchScreen", "screen.people": "PeopleScreen",
                "screen.figures_view": "FiguresScreen", "screen.year_wheel": "YearWheelScreen",
                "screen.export": "ExportScreen", "screen.report": "MainScreen",
                "screen.import_figures": "FiguresImportScreen", "screen.inbox": "InboxScreen"}  # fmt: skip
    for _, action, _ in PlannerCommands.COMMANDS:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("right_square_bracket")
            await app.run_action(action)
            await pilot.pause()
            assert type(app.screen).__name__ == expected[action], action
            if action == "screen.this_week":
                assert app.screen.plan.report.week.week == 47


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


async def test_a_notice_from_the_command_line_shows_in_the_planner(sample_copy):
    # `someplan demo` printed where its copy is before the screen opened: seen only after quitting.
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace
    from someplan.tui.app import SomeplanApp

    app = SomeplanApp(Catalog(Workspace.open(sample_copy)), watch=False, notice="the demo is in /x/[b]demo[/b]")
    async with app.run_test(size=(120, 40)):
        assert [n.message for n in app._notifications if "demo" in n.message] == ["the demo is in /x/[b]demo[/b]"]
