"""One rounding rule for every rate someplan shows or writes: half away from zero, in decimal.

Python's `round()` and `f"{x:.1f}"` round the binary float (3.95 is stored as 3.9500000000000002,
3.85 as 3.8499999999999996) and ties to even, so one rate came out as "3.9 %" on one face and
"4.0 %" on another, the more so when a face rounded twice (to 2 places, then to 1). Here a value
is first cut to 9 decimals, which drops the float's noise (a rate of 79 ÷ 2000 is 3.95, whatever
the last bit says), and the result is then rounded half up as a person does on paper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

_NOISE_PLACES = 9


def round_half_up(value: float, places: int) -> Decimal:
    # decimal is imported on the first rate rounded: every command imports this module (i18n),
    # and a quick status with no figures rounds nothing.
    from decimal import ROUND_HALF_UP, Decimal

    exact = Decimal(f"{value:.{_NOISE_PLACES}f}")
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rounded(value: float | None, places: int) -> float | None:
    """The value as a number rounded by the rule (JSON, CSV), None stays None."""
    return None if value is None else float(round_half_up(value, places))


def fixed(value: float, places: int) -> str:
    """The value as text with `places` decimals by the rule ("3.95" → "4.0" at 1 place)."""
    text = f"{round_half_up(value, places):f}"
    return "0" + text[2:] if text.startswith("-0") and not text.strip("-0.") else text  # no "-0.0"
