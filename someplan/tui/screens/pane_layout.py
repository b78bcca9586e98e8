"""Which pane is active, and what the layout makes of it, marked at the least cost.

Textual restyles a node and every node under it when one of its classes changes. The classes
that say which pane is active were on the screen (`plan-active`, `show-assets`) and on every
pane (`active`) and were set with their restyle on every focus change: `1`, `3` or `4` restyled
each widget of the screen, a third of what a focus change cost, mostly for rules that could not
apply at that size. Here a class is set with its restyle only where it can change a style:

- `active` on a pane: only the narrow layout shows the active pane alone (app.tcss); from 100x30
  up the focused pane's border is drawn by `:focus-within`.
- `plan-active` on the screen: only the narrow layout with the detail under the plan uses it.
- which pane stands at the bottom right from 100x30 up (`3` the assets, `4` the key figures): a
  class of those two panes (`below`, `covered`), so only they are restyled.

A class set quietly is still set: when `narrow` or `with-detail` is set on the screen, its
restyle reads every class as it is then.

The focused pane's border (`.pane:focus-within`) is restyled on the pane alone: Textual restyles
the pane and every widget under it, for rules that could style them by the pane's focus, and the
app has none (tests/tui/test_app.py holds app.tcss to that). Under it, the widget that took or
lost the focus restyles itself (`:focus`), as Textual has it do. The plan list's restyle (its
rows' component classes) was done twice on every focus change, the first frame's focus too.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.dom import DOMNode
from textual.screen import Screen

from someplan.tui.panes.base import Pane


class PaneFocusStyles:
    """A screen mixin: a focus change restyles the panes it enters and leaves, not what is in them."""

    def _update_focus_styles(self, focused: DOMNode | None = None, blurred: DOMNode | None = None) -> None:
        panes = set()
        for widget in (focused, blurred):
            for node in reversed(widget.ancestors_with_self if widget is not None else []):
                if node._has_focus_within:
                    panes.add(node)
                    break
        if panes:
            self.app.stylesheet.update_nodes(panes, animate=True)  # type: ignore[attr-defined]


def set_quietly(node: DOMNode, add: bool, name: str, restyle: bool) -> None:
    """`node.set_class(add, name)`, restyling the node (and what is under it) only if `restyle`
    and the class really changed."""
    if node.has_class(name) == add:
        return
    node.set_class(add, name, update=False)
    if restyle:
        node.update_node_styles()


def mark_active(screen: Screen, active: Pane, panes: Iterable[Pane]) -> None:
    """`active` is the pane in use (it has the focus, or is about to get it)."""
    narrow = screen.has_class("narrow")
    for pane in panes:
        set_quietly(pane, pane is active, "active", restyle=narrow)
        if active.NUMBER in (3, 4) and pane.NUMBER == 3:
            set_quietly(pane, active.NUMBER == 3, "below", restyle=True)
        elif active.NUMBER in (3, 4) and pane.NUMBER == 4:
            set_quietly(pane, active.NUMBER == 3, "covered", restyle=True)
    set_quietly(screen, active.NUMBER == 1, "plan-active", restyle=narrow and screen.has_class("with-detail"))
