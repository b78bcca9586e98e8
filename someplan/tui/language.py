"""The planner in the other language while it runs (ctrl+p → "Language: …").

The choice is kept for this user on this machine (`services.language`, outside the workspace)
and every screen on the stack is re-labelled at once: each widget's key map (the footer, the
help), each `Caption`, and what a screen draws itself through its `retranslate()` method, which
every screen that shows text of its own defines. The screens stay where they are: the week
shown, the selection, the undo stack and anything typed are kept.
"""

from __future__ import annotations

from textual.app import App
from textual.widgets import Label

from someplan import i18n
from someplan.i18n import _
from someplan.services.language import set_user_choice
from someplan.tui.translated_bindings import rebind, translate_bindings


class Caption(Label):
    """A fixed label that follows the language: ``Caption(N_("Day"))``."""

    def __init__(self, message: str, **kwargs) -> None:
        self.message = message
        super().__init__(_(message), markup=False, **kwargs)

    def retranslate(self) -> None:
        self.update(_(self.message))


def switch_language(app: App, language: str) -> str:
    """Speak `language` from now on, here and at the next start; returns the one chosen."""
    set_user_choice(language)
    chosen = i18n.set_language(language)
    translate_bindings()
    rebind(app)
    for screen in app.screen_stack:
        for node in (screen, *screen.walk_children()):
            rebind(node)
            if isinstance(node, Caption):
                node.retranslate()
        retranslate = getattr(screen, "retranslate", None)
        if retranslate is not None:
            retranslate()
        screen.refresh_bindings()
    return chosen
