"""What a terminal would show of a headless app: every update the app draws, applied in turn to
a grid of cells, for tests that check a partial update left nothing stale on the screen."""

from __future__ import annotations

from rich.cells import get_character_cell_size
from rich.console import Console
from rich.segment import ControlType

Cell = tuple[str, object]  # the character and its style


class TerminalGrid:
    def __init__(self, app) -> None:
        self.app = app
        self.cells: dict[tuple[int, int], Cell] = {}
        self._console = Console(width=1000, height=1000, legacy_windows=False, force_terminal=True)
        real = app._display

        def display(screen, renderable) -> None:
            if renderable is not None and screen is app.screen:
                self.apply(renderable, self.cells)
            real(screen, renderable)

        app._display = display

    def apply(self, renderable, cells: dict[tuple[int, int], Cell]) -> None:
        x = y = 0
        for segment in self._console.render(renderable):
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = control[1], control[2]
                continue
            if segment.text == "\n":
                x, y = 0, y + 1
                continue
            for character in segment.text:
                cells[(x, y)] = (character, segment.style)
                x += get_character_cell_size(character)

    def stale(self) -> list[tuple[int, int]]:
        """The cells where what was drawn bit by bit differs from the screen drawn whole."""
        whole: dict[tuple[int, int], Cell] = {}
        self.apply(self.app.screen._compositor.render_full_update(), whole)
        return sorted(at for at in whole.keys() | self.cells.keys() if whole.get(at) != self.cells.get(at))
