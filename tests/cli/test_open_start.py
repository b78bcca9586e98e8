"""What `someplan [PATH]` sets up for the planner's start (cli/workspace.py): the collector off and
the interpreter switching threads often until the start is over, both as they were after it."""

import contextlib
import gc
import sys
from types import SimpleNamespace

from someplan.cli import workspace


def test_the_start_runs_with_the_collector_off_and_quick_thread_switches_then_as_before(monkeypatch):
    seen = []

    class App:
        return_code = 0

        def __init__(self, catalog, notice=None, started=None):
            self.started = started

        @staticmethod
        def prepare_terminal():
            pass

        def run(self):
            seen.append(("start", gc.isenabled(), sys.getswitchinterval()))
            self.started()  # the first frames are out, the screens a key opens loaded
            seen.append(("started", gc.isenabled(), sys.getswitchinterval()))

    import someplan.tui.app

    monkeypatch.setattr(workspace, "has_terminal", lambda: True)
    monkeypatch.setattr(workspace.common, "open_catalog", lambda args, writable: contextlib.nullcontext(None))
    monkeypatch.setattr(workspace.compiled_methods, "save", lambda: None)
    monkeypatch.setattr(someplan.tui.app, "SomeplanApp", App)
    before = sys.getswitchinterval()
    assert gc.isenabled()
    assert workspace.cmd_open(SimpleNamespace(workspace="ws")) == 0
    assert seen == [("start", False, workspace.START_SWITCH_INTERVAL_S), ("started", True, before)]
    assert gc.isenabled() and sys.getswitchinterval() == before


def test_a_start_that_fails_leaves_the_collector_and_the_switches_as_they_were(monkeypatch):
    import pytest

    import someplan.tui.app

    class Failing:
        def __init__(self, *args, **kwargs):
            raise RuntimeError("no screen")

    monkeypatch.setattr(workspace, "has_terminal", lambda: True)
    monkeypatch.setattr(workspace.common, "open_catalog", lambda args, writable: contextlib.nullcontext(None))
    monkeypatch.setattr(someplan.tui.app, "SomeplanApp", Failing)
    before = sys.getswitchinterval()
    with pytest.raises(RuntimeError):
        workspace.cmd_open(SimpleNamespace(workspace="ws"))
    assert gc.isenabled() and sys.getswitchinterval() == before
