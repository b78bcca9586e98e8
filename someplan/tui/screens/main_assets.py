"""The main screen's asset part: shows the asset library (services/asset_library.py) and acts on
the pane's keys.

A mixin of `MainScreen` (kept apart so the asset feature is found by its name). The library is
scanned in a thread worker after the first frame, with the count shown as it grows; what the
watcher reports is handed to the UI thread and applied there.
"""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from someplan.domain.assets import AssetQuery, AssetRow, reference_key
from someplan.domain.post import Post, Status
from someplan.i18n import _, language, ngettext
from someplan.services.asset_library import Applied, AssetLibrary, title_from_name
from someplan.services.assets import AssetIndex, AssetList, asset_folder_problems
from someplan.textsafe import literal
from someplan.tui.panes.assets import AssetsPane
from someplan.tui.panes.detail import DetailPane
from someplan.tui.planner_app import planner_app
from someplan.tui.screens import lazy
from someplan.tui.screens.main_part import MainScreenPart

__all__ = ["AssetsCoordination", "title_from_name"]



class AssetsCoordination(MainScreenPart):
    assets: AssetLibrary | None = None
    asset_updates = 0  # how many watcher batches were applied: tests wait on it

    @property
    def _library(self) -> AssetLibrary:
        assert self.assets is not None  # made by open_assets as the screen mounts, before the worker and the watcher run
        return self.assets

    @property
    def asset_index(self) -> AssetIndex | None:
        return self.assets.index if self.assets else None

    @property
    def asset_listing(self) -> AssetList | None:
        return self.assets.listing if self.assets else None

    # -- index and watch -----------------------------------------------------------------------

    def open_assets(self) -> None:
        """The library, before the first frame: where the folder is (the detail's picture);
        nothing read from it yet."""
        self.assets = AssetLibrary(self.catalog)

    def _start_assets(self) -> None:
        for problem in asset_folder_problems(self.catalog):  # a shared setting pointing at `/`
            self.notify(problem.message, severity="warning", timeout=15, markup=False)
        self.run_worker(self._watch_and_index_assets, thread=True, exclusive=True, group="assets")

    def _stop_assets(self) -> None:
        if self.assets is not None:
            self.assets.stop()

    def _watch_and_index_assets(self) -> None:
        # Watching a folder tree walks it (a fifth of a second for 200 folders): not on the UI
        # thread, which has just drawn its first frame. The watch starts before the scan, so
        # nothing that arrives meanwhile is missed.
        if getattr(self.app, "_watch", False):
            try:
                self._library.watch(lambda changes: self._from_thread(self._assets_changed, changes))
            except OSError as error:
                notice = _("The asset folder is not watched: {error}").format(error=error)
                self._from_thread(partial(self.notify, notice, severity="warning", markup=False))
        self._index_assets()

    def _index_assets(self) -> None:
        pane = self.query_one(AssetsPane)
        entries = self._library.scan(progress=lambda n: self._from_thread(pane.show_progress, n))
        self._from_thread(self._assets_indexed, entries)

    def _from_thread(self, callback, *args) -> None:
        def unless_closing() -> None:
            # A worker's news arriving as the planner closes finds the panes being taken down
            # (children first): nothing left to show it in. `_pruning` is Textual's own flag.
            if not self._pruning:
                callback(*args)

        try:
            self.app.call_from_thread(unless_closing)
        except RuntimeError:
            pass  # the app is closing

    def _assets_indexed(self, entries: dict) -> None:
        library = self._library
        self._report(library.load(entries))
        self._show_assets()
        self.query_one(DetailPane).assets_changed()
        keys = library.referenced()
        if keys:
            self.run_worker(lambda: library.remember_fingerprints(keys), thread=True, group="fingerprints")

    def _assets_changed(self, changes: list) -> None:
        library = self._library
        if library.scanning:
            library.apply(changes)  # held until the scan is in
            return
        done = library.apply(changes)
        self._report(done)
        self._show_assets()
        self.query_one(DetailPane).assets_changed()
        self.asset_updates += 1
        batch_class = lazy.loaded("BatchScreen")
        batch: Any = next((s for s in self.app.screen_stack if batch_class and isinstance(s, batch_class)), None)
        if done.arrived and batch is not None:  # the photo of the person being interviewed
            batch.asset_arrived(done.arrived[-1])

    def _report(self, done: Applied) -> None:
        if done.error is not None:
            self.notify(_("References not updated: {error}").format(error=done.error), severity="error", timeout=10, markup=False)
        elif done.relinked:
            what = ", ".join(f"{m.old} → {m.new}" for m in done.moves[:3])
            follow = ngettext(
                "{count} post follows the rename: {moves}", "{count} posts follow the rename: {moves}", done.relinked
            )
            self.notify(follow.format(count=done.relinked, moves=literal(what)), markup=False)
            self.refresh_all()

    def _show_assets(self) -> None:
        if self.assets is None:
            return
        pane = self.query_one(AssetsPane)
        listing = self.assets.rows(pane.query_text, planner_app(self).today, language())
        if listing is not None:
            pane.show(listing)

    def on_assets_pane_looked(self, message: AssetsPane.Looked) -> None:
        if self.assets is not None:
            self.assets.looked(time.monotonic())

    # -- the pane's keys -----------------------------------------------------------------------

    def _selected_asset(self) -> AssetRow | None:
        return self._row(self.query_one(AssetsPane).selected_path)

    def _row(self, path: str | None) -> AssetRow | None:
        return self.assets.row(path) if self.assets else None

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
        self.notify(
            _("Attached {file} to “{title}” — u undoes").format(file=literal(row.path), title=literal(post.title)), markup=False
        )

    def action_new_post_from_asset(self, path: str | None = None) -> None:
        row = self._selected_asset() if path is None else self._row(path)
        if row is None or row.missing:
            self.notify(_("Select a file in the asset list first"), severity="warning")
            return
        day = self.plan.selected_day or planner_app(self).today
        post = Post(id="", date=day, status=Status.IDEA, title=title_from_name(row.path), assets=(row.path,),
                    category=self._library.category_for(row.path))  # fmt: skip
        self._open_editor(post, is_new=True)

    def action_preview_asset(self) -> None:
        row = self._selected_asset()
        if row is None:
            return
        index = self._library.index
        facts = None if row.missing else index.facts(row.path)
        path = None if row.missing else index.disk_path(row.path)

        def answered(choice: str | None) -> None:
            if choice == "attach":
                self.action_attach_asset(row.path)
            elif choice == "new":
                self.action_new_post_from_asset(row.path)

        self.app.push_screen(lazy.screen("AssetPreview")(row, facts, path), answered)

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
        ask = lazy.screen("Ask")
        self.app.push_screen(ask(_("Filter the assets"), value=pane.query_text, placeholder=hint, check=check), answered)

    def asset_hint(self, post: Post) -> str:
        """A line for the editor: the post's assets, found or missing."""
        return self.assets.hint(post.assets) if self.assets else ""
