"""`someplan [PATH]` (the planner's usual start, `open [PATH]`) is read without argparse, exactly
as argparse reads it; any other command line is argparse's."""

import contextlib
import io
import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from someplan.cli import _quick_args, build_parser
from someplan.cli.workspace import quick_args

WORDS = st.sampled_from(["ws", "my plan", "-w", "--workspace", "--workspace=ws", "-wws", "-", "", "--", "-x", "--help",
                         "-h", "=x", "ws2", "-1", "open", "~/plan", "status", "--json", "--version"])  # fmt: skip


def _argparse(argv: list[str]):
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return vars(build_parser("open").parse_args(argv))
        except SystemExit:
            return None


@given(st.lists(WORDS, max_size=4))
def test_what_is_read_without_argparse_is_what_argparse_reads(words):
    argv = ["open", *words]
    quick = quick_args(argv)
    if quick is not None:
        assert vars(quick) == _argparse(argv)


def test_the_usual_command_lines_are_read_without_argparse():
    for words in ([], ["ws"], ["~/Dropbox/plan"], ["my plan"]):
        assert _quick_args(["open", *words]) is not None
    for words in (["--help"], ["-w", "ws"], ["--workspace=ws"], ["ws", "ws2"], ["-"], [""], ["--"]):
        assert _quick_args(["open", *words]) is None
    assert _quick_args(["list"]) is None and _quick_args([]) is None


def test_the_planner_reads_its_command_line_without_importing_argparse(ws):
    # No terminal here: the planner says so and stops, after its command line was read.
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "someplan", ws], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=os.environ.copy())  # fmt: skip
    assert done.returncode == 2 and "needs a terminal" in done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "someplan.cli.workspace" in imported and "argparse" not in imported
