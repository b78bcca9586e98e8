"""An event on the year wheel: a campaign, a season or an observance the team plans around."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from someplan.domain.doc_fields import DocReader, date_text


class EventKind(StrEnum):
    CAMPAIGN = "campaign"
    SEASON = "season"
    OBSERVANCE = "observance"


@dataclass(frozen=True)
class Event:
    """`start` and `end` are both inclusive. An event without dates is kept but not on the wheel."""

    id: str
    title: str = ""
    start: date | None = None
    end: date | None = None
    kind: EventKind = EventKind.CAMPAIGN
    notes: str = ""

    def overlaps(self, first: date, last: date) -> bool:
        return self.start is not None and self.end is not None and self.start <= last and first <= self.end

    @classmethod
    def from_doc(cls, doc: object, id: str) -> Event:
        return cls.read(DocReader(doc), id)

    @classmethod
    def read(cls, doc: DocReader, id: str) -> Event:
        start, end = doc.date("start"), doc.date("end")
        # A one-day event is often entered with only one of the two dates.
        start, end = start or end, end or start
        if start and end and end < start:
            start, end = end, start
        return cls(
            id=id,
            title=doc.text("title"),
            start=start,
            end=end,
            kind=doc.choice("kind", EventKind, EventKind.CAMPAIGN),
            notes=doc.text("notes"),
        )

    def to_doc(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "start": date_text(self.start),
            "end": date_text(self.end),
            "kind": self.kind.value,
            "notes": self.notes,
        }


def events_between(events: Iterable[Event], first: date, last: date) -> list[Event]:
    """Events touching the inclusive range, in start order."""
    touching = (event for event in events if event.overlaps(first, last))
    return sorted(touching, key=lambda event: (event.start, event.title))
