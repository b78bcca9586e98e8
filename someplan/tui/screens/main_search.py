"""The main screen's search part: `/` searches every week, `ctrl+f` filters the week shown.

A mixin of `MainScreen`, like main_assets.py. Both read their terms with services/search.py,
so `status:ferdig` is an error in either (said beside the field; the filter is not applied),
never an empty week that looks unplanned. That module is imported by the first search or
filter, not with the planner: the first frame has no use for it.

The week filter shows on the plan pane's border while it is on, and `esc` in the plan clears
it. It stays on when the week changes: it is on screen, and "drafts, week by week" is what it
is for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from someplan.domain.weeks import IsoWeek
from someplan.i18n import _
from someplan.services.errors import UserError
from someplan.tui.screens import lazy
from someplan.tui.screens.main_part import MainScreenPart

if TYPE_CHECKING:
    from someplan.services.search import Terms
    from someplan.services.status import WeekLines


class SearchCoordination(MainScreenPart):
    week_filter: Terms | None = None

    def filter_ids(self, report: WeekLines) -> set[str] | None:
        """The posts of the week drawn that the filter lets through; None when it is off."""
        if self.week_filter is None:
            return None
        from someplan.services.search import matching_ids  # the search's words: imported by the first filter

        return matching_ids(self.catalog, self.week_filter, [p.id for day in report.days for p in day.posts])

    def action_filter(self) -> None:
        from someplan.services.search import parse_terms

        def check(text: str) -> str | None:
            try:
                parse_terms(self.catalog, text)
            except UserError as error:
                return str(error)
            return None

        def answered(text: str | None) -> None:
            if text is not None:
                self.set_week_filter(text)

        hint = _("words, or channel:facebook category:ansatte status:draft (empty: all)")
        ask = lazy.screen("Ask")
        self.app.push_screen(ask(_("Filter the week"), value=self.plan.query_text, placeholder=hint, check=check), answered)

    def set_week_filter(self, text: str) -> None:
        from someplan.services.search import parse_terms

        terms = parse_terms(self.catalog, text)  # checked by the dialog: readable
        self.week_filter = None if terms.empty else terms
        self.plan.query_text = terms.text
        self.refresh_all(posts_changed=False)
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        self.set_week_filter("")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.week_filter is not None  # esc means nothing else in the plan
        return True

    def action_search(self) -> None:
        def chosen(post_id: str | None) -> None:
            if post_id:
                self.show_post(post_id)

        self.app.push_screen(lazy.screen("SearchScreen")(), chosen)

    def show_post(self, post_id: str) -> None:
        """The post in its week with the cursor on it; a week filter that hides it is cleared."""
        try:
            post = self.catalog.post(post_id)
        except UserError as error:  # deleted meanwhile
            self.notify(str(error), severity="warning", markup=False)
            return
        if post.date is None:
            self._open_editor(post, is_new=False)  # in no week: the editor shows it whole
            return
        self.week = IsoWeek.of(post.date)
        self.refresh_all(keep=post.id, posts_changed=False)
        if self.plan.selected_post_id != post.id and self.week_filter is not None:
            self.notify(_("The week filter hid it: filter cleared"), markup=False)
            self.week_filter = None
            self.plan.query_text = ""
            self.refresh_all(keep=post.id, posts_changed=False)
            self.refresh_bindings()
        self.action_show_pane(1)
