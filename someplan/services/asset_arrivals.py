"""New files arriving in the asset folder, as relative paths, for whoever wants to offer them.

Sync tools and cameras write files in steps: temp names first (`.~x`, `x.part`, `~$x`, Dropbox's
and Syncthing's own), then a rename to the real name. Only real names are reported; the caller
waits until a file has stopped changing before it offers it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from someplan.domain.assets import is_ignored_path

def is_ignored(relpath: str) -> bool:
    """Sync tools' temp and partial files, hidden files and anything inside a hidden folder."""
    return is_ignored_path(relpath)


def watch_new_files(root: Path, report: Callable[[str], None]):
    """Call `report(relpath)` (from watchdog's thread) for files created, changed or moved in;
    returns the started observer (`.stop()` ends it)."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    base = os.path.realpath(root)

    class Handler(FileSystemEventHandler):
        def _report(self, path: str) -> None:
            relpath = os.path.relpath(os.path.realpath(path), base).replace(os.sep, "/")
            if not relpath.startswith("../") and relpath != ".." and not is_ignored(relpath):
                report(relpath)

        def on_created(self, event):
            if not event.is_directory:
                self._report(event.src_path)

        def on_modified(self, event):
            if not event.is_directory:
                self._report(event.src_path)

        def on_moved(self, event):
            if not event.is_directory:
                self._report(event.dest_path)

    observer = Observer()
    observer.daemon = True
    observer.schedule(Handler(), str(root), recursive=True)
    observer.start()
    return observer
