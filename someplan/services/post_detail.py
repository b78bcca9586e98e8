"""What the planner's detail pane shows of one post: everything a reader needs to know what the
post *is* without opening the editor.

Read from the merged view on each cursor move, so it must stay cheap: one post, its channel,
category and people, and the record's last change. No file is opened here (the picture is
decoded by the pane, on a thread).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from someplan.domain.assets import kind_of
from someplan.domain.caption_limits import CAPTION_LIMITS, caption_length
from someplan.domain.channel import Network
from someplan.domain.figures import engagement_numerator, post_rates
from someplan.domain.person import ConsentState, consent_state
from someplan.domain.post import FIGURE_FIELDS, Post
from someplan.services.catalog import POSTS, Catalog
from someplan.services.errors import UserError


@dataclass(frozen=True)
class CaptionLimit:
    network: Network
    limit: int
    over: bool


@dataclass(frozen=True)
class PersonConsent:
    name: str
    state: ConsentState
    until: dt.date | None


@dataclass(frozen=True)
class Changed:
    who: str
    when: dt.datetime  # local time
    mine: bool
    other_year: bool  # not in the year of the planner's today (pinned in demos and tests): the day names its year


@dataclass(frozen=True)
class PostDetail:
    post: Post
    channel: str  # the channel's name, "" without one
    network: Network | None
    category: str
    colour: str
    caption_length: int
    limits: tuple[CaptionLimit, ...]  # one per network of the post's channels
    people: tuple[PersonConsent, ...]
    figures: tuple[tuple[str, int], ...]  # (field, count) of the counts the post has
    reach_rate: float | None
    engagement_rate: float | None
    numerator: str  # which counts made up the engagements
    images: tuple[str, ...]  # the asset references that name pictures, in the post's order
    changed: Changed | None


def post_detail(catalog: Catalog, post_id: str, today: dt.date) -> PostDetail | None:
    """The post's detail; None when it is gone (deleted meanwhile, by a colleague or by `d`)."""
    try:
        post = catalog.post(post_id)
    except UserError:
        return None
    channels = {c.id: c for c in catalog.channels()}
    channel = channels.get(post.channel) if post.channel else None
    category = next((c for c in catalog.categories() if c.id == post.category), None) if post.category else None
    length = caption_length(post.caption)
    networks = [channel.network] if channel else []
    limits = tuple(
        CaptionLimit(network, CAPTION_LIMITS[network], length > CAPTION_LIMITS[network])
        for network in networks
        if network in CAPTION_LIMITS
    )
    people = {person.id: person for person in catalog.people()} if post.people else {}
    # Consent is judged on the day the post goes out; an undated post, today.
    on = post.date or today
    consents = tuple(
        PersonConsent(people[pid].name, consent_state(people[pid], on), people[pid].consent_until)
        if pid in people
        else PersonConsent(pid, ConsentState.MISSING, None)
        for pid in post.people
    )
    reach_rate, engagement_rate = post_rates(post, channels)
    figures = tuple((name, value) for name in FIGURE_FIELDS if (value := getattr(post, name)) is not None)
    last = catalog.workspace.last_change(POSTS, post.id)
    changed = None
    if last:
        when = dt.datetime.fromtimestamp(last.wall_ms / 1000)
        changed = Changed(last.who, when, last.mine, when.year != today.year)
    return PostDetail(
        post=post,
        channel=channel.name if channel else "",
        network=channel.network if channel else None,
        category=category.name if category else "",
        colour=category.colour if category else "",
        caption_length=length,
        limits=limits,
        people=consents,
        figures=figures,
        reach_rate=reach_rate,
        engagement_rate=engagement_rate,
        numerator=engagement_numerator(post, channel.network) if channel else "",
        images=tuple(ref for ref in post.assets if kind_of(ref) == "image"),
        changed=changed,
    )
