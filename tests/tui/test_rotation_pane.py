"""The rotation pane: pause/resume, reorder, edit cadence and preferences, coverage strip."""

import datetime as dt
import re

from someplan.services.catalog import CATEGORIES


def _columns(app) -> list[list[str]]:
    """The pane's rows cut into the columns its headings stand over."""
    pane = app.screen.query_one("RotationPane")
    head = str(pane.query_one("#rotation-head").render())
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=  ))\S", head)]
    return [[row[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)] for row in pane.rows_shown]


def _names(app):
    return [row[0][2:] for row in _columns(app)]


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
        assert "paused" in _columns(app)[0][1]
        await pilot.press("p")
        assert app.catalog.category(first[0]).active

        await pilot.press("J")  # the first moves down one
        assert _names(app) == [first[1], first[0], *first[2:]]
        assert table.highlighted == 1  # the cursor follows the moved category
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
        strips = [row[2] for row in _columns(app)]
        assert all(len(s) == 12 for s in strips)
        assert any("▄" in s or "█" in s for s in strips)


async def test_the_rows_line_up_under_their_headings_and_enter_edits(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        columns = _columns(app)
        heads = str(app.screen.query_one("#rotation-head").render()).split()
        assert heads[:2] == ["Category", "State"] and len(columns) == 7
        assert all(len(row) == 6 and row[0].startswith("■ ") for row in columns)
        assert all(re.fullmatch(r"\d+|–", row[4]) for row in columns)  # the backlog, set right
        assert all(re.fullmatch(r"(\d+ \w+|—) → \d+ \w+", row[3]) for row in columns)
        await pilot.press("down", "enter")
        assert type(app.screen).__name__ == "CategoryEditor"
        assert app.screen.query_one("#cat-name").value == columns[1][0][2:]
