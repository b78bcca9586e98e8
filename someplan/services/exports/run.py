"""The export use case, shared by `someplan export` and the planner's export dialog.

`prepare` reads the workspace and makes the file's bytes with what was left out and why;
`write` puts them where the user said (see `files` for the rules). Nothing is written to the
workspace's records: an export only reads them.

Defaults when no period is given (decided for how each file is used):

- ics: from 4 weeks back to 26 weeks ahead (a calendar shows what is coming and what just was);
- hootsuite: from today to the end of the 4th week (what is ready to schedule now), and only
  posts marked *ready* unless statuses are given: a scheduler publishes what it gets, and
  *scheduled* posts are taken to be in a scheduler already;
- markdown, html: the week of today;
- csv: every post, undated ones included;
- wheel: the year wheel of this year (`year` another), the planner's wheel as a picture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from someplan.domain.channel import Channel
from someplan.domain.post import Post, Status
from someplan.domain.weeks import PLAN_YEARS, IsoWeek, day_label
from someplan.i18n import _, language, ngettext
from someplan.services.catalog import POSTS, Catalog
from someplan.services.errors import UserError
from someplan.services.exports import ALIASES, FORMATS
from someplan.services.exports.common import Names, Selection, slug
from someplan.services.exports.digest import Period, build_digest
from someplan.services.exports.files import check_target, default_name, device_id, target_path, write_file
from someplan.services.exports.hootsuite import DATE_FORMATS, Skipped, hootsuite_file
from someplan.services.user_input import parse_statuses

ICS_WEEKS_BACK, ICS_WEEKS_AHEAD = 4, 26
HOOTSUITE_WEEKS = 4
DEFAULT_ZONE = "Europe/Oslo"


@dataclass(frozen=True)
class ExportRequest:
    format: str
    period: Period | None = None  # None: the format's default (see the module's docstring)
    channels: tuple[str, ...] = ()  # names or ids as the user typed them
    statuses: tuple[str, ...] = ()
    date_format: str = "dmy"  # hootsuite: dmy or mdy
    delimiter: str | None = None  # csv: "," or ";"; None: ";" in Norwegian, "," in English
    year: int | None = None  # wheel: the year drawn; None: this year


@dataclass(frozen=True)
class ExportResult:
    """A file ready to write. The calendar's bytes are made when first read (`data`): the
    planner's export dialog shows the count and the name at once and asks for the bytes only
    when the user writes them (made from the posts read here, so the file is the one previewed)."""

    format: str
    content: bytes | Callable[[], bytes]  # the bytes, or what makes them when first read
    count: int  # posts in the file
    period: Period | None
    default_name: str
    device: str  # this machine's id, which the default name holds and a target in the workspace must
    skipped: tuple[Skipped, ...] = ()  # hootsuite: posts left out, with every reason
    notes: tuple[str, ...] = field(default=())
    # Why nothing may be written: a Hootsuite file without a post (the bulk composer refuses an
    # empty file, and a 0-byte file beside "exported 0 posts" only misleads). Other formats are
    # written empty on purpose: a subscribed calendar must lose its events too.
    nothing: str | None = None

    @property
    def data(self) -> bytes:
        if callable(self.content):
            object.__setattr__(self, "content", self.content())  # made once; frozen otherwise
        assert isinstance(self.content, bytes)
        return self.content

    def done_message(self, path: object) -> str:
        """ "Exported 12 posts to …/x.csv (2 posts left out)", in the language spoken."""
        if self.format == "wheel":  # a picture of the year, not a list of posts
            return ngettext("Wrote the year wheel to {path} ({n} post planned in its year)",
                            "Wrote the year wheel to {path} ({n} posts planned in its year)",
                            self.count).format(n=self.count, path=path)  # fmt: skip
        text = ngettext("Exported {n} post to {path}", "Exported {n} posts to {path}", self.count).format(n=self.count, path=path)
        if self.skipped:
            left = len(self.skipped)
            text += " " + ngettext("({n} post left out)", "({n} posts left out)", left).format(n=left)
        return text


def normalise_format(text: str) -> str:
    wanted = text.strip().lower()
    wanted = ALIASES.get(wanted, wanted)
    if wanted not in FORMATS:
        raise UserError(_("unknown export format {name!r}; known: {known}").format(name=text, known=", ".join(FORMATS)))
    return wanted


def prepare(catalog: Catalog, request: ExportRequest, today: dt.date, now: dt.datetime | None = None) -> ExportResult:
    """The export's bytes. `now` (local, naive) is what Hootsuite's "ahead of now" is checked against."""
    fmt = normalise_format(request.format)
    channels = [catalog.channel(text) for text in request.channels]
    statuses = parse_statuses(request.statuses)
    period = request.period or default_period(fmt, today)
    names = Names.of(catalog.channels(), catalog.categories(), {p.id: p.name for p in catalog.people()})
    chosen = frozenset(c.id for c in channels) or None
    device = device_id(catalog.workspace)
    if fmt == "wheel":
        return _wheel(catalog, request.year or today.year, today, device)
    if fmt == "hootsuite":
        assert period is not None  # default_period has one for every format but the posts CSV
        return _hootsuite(catalog, channels, statuses, period, request.date_format, now or local_now(catalog, today), device)
    selection = Selection(period.first if period else None, period.last if period else None, chosen, statuses)
    if fmt in ("markdown", "html"):
        # The digest's planned-vs-target table counts whole weeks: read those once, pick from them.
        assert period is not None  # default_period has one for every format but the posts CSV
        weeks = period.weeks()
        posts = catalog.posts_between(weeks[0].monday, weeks[-1].sunday)
    else:
        posts = catalog.posts_between(period.first, period.last) if period else catalog.posts()
    picked = selection.pick(posts)
    if fmt == "ics":
        from someplan.services.exports.ics import calendar_bytes

        zone, zone_name, notes = workspace_zone(catalog)
        title, changed = catalog.name(), last_changed(catalog, (p.id for p in picked))
        data = lambda: calendar_bytes(picked, names, title, zone, zone_name, changed)  # noqa: E731
        return ExportResult(fmt, data, len(picked), period, default_name(fmt, device), device, notes=notes)
    if fmt == "csv":
        from someplan.services.exports.posts_csv import posts_csv

        delimiter = request.delimiter or (";" if language() == "nb" else ",")
        name = default_name(fmt, device, request.period.slug() if request.period else None)
        return ExportResult(fmt, posts_csv(picked, names, delimiter), len(picked), request.period, name, device)
    assert period is not None  # default_period has one for every format but the posts CSV
    return _digest(catalog, fmt, period, picked, posts, names, chosen, device)


def _digest(
    catalog: Catalog,
    fmt: str,
    period: Period,
    picked: list[Post],
    load_posts: list[Post],
    names: Names,
    chosen: frozenset[str] | None,
    device: str,
) -> ExportResult:
    from someplan.services.calendar_data import days_between

    locale = language()
    channels = [c for c in catalog.channels() if chosen is None or c.id in chosen]
    digest = build_digest(catalog.name(), period, picked, names, channels, catalog.events(),
                          days_between(period.first, period.last, locale), locale,
                          load_posts=load_posts)  # fmt: skip
    if fmt == "markdown":
        from someplan.services.exports.markdown import digest_markdown

        text = digest_markdown(digest)
    else:
        from someplan.services.exports.html import digest_html

        text = digest_html(digest)
    return ExportResult(fmt, text.encode("utf-8"), digest.post_count, period, default_name(fmt, device, period.slug()), device)


def _wheel(catalog: Catalog, year: int, today: dt.date, device: str) -> ExportResult:
    from someplan.services.exports.wheel_svg import wheel_svg
    from someplan.services.year_wheel import build_year_wheel

    if year not in PLAN_YEARS:
        raise UserError(_("not a year someplan plans: {year}").format(year=year))
    wheel = build_year_wheel(catalog, year, language())
    data = wheel_svg(wheel, language(), today, catalog.name()).encode("utf-8")
    count = sum(row.posts for row in wheel.weeks)
    return ExportResult("wheel", data, count, None, default_name("wheel", device, str(year)), device)


def _hootsuite(
    catalog: Catalog,
    channels: list[Channel],
    statuses: frozenset[Status] | None,
    period: Period,
    date_format: str,
    now: dt.datetime,
    device: str,
) -> ExportResult:
    if len(channels) != 1:
        known = ", ".join(c.name for c in catalog.channels()) or "–"
        raise UserError(_("a Hootsuite file is for one channel: choose one ({known})").format(known=known))
    if date_format not in DATE_FORMATS:
        raise UserError(_("unknown date format {name!r}: use dmy or mdy").format(name=date_format))
    channel = channels[0]
    wanted = statuses or frozenset({Status.READY})
    posts = [p for p in catalog.posts_between(period.first, period.last) if p.channel == channel.id]
    chosen = [p for p in posts if p.status in wanted]
    notes = []
    others = len(posts) - len(chosen)
    if others:
        notes.append(ngettext("{n} post of the channel in this period has another status and was not taken",
                              "{n} posts of the channel in this period have another status and were not taken",
                              others).format(n=others))  # fmt: skip
    made = hootsuite_file(chosen, channel, now, date_format)
    name = default_name("hootsuite", device, channel=slug(channel.name, "channel"))
    nothing = None if made.rows else _nothing_message(channel.name, wanted, period, len(made.skipped))
    return ExportResult("hootsuite", made.data, len(made.rows), period, name, device, made.skipped, tuple(notes), nothing)


def _nothing_message(channel: str, statuses: frozenset[Status], period: Period, broken: int) -> str:
    if broken:
        return ngettext("nothing to export: the one post found breaks Hootsuite's rules (above); no file was written",
                        "nothing to export: all {n} posts found break Hootsuite's rules (above); no file was written",
                        broken).format(n=broken)  # fmt: skip
    return _("nothing to export: {channel} has no post with status {statuses} from {first} to {last}; "
             "no file was written").format(channel=channel, statuses=", ".join(s.label() for s in sorted(statuses)),
                                           first=day_label(period.first, language(), weekday=None, year=True),
                                           last=day_label(period.last, language(), weekday=None, year=True))  # fmt: skip


def write(result: ExportResult, catalog: Catalog, output: str | None = None, force: bool = False) -> Path:
    """Write `result` to `output` (a file or a folder; None: the workspace's exports folder)."""
    if result.nothing:
        raise UserError(result.nothing)
    root = catalog.workspace.root
    path = target_path(output, root, result.default_name)
    check_target(path, root, result.device, force)
    write_file(path, result.data)
    return path


# -- inputs ------------------------------------------------------------------------------------


def default_period(fmt: str, today: dt.date) -> Period | None:
    week = IsoWeek.of(today)
    if fmt == "ics":
        return Period((week - ICS_WEEKS_BACK).monday, (week + ICS_WEEKS_AHEAD).sunday)
    if fmt == "hootsuite":
        return Period(today, (week + (HOOTSUITE_WEEKS - 1)).sunday)
    if fmt in ("markdown", "html"):
        return Period.week(week)
    return None


def range_period(first: dt.date | None, last: dt.date | None, today: dt.date) -> Period:
    """From `first` to `last`; a missing end is 4 weeks after the start, a missing start today."""
    first = first or today
    last = last or first + dt.timedelta(weeks=4)
    if last < first:
        raise UserError(_("the period ends before it starts"))
    return Period(first, last)


# -- what the formats need from the workspace ----------------------------------------------------


def workspace_zone(catalog: Catalog) -> tuple[tzinfo, str, tuple[str, ...]]:
    """(tzinfo, name, notes): the workspace's time zone; an unknown one falls back to Oslo."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = catalog.settings().timezone or DEFAULT_ZONE
    try:
        return ZoneInfo(name), name, ()
    except (ZoneInfoNotFoundError, ValueError):
        note = _("unknown time zone {zone!r} in the workspace settings: {default} is used").format(
            zone=name, default=DEFAULT_ZONE
        )
        return ZoneInfo(DEFAULT_ZONE), DEFAULT_ZONE, (note,)


def local_now(catalog: Catalog, today: dt.date) -> dt.datetime:
    """Now in the workspace's time zone (naive). When "today" is pinned to another day
    ($SOMEPLAN_TODAY, a sample's own date), that day's first minute: the same answer every run."""
    zone, _name, _notes = workspace_zone(catalog)
    now = dt.datetime.now(zone).replace(tzinfo=None, second=0, microsecond=0)
    return now if now.date() == today else dt.datetime.combine(today, dt.time.min)


def last_changed(catalog: Catalog, post_ids: Iterable[str]) -> dict[str, dt.datetime]:
    """The UTC time of each post's latest edit, from the stamps of its fields' winning ops."""
    found = {}
    for post_id in post_ids:
        change = catalog.workspace.last_change(POSTS, post_id)
        if change:
            found[post_id] = dt.datetime.fromtimestamp(change.wall_ms / 1000, tz=dt.UTC)
    return found
