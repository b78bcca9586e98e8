"""The change feed: watches ``devices/`` and tells subscribers which records colleagues changed
(an empty set: no record changed, but the workspace's problems did).

A sync tool delivers a colleague's edits as a burst of file events (temp file, rename, attribute
changes, sometimes several segments). watchdog's thread only sets a flag; one feed thread waits
for the burst to settle (`QUIET_S` without events, or `MAX_DELAY_S` after the first), merges
what changed and calls each subscriber once with the set of changed records. While nothing
happens the feed thread sleeps on an event: no polling, no CPU.

Subscribers are called on the feed thread; a UI hands the news to its own thread (Textual:
``app.call_from_thread`` or ``post_message``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from watchdog.events import FileSystemEvent, FileSystemEventHandler

from someplan.store.atomic import is_temp_name
from someplan.store.layout import DEVICES, PRESENCE_FILE
from someplan.store.merge import RecordRef
from someplan.store.problems import Problem
from someplan.store.workspace import Workspace

QUIET_S = 0.08
MAX_DELAY_S = 0.4

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

Subscriber = Callable[[set[RecordRef]], None]


def wait_for_quiet(last_event: Callable[[], float], quiet_s: float, max_delay_s: float, stopping: Callable[[], bool]) -> None:
    """Return once no event came for `quiet_s`, or `max_delay_s` after the call: one burst, one delivery."""
    first = time.monotonic()
    while not stopping():
        now = time.monotonic()
        quiet_left = last_event() + quiet_s - now
        if quiet_left <= 0 or now - first >= max_delay_s:
            return
        time.sleep(min(quiet_left, max_delay_s - (now - first)))


class FolderWatch:
    """A watchdog observer of one folder, whose events only poke, and the one thread (`_run`)
    that waits for a burst to settle and acts on it: the change feed's and the asset watcher's."""

    def __init__(self, quiet_s: float, max_delay_s: float) -> None:
        self.quiet_s, self.max_delay_s = quiet_s, max_delay_s
        self._wake = threading.Event()
        self._stopping = False
        self._last_event = 0.0
        self._observer: BaseObserver | None = None
        self._thread: threading.Thread | None = None

    def _watch(self, folder: str, handler: FileSystemEventHandler, thread_name: str) -> None:
        # watchdog's observers (inotify and its ctypes) are imported when a watch starts, after
        # the planner's first frame, not with every module that names a watcher.
        from watchdog.observers import Observer

        self._observer = Observer()
        self._observer.schedule(handler, folder, recursive=True)
        self._observer.daemon = True
        self._observer.start()
        self._thread = threading.Thread(target=self._run, name=thread_name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._observer:
            self._observer.stop()
            self._observer.join(timeout=2)
        if self._thread:
            self._thread.join(timeout=2)

    def poke(self) -> None:
        self._last_event = time.monotonic()
        self._wake.set()

    def _settle(self) -> None:
        wait_for_quiet(lambda: self._last_event, self.quiet_s, self.max_delay_s, lambda: self._stopping)


class _Handler(FileSystemEventHandler):
    def __init__(self, feed: ChangeFeed) -> None:
        self.feed = feed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        names = [str(event.src_path).rsplit("/", 1)[-1]]
        if getattr(event, "dest_path", ""):
            names.append(str(event.dest_path).rsplit("/", 1)[-1])
        # A colleague's heartbeat (presence.json, once a minute) changes no record: no refresh.
        if all(is_temp_name(name) or name == PRESENCE_FILE for name in names):
            return
        self.feed.poke()


class ChangeFeed(FolderWatch):
    def __init__(self, workspace: Workspace, quiet_s: float = QUIET_S, max_delay_s: float = MAX_DELAY_S) -> None:
        super().__init__(quiet_s, max_delay_s)
        self.workspace = workspace
        self._subscribers: list[Subscriber] = []
        self.refreshes = 0  # how many merges the feed ran: tests check bursts are coalesced
        self._problems: list[Problem] | None = None  # as the last delivery found them

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        self._subscribers.append(subscriber)
        return lambda: self._subscribers.remove(subscriber)

    def start(self) -> ChangeFeed:
        folder = self.workspace.root / DEVICES
        folder.mkdir(exist_ok=True)
        self._watch(str(folder), _Handler(self), "someplan-change-feed")
        return self

    def __enter__(self) -> ChangeFeed:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            if self._stopping:
                return
            self._settle()
            self._wake.clear()
            if self._stopping:
                return
            self._deliver()

    def _deliver(self) -> None:
        try:
            # What the last delivery found stands for "before": the problems are worked out once
            # per refresh, not twice. (A change of them between deliveries, by one of our own
            # writes, is told with the next refresh: subscribers redraw once more, no harm.)
            before = self._problems if self._problems is not None else self.workspace.problems
            changed = self.workspace.refresh()
            after = self._problems = self.workspace.problems
        except Exception:  # noqa: BLE001 - a bad burst must not kill the feed; next event retries
            return
        self.refreshes += 1
        # A file that adds no record (a garbage segment, a conflicted copy with nothing new) still
        # changes what is wrong with the workspace: subscribers hear of it with no records.
        if changed or after != before:
            for subscriber in list(self._subscribers):
                subscriber(changed)
