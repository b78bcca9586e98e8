"""This user's folders are found in one place, store.user_dirs, and follow $XDG_*_HOME."""

import ast
from pathlib import Path

from someplan.store import user_dirs

SOURCE = Path(user_dirs.__file__).resolve().parents[1]


def test_the_folders_follow_the_xdg_variables(monkeypatch, tmp_path):
    for name in ("CONFIG", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    assert user_dirs.config_dir() == tmp_path / "config" / "someplan"
    assert user_dirs.state_dir() == tmp_path / "state" / "someplan"
    assert user_dirs.cache_dir() == tmp_path / "cache" / "someplan"


def test_no_other_module_finds_them_its_own_way():
    others = []
    for path in sorted(SOURCE.rglob("*.py")):
        if path == Path(user_dirs.__file__).resolve():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(name.split(".")[0] == "platformdirs" for name in names):
                others.append(str(path.relative_to(SOURCE)))
    assert others == []


def test_on_linux_they_are_platformdirs_own_answers_without_importing_it(monkeypatch, tmp_path):
    import subprocess
    import sys

    import platformdirs
    import pytest

    if sys.platform != "linux":
        pytest.skip("the shortcut is Linux's")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for xdg in (True, False):
        for name in ("CONFIG", "STATE", "CACHE"):
            if xdg:
                monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
            else:
                monkeypatch.delenv(f"XDG_{name}_HOME", raising=False)
        assert user_dirs.config_dir() == Path(platformdirs.user_config_dir("someplan", appauthor=False))
        assert user_dirs.state_dir() == Path(platformdirs.user_state_dir("someplan", appauthor=False))
        assert user_dirs.cache_dir() == Path(platformdirs.user_cache_dir("someplan", appauthor=False))
    code = "import sys\nfrom someplan.store import user_dirs\nuser_dirs.state_dir()\nprint('platformdirs' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
