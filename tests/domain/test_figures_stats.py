"""Averages, trends, top and bottom, reuse candidates: against values computed by hand."""

import dataclasses
import datetime as dt

import pytest

from someplan.domain.channel import Channel, Network
from someplan.domain.figures_stats import averages_by, rate, rate_all, reuse_candidates, top_quartile_threshold, trend
from someplan.domain.post import Post, Status
from someplan.domain.weeks import IsoWeek
from someplan.i18n import set_language

FB = Channel("fb", "Facebook", Network.FACEBOOK, followers={dt.date(2026, 11, 1): 4000})
IG = Channel("ig", "Instagram", Network.INSTAGRAM, followers={dt.date(2026, 11, 1): 2000})
CHANNELS = {"fb": FB, "ig": IG}
CATEGORIES = {"c1": "Ansatte", "c2": "Produkt"}


def post(id, day, channel="fb", category="c1", time="19:00", **counts):
    return Post(id, title=id, channel=channel, category=category, date=dt.date(2026, 11, day),
                time=dt.time.fromisoformat(time), status=Status.PUBLISHED, **counts)


POSTS = [
    # reach 2000 of 4000 followers = 50 %; (100+20+10+20)/2000 = 7.5 %
    post("a", 9, reach=2000, reactions=100, comments=20, shares=10, clicks=20),
    # 1000/4000 = 25 %; (30+5+5)/1000 = 4 % (no clicks in this export: left out)
    post("b", 10, category="c2", reach=1000, reactions=30, comments=5, shares=5),
    # Instagram: 1500/2000 = 75 %; (90+10+15+5)/1500 = 8 %
    post("c", 17, channel="ig", reach=1500, reactions=90, comments=10, saves=15, shares=5),
    # Instagram, followers noted on the post: 600/3000 = 20 %; 12/600 = 2 %
    post("d", 18, channel="ig", category="c2", time="08:00", reach=600, reactions=10, comments=2, followers=3000),
    # no reach: no rates at all, still counted as a post
    post("e", 18, category="c2", reactions=5),
]


def rated():
    return rate_all(POSTS, CHANNELS, CATEGORIES)


def test_per_post_rates_and_numerators():
    by_id = {r.post.id: r for r in rated()}
    assert by_id["a"].reach_rate == pytest.approx(50.0) and by_id["a"].engagement_rate == pytest.approx(7.5)
    assert by_id["a"].numerator == "reactions+comments+shares+clicks"
    assert by_id["b"].engagement_rate == pytest.approx(4.0) and by_id["b"].numerator == "reactions+comments+shares"
    assert by_id["c"].reach_rate == pytest.approx(75.0) and by_id["c"].engagement_rate == pytest.approx(8.0)
    assert by_id["c"].numerator == "likes+comments+saves+shares"
    assert by_id["d"].reach_rate == pytest.approx(20.0) and by_id["d"].engagement_rate == pytest.approx(2.0)
    assert by_id["e"].reach_rate is None and by_id["e"].engagement_rate is None
    assert rate(POSTS[0], None).engagement_rate is None


def test_averages_are_means_of_per_post_rates():
    categories = {g.name: g for g in averages_by(rated(), "category")}
    assert categories["Ansatte"].posts == 2
    assert categories["Ansatte"].reach_rate == pytest.approx((50 + 75) / 2)
    assert categories["Ansatte"].engagement_rate == pytest.approx((7.5 + 8) / 2)
    assert categories["Produkt"].posts == 3 and categories["Produkt"].engagement_rate == pytest.approx((4 + 2) / 2)
    assert [g.name for g in averages_by(rated(), "category")] == ["Ansatte", "Produkt"]  # best first
    channels = {g.name: g for g in averages_by(rated(), "channel")}
    assert channels["Instagram"].reach_rate == pytest.approx((75 + 20) / 2)
    weekdays = {g.name: g for g in averages_by(rated(), "weekday")}
    assert weekdays["1 Monday"].posts == 1 and weekdays["2 Tuesday"].engagement_rate == pytest.approx(6.0)  # b and c
    set_language("nb")  # weekdays are named in the language spoken
    assert {g.name for g in averages_by(rated(), "weekday")} == {"1 mandag", "2 tirsdag", "3 onsdag"}
    hours = {g.name: g for g in averages_by(rated(), "hour")}
    assert hours["08:00"].engagement_rate == pytest.approx(2.0)


def test_trend_over_weeks_by_channel():
    weeks = [IsoWeek(2026, 45), IsoWeek(2026, 46), IsoWeek(2026, 47)]
    found = trend(rated(), weeks, "channel")
    assert [g.engagement_rate for g in found["Facebook"]] == [None, pytest.approx((7.5 + 4) / 2), None]  # 9 and 10 Nov
    assert [g.posts for g in found["Instagram"]] == [0, 0, 2]
    assert found["Instagram"][2].engagement_rate == pytest.approx(5.0)


def test_top_quartile_like_a_spreadsheet():
    # QUARTILE.INC of 2, 4, 7.5, 8 = 7.625
    assert top_quartile_threshold(rated()) == pytest.approx(7.625)


def test_reuse_candidates_are_top_quartile_and_old_enough_and_not_reused_yet():
    today = dt.date(2026, 11, 30)
    assert [r.post.id for r in reuse_candidates(rated(), today, older_than_weeks=1)] == ["c"]
    assert reuse_candidates(rated(), today, older_than_weeks=4) == []
    assert reuse_candidates(rated(), today, older_than_weeks=1, reused={"c"}) == []


def test_reuse_copy_is_a_linked_draft_without_figures_or_export_ties():
    original = Post("x", title="t", assets=("a.jpg",), status=Status.PUBLISHED, reach=10, external_id="facebook:1",
                    permalink="https://f/1", followers=5)
    copy = original.reuse()
    assert copy.status is Status.DRAFT and copy.assets == ("a.jpg",) and copy.reused_from == "x"
    assert copy.reach is None and copy.followers is None and not copy.external_id and not copy.permalink


def test_rates_by_format_and_surface():
    from someplan.domain.post import PostFormat, Surface

    posts = [
        dataclasses.replace(POSTS[0], format=PostFormat.REEL, surface=Surface.PAID),  # 7.5 %
        dataclasses.replace(POSTS[1], format=PostFormat.REEL),  # 4 %
        POSTS[2],  # 8 %, no format, owned
    ]
    found = rate_all(posts, CHANNELS, CATEGORIES)
    formats = {g.name: g for g in averages_by(found, "format")}
    assert formats["reel"].engagement_rate == pytest.approx((7.5 + 4) / 2) and formats["(no format)"].posts == 1
    surfaces = {g.name: (g.posts, g.engagement_rate) for g in averages_by(found, "surface")}
    assert surfaces == {"owned": (2, pytest.approx(6.0)), "paid": (1, pytest.approx(7.5))}
    set_language("nb")
    assert {g.name for g in averages_by(found, "surface")} == {"eid", "betalt"}
