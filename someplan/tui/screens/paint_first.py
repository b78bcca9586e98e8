"""A screen a key opens is drawn before the garbage collector may run, and what it leaves
behind is collected as it closes, after the screen below has been drawn again.

Building a screen allocates thousands of objects (widgets, styles, strips); with a long history
loaded, one of those allocations regularly set off a full collection, which walks every object
the session made since start (30–50 ms of CPU on the 3,000-post bench) right before the screen's
first frame. So the collector waits until that frame is out (a full collection that came due
meanwhile is made right then, while the screen fills in). A closed screen's widgets point at each
other, so only a full collection frees them; left to the collector, the garbage of a few screens
was collected at once during some later key (70 ms on the bench). A fallback timer switches the
collector back on should the screen never draw (closed at once, an error while composing), so a
session is never left without it.

Nor is such a screen restyled whole as it is first shown (Textual does that for every screen it
shows): its widgets were styled as they mounted, just before. Later returns restyle as always.
"""

from __future__ import annotations

import gc

from textual import events
from textual.screen import Screen

FALLBACK_SECONDS = 1.0


class StyledAsMounted:
    """Mixed into a screen (before Screen in its bases): not restyled whole as it is first shown."""

    _styled_at: int | None = None  # the app's count of style updates as the screen mounted

    def _on_mount(self, event: events.Mount) -> None:
        assert isinstance(self, Screen)
        self._styled_at = self.app._css_update_count  # its widgets are styled as they mount

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler (Textual calls each class's in turn), which restyles
        # every widget of a screen as it is shown. As it is first shown its widgets were styled
        # as they mounted, just before (the figures view: ~4 ms of its first frame): only a
        # later return, or a change of the styles meanwhile, restyles them. A modal dialog is
        # restyled as always: without it the screen beneath was not drawn under its backdrop.
        assert isinstance(self, Screen)
        if self._styled_at == self.app._css_update_count and not self.is_modal:
            event.refresh_styles = False
        self._styled_at = None


class PaintsFirst(StyledAsMounted):
    """Mixed into a screen a key opens (before Screen in its bases)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        assert isinstance(self, Screen)
        hold_collection(self)

    def on_unmount(self) -> None:
        # Runs as the screen is removed; the screen below is drawn first, then the collection.
        assert isinstance(self, Screen)
        self.app.call_after_refresh(_collect)


def _collect() -> None:
    gc.collect()


def hold_collection(screen: Screen) -> None:
    """No collection from now until `screen` has drawn its first frame (call as it is built,
    on the UI thread, before it is pushed)."""
    if not gc.isenabled():  # held already (a screen opened from a screen), or off by someone else
        return
    gc.disable()
    resumed = False

    def resume() -> None:
        nonlocal resumed
        if not resumed:
            resumed = True
            gc.enable()  # what came due meanwhile runs at the next allocation, as Python decides

    screen.call_after_refresh(resume)  # runs after the screen's first refresh once it is running
    screen.app.set_timer(FALLBACK_SECONDS, resume)
