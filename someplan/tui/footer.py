"""The planner's footer: the keys that fit, whole, the focused pane's most used first, with `?`
(help, which lists every key) and the command palette always at the right.

Textual's footer lays every key out in a row and lets the screen's edge cut the last one
mid-word ("H Flytt ←  L Flytt▏"), shows the palette key twice where a screen's bindings show it
too, and drops `?` first at 80 columns. Here the keys are measured before they are shown: what
does not fit whole is left out (help has it), a pair of keys for one thing in two directions
shows as one ("[/] Week"), and the pane's most used keys come before the rest.

Textual also composes the footer again on every change of bindings, even when two arrive
together (a screen opened, then its first widget focused: two full rebuilds) or when the keys
shown did not change at all (focus moving inside a pane). Here a rebuild runs once for all the
changes queued before it, only when what it would show differs, and before the next frame is
drawn: waiting for a refresh drew the planner's first frame with an empty footer (the keys came
one frame later) and every focus change twice.

A rebuild does not compose the footer again either: removing a dozen keys and mounting a dozen
new ones (each styled, laid out and drawn anew) was most of what a focus change between panes
cost. The keys already shown take the new keys' words in place, and only the difference in
number is mounted or removed; help and the palette stay as they are unless they change.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.widgets import Footer as TextualFooter
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from someplan.i18n import N_, _

HELP_ACTION = "help"  # the app's `?`: always shown, it lists every key that is left out here

# Two keys for one thing in two directions, shown as one ("[/] Week") by their binding ids.
PAIRS = {
    "plan.prev_week": ("plan.next_week", N_("Week")),
    "plan.move_earlier": ("plan.move_later", N_("Move")),
    "figures.fewer_weeks": ("figures.more_weeks", N_("Weeks")),
    "wheel.prev_year": ("wheel.next_year", N_("Year")),
    "rotation.move_up": ("rotation.move_down", N_("Move")),
}
# The week plan's keys by how often they are used; ids not listed follow in their own order.
MOST_USED = (
    "plan.new_post", "plan.edit_post", "plan.advance_status", "plan.delete_post", "plan.undo",
    "plan.prev_week", "plan.move_earlier", "plan.duplicate", "plan.filter", "plan.copy_caption",
    "plan.select", "plan.go_to", "plan.this_week",
)  # fmt: skip


@dataclass(frozen=True)
class Key:
    key: str  # what a click on it simulates
    shown: str  # the key as shown (`[/]`, `^p`)
    description: str
    action: str
    enabled: bool
    tooltip: str

    @property
    def width(self) -> int:
        # Textual's FooterKey: the key padded by a space each side, the description by one after.
        return cell_len(self.shown) + 2 + (cell_len(self.description) + 1 if self.description else 0)


def fitting(keys: list[Key], width: int) -> list[Key]:
    """The keys, in order, that fit whole into `width` columns; one that does not is left out and
    a shorter one after it may still fit."""
    shown, used = [], 0
    for key in keys:
        if used + key.width <= width:
            shown.append(key)
            used += key.width
    return shown


class Footer(TextualFooter):
    _rebuild_pending = False
    _shown: tuple | None = None

    def _keys(self) -> tuple[list[Key], Key | None, Key | None]:
        """(the keys in the order they are wanted, help, the command palette)."""
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING
        keys: list[Key] = []
        by_id: dict[str, Key] = {}
        help_key: Key | None = None
        palette: Key | None = None
        actions = set()
        # A screen in a mode (the plan's selection) may name its keys first and rename some.
        hint = getattr(self.screen, "footer_hint", None)
        renamed, first = hint() if hint is not None else ({}, ())
        order: dict[str, int] = {}
        for binding_id in (*first, *MOST_USED):
            order.setdefault(binding_id, len(order))
        ranked = []
        for position, (key, (_node, binding, enabled, tooltip)) in enumerate(self.screen.active_bindings.items()):
            if not binding.show:
                continue
            description = renamed.get(binding.id or "", binding.description)
            made = Key(key, app.get_key_display(binding), description, binding.action, enabled, tooltip or "")
            if key == palette_key or binding.action in ("command_palette", "app.command_palette"):
                palette = palette or made
                continue
            if binding.action.removeprefix("app.") == HELP_ACTION:
                help_key = help_key or made
                continue
            if binding.action in actions:  # one action under two keys: shown once
                continue
            actions.add(binding.action)
            if binding.id:
                by_id[binding.id] = made
            ranked.append((order.get(binding.id or "", len(order)), position, binding.id, made))
        seconds = {second: first for first, (second, _label) in PAIRS.items()}
        for _rank, _position, binding_id, made in sorted(ranked, key=lambda item: item[:2]):
            if binding_id in seconds and seconds[binding_id] in by_id:
                continue  # shown with its first ("[/] Week")
            if binding_id in PAIRS and PAIRS[binding_id][0] in by_id:
                second = by_id[PAIRS[binding_id][0]]
                made = Key(made.key, f"{made.shown}/{second.shown}", _(PAIRS[binding_id][1]), made.action,
                           made.enabled or second.enabled, made.tooltip)  # fmt: skip
            keys.append(made)
        return keys, help_key, palette

    def _plan(self) -> tuple[list[Key], Key | None, Key | None]:
        keys, help_key, palette = self._keys()
        width = self.app.size.width
        # The palette's key has a border before it and a space after (app.tcss); the spacer
        # between the keys and help takes a column at least.
        pinned = (help_key.width if help_key else 0) + (palette.width + 2 if palette else 0) + 1
        return fitting(keys, width - pinned), help_key, palette

    def _keys_shown(self) -> tuple:
        keys, help_key, palette = self._plan()
        return (tuple(keys), help_key, palette, self.app.size.width)

    def compose(self):
        # Textual's footer starts out empty and gets its keys when the screen first reports a
        # change of bindings (its first focus): a second compose, layout and frame for every
        # screen opened. The keys known now are the screen's and the app's; a focus that adds
        # keys rebuilds, one that adds none does not.
        self._bindings_ready = True
        self._shown = self._keys_shown()
        keys, help_key, palette = self._shown[:3]
        for key in keys:
            yield self._footer_key(key)
        yield Static("", classes="footer-spacer")
        if help_key is not None:
            yield self._footer_key(help_key, "-help")
        if palette is not None:
            yield self._footer_key(palette, "-palette")

    def _footer_key(self, key: Key, classes: str = "") -> FooterKey:
        widget = FooterKey(key.key, key.shown, key.description, key.action, disabled=not key.enabled,
                           tooltip=key.tooltip, classes=classes)  # fmt: skip
        widget.set_reactive(FooterKey.compact, self.compact)
        return widget

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        self._schedule()

    def on_resize(self) -> None:
        self._schedule()

    def _schedule(self) -> None:
        if self.is_attached and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_later(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        # A screen covered by another, or being closed, loses its focus too: nothing is built
        # for it then (a closed one is gone; a covered one is brought up to date when it is
        # shown again, which reports a change of bindings).
        if not (self.is_attached and self._bindings_ready and self.screen.is_current):
            return
        shown = self._keys_shown()
        if shown == self._shown:
            return
        before, self._shown = self._shown, shown
        if before is None or before[1:3] != shown[1:3]:
            await self.recompose()  # help or the palette came or went: seldom, composed anew
            return
        await self._show_in_place(shown[0])

    async def _show_in_place(self, keys: tuple[Key, ...]) -> None:
        """The footer's keys (left of the spacer) made `keys`: those shown take the new words, the
        rest are mounted after them or removed."""
        shown = [child for child in self.children if isinstance(child, FooterKey) and not child.classes & PINNED]
        for widget, key in zip(shown, keys, strict=False):
            _show(widget, key)
        if len(keys) > len(shown):
            spacer = self.query_one(".footer-spacer")
            await self.mount_all([self._footer_key(key) for key in keys[len(shown) :]], before=spacer)
        elif len(shown) > len(keys):
            await self.remove_children(shown[len(keys) :])


PINNED = frozenset({"-help", "-palette"})  # the classes of the keys kept at the right


def _show(widget: FooterKey, key: Key) -> None:
    """A footer key made to show `key`: redrawn only if it shows something else, laid out again
    only if its width changed."""
    was = (widget.key, widget.key_display, widget.description, widget.action, not widget._disabled)
    if was == (key.key, key.shown, key.description, key.action, key.enabled):
        if (widget.tooltip or "") != key.tooltip:
            widget.tooltip = key.tooltip or None
        return
    width = Key(widget.key, widget.key_display, widget.description, widget.action, True, "").width
    widget.key, widget.key_display, widget.description, widget.action = key.key, key.shown, key.description, key.action
    if widget._disabled == key.enabled:  # what FooterKey's constructor does with `disabled`
        widget._disabled = not key.enabled
        widget.set_class(widget._disabled, "-disabled")
    widget.tooltip = key.tooltip or None
    widget.refresh(layout=width != key.width)
