"""`someplan batch`, `someplan people`, category preferences and the next proposal in `status`."""

import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parents[2] / "sample_workspace"


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample"
    shutil.copytree(SAMPLE, path)
    return str(path)


def test_people_registry(someplan, ws):
    someplan("people", "add", "Kari Solheim", "--role", "resepsjonist", "--consent", "yes", "--until", "2027-08-31", "-w", ws)
    someplan("people", "add", "Ola", "-w", ws)
    someplan("people", "add", "ola", "-w", ws, code=1)
    assert "already" in someplan.err
    someplan("people", "edit", "Ola", "--consent", "yes", "--until", "01.11.2026", "-w", ws)
    rows = {r["name"]: r for r in someplan.json("people", "list", "--json", "-w", ws)}
    assert rows["Kari Solheim"]["consent_state"] == "valid" and rows["Kari Solheim"]["consent_until"] == "2027-08-31"
    assert rows["Ola"]["consent_state"] == "expired" and rows["Ola"]["last_featured"] is None
    text = someplan("people", "list", "-w", ws)
    assert "⚠ ended 1 Nov 2026" in text and "✓ 31 Aug 2027" in text
    someplan("people", "rm", "Ola", "-w", ws)
    assert [r["name"] for r in someplan.json("people", "list", "--json", "-w", ws)] == ["Kari Solheim"]
    someplan("people", "edit", "Nobody", "--role", "x", "-w", ws, code=1)
    assert "unknown person" in someplan.err


def test_people_stale_lists_who_waits_longest(someplan, sample):
    names = [r["name"] for r in someplan.json("people", "list", "--stale", "40", "--json", "-w", sample)]
    # never (the content team too, who are in the registry for their hours), then longest ago; the others have posts planned
    assert names == ["Ingrid Berg", "Jonas Vik", "Sondre Lid", "Eirik Fossdal"]


def test_batch_preview_writes_nothing_and_yes_writes_spread_drafts(someplan, sample):
    people = "Kari Solheim, Ahmed Karimi, Lise Haugland, Åse Brekke, Sondre Lid"
    before = someplan.json("list", "--from", "2026-11-01", "--to", "2027-03-01", "--json", "-w", sample)
    preview = someplan.json("batch", "ansatte", "--people", people, "--day", "2026-11-24", "--json", "-w", sample)
    assert [s["time"] for s in preview["schedule"]] == ["10:00", "10:15", "10:30", "10:45", "11:00"]
    assert preview["warnings"][:2] == ["Lise Haugland: consent expired 31 Oct 2026", "Sondre Lid: no consent registered"]
    # The five drafts land in weeks whose hours are nearly gone: said before anything is written.
    assert preview["warnings"][2] == "week 48 · 23–29 Nov is overbooked: the plan needs 10.6 h, there are 10.5 h"
    assert preview["saving"] == {"posts": 5, "one_by_one_minutes": 225, "in_batch_minutes": 145, "saved_minutes": 80}
    assert [d["week"] for d in preview["drafts"]] == [48, 49, 50, 51, 52]  # one a week from next week
    assert preview["written"] == []
    assert someplan.json("list", "--from", "2026-11-01", "--to", "2027-03-01", "--json", "-w", sample) == before

    done = someplan.json("batch", "ansatte", "--people", people, "--day", "2026-11-24", "--yes", "--json", "-w", sample)
    assert len(done["written"]) == 5
    drafts = [someplan.json("show", i, "--json", "-w", sample) for i in done["written"]]
    assert [(d["date"], d["status"], d["title"]) for d in drafts] == [
        (p["date"], "draft", p["title"]) for p in preview["drafts"]
    ]
    kari = someplan.json("people", "list", "--json", "-w", sample)
    assert {r["name"]: r["posts"] for r in kari}["Sondre Lid"] == 1


def test_batch_drafts_come_after_the_interview_day(someplan, sample):
    """Issue 17.5: `--day` on a Wednesday of the first week: no draft on the Monday before it."""
    people = "Kari Solheim, Ahmed Karimi"
    preview = someplan.json("batch", "ansatte", "--people", people, "--day", "2026-11-25", "--json", "-w", sample,
                            "--from", "48")  # fmt: skip
    assert all(d["date"] > "2026-11-25" for d in preview["drafts"]), preview["drafts"]


def test_batch_refuses_unknown_people_and_bad_numbers(someplan, sample):
    someplan("batch", "ansatte", "--people", "Kari Solheim, Nemo", "-w", sample, code=1)
    assert "unknown person 'Nemo'" in someplan.err
    someplan("batch", "ansatte", "--people", "Kari Solheim", "--every", "0", "-w", sample, code=1)
    someplan("batch", "ansatte", "--people", "Kari Solheim, Kari Solheim", "-w", sample, code=1)
    someplan("batch", "nope", "--people", "Kari Solheim", "-w", sample, code=1)


def test_category_preferences_on_the_command_line(someplan, ws):
    someplan("category", "edit", "ansatte", "--weekday", "tirsdag", "--time", "9.30", "--channel", "facebook", "-w", ws)
    cat = {c["name"]: c for c in someplan.json("category", "list", "--json", "-w", ws)}["ansatte"]
    assert (cat["weekday"], cat["time"]) == (1, "09:30") and cat["channel"]
    someplan("category", "edit", "ansatte", "--weekday", "none", "--channel", "none", "-w", ws)
    cat = {c["name"]: c for c in someplan.json("category", "list", "--json", "-w", ws)}["ansatte"]
    assert (cat["weekday"], cat["channel"]) == (None, None)
    someplan("category", "edit", "ansatte", "--weekday", "someday", "-w", ws, code=1)
    assert "not a weekday" in someplan.err


def test_status_names_due_categories_and_the_next_proposal(someplan, ws, monkeypatch):
    report = someplan.json("status", ws, "--json")
    assert {d["state"] for d in report["categories_due"]} == {"due"}
    proposal = report["next_proposal"]
    assert proposal["date"] == "2026-11-18" and proposal["reason"] == "due" and proposal["backlog_title"] is None
    assert "Next proposal: Wed 18 Nov" in someplan("status", ws)
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    assert "Neste forslag: ons 18. nov" in someplan("status", ws)


def test_status_next_proposal_on_the_sample_fills_a_free_slot(someplan, sample):
    proposal = someplan.json("status", sample, "--json")["next_proposal"]
    assert proposal is not None and proposal["date"] >= "2026-11-18"
