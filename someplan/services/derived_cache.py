"""Values derived from a whole workspace, kept in the user's cache dir between commands.

`someplan status` looks at a year of published posts for the best times (the next proposal's
time) and at each goal's period for the goals under way: at 30,000 posts that is a quarter of a
second each, on every status. The value is kept in a small file beside the other caches (never in
the workspace), with the workspace's content key (`Workspace.content_key`: it changes whenever any
file of the workspace does) and what else it depends on (today, the goals' own fields); a file
that is missing, damaged or of another key is computed again and replaced. An optimisation only.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from someplan.store.atomic import atomic_write
from someplan.store.user_dirs import cache_dir

if TYPE_CHECKING:
    from someplan.services.catalog import Catalog

VERSION = 1
T = TypeVar("T")


@functools.cache
def _code_key() -> str:
    """Size and mtime of every module of the domain and the services (subpackages too), which
    compute what is kept:
    an upgrade or an edit of any of them computes it again (a value may rest on another cached
    one, as the next proposal does on the best times, so no narrower list is safe)."""
    import os

    package = os.path.dirname(os.path.dirname(__file__))
    found: list[str] = []

    def walk(folder: str, shown: str) -> None:
        # scandir rather than os.walk and relpath: a quick status pays for this on every run.
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if entry.name.endswith(".py") and not entry.is_dir():
                try:
                    stat = entry.stat()
                except OSError:
                    continue
                found.append(f"{shown}/{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
            elif entry.is_dir():
                walk(entry.path, f"{shown}/{entry.name}")

    for part in ("domain", "services"):
        walk(os.path.join(package, part), part)
    return _digest("\n".join(sorted(found)))


def _digest(text: str) -> str:
    import zlib

    return f"{zlib.crc32(text.encode('utf-8', 'surrogatepass')):08x}{len(text):x}"


def cached(catalog: Catalog, name: str, depends: str, compute: Callable[[], T], encode: Callable[[T], Any],
           decode: Callable[[Any], T]) -> T:  # fmt: skip
    """`compute()`, or what it gave last time for the same workspace content and `depends`."""
    workspace = catalog.workspace
    key = f"v{VERSION}|{depends}|{workspace.content_key()}|{_code_key()}"
    return cached_file(cache_dir() / f"{name}-{workspace.id}.json", key, compute, encode, decode)


def cached_file(path: Path, key: Any, compute: Callable[[], T], encode: Callable[[T], Any], decode: Callable[[Any], T]) -> T:
    """`compute()`, or what it gave last time under the same `key` (as JSON reads it back), kept
    in the file `path` of the user's cache dir."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc["key"] == key:
            return decode(doc["value"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        pass  # missing, damaged or stale: computed again
    value = compute()
    try:
        # No fsync: the planner may write it between two keys, and a file a crash left short
        # reads as damaged and is made again.
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps({"key": key, "value": encode(value)}, ensure_ascii=False).encode(), durable=False)
    except (OSError, ValueError, TypeError):
        pass  # a cache only
    return value
