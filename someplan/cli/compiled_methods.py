"""The methods `dataclasses` writes for each record class, compiled once per machine instead of
on every start of a quick `someplan status`.

`@dataclass` makes `__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__` … of a class by
writing their source and passing it to `exec`: Python parses and compiles that text anew in
every process, like a module without its `.pyc`. The four dozen records status imports cost it a
third of its instructions that way. Python keeps no cache for such text, so this keeps one: the
code objects by their exact source, in a file in the user's cache dir (never in a workspace) for
this very interpreter, read at the start and written again when a class's source was new.

It works by giving the `dataclasses` module an `exec` of its own (a module global comes before the
builtin), which looks the text up and runs the kept code object in the globals and locals given,
as `exec` would; anything else is passed to the builtin. Code compiled from the same text by the
same interpreter is the same code, so a class behaves exactly as without this. A file that is
missing, damaged or from another interpreter is simply compiled again.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

_codes: dict[str, CodeType] = {}
_used: set[str] = set()
_new = False
_installed: Path | None = None

MAX_KEPT = 2000  # code objects kept from earlier runs beyond this one's (a few upgrades' worth)


def _cache_file() -> Path:
    from someplan.store.user_dirs import cache_dir

    return cache_dir() / f"dataclass-methods-{sys.implementation.cache_tag}.bin"


def _interpreter() -> str:
    return f"{sys.implementation.name} {sys.hexversion:x} {sys.implementation.cache_tag}"


def install() -> None:
    """From now on, `dataclasses` runs kept code where it has compiled the same text before."""
    global _installed
    from someplan.cli.dataclass_docs import imported_without_inspect

    dataclasses = imported_without_inspect()  # the quick status has no other use for inspect
    if _installed is not None:
        return
    path = _cache_file()
    try:
        kept = marshal.loads(path.read_bytes())
        if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == _interpreter() and isinstance(kept[1], dict):
            _codes.update((k, v) for k, v in kept[1].items() if isinstance(k, str) and isinstance(v, CodeType))
    except (OSError, ValueError, EOFError, TypeError):
        pass  # none yet, or damaged: compiled again, then kept
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    _installed = path


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    global _new
    if isinstance(source, str):
        code = _codes.get(source)
        if code is None:
            # As `exec` compiles it: no future flags taken from this module (its annotations).
            code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
            _new = True
        _used.add(source)
        source = code
    builtins.exec(source, globals, locals)


def uninstall() -> None:
    """`dataclasses` compiles every text again (for tests)."""
    global _installed, _new
    import dataclasses

    dataclasses.__dict__.pop("exec", None)
    _codes.clear()
    _used.clear()
    _installed, _new = None, False


def save() -> None:
    """Keep what was compiled in this run for the next ones (nothing to do when nothing was)."""
    if _installed is None or not _new:
        return
    from someplan.store.atomic import atomic_write

    kept = _codes if len(_codes) <= MAX_KEPT else {source: _codes[source] for source in _used}
    try:  # a cache only: no fsync, and a file a crash left short is compiled again
        _installed.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(_installed, marshal.dumps((_interpreter(), kept)), durable=False)
    except (OSError, ValueError):
        pass
