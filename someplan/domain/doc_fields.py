"""Reading and writing record fields as plain JSON values, without ever raising.

A stored record may come from a colleague's newer client, an older one, or a hand edit.
Every reader here returns the field's default when the value is missing or malformed, and a
malformed (present but unusable) value is noted in ``DocReader.problems`` so that `doctor` can
say what it skipped. Missing keys and ``null`` are not problems: they mean "not set".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from datetime import date, time
from enum import Enum
from typing import Any, Protocol, TypeVar

from someplan.domain.weeks import PLAN_YEARS
from someplan.i18n import _

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


class Readable(Protocol):
    """A record type that reads itself from a stored document (Post, Channel, ...)."""

    @classmethod
    def read(cls, doc: DocReader, id: str) -> object: ...


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# "09:30" is what we write; "9.30" is how Norwegians type it by hand.
_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?\s*$")
_INT_TEXT = re.compile(r"^\s*-?\d[\d  ,]*\s*$")


def date_text(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def time_text(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def parse_date(value: object) -> date | None:
    """A date from "YYYY-MM-DD" (a trailing time part is allowed); None when it is not one."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    if len(value) == 10 and value.isascii() and value[4] == value[7] == "-":
        # What we write ("2026-11-23"), without the pattern: a status reads hundreds.
        year, month, day = value[:4], value[5:7], value[8:]
        if year.isdigit() and month.isdigit() and day.isdigit():
            try:
                found = date(int(year), int(month), int(day))
            except ValueError:
                return None
            return found if found.year in PLAN_YEARS else None
    match = _DATE.match(value.strip())
    if not match:
        return None
    try:
        found = date(*(int(part) for part in match.groups()))
        return found if found.year in PLAN_YEARS else None
    except ValueError:
        return None


def parse_time(value: object) -> time | None:
    """A time of day from "HH:MM" (or "H.MM", "HH:MM:SS"); None when it is not one."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if not isinstance(value, str):
        return None
    if len(value) == 5 and value[2] == ":" and value.isascii() and value[:2].isdigit() and value[3:].isdigit():
        hour, minute = int(value[:2]), int(value[3:])  # what we write ("09:30"), without the pattern
        return time(hour, minute) if hour <= 23 and minute <= 59 else None
    match = _TIME.match(value)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_count(value: object) -> int | None:
    """A non-negative whole number; accepts 12, 12.0 and "1 250" / "1,250" from hand edits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and _INT_TEXT.match(value):
        number = int(re.sub(r"[\s,]", "", value))
    else:
        return None
    return number if number >= 0 else None


def parse_hours(value: object) -> float | None:
    """Hours a week: 7.5, "7,5", 20; None when not a number from 0 to the 168 hours of a week."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            return None
    if isinstance(value, int | float) and 0 <= value <= 168:
        return float(value)
    return None


class DocReader:
    """Typed, tolerant access to one stored document."""

    def __init__(self, doc: object):
        self._doc: Mapping[Any, object] = doc if isinstance(doc, Mapping) else {}
        self.problems: list[str] = []
        if not isinstance(doc, Mapping):
            self.problems.append(_("record is {kind}, not an object").format(kind=type(doc).__name__))

    def keys(self) -> list[str]:
        """The stored field names (records with fields named by the user's data: goals' targets)."""
        return [key for key in self._doc if isinstance(key, str)]

    def raw(self, key: str) -> object:
        """A field as stored, for a caller that checks it itself."""
        return self._doc.get(key)

    def _bad(self, key: str) -> None:
        self.problems.append(_("{field}: unusable value {value!r}").format(field=key, value=self._doc.get(key)))

    def value(self, key: str, parse: Callable[[object], T | None], default: T) -> T:
        """`parse(raw)` returns the value or None when unusable."""
        raw = self._doc.get(key)
        if raw is None:
            return default
        value = parse(raw)
        if value is None:
            self._bad(key)
            return default
        return value

    # The readers a record reads most (a post: some 35 fields) take the common case, a value
    # missing or of the stored type, without going through `value`; the rest as `value` does.
    # Decoding the published posts of a long history for the figures view was mostly this.

    def text(self, key: str, default: str = "") -> str:
        raw = self._doc.get(key)
        if raw is None:
            return default
        if isinstance(raw, str):
            return raw
        self._bad(key)
        return default

    def optional_text(self, key: str) -> str | None:
        # An empty reference is the same as no reference.
        return self.text(key) or None

    def count(self, key: str) -> int | None:
        raw = self._doc.get(key)
        if raw is None:
            return None
        if type(raw) is int and raw >= 0:
            return raw
        return self.value(key, parse_count, None)

    def integer(self, key: str, default: int) -> int:
        return self.value(key, parse_count, default)

    def date(self, key: str) -> date | None:
        return None if self._doc.get(key) is None else self.value(key, parse_date, None)

    def time(self, key: str) -> time | None:
        return None if self._doc.get(key) is None else self.value(key, parse_time, None)

    def flag(self, key: str, default: bool) -> bool:
        return self.value(key, lambda v: v if isinstance(v, bool) else None, default)

    def weekday(self, key: str) -> int | None:
        def parse(value: object) -> int | None:
            number = parse_count(value)
            return number if number is not None and number <= 6 else None

        return self.value(key, parse, None)

    def choice(self, key: str, kind: type[E], default: E) -> E:
        if self._doc.get(key) is None:
            return default
        return self.value(key, lambda v: enum_member(kind, v), default)

    def optional_choice(self, key: str, kind: type[E]) -> E | None:
        if self._doc.get(key) is None:
            return None
        return self.value(key, lambda v: enum_member(kind, v), None)

    def paths(self, key: str) -> tuple[str, ...]:
        def parse(value: object) -> tuple[str, ...] | None:
            if not isinstance(value, list):
                return None
            paths = tuple(item for item in value if isinstance(item, str) and item)
            if len(paths) != len(value):
                self._bad(key)  # keep the usable entries, but say some were dropped
            return paths

        return self.value(key, parse, ())

    def counts_by_prefix(self, prefix: str) -> dict[str, int]:
        """The counts of every field named `prefix` + a name, by that name ("minutes_reel" → "reel").

        Settings kept as one field each (not one map) merge per field: two colleagues who set the
        minutes of two formats at once both keep theirs.
        """
        found: dict[str, int] = {}
        for key in self._doc:
            if isinstance(key, str) and key.startswith(prefix) and len(key) > len(prefix):
                number = self.count(key)
                if number is not None:
                    found[key[len(prefix) :]] = number
        return found

    def counts_by_date(self, key: str) -> dict[dt.date, int]:
        def parse(value: object) -> dict[dt.date, int] | None:
            if not isinstance(value, Mapping):
                return None
            counts: dict[dt.date, int] = {}
            for raw_day, raw_number in value.items():
                day, number = parse_date(raw_day), parse_count(raw_number)
                if day is not None and number is not None:
                    counts[day] = number
            if len(counts) != len(value):
                self._bad(key)
            return counts

        return self.value(key, parse, {})


def enum_member(kind: type[E], value: object) -> E | None:
    """`value` as a member of `kind`, read as every record reads a choice; None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        return kind(value.strip().lower())
    except ValueError:
        return None


def doc_problems(record_type: type[Readable], doc: object) -> list[str]:
    """What `record_type.from_doc` had to ignore in `doc` (empty when the document is clean)."""
    reader = DocReader(doc)
    record_type.read(reader, "")
    return reader.problems
