"""The asset library: the asset folder's index, kept current, with the posts' references following.

Usable headless (a test, a script) as well as by the planner, which only shows it. The index is
built by `scan` (slow on a large folder: the planner runs it in a thread after its first frame);
a watcher started before the scan reports changes that are held until the scan is in. A rename
or move seen on disk carries the posts' references along in one batch write; a file that
vanished and came back under another name with the same content fingerprint counts as a move.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from someplan.domain.assets import AssetQuery, AssetRow, Move
from someplan.i18n import _
from someplan.services.asset_changes import Added, Change, Moved, Removed, Subscriber
from someplan.services.assets import (
    AssetEntry,
    AssetIndex,
    AssetList,
    asset_root,
    asset_rows,
    mark_seen,
    referenced_keys,
    relink,
    scan_folder,
    seen_at,
    usage_by_asset,
)  # fmt: skip
from someplan.services.catalog import Catalog
from someplan.store.problems import WorkspaceError

if TYPE_CHECKING:
    from someplan.services.asset_watch import AssetWatcher  # watchdog: imported as the watch starts

SEEN_EVERY_S = 60


@dataclasses.dataclass
class Applied:
    """What a batch of folder changes did: files that arrived, moves, posts whose references
    followed, and a write that failed (the index is current all the same)."""

    arrived: list[str] = dataclasses.field(default_factory=list)
    moves: list[Move] = dataclasses.field(default_factory=list)
    relinked: int = 0
    error: Exception | None = None


class AssetLibrary:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.index = AssetIndex(asset_root(catalog))
        self.seen = seen_at(catalog)  # "new" is measured against the last look before this run
        self.listing: AssetList | None = None
        self._pending: list[Change] | None = []  # a list while the scan runs
        self._lost: set[str] = set()  # referenced files that vanished this session
        self._watcher: AssetWatcher | None = None
        self._listing_key: tuple[object, ...] | None = None
        self._seen_written: float | None = None
        self._lock = threading.Lock()  # watch() may run on a worker thread while stop() runs on the UI's
        self._stopped = False

    # -- index and watch -----------------------------------------------------------------------

    def watch(self, subscriber: Subscriber) -> None:
        """Report the folder's changes to `subscriber` (on the watcher's thread); any thread, and
        nothing once stopped. OSError: no such folder and cannot make it, too many watches…"""
        from someplan.services.asset_watch import AssetWatcher  # watchdog: not before the first frame

        with self._lock:
            if not self._stopped:
                self._watcher = AssetWatcher(self.index.root, subscriber).start()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._watcher is not None:
                self._watcher.stop()
                self._watcher = None

    def scan(self, progress: Callable[[int], None] | None = None) -> dict[str, AssetEntry]:
        """Read the folder (any thread); `load` the result on the thread that owns the library."""
        return scan_folder(self.index.root, progress=progress)

    def load(self, entries: dict[str, AssetEntry]) -> Applied:
        """The scan is in: the index takes it, and what the watcher saw meanwhile is applied."""
        self.index.load(entries)
        pending, self._pending = self._pending or [], None
        return self.apply(pending) if pending else Applied()

    def referenced(self) -> set[str]:
        """The indexed files that posts use: their fingerprints let a delete + create count as a move."""
        return referenced_keys(self.catalog, self.index)

    def remember_fingerprints(self, keys: set[str]) -> None:
        """Slow (reads the files): any thread."""
        self.index.remember_fingerprints(keys)

    @property
    def scanning(self) -> bool:
        return self._pending is not None

    def apply(self, changes: Sequence[Change]) -> Applied:
        """Changes seen on disk; while the scan runs they wait for it (an empty result)."""
        if self._pending is not None:
            self._pending.extend(changes)
            return Applied()
        index, lost, done = self.index, self._lost, Applied()
        for change in changes:
            if isinstance(change, Added):
                index.put(change.key, change.entry)
                done.arrived.append(change.key)
            elif isinstance(change, Moved):
                index.move(change.move)
                done.moves.append(change.move)
            elif isinstance(change, Removed):
                if change.is_folder:
                    index.remove_folder(change.key)
                elif index.remove(change.key) is not None and change.key in index.fingerprints:
                    lost.add(change.key)
        for key in done.arrived if lost else ():  # delete + create of the same content: a rename the events did not show
            found = index.lost_one(key, lost)
            if found is not None:
                lost.discard(found)
                index.fingerprints[key] = index.fingerprints.pop(found)
                done.moves.append(Move(found, key))
        if done.moves:
            try:
                done.relinked = relink(self.catalog, done.moves)
            except (WorkspaceError, OSError) as error:
                done.error = error
        return done

    # -- what is shown -------------------------------------------------------------------------

    def rows(self, query_text: str, today: dt.date, language: str) -> AssetList | None:
        """The listing for `query_text`; None before the scan is in, or when nothing it shows
        changed since the last call (the rows of 20,000 files are rebuilt only on a change)."""
        index = self.index
        if not index.ready:
            return None
        query = AssetQuery.parse(query_text)
        usage = usage_by_asset(self.catalog)  # a few ms
        key = (index.version, query_text, self.seen, today, language)
        if self.listing is not None and not query.top and self._listing_key == (key, usage):
            return None
        self._listing_key = (key, copy.deepcopy(usage))
        self.listing = asset_rows(self.catalog, index, query, today, self.seen, usage=usage)
        return self.listing

    def forget_listing(self) -> None:
        """The next `rows` builds the listing again (a bench, a changed display)."""
        self._listing_key = None

    def row(self, path: str | None) -> AssetRow | None:
        rows = self.listing.rows if self.listing and path is not None else []
        return next((row for row in rows if row.path == path), None)

    def looked(self, now: float) -> bool:
        """The user looked at the assets (monotonic `now`): what is there is not new next time.
        Written at most once a minute; True when it was written."""
        if self._seen_written is not None and now - self._seen_written <= SEEN_EVERY_S:
            return False
        self._seen_written = now
        mark_seen(self.catalog)
        return True

    def hint(self, assets: Sequence[str]) -> str:
        """A line for the editor: a post's assets, found or missing ("" before the scan is in)."""
        index = self.index
        if not assets or not index.ready:
            return ""
        parts = []
        for ref in assets:
            parts.append(f"✓ {ref}" if index.find(ref) is not None else _("⚠ missing: {file}").format(file=ref))
        return " · ".join(parts)

    def category_for(self, path: str) -> str | None:
        """A new post from a file in `ansatte/…` belongs to the category named so, if any."""
        folder = path.split("/", 1)[0].casefold() if "/" in path else ""
        return next((c.id for c in self.catalog.categories() if c.name.casefold() == folder), None)


def title_from_name(path: str) -> str:
    """`natur/nordlys-over-fjorden_2.jpg` → `Nordlys over fjorden 2`."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = re.sub(r"[-_]+", " ", stem).strip()
    return (words[:1].upper() + words[1:]) if words else stem
