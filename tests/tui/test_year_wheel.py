"""The year wheel: moving, jumping to a week, campaigns added, edited, deleted and undone, the
months view, small terminals, colleagues' edits; snapshots in English and Bokmål
(update with --snapshot-update on the test)."""

import asyncio
import datetime as dt

import pytest

from someplan.domain.event import Event
from someplan.services.campaigns import add_campaign, find_campaign
from someplan.services.catalog import Catalog
from someplan.store.workspace import Workspace
from someplan.tui.messages import WorkspaceChanged
from someplan.tui.screens.campaign_editor import CampaignEditor
from someplan.tui.screens.year_wheel import WheelGrid, YearWheelScreen


def details(app) -> str:
    return str(app.screen.query_one("#wheel-details").render())


def titles(app) -> set[str]:
    return {e.title for e in app.catalog.events()}


async def test_w_opens_the_wheel_on_this_week_and_esc_goes_back(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, YearWheelScreen)
        assert app.screen.wheel.year == 2026 and len(app.screen.wheel.weeks) == 53
        assert details(app).startswith("week 47 · 16–22 Nov")
        assert "Julebordsesongen" in details(app)
        header = str(app.screen.query_one("#wheel-header").render())
        assert "Year wheel 2026" in header and "53 ISO weeks" in header
        await pilot.press("escape")
        assert not isinstance(app.screen, YearWheelScreen)
        assert app.screen.plan.report.week.week == 47


async def test_moving_and_enter_shows_that_week_in_the_plan(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "right", "l")
        assert details(app).startswith("week 49 · 30 Nov–6 Dec")
        assert "Vintersesong" in details(app) and "Black Week" in details(app)
        await pilot.press("enter")
        plan = app.screen.plan
        assert plan.report.week.week == 49 and plan.selected_day == dt.date(2026, 12, 2)


async def test_week_53_and_the_years(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", *["right"] * 6)
        text = details(app)
        assert text.startswith("week 53 · 28 Dec–3 Jan")
        assert "Thu 31 Dec" in text and "• New Year's Eve (observance day)" in text
        assert "★ ⚑ New Year's Day (holiday, flag day)" in text
        await pilot.press("right")  # on into 2027
        assert app.screen.wheel.year == 2027 and details(app).startswith("week 1 · 4–10 Jan")
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.screen.wheel.year == 2025 and len(app.screen.wheel.weeks) == 52
        await pilot.press("right_square_bracket", "t")
        assert app.screen.day == dt.date(2026, 11, 18)


async def test_the_months_view_moves_by_day_and_month(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "m")
        assert app.screen.mode == "months"
        text = details(app)
        assert text.startswith("Wednesday 18 Nov 2026") and "November:" in text and "Black Friday" in text
        await pilot.press("down", "right")  # 19 December
        assert app.screen.day == dt.date(2026, 12, 19)
        assert "Vintersesong" in details(app) and "Julebordsesongen" in details(app)
        await pilot.press("down")
        assert app.screen.day == dt.date(2027, 1, 19) and app.screen.wheel.year == 2027
        await pilot.press("enter")
        assert app.screen.plan.report.week.week == 3 and app.screen.plan.selected_day == dt.date(2027, 1, 19)


async def test_add_a_campaign_from_the_selected_week_and_undo_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "right", "n")
        editor = app.screen
        assert isinstance(editor, CampaignEditor)
        assert editor.query_one("#campaign-start").value == "23.11.2026"
        assert editor.query_one("#campaign-end").value == "29.11.2026"
        await pilot.press(*"Adventskalender", "ctrl+s")
        assert isinstance(app.screen, YearWheelScreen)
        event = find_campaign(app.catalog, "Adventskalender")
        assert (event.start, event.end, event.kind.value) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29), "campaign")
        assert "Adventskalender" in details(app)
        await pilot.press("u")
        assert "Adventskalender" not in titles(app)
        assert "Adventskalender" not in details(app)


async def test_the_editor_says_what_is_wrong_and_writes_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "n")
        editor = app.screen
        editor.query_one("#campaign-end").value = "1.11.2026"
        editor.query_one("#campaign-start").value = "31.2.2026"
        await pilot.press("ctrl+s")
        assert app.screen is editor
        assert "A campaign needs a title" in str(editor.query_one("#error-campaign-title").render())
        assert "Not a date" in str(editor.query_one("#error-campaign-start").render())
        editor.query_one("#campaign-start").value = "2026-11-20"
        editor.query_one("#campaign-title").value = "X"
        await pilot.press("ctrl+s")
        assert "before the first" in str(editor.query_one("#error-campaign-end").render())
        await pilot.press("escape")
        assert isinstance(app.screen, YearWheelScreen) and len(app.catalog.events()) == 6


async def test_edit_the_second_campaign_of_a_week_and_undo_in_the_plan(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "right")  # week 48: Julebordsesongen and Black Week
        assert app.screen.selected_span().event.title == "Julebordsesongen"
        await pilot.press("c")
        assert app.screen.selected_span().event.title == "Black Week"
        await pilot.press("e")
        editor = app.screen
        assert editor.query_one("#campaign-title").value == "Black Week"
        editor.query_one("#campaign-end").value = "2026-12-01"
        await pilot.press("ctrl+s")
        assert find_campaign(app.catalog, "Black Week").end == dt.date(2026, 12, 1)
        assert "1 Dec" in details(app)
        await pilot.press("escape", "u")  # the planner's undo takes the wheel's changes too
        assert find_campaign(app.catalog, "Black Week").end == dt.date(2026, 11, 30)


async def test_delete_asks_first_and_undo_brings_it_back(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", *["left"] * 9)  # week 38: the end of the summer season
        assert app.screen.selected_span().event.title == "Sommersesong 2026"
        await pilot.press("d")
        assert "Sommersesong 2026" in str(app.screen.query_one("Label").render())
        await pilot.press("n")
        assert "Sommersesong 2026" in titles(app)
        await pilot.press("d", "y")
        assert "Sommersesong 2026" not in titles(app)
        assert "Sommersesong 2026" not in details(app)
        await pilot.press("u")
        assert "Sommersesong 2026" in titles(app)
        await pilot.press(*["left"] * 30, "d")  # week 8: no campaign
        assert isinstance(app.screen, YearWheelScreen)


async def test_the_palette_command_opens_the_wheel(make_app):
    from someplan.tui.app import PlannerCommands

    assert "screen.year_wheel" in [action for _, action, _ in PlannerCommands.COMMANDS]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.run_action("screen.year_wheel")
        await pilot.pause()
        assert isinstance(app.screen, YearWheelScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_the_whole_year_fits(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("w")
        await pilot.pause()  # the pushed screen is laid out on the next idle, later on a busy machine
        grid = app.screen.query_one(WheelGrid)
        lines = str(grid.render()).splitlines()
        width = grid.content_size.width
        assert all(len(line) <= width for line in lines)
        heat = next(line for line in lines if line.startswith("posts"))
        assert len(heat.rstrip()) == 10 + 53 * (1 if size[0] < 100 else 2 if size[0] < 150 else 3)
        assert grid.region.bottom <= size[1] - 2  # the details and the footer still show
        await pilot.press("m")
        await pilot.pause()
        lines = str(grid.render()).splitlines()
        assert len(lines) == 13 and all(len(line) <= width for line in lines)


async def test_a_colleagues_campaign_shows_while_the_wheel_is_open(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        colleague = Catalog(Workspace.open(sample_copy))
        add_campaign(colleague, Event("", "Kollegas kampanje", dt.date(2026, 11, 16), dt.date(2026, 11, 20)))
        colleague.workspace.close()
        changed = app.catalog.workspace.refresh()
        main, wheel = app.screen_stack[0], app.screen
        main.post_message(WorkspaceChanged(changed, by_colleague=True))
        # The planner below hears the news and passes it on to the wheel. A pause waits only for
        # the screen on top, and on a loaded machine it took the planner's slow turn for idle:
        # wait for the two hand-overs themselves (each screen's messages are handled in turn).
        passed_on = asyncio.Event()
        main.call_later(lambda: wheel.call_later(passed_on.set))
        await asyncio.wait_for(passed_on.wait(), timeout=30)
        await pilot.pause()
        assert "Kollegas kampanje" in details(app)


async def test_titles_with_markup_stay_text(make_app, sample_copy):
    catalog = Catalog(Workspace.open(sample_copy))
    add_campaign(catalog, Event("", "[bold red]Salg[/] \x1b[2J", dt.date(2026, 11, 16), dt.date(2026, 11, 20)))
    catalog.workspace.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        assert "[bold red]Salg[/] \\x1b[2J" in details(app)


def test_snapshot_english(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["w"])


def test_snapshot_bokmal(snap_compare, make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["w"])


def test_snapshot_months_bokmal(snap_compare, make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["w", "m"])


def test_snapshot_small_terminal(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["w", "right"])


async def test_a_bad_calendar_file_is_a_notice_and_the_wheel_still_opens(make_app, sample_copy):
    from someplan.services.calendar_data import user_file

    user_file().parent.mkdir(parents=True, exist_ok=True)
    user_file().write_text("[[day]]\nkind = 'observance'\nrule = 'every friday'\nnb = 'Fredagstaco'\nen = 'Taco Friday'\n")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert any("Fredagstaco" in str(n.message) and "not a rule" in str(n.message) for n in app._notifications)
        await pilot.press("w")
        assert isinstance(app.screen, YearWheelScreen)
        await pilot.press("right")
        assert "Black Friday" in details(app)
