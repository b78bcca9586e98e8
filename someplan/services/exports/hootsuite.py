"""A Hootsuite bulk-composer CSV for one channel, and the rules Hootsuite holds it to.

The file, as Hootsuite's bulk composer takes it: no header; three columns by position: the date
and time (``dd/mm/yyyy hh:mm``, 24-hour clock; ``mm/dd/yyyy hh:mm`` when chosen, as on the upload
page), the message, an optional link; at most 350 rows; one social profile per file; every time
ahead of now and on a 5-minute mark. UTF-8 without a byte-order mark (a BOM would stick to the
first date). Times are the workspace's local times: the Hootsuite account's time zone must be
the same.

The message is the post's caption, else its title, exactly as written: no apostrophe against
spreadsheet formulas here (it would be posted), and no cutting.

A post that breaks a rule is reported with every reason (`Violation`) and left out of the file;
`strict` callers refuse the whole file instead (see `services.exports.run`). The rules:

- a time of day is needed (a post "some time that day" cannot be scheduled);
- the time must be ahead of now, and on a 5-minute mark (09:30, not 09:32);
- the message must not be empty, nor longer than the network takes (Facebook 63,206 characters,
  Instagram 2,200, LinkedIn 3,000, TikTok 2,200; other networks are not checked);
- a link must be a web address (``http://`` or ``https://``);
- at most 350 rows: the posts after the 350th (in time order) are left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from someplan.domain.channel import Channel, Network
from someplan.domain.post import Post
from someplan.domain.weeks import day_label
from someplan.i18n import _, language
from someplan.services.exports.common import message_of, one_line, plan_order

MAX_ROWS = 350
MINUTE_STEP = 5
MESSAGE_LIMITS = {
    Network.FACEBOOK: 63_206,
    Network.INSTAGRAM: 2_200,
    Network.LINKEDIN: 3_000,
    Network.TIKTOK: 2_200,
}
NETWORK_NAMES = {Network.FACEBOOK: "Facebook", Network.INSTAGRAM: "Instagram", Network.LINKEDIN: "LinkedIn",
                 Network.TIKTOK: "TikTok"}  # fmt: skip
DATE_FORMATS = {"dmy": "%d/%m/%Y %H:%M", "mdy": "%m/%d/%Y %H:%M"}


class Rule(StrEnum):
    NO_TIME = "no-time"
    PAST = "past"
    OFF_MARK = "off-mark"
    EMPTY = "empty"
    TOO_LONG = "too-long"
    BAD_LINK = "bad-link"
    TOO_MANY = "too-many"


@dataclass(frozen=True)
class Violation:
    rule: Rule
    message: str  # in the language spoken


@dataclass(frozen=True)
class Skipped:
    post: Post
    violations: tuple[Violation, ...]

    @property
    def reasons(self) -> str:
        return "; ".join(v.message for v in self.violations)


@dataclass(frozen=True)
class HootsuiteFile:
    data: bytes
    rows: tuple[Post, ...]  # the posts in the file, in its order
    skipped: tuple[Skipped, ...] = field(default=())


def violations(post: Post, network: Network | None, now: dt.datetime) -> list[Violation]:
    """Every rule `post` breaks; `now` is the local time of the workspace (naive)."""
    found = []
    if post.time is None:
        found.append(Violation(Rule.NO_TIME, _("no time of day: Hootsuite needs one")))
    else:
        assert post.date is not None  # hootsuite_file checks dated posts only
        at = dt.datetime.combine(post.date, post.time)
        shown = post.time.strftime("%H:%M")
        if at <= now:
            found.append(Violation(Rule.PAST, _("{date} {time} has passed: Hootsuite schedules only times ahead").format(
                time=shown, date=day_label(post.date, language(), weekday=None, year=True))))  # fmt: skip
        if post.time.minute % MINUTE_STEP or post.time.second:
            earlier, later = _marks(at)
            found.append(Violation(Rule.OFF_MARK, _("{time} is not on a 5-minute mark ({earlier} or {later})").format(
                time=shown, earlier=earlier.strftime("%H:%M"), later=later.strftime("%H:%M"))))  # fmt: skip
    message = message_of(post)
    if not message:
        found.append(Violation(Rule.EMPTY, _("no caption and no title: nothing to post")))
    limit = MESSAGE_LIMITS.get(network) if network else None
    if network and limit and len(message) > limit:
        found.append(Violation(Rule.TOO_LONG, _("the message has {length} characters; {network} takes at most {limit}").format(
            length=number(len(message)), network=NETWORK_NAMES[network], limit=number(limit))))  # fmt: skip
    link = one_line(post.link)
    if link and not (link.lower().startswith(("http://", "https://")) and " " not in link and len(link) > 8):
        found.append(Violation(Rule.BAD_LINK, _("the link is not a web address (http:// or https://)")))
    return found


def number(value: int) -> str:
    """63,206 in English, 63 206 in Norwegian (a no-break space)."""
    return f"{value:,}".replace(",", "\u00a0" if language() == "nb" else ",")


def _marks(at: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    earlier = at.replace(second=0) - dt.timedelta(minutes=at.minute % MINUTE_STEP)
    return earlier, earlier + dt.timedelta(minutes=MINUTE_STEP)


def hootsuite_file(posts: Iterable[Post], channel: Channel, now: dt.datetime, date_format: str = "dmy") -> HootsuiteFile:
    """The bulk-composer file of `posts` for `channel` (posts of other channels are not taken)."""
    if date_format not in DATE_FORMATS:
        raise ValueError(f"date_format={date_format!r}")
    rows: list[Post] = []
    skipped: list[Skipped] = []
    for post in sorted((p for p in posts if p.date is not None and p.channel == channel.id), key=plan_order):
        found = violations(post, channel.network, now)
        if found:
            skipped.append(Skipped(post, tuple(found)))
        elif len(rows) >= MAX_ROWS:
            why = _("over Hootsuite's {limit} rows per file: export a shorter range").format(limit=MAX_ROWS)
            skipped.append(Skipped(post, (Violation(Rule.TOO_MANY, why),)))
        else:
            rows.append(post)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    pattern = DATE_FORMATS[date_format]
    for post in rows:
        assert post.date is not None and post.time is not None  # a post without either is skipped
        writer.writerow([dt.datetime.combine(post.date, post.time).strftime(pattern), message_of(post), one_line(post.link)])
    skipped.sort(key=lambda s: plan_order(s.post))
    return HootsuiteFile(buffer.getvalue().encode("utf-8"), tuple(rows), tuple(skipped))
