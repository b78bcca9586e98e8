"""A person who may appear in posts, and whether we may show them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from someplan.domain.doc_fields import DocReader, date_text, parse_hours
from someplan.domain.post import Post


@dataclass(frozen=True)
class Person:
    id: str
    name: str = ""
    role: str = ""
    consent: bool = False
    consent_until: date | None = None  # None: no end date
    contributor: bool = False  # has given ideas (the ideas inbox); credited on the posts made from them
    hours: float | None = None  # hours a week they have for content (domain/capacity.py); None: none

    def consent_valid_on(self, day: date) -> bool:
        return consent_valid_on(self, day)

    @classmethod
    def from_doc(cls, doc: object, id: str) -> Person:
        return cls.read(DocReader(doc), id)

    @classmethod
    def read(cls, doc: DocReader, id: str) -> Person:
        return cls(
            id=id,
            name=doc.text("name"),
            role=doc.text("role"),
            # Unreadable consent is no consent: showing someone by mistake cannot be undone.
            consent=doc.flag("consent", False),
            consent_until=doc.date("consent_until"),
            contributor=doc.flag("contributor", False),
            hours=doc.value("hours", parse_hours, None),
        )

    def to_doc(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "consent": self.consent,
            "consent_until": date_text(self.consent_until),
            # Only when set: a person edited elsewhere must not gain a field nobody changed.
            **({"contributor": True} if self.contributor else {}),
            **({"hours": self.hours} if self.hours is not None else {}),
        }


def consent_valid_on(person: Person, day: date) -> bool:
    """Consent holds through its last day, `consent_until` included."""
    return person.consent and (person.consent_until is None or day <= person.consent_until)


class ConsentState(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # valid, but ends within CONSENT_WARNING_DAYS
    EXPIRED = "expired"
    MISSING = "missing"


CONSENT_WARNING_DAYS = 30


def consent_state(person: Person, day: date) -> ConsentState:
    if not person.consent:
        return ConsentState.MISSING
    if person.consent_until is None:
        return ConsentState.VALID
    if day > person.consent_until:
        return ConsentState.EXPIRED
    if (person.consent_until - day).days <= CONSENT_WARNING_DAYS:
        return ConsentState.EXPIRING
    return ConsentState.VALID


@dataclass(frozen=True)
class Featured:
    """When a person was and will be in posts."""

    last: date | None = None  # latest post on or before the day
    next: date | None = None  # first post after the day
    posts: int = 0  # dated posts featuring them, past and planned


def featured(posts: Iterable[Post], day: date) -> dict[str, Featured]:
    """Per person id, their dated posts around `day`; every status counts (a planned post will feature them)."""
    found: dict[str, Featured] = {}
    for post in posts:
        if post.date is None:
            continue
        for person in set(post.people):
            seen = found.get(person, Featured())
            last, upcoming = seen.last, seen.next
            if post.date <= day:
                last = max(last, post.date) if last else post.date
            else:
                upcoming = min(upcoming, post.date) if upcoming else post.date
            found[person] = Featured(last, upcoming, seen.posts + 1)
    return found


def long_unfeatured(people: Iterable[Person], posts: Iterable[Post], day: date, days: int = 180) -> list[Person]:
    """People not featured within `days` before `day` and with nothing planned; never featured first, then longest ago."""
    seen = featured(posts, day)
    waiting = [
        person
        for person in people
        if (entry := seen.get(person.id)) is None
        or (entry.next is None and (entry.last is None or (day - entry.last).days > days))
    ]
    return sorted(waiting, key=lambda p: (seen[p.id].last if p.id in seen and seen[p.id].last else date.min, p.name.casefold()))
