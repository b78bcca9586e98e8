"""The collector waits while a screen a key opens is built and drawn (screens/paint_first.py),
and is always back afterwards."""

import gc

import pytest
from textual.screen import Screen

from someplan.tui.screens import paint_first

from .conftest import note_frames


@pytest.fixture(autouse=True)
def _collector_on_afterwards():
    yield
    gc.enable()  # a failing test must not leave the rest of the suite without it


@pytest.mark.parametrize("key", ["e", "F", "E", "w", "b", "P"])
async def test_each_screen_leaves_the_collector_on_once_drawn(make_app, key):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is not main and gc.isenabled()


async def test_the_collector_comes_back_when_the_screen_is_never_drawn(make_app, monkeypatch):
    monkeypatch.setattr(paint_first, "FALLBACK_SECONDS", 0.01)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        paint_first.hold_collection(Screen())  # built, never pushed
        assert not gc.isenabled()
        for _ in range(200):  # the fallback timer's tick, not a fixed sleep
            if gc.isenabled():
                break
            await pilot.pause()
        assert gc.isenabled()


async def test_a_collector_switched_off_by_someone_else_stays_off(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        gc.disable()
        paint_first.hold_collection(Screen())
        await pilot.pause()
        assert not gc.isenabled()


async def test_a_closed_screen_is_collected_after_the_plan_is_drawn_again(make_app, monkeypatch):
    collected, frames = [], []
    monkeypatch.setattr(paint_first, "_collect", lambda: collected.append(len(frames)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("F")
        await pilot.pause()
        note_frames(app, frames, lambda screen: screen is main)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main and collected and collected[0] >= 1
