"""The detail pane's reading of one post: caption against its channel's limit, people with
their consent on the post's day, figures and rates, who changed it last."""

import dataclasses
import datetime as dt

from someplan.domain.channel import Network
from someplan.domain.person import ConsentState
from someplan.services import planning
from someplan.services.post_detail import post_detail

TODAY = dt.date(2026, 11, 18)
LISE_POST = "01m823v2rm146smv5hazdpkjdv"  # 1 Dec 2026, Lise Haugland, whose consent ended 31 Oct
MORNING_POST = "01m823v2q6p5qv425ck9jww0jc"  # Instagram, a picture, written by Ingrid


def test_consent_is_judged_on_the_posts_day(catalog):
    detail = post_detail(catalog, LISE_POST, TODAY)
    assert [(p.name, p.state) for p in detail.people] == [("Lise Haugland", ConsentState.EXPIRED)]
    assert detail.people[0].until == dt.date(2026, 10, 31)


def test_caption_against_the_channels_limit(catalog):
    post = catalog.post(MORNING_POST)
    detail = post_detail(catalog, post.id, TODAY)
    assert detail.network is Network.INSTAGRAM and detail.caption_length == len(post.caption)
    assert [(limit.limit, limit.over) for limit in detail.limits] == [(2_200, False)]
    planning.change_post(catalog, post, dataclasses.replace(post, caption="x" * 2_201))
    detail = post_detail(catalog, post.id, TODAY)
    assert detail.caption_length == 2_201 and [(limit.limit, limit.over) for limit in detail.limits] == [(2_200, True)]


def test_pictures_figures_and_last_change(catalog):
    detail = post_detail(catalog, MORNING_POST, TODAY)
    assert detail.images == ("natur/fjord-morgen.png",)
    assert detail.figures == () and detail.engagement_rate is None
    assert detail.changed.who == "Ingrid (bærbar)" and not detail.changed.mine  # the sample's formats: her laptop (issue 19)
    published = next(p for p in catalog.posts() if p.reach and p.reactions is not None and p.channel)
    rated = post_detail(catalog, published.id, TODAY)
    assert ("reach", published.reach) in rated.figures and rated.engagement_rate is not None and rated.numerator


def test_a_post_that_is_gone_has_no_detail(catalog):
    planning.delete_post(catalog, MORNING_POST)
    assert post_detail(catalog, MORNING_POST, TODAY) is None


def test_the_last_change_names_its_year_against_the_planners_today_not_the_clock(catalog):
    from someplan.tui.panes.detail import detail_text

    changed = post_detail(catalog, MORNING_POST, TODAY).changed.when.date()
    same_year = detail_text(post_detail(catalog, MORNING_POST, changed.replace(month=12, day=31)))
    next_year = detail_text(post_detail(catalog, MORNING_POST, changed.replace(year=changed.year + 5, month=1, day=2)))
    shown = f"{changed.day} {changed:%b}"
    assert f"{shown}," not in str(same_year) and f"{shown} {changed.year}" not in str(same_year)
    assert f"{shown} {changed.year}" in str(next_year)
