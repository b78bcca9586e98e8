"""User text is data: make it safe to print literally in a terminal.

Captions may hold ANSI escapes, carriage returns or other control characters (pasted from
elsewhere, or put there on purpose). Printed raw they would move the cursor, recolour or erase
the screen; so every control character is shown as a visible escape (``\\x1b``) instead. Rich
markup needs no escaping here because callers print user text as `rich.text.Text`, never as
markup.
"""

from __future__ import annotations

import json
import math
import re

# C0 and C1 controls (U+009B is a one-byte CSI), line and paragraph separators, and the bidi
# controls that reorder what follows them (U+202E turns "gpj.exe" around).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# The same, minus what JSON escapes by itself (below U+0020, the quote and the backslash).
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def literal(text: object, keep_newlines: bool = False) -> str:
    """`text` with every control character made visible (newlines kept only when asked)."""
    text = "" if text is None else str(text)
    if keep_newlines:
        return "\n".join(_CONTROL.sub(_escape, line) for line in text.split("\n"))
    return _CONTROL.sub(_escape, text)


def strict_json(value: object, indent: int | None = 2, ascii_only: bool = False) -> str:
    """JSON that every parser reads and no terminal acts on: NaN and infinities (which a
    colleague's op can hold) become null, and C1, bidi and line-separator characters are
    written as \\u escapes (JavaScript and many terminals take U+2028 or U+009B literally)."""
    text = json.dumps(_finite(value), ensure_ascii=ascii_only, indent=indent, allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _finite(value: object) -> object:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value
