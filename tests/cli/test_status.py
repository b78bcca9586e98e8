import json
import os
import subprocess
import sys

HOSTILE = "[bold]Tilbud[/bold] \x1b[2J\x1b[31mrødt\x07 slutt\r"


def _add(someplan, ws, title, date, time="10:00", channel="facebook", category="kunder", status="idea"):
    return someplan("add", title, "--date", date, "--time", time, "--channel", channel, "--category", category,
                    "--status", status, "-w", ws).strip()  # fmt: skip


def test_status_shows_the_week_day_by_day(someplan, ws, monkeypatch):
    _add(someplan, ws, "Kari i resepsjonen", "2026-11-16", "09:00", category="ansatte", status="published")
    _add(someplan, ws, "Black Friday-tilbud", "2026-11-27", "12:00", channel="instagram", status="scheduled")
    for language, header, friday, monday, scheduled in (
        ("en", "Solvik · week 48 · 23–29 Nov", "Fri 27 Nov", "Mon 23 Nov", "scheduled"),
        ("nb", "Solvik · uke 48 · 23.–29. nov", "fre 27. nov", "man 23. nov", "planlagt"),
    ):
        monkeypatch.setenv("SOMEPLAN_LANG", language)
        out = someplan("status", ws, "--week", "48")
        lines = out.splitlines()
        assert lines[0] == header
        index = lines.index(next(line for line in lines if line.startswith(friday)))
        assert "★ Black Friday" in lines[index]  # the observance day on its day
        post = lines[index + 1]
        assert "12:00" in post and "Instagram" in post and "Black Friday-tilbud" in post and scheduled in post
        assert any(line.startswith(monday) and "—" in line for line in lines)  # empty days are visible
        assert "Facebook 0/3" in out and "Instagram 1/3" in out


def test_status_json_has_the_same_facts(someplan, ws):
    pid = _add(someplan, ws, "Frokost", "2026-11-18", "08:00", channel="instagram", category="produkt")
    report = someplan.json("status", ws, "--json")
    assert report["week"] == {
        "year": 2026,
        "week": 47,
        "label": "week 47 · 16–22 Nov",
        "first": "2026-11-16",
        "last": "2026-11-22",
    }
    assert report["today"] == "2026-11-18"
    wednesday = report["days"][2]
    assert wednesday["date"] == "2026-11-18"
    assert wednesday["posts"] == [{"id": pid, "time": "08:00", "channel": "Instagram", "category": "produkt",
                                   "title": "Frokost", "status": "idea"}]  # fmt: skip
    assert {c["channel"]: (c["planned"], c["target"]) for c in report["channels"]}["Instagram"] == (1, 3)
    assert {"category", "state", "next_due", "days_overdue"} <= set(report["categories_due"][0])
    assert set(report["figures"]) >= {"published_posts", "reach_rate_percent", "engagement_rate_by_reach_percent"}
    assert report["problems"] == []


def test_status_week_and_date_options(someplan, ws):
    assert someplan.json("status", ws, "--week", "2026-W53", "--json")["week"]["first"] == "2026-12-28"
    assert someplan.json("status", ws, "--date", "2027-01-01", "--json")["week"]["week"] == 53
    someplan("status", ws, "--week", "2025-W53", code=1)


def test_hostile_text_is_printed_literally(someplan, ws):
    _add(someplan, ws, HOSTILE, "2026-11-18")
    out = someplan("status", ws)
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "[bold]Tilbud[/bold] \\x1b[2J\\x1b[31mrødt\\x07 slutt\\x0d" in out
    listed = someplan("list", "-w", ws)
    assert "\x1b" not in listed and "[bold]Tilbud[/bold]" in listed
    assert someplan.json("list", "--json", "-w", ws)[0]["title"] == HOSTILE  # JSON keeps the data as it is


def _env(tmp_path, **extra):
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "SOMEPLAN_TODAY": "2026-11-18", "COLUMNS": "100"}  # fmt: skip
    env.pop("NO_COLOR", None)
    env.update(extra)
    return env


def test_piped_status_is_plain_and_a_terminal_gets_colour_unless_no_color(someplan, ws, tmp_path):
    _add(someplan, ws, "Frokost", "2026-11-18")
    piped = subprocess.run([sys.executable, "-m", "someplan", "status", ws], capture_output=True, text=True, env=_env(tmp_path))
    assert piped.returncode == 0 and "\x1b[" not in piped.stdout and "Frokost" in piped.stdout
    forced = _env(tmp_path, FORCE_COLOR="1")
    coloured = subprocess.run([sys.executable, "-m", "someplan", "status", ws], capture_output=True, text=True, env=forced)
    assert "\x1b[" in coloured.stdout
    no_color = subprocess.run([sys.executable, "-m", "someplan", "status", ws], capture_output=True, text=True,
                              env={**forced, "NO_COLOR": "1"})  # fmt: skip
    assert "\x1b[3" not in no_color.stdout  # no colours (bold/reverse may stay)


def test_status_fits_the_terminal_width(someplan, ws, tmp_path):
    _add(someplan, ws, "Et veldig langt innlegg " * 8, "2026-11-18")
    narrow = subprocess.run([sys.executable, "-m", "someplan", "status", ws], capture_output=True, text=True,
                            env=_env(tmp_path, COLUMNS="60"))  # fmt: skip
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 60


def test_doctor_reports_problems_as_json(someplan, ws, tmp_path):
    bad = tmp_path / "ws" / "devices" / "zzzzzzzzzzzz" / "000001.jsonl"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"garbage")
    report = json.loads(someplan("doctor", "-w", ws, "--json", code=1))  # an error: exit 1, for scripts
    assert report["format"] == 1 and report["devices"]
    assert [(p["code"], p["path"]) for p in report["problems"]] == [("damaged", "devices/zzzzzzzzzzzz/000001.jsonl")]
    assert "damaged" in someplan.json("status", ws, "--json")["problems"][0]["code"]
    assert "unreadable lines" in someplan("doctor", "-w", ws, code=1)


def test_the_next_proposal_never_takes_a_slot_a_post_holds(someplan, tmp_path, monkeypatch):
    """Issue 17 item 4, on the sample as a new user meets it on Sunday 6 December: Instagram's
    20:00 holds "Jul på Solvik i 1912", so the proposal goes elsewhere (status reads posts through
    the date index's stand-ins, which must carry the time)."""
    import shutil
    from pathlib import Path

    sample = tmp_path / "sample"
    shutil.copytree(Path(__file__).resolve().parents[2] / "sample_workspace", sample)
    monkeypatch.setenv("SOMEPLAN_TODAY", "2026-12-06")
    report = someplan.json("status", str(sample), "--json")
    taken = {(line["channel"], line["time"]) for day in report["days"] if day["date"] == "2026-12-06" for line in day["posts"]}
    proposal = report["next_proposal"]
    assert ("Instagram", "20:00") in taken
    assert proposal["date"] != "2026-12-06" or (proposal["channel"], proposal["time"]) not in taken
