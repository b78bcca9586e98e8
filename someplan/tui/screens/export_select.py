"""A compact `Select` in one widget, for the export dialog.

Textual's `Select` is six widgets (the line, its label, two arrows, the list) and each is built
and styled as the dialog opens: its four selects were most of the dialog's first frame (60 of
84 ms CPU on the 3,000-post bench). `LineSelect` draws the line itself, looks and answers the
keys as a compact `Select` does (enter, space, up or down drops the list down), and builds the
list, Textual's own, only when it first drops down.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from rich.console import RenderableType
from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets._select import SelectOverlay
from textual.widgets.option_list import Option

from someplan.i18n import N_

Options = Sequence[tuple[RenderableType, Hashable]]


class LineSelect(Widget, can_focus=True):
    """One of `options` (label, value), shown on one line; blank (value None) only while there
    are no options (a workspace with no channels)."""

    BINDINGS = [Binding("enter,down,space,up", "show_overlay", N_("List the choices"), id="line_select.show", show=False)]
    COMPONENT_CLASSES = {"line-select--arrow"}
    ALLOW_SELECT = False

    class Changed(Message):
        """Says the new value, as `Select.Changed` does."""

        def __init__(self, select: LineSelect, value: Any) -> None:
            super().__init__()
            self.select, self.value = select, value

        @property
        def control(self) -> LineSelect:
            return self.select

    def __init__(self, options: Options, value: Any = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self._options: list[tuple[RenderableType, Any]] = list(options)
        values = [v for _label, v in self._options]
        self._value = value if value in values else (values[0] if values else None)
        self._overlay: SelectOverlay | None = None

    @property
    def options(self) -> list[tuple[RenderableType, Any]]:
        return list(self._options)

    @property
    def value(self) -> Any:
        return self._value

    @value.setter
    def value(self, value: Any) -> None:
        if value not in [v for _label, v in self._options]:
            raise ValueError(value)  # a programming error, as an unknown value is to `Select`
        if value != self._value:
            self._value = value
            self.refresh()
            self.post_message(self.Changed(self, value))

    def set_options(self, options: Options) -> None:
        """Other options, the first of them chosen (as `Select.set_options`)."""
        self._options = list(options)
        if self._overlay is not None:
            self._overlay.clear_options()
            self._overlay.add_options(self._listed())
        first = self._options[0][1] if self._options else None
        if first != self._value and first is not None:
            self.value = first
        elif first is None and self._value is not None:
            self._value = None
            self.refresh()
            self.post_message(self.Changed(self, None))
        else:
            self.refresh()

    def _index(self) -> int:
        return next((i for i, (_label, v) in enumerate(self._options) if v == self._value), 0)

    def render(self) -> RenderableType:
        label = next((label for label, v in self._options if v == self._value), "")
        shown = label.copy() if isinstance(label, Text) else Text(str(label))
        shown.no_wrap, shown.overflow = True, "ellipsis"
        # The label takes the width but the arrow, a cell either side of it.
        shown.truncate(max(self.content_size.width - 3, 0), overflow="ellipsis", pad=True)
        shown.append(" ")
        arrow = "▲" if self.has_class("-expanded") else "▼"
        shown.append(arrow, style=Style(color=self.get_component_rich_style("line-select--arrow").color))
        shown.append(" ")
        return shown

    def get_content_width(self, container, viewport) -> int:
        widths = (label.cell_len if isinstance(label, Text) else Text(str(label)).cell_len for label, _v in self._options)
        return max(widths, default=0) + 3

    def get_content_height(self, container, viewport, width: int) -> int:
        return 1

    def _listed(self) -> list[Option]:
        return [Option(label) for label, _v in self._options]

    def action_show_overlay(self) -> None:
        if not self._options:
            return  # nothing to choose from
        if self._overlay is None:
            self._overlay = SelectOverlay()
            self._overlay.compact = True  # as a compact Select's list: no border
            self._overlay.add_options(self._listed())
            self.mount(self._overlay)
            self.call_after_refresh(self._show_overlay)  # focusable once mounted
            return
        self._show_overlay()

    def _show_overlay(self) -> None:
        overlay = self._overlay
        if overlay is None:
            return
        self.add_class("-expanded")
        self.refresh()
        overlay.focus(scroll_visible=False)
        overlay.select(self._index())

    def _hide_overlay(self, refocus: bool) -> None:
        self.remove_class("-expanded")
        self.refresh()
        if refocus:
            self.focus()

    def on_click(self, event) -> None:
        if event.widget is not self:  # a click in the list: the list takes it
            return
        event.stop()
        if self.has_class("-expanded"):
            self._hide_overlay(refocus=True)
        else:
            self.focus()
            self.action_show_overlay()

    @on(SelectOverlay.Dismiss)
    def _dismissed(self, event: SelectOverlay.Dismiss) -> None:
        event.stop()
        self._hide_overlay(refocus=not event.lost_focus)

    @on(SelectOverlay.UpdateSelection)
    def _chosen(self, event: SelectOverlay.UpdateSelection) -> None:
        event.stop()
        self.value = self._options[event.option_index][1]
        self._hide_overlay(refocus=True)
