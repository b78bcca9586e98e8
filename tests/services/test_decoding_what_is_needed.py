"""The figures, the best assets and the people screen decode only the posts they read, once per
workspace version (issue 15: on a 3,000-post history decoding every post was most of opening the
figures view and the people screen)."""

import datetime as dt

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
