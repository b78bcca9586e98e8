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
        self._shown = self._keys_shown() if self._bindings_ready else None
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
        if self.is_attached and self._keys_shown() != self._shown:
            await self.recompose()
