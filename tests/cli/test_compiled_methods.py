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
    methods = tmp_path / "cache" / "someplan" / f"dataclass-methods-{sys.implementation.cache_tag}.bin"
    assert first.returncode == 0 and methods.is_file()
    made = methods.stat().st_mtime_ns
    second = subprocess.run([sys.executable, "-m", "someplan", "status", ws], capture_output=True, text=True, env=env)
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, first.stderr)
    assert methods.stat().st_mtime_ns == made  # nothing new to keep


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
    assert during == [([str(tmp_path / "ws")], True)] and kept.is_file()
    compiled_methods.uninstall()
    assert cli.main([str(tmp_path / "ws")]) == 0 and compiled_methods._installed is None
