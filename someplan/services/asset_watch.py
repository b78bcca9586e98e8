"""The asset watcher: tells a subscriber which files in the asset folder came, went or moved.

The approach of `someplan.store.watcher.ChangeFeed`: watchdog's thread only records the event
and sets a flag; one watcher thread waits for the burst to settle and delivers one list of
changes. A new or changed file is delivered once it has stopped growing: its size and mtime
must be the same at two looks `stable_s` apart (a copy or a sync in progress keeps changing
them). Names that are not assets (sync tools' temp and partial files, hidden files) are ignored;
a temp file renamed to its final name arrives as the final name.

Changes are delivered on the watcher thread; a UI hands them to its own thread.
"""

from __future__ import annotations

import os
import threading
import time
import unicodedata
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler

from someplan.domain.assets import Move, is_ignored_path
from someplan.services.asset_changes import Added, Change, Moved, Removed, Subscriber
from someplan.services.assets import scan_folder, stat_entry
from someplan.store.watcher import FolderWatch

QUIET_S = 0.08
STABLE_S = 0.25
MAX_DELAY_S = 0.4


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: AssetWatcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        self.watcher.note(event.event_type, str(event.src_path), str(getattr(event, "dest_path", "") or ""),
                          event.is_directory)  # fmt: skip


class AssetWatcher(FolderWatch):
    def __init__(self, root: Path, subscriber: Subscriber, quiet_s: float = QUIET_S, stable_s: float = STABLE_S) -> None:
        super().__init__(quiet_s, MAX_DELAY_S)
        self.root = str(root)
        self.subscriber = subscriber
        self.stable_s = stable_s
        self._lock = threading.Lock()
        self._events: list[tuple[str, str, str, bool]] = []
        self._growing: dict[str, tuple[int, float, float]] = {}  # rel -> (size, mtime, first seen so)

    def start(self) -> AssetWatcher:
        os.makedirs(self.root, exist_ok=True)
        self._watch(self.root, _Handler(self), "someplan-asset-watcher")
        return self

    def note(self, kind: str, src: str, dest: str, is_folder: bool) -> None:
        with self._lock:
            self._events.append((kind, src, dest, is_folder))
        self.poke()

    # -- the watcher thread --------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stopping:
            self._wake.wait(timeout=self.stable_s if self._growing else None)
            if self._stopping:
                return
            self._settle()
            self._wake.clear()
            with self._lock:
                events, self._events = self._events, []
            try:
                changes = self.changes(events, time.monotonic())
            except Exception:  # noqa: BLE001 - a strange event must not stop the watcher
                continue
            if changes:
                try:
                    self.subscriber(changes)
                except Exception:  # noqa: BLE001 - the app may be closing
                    pass

    def _rel(self, path: str) -> str | None:
        if not path.startswith(self.root + os.sep):
            return None
        return path[len(self.root) + 1:].replace(os.sep, "/")

    def changes(self, events: list[tuple[str, str, str, bool]], now: float) -> list[Change]:
        """Turn raw events into changes; files still growing wait for the next look."""
        changes: list[Change] = []
        for kind, src, dest, is_folder in events:
            rel, rel_dest = self._rel(src), self._rel(dest) if dest else None
            if kind == "moved":
                changes += self._moved(rel, rel_dest, is_folder)
            elif kind == "deleted" and rel and not is_ignored_path(rel):
                self._growing.pop(rel, None)
                changes.append(Removed(_key(rel), is_folder))
            elif kind in ("created", "modified", "closed") and rel and not is_ignored_path(rel):
                if is_folder:
                    if kind == "created":  # files copied in with the folder may predate its watch
                        changes += [Added(k, e) for k, e in scan_folder(self.root, rel).items()]
                else:
                    self._growing.setdefault(rel, (-1, -1.0, now))
        changes += self._stable_files(now)
        return changes

    def _moved(self, rel: str | None, rel_dest: str | None, is_folder: bool) -> list[Change]:
        src = rel if rel is not None and not is_ignored_path(rel) else None
        dest = rel_dest if rel_dest is not None and not is_ignored_path(rel_dest) else None
        if src is not None and dest is not None:
            if self._growing.pop(src, None) is not None:
                self._growing[dest] = (-1, -1.0, 0.0)  # not delivered yet: it arrives under its new name
            return [Moved(Move(_key(src), _key(dest), is_folder))]
        if src is not None:  # moved out of the folder, or to a hidden/temp name
            self._growing.pop(src, None)
            return [Removed(_key(src), is_folder)]
        if dest is not None:  # a temp file renamed to its final name, or moved in from outside
            if is_folder:
                return [Added(k, e) for k, e in scan_folder(self.root, dest).items()]
            self._growing[dest] = (-1, -1.0, 0.0)
        return []

    def _stable_files(self, now: float) -> list[Change]:
        changes: list[Change] = []
        for rel, (size, mtime, since) in list(self._growing.items()):
            entry = stat_entry(os.path.join(self.root, rel), rel)
            if entry is None:
                del self._growing[rel]  # gone again (a temp file), or not a regular file
                continue
            if (entry.size, entry.mtime) != (size, mtime):
                self._growing[rel] = (entry.size, entry.mtime, now)  # still changing: look again later
            elif now - since >= self.stable_s * 0.8:
                del self._growing[rel]
                changes.append(Added(_key(rel), entry))
        return changes


def _key(rel: str) -> str:
    return unicodedata.normalize("NFC", rel)
