"""Earned content: a customer's or partner's post or photo, shared with their permission.

Like consent for people, the permission is recorded on the post: who (`source`), what they
allowed (`permission`: "bildet til Facebook og Instagram") and until when (`permission_until`,
that day included; none: no end). `earned_warnings` gives (post id, kind, sentence) for a
general "needs attention" list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from someplan.domain.post import Post, Status, Surface
from someplan.domain.weeks import day_label
from someplan.i18n import _, language, ngettext

PERMISSION_WARNING_DAYS = 30  # as for consent: time to ask again before it runs out


class EarnedWarning(StrEnum):
    NO_PERMISSION = "earned-no-permission"  # earned, but nobody recorded who allowed what
    ENDS_BEFORE = "earned-permission-ends-before"  # a planned post goes out after the permission ends
    ENDED = "earned-permission-ended"  # published, and the permission is over: take it down or renew
    ENDING = "earned-permission-ending"  # runs out within PERMISSION_WARNING_DAYS


def is_earned(post: Post) -> bool:
    return post.surface is Surface.EARNED


def earned_warnings(posts: Iterable[Post], today: dt.date, titled: bool = True) -> list[tuple[str, str, str]]:
    """(post id, kind, sentence) for every earned post whose permission needs the user, by date.
    `titled`: the sentence names the post (a list of its own); without, for a list that shows
    each post's title beside it (needs attention)."""
    found: list[tuple[dt.date, str, str, str]] = []
    for post in posts:
        if not is_earned(post):
            continue
        kind, sentence = _warning(post, today) or (None, "")
        if kind is not None:
            if titled:
                sentence = _("“{title}”: {warning}").format(title=post.title or _("(untitled)"), warning=sentence)
            found.append((post.date or dt.date.max, post.id, kind.value, sentence))
    return [(post_id, kind, sentence) for _day, post_id, kind, sentence in sorted(found)]


def _warning(post: Post, today: dt.date) -> tuple[EarnedWarning, str] | None:
    if not post.source.strip() or not post.permission.strip():
        return EarnedWarning.NO_PERMISSION, _("earned content without a recorded permission (who allowed what)")
    until = post.permission_until
    if until is None:
        return None
    day = day_label(until, language(), weekday=None)
    published = post.status is Status.PUBLISHED
    if not published and max(post.date or today, today) > until:
        sentence = _("the permission from {source} ends {day}, before the post goes out")
        return EarnedWarning.ENDS_BEFORE, sentence.format(source=post.source, day=day)
    if today > until:
        sentence = _("the permission from {source} ended {day}; take the post down or ask again")
        return EarnedWarning.ENDED, sentence.format(source=post.source, day=day)
    days = (until - today).days
    if days <= PERMISSION_WARNING_DAYS:
        return EarnedWarning.ENDING, ngettext(
            "the permission from {source} runs out in {days} day ({day})",
            "the permission from {source} runs out in {days} days ({day})",
            days,
        ).format(source=post.source, days=days, day=day)
    return None
