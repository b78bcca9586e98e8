"""`someplan campaign list|add|edit|rm|restore`, and campaigns in `someplan status`."""

import re


def _unstyled(out: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", out)  # a terminal's table is bold in its headings


def test_add_list_edit_rm_restore(someplan, ws, monkeypatch):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # the table a terminal gets (a pipe gets lines)
    first = someplan("campaign", "add", "Julebord", "--start", "13.11.2026", "--end", "2026-12-19", "-w", ws).strip()
    someplan("campaign", "add", "Vintersesong", "--start", "2026-12-01", "--end", "31.3.2027", "--kind", "season",
             "--notes", "Spa og peisestue", "-w", ws)  # fmt: skip
    someplan("campaign", "add", "Farsdag-middag", "--start", "2026-11-08", "-w", ws)  # one day: the end defaults to the start
    listed = someplan.json("campaign", "list", "--json", "-w", ws)
    assert [c["title"] for c in listed] == ["Farsdag-middag", "Julebord", "Vintersesong"]
    assert listed[1] == {"id": first, "title": "Julebord", "start": "2026-11-13", "end": "2026-12-19", "kind": "campaign",
                         "notes": "", "first_week": "2026-W46", "last_week": "2026-W51"}  # fmt: skip
    assert listed[0]["end"] == "2026-11-08" and listed[2]["kind"] == "season" and listed[2]["last_week"] == "2027-W13"

    out = _unstyled(someplan("campaign", "list", "-w", ws))
    lines = out.splitlines()
    assert lines[0].split() == ["title", "kind", "start", "end", "weeks", "id"]
    assert "Julebord" in lines[2] and "13 Nov 2026" in lines[2] and "week 46–51" in lines[2]
    assert "week 49 2026–13 2027" in out

    assert [c["title"] for c in someplan.json("campaign", "list", "--week", "2027-W02", "--json", "-w", ws)] == ["Vintersesong"]
    assert [c["title"] for c in someplan.json("campaign", "list", "--year", "2027", "--json", "-w", ws)] == ["Vintersesong"]

    assert (
        someplan("campaign", "edit", "julebord", "--end", "20.12.2026", "--title", "Julebordsesongen", "-w", ws).strip() == first
    )
    edited = someplan.json("campaign", "list", "--json", "-w", ws)[1]
    assert (edited["title"], edited["end"]) == ("Julebordsesongen", "2026-12-20")

    out = someplan("campaign", "rm", "Julebordsesongen", "-w", ws)
    assert f"someplan campaign restore {first}" in out
    assert "Julebordsesongen" not in someplan("campaign", "list", "-w", ws)
    assert someplan("campaign", "restore", first, "-w", ws).strip() == first
    assert "Julebordsesongen" in someplan("campaign", "list", "-w", ws)


def test_mistakes_are_one_line_errors(someplan, ws, monkeypatch):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    someplan("campaign", "add", "X", "--start", "2026-12-06", "--end", "2026-12-01", "-w", ws, code=1)
    assert someplan.err.strip() == "someplan: the end (2026-12-01) is before the start (2026-12-06)"
    someplan("campaign", "add", "X", "--start", "13.13.2026", "-w", ws, code=1)
    assert someplan.err.count("\n") == 1 and "not a date" in someplan.err
    someplan("campaign", "edit", "Nothing", "--notes", "x", "-w", ws, code=1)
    assert "no campaign 'Nothing'" in someplan.err
    someplan("campaign", "add", "X", "--start", "2026-12-01", "--kind", "festival", "-w", ws, code=1)
    assert "unknown kind 'festival'" in someplan.err
    someplan("campaign", "list", "--week", "60", "-w", ws, code=1)
    someplan("campaign", "edit", "X", "-w", ws, code=1)
    assert "nothing to change" in someplan.err
    assert "no campaigns yet" in someplan("campaign", "list", "-w", ws)


def test_campaigns_show_in_status_when_they_touch_the_week(someplan, ws):
    someplan("campaign", "add", "Black Week", "--start", "2026-11-23", "--end", "2026-11-30", "-w", ws)
    assert someplan.json("status", ws, "--week", "49", "--json")["campaigns"] == ["Black Week"]  # only its Monday
    assert someplan.json("status", ws, "--week", "47", "--json")["campaigns"] == []
    assert "Black Week" in someplan("status", ws, "--week", "48")


def test_bokmal_list(someplan, ws, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    someplan("campaign", "add", "Påske", "--start", "2027-03-22", "--end", "2027-03-29", "--kind", "kampanje", "-w", ws)
    lines = _unstyled(someplan("campaign", "list", "-w", ws)).splitlines()
    assert lines[0].split() == ["tittel", "type", "start", "slutt", "uker", "id"]
    assert "kampanje" in lines[1] and "22. mar 2027" in lines[1] and "uke 12–13" in lines[1]
    someplan("campaign", "edit", "Påske", "--start", "2027-04-01", "-w", ws, code=1)
    assert someplan.err.strip() == "someplan: slutten (2027-03-29) er før starten (2027-04-01)"
