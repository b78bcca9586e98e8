"""What the screen shows, as SVG snapshots (update with: pytest tests/tui --snapshot-update)."""

import pytest


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_main_screen(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size)


def test_next_week_with_black_friday_and_advent(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["right_square_bracket"])


def test_editor(snap_compare, make_app):
    async def open_editor(pilot):
        from textual.widgets import Input

        await pilot.app.workers.wait_for_complete()  # the editor's asset hint needs the scan done
        await pilot.pause()  # the scan's result, handed over from its thread
        await pilot.app.workers.wait_for_complete()
        await pilot.press("e")
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blink under a busy CI machine is not a difference

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_editor)


def test_help(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["question_mark"])


def test_light_theme(snap_compare, make_app):
    async def light(pilot):
        pilot.app.theme = "someplan-lys"

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=light)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_main_screen_in_bokmal(snap_compare, make_app, monkeypatch, size):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    assert snap_compare(make_app(), terminal_size=size)
