"""Pictures in the planner: the real picture through the terminal's graphics protocol (kitty's,
sixel) where the terminal has one, half-blocks everywhere else.

The protocol is chosen from the environment, not by asking the terminal: a query costs up to a
tenth of a second at every start when the terminal does not answer, and over SSH `TERM` and
`TERM_PROGRAM` travel along anyway. `SOMEPLAN_GRAPHICS=kitty|sixel|halfblock` overrides the
guess. textual-image draws the protocols; it must read the terminal's cell size before Textual
takes over the terminal, so `prepare_graphics()` runs before the app does (the command that
opens the planner calls it), and never under tests, where the half-block path is drawn.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ENV_VAR = "SOMEPLAN_GRAPHICS"
KITTY, SIXEL, HALF_BLOCK = "kitty", "sixel", "halfblock"

# Terminals known to draw sixel images (TERM or TERM_PROGRAM); kitty's protocol is kitty's own
# (others that claim it do not draw textual-image's placeholders, its docs say).
SIXEL_TERMINALS = ("foot", "mlterm", "wezterm", "contour", "iterm.app", "xterm-sixel", "yaft", "mintty")

_widget_class: Any = None  # textual-image's widget for the protocol, once prepared


def graphics_protocol(environ: Mapping[str, str] | None = None) -> str:
    """kitty, sixel or halfblock, from `SOMEPLAN_GRAPHICS`, else from what the terminal says it is."""
    env = os.environ if environ is None else environ
    chosen = env.get(ENV_VAR, "").strip().lower()
    if chosen in (KITTY, SIXEL, HALF_BLOCK):
        return chosen
    term, program = env.get("TERM", "").lower(), env.get("TERM_PROGRAM", "").lower()
    if term == "xterm-kitty" or env.get("KITTY_WINDOW_ID"):
        return KITTY
    if any(name in (term, program) or term.startswith(name) for name in SIXEL_TERMINALS):
        return SIXEL
    return HALF_BLOCK


def prepare_graphics() -> None:
    """Before the app starts: load textual-image for the terminal's protocol, if it has one."""
    global _widget_class
    protocol = graphics_protocol()
    if protocol == HALF_BLOCK or not (sys.__stdout__ and sys.__stdout__.isatty()):
        return
    try:
        from textual_image import widget  # reads the cell size from the terminal: before Textual
    except Exception:  # noqa: BLE001 - a terminal that does not answer as hoped: half-blocks then
        return
    _widget_class = widget.TGPImage if protocol == KITTY else widget.SixelImage


def graphics_widget() -> Any:
    """textual-image's widget class for this terminal, or None: draw half-blocks."""
    return _widget_class


def open_picture(path: Path, columns: int, rows: int) -> Any:
    """The picture decoded and scaled down for `columns` × `rows` cells (on a worker thread: a
    photo from a phone takes a good part of a second to decode at full size). Raises OSError and
    Pillow's errors for a file that is not a picture."""
    from PIL import Image

    with Image.open(path) as opened:
        opened.draft("RGB", (columns * 20, rows * 40))  # JPEG: decode at a fraction of full size
        image = opened.convert("RGB")
    image.thumbnail((max(1, columns * 20), max(1, rows * 40)))
    return image
