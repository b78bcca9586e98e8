"""Key figures computed from a post's raw counts, as Norwegian social-media courses teach them.

Reach rate = reach ÷ followers × 100 (can exceed 100 %).
Engagement rate by reach = engagements ÷ reach × 100, where what counts as an engagement
depends on the network; `engagement_numerator` says which counts a figure used. LinkedIn gives
no reach: its rate is engagements ÷ views (impressions), as LinkedIn computes it, and
`engagement_denominator` says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from math import fsum

from someplan.domain.channel import Network
from someplan.domain.post import Post

# The counts that make up engagements per network, named as that network's export names them.
# Facebook clicks count only when the export had them, which `_parts` gives for free: a count
# that is missing is left out of the sum and out of the label.
_ENGAGEMENTS: dict[Network, tuple[str, ...]] = {
    Network.FACEBOOK: ("reactions", "comments", "shares", "clicks"),
    Network.INSTAGRAM: ("likes", "comments", "saves", "shares"),
    Network.LINKEDIN: ("reactions", "comments", "shares", "clicks"),
}
_DEFAULT_ENGAGEMENTS = ("reactions", "comments", "shares")
_STORED_AS = {"likes": "reactions"}  # Instagram's likes are kept in the reactions count


def _parts(post: Post, network: Network) -> list[tuple[str, int]]:
    """(label, count) of the network's engagement counts that the post has."""
    labels = _ENGAGEMENTS.get(network, _DEFAULT_ENGAGEMENTS)
    counts = ((label, getattr(post, _STORED_AS.get(label, label))) for label in labels)
    return [(label, count) for label, count in counts if count is not None]


def engagements(post: Post, network: Network) -> int | None:
    """The sum of the counts present; None when the post has none of them."""
    parts = _parts(post, network)
    return sum(count for _, count in parts) if parts else None


def engagement_numerator(post: Post, network: Network) -> str:
    """Which counts `engagements` summed, like "reactions+comments+shares+clicks"; "" when none."""
    return "+".join(label for label, _ in _parts(post, network))


def engagement_denominator(post: Post, network: Network) -> str:
    """What the engagement rate divides by: "reach", "views" (LinkedIn without reach) or ""."""
    if post.reach:
        return "reach"
    if network is Network.LINKEDIN and post.views:
        return "views"
    return ""


def engagement_rate(post: Post, network: Network) -> float | None:
    """Engagements ÷ reach × 100 (÷ views on LinkedIn, which gives no reach); None without the
    denominator or without any engagement count."""
    total = engagements(post, network)
    below = engagement_denominator(post, network)
    if total is None or not below:
        return None
    return total / getattr(post, below) * 100


def reach_rate(post: Post, followers: int | None = None) -> float | None:
    """Reach ÷ followers × 100, followers at posting time (`post.followers` unless given)."""
    followers = post.followers if followers is None else followers
    if post.reach is None or not followers:
        return None
    return post.reach / followers * 100


def average(rates: Iterable[float | None]) -> float | None:
    """The mean of per-post rates, skipping posts without the rate; None when none has it."""
    present = [rate for rate in rates if rate is not None]
    # statistics.fmean is exactly this, and importing statistics costs every command a few ms
    return fsum(present) / len(present) if present else None


def post_rates(post: Post, channels: dict) -> tuple[float | None, float | None]:
    """Reach rate and engagement rate by reach of a post; followers from the post, else the
    channel's count on the day (`channels`: channel id → Channel)."""
    channel = channels.get(post.channel)
    followers = post.followers or (channel.followers_on(post.date) if channel and post.date else None)
    return reach_rate(post, followers), engagement_rate(post, channel.network) if channel else None
