"""Typed access to a workspace's records, and finding them by the names people type."""

from __future__ import annotations

import datetime as dt
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from someplan.domain.category import Category, rotation_order
from someplan.domain.channel import Channel
from someplan.domain.doc_fields import DocReader, enum_member, parse_date
from someplan.domain.event import Event
from someplan.domain.ids import short_ids
from someplan.domain.post import Post, Status
from someplan.domain.settings import WorkspaceSettings
from someplan.domain.weeks import day_label
from someplan.i18n import N_, _, language
from someplan.services.errors import UserError
from someplan.store import post_index
from someplan.store.post_index import PostIndex
from someplan.store.workspace import Workspace
from someplan.textsafe import literal

if TYPE_CHECKING:
    from someplan.domain.batch import BatchSession
    from someplan.domain.goals import Goal
    from someplan.domain.person import Person

POSTS, CHANNELS, CATEGORIES, PEOPLE, EVENTS, SETTINGS = "posts", "channels", "categories", "people", "events", "settings"
BATCHES = "batches"
SETTINGS_ID = "workspace"
TODAY_ENV = "SOMEPLAN_TODAY"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # YYYY-MM-DD: pins "today", for demos, scripts and tests

R = TypeVar("R")


class Named(Protocol):
    """A record users pick by name or id: a channel, a category, a person."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=Named)


class Catalog:
    """Records of one workspace as domain objects; re-read whenever the workspace changed."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._cache: dict[str, tuple[int, object]] = {}  # name → (workspace version, value)

    def _records(self, table: str, read: Callable[[dict[str, Any], str], R]) -> list[R]:
        return self._derived(table, lambda: [read(doc, rid) for rid, doc in self.workspace.view(table).items()])

    def posts(self) -> list[Post]:
        return self._records(POSTS, Post.from_doc)

    def posts_where(self, name: str, stored: Callable[[dict[str, Any]], bool]) -> list[Post]:
        """The posts whose stored document passes `stored`, in the store's order, decoded once
        per workspace version under `name`: a cheap test of the dict instead of a `Post` made of
        every post of a long history."""
        return self._derived(name, lambda: [Post.from_doc(d, rid) for rid, d in self.workspace.view(POSTS).items() if stored(d)])

    def earned_posts(self) -> list[Post]:
        """The earned posts (a customer's or partner's content), in the store's order, found in the
        posts' index: the months they lie in are read, not the whole history."""
        return self._derived("earned_posts", self._earned_posts)

    def _earned_posts(self) -> list[Post]:
        with self.workspace.lock:
            earned = self._date_index().earned  # in the store's order
            docs = self._post_docs({month for _position, _rid, month in earned}) if earned else {}
            return [Post.from_doc(docs[rid], rid) for _position, rid, _month in earned]

    def published_posts(self) -> list[Post]:
        """The published posts (on a long history a third of the posts; the figures and the best
        assets need no others)."""
        return self.posts_where("published_posts", _says_published)

    def posts_between(self, first: dt.date, last: dt.date) -> list[Post]:
        """Posts dated from `first` to `last`, in the store's order; only those are turned into
        `Post` objects, found in the date index (a history of 30,000 posts is not walked)."""
        low, high = first.isoformat(), last.isoformat()

        def between(index: PostIndex) -> list[Post]:
            at, to = bisect_left(index.days, low), bisect_right(index.days, high)
            chosen = sorted(chain.from_iterable(index.ids[at:to]))
            docs = self._post_docs(index.days[at:to])
            # A post read for one range is the same object for the next, while the workspace is
            # the same: a first frame asks for the week, 12 weeks of rotation and 8 + 4 of figures.
            made: dict[str, Post] = self._derived("posts_made", dict)
            return [made.get(rid) or made.setdefault(rid, Post.from_doc(docs[rid], rid)) for _position, rid in chosen]

        return self._by_date(between)

    def _post_docs(self, days: Iterable[str], backlog: bool = False) -> Mapping[str, dict[str, Any]]:
        """The stored posts of `days` (and the undated, with `backlog`): from the workspace's
        read cache month by month while it holds, else the whole table."""
        months = {day[:7] for day in days} | ({""} if backlog else set())
        found = self.workspace.post_docs(months)
        return found if found is not None else self.workspace.view(POSTS)

    def docs_between(self, first: dt.date, last: dt.date) -> list[tuple[str, dict[str, Any]]]:
        """(id, stored fields) of the posts dated from `first` to `last`, undecoded: for a caller
        that reads a few fields of thousands of posts (best times, goals)."""
        low, high = first.isoformat(), last.isoformat()

        def between(index: PostIndex) -> list[tuple[str, dict[str, Any]]]:
            at, to = bisect_left(index.days, low), bisect_right(index.days, high)
            chosen = sorted(chain.from_iterable(index.ids[at:to]))
            docs = self._post_docs(index.days[at:to])
            return [(rid, docs[rid]) for _position, rid in chosen]

        return self._by_date(between)

    def _date_index(self) -> PostIndex:
        return self._derived("date_index", self._make_date_index)

    def _by_date(self, use: Callable[[PostIndex], R]) -> R:
        """`use(index)`; again with the index made from every post when a part of the read cache's
        does not read as noted (then that cache's posts are not trusted either)."""
        with self.workspace.lock:
            try:
                return use(self._date_index())
            except post_index.Unreadable:
                self.workspace.view(POSTS)  # every post: from the cache if it reads, else the cells
                self._cache.pop("date_index", None)  # made again, now from every post
                return use(self._date_index())

    def asset_references(self) -> list[list[Any]]:
        """The asset references of every post that has any, as stored."""
        return list(self._date_index().assets.values())

    def _make_date_index(self) -> PostIndex:
        return self.workspace.post_index() or post_index.make(self.workspace.view(POSTS))

    def _derived(self, name: str, compute: Callable[[], R]) -> R:
        """A value computed from the records once per workspace version (many callers a redraw)."""
        version = self.workspace.version
        cached = self._cache.get(name)
        if cached is None or cached[0] != version:
            with self.workspace.lock:
                cached = self._cache[name] = (version, compute())
        return cast(R, cached[1])  # what `compute` made for this name

    def last_post_dates(self) -> dict[str, dt.date]:
        """The latest dated post per category id, from the stored fields (no `Post` objects)."""
        return self._derived("last_post_dates", self._last_post_dates)

    def pending_by_category(self) -> dict[str, int]:
        """Each category's drafts and ready posts, dated or not, from the posts' index (the whole
        history of posts is not read for it)."""
        return self._date_index().pending

    def _last_post_dates(self) -> dict[str, dt.date]:
        latest = self._date_index().latest
        return {category: found for category, day in latest.items() if (found := parse_date(day))}

    def rotation_posts(self, first: dt.date, last: dt.date | None = None) -> list[Post]:
        """What the rotation engine needs from `first` on (to `last`), without decoding every post.

        The posts dated from `first` on, as stand-ins with only category, channel, date and time
        (all the engine reads of a dated post: the time says which slot it holds); the undated
        drafts and ready posts (the backlog) in full; and for each category its latest post before
        `first`, as a stand-in with only category and date (the engine needs no more of a post
        before the weeks it plans). With `last`, the posts dated after it are left out: the engine
        plans a week from the posts before and in it, never from later ones (a date text that may
        not read as a date stays in, for it may make its post backlog).
        """
        low = first.isoformat()

        def read(index: PostIndex) -> tuple[list[Post], dict[str, str]]:
            at = bisect_left(index.days, low)
            end = len(index.days) if last is None else bisect_right(index.days, last.isoformat())
            picked = [*range(at, end), *(i for i in range(end, len(index.days)) if not _plain_day(index.days[i]))]
            chosen = sorted([*chain.from_iterable(index.ids[i] for i in picked), *index.backlog])
            docs = self._post_docs([index.days[i] for i in picked], backlog=True)
            found = [_rotation_post(docs[rid], rid) for _position, rid in chosen]
            before = {}
            for category, days in sorted(index.by_category.items()):
                at = bisect_left(days, low)
                if at:
                    before[category] = days[at - 1]
            return found, before

        found, before = self._by_date(read)
        stand_ins = [
            Post(f"~{category}", category=category, date=parsed)
            for category, day in before.items()
            if (parsed := parse_date(day))
        ]
        return found + stand_ins

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """The first and the last date any post is planned on."""
        return self._derived("date_range", self._date_range)

    def _date_range(self) -> tuple[dt.date, dt.date] | None:
        return self._by_date(self._date_range_of)

    def _date_range_of(self, index: PostIndex) -> tuple[dt.date, dt.date] | None:
        if self.workspace.post_index() is not None and all(map(_ISO_DAY.fullmatch, index.days)):
            # Days that are plain ISO dates sort as the dates do: the first and the last day
            # with a post whose whole date text reads are the range (a few months read, not all).
            def first_of(positions: Iterable[int]) -> dt.date | None:
                for at in positions:
                    docs = self._post_docs([index.days[at]])
                    if any(parse_date(docs[rid].get("date")) for _position, rid in index.ids[at]):
                        return dt.date.fromisoformat(index.days[at])
                return None

            low, high = first_of(range(len(index.days))), first_of(reversed(range(len(index.days))))
            return (low, high) if low and high else None
        dates = [found for doc in self.workspace.view(POSTS).values() if (found := parse_date(doc.get("date")))]
        return (min(dates), max(dates)) if dates else None

    def channels(self) -> list[Channel]:
        return sorted(self._records(CHANNELS, Channel.from_doc), key=lambda c: c.name.casefold())

    def categories(self) -> list[Category]:
        return sorted(self._records(CATEGORIES, Category.from_doc), key=lambda c: c.name.casefold())

    def people(self) -> list[Person]:
        from someplan.domain.person import Person  # deferred: `someplan status` reads no one

        return sorted(self._records(PEOPLE, Person.from_doc), key=lambda p: p.name.casefold())

    def rotation(self) -> list[Category]:
        """The categories in the user's rotation order."""
        return sorted(self.categories(), key=rotation_order)

    def batches(self) -> list[BatchSession]:
        from someplan.domain.batch import BatchSession  # deferred: only the batch screen and command need it

        return self._records(BATCHES, BatchSession.from_doc)

    def events(self) -> list[Event]:
        return self._records(EVENTS, Event.from_doc)

    def goals(self) -> list[Goal]:
        from someplan.domain.goals import Goal  # deferred: only a workspace with goals needs it

        return self._records("goals", Goal.from_doc)

    def settings(self) -> WorkspaceSettings:
        return WorkspaceSettings.from_doc(self.workspace.view(SETTINGS).get(SETTINGS_ID, {}))

    def sample_date(self) -> dt.date | None:
        text = self.workspace.view(SETTINGS).get(SETTINGS_ID, {}).get("sample_date")
        try:
            return dt.date.fromisoformat(text) if isinstance(text, str) else None
        except ValueError:
            return None

    def name(self) -> str:
        return self.settings().name or self.workspace.root.resolve().name

    # -- by name or id -------------------------------------------------------------------------

    def channel(self, text: str) -> Channel:
        return _find(self.channels(), text, N_("unknown channel {text!r}; known: {known}"))

    def category(self, text: str) -> Category:
        return _find(self.categories(), text, N_("unknown category {text!r}; known: {known}"))

    def person(self, text: str) -> Person:
        return _find(self.people(), text, N_("unknown person {text!r}; known: {known}"))

    def channel_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.channels()}

    def category_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.categories()}

    def short_post_ids(self) -> dict[str, str]:
        """Each post's id cut to its shortest unique start (8+ characters), deleted posts
        included, so a short id also works for `restore` and `history`."""
        return self._derived("short_post_ids", lambda: short_ids([*self.workspace.view(POSTS), *self.workspace.deleted(POSTS)]))

    def post(self, text: str) -> Post:
        """A post by id or by a unique start of its id (at least 6 characters)."""
        text = text.strip().lower()
        with self.workspace.lock:  # looked up by id: only the one post is decoded
            read = self.workspace.post_docs(None)  # the months read so far (the backlog's, for status)
            if read is not None and text in read:
                return Post.from_doc(read[text], text)
            docs = self.workspace.view(POSTS)
            if text in docs:
                return Post.from_doc(docs[text], text)
            found = [rid for rid in docs if len(text) >= 6 and rid.startswith(text)]
            if len(found) == 1:
                return Post.from_doc(docs[found[0]], found[0])
        if found:
            raise UserError(_("{text!r} matches {count} posts; give more of the id").format(text=text, count=len(found)))
        if text in self.workspace.deleted(POSTS):
            raise UserError(_("post {id} is deleted; bring it back with: someplan restore {id}").format(id=text))
        raise UserError(_("no post with id {text!r} (see: someplan list)").format(text=text))


def _plain_day(day: str) -> bool:
    """Whether every post whose date text begins with `day` (the index's first ten characters)
    reads as that day: "2026-12-01" does, " 2026-12-" or "2026-02-30" may not."""
    return day[:1].isdigit() and parse_date(day) is not None


def _rotation_post(doc: dict[str, Any], rid: str) -> Post:
    reader = DocReader(doc)
    day = reader.date("date")
    if day is None:  # undated, or a date that does not read: maybe backlog, which is shown in full
        return Post.read(reader, rid)
    return Post(rid, category=reader.optional_text("category"), channel=reader.optional_text("channel"), date=day,
                time=reader.time("time"))  # fmt: skip


def _find(records: Iterable[N], text: str, unknown: str) -> N:
    wanted = text.strip().casefold()
    records = list(records)
    for record in records:
        if record.id == text.strip() or record.name.casefold() == wanted:
            return record
    # Colleagues' names, shown wherever the error goes (terminal, planner): literally.
    known = ", ".join(literal(r.name) for r in records) or _("none yet")
    raise UserError(_(unknown).format(text=literal(text), known=known))


def real_today(settings: WorkspaceSettings) -> dt.date:
    pinned = os.environ.get(TODAY_ENV)
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise UserError(
                _("${name} must be a date like 2026-11-18, not {value!r}").format(name=TODAY_ENV, value=pinned)
            ) from None
    import zoneinfo  # arrow, below, costs a quick `someplan status` 25 ms more to import

    try:
        return dt.datetime.now(zoneinfo.ZoneInfo(settings.timezone)).date()
    except Exception:  # noqa: BLE001, S110 - not a zone name zoneinfo knows ("local", "+01:00"), or no zone data here
        pass
    import arrow

    try:
        return arrow.now(settings.timezone).date()
    except Exception:  # noqa: BLE001 - any unusable zone in the (hand-editable) settings
        return arrow.now("Europe/Oslo").date()


def seconds_to_midnight(settings: WorkspaceSettings, now: dt.datetime | None = None) -> float:
    """Seconds from `now` (aware; default: the clock) to the next midnight in the workspace's zone,
    for a running planner's "today" to roll over then. Counted in UTC, so that a zone whose clocks
    change at midnight gets the real length of the wait."""
    import zoneinfo

    try:
        zone = zoneinfo.ZoneInfo(settings.timezone)
    except Exception:  # noqa: BLE001 - as real_today: any unusable zone in the settings
        zone = zoneinfo.ZoneInfo("Europe/Oslo")
    local = (now or dt.datetime.now(dt.UTC)).astimezone(zone)
    midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    return (midnight.astimezone(dt.UTC) - local.astimezone(dt.UTC)).total_seconds()


def effective_today(catalog: Catalog) -> tuple[dt.date, str | None]:
    """Today, or a sample workspace's own date when today lies outside what the sample holds."""
    today = real_today(catalog.settings())
    sample = catalog.sample_date()
    if sample is None:
        return today, None
    span = catalog.date_range()
    if span and span[0] <= today <= span[1]:
        return today, None
    note = _("the sample's own date, {day}, is used: today lies outside its plan")
    return sample, note.format(day=day_label(sample, language(), year=True))


def _says_published(doc: object) -> bool:
    """A cheap test before decoding: the stored status reads as published, as `Post.read` reads it."""
    return isinstance(doc, Mapping) and enum_member(Status, doc.get("status")) is Status.PUBLISHED
