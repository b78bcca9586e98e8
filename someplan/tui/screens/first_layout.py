"""A screen whose first frame is drawn complete (scrollbars and all) and once.

A pane whose content overflows learns so only as the layout gives it its size; it then asks for a
second layout, for its scrollbar, which Textual makes after the first frame is on the terminal. So
the first frame went out without the scrollbars' ends, and a second one drew them, 10–150 ms later
depending on what else was queued (on the 3,000-post bench both the week plan and the key figures
overflow). Here the first layout is made twice before anything is drawn; the first pass only sizes.

And the screen's widgets are not styled a second time as it first becomes the current screen:
Textual restyles a screen's every widget as it is shown, but they were styled as they mounted,
just before (10–20 ms of the first frame on the bench). Later returns restyle as Textual does.
Nor is it laid out and drawn again, whole, for each of the Resize events a start brings (three,
all of the size it was laid out at): a layout only follows a size it was not laid out at (and a
change that asks for one, as always).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.screen import Screen

from someplan.tui.screens.paint_first import StyledAsMounted


class LaidOutBeforeDrawn(StyledAsMounted, Screen):
    """Mixed into a screen (first in its bases)."""

    _laid_out = False
    _laid_out_at: Size | None = None  # the size of the last whole layout

    def _screen_resized(self, size: Size) -> None:
        if size == self._laid_out_at:
            return  # a layout a change asked for comes anyway (Textual's update timer)
        super()._screen_resized(size)

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        if not scroll:
            self._laid_out_at = self.outer_size if size is None else size
        if self._laid_out or scroll or not self.is_current:
            super()._refresh_layout(size, scroll)
            return
        self._laid_out = True
        # The sizing pass draws nothing: its frame would be the one without the scrollbars.
        setattr(self, "_compositor_refresh", _nothing)  # noqa: B010 - the instance's, over the class's method
        try:
            super()._refresh_layout(size, scroll)
        finally:
            delattr(self, "_compositor_refresh")  # noqa: B043
        super()._refresh_layout(size, scroll)


def _nothing() -> None:
    pass
