"""The catalog's date index answers exactly what a walk over every post answered."""

import datetime as dt
import threading

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.doc_fields import parse_date
from someplan.domain.post import Post
from someplan.services.catalog import Catalog

DAYS = st.one_of(
    st.dates(dt.date(2025, 12, 1), dt.date(2026, 3, 1)).map(dt.date.isoformat),
    st.sampled_from(["", "2026-01-05T10:00", "2026-1-5", "garbage", "2026-02-30", "9999-12-31", " 2026-01-05", "2026-01-05 "]),
    st.integers(0, 3),
    st.none(),
)
DOCS = st.dictionaries(
    st.text("abcdef", min_size=1, max_size=4),
    st.fixed_dictionaries(
        {},
        optional={
            "date": DAYS,
            "category": st.one_of(st.sampled_from(["c1", "c2", "c3"]), st.integers(0, 1)),
            "status": st.sampled_from(["idea", "draft", "ready", "published", 7]),
            "surface": st.sampled_from(["owned", "earned", "paid", 3]),
            "title": st.text(max_size=3),
        },
    ),
    max_size=25,
)


class _Workspace:
    def __init__(self, posts):
        self.posts, self.lock, self.version = posts, threading.RLock(), 1

    def view(self, table):
        return self.posts if table == "posts" else {}

    def post_index(self):
        return None  # no read cache: the catalog walks the posts

    def post_docs(self, months):
        return None


def _walked_between(docs, first, last):
    low, high = first.isoformat(), last.isoformat()
    return [Post.from_doc(d, r) for r, d in docs.items() if isinstance(d.get("date"), str) and low <= d["date"][:10] <= high]


def _walked_last_dates(docs):
    latest = {}
    for doc in docs.values():
        category, day = doc.get("category"), doc.get("date")
        if isinstance(category, str) and isinstance(day, str) and day > latest.get(category, ""):
            latest[category] = day
    return {category: found for category, day in latest.items() if (found := parse_date(day))}


def _walked_rotation(docs, first):
    low, found, before = first.isoformat(), [], {}
    for rid, doc in docs.items():
        day, category = doc.get("date"), doc.get("category")
        if isinstance(day, str) and day[:10] < low:
            if isinstance(category, str) and day > before.get(category, ""):
                before[category] = day
        elif isinstance(day, str) or doc.get("status") in ("draft", "ready"):
            found.append(Post.from_doc(doc, rid))
    stand_ins = [Post(f"~{c}", category=c, date=p) for c, d in sorted(before.items()) if (p := parse_date(d))]
    return found + stand_ins


@given(DOCS, st.dates(dt.date(2025, 11, 1), dt.date(2026, 3, 1)), st.integers(0, 60))
def test_the_date_index_gives_what_walking_every_post_gave(docs, first, days):
    catalog = Catalog(_Workspace(docs))
    last = first + dt.timedelta(days=days)
    assert catalog.posts_between(first, last) == _walked_between(docs, first, last)
    assert catalog.last_post_dates() == _walked_last_dates(docs)
    assert _as_the_planner_reads(catalog.rotation_posts(first)) == _as_the_planner_reads(_walked_rotation(docs, first))
    # To `last`: the posts dated after it are left out, but none whose date may not read (the
    # latest before `first` per category stays, whatever its text reads as).
    bounded = [p for p in _walked_rotation(docs, first) if p.date is None or p.date <= last or p.id.startswith("~")]
    assert _as_the_planner_reads(catalog.rotation_posts(first, last)) == _as_the_planner_reads(bounded)


def _as_the_planner_reads(posts):
    # rotation_plan._Planner reads category, channel and date of a dated post, all of an undated one
    return [(p.id, p.category, p.channel, p.date) if p.date else p for p in posts]
