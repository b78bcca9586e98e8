"""The figures view: rates by category and channel with weekly sparklines, top and bottom posts,
reuse candidates and the key that plans one again (update snapshots: --snapshot-update)."""

import datetime as dt

import pytest
from textual.widgets import DataTable, Static

from someplan.tui.screens.figures import FiguresScreen, next_same_weekday, sparkline

from .conftest import note_frames


def test_sparkline_scales_each_row_and_marks_missing_weeks():
    assert sparkline([1.0, None, 3.0, 2.0]) == "▁·█▅"
    assert sparkline([None, None]) == "··"
    assert sparkline([5.0, 5.0]) == "▁▁"


def test_a_reuse_goes_to_the_next_same_weekday():
    wednesday = dt.date(2026, 11, 18)
    assert next_same_weekday(dt.date(2026, 9, 8), wednesday) == dt.date(2026, 11, 24)  # a Tuesday
    assert next_same_weekday(dt.date(2026, 9, 9), wednesday) == dt.date(2026, 11, 25)  # not today


async def test_shift_f_opens_the_view_with_tables_and_esc_closes_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        assert isinstance(app.screen, FiguresScreen)
        screen = app.screen
        categories = screen.query_one("#figures-by-category", DataTable)
        assert categories.row_count == 7 and screen.query_one("#figures-top", DataTable).row_count == 5
        assert screen.query_one("#figures-bottom", DataTable).row_count == 5
        assert screen.query_one("#figures-reuse", DataTable).row_count > 0
        await pilot.press("right_square_bracket")
        assert screen.weeks == 12
        await pilot.press("escape")
        assert not isinstance(app.screen, FiguresScreen)


async def test_r_plans_the_best_candidate_again_with_its_assets_and_u_undoes(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        reuse = app.screen.query_one("#figures-reuse", DataTable)
        original_id = reuse.coordinate_to_cell_key(reuse.cursor_coordinate).row_key.value
        original = app.catalog.post(original_id)
        before = set(app.catalog.workspace.view("posts"))
        await pilot.press("r")
        assert isinstance(app.screen, FiguresScreen)  # stays open to reuse more
        assert any("again as a draft" in n.message for n in app._notifications)
        (new_id,) = set(app.catalog.workspace.view("posts")) - before
        copy = app.catalog.post(new_id)
        assert copy.reused_from == original_id and copy.status.value == "draft" and copy.reach is None
        assert copy.assets == original.assets and copy.title == original.title and copy.channel == original.channel
        assert copy.date > app.today and copy.date.weekday() == original.date.weekday()
        ids = [r.value for r in app.screen.query_one("#figures-reuse", DataTable).rows]
        assert original_id not in ids  # reused once: no longer offered
        await pilot.press("escape")
        assert app.screen.plan.selected_post_id == new_id  # shown in the plan
        await pilot.press("u")
        assert new_id not in app.catalog.workspace.view("posts")


async def test_captions_with_markup_stay_text(make_app, sample_copy):
    from someplan.services.catalog import Catalog
    from someplan.services.planning import edit_post
    from someplan.store.workspace import Workspace

    catalog = Catalog(Workspace.open(sample_copy))
    for post in catalog.posts():
        if post.title == "Karis beste tips til vintergjestene":  # the top post, on each channel
            edit_post(catalog, post.id, title="[bold red]Karis[/] tips \x1b[2J")
    catalog.workspace.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        top = app.screen.query_one("#figures-top", DataTable)
        titles = [str(top.get_row_at(i)[-1]) for i in range(top.row_count)]
        assert "[bold red]Karis[/] tips \\x1b[2J" in titles


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (100, 30)])
def test_figures_view_snapshot(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, press=["F"])


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_the_view_opens_at_its_top_and_no_box_covers_another(make_app, size):
    """Issue 16.2: at 80x24 the view opened scrolled to the reuse table, over the bottom five."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("F")
        await pilot.pause()
        screen = app.screen
        assert screen.scroll_y == 0 and screen.query_one("#figures-heading").region.y == 0
        assert screen.focused.id == "figures-reuse"  # r still plans the best candidate
        boxes = [table.region for table in screen.query(DataTable) if table.display]
        for index, box in enumerate(boxes):
            assert box.height >= 3  # a header and a row at least
            for other in boxes[index + 1 :]:
                assert not box.overlaps(other), (box, other)


async def test_page_reach_and_new_follows_per_week_from_daily_exports(make_app):
    from pathlib import Path

    from someplan.services.figures.importer import import_file

    data = Path(__file__).resolve().parents[1] / "data"
    app = make_app()
    import_file(app.catalog, data / "meta_page_reach_utf16.csv")
    import_file(app.catalog, data / "meta_instagram_follows_utf16.csv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        notes = str(app.screen.query_one("#figures-notes").render())
        assert "Facebook per week: page reach" in notes and "7\u00a0097" in notes.replace(",", "\u00a0")
        assert "Instagram per week: new follows" in notes


async def test_the_engagement_legend_speaks_bokmal(make_app, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        await pilot.pause()
        notes = str(app.screen.query_one("#figures-notes", Static).render())
        assert "reaksjoner+kommentarer" in notes and "reactions" not in notes


async def test_the_view_is_drawn_before_its_figures_are_made(make_app, monkeypatch):
    """Issue 15: `F` waited for the whole history's figures before its first frame; the boxes
    and their headings are drawn first, the figures fill them right after."""
    import gc

    from someplan.tui.screens import figures as figures_screen

    made, frames, collecting = [], [], []
    real = figures_screen.figures_report
    monkeypatch.setattr(figures_screen, "figures_report", lambda *a, **k: made.append(len(frames)) or real(*a, **k))
    compose = FiguresScreen.compose
    monkeypatch.setattr(FiguresScreen, "compose", lambda self: collecting.append(gc.isenabled()) or compose(self))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        note_frames(app, frames, lambda screen: isinstance(screen, FiguresScreen))
        await pilot.press("F")
        await pilot.pause()
        screen = app.screen
        assert made and made[0] >= 1  # after the first frame
        assert screen.query_one("#figures-by-category", DataTable).row_count == 7
        assert [str(c.label) for c in screen.query_one("#figures-top", DataTable).columns.values()][-1] == "Title"
        # No collection while the screen was built (paint_first.py), and the collector back after.
        assert collecting == [False] and gc.isenabled()
