"""The goals screen (G): goals, their targets and where each stands; set, change, record, remove
(update snapshots: --snapshot-update)."""

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, Static

from someplan.domain.goals import Goal
from someplan.services import goals as service
from someplan.services.catalog import Catalog
from someplan.store.workspace import Workspace
from someplan.tui.screens.goals import GoalsScreen


def without_goals(path):
    catalog = Catalog(Workspace.open(path))
    for goal in catalog.goals():
        catalog.workspace.delete(service.GOALS, goal.id)
    catalog.workspace.close()


async def test_shift_g_shows_the_samples_goals_with_their_verdicts(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")
        assert isinstance(app.screen, GoalsScreen)
        table = app.screen.query_one("#goals-table", DataTable)
        assert table.row_count == 5  # 2 + 3 targets
        cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
        assert "on track" in cells and "behind" in cells and "too early to say" in cells
        header = str(app.screen.query_one("#goals-header", Static).render())
        assert "2 goals" in header and "of 4 on track" in header
        await pilot.press("escape")
        assert not isinstance(app.screen, GoalsScreen)


async def test_a_new_user_sets_a_goal_adds_targets_records_a_count_and_u_undoes_the_removal(make_app, sample_copy):
    without_goals(sample_copy)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")
        screen = app.screen
        assert "none yet" in str(screen.query_one("#goals-header", Static).render())
        await pilot.press("n")
        editor = app.screen
        editor.query_one("#goal-title", Input).value = "Færre telefoner"
        editor.query_one("#goal-start", Input).value = "7.9.2026"
        editor.query_one("#goal-end", Input).value = "31.12.2026"
        await pilot.press("ctrl+s")
        assert app.screen is screen and [g.title for g in app.catalog.goals()] == ["Færre telefoner"]
        await pilot.press("t")
        app.screen.query_one(Input).value = "fart >= 3"
        await pilot.press("enter")
        assert "unknown kind of target" in str(app.screen.query_one("#ask-error", Static).render())  # said, not written
        app.screen.query_one(Input).value = "antall <= 40 navn='telefoner i uka'"
        await pilot.press("enter")
        assert app.screen is screen
        [goal] = app.catalog.goals()
        assert [t.label for t in goal.targets] == ["telefoner i uka"]
        await pilot.press("c")
        app.screen.query_one(Input).value = "52"
        await pilot.press("enter")
        [goal] = app.catalog.goals()
        assert list(goal.targets[0].recorded.values()) == [52.0]
        await pilot.press("d", "y")
        assert app.catalog.goals() == []
        await pilot.press("escape", "u")
        assert [g.title for g in app.catalog.goals()] == ["Færre telefoner"]
        await pilot.press("u")  # the count recorded
        assert app.catalog.goals()[0].targets[0].recorded == {}
        await pilot.press("u")  # the target added
        assert app.catalog.goals()[0].targets == ()


async def test_a_goal_title_with_markup_stays_text(make_app, sample_copy):
    without_goals(sample_copy)
    catalog = Catalog(Workspace.open(sample_copy))
    service.add_goal(catalog, Goal("", "[bold]Mer[/] \x1b[2J", dt.date(2026, 10, 1), dt.date(2026, 12, 1)))
    catalog.workspace.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")
        table = app.screen.query_one("#goals-table", DataTable)
        assert str(table.get_row_at(0)[0]) == "[bold]Mer[/] \\x1b[2J"


async def test_the_figures_view_marks_the_posts_that_moved_a_target_most_and_names_best_times(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        top = app.screen.query_one("#figures-top", DataTable)
        rates = [str(top.get_row_at(i)[0]) for i in range(top.row_count)]
        assert any(rate.startswith("◎ ") for rate in rates)
        notes = str(app.screen.query_one("#figures-notes", Static).render())
        assert "Best times, Facebook: " in notes and "moved a goal's target most" in notes
        assert "Too few posts to learn best times from (20 a channel): LinkedIn 10, TikTok 13" in notes


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_goals_screen_snapshot(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, press=["G"])


async def test_a_dropped_target_comes_back_with_its_counts_on_u(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G", "down")  # the sample's count by hand
        calls = next(g for g in app.catalog.goals() if g.title.startswith("Færre"))
        counted = next(t for t in calls.targets if t.kind.value == "count")
        assert app.screen.selected == (calls.id, counted.id)
        await pilot.press("x", "y")
        assert counted.id not in [t.id for t in service.find_goal(app.catalog, calls.id).targets]
        await pilot.press("escape", "u")
        back = next(t for t in service.find_goal(app.catalog, calls.id).targets if t.id == counted.id)
        assert back.recorded == counted.recorded and len(back.recorded) == 10


async def test_a_colleagues_new_goal_shows_while_the_goals_screen_is_open(make_app, sample_copy):
    from someplan.tui.messages import WorkspaceChanged

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")
        screen = app.screen
        colleague = Catalog(Workspace.open(sample_copy))
        service.add_goal(colleague, Goal("", "Kollegas mål", dt.date(2026, 10, 1), dt.date(2026, 12, 31)))
        colleague.workspace.close()
        changed = app.catalog.workspace.refresh()
        app.screen_stack[0].post_message(WorkspaceChanged(changed, by_colleague=True))
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        table = screen.query_one("#goals-table", DataTable)
        titles = {str(table.get_row_at(row)[0]) for row in range(table.row_count)}
        assert "Kollegas mål" in titles
        assert "3 goals" in str(screen.query_one("#goals-header", Static).render())
