"""What every pane has: a border title, a number key, and `activate()` to take the focus."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widget import Widget

from someplan.i18n import _


class Pane(Vertical):
    can_focus = False
    TITLE = ""  # marked N_() by each pane, shown in the language spoken
    NUMBER = 0

    def on_mount(self) -> None:
        self.border_title = f"{self.NUMBER} {_(self.TITLE)}"

    def retranslate(self) -> None:
        """The language changed: show the pane's own fixed words anew (the screen redraws the rest)."""
        self.border_title = f"{self.NUMBER} {_(self.TITLE)}"

    @property
    def main(self) -> Widget:
        """The widget that takes the focus when the pane is activated."""
        raise NotImplementedError

    def activate(self) -> None:
        self.main.focus()
