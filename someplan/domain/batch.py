"""A batch session: one category produced in one sitting, one post per person, spread out after.

The practice: book 4–6 employees for 15 minutes each on one day, ask each the category's
questions, take a photo, and plan the resulting posts one a week. The session is a record in the
workspace, saved as it goes, so an interrupted one (app closed, laptop asleep) resumes where it
was, and the notes are never only in a window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from someplan.domain.doc_fields import DocReader, date_text, time_text

DEFAULT_MINUTES = 15


class Step(StrEnum):
    """The steps of a session, in order."""

    CATEGORY = "category"
    PEOPLE = "people"
    SCHEDULE = "schedule"
    SESSION = "session"
    SPREAD = "spread"
    DONE = "done"

    @property
    def number(self) -> int:
        return list(Step).index(self) + 1


def _texts_by_key(value: object) -> dict[str, str] | None:
    if not isinstance(value, Mapping):
        return None
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


@dataclass(frozen=True)
class BatchSession:
    id: str
    category: str | None = None
    people: tuple[str, ...] = ()  # person ids, in the order of the schedule
    day: dt.date | None = None  # the day of the interviews
    start: dt.time | None = None  # the first interview
    minutes: int = DEFAULT_MINUTES  # per person
    questions: str = ""  # the same questions for everyone; from the category's template
    step: Step = Step.CATEGORY
    current: int = 0  # index into `people` of the person being interviewed
    notes: Mapping[str, str] = field(default_factory=dict)  # person id → answers and notes
    assets: Mapping[str, str] = field(default_factory=dict)  # person id → asset path
    drafts: tuple[str, ...] = ()  # ids of the posts written at the end

    @property
    def active(self) -> str | None:
        return self.people[self.current] if 0 <= self.current < len(self.people) else None

    @property
    def finished(self) -> bool:
        return self.step is Step.DONE

    def schedule(self) -> list[tuple[dt.time | None, str]]:
        """(time, person id) for each person: start, start + minutes, …; no times without a start."""
        if self.start is None:
            return [(None, person) for person in self.people]
        first = dt.datetime.combine(dt.date(2000, 1, 1), self.start)
        return [((first + dt.timedelta(minutes=self.minutes * index)).time(), person) for index, person in enumerate(self.people)]

    def with_note(self, person: str, text: str) -> BatchSession:
        return replace(self, notes={**self.notes, person: text})

    @classmethod
    def from_doc(cls, doc: object, id: str) -> BatchSession:
        return cls.read(DocReader(doc), id)

    @classmethod
    def read(cls, doc: DocReader, id: str) -> BatchSession:
        people = doc.paths("people")
        current = doc.integer("current", 0)
        return cls(
            id=id,
            category=doc.optional_text("category"),
            people=people,
            day=doc.date("day"),
            start=doc.time("start"),
            minutes=max(doc.integer("minutes", DEFAULT_MINUTES), 1),
            questions=doc.text("questions"),
            step=doc.choice("step", Step, Step.CATEGORY),
            current=min(current, max(len(people) - 1, 0)),
            notes=doc.value("notes", _texts_by_key, {}),
            assets=doc.value("assets", _texts_by_key, {}),
            drafts=doc.paths("drafts"),
        )

    def to_doc(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "people": list(self.people),
            "day": date_text(self.day),
            "start": time_text(self.start),
            "minutes": self.minutes,
            "questions": self.questions,
            "step": self.step.value,
            "current": self.current,
            "notes": dict(self.notes),
            "assets": dict(self.assets),
            "drafts": list(self.drafts),
        }
