"""Textual's footer, without restyling every key it shows twice on each change of focus.

Textual's `FooterKey` starts out compact and the footer then binds it to its own (wide) style,
so every key gets the class `-compact` on mount and loses it again: two style passes per key,
about 40 keys, on every focus change and every screen opened (a third of opening the editor on
the bench). The keys here start out as the footer is, so nothing changes on mount.
"""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    def compose(self):
        for widget in super().compose():
            for key in (widget, *getattr(widget, "_pending_children", ())):  # a key group holds its keys
                if isinstance(key, FooterKey) and not key.has_class("-command-palette"):  # not bound, stays as is
                    key.set_reactive(FooterKey.compact, self.compact)
            yield widget
