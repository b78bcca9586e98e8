"""A quick status runs the methods `dataclasses` writes from code kept per machine, and a class
made that way is exactly the class `dataclasses` makes alone."""

import builtins
import dataclasses
import inspect
import os
import subprocess
import sys

import pytest

from someplan.cli import compiled_methods


@pytest.fixture
def kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    compiled_methods.uninstall()
    yield compiled_methods._cache_file()
    compiled_methods.uninstall()


def _make():
    @dataclasses.dataclass(frozen=True)
    class Record:
        name: str
        count: int = 0
        tags: tuple[str, ...] = dataclasses.field(default=())

    return Record


def _facts(cls):
    one, same, other = cls("a", 2), cls("a", 2), cls("b")
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.count = 3  # type: ignore[misc]
    return (repr(one), one == same, one == other, hash(one) == hash(same), cls.__init__.__annotations__,
            str(inspect.signature(cls)), cls.__match_args__, dataclasses.replace(one, count=5).count)  # fmt: skip


def test_a_class_from_kept_code_is_the_class_dataclasses_makes(kept, monkeypatch):
    alone = _facts(_make())
    assert alone[4] == {"name": str, "count": int, "tags": tuple[str, ...], "return": None}

    compiled_methods.install()
    first = _facts(_make())  # compiled here, and kept
    compiled_methods.save()
    assert kept.is_file()

    compiled_methods.uninstall()
    compiled_methods.install()  # as in the next process: read from the file
    compiled = []
    real_compile = builtins.compile
    monkeypatch.setattr(builtins, "compile", lambda *args, **kwargs: compiled.append(args) or real_compile(*args, **kwargs))
    again = _facts(_make())
    monkeypatch.setattr(builtins, "compile", real_compile)
    assert compiled == []  # nothing compiled: every method came from the file
    assert alone == first == again


def test_only_the_methods_asked_for_are_decoded_and_a_damaged_one_is_compiled_again(kept):
    import types

    compiled_methods.install()
    record = _make()
    compiled_methods.save()
    compiled_methods.uninstall()
    compiled_methods.install()
    assert compiled_methods._codes and all(isinstance(code, bytes) for code in compiled_methods._codes.values())
    init = next(source for source in compiled_methods._codes if "def __repr__(self)" in source)
    compiled_methods._codes[init] = b"\xe9damaged"
    again = _make()
    assert _facts(again) == _facts(record)
    decoded = {source for source, code in compiled_methods._codes.items() if not isinstance(code, bytes)}
    assert init in decoded and decoded <= compiled_methods._used
    assert isinstance(compiled_methods._codes[init], types.CodeType)  # compiled again from its text


@pytest.mark.parametrize("content", [b"", b"garbage", b"\xe9\x00\x00"])
def test_a_damaged_or_foreign_file_is_compiled_again(kept, content):
    import marshal

    kept.parent.mkdir(parents=True)
    for data in (content, marshal.dumps(("another python", {"x": compile("pass", "<string>", "exec")}))):
        kept.write_bytes(data)
        compiled_methods.uninstall()
        compiled_methods.install()
        assert compiled_methods._codes == {}
        assert _facts(_make())[0].endswith("Record(name='a', count=2, tags=())")
        compiled_methods.save()
        compiled_methods.uninstall()
        compiled_methods.install()
        assert compiled_methods._codes  # made again, and readable


def test_a_quick_status_keeps_its_records_methods_and_prints_the_same(ws, tmp_path):
    env = os.environ.copy()
    first = subprocess.run([sys.executable, "-m", "someplan", "status", ws], capture_output=True, text=True, env=env)
    methods = tmp_path / "cache" / "someplan" / f"dataclass-methods-status-{sys.implementation.cache_tag}.bin"
    assert first.returncode == 0 and methods.is_file()
    made = methods.stat().st_mtime_ns
    second = subprocess.run([sys.executable, "-m", "someplan", "status", ws], capture_output=True, text=True, env=env)
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, first.stderr)
    assert methods.stat().st_mtime_ns == made  # nothing new to keep


_STATUS_PATTERNS = """
import re, sys
from someplan.cli import compiled_methods
compiled_methods.install()
import someplan.cli
someplan.cli._run(["status", sys.argv[1]])
compiler = re._compiler
assert compiler.compile is not compiler.compile.real
import marshal
kept = {key: marshal.loads(value) if isinstance(value, bytes) else value for key, value in compiled_methods._patterns.items()}
made = {key: compiler._sre.compile(key[0], *arguments) for key, arguments in kept.items()}
assert all(made[key] == compiler.compile.real(*key) for key in kept)  # equal: the same program
print(len(compiled_methods._used_patterns), int(compiled_methods._new))
compiled_methods.save()
"""


def test_the_patterns_a_status_compiles_are_kept_and_made_as_re_makes_them(someplan, ws):
    runs = [subprocess.run([sys.executable, "-c", _STATUS_PATTERNS, ws], capture_output=True, text=True,
                           env=os.environ.copy()) for _ in range(2)]  # fmt: skip
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    first, second = (tuple(map(int, run.stdout.split()[-2:])) for run in runs)
    assert first == (first[0], 1) and first[0] >= 20  # the patterns modules compile as they are imported, kept
    assert second == (second[0], 0) and second[0] >= 20  # the second run compiled none: all from the file


def test_a_kept_pattern_matches_as_res_own(kept):
    import re

    texts = ["", "uke 48", "2026-11-23", "\x1b[31m", "a\u202eb", "Æøå 12:30", "w48", "#fff", "9.30"]
    patterns = [(r"^(?:(?:uke|week)\.?\s*)?(\d{1,2})$", re.I), (r"(?P<y>\d{4})-(?P<m>\d\d)", 0), (r"[\x00-\x1f\u202e]", 0),
                (rb"^\d+$", 0), (r"(?x) a | b  # spaced", 0)]  # fmt: skip

    def matches():
        return [[(m.span(), m.groups(), m.groupdict()) for t in texts
                 if (m := re.compile(p, f).search(t if isinstance(p, str) else t.encode()))] for p, f in patterns]  # fmt: skip

    expected = matches()
    for _ in range(2):  # compiled and kept, then from the kept arguments
        compiled_methods.install()
        re.purge()
        assert matches() == expected
        assert all((p, f) in compiled_methods._patterns for p, f in patterns)
        compiled_methods.save()
        compiled_methods.uninstall()
    re.purge()


def _tuples():
    import collections
    import typing

    Pair = collections.namedtuple("Pair", "left right", defaults=[0])  # noqa: PYI024 - namedtuple's own path on purpose

    class Row(typing.NamedTuple):
        name: "str"
        tags: "tuple[str, ...]" = ()
        count: "int | None" = None

    return (repr(Pair(1)), Pair(1, 2)._asdict(), Pair._field_defaults, repr(Row("a")), Row("a", ("x",), 2)._replace(count=3),
            Row.__annotations__, [(f.__forward_arg__, f.__forward_code__) for f in Row.__annotations__.values()],
            eval("  1 + 2"))  # fmt: skip


def test_named_tuples_from_kept_code_are_those_python_makes(kept, monkeypatch):
    import collections
    import typing

    alone = _tuples()
    for _ in range(2):  # compiled here and kept, then from the file
        compiled_methods.install()
        assert collections.eval is compiled_methods._eval and typing.compile is compiled_methods._compile
        assert collections.eval("  (1,\t2)") == (1, 2)  # leading blanks stripped, as eval strips them
        assert _tuples() == alone
        compiled_methods.save()
        compiled_methods.uninstall()
    compiled_methods.install()
    real_compile = builtins.compile
    compiled = []
    monkeypatch.setattr(builtins, "compile", lambda *args, **kwargs: compiled.append(args) or real_compile(*args, **kwargs))
    assert _tuples() == alone
    monkeypatch.setattr(builtins, "compile", real_compile)
    assert [args[0] for args in compiled if "Pair" in str(args[0]) or "tuple[str" in str(args[0])] == []


def test_the_planner_process_runs_kept_code_too(kept, monkeypatch, tmp_path):
    """`someplan WORKSPACE` imports Textual's records and ours: their methods are kept as
    status keeps its own; a caller that passes its arguments (a test) is left alone."""
    import someplan.cli as cli

    (tmp_path / "ws").mkdir()
    during = []

    def run(argv):
        during.append((argv, compiled_methods._installed is not None))
        _make()  # a record class made while the planner runs: its methods are kept at the end
        return 0

    monkeypatch.setattr(cli, "_run", run)
    monkeypatch.setattr(sys, "argv", ["someplan", str(tmp_path / "ws")])
    assert cli.main() == 0
    # its own file: the planner's thousand classes would cost a quick status more than they save
    assert during == [(["open", str(tmp_path / "ws")], True)] and not kept.is_file()
    assert compiled_methods._cache_file("planner").is_file()
    compiled_methods.uninstall()
    assert cli.main([str(tmp_path / "ws")]) == 0 and compiled_methods._installed is None
