"""The style sheets as Textual parsed them at the last start, kept per machine.

Textual parses every sheet on every start (the app's .tcss files and each widget class's default
CSS): 12–15 ms of the planner's first frame. What a sheet parses to depends only on its text,
where it was read from, and the theme's variables, so the parsed rules are kept in the user's
cache dir (never in a workspace) under exactly those, with the size and time of Textual's parser
modules, and put into the stylesheet's own parse cache before its first parse. A file that is
missing, damaged or from another Textual, Python or theme is simply not used.

Each sheet's rules are kept as a pickle of their own and unpickled when Textual asks for that
sheet: the screens a key opens have their sheets in the file too, and unpickling them all cost
the first frame a third more than the sheets it reads.

Textual's parse cache and its keys are private: pinned by the lock file, and a test compares what
is kept with a fresh parse. The file is a pickle, read only from the user's own cache dir, as
Python's own bytecode caches are.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import Any

from textual.cache import LRUCache
from textual.css.stylesheet import Stylesheet

VERSION = 2
_loaded: set[Any] = set()  # the keys the file gave at this start


class _KeptRules(LRUCache):
    """Textual's parse cache, with the rules read from the file unpickled as a sheet asks for them."""

    def __init__(self, maxsize: int, pending: dict[Any, bytes]) -> None:
        super().__init__(maxsize)
        self.pending = pending

    def __getitem__(self, key: Any) -> Any:
        try:
            return super().__getitem__(key)
        except KeyError:
            data = self.pending.pop(key, None)
            if data is None:
                raise
        try:
            rules = pickle.loads(data)
        except Exception:  # noqa: BLE001 - damaged: the sheet is parsed anew
            raise KeyError(key) from None
        self.set(key, rules)
        return rules

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: Any) -> bool:
        return super().__contains__(key) or key in self.pending

    def clear(self) -> None:  # new variables: what was kept was parsed with the old ones
        super().clear()
        self.pending.clear()


def _path() -> Path:
    from someplan.store.user_dirs import cache_dir

    return cache_dir() / f"parsed-styles-{sys.implementation.cache_tag}.pickle"


def _key(variables: dict[str, str]) -> str:
    import textual.css

    folder = os.path.dirname(textual.css.__file__)
    stamps = []
    for name in ("parse.py", "stylesheet.py", "styles.py", "model.py", "tokenize.py", "_styles_builder.py"):
        try:
            stat = os.stat(os.path.join(folder, name))
        except OSError:
            return ""  # an unknown Textual: never matches
        stamps.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    text = repr((VERSION, stamps, sorted(variables.items())))
    return f"{zlib.crc32(text.encode('utf-8', 'surrogatepass')):08x}{len(text):x}"


def fill(sheet: Stylesheet, variables: dict[str, str]) -> None:
    """Put what was kept for these `variables` into `sheet`'s parse cache (after its variables
    were set: setting them empties it)."""
    try:
        kept = pickle.loads(_path().read_bytes())
        if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == _key(variables) and isinstance(kept[1], list)):
            return
        pending = {key: data for key, data in kept[1] if isinstance(data, bytes)}
    except Exception:  # noqa: BLE001 - a cache only: missing, short, damaged or foreign, parsed anew
        return
    cache = _KeptRules(sheet._parse_cache.maxsize, pending)
    for key in sheet._parse_cache.keys():
        cache.set(key, sheet._parse_cache[key])
    sheet._parse_cache = cache
    _loaded.update(pending)


def keep(sheet: Stylesheet, variables: dict[str, str]) -> None:
    """Keep what `sheet` has parsed for the next start (nothing to do when nothing is new)."""
    from someplan.store.atomic import atomic_write

    cache = sheet._parse_cache
    pending: dict[Any, bytes] = getattr(cache, "pending", {})
    # Only what the sheets read now still parse to: an upgraded sheet's old rules are dropped.
    # (A sheet's rules are either pending, as read from the file, or in the cache, never both.)
    keys = [key for key in [*cache.keys(), *pending]
            if (source := sheet.source.get(key[1])) is not None and source.content == key[0]]  # fmt: skip
    if not keys or set(keys) <= _loaded:
        return
    try:
        entries = [(key, pending[key] if key in pending else pickle.dumps(cache[key], protocol=pickle.HIGHEST_PROTOCOL))
                   for key in keys]  # fmt: skip
        data = pickle.dumps((_key(variables), entries), protocol=pickle.HIGHEST_PROTOCOL)
        path = _path()
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data, durable=False)
        _loaded.update(keys)
    except Exception:  # noqa: BLE001 - a cache only: not kept this time
        return


def forget() -> None:
    """For tests: what was loaded at this start is new again."""
    _loaded.clear()
