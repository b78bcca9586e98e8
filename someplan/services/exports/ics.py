"""The plan as an iCalendar file (RFC 5545), written with the `icalendar` library.

Decisions, so that a calendar that imports or subscribes to the file stays right:

- One VEVENT per dated post. UID = the post id + ``@someplan``: the same post is the same event in
  every export, so a subscribed calendar updates it instead of adding a second one, also after
  the post moved to another day or channel.
- Nothing depends on the moment of export: DTSTAMP and LAST-MODIFIED are the time of the post's
  latest edit (RFC 5545: without a METHOD, DTSTAMP is the last modification), and SEQUENCE is that
  time in seconds since 2020-01-01 UTC, which grows with every edit (edits carry hybrid logical
  clock stamps: an edit made after another one is always stamped later). Events are in plan order.
  So an export of unchanged data is byte for byte the one before, and an edited post carries a
  higher SEQUENCE, which calendar programs take as "this event changed" on a re-import.
- Times are written in UTC (``…Z``), converted from the workspace's time zone. A VTIMEZONE would
  be the other way, but Outlook misreads the RDATE form that generated time zones take (events
  an hour off in summer); every program reads UTC right and shows it in the user's own zone.
  X-WR-TIMEZONE names the workspace's zone for the programs that honour it (Apple, Google).
- A post without a time is an all-day event (DATE, ending the next day, as RFC 5545 counts).
  A timed post lasts `TIMED_MINUTES`. Posts are TRANSPARENT: they never make anyone look busy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from datetime import tzinfo

from icalendar import Calendar, Event, vDuration, vText

from someplan.domain.post import Post, Status
from someplan.i18n import _, language, pgettext
from someplan.services.exports.common import Names, clean, one_line, plan_order, summary_of

UID_SUFFIX = "@someplan"
PRODID = "-//someplan//someplan plan export//EN"
TIMED_MINUTES = 15
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
MAX_SEQUENCE = 2**31 - 1
REFRESH = dt.timedelta(hours=1)  # how often a subscribed calendar should look again
_TENTATIVE = (Status.IDEA, Status.DRAFT)


def uid_of(post_id: str) -> str:
    return f"{post_id}{UID_SUFFIX}"


def calendar_bytes(
    posts: Iterable[Post],
    names: Names,
    calendar_name: str,
    zone: tzinfo,
    zone_name: str,
    changed: Mapping[str, dt.datetime],
) -> bytes:
    """The `.ics` of the dated posts among `posts`.

    `zone` is the workspace's time zone (post times are local to it); `changed` maps a post id to
    the UTC time of its latest edit (a post missing from it counts as changed at the epoch).
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # vText: icalendar does not know these as TEXT, and would leave a ";" or "," unescaped.
    calendar.add("name", vText(one_line(calendar_name)))
    calendar.add("x-wr-calname", vText(one_line(calendar_name)))
    calendar.add("x-wr-caldesc", vText(_("Posts planned in someplan")))
    calendar.add("x-wr-timezone", zone_name)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    for post in sorted((p for p in posts if p.date is not None), key=plan_order):
        calendar.add_component(_event(post, names, zone, changed.get(post.id)))
    data: bytes = calendar.to_ical()
    return data


def _event(post: Post, names: Names, zone: tzinfo, changed: dt.datetime | None) -> Event:
    assert post.date is not None  # calendar_bytes passes the dated posts only
    stamp = (changed or SEQUENCE_EPOCH).astimezone(dt.UTC).replace(microsecond=0)
    event = Event()
    event.add("uid", uid_of(post.id))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    # RFC 5545 integers are 32-bit: seconds since 2020 run out in 2088, and an edit stamped later
    # (a clock far ahead) keeps the highest SEQUENCE there is.
    event.add("sequence", min(max(int((stamp - SEQUENCE_EPOCH).total_seconds()), 0), MAX_SEQUENCE))
    if post.time is None:
        event.add("dtstart", post.date)
        event.add("dtend", post.date + dt.timedelta(days=1))
    else:
        start = dt.datetime.combine(post.date, post.time, tzinfo=zone).astimezone(dt.UTC)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=TIMED_MINUTES))
    event.add("summary", summary_of(post, names))
    event.add("description", description(post, names))
    event.add("status", "TENTATIVE" if post.status in _TENTATIVE else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    category = one_line(names.category(post))
    if category:
        event.add("categories", [category])
    link = one_line(post.link)
    if link.lower().startswith(("https://", "http://")):
        event.add("url", link)
    return event


def description(post: Post, names: Names) -> str:
    """Category, status, owner and link, then the caption and the notes."""
    facts = [
        (pgettext("export", "Channel"), one_line(names.channel(post))),
        (pgettext("export", "Category"), one_line(names.category(post))),
        (pgettext("export", "Status"), post.status.label(language())),
        (pgettext("export", "Owner"), one_line(post.owner)),
        (pgettext("export", "Link"), one_line(post.link)),
    ]
    lines = [pgettext("export", "{label}: {value}").format(label=label, value=value) for label, value in facts if value]
    caption, notes = clean(post.caption), clean(post.notes)
    if caption:
        lines += ["", caption]
    if notes:
        lines += ["", pgettext("export", "Notes: {notes}").format(notes=notes)]
    return "\n".join(lines)
