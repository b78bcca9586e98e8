"""The main screen's detail part: the selected post in the detail pane (tui/panes/detail.py).

A mixin of `MainScreen`. From 100x30 up the pane stands beside the week plan; on a smaller
screen one pane fills it, and `D` shows the detail under the week plan (or hides it again).
"""

from __future__ import annotations

from textual.widgets import OptionList

from someplan.i18n import _, language
from someplan.services.post_detail import post_detail
from someplan.tui.panes.detail import DetailPane
from someplan.tui.screens.main_part import MainScreenPart


class DetailCoordination(MainScreenPart):
    detail_updates = 0  # how many times the pane was drawn: tests and the bench wait on it
    _detail_shown: tuple | None = None  # what the pane was drawn from

    def _show_detail(self) -> None:
        """Draw the selected post in the detail pane (also when it is hidden: `D` shows it at once)."""
        post_id = self.plan.selected_post_id
        pane = self.query_one(DetailPane)
        shown = (post_id, self.catalog.workspace.version, self.today, language())
        if shown == self._detail_shown:
            return  # the plan's highlight set again on a redraw of the same state (the first frame's too)
        self._detail_shown = shown
        # "Changed by" from the first frame on: from the read cache's newest change of each
        # record at start (store/read_cache.py), not from every cell of the workspace (~20 ms at
        # 3,000 posts, more than drawing the pane a second time).
        detail = post_detail(self.catalog, post_id, self.today) if post_id else None
        pane.show(detail, self.asset_index)
        self.detail_updates += 1

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.plan.main:
            self._show_detail()

    def action_toggle_detail(self) -> None:
        """Under 100x30: show the detail under the week plan, or hide it again."""
        self.set_class(not self.has_class("with-detail"), "with-detail")
        if not self.has_class("narrow"):
            self.notify(_("The detail stands beside the week plan at this size (5 moves there)."))
