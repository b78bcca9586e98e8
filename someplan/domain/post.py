"""A post: one piece of content on one channel on one day, with its key figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from someplan.domain.doc_fields import DocReader, date_text, enum_member, parse_count, parse_date, parse_time, time_text
from someplan.i18n import N_, _, translator


class Status(StrEnum):
    """Where a post is on its way out; ordered, so `Status.DRAFT < Status.READY`."""

    IDEA = "idea"
    DRAFT = "draft"
    READY = "ready"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"

    @property
    def rank(self) -> int:
        return _STATUS_ORDER.index(self)

    def next(self) -> Status:
        """The following status; a published post stays published (no wrap to idea)."""
        return _STATUS_ORDER[min(self.rank + 1, len(_STATUS_ORDER) - 1)]

    def previous(self) -> Status:
        """The status before; an idea stays an idea (no wrap to published)."""
        return _STATUS_ORDER[max(self.rank - 1, 0)]

    def label(self, locale: str | None = None) -> str:
        """ "planlagt" / "scheduled": in `locale` ("nb", "en"), else in the language spoken now."""
        return translator(locale).gettext(_STATUS_LABELS[self])

    # StrEnum would compare alphabetically; the workflow order is what users mean.
    def __lt__(self, other: object) -> bool:
        return self.rank < other.rank if isinstance(other, Status) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.rank <= other.rank if isinstance(other, Status) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.rank > other.rank if isinstance(other, Status) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.rank >= other.rank if isinstance(other, Status) else NotImplemented


_STATUS_ORDER = tuple(Status)
_STATUS_LABELS = {
    Status.IDEA: N_("idea"),
    Status.DRAFT: N_("draft"),
    Status.READY: N_("ready"),
    Status.SCHEDULED: N_("scheduled"),
    Status.PUBLISHED: N_("published"),
}


class FunnelStage(StrEnum):
    AWARENESS = "awareness"
    CONSIDERATION = "consideration"
    CONVERSION = "conversion"


class PostFormat(StrEnum):
    """What kind of content a post is: the mix, the minutes it takes and the rates by format."""

    IMAGE = "image"
    CAROUSEL = "carousel"
    VIDEO = "video"
    REEL = "reel"
    STORY = "story"
    TEXT = "text"
    LINK = "link"

    def label(self, locale: str | None = None) -> str:
        return translator(locale).gettext(_FORMAT_LABELS[self])


class Surface(StrEnum):
    """Where the reach comes from. A post without one is owned: most posts are the page's own."""

    OWNED = "owned"
    EARNED = "earned"  # a customer's or partner's content, shared with their permission
    PAID = "paid"  # boosted or an ad

    def label(self, locale: str | None = None) -> str:
        return translator(locale).gettext(_SURFACE_LABELS[self])


_FORMAT_LABELS = {
    PostFormat.IMAGE: N_("image"),
    PostFormat.CAROUSEL: N_("carousel"),
    PostFormat.VIDEO: N_("video"),
    PostFormat.REEL: N_("reel"),
    PostFormat.STORY: N_("story"),
    PostFormat.TEXT: N_("text"),
    PostFormat.LINK: N_("link"),
}
_SURFACE_LABELS = {Surface.OWNED: N_("owned"), Surface.EARNED: N_("earned"), Surface.PAID: N_("paid")}


# Raw counts as the exports give them; ratios are computed in figures.py, never stored.
# "views" is what older exports call impressions.
FIGURE_FIELDS = ("reach", "views", "reactions", "comments", "shares", "clicks", "saves", "video_views")
TIE_FIELDS = ("external_id", "permalink", "reused_from")
IDEA_FIELDS = ("idea", "contributor")  # set only on drafts made from a colleague's idea
# The mix and earned content (issue 19).
MIX_FIELDS = ("format", "surface", "purpose", "source", "permission", "permission_until")


@dataclass(frozen=True)
class Post:
    """One post. `date` None means not placed in the plan yet (an idea in the backlog).

    Key figures are flat fields, not a nested object, because the workspace merges edits field by
    field: two colleagues importing different figures for one post must not overwrite each other.
    """

    id: str
    title: str = ""
    caption: str = ""
    channel: str | None = None
    date: dt.date | None = None
    time: dt.time | None = None
    status: Status = Status.IDEA
    category: str | None = None
    funnel: FunnelStage | None = None
    owner: str = ""
    assets: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # ids of the people the post features (consent, "when featured")
    link: str = ""
    notes: str = ""
    reach: int | None = None
    views: int | None = None
    reactions: int | None = None
    comments: int | None = None
    shares: int | None = None
    clicks: int | None = None
    saves: int | None = None
    video_views: int | None = None
    followers: int | None = None  # the channel's followers when the post went out
    # Set by an import (see domain/matching.py): the network's own id ("facebook:123_456") and
    # link, so that importing the same export again updates the post instead of adding one.
    external_id: str = ""
    permalink: str = ""
    reused_from: str = ""  # the id of the post this one reuses
    idea: str = ""  # the fingerprint (ideas record id) of the idea this post was made from
    contributor: str = ""  # the person id of who gave the idea, credited on the post
    format: PostFormat | None = None
    surface: Surface | None = None  # None is owned (see `Surface`)
    purpose: str = ""  # in the user's words: "rekruttering", "salg", "omdømme"
    # Earned content: whose post or photo it is, what they allowed and until when (like consent).
    source: str = ""
    permission: str = ""
    permission_until: dt.date | None = None

    @property
    def surface_or_owned(self) -> Surface:
        return self.surface or Surface.OWNED

    @classmethod
    def from_doc(cls, doc: object, id: str) -> Post:
        """`read`'s post, made from the fields the document holds (a post stores a few of its
        thirty-odd fields): a quick status makes hundreds of posts on a long history."""
        if type(doc) is not dict:
            return cls.read(DocReader(doc), id)
        values: dict[str, Any] = {"id": id}
        for key, raw in doc.items():
            parse = _FIELD_PARSERS.get(key)
            if parse is not None and raw is not None and (value := parse(raw)) is not None:
                values[key] = value
        if cls is not Post:
            return cls(**values)
        # What `__init__` makes, without its call of object.__setattr__ per field (a frozen
        # record's): the fields in their order, the defaults (plain values) where none was read.
        post = object.__new__(Post)
        object.__setattr__(post, "__dict__", _DEFAULTS | values)
        return post

    @classmethod
    def read(cls, doc: DocReader, id: str) -> Post:
        return cls(
            id=id,
            title=doc.text("title"),
            caption=doc.text("caption"),
            channel=doc.optional_text("channel"),
            date=doc.date("date"),
            time=doc.time("time"),
            status=doc.choice("status", Status, Status.IDEA),
            category=doc.optional_text("category"),
            funnel=doc.optional_choice("funnel", FunnelStage),
            owner=doc.text("owner"),
            assets=doc.paths("assets"),
            people=doc.paths("people"),
            link=doc.text("link"),
            notes=doc.text("notes"),
            followers=doc.count("followers"),
            external_id=doc.text("external_id"),
            permalink=doc.text("permalink"),
            reused_from=doc.text("reused_from"),
            idea=doc.text("idea"),
            contributor=doc.text("contributor"),
            format=doc.optional_choice("format", PostFormat),
            surface=doc.optional_choice("surface", Surface),
            purpose=doc.text("purpose"),
            source=doc.text("source"),
            permission=doc.text("permission"),
            permission_until=doc.date("permission_until"),
            **{name: doc.count(name) for name in FIGURE_FIELDS},
        )

    def to_doc(self) -> dict[str, Any]:
        """The stored form, without the id (the store keys records by id)."""
        return {
            "title": self.title,
            "caption": self.caption,
            "channel": self.channel,
            "date": date_text(self.date),
            "time": time_text(self.time),
            "status": self.status.value,
            "category": self.category,
            "funnel": self.funnel.value if self.funnel else None,
            "owner": self.owner,
            "assets": list(self.assets),
            "people": list(self.people),
            "link": self.link,
            "notes": self.notes,
            **{name: getattr(self, name) for name in FIGURE_FIELDS},
            "followers": self.followers,
            # Import ties and the reuse link only when set: most posts never have them.
            **{name: getattr(self, name) for name in TIE_FIELDS + IDEA_FIELDS if getattr(self, name)},
            # None when unset, not left out: clearing one is then a change the writers' diff sees,
            # while an unset one is never written (they skip empty values).
            "format": self.format.value if self.format else None,
            "surface": self.surface.value if self.surface else None,
            "purpose": self.purpose or None,
            "source": self.source or None,
            "permission": self.permission or None,
            "permission_until": date_text(self.permission_until),
        }

    def reuse(self) -> Post:
        """A copy to plan again: same content and assets, a draft without figures or export ties,
        linked to this post (`reused_from`, and a note a reader sees in the editor)."""
        figures: dict[str, Any] = dict.fromkeys(FIGURE_FIELDS)
        return dataclasses.replace(
            self,
            id="",
            status=Status.DRAFT,
            followers=None,
            external_id="",
            permalink="",
            reused_from=self.id,
            notes=(self.notes + "\n" if self.notes else "") + _("Reuse of {post}").format(post=self.id),
            **figures,
        )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _reference(value: object) -> str | None:
    return value if isinstance(value, str) and value else None  # "" is no reference (optional_text)


def _paths(value: object) -> tuple[str, ...] | None:
    return tuple(item for item in value if isinstance(item, str) and item) if isinstance(value, list) else None


def _choice(kind: type[StrEnum]) -> Callable[[object], StrEnum | None]:
    return lambda value: enum_member(kind, value)


# What `Post.read` reads each stored field with (a value it finds unusable leaves the default).
_FIELD_PARSERS: dict[str, Callable[[object], object]] = {
    **dict.fromkeys(("title", "caption", "owner", "link", "notes", "purpose", "source", "permission",
                     *TIE_FIELDS, *IDEA_FIELDS), _text),
    "channel": _reference, "category": _reference,
    "date": parse_date, "permission_until": parse_date, "time": parse_time,
    "status": _choice(Status), "funnel": _choice(FunnelStage), "format": _choice(PostFormat), "surface": _choice(Surface),
    "assets": _paths, "people": _paths,
    **dict.fromkeys(("followers", *FIGURE_FIELDS), parse_count),
}  # fmt: skip

# Every field's default, for `from_doc` (a post has no __post_init__ and no default factory: its
# tests hold it to that).
_DEFAULTS: dict[str, Any] = {field.name: field.default for field in dataclasses.fields(Post)}
