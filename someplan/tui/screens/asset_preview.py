"""The asset preview (`enter` in the assets pane): the picture and the file's facts.

Images are drawn with half-block characters (▀: the upper pixel is the foreground colour, the
lower one the background), which every colour terminal shows, over SSH too. Terminal graphics
protocols (kitty, sixel) are not used yet. Video and other files show their facts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import cast

from rich.color import Color
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from someplan.domain.assets import AssetRow
from someplan.i18n import N_, _, pgettext
from someplan.services.assets import AssetFacts
from someplan.textsafe import literal
from someplan.tui import labels
from someplan.tui.language import Caption
from someplan.tui.panes.assets import size_text, used_text

BACKDROP = (24, 24, 24)  # what shows through transparent pixels


def half_block_lines(path: Path, columns: int, rows: int) -> list[Text] | str:
    """The image scaled to fit `columns` × `rows` cells (two pixels a cell), or why it cannot be."""
    from PIL import Image, UnidentifiedImageError

    if columns < 2 or rows < 1:
        return ""
    try:
        with Image.open(path) as opened:
            opened.draft("RGB", (columns * 4, rows * 8))  # JPEG: decode at a fraction of full size
            image = opened.convert("RGBA")
            width, height = image.size
            scale = min(columns / width, rows * 2 / height)
            size = (max(1, round(width * scale)), max(2, round(height * scale)))
            small = image.resize(size, Image.Resampling.BOX)
            backdrop = Image.new("RGBA", small.size, (*BACKDROP, 255))
            pixels = Image.alpha_composite(backdrop, small).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        return _("(cannot draw this file: {reason})").format(reason=type(error).__name__)
    width, height = pixels.size
    data = pixels.load()
    assert data is not None  # None only for an image without pixel data; this one was just made
    lines = []
    for y in range(0, height, 2):
        line = Text(no_wrap=True, overflow="crop")
        for x in range(width):
            # An RGB image's pixel is an (r, g, b) tuple; Pillow types any mode's pixel.
            top = cast(tuple[int, int, int], data[x, y])
            bottom = cast(tuple[int, int, int], data[x, y + 1]) if y + 1 < height else BACKDROP
            line.append("▀", Style(color=Color.from_rgb(*top), bgcolor=Color.from_rgb(*bottom)))
        lines.append(line)
    return lines


class HalfBlockImage(Widget):
    """An image file drawn in half-blocks, fitted to the widget's size."""

    def __init__(self, path: Path, **kwargs) -> None:
        super().__init__(**kwargs)
        self.path = path
        self._cache: tuple[tuple[int, int], Text] | None = None

    def render(self) -> Text:
        size = (self.size.width, self.size.height)
        if self._cache is None or self._cache[0] != size:
            lines = half_block_lines(self.path, *size)
            text = Text(lines, style="dim") if isinstance(lines, str) else Text("\n").join(lines)
            self._cache = (size, text)
        return self._cache[1]


KINDS = {"image": N_("image"), "video": N_("video"), "other": N_("other")}


def facts_text(row: AssetRow, facts: AssetFacts | None) -> Text:
    text = Text(literal(row.path), style="bold")
    lines = [(pgettext("asset fact", "type"), _(KINDS[row.kind]) if row.kind in KINDS else row.kind)]
    if row.missing:
        lines.append((pgettext("asset fact", "state"), _("missing from the asset folder")))
    if facts is not None:
        lines.append((pgettext("asset fact", "size"), size_text(facts.size)))
        if facts.width and facts.height:
            lines.append((pgettext("asset fact", "pixels"), f"{facts.width} × {facts.height}"))
        if facts.taken:
            lines.append((pgettext("asset fact", "taken"), f"{labels.day(facts.taken.date(), year=True)} {facts.taken:%H:%M}"))
        if facts.problem:
            lines.append((pgettext("asset fact", "note"), facts.problem))
    if row.modified:
        lines.append((pgettext("asset fact", "modified"), labels.day(dt.date.fromtimestamp(row.modified), year=True)))
    lines.append((pgettext("asset fact", "folder"), row.folder or _("(top)")))
    lines.append((pgettext("asset fact", "new"), _("yes, since you last looked") if row.is_new else pgettext("asset fact", "no")))
    lines.append((pgettext("asset fact", "used"), used_text(row)))
    width = max(len(label) for label, _value in lines) + 1
    for label, value in lines:
        text.append(f"\n{label:<{width}}", style="dim")
        text.append(literal(value))
    for title in dict.fromkeys(row.titles):
        text.append("\n  ↳ ", style="cyan")
        text.append(literal(title), style="cyan")
    return text


class AssetPreview(ModalScreen[str | None]):
    """The picture and its facts; `a` attaches, `n` makes a new post (answered to the screen)."""

    BINDINGS = [
        Binding("escape,enter,q", "dismiss(None)", N_("Close"), id="preview.close"),
        Binding("a", "dismiss('attach')", N_("Attach"), id="preview.attach"),
        Binding("n", "dismiss('new')", N_("New post"), id="preview.new_post"),
    ]

    def __init__(self, row: AssetRow, facts: AssetFacts | None, path: Path | None) -> None:
        super().__init__()
        self.row, self.facts, self.path = row, facts, path

    def compose(self):
        with Vertical(id="preview"):
            with Horizontal(id="preview-body"):
                if self.path is not None and self.facts is not None and self.facts.kind == "image" and not self.facts.problem:
                    yield HalfBlockImage(self.path, id="preview-image")
                yield Static(facts_text(self.row, self.facts), id="preview-facts")
            yield Caption(N_("a attach to the selected post · n new post · esc close"), classes="hint")
