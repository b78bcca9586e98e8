import json
import subprocess
import sys

import pytest

from someplan.cli import main


class Run:
    def __init__(self, capsys):
        self.capsys = capsys

    def __call__(self, *args: str, code: int = 0) -> str:
        result = main(list(args))
        out, err = self.capsys.readouterr()
        assert result == code, (args, out, err)
        self.err = err
        return out

    def json(self, *args: str):
        return json.loads(self(*args))


@pytest.fixture
def someplan(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # derived values and holidays: not the real cache
    monkeypatch.setenv("SOMEPLAN_TODAY", "2026-11-18")
    monkeypatch.delenv("SOMEPLAN_WORKSPACE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    return Run(capsys)


@pytest.fixture
def ws(someplan, tmp_path):
    path = tmp_path / "ws"
    someplan("init", str(path), "--name", "Solvik")
    return str(path)


def run_process(*args, env=None):
    return subprocess.run([sys.executable, "-m", "someplan", *args], capture_output=True, text=True, env=env)
