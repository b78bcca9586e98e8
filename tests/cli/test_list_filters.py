"""`someplan list --week/--date/--from/--to` finds posts with a TinyDB query (services.post_queries):
the same posts, in the same order, as filtering every post by its date."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from someplan.domain.weeks import IsoWeek

SAMPLE = Path(__file__).parents[2] / "sample_workspace"


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample"
    shutil.copytree(SAMPLE, path)
    return str(path)


@pytest.mark.parametrize("options", [
    ("--week", "47"), ("--date", "2026-11-18"), ("--from", "2026-11-01"), ("--to", "2026-10-15"),
    ("--from", "2026-11-10", "--to", "2026-12-06"), ("--week", "2026-W48", "--from", "2026-11-25"),
    ("--date", "2026-12-02", "--to", "2026-11-29"), ("--from", "today", "--to", "today"),
])  # fmt: skip
def test_a_filtered_list_is_every_post_filtered_by_date(someplan, sample, options):
    everything = someplan.json("list", "--json", "-w", sample)
    first, last = dt.date.min, dt.date.max
    today = dt.date(2026, 11, 18)  # SOMEPLAN_TODAY in the fixture
    for option, value in zip(options[::2], options[1::2]):
        if option in ("--week", "--date"):
            week = IsoWeek(2026, int(value.rpartition("W")[2])) if option == "--week" else IsoWeek.of(dt.date.fromisoformat(value))
            first, last = max(first, week.monday), min(last, week.sunday)
        elif option == "--from":
            first = max(first, today if value == "today" else dt.date.fromisoformat(value))
        else:
            last = min(last, today if value == "today" else dt.date.fromisoformat(value))
    expected = [p for p in everything if first <= dt.date.fromisoformat(p["date"]) <= last]
    assert someplan.json("list", *options, "--json", "-w", sample) == expected


def test_a_post_whose_stored_date_is_not_iso_text_is_left_out_as_before(someplan, ws):
    from someplan.services.catalog import Catalog
    from someplan.services.post_queries import dated, find_posts
    from someplan.store.workspace import Workspace

    workspace = Workspace.open(ws)
    kept = workspace.insert("posts", {"title": "Kept", "date": " 2026-11-18"})  # Post reads it
    workspace.insert("posts", {"title": "Not a date", "date": "18.11.2026"})
    workspace.insert("posts", {"title": "A number", "date": 20261118})
    found = find_posts(Catalog(workspace), dated(dt.date(2026, 11, 16), dt.date(2026, 11, 22)))
    assert [p.id for p in found] == [kept]
    workspace.close()
