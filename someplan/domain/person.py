"""A person who may appear in posts, and whether we may show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from someplan.domain.doc_fields import DocReader, date_text


@dataclass(frozen=True)
class Person:
    id: str
    name: str = ""
    role: str = ""
    consent: bool = False
    consent_until: date | None = None  # None: no end date

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
        )

    def to_doc(self) -> dict:
        return {
            "name": self.name,
            "role": self.role,
            "consent": self.consent,
            "consent_until": date_text(self.consent_until),
        }


def consent_valid_on(person: Person, day: date) -> bool:
    """Consent holds through its last day, `consent_until` included."""
    return person.consent and (person.consent_until is None or day <= person.consent_until)
