"""Public holidays, kept in the user's cache dir after the first look-up.

The `holidays` package costs ~110 ms to import, half of what `someplan status` may take in all;
a year's holidays never change, so they are computed once and read from a small file after.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from someplan.domain.norwegian_calendar import public_holidays
from someplan.store.atomic import atomic_write
from someplan.store.user_dirs import cache_dir

CACHE_VERSION = 1


def _path(year: int, locale: str) -> Path:
    return cache_dir() / f"holidays-v{CACHE_VERSION}-NO-{year}-{locale}.json"


def cached_public_holidays(year: int, locale: str = "nb") -> dict[dt.date, str]:
    path = _path(year, locale)
    try:
        return {dt.date.fromisoformat(k): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    found = public_holidays(year, locale)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps({k.isoformat(): v for k, v in found.items()}, ensure_ascii=False).encode())
    except OSError:
        pass  # a cache only
    return found
