"""Sparklines as text: one bar per week, scaled within the row, `·` for a week without figures.

Textual's Sparkline widget has no way to show a gap, so a week without figures drew as the
lowest bar, indistinguishable from the worst week. The figures pane and the figures view both
draw with this.
"""

from __future__ import annotations

BARS = "▁▂▃▄▅▆▇█"
NO_FIGURES = "·"


def sparkline(values: list[float | None], width: int = 1, gap: str = "") -> str:
    """A bar per value (lowest present ▁, highest █), `width` cells each, `gap` between them."""
    present = [v for v in values if v is not None]
    low, high = (min(present), max(present)) if present else (0.0, 0.0)
    span = (high - low) or 1.0
    cells = [NO_FIGURES if v is None else BARS[round((v - low) / span * (len(BARS) - 1))] for v in values]
    return gap.join(cell * width for cell in cells)
