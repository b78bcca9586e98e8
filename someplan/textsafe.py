"""User text is data: make it safe to print literally in a terminal.

Captions may hold ANSI escapes, carriage returns or other control characters (pasted from
elsewhere, or put there on purpose). Printed raw they would move the cursor, recolour or erase
the screen; so every control character is shown as a visible escape (``\\x1b``) instead. Rich
markup needs no escaping here because callers print user text as `rich.text.Text`, never as
markup.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def literal(text: object, keep_newlines: bool = False) -> str:
    """`text` with every control character made visible (newlines kept only when asked)."""
    text = "" if text is None else str(text)
    if keep_newlines:
        return "\n".join(_CONTROL.sub(_escape, line) for line in text.split("\n"))
    return _CONTROL.sub(_escape, text)
