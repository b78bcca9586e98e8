"""Messages panes post; only the main screen acts on them (panes never reach into each other)."""

from __future__ import annotations

from textual.message import Message


class WorkspaceChanged(Message):
    """Records changed on disk (a colleague) or by us: panes redraw."""

    def __init__(self, changed: set[tuple[str, str]], by_colleague: bool) -> None:
        super().__init__()
        self.changed = changed
        self.by_colleague = by_colleague
