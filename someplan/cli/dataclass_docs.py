"""The docstring `dataclasses` writes for a record class that has none, without importing `inspect`.

`dataclasses` imports `inspect` for one line: a class without a docstring gets its name and
`str(inspect.signature(cls))` as one. `inspect` brings `ast`, `dis` and `tokenize` along, a tenth
of a quick `someplan status`'s instructions. A quick status therefore imports `dataclasses` with
this module standing in for `inspect` (`imported_without_inspect`): for a plain class whose
`__init__` is the function `dataclasses` just wrote, `signature` formats the text as `inspect`
does (`Signature.__str__`, `Parameter.__str__`, `formatannotation`); anything else, or any other
name asked of it, goes to the real `inspect`, imported then. Held to `inspect`'s text by
tests/cli/test_dataclass_docs.py, for every record class of someplan and the odd cases.
"""

from __future__ import annotations

import sys
import types
from typing import Any

_VARIABLE = 0x04 | 0x08  # CO_VARARGS | CO_VARKEYWORDS: *args, **kwargs


class _Text:
    """What `str()` makes of `inspect.signature(cls)`, already made."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


def _annotation(value: object) -> str | None:
    """`inspect.formatannotation(value)`, step by step; None for an annotation of `typing`'s,
    whose text inspect rewrites."""
    if getattr(value, "__module__", None) == "typing":
        return None
    if isinstance(value, types.GenericAlias):
        return str(value)
    if isinstance(value, type):
        return value.__qualname__ if value.__module__ == "builtins" else f"{value.__module__}.{value.__qualname__}"
    return repr(value)


def signature_text(cls: type) -> str | None:
    """`str(inspect.signature(cls))` for a plain class with a plain `__init__` of its own; None
    where `inspect` might see more (a metaclass, `__new__`, a wrapper, `*args`, odd annotations)."""
    init = cls.__dict__.get("__init__")
    if (
        type(cls) is not type
        or type(init) is not types.FunctionType
        or "__new__" in cls.__dict__
        or any(hasattr(thing, name) for thing in (cls, init) for name in ("__signature__", "__wrapped__", "_partialmethod"))
    ):
        return None
    code = init.__code__
    if code.co_flags & _VARIABLE or code.co_posonlyargcount or code.co_argcount < 1:
        return None
    positional, keyword_only = code.co_argcount, code.co_kwonlyargcount
    names = code.co_varnames[: positional + keyword_only]
    annotations = init.__annotations__
    defaults = init.__defaults__ or ()
    keyword_defaults = init.__kwdefaults__ or {}
    first_default = positional - len(defaults)
    parts = []
    for index, name in enumerate(names):
        if index == 0:
            continue  # self: bound away, as inspect.signature does for a class
        if index == positional:
            parts.append("*")
        part = name
        annotated = name in annotations
        if annotated:
            shown = _annotation(annotations[name])
            if shown is None:
                return None
            part = f"{name}: {shown}"
        if index < positional:
            has_default, default = index >= first_default, defaults[index - first_default] if index >= first_default else None
        else:
            has_default, default = name in keyword_defaults, keyword_defaults.get(name)
        if has_default:
            part += f" = {default!r}" if annotated else f"={default!r}"
        parts.append(part)
    text = f"({', '.join(parts)})"
    if "return" in annotations:
        shown = _annotation(annotations["return"])
        if shown is None:
            return None
        text += f" -> {shown}"
    return text


class _StandIn(types.ModuleType):
    """`inspect` as `dataclasses` sees it: `signature` made here where it can be, the real
    module for anything else."""

    def signature(self, obj: Any, *args: Any, **kwargs: Any) -> Any:
        text = signature_text(obj) if isinstance(obj, type) and not args and not kwargs else None
        if text is None:
            return _real().signature(obj, *args, **kwargs)
        return _Text(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(_real(), name)


def _real() -> types.ModuleType:
    import inspect

    return inspect


def imported_without_inspect() -> types.ModuleType:
    """`dataclasses`, imported with the stand-in as its `inspect` when neither is imported yet;
    every other module still imports the real `inspect` (the stand-in is in `sys.modules` only
    while `dataclasses` is imported)."""
    if "dataclasses" in sys.modules or "inspect" in sys.modules:
        import dataclasses

        return dataclasses
    stand_in = _StandIn("inspect", __doc__)
    sys.modules["inspect"] = stand_in
    try:
        import dataclasses
    finally:
        if sys.modules.get("inspect") is stand_in:
            del sys.modules["inspect"]
    return dataclasses
