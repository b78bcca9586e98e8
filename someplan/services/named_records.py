"""What named records share: a name unique among their kind (channels, categories, people), a
field edit that keeps it so, no removal of a channel or category that posts still use; and
finding a goal or campaign by its id, the start of its id or its title, and bringing a removed
one back."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar

from someplan.domain.category import Category
from someplan.domain.channel import Channel
from someplan.domain.person import Person
from someplan.i18n import _, ngettext
from someplan.services.catalog import Catalog, Named
from someplan.services.errors import UserError

E = TypeVar("E", Channel, Category, Person)  # the records edited by `edit_record`


def unique_name(records: Iterable[Named], name: str, skip_id: str | None = None) -> str:
    name = name.strip()
    if not name:
        raise UserError(_("a name cannot be empty"))
    if any(r.name.casefold() == name.casefold() and r.id != skip_id for r in records):
        raise UserError(_("there is already one named {name!r}").format(name=name))
    return name


def edit_record(catalog: Catalog, table: str, record: E, siblings: Iterable[Named], fields: dict[str, Any]) -> E:
    if "name" in fields:
        fields["name"] = unique_name(siblings, fields["name"], record.id)
    updated = dataclasses.replace(record, **fields)
    # A record's to_doc may leave out a field that is not set; one given here, even cleared, is written.
    given = {name: None for name, value in fields.items() if value is None}
    catalog.workspace.update(table, record.id, updated.to_doc() | given)
    return updated


def refuse_if_used(catalog: Catalog, field: str, record_id: str, name: str) -> None:
    used = sum(1 for p in catalog.posts() if getattr(p, field) == record_id)
    if not used:
        return
    if field == "category":
        message = ngettext(
            "{count} post uses the category {name!r}; pause it instead (someplan category edit NAME --paused)",
            "{count} posts use the category {name!r}; pause it instead (someplan category edit NAME --paused)",
            used,
        )
    else:
        message = ngettext(
            "{count} post uses the channel {name!r}; move it first",
            "{count} posts use the channel {name!r}; move those posts first",
            used,
        )
    raise UserError(message.format(count=used, name=name))


class Titled(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...


T = TypeVar("T", bound=Titled)


@dataclasses.dataclass(frozen=True)
class Kind:
    """The words `find_titled` and `restore_titled` use for one kind of record (already marked
    for translation; translated as they are said)."""

    table: str
    several: Callable[[int], str]  # n → ngettext's words for n records of one title: {n}, {title}, {ids}
    removed: str  # {id}: the record is removed, and how to bring it back
    unknown: str  # {text}
    not_removed: str  # {id}: restore of an id that names no removed record


def find_titled(catalog: Catalog, records: Sequence[T], text: str, kind: Kind) -> T:
    """A record by id, by a unique start of its id (6+ characters) or by its title."""
    wanted = text.strip()
    for record in records:
        if record.id == wanted:
            return record
    by_id = [r for r in records if len(wanted) >= 6 and r.id.startswith(wanted.lower())]
    if len(by_id) == 1:
        return by_id[0]
    by_title = [r for r in records if r.title.strip().casefold() == wanted.casefold()]
    if len(by_title) == 1:
        return by_title[0]
    if by_title or len(by_id) > 1:
        # ULIDs made in the same second share their first ten characters: a short start is often
        # the start of several.
        several = by_title or by_id
        message = kind.several(len(several)) if by_title else _("{text!r} is ambiguous: {ids}; give more of the id")
        raise UserError(message.format(n=len(several), title=wanted, text=wanted, ids=", ".join(r.id for r in several)))
    from someplan.services.planning import deleted_ids  # deferred: only a record not found needs it

    removed = deleted_ids(catalog, kind.table, wanted)
    if len(removed) == 1:
        raise UserError(_(kind.removed).format(id=removed[0]))
    raise UserError(_(kind.unknown).format(text=wanted))


def restore_titled(catalog: Catalog, which: str, kind: Kind) -> str:
    from someplan.services.planning import deleted_ids

    removed = deleted_ids(catalog, kind.table, which)
    if len(removed) != 1:
        raise UserError(_(kind.not_removed).format(id=which))
    catalog.workspace.restore(kind.table, removed[0])
    return removed[0]
