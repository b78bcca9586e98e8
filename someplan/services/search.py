"""Search: what a user types to find posts, read once for every face, and run as TinyDB queries.

`parse_terms` reads the text of `someplan search`, the planner's search screen and its week
filter alike. Words match the title, caption, notes, the people featured, the hashtags (a
`#word` is a word of the caption) and the names of the channel, category and status. Keyed
terms match one field: `channel:` `category:` `status:` `person:` (or `kanal:` `kategori:`),
with values in either language (`status:utkast`, `status:draft`); quotes hold a name with a
space (`person:"Kari Solheim"`). Terms of one key are alternatives, everything else must hold.

An unknown key or a value that names nothing is a `UserError` naming what is allowed: a search
that could never match says so instead of looking like an empty plan.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import shlex
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from someplan.domain.doc_fields import parse_date, parse_time
from someplan.domain.plan import day_order
from someplan.domain.post import Post, Status
from someplan.i18n import N_, _
from someplan.services.catalog import POSTS, Catalog
from someplan.services.errors import UserError
from someplan.textsafe import literal

if TYPE_CHECKING:
    from tinydb.queries import QueryInstance

# The keys a term may have, in English and Bokmål, and the field each one means.
KEYS = {
    "channel": "channel", "kanal": "channel",
    "category": "category", "kategori": "category",
    "status": "status",
    "person": "person", "people": "person", "personer": "person",
}  # fmt: skip
_UNKNOWN = {
    "channel": N_("unknown channel {text!r}; known: {known}"),
    "category": N_("unknown category {text!r}; known: {known}"),
    "person": N_("unknown person {text!r}; known: {known}"),
    "status": N_("unknown status {text!r}; known: {known}"),
}


@dataclasses.dataclass(frozen=True)
class Terms:
    """A search as read: the text, its free words (case-folded) and the ids each key allows."""

    text: str
    words: tuple[str, ...] = ()
    channels: frozenset[str] | None = None
    categories: frozenset[str] | None = None
    statuses: frozenset[Status] | None = None
    people: frozenset[str] | None = None
    # For free words: names of the workspace's channels, categories and people by id, folded.
    names: tuple[tuple[str, str], ...] = ()  # (id, folded name) of channels, categories, people

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def condition(self) -> QueryInstance:
        """The TinyDB query of these terms over the posts table's documents."""
        from tinydb import Query

        post = Query()
        cond = post.noop()
        if self.channels is not None:
            cond &= post.channel.one_of(sorted(self.channels))
        if self.categories is not None:
            cond &= post.category.one_of(sorted(self.categories))
        if self.people is not None:
            cond &= post.people.any(sorted(self.people))
        if self.statuses is not None:
            cond &= _status_is(self.statuses)
        for word in self.words:
            cond &= self._word(word)
        return cond

    def _word(self, word: str) -> QueryInstance:
        from tinydb.queries import QueryInstance

        named = frozenset(rid for rid, name in self.names if word in name)
        statuses = frozenset(s.value for s in Status if any(word in _fold(label) for label in _status_words(s)))
        idea = Status.IDEA.value in statuses

        # One test per document, not one per field: TinyDB's chained field queries cost a call
        # and a lookup each, and a word is looked for in every post of every week.
        def test(doc: Any) -> bool:
            for name in ("title", "caption", "notes"):
                value = doc.get(name)
                if isinstance(value, str) and word in _fold(value):
                    return True
            if named and (doc.get("channel") in named or doc.get("category") in named or _any_in(doc.get("people"), named)):
                return True
            if statuses:
                status = doc.get("status")
                return status in statuses or (idea and status not in _STATUS_VALUES)
            return False

        return QueryInstance(test, ("word", word, named, statuses))


_STATUS_VALUES = frozenset(s.value for s in Status)


def _any_in(values: object, ids: frozenset[str]) -> bool:
    return isinstance(values, list) and any(isinstance(v, str) and v in ids for v in values)


@functools.lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    # Cached: every search folds the same titles, captions and notes again (the view's strings
    # are the same objects from search to search, and a str keeps its hash).
    return unicodedata.normalize("NFKC", text).casefold()


def _status_words(status: Status) -> tuple[str, ...]:
    return (status.value, status.label("en"), status.label("nb"))


def _status_is(statuses: frozenset[Status]) -> QueryInstance:
    """A post's status as `Post` reads it: a missing or unknown stored status is an idea."""
    from tinydb import Query

    post = Query()
    values = sorted(s.value for s in statuses)
    cond: QueryInstance = post.status.one_of(values)
    if Status.IDEA in statuses:
        cond |= ~post.status.exists() | post.status.test(_not_a_status)
    return cond


def _not_a_status(value: object) -> bool:
    return value not in {s.value for s in Status}


def _split(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:  # an apostrophe or an unclosed quote: words as typed
        return text.split()


def parse_terms(catalog: Catalog, text: str) -> Terms:
    """The terms of `text`; a UserError for a key or value that is not known (see the module)."""
    words: list[str] = []
    allowed: dict[str, set[Any]] = {}
    channels = [(c.id, c.name) for c in catalog.channels()]
    categories = [(c.id, c.name) for c in catalog.categories()]
    people = [(p.id, p.name) for p in catalog.people()]
    for term in _split(text):
        key, colon, value = term.partition(":")
        if not colon or not key or "://" in term:  # a word, or a link pasted in
            words.append(_fold(term))
            continue
        field = KEYS.get(key.casefold())
        if field is None:
            raise UserError(_("unknown search key {key!r}; use channel:, category:, status: or person: "
                              "(kanal:, kategori:)").format(key=literal(key + ":")))  # fmt: skip
        if not value.strip():
            raise UserError(_("{key} needs a value, as in {example}").format(key=literal(key + ":"), example="status:draft"))
        found: set[Any]
        if field == "status":
            found = _statuses(value)
        else:
            records = {"channel": channels, "category": categories, "person": people}[field]
            found = _named(records, value)
        if not found:
            known = _known(field, channels, categories, people)
            raise UserError(_(_UNKNOWN[field]).format(text=literal(value), known=known))
        allowed.setdefault(field, set()).update(found)
    names = tuple((rid, _fold(name)) for rid, name in channels + categories + people)

    def ids(field: str) -> frozenset[Any] | None:
        return frozenset(allowed[field]) if field in allowed else None

    return Terms(text.strip(), tuple(words), ids("channel"), ids("category"), ids("status"), ids("person"), names)


def _named(records: Iterable[tuple[str, str]], value: str) -> set[str]:
    """The records `value` names: by id or whole name, else every one whose name holds it."""
    wanted = _fold(value.strip())
    records = list(records)
    exact = {rid for rid, name in records if rid == value.strip() or _fold(name) == wanted}
    return exact or {rid for rid, name in records if wanted in _fold(name)}


def _statuses(value: str) -> set[Status]:
    wanted = _fold(value.strip())
    exact = {s for s in Status if wanted in map(_fold, _status_words(s))}
    return exact or {s for s in Status if any(_fold(word).startswith(wanted) for word in _status_words(s))}


def _known(field: str, *records: list[tuple[str, str]]) -> str:
    if field == "status":
        return ", ".join(s.label() for s in Status)
    channels, categories, people = records
    names = {"channel": channels, "category": categories, "person": people}[field]
    return ", ".join(literal(name) for _rid, name in names) or _("none yet")


def search(catalog: Catalog, text: str) -> list[Post]:
    """Every post of every week matching `text`, by date and time; posts without a date last."""
    return first_found(catalog, text, None)[0]


def first_found(catalog: Catalog, text: str, limit: int | None) -> tuple[list[Post], int]:
    """The first `limit` posts (all: None) `search` would give, and how many match in all. Only
    those are made `Post`s: a one-letter search, as typed, matches nearly every post.

    The query is put to the stored documents in place, as TinyDB's own search does, but without
    its copy of every match (a fresh `open_db` and a copied document per hit cost the search
    screen more than the query on every key typed); the posts' order by day and time is worked
    out once per workspace version, not per search, and a hit read as a `Post` is kept for the
    next search of the same version (typing narrows a search: the first hits often stay)."""
    terms = parse_terms(catalog, text)
    cond = terms.condition()
    # No refresh: the catalog's other reads do not refresh either (the planner's watcher does).
    with catalog.workspace.lock:
        order = _by_time(catalog)
        docs = catalog.workspace.view(POSTS)
        found = [rid for rid in order if cond(docs[rid])]
        read: dict[str, Post] = catalog._derived("search_posts", dict)  # the hits read so far, this version
        posts = [read.get(rid) or read.setdefault(rid, Post.from_doc(docs[rid], rid)) for rid in found[:limit]]
    return sorted(posts, key=lambda p: (p.date is None, p.date or dt.date.min, day_order(p))), len(found)


def _by_time(catalog: Catalog) -> tuple[str, ...]:
    """Every post's id by day and time as stored (then by id): which hits come first."""

    def compute() -> tuple[str, ...]:
        docs = catalog.workspace.view(POSTS)
        return tuple(rid for _when_, rid in sorted((_when(doc), rid) for rid, doc in docs.items()))

    return catalog._derived("search_order", compute)


def _when(doc: Any) -> tuple[bool, dt.date, bool, dt.time]:
    """Where a document stands by day and time, as `Post` reads its fields (unreadable: none)."""
    day, time = parse_date(doc.get("date")), parse_time(doc.get("time"))
    return (day is None, day or dt.date.min, time is None, time or dt.time.min)


def matching_ids(catalog: Catalog, terms: Terms, ids: Iterable[str]) -> set[str]:
    """Which of the posts `ids` (a week's, as the plan shows it) match `terms`: the same query
    as `search`, put to those documents only, so a filtered week costs a week's worth."""
    cond = terms.condition()
    with catalog.workspace.lock:
        docs = catalog.workspace.view(POSTS)
        return {rid for rid in ids if rid in docs and cond(docs[rid])}


@dataclasses.dataclass(frozen=True)
class Hit:
    """One post found, as both faces list it (the names of its channel and category)."""

    post: Post
    week: str  # "2026-W47", "" for a post without a date
    channel: str
    category: str


def hits(catalog: Catalog, posts: Iterable[Post]) -> list[Hit]:
    from someplan.domain.weeks import IsoWeek

    channels, categories = catalog.channel_names(), catalog.category_names()
    return [
        Hit(p, str(IsoWeek.of(p.date)) if p.date else "", channels.get(p.channel or "", ""), categories.get(p.category or "", ""))
        for p in posts
    ]
