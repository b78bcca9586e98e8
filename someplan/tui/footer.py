"""Textual's footer, composed once per change of the keys it shows, without restyling each key.

Textual's `FooterKey` starts out compact and the footer then binds it to its own (wide) style,
so every key got the class `-compact` on mount and lost it again: two style passes per key,
about 40 keys, on every focus change and every screen opened (a third of opening the editor on
the bench). The keys here start out as the footer is, so nothing changes on mount.

Textual also composes the footer again on every change of bindings, even when two arrive
together (a screen opened, then its first widget focused: two full rebuilds) or when the keys
shown did not change at all (focus moving inside a pane). Here a rebuild runs once for all the
changes queued before it, only when what it would show differs, and before the next frame is
drawn: waiting for a refresh drew the planner's first frame with an empty footer (the keys came
one frame later) and every focus change twice.
"""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    _rebuild_pending = False
    _shown: tuple | None = None

    def compose(self):
        # Textual's footer starts out empty and gets its keys when the screen first reports a
        # change of bindings (its first focus): a second compose, layout and frame for every screen
        # opened. The keys known now are the screen's and the app's; a focus that adds keys
        # rebuilds, one that adds none (the year wheel, the people screen) does not.
        self._bindings_ready = True
        self._shown = self._keys_shown()
        for widget in super().compose():
            for key in (widget, *getattr(widget, "_pending_children", ())):  # a key group holds its keys
                if isinstance(key, FooterKey) and not key.has_class("-command-palette"):  # not bound, stays as is
                    key.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def _keys_shown(self) -> tuple:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip, self.app.get_key_display(binding))
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_later(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        # A screen covered by another, or being closed, loses its focus too: nothing is built
        # for it then (a closed one is gone; a covered one is brought up to date when it is
        # shown again, which reports a change of bindings).
        if self.is_attached and self.screen.is_current and self._keys_shown() != self._shown:
            await self.recompose()
