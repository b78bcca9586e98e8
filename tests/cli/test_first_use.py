"""What a new user tripped over on the command line (issue 17): names in `show`, ids that stay
unique when shortened, `list` in a pipe, `doctor`'s exit code, output in a narrow encoding,
`someplan -w PATH`, the demo that keeps its folder."""

import json
import os
import re
import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "sample_workspace"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def sample(someplan, tmp_path):
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    return str(target)


def a_post(someplan, ws, title="Kari i resepsjonen", **options):
    args = {"--date": "2026-11-24", "--time": "09:30", "--channel": "facebook", "--category": "ansatte", **options}
    return someplan("add", title, *[part for pair in args.items() for part in pair], "-w", ws).strip()


# -- item 9: names first -----------------------------------------------------------------------


def test_show_names_the_channel_and_category_and_json_keeps_the_ids_beside(someplan, ws):
    pid = a_post(someplan, ws)
    doc = someplan.json("show", pid, "--json", "-w", ws)
    channels = {c["name"]: c["id"] for c in someplan.json("channel", "list", "--json", "-w", ws)}
    assert doc["channel"] == "Facebook" and doc["channel_id"] == channels["Facebook"]
    assert doc["category"] == "ansatte" and doc["category_id"]
    assert doc["channel"] == someplan.json("list", "--json", "-w", ws)[0]["channel"]  # as `list --json` has it
    text = someplan("show", pid, "-w", ws)
    assert "Facebook" in text and channels["Facebook"] not in text and doc["category_id"] not in text


# -- items 10 and 11: short ids on a terminal, whole lines in a pipe ---------------------------


def batch_of_three(someplan, ws):
    """Three posts whose ids share all but their last characters, as a batch's drafts do."""
    from unittest import mock

    import someplan.services.planning as planning

    ids = iter(["01m823v2rm146smv5hazdpkjdv", "01m823v2rm146smv5hazdpkjdw", "01m823v2rm146smv5hazdpkjdx"])
    with mock.patch.object(planning, "new_record_id", lambda: next(ids)):
        return [a_post(someplan, ws, f"Utkast {n}") for n in range(3)]


def test_on_a_terminal_each_shortened_id_is_unique_and_works(someplan, ws, monkeypatch):
    drafts = batch_of_three(someplan, ws)
    other = a_post(someplan, ws, "En annen")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # a terminal, as far as Rich is concerned
    table = ANSI.sub("", someplan("list", "-w", ws))
    shown = [line.split()[0] for line in table.splitlines()[1:]]
    assert sorted(shown) == sorted([*drafts, other[:8]])  # the drafts need all 26 characters
    for short in shown:
        assert someplan.json("show", short, "--json", "-w", ws)["id"].startswith(short)
    assert "…" not in table


def test_in_a_pipe_list_is_one_line_per_post_with_whole_ids(someplan, ws):
    long_title = "Jul på Solvik: [bold red]ikke markup[/bold red] " + "og en lang tittel " * 8
    pid = a_post(someplan, ws, long_title)
    a_post(someplan, ws, "Linje 1\nlinje 2", **{"--date": "2026-11-25"})
    lines = someplan("list", "-w", ws).splitlines()
    assert len(lines) == 2 and "\t" in lines[0]
    assert lines[0].split("\t") == [pid, "2026-11-24", "09:30", "Facebook", "ansatte", "idea", long_title]
    assert "Linje 1\\x0alinje 2" in lines[1]


# -- item 12: doctor's exit code ---------------------------------------------------------------


def test_doctor_exits_1_when_it_lists_errors_and_0_for_warnings_only(someplan, ws):
    someplan("doctor", "-w", ws)
    device = next(Path(ws).glob("devices/*/device.json")).parent
    (device / "000098.jsonl").write_bytes(b"")  # a warning: an empty segment, still syncing?
    someplan("doctor", "-w", ws)
    (device / "000099.jsonl").write_bytes(b"garbage\n")  # an error
    out = someplan("doctor", "-w", ws, code=1)
    assert "unreadable lines" in out
    report = json.loads(someplan("doctor", "-w", ws, "--json", code=1))
    assert any(p["severity"] == "error" for p in report["problems"])


# -- item 14: a terminal that cannot show every character --------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "iso-8859-1"])
def test_status_prints_with_replacements_in_a_narrow_encoding(sample, encoding):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": encoding}  # an old nb_NO.ISO-8859-1 server over SSH
    for args in (("status", sample), ("list", "-w", sample, "--week", "48"), ("assets", "-w", sample)):
        done = subprocess.run([sys.executable, "-m", "someplan", *args], capture_output=True, env=env)
        assert done.returncode == 0 and done.stderr == b"", (args, done.stderr)
        assert "Fjordhotellet Solvik" in done.stdout.decode(encoding) or args[0] != "status"
    data = subprocess.run([sys.executable, "-m", "someplan", "list", "-w", sample, "--json"], capture_output=True, env=env)
    titles = [post["title"] for post in json.loads(data.stdout.decode(encoding))]
    assert "1. søndag i advent: det første lyset er tent" in titles  # escaped in JSON, never "?"


# -- item 22: the planner with -w ---------------------------------------------------------------


def test_the_planner_takes_w_like_every_command(someplan, sample, monkeypatch):
    import someplan.cli as cli

    opened = []
    monkeypatch.setattr("someplan.tui.app.SomeplanApp.run", lambda self: opened.append(self.catalog.workspace.root))
    monkeypatch.setattr("someplan.cli.workspace.has_terminal", lambda: True)  # pytest holds stdout
    assert cli.main(["-w", sample]) == 0
    assert cli.main(["--workspace", sample]) == 0
    assert cli.main(["open", "-w", sample]) == 0
    assert [str(p) for p in opened] == [sample] * 3


# -- item 18: the demo keeps its folder ---------------------------------------------------------


def test_the_demo_is_kept_and_fresh_starts_over(someplan, tmp_path, monkeypatch):
    path = someplan("demo", "--path-only").strip()
    assert str(tmp_path / "state") in path
    pid = someplan.json("list", "--json", "-w", path)[0]["id"]
    someplan("rm", pid, "-w", path)
    assert someplan("demo", "--path-only").strip() == path
    assert pid not in [p["id"] for p in someplan.json("list", "--json", "-w", path)]  # the deletion is kept
    assert someplan("demo", "--path-only", "--fresh").strip() == path
    assert someplan.json("list", "--json", "-w", path)[0]["id"] == pid  # started over

    notices = []
    monkeypatch.setattr("someplan.tui.app.SomeplanApp.run", lambda self: notices.append(self._notice))
    monkeypatch.setattr("someplan.cli.workspace.has_terminal", lambda: True)  # pytest holds stdout
    someplan("demo")
    assert path in someplan.err and "--fresh" in someplan.err
    assert notices and path in notices[0]


# -- a reader that stops early (`someplan status | head -1`) --------------------------------------


@pytest.mark.parametrize("command", ["status", "figures", "assets", "list"])
def test_a_closed_pipe_ends_the_command_quietly_with_0(sample, command):
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first line: every write meets EPIPE
    try:
        args = [sample] if command == "status" else ["-w", sample]
        done = subprocess.run([sys.executable, "-m", "someplan", command, *args], stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, b"")
