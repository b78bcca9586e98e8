"""Issue 16's command-line bugs: usage errors exit 2, piped lists keep whole ids, the doctor
says whether the workspace can be written, and a narrow status keeps its times."""

import re
import subprocess
import sys

import pytest

from tests.cli.test_status import _add, _env


def usage_error(someplan, *args: str) -> str:
    with pytest.raises(SystemExit) as stop:
        someplan(*args)
    assert stop.value.code == 2
    return someplan.capsys.readouterr().err


def test_an_unknown_export_format_is_a_usage_error(someplan, ws):
    err = usage_error(someplan, "export", "pdf", "-w", ws)
    assert "pdf" in err and "ics" in err


def test_figures_of_no_weeks_is_a_usage_error(someplan, ws):
    for weeks in ("0", "521", "many"):
        assert "--weeks" in usage_error(someplan, "figures", "--weeks", weeks, "-w", ws)
    someplan("figures", "--weeks", "520", "-w", ws)


def test_piped_campaign_list_keeps_whole_ids(someplan, ws, tmp_path):
    someplan("campaign", "add", "Julebordsesongen med et langt navn", "--start", "13.11.2026", "--end", "19.12.2026", "-w", ws)
    campaign_id = someplan.json("campaign", "list", "--json", "-w", ws)[0]["id"]
    piped = subprocess.run([sys.executable, "-m", "someplan", "campaign", "list", "-w", ws], capture_output=True, text=True,
                           env=_env(tmp_path, COLUMNS="50"))  # fmt: skip
    assert piped.returncode == 0
    assert piped.stdout.splitlines()[0].split("\t")[-1] == campaign_id
    assert "Julebordsesongen med et langt navn" in piped.stdout


def test_doctor_says_a_writable_workspace_is_writable(someplan, ws, tmp_path):
    assert someplan.json("doctor", "--json", "-w", ws)["writable"] is True
    devices = tmp_path / "ws" / "devices"
    devices.chmod(0o555)
    try:
        import os

        if os.access(devices, os.W_OK):  # root writes anyway: nothing to say about it here
            return
        assert someplan.json("doctor", "--json", "-w", ws)["writable"] is False
    finally:
        devices.chmod(0o755)


def test_a_narrow_status_keeps_every_time_whole(someplan, ws, tmp_path):
    _add(someplan, ws, "Kari i resepsjonen forteller om julebordet", "2026-11-18", "09:30", category="ansatte")
    _add(someplan, ws, "Kveldsmeny", "2026-11-18", "18:45", channel="instagram", category="produkt", status="ready")
    for columns in ("50", "60"):
        out = subprocess.run([sys.executable, "-m", "someplan", "status", ws], capture_output=True, text=True,
                             env=_env(tmp_path, COLUMNS=columns, NO_COLOR="1")).stdout  # fmt: skip
        assert max(len(line) for line in out.splitlines()) <= int(columns)
        rows = [line for line in out.splitlines() if re.search(r"\d\d:\d\d", line)]
        assert any("09:30" in row and "Kari i" in row for row in rows), out
        assert any("18:45" in row and "Kveldsmeny" in row and "ready" in row for row in rows), out


def test_hours_weeks_out_of_range_is_a_usage_error_like_figures(someplan, ws):
    for weeks in ("0", "54", "many"):
        err = usage_error(someplan, "hours", "--weeks", weeks, "-w", ws)
        assert "--weeks" in err and f"a whole number from 1 to 53, not '{weeks}'" in err
