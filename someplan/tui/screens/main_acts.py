"""The main screen's acts on posts beyond editing: copy the caption, open an asset in the
system's viewer, and the selection mode (`v`) in which `space` marks posts and the status, move
and duplicate keys act on all the marked ones at once, with one undo for the lot.

A mixin of `MainScreen`, like `main_assets`; the writing is in services/marked_posts.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from someplan.domain.post import Status
from someplan.i18n import _, ngettext
from someplan.services.errors import UserError
from someplan.textsafe import literal
from someplan.tui.panes.assets import AssetsPane
from someplan.tui.screens import lazy
from someplan.tui.screens.main_part import MainScreenPart
from someplan.tui.write_guard import done, writes

if TYPE_CHECKING:
    from someplan.services.marked_posts import Outcome


class PostActs(MainScreenPart):
    @property
    def selecting(self) -> bool:
        return self.plan.selecting

    # -- copy and open ---------------------------------------------------------------------------

    def action_copy_caption(self) -> None:
        post = self._selected_post()
        if post is None:
            done(self, _("Select a post first"), "warning")
            return
        if not post.caption:
            done(self, _("“{title}” has no caption to copy").format(title=literal(post.title)), "warning")
            return
        # OSC 52: the terminal puts it on the clipboard of the machine it runs on, over SSH too.
        self.app.copy_to_clipboard(post.caption)
        copied = ngettext("Copied the caption of “{title}” ({count} character)",
                          "Copied the caption of “{title}” ({count} characters)", len(post.caption))  # fmt: skip
        done(self, copied.format(title=literal(post.title), count=len(post.caption)))

    def _asset_to_open(self) -> Path | str:
        """The file `o` opens: the assets pane's selection when that pane has the focus, else
        the selected post's first asset; or why there is none."""
        library = self.assets
        if library is None or not library.index.ready:
            return _("The asset folder is still being read")
        index = library.index
        if self.query_one(AssetsPane).has_class("active"):
            path = self.query_one(AssetsPane).selected_path
            return index.disk_path(path) if path else _("Select a file in the asset list first")
        post = self._selected_post()
        if post is None:
            return _("Select a post or a file first")
        if not post.assets:
            return _("“{title}” has no assets").format(title=literal(post.title))
        for ref in post.assets:
            if (key := index.find(ref)) is not None:
                return index.disk_path(key)
        return _("No asset of “{title}” is on this machine").format(title=literal(post.title))

    def action_open_asset(self) -> None:
        from someplan.services.viewer import open_in_viewer

        found = self._asset_to_open()
        if isinstance(found, str):
            done(self, found, "warning")
            return
        try:
            open_in_viewer(found)
        except UserError as error:
            done(self, str(error), "warning")
            return
        done(self, _("Opened {file} in the viewer").format(file=literal(found.name)))

    # -- the selection mode ----------------------------------------------------------------------

    def footer_hint(self) -> tuple[dict[str, str], tuple[str, ...]]:
        """For tui/footer.py: in the selection mode its keys first, `space` named for what it does."""
        if not self.selecting:
            return {}, ()
        renamed = {"plan.advance_status": _("Mark"), "plan.select": _("End selection")}
        return renamed, ("plan.advance_status", "plan.set_status", "plan.move_earlier", "plan.duplicate", "plan.select")

    def action_toggle_selection(self) -> None:
        """`v`: start marking posts, or end it (the marks go)."""
        plan = self.plan
        plan.selecting = not plan.selecting
        plan.marked.clear()
        if plan.selecting:
            done(self, _("Selection: space marks posts; s status, H/L move, y duplicates the marked; v ends"))
        else:
            done(self, _("Selection ended"))
        self.refresh_all(posts_changed=False)
        self.refresh_bindings()  # the footer shows the selection's keys

    def toggle_mark(self) -> None:
        post_id = self.plan.selected_post_id
        if post_id is None:
            return
        marked = self.plan.marked
        marked.symmetric_difference_update({post_id})
        self.refresh_all(keep=post_id, posts_changed=False)

    def _marked_ids(self) -> list[str]:
        """The marked posts, or the selected one when none is marked."""
        if self.plan.marked:
            return sorted(self.plan.marked)
        post_id = self.plan.selected_post_id
        return [post_id] if post_id else []

    def action_set_status(self) -> None:
        from someplan.services import marked_posts, user_input

        ids = self._marked_ids()
        if not ids:
            done(self, _("Select a post first"), "warning")
            return
        names = " · ".join(s.label() for s in Status)

        def check(text: str) -> str | None:
            try:
                user_input.parse_status(text)
            except UserError as error:
                return str(error)
            return None

        @writes
        def answered(self, text: str | None) -> None:
            if text:
                status = user_input.parse_status(text)
                self._answer(marked_posts.set_status(self.catalog, ids, status, self.today))

        question = ngettext("Status for {count} post", "Status for {count} posts", len(ids)).format(count=len(ids))
        self.app.push_screen(lazy.screen("Ask")(question, placeholder=names, check=check), lambda text: answered(self, text))

    @writes
    def move_marked(self, days: int) -> None:
        from someplan.services import marked_posts

        self._answer(marked_posts.move_posts(self.catalog, self._marked_ids(), days))

    @writes
    def duplicate_marked(self) -> None:
        from someplan.services import marked_posts

        outcome = marked_posts.duplicate_posts(self.catalog, self._marked_ids())
        self._answer(outcome)

    def _answer(self, outcome: Outcome) -> None:
        """Put the lot's one undo on the stack and say what happened, skipped posts included."""
        self.undo_stack.push(outcome.undo)
        if outcome.undo is not None:
            message = outcome.undo.what[:1].upper() + outcome.undo.what[1:] + " — " + _("u undoes")
        else:
            message = _("Nothing changed")
        if outcome.skipped:
            left = "; ".join(f"“{literal(title)}”: {why}" for title, why in outcome.skipped[:3])
            message += "\n" + _("Left as they were: {posts}").format(posts=left)
        done(self, message, "warning" if outcome.skipped else "information")
        self.refresh_all(keep=self.plan.selected_post_id)
