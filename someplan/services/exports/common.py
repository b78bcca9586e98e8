"""What every export shares: which posts go in, the names shown for ids, and safe user text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from someplan.domain.category import Category
from someplan.domain.channel import Channel, Network
from someplan.domain.plan import day_order
from someplan.domain.post import Post, Status
from someplan.i18n import pgettext
from someplan.textsafe import literal


@dataclass(frozen=True)
class Selection:
    """Which posts an export holds. `first`/`last` inclusive; None: no bound. Undated posts are
    only in an export without any date bound (the posts CSV of everything)."""

    first: dt.date | None = None
    last: dt.date | None = None
    channels: frozenset[str] | None = None  # channel ids; None: every channel
    statuses: frozenset[Status] | None = None  # None: every status

    @property
    def bounded(self) -> bool:
        return self.first is not None or self.last is not None

    def has_date(self, post: Post) -> bool:
        if post.date is None:
            return not self.bounded
        return (self.first is None or post.date >= self.first) and (self.last is None or post.date <= self.last)

    def includes(self, post: Post) -> bool:
        return (
            self.has_date(post)
            and (self.channels is None or post.channel in self.channels)
            and (self.statuses is None or post.status in self.statuses)
        )

    def pick(self, posts: Iterable[Post]) -> list[Post]:
        """The posts selected, in plan order (date, time, title); undated ones last."""
        return sorted((p for p in posts if self.includes(p)), key=plan_order)


def plan_order(post: Post) -> tuple[object, ...]:
    return (post.date is None, post.date or dt.date.min, day_order(post))


@dataclass(frozen=True)
class Names:
    """The names shown for the ids a post holds."""

    channels: Mapping[str, Channel] = field(default_factory=dict)
    categories: Mapping[str, Category] = field(default_factory=dict)
    people: Mapping[str, str] = field(default_factory=dict)  # person id → name

    @classmethod
    def of(cls, channels: Iterable[Channel], categories: Iterable[Category], people: Mapping[str, str] | None = None) -> Names:
        return cls({c.id: c for c in channels}, {c.id: c for c in categories}, dict(people or {}))

    def channel(self, post: Post) -> str:
        found = self.channels.get(post.channel) if post.channel else None
        return found.name if found else ""

    def network(self, post: Post) -> Network | None:
        found = self.channels.get(post.channel) if post.channel else None
        return found.network if found else None

    def category(self, post: Post) -> str:
        found = self.categories.get(post.category) if post.category else None
        return found.name if found else ""

    def colour(self, post: Post) -> str | None:
        found = self.categories.get(post.category) if post.category else None
        return found.colour if found else None

    def person(self, person_id: str) -> str:
        return self.people.get(person_id, person_id)


_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
_SPACES = re.compile(r"\s+")


def clean(text: object) -> str:
    """User text for a file: line breaks made `\\n` (whatever system typed them), every other
    control character (ANSI escapes and the like) shown as a visible escape, as the CLI does."""
    return literal(_NEWLINES.sub("\n", "" if text is None else str(text)), keep_newlines=True).strip()


def one_line(text: object) -> str:
    """`clean` text on one line: where a table cell or a title needs it."""
    return _SPACES.sub(" ", clean(text)).strip()


def message_of(post: Post) -> str:
    """The text a scheduler posts: the caption, else the title."""
    return clean(post.caption) or clean(post.title)


def summary_of(post: Post, names: Names) -> str:
    """ "Facebook: Kari i resepsjonen"; the channel is left out when the post has none."""
    channel = one_line(names.channel(post))
    title = one_line(post.title) or one_line(post.caption)[:80] or pgettext("export", "(untitled)")
    return f"{channel}: {title}" if channel else title


_FOLDED: dict[str, str | int | None] = {"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u"}


def slug(text: str, fallback: str = "x") -> str:
    """A file-name part: lower case letters, digits and dashes (æøå kept as ae, o, a)."""
    folded = text.casefold().translate(str.maketrans(_FOLDED))
    found = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return found[:40].strip("-") or fallback
