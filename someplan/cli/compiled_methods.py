"""The methods `dataclasses` writes for each record class, compiled once per machine instead of
on every start of a quick `someplan status`.

`@dataclass` makes `__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__` … of a class by
writing their source and passing it to `exec`: Python parses and compiles that text anew in
every process, like a module without its `.pyc`. The four dozen records status imports cost it a
third of its instructions that way. Python keeps no cache for such text, so this keeps one: the
code objects by their exact source, in a file in the user's cache dir (never in a workspace) for
this very interpreter, read at the start and written again when a class's source was new. Each
code object is kept in the file as its own marshalled bytes, decoded when its text is first asked
for: the planner's file holds a thousand methods, its screens' among them, and decoding all of
them (~5 ms) cost its first frame more than the few hundred it runs before that.

It works by giving the `dataclasses` module an `exec` of its own (a module global comes before the
builtin), which looks the text up and runs the kept code object in the globals and locals given,
as `exec` would; anything else is passed to the builtin. Code compiled from the same text by the
same interpreter is the same code, so a class behaves exactly as without this. A file that is
missing, damaged or from another interpreter is simply compiled again. `collections` gets an
`eval` (a namedtuple's `__new__`) and `typing` a `compile` (each field type of a NamedTuple
becomes a ForwardRef, compiled) the same way: a warm quick status compiles no text at all.

The regular expressions the modules compile as they are imported (~40, a twentieth of the time)
are kept the same way: what `re`'s compiler hands to `_sre.compile` for a pattern (its flags,
program, groups), by the pattern's text and flags, and given to `_sre.compile` again, as
`re._compiler.compile` does; a pattern object made so compares equal to the one `re` makes (the
same program), which the tests check for every pattern a status compiles.
"""

from __future__ import annotations

import builtins
import collections
import marshal
import sys
import typing
from pathlib import Path
from types import CodeType
from typing import Any

# source -> its code, or the code's marshalled bytes as read from the file (decoded when asked for)
_codes: dict[str, CodeType | bytes] = {}
_used: set[str] = set()
# (pattern, flags) -> the rest of the arguments `re._compiler.compile` passes to `_sre.compile`,
# or their marshalled bytes as read
_patterns: dict[tuple[str | bytes, int], tuple[Any, ...] | bytes] = {}
_used_patterns: set[tuple[str | bytes, int]] = set()
_new = False
_installed: Path | None = None

MAX_KEPT = 2000  # code objects kept from earlier runs beyond this one's (a few upgrades' worth)


def _cache_file(kind: str = "status") -> Path:
    """One file per kind of process: the planner's (a thousand classes' code, its screens' too,
    ~13 ms to read) would cost a quick status more than its own few hundred save it."""
    from someplan.store.user_dirs import cache_dir

    return cache_dir() / f"dataclass-methods-{kind}-{sys.implementation.cache_tag}.bin"


def _interpreter() -> str:
    return f"{sys.implementation.name} {sys.hexversion:x} {sys.implementation.cache_tag} lazy"


def install(kind: str = "status") -> None:
    """From now on, `dataclasses` runs kept code where it has compiled the same text before (in a
    process of this `kind`: "status" or "planner")."""
    global _installed
    from someplan.cli.dataclass_docs import imported_without_inspect

    dataclasses = imported_without_inspect()  # the quick status has no other use for inspect
    if _installed is not None:
        return
    path = _cache_file(kind)
    try:
        kept = marshal.loads(path.read_bytes())
        if isinstance(kept, tuple) and len(kept) == 3 and kept[0] == _interpreter() and isinstance(kept[1], dict):
            _codes.update((k, v) for k, v in kept[1].items() if isinstance(k, str) and isinstance(v, bytes))
            if isinstance(kept[2], dict):
                _patterns.update((k, v) for k, v in kept[2].items() if isinstance(v, bytes))
    except (OSError, ValueError, EOFError, TypeError):
        pass  # none yet, or damaged: compiled again, then kept
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    collections.eval = _eval  # type: ignore[attr-defined]
    typing.compile = _compile  # type: ignore[attr-defined]
    _keep_patterns()
    _installed = path


def _keep_patterns() -> None:
    import re

    compiler = re._compiler  # type: ignore[attr-defined]
    parse, code_of, real = compiler._parser.parse, getattr(compiler, "_code", None), compiler.compile
    make = compiler._sre.compile
    if code_of is None or getattr(real, "__module__", None) != compiler.__name__:
        return  # another interpreter's re, or kept already

    def compile(pattern: Any, flags: int = 0) -> Any:
        global _new
        if not isinstance(pattern, str | bytes) or flags & compiler.SRE_FLAG_DEBUG:
            return real(pattern, flags)
        key = (pattern, flags)
        arguments = _patterns.get(key)
        if arguments is not None:
            try:
                if isinstance(arguments, bytes):
                    arguments = _patterns[key] = marshal.loads(arguments)
                found = make(pattern, *arguments)
                _used_patterns.add(key)
                return found
            except (TypeError, ValueError, RuntimeError, EOFError):
                del _patterns[key]  # not what _sre takes: made again below
        parsed = parse(pattern, flags)  # re._compiler.compile's steps, keeping what it passes on
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = [int(c) for c in code_of(parsed, flags)]  # plain ints: re's opcodes are an int subclass
        arguments = (flags | parsed.state.flags, program, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
        found = make(pattern, *arguments)
        _patterns[key], _new = arguments, True
        _used_patterns.add(key)
        return found

    compile.__module__ = __name__
    compile.real = real  # type: ignore[attr-defined]
    compiler.compile = compile


def _kept(source: str, filename: str, mode: str) -> CodeType:
    global _new
    key = source if mode == "exec" and filename == "<string>" else f"\0{mode}\0{filename}\0{source}"
    code = _codes.get(key)
    if isinstance(code, bytes):
        try:
            code = marshal.loads(code)
        except (ValueError, EOFError, TypeError):
            code = None
        if not isinstance(code, CodeType):
            code = None  # damaged: compiled again below
        else:
            _codes[key] = code
    if code is None:
        # As the callers compile it: no future flags (theirs have none; this module's annotations are not theirs).
        code = _codes[key] = compile(source, filename, mode, dont_inherit=True)
        _new = True
    _used.add(key)
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """`exec` for dataclasses."""
    builtins.exec(_kept(source, "<string>", "exec") if isinstance(source, str) else source, globals, locals)


def _eval(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
    """`eval` for collections (namedtuple's `__new__`): a text stripped of leading blanks as eval strips it."""
    if isinstance(source, str):
        source = _kept(source.lstrip(" \t"), "<string>", "eval")
    return builtins.eval(source, globals, locals)


def _compile(source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False, optimize: int = -1) -> Any:
    """`compile` for typing (a NamedTuple's field types become ForwardRefs, each compiled)."""
    if isinstance(source, str) and isinstance(filename, str) and flags == 0 and optimize == -1:
        return _kept(source, filename, mode)
    return builtins.compile(source, filename, mode, flags, dont_inherit, optimize)


def uninstall() -> None:
    """`dataclasses` and `re` compile every text again (for tests)."""
    global _installed, _new
    import dataclasses
    import re

    dataclasses.__dict__.pop("exec", None)
    collections.__dict__.pop("eval", None)
    typing.__dict__.pop("compile", None)
    compiler = re._compiler  # type: ignore[attr-defined]
    compiler.compile = getattr(compiler.compile, "real", compiler.compile)
    _codes.clear()
    _used.clear()
    _patterns.clear()
    _used_patterns.clear()
    _installed, _new = None, False


def _as_bytes(value: Any) -> bytes:
    return value if isinstance(value, bytes) else marshal.dumps(value)


def save() -> None:
    """Keep what was compiled in this run for the next ones (nothing to do when nothing was).
    May run on a thread while classes are made on another: it writes copies."""
    global _new
    if _installed is None or not _new:
        return
    from someplan.store.atomic import atomic_write

    _new = False  # what is compiled from here on is new again
    codes, used = dict(_codes), set(_used)
    kept = codes if len(codes) <= MAX_KEPT else {source: codes[source] for source in used if source in codes}
    patterns, used_patterns = dict(_patterns), set(_used_patterns)
    if len(patterns) > MAX_KEPT:
        patterns = {key: patterns[key] for key in used_patterns if key in patterns}
    kept = {source: _as_bytes(code) for source, code in kept.items()}
    patterns = {key: _as_bytes(arguments) for key, arguments in patterns.items()}
    try:  # a cache only: no fsync, and a file a crash left short is compiled again
        _installed.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(_installed, marshal.dumps((_interpreter(), kept, patterns)), durable=False)
    except (OSError, ValueError):
        pass
