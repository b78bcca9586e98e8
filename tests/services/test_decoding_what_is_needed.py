"""The figures, the best assets and the people screen decode only the posts they read, once per
workspace version (issue 15: on a 3,000-post history decoding every post was most of opening the
figures view and the people screen)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.person import featured, long_unfeatured
from someplan.domain.post import Post, Status
from someplan.services import people
from someplan.services.catalog import _says_published
from someplan.services.figures.report import figures_report

TODAY = dt.date(2026, 11, 18)

statuses = st.one_of(
    st.none(), st.integers(), st.sampled_from([s.value for s in Status]),
    st.sampled_from(["Published", " published ", "PUBLISHED\n", "publish", ""]), st.text(max_size=12),
)  # fmt: skip


@given(st.one_of(st.fixed_dictionaries({"status": statuses}), st.just({}), st.lists(st.integers(), max_size=2), st.none()))
def test_the_cheap_test_agrees_with_decoding(doc):
    assert _says_published(doc) == (Post.from_doc(doc, "x").status is Status.PUBLISHED)


def test_published_posts_are_those_of_all_posts_and_only_they_are_decoded(catalog, monkeypatch):
    expected = [p for p in catalog.posts() if p.status is Status.PUBLISHED]
    decoded = []
    real = Post.from_doc
    monkeypatch.setattr(Post, "from_doc", classmethod(lambda cls, doc, rid: decoded.append(rid) or real(doc, rid)))
    catalog.workspace.version += 1  # as after any change: nothing derived is reused
    assert catalog.published_posts() == expected and expected
    assert sorted(decoded) == sorted(p.id for p in expected)


def test_the_figures_are_made_once_per_workspace_version(catalog):
    report = figures_report(catalog, TODAY, 8)
    assert figures_report(catalog, TODAY, 8) is report
    assert figures_report(catalog, TODAY, 12) is not report  # another period, its own
    best = report.ranked()[0].post
    catalog.workspace.update("posts", best.id, {"reactions": (best.reactions or 0) + 10_000})
    again = figures_report(catalog, TODAY, 8)
    assert again is not report and again.ranked()[0].post.reactions == (best.reactions or 0) + 10_000


def test_who_was_featured_reads_only_the_posts_that_name_someone(catalog, monkeypatch):
    everything = catalog.posts()
    expected = featured(everything, TODAY)
    stale = long_unfeatured(catalog.people(), everything, TODAY, people.STALE_DAYS)
    decoded = []
    real = Post.from_doc
    monkeypatch.setattr(Post, "from_doc", classmethod(lambda cls, doc, rid: decoded.append(rid) or real(doc, rid)))
    catalog.workspace.version += 1
    assert people.featured_by_person(catalog, TODAY) == expected and expected
    assert people.stale_people(catalog, TODAY) == stale
    assert sorted(decoded) == sorted(p.id for p in everything if p.people)


def test_the_year_wheel_counts_posts_from_their_stored_dates(catalog, monkeypatch):
    from someplan.domain.year_wheel import wheel_range, year_wheel
    from someplan.services.calendar_data import days_between
    from someplan.services.year_wheel import build_year_wheel

    first, last = wheel_range(2026)
    target = sum(channel.target_per_week for channel in catalog.channels())
    dates = [post.date for post in catalog.posts_between(first, last)]
    expected = year_wheel(2026, dates, catalog.events(), days_between(first, last, "en"), target)
    monkeypatch.setattr(Post, "from_doc", classmethod(lambda cls, doc, rid: pytest.fail("a post decoded")))
    assert build_year_wheel(catalog, 2026, "en") == expected and any(w.posts for w in expected.weeks)


def test_the_hours_of_many_weeks_read_only_what_a_post_takes(catalog, monkeypatch):
    from someplan.domain.capacity import weeks_capacity
    from someplan.domain.weeks import IsoWeek
    from someplan.services import capacity

    weeks = [IsoWeek(2026, week) for week in range(40, 53)]
    posts = catalog.posts_between(weeks[0].monday, weeks[-1].sunday)
    expected = weeks_capacity(posts, weeks, capacity.minutes(catalog), capacity.people_minutes(catalog))
    monkeypatch.setattr(Post, "from_doc", classmethod(lambda cls, doc, rid: pytest.fail("a post decoded")))
    assert capacity.capacities(catalog, weeks) == expected and any(c.posts for c in expected.values())


def test_a_post_read_for_one_range_is_not_read_again_for_another(tmp_path, monkeypatch):
    """The first frame asks for the week, 12 weeks of rotation and 8 + 4 of key figures: each
    post among them is decoded once per workspace version."""
    import datetime as dt

    from someplan.domain.post import Post
    from someplan.services.catalog import Catalog
    from someplan.services.planning import add_post
    from someplan.services.setup import init_workspace

    workspace = init_workspace(tmp_path / "ws", "Solvik")
    catalog = Catalog(workspace)
    channel = catalog.channels()[0].id
    for day in range(1, 20):
        add_post(catalog, Post("", title=f"Post {day}", channel=channel, date=dt.date(2026, 11, day)))
    read = []
    real = Post.from_doc.__func__

    monkeypatch.setattr(Post, "from_doc", classmethod(lambda cls, doc, rid: read.append(rid) or real(cls, doc, rid)))
    week = catalog.posts_between(dt.date(2026, 11, 9), dt.date(2026, 11, 15))
    month = catalog.posts_between(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert len(read) == len(month) == 19 and all(post in month for post in week)
    add_post(catalog, Post("", title="Post 20", channel=channel, date=dt.date(2026, 11, 20)))  # a new version: read anew
    assert len(catalog.posts_between(dt.date(2026, 11, 1), dt.date(2026, 11, 30))) == 20 and len(read) == 39
    workspace.close()
