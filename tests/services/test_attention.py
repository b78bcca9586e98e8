"""Which posts "needs attention" looks at (services/attention.py)."""

import datetime as dt

from someplan.domain.post import Post
from someplan.domain.weeks import IsoWeek
from someplan.services import planning
from someplan.services.attention import planner_attention
from someplan.services.status import build_status

TODAY = dt.date(2026, 11, 18)


def test_the_planner_looks_at_the_open_weeks_the_next_ones_and_the_week_shown(catalog):
    near = planning.plan_post(catalog, Post(id="", title="Snart", date=dt.date(2027, 1, 4), link="solvik.no")).post
    far = planning.plan_post(catalog, Post(id="", title="Langt fram", date=dt.date(2027, 6, 7), link="solvik.no")).post
    this_week = IsoWeek.of(TODAY)
    found = {a.post for a in planner_attention(catalog, TODAY, this_week)}
    assert near in found and far not in found
    assert far in {a.post for a in planner_attention(catalog, TODAY, IsoWeek.of(dt.date(2027, 6, 7)))}


def test_status_looks_at_the_posts_it_reads_anyway(catalog):
    planning.plan_post(catalog, Post(id="", title="Snart", date=dt.date(2027, 1, 4), link="solvik.no"))
    assert build_status(catalog, today=TODAY).attention == ()  # weeks 44–47 hold nothing to warn of
    week_49 = build_status(catalog, IsoWeek.of(dt.date(2026, 12, 1)), today=TODAY).attention
    consent = [a for a in week_49 if a.kind == "consent"]
    assert len(consent) == 2 and all("Lise" in a.message for a in consent)
    assert {a.kind for a in week_49} - {"consent"} <= {"earned-no-permission", "earned-permission-ends-before"}
