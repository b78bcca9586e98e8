"""What the screen shows, as SVG snapshots (update with: pytest tests/tui --snapshot-update)."""

import pytest

from .conftest import picture_drawn


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (100, 30)])
def test_main_screen(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=picture_drawn)


def test_next_week_with_black_friday_and_advent(snap_compare, make_app):
    async def next_week(pilot):
        await pilot.press("right_square_bracket")
        await picture_drawn(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=next_week)


def test_editor(snap_compare, make_app):
    async def open_editor(pilot):
        from textual.widgets import Input

        await pilot.app.workers.wait_for_complete()  # the editor's asset hint needs the scan done
        await pilot.pause()  # the scan's result, handed over from its thread
        await pilot.app.workers.wait_for_complete()
        await picture_drawn(pilot)
        await pilot.press("e")
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blink under a busy CI machine is not a difference

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_editor)


def test_help(snap_compare, make_app):
    async def help_screen(pilot):
        await picture_drawn(pilot)
        await pilot.press("question_mark")

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=help_screen)


def test_light_theme(snap_compare, make_app):
    async def light(pilot):
        pilot.app.theme = "someplan-lys"
        await picture_drawn(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=light)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_main_screen_in_bokmal(snap_compare, make_app, monkeypatch, size):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    assert snap_compare(make_app(), terminal_size=size, run_before=picture_drawn)


@pytest.mark.parametrize("keys", [["4"], ["D"]], ids=["key_figures", "detail_under_plan"])
def test_small_screen_panes(snap_compare, make_app, keys):
    async def press(pilot):
        await pilot.press(*keys)
        await picture_drawn(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=press)
