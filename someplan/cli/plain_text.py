"""What rich prints into a pipe, for text of single-cell characters, without importing rich.

A quick `someplan status | grep …` or a status over SSH into a file paid more for importing rich
(~45 ms) than for reading the week. Rich prints no styles where the output is no terminal, so
for text whose every character is one cell wide the output is rich's word wrap, its cut with an
ellipsis and its padding, which this module does the same way (tests/cli/test_plain_text.py
holds it to rich's output). Anything else (a terminal, FORCE_COLOR, wide or combining
characters, a table that does not fit) is left to rich.
"""

from __future__ import annotations

import os
import re
import sys

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


def pipe_width() -> int | None:
    """The width rich would wrap at when it prints no styles; None where it would style the
    output (a terminal, TTY_COMPATIBLE or FORCE_COLOR set) or where it measures otherwise."""
    environ = os.environ
    if sys.platform == "win32" or environ.get("TTY_COMPATIBLE", "") in ("0", "1") or "FORCE_COLOR" in environ:
        return None
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        if isatty is None or isatty():
            return None
    except ValueError:
        return None
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def wrap(text: str, width: int) -> list[str]:
    """`text` (simple) as rich wraps it at `width` cells (rich._wrap.divide_line, Text.wrap)."""
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
    for begin, end in zip(bounds, bounds[1:]):
        line = text[begin:end]
        if len(line) > width:  # only whitespace beyond the width is dropped, then the rest cut
            trailing = len(line) - len(line.rstrip())
            line = line[: len(line) - min(trailing, len(line) - width)][:width]
        lines.append(line)
    return lines


def cell(text: str, width: int) -> str:
    """`text` (simple) in a table cell of `width`: cut with an ellipsis, padded with spaces."""
    if len(text) > width:
        text = text[: max(width - 1, 0)] + "…"
    return text.ljust(width)
