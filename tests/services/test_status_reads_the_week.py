"""A warm `someplan status` reads the posts' index and the months the week needs from this
machine's read cache, not the whole history, and says exactly what reading every post says."""

import datetime as dt
import os
from pathlib import Path

from someplan.services.asset_counts import asset_counts
from someplan.services.catalog import Catalog
from someplan.services.status import build_status, report_as_json
from someplan.store import read_cache
from someplan.store.workspace import Workspace


def _age(folder: Path, seconds: int = 60) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def _warm(sample_copy: Path) -> Workspace:
    ws = Workspace.open(sample_copy)
    channel = next(iter(ws.view("channels")))
    for year in (2023, 2024, 2025):  # a history of months the week does not need
        for month in range(1, 13):
            ws.insert("posts", {"title": f"old {year}-{month}", "date": f"{year}-{month:02d}-10", "channel": channel,
                                "status": "published", "assets": [f"old/{year}-{month}.jpg"]})  # fmt: skip
    ws.close()
    _age(sample_copy)
    _age(Path(os.environ["XDG_STATE_HOME"]))
    Workspace.open(sample_copy, writable=False)  # notes the files as still
    return Workspace.open(sample_copy, writable=False)


def _report(catalog: Catalog) -> dict:
    report = report_as_json(build_status(catalog))
    return report | {"assets": asset_counts(catalog)}


def test_status_reads_only_the_months_it_needs_and_says_what_every_post_says(sample_copy):
    warm = _warm(sample_copy)
    assert warm.state.deferred_table == "posts"
    told = _report(Catalog(warm))
    assert warm.state.deferred_table == "posts", "no post outside the index and the months asked for was read"
    read = warm._posts_from.months_read()
    # the weeks around today's, and the first month (the sample's date range starts there)
    assert read and len(read) <= 6 and not any(month.startswith("2024") for month in read)
    whole = Workspace.open(sample_copy, writable=False)
    whole.view("posts")  # every post read
    assert whole.state.deferred_table is None
    assert told == _report(Catalog(whole))
    assert told["assets"]["missing"] >= 36  # the old posts' assets are counted without reading them


def test_every_post_read_from_the_cache_is_in_the_stores_order(sample_copy):
    warm = _warm(sample_copy)
    replayed = Workspace.open(sample_copy, writable=False)
    for path in (Path(os.environ["XDG_STATE_HOME"]) / "someplan" / "read-cache").iterdir():
        path.unlink()
    replayed = Workspace.open(sample_copy, writable=False)  # no cache: every segment read
    assert list(warm.view("posts").items()) == list(replayed.view("posts").items())


def test_a_month_that_does_not_read_as_noted_is_made_again_from_the_cells(sample_copy, monkeypatch):
    warm = _warm(sample_copy)
    expected = dict(warm.view("posts"))
    again = Workspace.open(sample_copy, writable=False)
    assert again.state.deferred_table == "posts"
    real = read_cache.Cached.posts

    def damaged(self, months):
        return None if len(months) > 3 else real(self, months)

    monkeypatch.setattr(read_cache.Cached, "posts", damaged)
    assert again.view("posts") == expected


def test_a_merge_after_a_warm_start_reads_every_post_first(sample_copy):
    warm = _warm(sample_copy)
    Catalog(warm).posts_between(dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    writer = Workspace.open(sample_copy)
    rid = writer.insert("posts", {"title": "new"})
    writer.close()
    warm.refresh()
    assert warm.state.deferred_table is None
    assert warm.post_index() is None and warm.post_docs({"2026-11"}) is None
    assert warm.view("posts")[rid] == {"title": "new"}
    assert len(warm.view("posts")) == len(Workspace.open(sample_copy, writable=False).view("posts"))


def test_the_rotation_board_reads_no_post_beyond_its_weeks_and_counts_as_every_post_says(sample_copy):
    """The planner's first frame draws the rotation: its backlog per category comes from the
    posts' index, not from reading the whole history."""
    import datetime as dt

    from someplan.services.overview import rotation_rows

    today = dt.date(2026, 11, 18)
    warm = _warm(sample_copy)
    rows = rotation_rows(Catalog(warm), today)
    assert warm.state.deferred_table == "posts", "the whole history was read"
    whole = Workspace.open(sample_copy, writable=False)
    counted: dict[str, int] = {}
    for doc in whole.view("posts").values():
        if doc.get("status") in ("draft", "ready") and isinstance(doc.get("category"), str):
            counted[doc["category"]] = counted.get(doc["category"], 0) + 1
    assert {row.rotation.category.id: row.backlog for row in rows} == {
        row.rotation.category.id: counted.get(row.rotation.category.id, 0) for row in rows
    }
    assert rows == rotation_rows(Catalog(whole), today) and any(row.backlog for row in rows)


def test_the_headers_permissions_read_only_the_months_of_the_earned_posts(sample_copy):
    """The header's "permissions to check" looks at the earned posts: the posts' index says
    which and where, so the rest of the history is not read."""
    import datetime as dt

    from someplan.domain.post import Surface
    from someplan.services.earned import permission_warnings

    today = dt.date(2026, 11, 18)
    warm = _warm(sample_copy)
    warnings = permission_warnings(Catalog(warm), today)
    assert warm.state.deferred_table == "posts", "the whole history was read"
    assert not any(month.startswith("2024") for month in warm._posts_from.months_read())
    whole = Workspace.open(sample_copy, writable=False)
    every = [rid for rid, doc in whole.view("posts").items() if doc.get("surface") == Surface.EARNED.value]
    assert [post.id for post in Catalog(warm).earned_posts()] == every and every
    assert warnings == permission_warnings(Catalog(whole), today) and warnings


def test_the_index_knows_an_earned_post_by_the_domains_word_for_it():
    from someplan.domain.post import Surface
    from someplan.store.post_index import EARNED

    assert EARNED == Surface.EARNED.value
