"""Tying rows of an analytics export to posts in the plan.

A row is matched, in this order:

1. by its post id (`external_id`, like "facebook:123_456") or its permalink, to the post that an
   earlier import tied to it: this is what makes re-importing an export update, never duplicate;
2. else to a post on the same channel published within `TOLERANCE` of the row's publish time
   (a post planned without a time counts when its date is the row's date) whose title or caption
   is similar enough to the row's text (`SIMILAR`); the most similar one wins. A row without text
   takes the one candidate closest in time, when there is exactly one within `CLOSE`.

A post already tied to another export id is never taken by time and text, and one post takes at
most one row of a file. A second row with the same id in one file is a duplicate and is skipped.
Rows that match nothing are `new` (the caller decides: create a published post, or skip).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

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


class Outcome(StrEnum):
    MATCHED = "matched"
    NEW = "new"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Match:
    row: ExportRow
    outcome: Outcome
    post_id: str | None = None  # the matched post
    how: str = ""  # "id", "permalink", "time and text", "time"; or what the row duplicates


def similarity(a: str, b: str) -> float:
    """0–1: how alike two texts are, case and spacing ignored (difflib's ratio)."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:  # an export's title is often the start of the caption we planned
        return max(0.8, min(len(a), len(b)) / max(len(a), len(b)))
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() >= SIMILAR else 0.0


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())[:400]


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
        first = next((seen[k] for k in keys if k in seen), None)
        if first is not None:
            matches.append(Match(row, Outcome.DUPLICATE, how=f"line {first}"))
            continue
        for key in keys:
            seen[key] = row.line
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
    if row.permalink and _link_key(row.permalink) in by_link:
        return Match(row, Outcome.MATCHED, by_link[_link_key(row.permalink)].id, "permalink")
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
        scored = [(similarity(row.text, post.text), -gap.total_seconds(), post) for gap, post in candidates]
        score, _, best = max(scored, key=lambda s: (s[0], s[1]))
        if score >= SIMILAR:
            return Match(row, Outcome.MATCHED, best.id, "time and text")
        return Match(row, Outcome.NEW)
    close = [post for gap, post in candidates if gap <= CLOSE]
    if len(close) == 1:
        return Match(row, Outcome.MATCHED, close[0].id, "time")
    return Match(row, Outcome.NEW)


def _gap(post: Candidate, published: dt.datetime, timed: bool) -> dt.timedelta | None:
    if post.time is None or not timed:
        return dt.timedelta(0) if post.date == published.date() else None
    if post.date is None:  # not met: only dated posts are candidates for a day
        return None
    return abs(dt.datetime.combine(post.date, post.time) - published.replace(tzinfo=None))


def _link_key(link: str) -> str:
    """Permalinks compare without scheme, `www.`, query and trailing slash."""
    link = link.strip().casefold()
    if not link:
        return ""
    link = link.split("://", 1)[-1].removeprefix("www.").removeprefix("m.")
    return link.split("?", 1)[0].split("#", 1)[0].rstrip("/")
