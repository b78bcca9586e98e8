"""`someplan search TERMS [--json]` (issue 16.3): the matches of every week."""

import subprocess
import sys

import pytest

from tests.cli.test_status import _add, _env


@pytest.fixture
def two_weeks(someplan, ws):
    first = _add(someplan, ws, "Julebord i kantina", "2026-11-18", "12:00", category="ansatte", status="draft")
    second = _add(someplan, ws, "Julemeny", "2027-01-05", "18:00", channel="instagram", category="produkt")
    _add(someplan, ws, "Frokost", "2026-11-19")
    return first, second


def test_search_lists_the_matches_of_every_week(someplan, ws, two_weeks):
    first, second = two_weeks
    found = someplan.json("search", "jul", "--json", "-w", ws)
    assert [(f["id"], f["week"], f["date"], f["time"], f["channel"]) for f in found] == [
        (first, "2026-W47", "2026-11-18", "12:00", "Facebook"),
        (second, "2027-W01", "2027-01-05", "18:00", "Instagram"),
    ]
    assert [f["id"] for f in someplan.json("search", "jul", "status:utkast", "--json", "-w", ws)] == [first]
    lines = someplan("search", "kanal:instagram", "-w", ws).splitlines()  # a pipe: whole ids, tab-separated
    assert [line.split("\t")[0] for line in lines] == [second]
    assert lines[0].split("\t")[1:4] == ["week 1", "Tue 5 Jan 2027", "18:00"]


def test_an_unknown_value_is_a_one_line_error_not_an_empty_result(someplan, ws, two_weeks):
    someplan("search", "status:ferdig", "-w", ws, code=1)
    assert someplan.err.count("\n") == 1 and "unknown status 'ferdig'" in someplan.err and "draft" in someplan.err
    someplan("search", "farge:rød", "-w", ws, code=1)
    assert "channel:" in someplan.err


def test_a_terminal_gets_a_table_and_says_when_nothing_matches(someplan, ws, two_weeks, tmp_path):
    env = _env(tmp_path, TTY_COMPATIBLE="1", NO_COLOR="1", COLUMNS="100")
    run = subprocess.run([sys.executable, "-m", "someplan", "search", "zzz", "-w", ws], capture_output=True, text=True, env=env)
    assert run.returncode == 0 and "no posts match zzz" in run.stdout
    run = subprocess.run([sys.executable, "-m", "someplan", "search", "jul", "-w", ws], capture_output=True, text=True, env=env)
    assert "week 47" in run.stdout and "Julebord i kantina" in run.stdout
