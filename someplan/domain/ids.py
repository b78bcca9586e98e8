"""Shortened record ids that stay unique.

Ids are time-ordered (a batch written at once shares its first 20-odd characters), so cutting
them at a fixed length gives several posts the same short id. Each id is shown with the shortest
start no other id shares, never shorter than `MIN_SHOWN` (a short id a user copies should still
work after a few more posts), and that start is exactly what a lookup by prefix accepts.
"""

from __future__ import annotations

from collections.abc import Iterable
from os.path import commonprefix

MIN_SHOWN = 8


def short_ids(ids: Iterable[str], minimum: int = MIN_SHOWN) -> dict[str, str]:
    """Every id mapped to its shortest unique start of at least `minimum` characters."""
    ordered = sorted(set(ids))
    found = {}
    for index, record_id in enumerate(ordered):
        # In sorted order the id sharing the longest start with this one is a neighbour.
        shared = max((len(commonprefix([record_id, ordered[other]])) for other in (index - 1, index + 1)
                      if 0 <= other < len(ordered)), default=0)  # fmt: skip
        found[record_id] = record_id[: max(minimum, shared + 1)]
    return found
