"""`someplan status [PATH] [--json]` is read without argparse, exactly as argparse reads it; any
other command line is argparse's."""

import contextlib
import io
import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from someplan.cli import build_parser
from someplan.cli.status import quick_args

WORDS = st.sampled_from(["--json", "ws", "my plan", "-w", "--week", "48", "--date", "--js", "--json=1", "-", "", "--",
                         "-x", "--help", "-h", "=x", "ws2", "-1", "--workspace=ws", "status", "~/plan", "--JSON"])  # fmt: skip


def _argparse(argv: list[str]):
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return vars(build_parser("status").parse_args(argv))
        except SystemExit:
            return None


@given(st.lists(WORDS, max_size=4))
def test_what_is_read_without_argparse_is_what_argparse_reads(words):
    argv = ["status", *words]
    quick = quick_args(argv)
    if quick is not None:
        assert vars(quick) == _argparse(argv)


def test_the_usual_command_lines_are_read_without_argparse():
    for words in ([], ["ws"], ["--json"], ["ws", "--json"], ["--json", "~/Dropbox/plan"], ["--json", "--json"]):
        assert quick_args(["status", *words]) is not None
    for words in (["--help"], ["-w", "ws"], ["--week", "48"], ["ws", "ws2"], ["--js"], ["-"]):
        assert quick_args(["status", *words]) is None
    assert quick_args(["list"]) is None and quick_args([]) is None


def test_a_quick_status_imports_no_argparse(someplan, ws):
    someplan("status", ws)
    for argv in (["status", ws], ["status", ws, "--json"]):
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "someplan", *argv], capture_output=True, text=True,
                              env=os.environ.copy())  # fmt: skip
        assert done.returncode == 0, done.stderr
        imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
        assert "someplan.cli.status" in imported and "argparse" not in imported
