"""The flag days and observance days: the file shipped with someplan, and the user's own.

`someplan/domain/calendar_days.toml` holds the official flag days and the observance days;
`<config>/someplan/calendar_days.toml`, when it exists, adds a user's own days in the same
form. A file that cannot be read, or a day in it that does not parse, is skipped and reported
(`calendar_problems()`): the rest still shows, and nothing crashes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from someplan import i18n
from someplan.domain import norwegian_calendar
from someplan.domain.norwegian_calendar import CalendarDay, Entry, calendar_days, parse_calendar
from someplan.i18n import _
from someplan.services.derived_cache import cached_file
from someplan.services.holiday_cache import cached_public_holidays
from someplan.store.problems import Problem
from someplan.store.user_dirs import cache_dir, config_dir

FILE_NAME = "calendar_days.toml"


def shipped_file() -> Path:
    # Beside the domain module, in a checkout and in the installed wheel alike (a plain path:
    # importlib.resources would cost `someplan status` ~12 ms to import and ask).
    return Path(norwegian_calendar.__file__).with_name(FILE_NAME)


def user_file() -> Path:
    return config_dir() / FILE_NAME


def read_calendar_file(path: Path, label: str) -> tuple[list[Entry], list[str]]:
    """The days of one file and its problems, each problem one line naming the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], []
    except (OSError, UnicodeDecodeError) as error:
        return [], [_("{file}: cannot be read ({error})").format(file=label, error=error)]
    entries, problems = parse_calendar(text)
    return entries, [f"{label}: {problem}" for problem in problems]


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=4)
def _load(
    shipped: Path, own: Path, own_signature: tuple[int, int] | None, language: str
) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    # Kept between commands in the user's cache dir while both files, the rules' module and this
    # one (which reads the files and words the problems) are as they were: a quick status then
    # parses no TOML (tomllib and the parse, ~3 ms).
    key = [CACHE_VERSION, str(shipped), _signature(shipped), str(own), own_signature, language,
           _signature(Path(norwegian_calendar.__file__)), _signature(Path(__file__))]  # fmt: skip
    key = json.loads(json.dumps(key))  # as it reads back: tuples are lists there
    return cached_file(cache_dir() / CACHE_FILE, key, lambda: _read_files(shipped, own), _encode, _decode)


def _read_files(shipped: Path, own: Path) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    label = _("someplan's {file}").format(file=FILE_NAME)
    entries, problems = read_calendar_file(shipped, label)
    if not entries and not problems:
        problems = [_("{file} is missing: no flag days or observance days are shown").format(file=label)]
    more, more_problems = read_calendar_file(own, str(own))
    return tuple(entries + more), tuple(problems + more_problems)


CACHE_VERSION = 1
CACHE_FILE = "calendar-days.json"
_RULES = {kind.__name__: kind for kind in (norwegian_calendar.Fixed, norwegian_calendar.NthWeekday,
                                           norwegian_calendar.WeekdayOnOrAfter, norwegian_calendar.EasterOffset)}  # fmt: skip


def _encode(found: tuple[tuple[Entry, ...], tuple[str, ...]]) -> dict[str, Any]:
    entries = [[e.name, e.name_en, type(e.rule).__name__, [getattr(e.rule, f.name) for f in dataclasses.fields(e.rule)], e.kind]
               for e in found[0]]  # fmt: skip
    return {"entries": entries, "problems": list(found[1])}


def _decode(doc: dict[str, Any]) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    entries = tuple(Entry(name, name_en, _RULES[rule](*fields), kind) for name, name_en, rule, fields, kind in doc["entries"])
    return entries, tuple(str(problem) for problem in doc["problems"])


def _loaded() -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    # Read once; the user's file again when it changed (one stat a call), without a restart.
    own = user_file()
    return _load(shipped_file(), own, _signature(own), i18n.language())


def calendar_entries() -> tuple[Entry, ...]:
    return _loaded()[0]


def calendar_problems() -> tuple[str, ...]:
    """Why some flag days or observance days are missing; empty when all is well."""
    return _loaded()[1]


def days_between(first: dt.date, last: dt.date, locale: str) -> list[CalendarDay]:
    """Holidays, flag days and observance days from `first` to `last`, named in `locale`."""
    return calendar_days(first, last, locale, cached_public_holidays, calendar_entries())


def calendar_problems_as_problems() -> tuple[Problem, ...]:
    """The same, as problems `someplan status` lists beside the workspace's."""
    return tuple(Problem("warning", "calendar-days", message) for message in calendar_problems())
