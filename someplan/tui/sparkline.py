"""Charts as text: bars per week, `·` for a week without figures.

Textual's Sparkline widget has no way to show a gap, so a week without figures drew as the
lowest bar, indistinguishable from the worst week; it also stretched 8 values over the whole
width of the pane. `bar_chart` draws each week as a column of a fixed width, bars from zero
(so a bar twice as tall is twice the rate) in eighths of a cell. The figures pane and the
figures view both draw with these.
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


def bar_chart(values: list[float | None], height: int, width: int = 3, gap: int = 1) -> list[str]:
    """Rows of a column chart, top row first: a column of `width` cells per value, `gap` spaces
    between, heights from zero up to the greatest value. A value of None is a gap in the data:
    `·` on the bottom row and nothing above, never a bar; a present value gets at least ▁."""
    top = max((v for v in values if v is not None), default=0.0)
    # A present value of nothing (0 %) keeps the baseline ▁, so it still differs from no figures.
    eighths = [None if v is None else max(1, round(v / top * height * 8)) if top > 0 else 1 for v in values]
    rows = []
    for row in range(height - 1, -1, -1):  # from the top
        cells = []
        for filled in eighths:
            if filled is None:
                cells.append((NO_FIGURES if row == 0 else " ") * width)
                continue
            here = min(max(filled - row * 8, 0), 8)
            cells.append((BARS[here - 1] if here else " ") * width)
        rows.append((" " * gap).join(cells))
    return rows
