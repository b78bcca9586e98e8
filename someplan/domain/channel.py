"""A channel: one account on one network (the Facebook page, the Instagram profile, …)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from someplan.domain.doc_fields import DocReader


class Network(StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"
    TIKTOK = "tiktok"
    OTHER = "other"


class ChannelKind(StrEnum):
    """Owned, earned, paid: the split Norwegian courses teach for media types."""

    OWNED = "owned"
    EARNED = "earned"
    PAID = "paid"


@dataclass(frozen=True)
class Channel:
    id: str
    name: str = ""
    network: Network = Network.OTHER
    kind: ChannelKind = ChannelKind.OWNED
    target_per_week: int = 0  # 0: no target
    followers: Mapping[date, int] = field(default_factory=dict)  # counts noted on given dates
    # Page-level daily exports: the page's reach and its new follows per day (not a follower total).
    daily_reach: Mapping[date, int] = field(default_factory=dict)
    daily_follows: Mapping[date, int] = field(default_factory=dict)

    def followers_on(self, day: date) -> int | None:
        return followers_on(self.followers, day)

    @classmethod
    def from_doc(cls, doc: object, id: str) -> Channel:
        return cls.read(DocReader(doc), id)

    @classmethod
    def read(cls, doc: DocReader, id: str) -> Channel:
        return cls(
            id=id,
            name=doc.text("name"),
            network=doc.choice("network", Network, Network.OTHER),
            kind=doc.choice("kind", ChannelKind, ChannelKind.OWNED),
            target_per_week=doc.integer("target_per_week", 0),
            followers=doc.counts_by_date("followers"),
            daily_reach=doc.counts_by_date("daily_reach"),
            daily_follows=doc.counts_by_date("daily_follows"),
        )

    def to_doc(self) -> dict:
        return {
            "name": self.name,
            "network": self.network.value,
            "kind": self.kind.value,
            "target_per_week": self.target_per_week,
            "followers": {day.isoformat(): count for day, count in sorted(self.followers.items())},
        }


def followers_on(followers: Mapping[date, int], day: date) -> int | None:
    """The latest count noted on or before `day`; None before the first count.

    Counts are noted now and then, so the last known count stands until the next one.
    """
    known = [noted for noted in followers if noted <= day]
    return followers[max(known)] if known else None
