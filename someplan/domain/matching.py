"""Tying rows of an analytics export to posts in the plan.

A row is matched, in this order:

1. by its post id (`external_id`, like "facebook:123_456") or its permalink, to the post that an
   earlier import tied to it: this is what makes re-importing an export update, never duplicate;
2. else to a post on the same channel published within `TOLERANCE` of the row's publish time
   (a post planned without a time counts when its date is the row's date) whose planned title is
   contained in the row's text ("time and title"), or whose title or caption is similar enough
   to it (`SIMILAR`, "time and text"); the most similar one wins. A row without text takes the
   one candidate closest in time, when there is exactly one within `CLOSE` ("time").

Texts compare after NFKC (𝐁𝐨𝐥𝐝 letters are letters), case folding, and without emoji and
punctuation. Times compare as instants when the row's time is aware (it carries its zone).

A post already tied to another export id is never taken by time and text, nor by a permalink
that the row shares with a post of another id, and one post takes at most one row of a file.
A second row with the same id in one file is a duplicate and is skipped; a row with its own id
is never a duplicate of a row with another id, whatever their permalinks. Rows that match
nothing are `new` (the caller decides: create a published post, or skip).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache
from unicodedata import normalize
from urllib.parse import parse_qsl

TOLERANCE = dt.timedelta(hours=3)
CLOSE = dt.timedelta(minutes=45)
SIMILAR = 0.55


@dataclass(frozen=True)
class ExportRow:
    """One row of an export, already parsed: what the matcher and the importer need."""

    line: int  # the row's line in the file (1 = first line), for messages
    channel: str  # channel id
    external_id: str = ""  # "network:id" as the export names the post; "" when the file has none
    permalink: str = ""
    published: dt.datetime | None = None
    timed: bool = True  # False when the export gives only the day (LinkedIn)
    title: str = ""
    caption: str = ""
    figures: Mapping[str, int] = field(default_factory=dict)  # FIGURE_FIELDS that the row has
    parts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # "organic"/"paid" → figures
    format: str = ""  # a PostFormat value, from the export's post or content type; "" when unknown
    paid: bool = False  # boosted or sponsored, by the export's boost status, paid reach or a paid part

    @property
    def text(self) -> str:
        """What is compared with a post's title and caption (exports put it in either)."""
        return (self.title or self.caption).strip()


@dataclass(frozen=True)
class Candidate:
    """A post as the matcher sees it (built from stored fields, cheap for thousands of posts)."""

    id: str
    channel: str | None
    date: dt.date | None
    time: dt.time | None
    text: str = ""  # title and caption
    external_id: str = ""
    permalink: str = ""
    title: str = ""  # the planned title alone: found inside a published text, it is the post


class Outcome(StrEnum):
    MATCHED = "matched"
    NEW = "new"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Match:
    row: ExportRow
    outcome: Outcome
    post_id: str | None = None  # the matched post
    how: str = ""  # "id", "permalink", "time and title", "time and text", "time"; or what the row duplicates


def similarity(a: str, b: str) -> float:
    """0–1: how alike two texts are, case and spacing ignored (difflib's ratio)."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:  # an export's title is often the start of the caption we planned
        return max(0.8, min(len(a), len(b)) / max(len(a), len(b)))
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() >= SIMILAR else 0.0


@lru_cache(maxsize=8192)  # a planned text is compared with every row near its time
def _norm(text: str) -> str:
    return " ".join(_words(text).split())[:400]


def _words(text: str) -> str:
    """Letters, digits and spaces of `text` after NFKC and case folding: emoji and punctuation out."""
    return _NOT_WORD.sub(" ", normalize("NFKC", text).casefold())


_NOT_WORD = re.compile(r"[^\w\s]|_")


def contains_title(title: str, text: str) -> bool:
    """Whether the planned title (three words or more) is in the published text."""
    title, text = _norm(title), _norm(text)
    return len(title.split()) >= 3 and f" {title} " in f" {text} "


def match_rows(rows: Iterable[ExportRow], posts: Iterable[Candidate]) -> list[Match]:
    posts = list(posts)
    by_id = {p.external_id: p for p in posts if p.external_id}
    by_link = {_link_key(p.permalink): p for p in posts if p.permalink}
    by_day: dict[tuple[str | None, dt.date], list[Candidate]] = {}
    for post in posts:
        if post.date is not None:
            by_day.setdefault((post.channel, post.date), []).append(post)
    taken: dict[str, int] = {}  # post id → line of the row that took it
    seen: dict[str, int] = {}  # export id or permalink → line
    matches = []
    for row in rows:
        keys = [k for k in (row.external_id, _link_key(row.permalink)) if k]
        # A row with its own id duplicates only a row with the same id.
        identity = [row.external_id] if row.external_id else keys
        first = next((seen[k] for k in identity if k in seen), None)
        if first is not None:
            matches.append(Match(row, Outcome.DUPLICATE, how=f"line {first}"))
            continue
        for key in keys:
            seen.setdefault(key, row.line)
        match = _match_one(row, by_id, by_link, by_day, taken)
        if match.post_id:
            taken[match.post_id] = row.line
        matches.append(match)
    return matches


def _match_one(
    row: ExportRow,
    by_id: Mapping[str, Candidate],
    by_link: Mapping[str, Candidate],
    by_day: Mapping[tuple[str | None, dt.date], list[Candidate]],
    taken: Mapping[str, int],
) -> Match:
    if row.external_id and row.external_id in by_id:
        return Match(row, Outcome.MATCHED, by_id[row.external_id].id, "id")
    linked = by_link.get(_link_key(row.permalink)) if row.permalink else None
    if linked and linked.id not in taken and (not row.external_id or linked.external_id in ("", row.external_id)):
        return Match(row, Outcome.MATCHED, linked.id, "permalink")
    if row.published is None:
        return Match(row, Outcome.NEW)
    day = row.published.date()
    candidates = []
    for offset in (-1, 0, 1):
        for post in by_day.get((row.channel, day + dt.timedelta(days=offset)), ()):
            if post.id in taken or (post.external_id and post.external_id != row.external_id):
                continue
            gap = _gap(post, row.published, row.timed)
            if gap is not None and gap <= TOLERANCE:
                candidates.append((gap, post))
    if not candidates:
        return Match(row, Outcome.NEW)
    if row.text:
        texts = [t for t in (row.title, row.caption) if t.strip()]
        titled = [(gap, post) for gap, post in candidates if any(contains_title(post.title, t) for t in texts)]
        if titled:
            return Match(row, Outcome.MATCHED, min(titled, key=lambda c: c[0])[1].id, "time and title")
        scored = [(_best_similarity(texts, post), -gap.total_seconds(), post) for gap, post in candidates]
        score, _, best = max(scored, key=lambda s: (s[0], s[1]))
        if score >= SIMILAR:
            return Match(row, Outcome.MATCHED, best.id, "time and text")
        return Match(row, Outcome.NEW)
    close = [post for gap, post in candidates if gap <= CLOSE]
    if len(close) == 1:
        return Match(row, Outcome.MATCHED, close[0].id, "time")
    return Match(row, Outcome.NEW)


def _best_similarity(texts: list[str], post: Candidate) -> float:
    planned = [t for t in (post.text, post.title) if t]
    return max((similarity(a, b) for a in texts for b in planned), default=0.0)


def _gap(post: Candidate, published: dt.datetime, timed: bool) -> dt.timedelta | None:
    if post.time is None or not timed:
        return dt.timedelta(0) if post.date == published.date() else None
    if post.date is None:  # not met: only dated posts are candidates for a day
        return None
    planned = dt.datetime.combine(post.date, post.time, tzinfo=published.tzinfo)
    if published.tzinfo is None:
        return abs(planned - published)
    return abs(planned.astimezone(dt.UTC) - published.astimezone(dt.UTC))  # instants, across a DST change too


# Query parameters that name the post itself (photo.php?fbid=…, permalink.php?story_fbid=…&id=…,
# watch/?v=…); every other parameter (tracking, `set=` of an album) is left out of the key.
IDENTITY_PARAMETERS = ("fbid", "story_fbid", "id", "v", "p")


def _link_key(link: str) -> str:
    """Permalinks compare without scheme, `www.`, trailing slash and the query, except the
    parameters that identify a post."""
    link = link.strip()
    if not link:
        return ""
    base, _, query = link.split("#", 1)[0].partition("?")
    base = base.casefold().split("://", 1)[-1].removeprefix("www.").removeprefix("m.").rstrip("/")
    if not query:
        return base
    kept = sorted((k, v) for k, v in parse_qsl(query) if k.casefold() in IDENTITY_PARAMETERS)
    return base + ("?" + "&".join(f"{k.casefold()}={v}" for k, v in kept) if kept else "")
