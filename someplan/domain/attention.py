"""What needs attention in the plan: warnings about posts, worked out from the posts alone.

Each warning names its post, a kind (a stable English word, for scripts and tests) and a
sentence in the language spoken. The kinds:

- ``past-unfinished``: a post whose day has passed while it is still an idea or a draft;
- ``consent``: a post not yet published, on today or later, featuring a person whose consent
  does not hold on its day (ended, or never given);
- ``same-slot``: two posts on one channel at the same day and time, today or later;
- ``no-caption``: a ready or scheduled post without a caption (Hootsuite would publish its
  working title);
- ``bad-link``: a link of a post not yet published that is not a web address;
- ``off-mark``: a time of a post not yet published, today or later, that is not on a 5-minute
  mark, which Hootsuite refuses (services/exports/hootsuite.py holds the same rule);
- ``earned-…``: earned content whose permission is missing, ends before the post goes out, is
  running out or has ended (domain/earned.py).

Published posts are history: only their place in a same-slot pair is looked at.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from someplan.domain.earned import EarnedWarning, earned_warnings
from someplan.domain.post import Post, Status
from someplan.domain.weeks import day_label
from someplan.i18n import _, language

if TYPE_CHECKING:  # `someplan status` reads no people unless a post features someone
    from someplan.domain.person import Person

MINUTE_STEP = 5  # Hootsuite schedules on 5-minute marks only


class Kind(StrEnum):
    PAST_UNFINISHED = "past-unfinished"
    CONSENT = "consent"
    SAME_SLOT = "same-slot"
    NO_CAPTION = "no-caption"
    BAD_LINK = "bad-link"
    OFF_MARK = "off-mark"
    EARNED_NO_PERMISSION = EarnedWarning.NO_PERMISSION.value
    EARNED_ENDS_BEFORE = EarnedWarning.ENDS_BEFORE.value
    EARNED_ENDED = EarnedWarning.ENDED.value
    EARNED_ENDING = EarnedWarning.ENDING.value


@dataclass(frozen=True)
class Attention:
    post: str  # the post's id
    kind: Kind
    message: str  # a sentence in the language spoken; names and titles as stored (show them literally)
    date: dt.date | None = None  # the post's day, for the order of a list and for jumping to it
    title: str = ""  # the post's, as stored


def is_web_address(link: str) -> bool:
    """http:// or https://, something after it, no spaces: what a network makes a link of."""
    text = link.strip()
    return text.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in text) and len(text) > 8


def attention(posts: Iterable[Post], people: Mapping[str, Person], today: dt.date,
              channel_names: Mapping[str, str] | None = None) -> list[Attention]:  # fmt: skip
    """Every warning about `posts` on `today`, by day, then post, then kind. `people` by id:
    a person not in it (removed from the registry) is not judged."""
    posts = list(posts)
    names = channel_names or {}
    found: list[Attention] = []
    slots: dict[tuple[str, dt.date, dt.time], list[Post]] = defaultdict(list)
    for post in posts:
        ahead = post.date is not None and post.date >= today
        open_ = post.status is not Status.PUBLISHED
        if post.date is not None and post.date < today and post.status in (Status.IDEA, Status.DRAFT):
            found.append(_note(post, Kind.PAST_UNFINISHED, _("its day has passed and it is still {status}").format(
                status=post.status.label(language()))))  # fmt: skip
        if open_ and ahead and post.date is not None:
            for person_id in post.people:
                person = people.get(person_id)
                if person is not None and not person.consent_valid_on(post.date):
                    found.append(_note(post, Kind.CONSENT, _consent_sentence(person)))
        if ahead and post.channel and post.date is not None and post.time is not None:
            slots[(post.channel, post.date, post.time)].append(post)
        if post.status in (Status.READY, Status.SCHEDULED) and not post.caption.strip():
            found.append(_note(post, Kind.NO_CAPTION, _("{status} without a caption: Hootsuite would publish the title")
                               .format(status=post.status.label(language()))))  # fmt: skip
        if open_ and post.link.strip() and not is_web_address(post.link):
            found.append(_note(post, Kind.BAD_LINK, _("the link is not a web address (http:// or https://)")))
        if open_ and ahead and post.time is not None and (post.time.minute % MINUTE_STEP or post.time.second):
            found.append(_note(post, Kind.OFF_MARK, _("{time} is not on a 5-minute mark, which Hootsuite needs").format(
                time=post.time.strftime("%H:%M"))))  # fmt: skip
    for (channel, _day, _time), together in slots.items():
        if len(together) < 2 or all(p.status is Status.PUBLISHED for p in together):
            continue
        for post in together:
            others = ", ".join(f"“{p.title}”" for p in together if p is not post)
            sentence = _("{channel} has another post at the same time: {others}")
            found.append(_note(post, Kind.SAME_SLOT, sentence.format(channel=names.get(channel, channel), others=others)))
    by_id = {post.id: post for post in posts}
    for post_id, kind, sentence in earned_warnings(posts, today, titled=False):
        found.append(_note(by_id[post_id], Kind(kind), sentence))
    order = {kind: index for index, kind in enumerate(Kind)}
    by_post = {post.id: index for index, post in enumerate(posts)}
    return sorted(found, key=lambda a: (a.date is None, a.date or dt.date.min, by_post[a.post], order[a.kind]))


def _note(post: Post, kind: Kind, message: str) -> Attention:
    return Attention(post.id, kind, message, post.date, post.title)


def _consent_sentence(person: Person) -> str:
    if person.consent and person.consent_until is not None:
        day = day_label(person.consent_until, language(), weekday=None, year=True)
        return _("features {person}, whose consent ended on {day}").format(person=person.name, day=day)
    return _("features {person}, who has not given consent").format(person=person.name)


def marks(found: Iterable[Attention]) -> dict[str, int]:
    """How many warnings each post has: what the plan marks its rows by."""
    counts: dict[str, int] = defaultdict(int)
    for item in found:
        counts[item.post] += 1
    return dict(counts)
