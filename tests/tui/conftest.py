import os
import shutil
from pathlib import Path

import pytest
import textual._wait

from someplan.services.catalog import Catalog
from someplan.store.workspace import Workspace

FROZEN_MTIME = 1_795_000_000  # 2026-11-18 in the evening
SAMPLE = Path(__file__).resolve().parents[2] / "sample_workspace"
HERE = Path(__file__).resolve().parent

# Pilot's press and pause wait until the process has used (almost) no CPU for one window of
# Textual's SLEEP_GRANULARITY: 20 ms, with every key pressed waiting out two such windows, was
# two thirds of the planner tests' time on CI, spent asleep. A 5 ms window is the same test of
# idleness (under 5% CPU across it, as Textual's own): what a test waits for (a thread's result,
# a timer, the next frame) it awaits explicitly, never the length of an idle window.
textual._wait.SLEEP_GRANULARITY = 0.005
textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20


def pytest_collection_modifyitems(items):
    """Every planner test is marked `tui`: `pytest -m "not tui"` is the fast suite."""
    for item in items:
        if HERE in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.tui)


@pytest.fixture
def sample_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("SOMEPLAN_TODAY", "2026-11-18")
    # This machine has a name already: the planner asks for one only on a machine's first start.
    from someplan.store.device import IdentityStore

    store = IdentityStore()
    store.rename(store.load(), "Testmaskinen")
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    for path in (target / "assets").rglob("*"):
        os.utime(path, (FROZEN_MTIME, FROZEN_MTIME))  # the assets pane shows dates: keep them still
    return target


@pytest.fixture
def make_app(sample_copy):
    from someplan.tui.app import SomeplanApp

    def make(watch: bool = False, path: Path | None = None) -> SomeplanApp:
        return SomeplanApp(Catalog(Workspace.open(path or sample_copy)), watch=watch)

    return make


async def picture_drawn(pilot) -> None:
    """Wait until the detail pane's picture (debounced, decoded on a thread) is drawn: a
    snapshot must not depend on how busy the machine is."""
    from someplan.tui.panes.detail import DetailPane
    from someplan.tui.screens.main import MainScreen

    for _ in range(100):  # the pane knows the asset folder once the main screen's library starts
        mains = [screen for screen in pilot.app.screen_stack if isinstance(screen, MainScreen)]
        if all(screen.assets is not None for screen in mains):
            break
        await pilot.pause(0.02)
    await pilot.pause()
    for _ in range(200):
        panes = [pane for screen in pilot.app.screen_stack for pane in screen.query(DetailPane)]
        if not any(pane.picture_pending for pane in panes):
            return
        await pilot.pause(0.05)
    raise AssertionError("the detail pane's picture was not drawn")


def note_frames(app, frames: list, which) -> None:
    """Append to `frames` each screen that `which(screen)` accepts as the app draws a frame of it
    (Textual's private `_display`: what is sent to the terminal), for tests of what comes
    before or after a first frame."""
    display = app._display

    def noting(screen, renderable):
        if renderable is not None and which(screen):
            frames.append(screen)
        display(screen, renderable)

    app._display = noting
