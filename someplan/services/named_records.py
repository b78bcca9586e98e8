"""What channels and categories share: a name unique among their kind, a field edit that keeps
it so, and no removal of one that posts still use."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, TypeVar

from someplan.domain.category import Category
from someplan.domain.channel import Channel
from someplan.i18n import _, ngettext
from someplan.services.catalog import Catalog, Named
from someplan.services.errors import UserError

E = TypeVar("E", Channel, Category)  # the records edited by `edit_record`


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
