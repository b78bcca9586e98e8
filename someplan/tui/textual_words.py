"""Textual's own words in the language spoken, without touching Textual's files.

Textual writes a few sentences itself: the toast for ctrl+c ("Press ctrl+q to quit the app"),
the command palette's "No matches found", the screenshot toasts. Its binding descriptions and
system commands are translated elsewhere (translated_bindings.py, app.py); these are the rest,
found in Textual's source (app.py, command.py). The palette's hook is a private method of
Textual's: tests/tui/test_language.py fails if it stops being called.
"""

from __future__ import annotations

import re

from rich.align import Align
from rich.text import Text
from textual.command import CommandList
from textual.command import CommandPalette as TextualPalette
from textual.widgets.option_list import Option

from someplan.i18n import N_, _

# Textual's toasts, by their exact English text (title or message).
NOTICES = {
    "Saved screenshot": N_("Saved screenshot"),
    "Screenshot": N_("Screenshot"),
    "Failed to save screenshot": N_("Failed to save screenshot"),
    "Do you want to quit?": N_("Do you want to quit?"),
}
_SAVED_TO = re.compile(r"^Saved screenshot to \[\$text-success\](.*)$", re.DOTALL)


def notice(message: str, title: str) -> tuple[str, str]:
    """(message, title) of a toast, Textual's own sentences in the language spoken."""
    title = _(NOTICES[title]) if title in NOTICES else title
    if message in NOTICES:
        return _(NOTICES[message]), title
    saved = _SAVED_TO.match(message)
    if saved:
        return _("Saved screenshot to [$text-success]{path}").format(path=saved.group(1)), title
    return message, title


def quit_hint(key: str) -> tuple[str, str]:
    """What ctrl+c says instead of quitting (Textual's action_help_quit), as (message, title)."""
    return _("Press {key} to quit").format(key=key), _("Do you want to quit?")


class CommandPalette(TextualPalette):
    """Textual's command palette, saying "No matches found" in the language spoken."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(_("No matches found"), style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
