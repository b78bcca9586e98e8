"""A category: a recurring kind of post ("Månedens ansatt", "Tips fra verkstedet") in rotation."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from someplan.domain.cadence import WEEKLY, Cadence
from someplan.domain.doc_fields import DocReader, time_text

DEFAULT_COLOUR = "#888888"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def normalise_colour(text: object) -> str | None:
    """ "#ABC" → "#aabbcc"; None when it is not a hex colour."""
    if not isinstance(text, str) or not _HEX.match(text.strip()):
        return None
    digits = text.strip()[1:].lower()
    return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits)


def _parse_cadence(text: object) -> Cadence | None:
    try:
        return Cadence.parse(text) if isinstance(text, str) else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Category:
    id: str
    name: str = ""
    colour: str = DEFAULT_COLOUR
    cadence: Cadence = field(default=WEEKLY)
    weekday: int | None = None  # preferred weekday, 0 = Monday … 6 = Sunday
    time: dt.time | None = None  # preferred time of day
    channel: str | None = None  # preferred channel id
    question: str = ""  # the question that starts a post: "Hva lærte vi denne uka?"
    active: bool = True
    rank: int | None = None  # place in the user's rotation order; None: after the ranked ones, by name
    minutes: int | None = None  # what one post takes to make (domain/capacity.py); None: by its format

    @classmethod
    def from_doc(cls, doc: object, id: str) -> Category:
        return cls.read(DocReader(doc), id)

    @classmethod
    def read(cls, doc: DocReader, id: str) -> Category:
        return cls(
            id=id,
            name=doc.text("name"),
            colour=doc.value("colour", normalise_colour, DEFAULT_COLOUR),
            cadence=doc.value("cadence", _parse_cadence, WEEKLY),
            weekday=doc.weekday("weekday"),
            time=doc.time("time"),
            channel=doc.optional_text("channel"),
            question=doc.text("question"),
            active=doc.flag("active", True),
            rank=doc.count("rank"),
            minutes=doc.count("minutes"),
        )

    def to_doc(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "colour": self.colour,
            "cadence": str(self.cadence),
            "weekday": self.weekday,
            "time": time_text(self.time),
            "channel": self.channel,
            "question": self.question,
            "active": self.active,
            "rank": self.rank,
            # Only when set: categories written before minutes existed gain no field nobody set.
            **({"minutes": self.minutes} if self.minutes is not None else {}),
        }


def rotation_order(category: Category) -> tuple[object, ...]:
    """The order the user gave the rotation: ranked categories first, then by name."""
    return (category.rank is None, category.rank or 0, category.name.casefold(), category.id)
