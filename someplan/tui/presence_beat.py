"""The planner's heartbeat (services/presence.py): written once a minute on a thread, with the
colleagues who have the workspace open read at the same beat and shown in the main header."""

from __future__ import annotations

from typing import TYPE_CHECKING

from someplan.services.presence import BEAT_S, Colleague, Presence
from someplan.store.problems import WorkspaceError

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer


class PresenceBeat:
    def __init__(self, app: App, presence: Presence | None = None) -> None:
        self.app = app
        self.presence = presence or Presence(app.catalog.workspace)  # type: ignore[attr-defined]
        self.colleagues: list[Colleague] = []
        self._timer: Timer | None = None

    def start(self) -> PresenceBeat:
        self._timer = self.app.set_interval(BEAT_S, self.tick, name="someplan-presence")
        self.tick()
        return self

    def tick(self) -> None:
        # The shared folder may be slow (a network drive, a sync tool busy): not on the UI thread.
        self.app.run_worker(self._beat, thread=True, exclusive=True, group="presence")

    def _beat(self) -> None:
        try:
            self.presence.beat()
        except (WorkspaceError, OSError):
            pass  # a heartbeat is a courtesy: a full disk says so elsewhere, on a real write
        colleagues = self.presence.here()
        try:
            self.app.call_from_thread(self._show, colleagues)
        except RuntimeError:
            pass  # the app is closing

    def _show(self, colleagues: list[Colleague]) -> None:
        if colleagues == self.colleagues:
            return
        self.colleagues = colleagues
        main = self.app.screen_stack[0] if self.app.screen_stack else None
        if main is None or main._pruning:  # the planner is closing: its header is being taken down
            return
        redraw = getattr(main, "redraw_header", None)
        if redraw is not None:
            redraw()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        try:
            self.presence.leave()
        except OSError:
            pass  # gone stale in a few minutes all the same
