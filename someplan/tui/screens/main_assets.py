"""The main screen's asset part: index the folder in a worker, watch it, and act on the pane's keys.

A mixin of `MainScreen` (kept apart so the asset feature is found by its name). The index is
built in a thread worker after the first frame, with the count shown as it grows; the watcher
starts before the scan, and what it reports meanwhile is applied when the scan is in. A rename
or move seen on disk carries the posts' references along in one batch write; a file that
vanished and came back under another name with the same content fingerprint counts as a move.
"""

from __future__ import annotations

import copy
import re
import time

from someplan.domain.assets import AssetQuery, AssetRow, Move, reference_key
from someplan.domain.post import Post, Status
from someplan.services.assets import (
    AssetIndex, AssetList, asset_folder_problems, asset_root, asset_rows, mark_seen, referenced_keys, relink, scan_folder, seen_at, usage_by_asset,
)  # fmt: skip
from someplan.services.asset_watch import Added, AssetWatcher, Moved, Removed
from someplan.i18n import _, language, ngettext
from someplan.store.problems import WorkspaceError
from someplan.textsafe import literal
from someplan.tui.panes.assets import AssetsPane
from someplan.tui.screens.asset_preview import AssetPreview
from someplan.tui.screens.batch import BatchScreen
from someplan.tui.screens.dialogs import Ask

SEEN_EVERY_S = 60


class AssetsCoordination:
    asset_index: AssetIndex | None = None
    asset_listing: AssetList | None = None
    asset_updates = 0  # how many watcher batches were applied: tests wait on it
    _asset_watcher: AssetWatcher | None = None
    _asset_pending: list | None = None
    _seen_written = 0.0
    _asset_key: tuple | None = None

    # -- index and watch -----------------------------------------------------------------------

    def _start_assets(self) -> None:
        self.asset_index = AssetIndex(asset_root(self.catalog))
        for problem in asset_folder_problems(self.catalog):  # a shared setting pointing at `/`
            self.notify(problem.message, severity="warning", timeout=15, markup=False)
        self.assets_seen = seen_at(self.catalog)  # "new" is measured against the last look before this run
        self._asset_pending = []
        self._lost_assets: set[str] = set()  # referenced files that vanished this session
        if getattr(self.app, "_watch", False):
            try:
                self._asset_watcher = AssetWatcher(self.asset_index.root, self._assets_from_watcher).start()
            except OSError as error:  # no such folder and cannot make it, too many watches…
                self.notify(_("The asset folder is not watched: {error}").format(error=error), severity="warning", markup=False)
        self.run_worker(self._index_assets, thread=True, exclusive=True, group="assets")

    def _stop_assets(self) -> None:
        if self._asset_watcher is not None:
            self._asset_watcher.stop()
            self._asset_watcher = None

    def _index_assets(self) -> None:
        pane = self.query_one(AssetsPane)
        entries = scan_folder(self.asset_index.root, progress=lambda n: self._from_thread(pane.show_progress, n))
        self._from_thread(self._assets_indexed, entries)

    def _from_thread(self, callback, *args) -> None:
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:
            pass  # the app is closing

    def _assets_indexed(self, entries: dict) -> None:
        index = self.asset_index
        index.load(entries)
        pending, self._asset_pending = self._asset_pending or [], None
        if pending:
            self._apply_asset_changes(pending)
        self._show_assets()
        keys = referenced_keys(self.catalog, index)
        if keys:
            self.run_worker(lambda: index.remember_fingerprints(keys), thread=True, group="fingerprints")

    def _assets_from_watcher(self, changes: list) -> None:
        self._from_thread(self._assets_changed, changes)

    def _assets_changed(self, changes: list) -> None:
        if self._asset_pending is not None:  # the scan is still running
            self._asset_pending.extend(changes)
            return
        self._apply_asset_changes(changes)
        self._show_assets()
        self.asset_updates += 1
        arrived = [change.key for change in changes if isinstance(change, Added)]
        batch = next((s for s in self.app.screen_stack if isinstance(s, BatchScreen)), None)
        if arrived and batch is not None:  # the photo of the person being interviewed
            batch.asset_arrived(arrived[-1])

    def _apply_asset_changes(self, changes: list) -> None:
        index = self.asset_index
        moves: list[Move] = []
        lost = self._lost_assets
        added: list[str] = []
        for change in changes:
            if isinstance(change, Added):
                index.put(change.key, change.entry)
                added.append(change.key)
            elif isinstance(change, Moved):
                index.move(change.move)
                moves.append(change.move)
            elif isinstance(change, Removed):
                if change.is_folder:
                    index.remove_folder(change.key)
                elif index.remove(change.key) is not None and change.key in index.fingerprints:
                    lost.add(change.key)
        for key in added if lost else ():  # delete + create of the same content: a rename the events did not show
            found = index.lost_one(key, lost)
            if found is not None:
                lost.discard(found)
                index.fingerprints[key] = index.fingerprints.pop(found)
                moves.append(Move(found, key))
        if moves:
            self._relink(moves)

    def _relink(self, moves: list[Move]) -> None:
        try:
            changed = relink(self.catalog, moves)
        except (WorkspaceError, OSError) as error:
            self.notify(_("References not updated: {error}").format(error=error), severity="error", timeout=10, markup=False)
            return
        if changed:
            what = ", ".join(f"{m.old} → {m.new}" for m in moves[:3])
            follow = ngettext("{count} post follows the rename: {moves}", "{count} posts follow the rename: {moves}", changed)
            self.notify(follow.format(count=changed, moves=literal(what)), markup=False)
            self.refresh_all()

    def _show_assets(self) -> None:
        index = self.asset_index
        if index is None or not index.ready:
            return
        pane = self.query_one(AssetsPane)
        query = AssetQuery.parse(pane.query_text)
        usage = usage_by_asset(self.catalog)  # a few ms; the rows of 20,000 files are rebuilt only on a change
        key = (index.version, pane.query_text, self.assets_seen, self.app.today, language())
        if self.asset_listing is not None and not query.top and self._asset_key == (key, usage):
            return
        self._asset_key = (key, copy.deepcopy(usage))
        self.asset_listing = asset_rows(self.catalog, index, query, self.app.today, self.assets_seen, usage=usage)
        pane.show(self.asset_listing)

    def on_assets_pane_looked(self, message: AssetsPane.Looked) -> None:
        """The user looked at the assets: what is there now is not new next time."""
        if time.monotonic() - self._seen_written > SEEN_EVERY_S:
            self._seen_written = time.monotonic()
            mark_seen(self.catalog)

    # -- the pane's keys -----------------------------------------------------------------------

    def _selected_asset(self) -> AssetRow | None:
        path = self.query_one(AssetsPane).selected_path
        if path is None or self.asset_listing is None:
            return None
        return next((row for row in self.asset_listing.rows if row.path == path), None)

    def action_attach_asset(self, path: str | None = None) -> None:
        row = self._selected_asset() if path is None else self._row(path)
        if row is None or row.missing:
            self.notify(_("Select a file in the asset list first"), severity="warning")
            return
        post = self._selected_post()
        if post is None:
            self.notify(_("Select a post in the week plan first (1), then attach with a"), severity="warning")
            return
        if row.path in {reference_key(ref) for ref in post.assets}:
            self.notify(_("Already attached to “{title}”").format(title=literal(post.title)), markup=False)
            return
        self._change(post, assets=(*post.assets, row.path))
        self.notify(_("Attached {file} to “{title}” — u undoes").format(file=literal(row.path), title=literal(post.title)), markup=False)

    def action_new_post_from_asset(self, path: str | None = None) -> None:
        row = self._selected_asset() if path is None else self._row(path)
        if row is None or row.missing:
            self.notify(_("Select a file in the asset list first"), severity="warning")
            return
        day = self.plan.selected_day or self.app.today
        folder = row.path.split("/", 1)[0].casefold() if "/" in row.path else ""
        category = next((c.id for c in self.catalog.categories() if c.name.casefold() == folder), None)
        post = Post(id="", date=day, status=Status.IDEA, title=title_from_name(row.path), assets=(row.path,),
                    category=category)  # fmt: skip
        self._open_editor(post, is_new=True)

    def action_preview_asset(self) -> None:
        row = self._selected_asset()
        if row is None:
            return
        index = self.asset_index
        facts = None if row.missing else index.facts(row.path)
        path = None if row.missing else index.disk_path(row.path)

        def answered(choice: str | None) -> None:
            if choice == "attach":
                self.action_attach_asset(row.path)
            elif choice == "new":
                self.action_new_post_from_asset(row.path)

        self.app.push_screen(AssetPreview(row, facts, path), answered)

    def _row(self, path: str) -> AssetRow | None:
        rows = self.asset_listing.rows if self.asset_listing else []
        return next((row for row in rows if row.path == path), None)

    def action_filter_assets(self) -> None:
        pane = self.query_one(AssetsPane)

        def check(text: str) -> str | None:
            problems = AssetQuery.parse(text).problems
            return "; ".join(problems) if problems else None

        def answered(text: str | None) -> None:
            if text is not None:
                pane.query_text = text.strip()
                self._show_assets()

        hint = _("new · unused · unused:6 · top · missing · folder:natur · type:image · category:ansatte · words")
        self.app.push_screen(Ask(_("Filter the assets"), value=pane.query_text, placeholder=hint, check=check), answered)

    def asset_hint(self, post: Post) -> str:
        """A line for the editor: the post's assets, found or missing."""
        index = self.asset_index
        if not post.assets or index is None or not index.ready:
            return ""
        parts = []
        for ref in post.assets:
            key = reference_key(ref)
            found = key is not None and (key in index.entries or key.removeprefix("assets/") in index.entries)
            parts.append(f"✓ {ref}" if found else _("⚠ missing: {file}").format(file=ref))
        return " · ".join(parts)


def title_from_name(path: str) -> str:
    """`natur/nordlys-over-fjorden_2.jpg` → `Nordlys over fjorden 2`."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = re.sub(r"[-_]+", " ", stem).strip()
    return (words[:1].upper() + words[1:]) if words else stem

