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
        await pilot.pause()  # ends with the frame drawn: the collection comes after it
        await pilot.pause()
        assert app.screen is main and collected and collected[0] >= 1


@pytest.mark.parametrize(("key", "restyled"), [("F", False), ("w", False), ("b", False), ("P", False), ("E", True)])
async def test_a_screen_is_not_restyled_whole_as_it_is_first_shown_but_again_after_a_change(make_app, key, restyled):
    # Its widgets were styled as they mounted; a modal dialog is restyled (its backdrop needs it).
    from textual import events
    from textual.dom import DOMNode

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        whole = []
        real = DOMNode.update_node_styles

        def spying(node, animate=True):
            if isinstance(node, Screen) and node is not main:
                whole.append(node)
            return real(node, animate)

        DOMNode.update_node_styles = spying
        try:
            await pilot.press(key)
            await pilot.pause()
            screen = app.screen
            assert screen is not main and isinstance(screen, paint_first.PaintsFirst)
            assert (screen in whole) is restyled
            whole.clear()
            screen.post_message(events.ScreenResume())  # shown again: restyled as always
            await pilot.pause()
            assert screen in whole
        finally:
            DOMNode.update_node_styles = real
