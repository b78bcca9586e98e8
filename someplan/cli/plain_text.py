"""What rich prints, for text of single-cell characters, without importing rich.

A quick `someplan status | grep …`, or a status over SSH, paid more for importing rich (~35 ms)
than for reading the week. For text whose every character is one cell wide the output is rich's
word wrap, its cut with an ellipsis and its padding, which this module does the same way; into a
pipe rich prints no styles, and in a terminal each styled piece is wrapped in the escape codes
rich would write for it (`Ansi`; tests/cli/test_plain_text.py holds both to rich's output).
Anything else (FORCE_COLOR, TTY_COMPATIBLE, a dumb terminal, a style beyond the few status
uses, wide or combining characters, a table that does not fit) is left to rich.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from itertools import pairwise

Pieces = list[tuple[str, str]]  # (text, rich style): the style is for the terminal only

# The characters rich itself measures as one cell without its tables (rich.cells), and the few
# beyond them that status prints; tests/cli/test_plain_text.py checks each against rich.
_RANGES = ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2500, 0x25FC))
_SINGLE = frozenset(chr(c) for start, end in _RANGES for c in range(start, end + 1))
_SINGLE |= frozenset("–—‘’“”…•★")
_WORD = re.compile(r"\s*\S+\s*")


def simple(text: str) -> bool:
    """Every character one cell wide: a character's length is its width."""
    return _SINGLE.issuperset(text)


def output() -> tuple[int, Ansi | None] | None:
    """The width rich would print stdout at, and the styles: None into a pipe, a terminal's
    escape codes into a terminal. None where rich decides otherwise than this module can follow
    (Windows, TTY_COMPATIBLE or FORCE_COLOR set, a dumb terminal, IDLE): rich prints then."""
    environ = os.environ
    if sys.platform == "win32" or environ.get("TTY_COMPATIBLE", "") in ("0", "1") or "FORCE_COLOR" in environ:
        return None
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        if isatty is None:
            return None
        if not isatty():
            return _columns(), None
    except ValueError:
        return None
    if environ.get("TERM", "").lower() in ("dumb", "unknown") or "idlelib" in sys.modules:
        return None
    return _columns(), Ansi(_color_system(environ), no_color=environ.get("NO_COLOR", "") != "")


def _columns() -> int:
    """rich.console.Console.size's width: COLUMNS, else the first standard stream's terminal."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def _color_system(environ: Mapping[str, str]) -> str:
    """rich.console.Console._detect_color_system on a terminal that is not Windows'."""
    if environ.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return "truecolor"
    colours = environ.get("TERM", "").strip().lower().rpartition("-")[2]
    return {"kitty": "256", "256color": "256"}.get(colours, "standard")


# Rich's order and codes of a style's attributes (rich.style.Style._make_ansi_codes), and the
# eight colours it writes as "3N" in every colour system.
_ATTRIBUTES = {"bold": "1", "dim": "2", "italic": "3", "underline": "4", "blink": "5", "blink2": "6",
               "reverse": "7", "conceal": "8", "strike": "9"}  # fmt: skip
_COLOURS = {name: str(30 + n) for n, name in enumerate(("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"))}


class Ansi:
    """A styled piece as rich writes it to a terminal: `ESC[codes m text ESC[0m`, the codes of
    the style's attributes in rich's order, then its colour's (none with NO_COLOR). A colour
    beyond the eight (a category's "#2a9d8f") is brought down to the terminal's colour system by
    rich.color, the one small part of rich this needs."""

    def __init__(self, system: str, no_color: bool = False) -> None:
        self.system = system
        self.no_color = no_color
        self._codes: dict[str, str | None] = {}

    def codes(self, style: str) -> str | None:
        """The codes of `style` ("" for none); None for a style this does not know."""
        if style not in self._codes:
            self._codes[style] = self._parse(style)
        return self._codes[style]

    def _parse(self, style: str) -> str | None:
        words = style.split()
        colours = [word for word in words if word not in _ATTRIBUTES]
        if len(colours) > 1 or len(set(words)) != len(words):
            return None  # a background ("on blue"), "not bold", a repeated word: rich's to read
        codes = [code for name, code in _ATTRIBUTES.items() if name in words]
        if colours and not self.no_color:
            colour = _COLOURS.get(colours[0]) or self._colour(colours[0])
            if colour is None:
                return None
            codes.append(colour)
        return ";".join(codes)

    def _colour(self, name: str) -> str | None:
        from rich.color import Color, ColorParseError, ColorSystem

        systems = {"standard": ColorSystem.STANDARD, "256": ColorSystem.EIGHT_BIT, "truecolor": ColorSystem.TRUECOLOR}
        try:
            return ";".join(Color.parse(name).downgrade(systems[self.system]).get_ansi_codes())
        except ColorParseError:
            return None

    def paint(self, text: str, style: str) -> str:
        codes = self.codes(style) if style else ""
        return f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text


def paint_line(pieces: Pieces, ansi: Ansi | None, begin: int = 0, end: int | None = None) -> str:
    """The characters `begin` to `end` of the pieces' text, each piece in its style (plain
    without `ansi`): rich writes every styled piece apart, even beside one of the same style."""
    if ansi is None:
        return "".join(text for text, _style in pieces)[begin:end]
    out, offset = [], 0
    for text, style in pieces:
        low, high = max(begin - offset, 0), len(text) if end is None else min(end - offset, len(text))
        if low < high:
            out.append(ansi.paint(text[low:high], style))
        offset += len(text)
    return "".join(out)


def cut(pieces: Pieces, width: int) -> Pieces:
    """The pieces of a table cell cut as rich cuts it with an ellipsis: the last character kept
    becomes "…" in the style it had (rich.text.Text.truncate keeps the spans by position)."""
    if sum(len(text) for text, _style in pieces) <= width:
        return pieces
    kept: Pieces = []
    left = width
    for text, style in pieces:
        if left <= 0:
            break
        if len(text) >= left:
            kept.append((text[: left - 1] + "…", style))
            break
        kept.append((text, style))
        left -= len(text)
    return kept


def wrap_bounds(text: str, width: int) -> list[tuple[int, int]]:
    """Where each line of `text` (simple) begins and ends as rich wraps it at `width` cells
    (rich._wrap.divide_line, Text.wrap)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            chunks = [word[i : i + width] for i in range(0, len(word), width)]
            for index, chunk in enumerate(chunks):
                if start:
                    breaks.append(start)
                if index == len(chunks) - 1:
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    bounds = [0, *breaks, len(text)]
    lines = []
    for begin, end in pairwise(bounds):
        length = end - begin
        if length > width:  # only whitespace beyond the width is dropped, then the rest cut
            line = text[begin:end]
            trailing = length - len(line.rstrip())
            length = min(length - min(trailing, length - width), width)
        lines.append((begin, begin + length))
    return lines
