"""The main screen's "needs attention" part: the warnings of services/attention.py counted in
the header, marked on their rows in the plan (`!`), and listed on `!`.

A mixin of `MainScreen`, like main_assets.py. The warnings are worked out again only when the
workspace changed (its version), the day moved on, or a week outside the ones it looks at is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from someplan.domain.attention import Attention, marks
from someplan.domain.weeks import IsoWeek
from someplan.i18n import ngettext
from someplan.services.attention import AHEAD_WEEKS, OPEN_WEEKS, planner_attention
from someplan.tui.screens import lazy
from someplan.tui.screens.main_part import MainScreenPart

if TYPE_CHECKING:
    from rich.text import Text


class AttentionCoordination(MainScreenPart):
    _attention: list[Attention] = []
    _attention_key: tuple[object, ...] | None = None

    @property
    def attention(self) -> list[Attention]:
        key = (self.catalog.workspace.version, self.today, self.week if not self._in_window(self.week) else None)
        if key != self._attention_key:
            self._attention = planner_attention(self.catalog, self.today, self.week)
            self._attention_key = key
        return self._attention

    def _in_window(self, week: IsoWeek) -> bool:
        this_week = IsoWeek.of(self.today)
        return (this_week - (OPEN_WEEKS - 1)).monday <= week.monday <= (this_week + AHEAD_WEEKS).sunday

    def attention_marks(self) -> dict[str, int]:
        """Warnings per post id, for the plan's rows."""
        return marks(self.attention)

    def attention_header(self, header: Text, gap: str) -> None:
        count = len(self.attention)
        if count:
            shown = ngettext("! {count} needs attention (!)", "! {count} need attention (!)", count)
            header.append(gap + shown.format(count=count), style="bold yellow")

    def action_attention(self) -> None:
        def chosen(post_id: str | None) -> None:
            if post_id:
                self.show_post(post_id)

        self.app.push_screen(lazy.screen("AttentionScreen")(self.attention), chosen)
