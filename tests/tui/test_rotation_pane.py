"""The rotation pane: pause/resume, reorder, edit cadence and preferences, coverage strip."""

import datetime as dt

from someplan.services.catalog import CATEGORIES


def _names(app):
    pane = app.screen.query_one("RotationPane")
    table = pane.main
    return [str(table.get_row_at(i)[0])[2:] for i in range(table.row_count)]


async def test_pause_reorder_and_edit_a_category(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        first = _names(app)
        assert first == sorted(first, key=str.casefold)  # no order given yet: by name
        await pilot.press("p")
        category = app.catalog.category(first[0])
        assert not category.active
        table = app.screen.query_one("RotationPane").main
        assert "paused" in str(table.get_row_at(0)[1])
        await pilot.press("p")
        assert app.catalog.category(first[0]).active

        await pilot.press("J")  # the first moves down one
        assert _names(app) == [first[1], first[0], *first[2:]]
        assert table.cursor_row == 1  # the cursor follows the moved category
        await pilot.press("K", "K")  # and up past the top: it stops there
        assert _names(app) == first
        ranks = {doc["name"]: doc.get("rank") for doc in app.catalog.workspace.view(CATEGORIES).values()}
        assert sorted(ranks.values()) == list(range(len(first)))

        await pilot.press("e")
        editor = app.screen
        assert type(editor).__name__ == "CategoryEditor"
        editor.query_one("#cat-cadence").value = "hver 3. uke"
        editor.query_one("#cat-time").value = "8.15"
        await pilot.press("ctrl+s")
        changed = app.catalog.category(first[0])
        assert (str(changed.cadence), changed.time) == ("every 3 weeks", dt.time(8, 15))

        await pilot.press("e")
        app.screen.query_one("#cat-cadence").value = "sometimes"
        await pilot.press("ctrl+s")
        assert type(app.screen).__name__ == "CategoryEditor"  # refused, with a message beside the field
        assert "Try" in str(app.screen.query_one("#error-cat-cadence").render())
        await pilot.press("escape")
        assert str(app.catalog.category(first[0]).cadence) == "every 3 weeks"


async def test_coverage_strip_shows_twelve_weeks(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        table = app.screen.query_one("RotationPane").main
        strips = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert all(len(s) == 12 for s in strips)
        assert any("▄" in s or "█" in s for s in strips)
