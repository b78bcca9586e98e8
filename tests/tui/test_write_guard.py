"""One write guard for the planner (tui/write_guard.py): every screen says a refused write the
same way, and no screen keeps a copy of its own."""

import json
from pathlib import Path

from textual.widgets import DataTable

import someplan.tui

TUI = Path(someplan.tui.__file__).parent


def test_not_saved_is_said_in_one_place():
    saying = [path.relative_to(TUI).as_posix() for path in TUI.rglob("*.py") if '_("Not saved' in path.read_text()]
    assert saying == ["write_guard.py"]


def _refusing(sample_copy) -> None:
    meta = sample_copy / "someplan-workspace.json"
    doc = json.loads(meta.read_text())
    doc["format"] = 99
    meta.write_text(json.dumps(doc))


async def test_a_refused_reuse_in_the_figures_view_is_a_notice_and_the_view_stays(make_app, sample_copy):
    _refusing(sample_copy)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        view = app.screen
        before = dict(app.catalog.workspace.view("posts"))
        assert view.query_one("#figures-reuse", DataTable).row_count
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is view and app.catalog.workspace.view("posts") == before
        assert [n.message for n in app._notifications if "Not saved" in n.message]
        assert len(app.undo_stack) == 0


async def test_the_people_screen_answers_each_change_in_a_toast(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("P")
        await pilot.press("n", *"Nina Nyansatt")
        await pilot.press("tab", *"servitør", "ctrl+s")
        await pilot.pause()
        assert app._notifications and list(app._notifications)[-1].message == "Added Nina Nyansatt"


async def test_a_refused_campaign_in_the_year_wheel_says_not_saved_like_everywhere(make_app, sample_copy):
    _refusing(sample_copy)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("n", *"Vinterferie", "ctrl+s")
        await pilot.pause()
        assert any(n.message.startswith("Not saved: ") for n in app._notifications)
        assert type(app.screen).__name__ == "YearWheelScreen"


async def test_a_refused_format_change_says_not_saved_and_nothing_about_the_format(make_app, sample_copy):
    """`O` on a workspace this version may not write: the toast said "Format: <the old one>"."""
    _refusing(sample_copy)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("O")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Not saved" in m for m in messages) and not any(m.startswith("Format: ") for m in messages)
