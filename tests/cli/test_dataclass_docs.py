"""A quick status imports `dataclasses` without `inspect` (cli/dataclass_docs.py): the docstrings
it writes for record classes are still exactly those `inspect` would give."""

import dataclasses
import enum
import inspect
import json
import os
import subprocess
import sys
import typing

import pytest

from someplan.cli.dataclass_docs import signature_text

_DOCS_OF_EVERY_RECORD = """
import json, pkgutil, sys, importlib
if sys.argv[1] == "stand-in":
    from someplan.cli.dataclass_docs import imported_without_inspect
    imported_without_inspect()
    assert "inspect" not in sys.modules
import someplan
docs = {}
for found in pkgutil.walk_packages(someplan.__path__, "someplan."):
    if ".tui" in found.name or found.name.endswith("__main__"):
        continue  # the planner's widgets: Textual's own classes, and slow to import
    module = importlib.import_module(found.name)
    for name, value in vars(module).items():
        if isinstance(value, type) and dataclasses_ok(value) and value.__module__ == module.__name__:
            docs[f"{module.__name__}.{value.__qualname__}"] = value.__doc__
print(json.dumps(docs, sort_keys=True))
"""


def _docs(how: str) -> dict[str, str]:
    code = "def dataclasses_ok(c):\n    return '__dataclass_fields__' in c.__dict__\n" + _DOCS_OF_EVERY_RECORD
    done = subprocess.run([sys.executable, "-c", code, how], capture_output=True, text=True, env=os.environ.copy())
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_record_class_gets_the_docstring_inspect_gives_it():
    with_inspect, stand_in = _docs("inspect"), _docs("stand-in")
    assert len(with_inspect) > 100
    assert stand_in == with_inspect


class Colour(enum.Enum):
    RED = "red"


@dataclasses.dataclass
class Plain:
    name: str
    count: int = 3
    colour: Colour = Colour.RED
    tags: list = dataclasses.field(default_factory=list)
    hidden: int = dataclasses.field(default=0, init=False)
    kept: typing.ClassVar[int] = 1


@dataclasses.dataclass(kw_only=True, frozen=True, slots=True)
class KeywordOnly:
    first: "int"
    second: typing.Optional[str] = None  # noqa: UP045 - typing's own annotation, on purpose
    third: list[int] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Mixed:
    a: int
    _: dataclasses.KW_ONLY
    b: str = "x"
    c: dict[str, int] | None = None


@dataclasses.dataclass
class Child(Plain):
    extra: "Colour | None" = None


@dataclasses.dataclass
class WithInitVar:
    base: dataclasses.InitVar[int] = 1
    other: float = 0.5

    def __post_init__(self, base: int) -> None:
        pass


class Meta(type):
    def __call__(cls, *args, **kwargs):
        return super().__call__(*args, **kwargs)


@dataclasses.dataclass
class WithMetaclass(metaclass=Meta):
    value: int = 0


@dataclasses.dataclass
class WithNew:
    value: int = 0

    def __new__(cls, *args, **kwargs):
        return super().__new__(cls)


@pytest.mark.parametrize("cls", [Plain, KeywordOnly, Mixed, Child, WithInitVar, WithMetaclass, WithNew])
def test_the_text_is_inspects_or_none(cls):
    text = signature_text(cls)
    assert text is None or text == str(inspect.signature(cls))


def test_the_plain_cases_are_made_here():
    for cls in (Plain, Mixed, Child):
        assert signature_text(cls) == str(inspect.signature(cls))
    assert signature_text(WithMetaclass) is None and signature_text(WithNew) is None


def test_a_quick_status_imports_no_inspect(someplan, ws):
    someplan("status", ws)
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "someplan", "status", ws], capture_output=True, text=True,
                          env=os.environ.copy())  # fmt: skip
    assert done.returncode == 0, done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "dataclasses" in imported
    assert not imported & {"inspect", "ast", "dis", "tokenize"}
