"""The planner draws on a terminal: started without one (`someplan WORKSPACE | cat`), it says so
in one line and exits 2 instead of drawing into the pipe's neighbour and waiting for keys."""

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "sample_workspace"


def run_planner(tmp_path, piped: str) -> tuple[int, bytes, str]:
    """The planner with stdin, stdout and stderr on a terminal, except `piped`, which is a pipe."""
    workspace = tmp_path / "sample"
    shutil.copytree(SAMPLE, workspace)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "TERM": "xterm-256color"}  # fmt: skip
    master, terminal = pty.openpty()
    streams = {"stdin": terminal, "stdout": terminal, "stderr": terminal, piped: subprocess.PIPE}
    try:
        done = subprocess.run([sys.executable, "-m", "someplan", str(workspace)], env=env, timeout=30, **streams)
    finally:
        os.close(terminal)
    said = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: every writer has closed the terminal
            break
        if not chunk:
            break
        said += chunk
    os.close(master)
    piped_out = done.stdout if piped == "stdout" else done.stderr if piped == "stderr" else b""
    text = said.decode() + (piped_out.decode() if piped == "stderr" else "")
    return done.returncode, done.stdout or b"", text


@pytest.mark.parametrize("piped", ["stdout", "stdin", "stderr"])
def test_the_planner_without_a_terminal_exits_2_with_one_line(tmp_path, piped):
    code, stdout, said = run_planner(tmp_path, piped)
    assert code == 2
    assert stdout == b"" or piped != "stdout"  # nothing drawn into the pipe
    lines = [line for line in said.splitlines() if line.strip()]
    assert len(lines) == 1 and "terminal" in lines[0] and "\x1b" not in said, said
