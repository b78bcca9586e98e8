"""Needs attention (domain/attention.py) over the workspace: which posts are looked at, and the
people and channel names the sentences need.

`someplan status` looks only at the posts it has loaded already (the week asked for and the past
weeks its figures cover), so a quick glance stays quick; the planner looks at everything from
the weeks still open onwards, and at the week it shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from someplan.domain.attention import Attention, attention
from someplan.domain.post import Post
from someplan.domain.weeks import IsoWeek
from someplan.services.catalog import Catalog

OPEN_WEEKS = 4  # this week and the three before it: past posts still to finish (as status's figures)
AHEAD_WEEKS = 12  # the planner looks this far ahead (and at any week shown): a redraw after each edit


def attention_in(catalog: Catalog, posts: Sequence[Post], today: dt.date) -> list[Attention]:
    # The people table is read only when a post features someone (status reads no people otherwise).
    people = {p.id: p for p in catalog.people()} if any(post.people for post in posts) else {}
    return attention(posts, people, today, catalog.channel_names())


def planner_attention(catalog: Catalog, today: dt.date, week: IsoWeek) -> list[Attention]:
    """The weeks still open, the next AHEAD_WEEKS, and the week shown."""
    this_week = IsoWeek.of(today)
    first, last = (this_week - (OPEN_WEEKS - 1)).monday, (this_week + AHEAD_WEEKS).sunday
    posts = catalog.posts_between(first, last)
    if not first <= week.monday <= last:
        posts += catalog.posts_between(week.monday, week.sunday)
    return attention_in(catalog, posts, today)
