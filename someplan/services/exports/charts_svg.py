"""Small charts as inline SVG for the report: columns over time, bars by group. No I/O.

Values are rates in per cent (None: no post had the rate, drawn as no bar and "–"). Labels are
user text (category and channel names) and are escaped like the year wheel's; the colours are
ours. Each chart has a fixed viewBox and scales to the width it is given, on paper and screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from someplan.i18n import percent
from someplan.services.exports.wheel_svg import fit, x

BLUE, ORANGE, GREEN, PURPLE = "#2f6db5", "#c2410c", "#15803d", "#7e22ce"
GRID = "#e5e7eb"
STYLE = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif"


def nice_top(value: float) -> float:
    """A round number at or above `value` for the top of the scale (1, 2, 2.5, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def column_chart(items: Sequence[tuple[str, float | None]], title: str, colour: str = BLUE,
                 width: int = 380, height: int = 190) -> str:  # fmt: skip
    """A column per item (a week), the scale from 0 to a round top, the value over each column
    when there is room, and only every n-th label under a crowded axis."""
    left, right, top, bottom = 54, 6, 30, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    high = nice_top(max((v for _, v in items if v is not None), default=0))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" role="img" '
           f'aria-label="{x(title)}" style="{STYLE}">',
           f'<text x="0" y="16" font-size="14" font-weight="600" fill="#1d232a">{x(title)}</text>']  # fmt: skip
    for step in range(3):
        value = high * step / 2
        y = top + plot_h - plot_h * step / 2
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID}"/>')
        out.append(f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#6b7480">{x(percent(value))}</text>')
    count = max(len(items), 1)
    slot = plot_w / count
    every = max(1, math.ceil(count / 13))
    for index, (label, value) in enumerate(items):
        cx = left + slot * index + slot / 2
        if value is not None:
            bar_h = plot_h * min(value / high, 1.0)
            out.append(f'<rect x="{cx - slot * 0.35:.1f}" y="{top + plot_h - bar_h:.1f}" width="{slot * 0.7:.1f}" '
                       f'height="{bar_h:.1f}" fill="{colour}"><title>{x(label)}: {x(percent(value))}</title></rect>')  # fmt: skip
            if count <= 9:
                out.append(f'<text x="{cx:.1f}" y="{top + plot_h - bar_h - 4:.1f}" font-size="10.5" text-anchor="middle" '
                           f'fill="#374151">{x(percent(value))}</text>')  # fmt: skip
        if index % every == 0:
            out.append(f'<text x="{cx:.1f}" y="{height - bottom + 16}" font-size="11" text-anchor="middle" fill="#4b5563">'
                       f"{x(_axis_label(label, slot * every))}</text>")  # fmt: skip
    out.append("</svg>")
    return "".join(out)


def _axis_label(label: str, room: float) -> str:
    """The label, or where it does not fit its last word ("uke 44" → "44"), cut if need be."""
    if fit(label, room, 11) == label:
        return label
    last = label.split()[-1] if label.split() else label
    return fit(last, room, 11) or last[:4]


def bar_chart(items: Sequence[tuple[str, float | None, int]], title: str, colour: str = BLUE,
              width: int = 380, posts_word: str = "") -> str:  # fmt: skip
    """A bar per item (name, rate, posts), longest first as given; the value and the number of
    posts beside each bar."""
    row, top, label_w, value_w = 22, 30, 112, 126
    height = top + row * max(len(items), 1) + 6
    plot_w = width - label_w - value_w
    high = max((v for _, v, _ in items if v is not None), default=0) or 1
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" role="img" '
           f'aria-label="{x(title)}" style="{STYLE}">',
           f'<text x="0" y="16" font-size="14" font-weight="600" fill="#1d232a">{x(title)}</text>']  # fmt: skip
    for index, (label, value, posts) in enumerate(items):
        y = top + index * row
        out.append(f'<text x="{label_w - 6}" y="{y + 14}" font-size="11.5" text-anchor="end" fill="#1d232a">'
                   f"{x(fit(label, label_w - 8, 11.5) or label[:3])}<title>{x(label)}</title></text>")  # fmt: skip
        length = plot_w * (value / high) if value is not None else 0
        if value is not None:
            out.append(f'<rect x="{label_w}" y="{y + 4}" width="{max(length, 1):.1f}" height="{row - 8}" fill="{colour}"/>')
        note = f"{percent(value)} · {posts} {posts_word}".rstrip()
        out.append(f'<text x="{label_w + length + 5:.1f}" y="{y + 14}" font-size="11" fill="#374151">{x(note)}</text>')
    out.append("</svg>")
    return "".join(out)
