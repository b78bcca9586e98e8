"""A new workspace's defaults, and the channels and categories users shape it with."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from someplan.domain.cadence import Cadence
from someplan.domain.category import Category
from someplan.domain.channel import Channel, Network
from someplan.domain.settings import LOCALES, WorkspaceSettings
from someplan.i18n import _, ngettext, normalise
from someplan.services.catalog import CATEGORIES, CHANNELS, SETTINGS, SETTINGS_ID, Catalog
from someplan.services.errors import UserError
from someplan.services.user_input import parse_network
from someplan.store.device import IdentityStore
from someplan.store.workspace import Workspace, new_record_id

DEFAULT_CHANNELS = (
    ("Facebook", Network.FACEBOOK, 3),
    ("Instagram", Network.INSTAGRAM, 3),
    ("LinkedIn", Network.LINKEDIN, 1),
)

# The categories social-media courses teach, so the plan stays varied from the first week.
DEFAULT_CATEGORIES = (
    ("ansatte", "#e4572e", "weekly", "Hva gjør du en vanlig dag? Hva liker du best med jobben? Et tips til kundene?"),
    ("kunder", "#17bebb", "every 2 weeks", "Hvorfor valgte du oss? Hva var best? Hva vil du si til andre?"),
    ("bak kulissene", "#ffc914", "every 2 weeks", ""),
    ("produkt", "#2e86ab", "weekly", ""),
    ("historie", "#76b041", "monthly", ""),
    ("tips og triks", "#9b5de5", "every 2 weeks", ""),
    ("inspirasjon", "#f15bb5", "every 2 weeks", ""),
)


def init_workspace(path: Path, name: str | None, identities: IdentityStore | None = None) -> Workspace:
    name = name or path.resolve().name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(_("the workspace name is not valid text; give one with --name")) from None
    workspace = Workspace.init(path, identities)
    changes = [(SETTINGS, SETTINGS_ID, k, v) for k, v in WorkspaceSettings(name=name).to_doc().items()]
    for channel_name, network, target in DEFAULT_CHANNELS:
        channel = Channel(id=new_record_id(), name=channel_name, network=network, target_per_week=target)
        changes += [(CHANNELS, channel.id, k, v) for k, v in channel.to_doc().items()]
    for category_name, colour, cadence, question in DEFAULT_CATEGORIES:
        category = Category(id=new_record_id(), name=category_name, colour=colour, cadence=Cadence.parse(cadence), question=question)
        changes += [(CATEGORIES, category.id, k, v) for k, v in category.to_doc().items()]
    workspace.write(changes)  # one batch: a crash leaves an empty workspace or a complete one
    return workspace


def _unique_name(records, name: str, skip_id: str | None = None) -> str:
    name = name.strip()
    if not name:
        raise UserError(_("a name cannot be empty"))
    if any(r.name.casefold() == name.casefold() and r.id != skip_id for r in records):
        raise UserError(_("there is already one named {name!r}").format(name=name))
    return name


def add_channel(catalog: Catalog, name: str, network: str = "other", target: int = 1) -> Channel:
    channel = Channel(
        id=new_record_id(), name=_unique_name(catalog.channels(), name), network=parse_network(network), target_per_week=target
    )
    catalog.workspace.insert(CHANNELS, channel.to_doc(), channel.id)
    return channel


def _edit(catalog: Catalog, table: str, record, siblings, fields: dict):
    if "name" in fields:
        fields["name"] = _unique_name(siblings, fields["name"], record.id)
    updated = dataclasses.replace(record, **fields)
    catalog.workspace.update(table, record.id, updated.to_doc())
    return updated


def edit_channel(catalog: Catalog, which: str, **fields) -> Channel:
    if "network" in fields:
        fields["network"] = parse_network(fields["network"])
    return _edit(catalog, CHANNELS, catalog.channel(which), catalog.channels(), fields)


def add_category(catalog: Catalog, name: str, **fields) -> Category:
    category = Category(id=new_record_id(), name=_unique_name(catalog.categories(), name), **fields)
    catalog.workspace.insert(CATEGORIES, category.to_doc(), category.id)
    return category


def edit_category(catalog: Catalog, which: str, **fields) -> Category:
    return _edit(catalog, CATEGORIES, catalog.category(which), catalog.categories(), fields)


def remove_channel(catalog: Catalog, which: str) -> Channel:
    channel = catalog.channel(which)
    _refuse_if_used(catalog, "channel", channel.id, channel.name)
    catalog.workspace.delete(CHANNELS, channel.id)
    return channel


def remove_category(catalog: Catalog, which: str) -> Category:
    category = catalog.category(which)
    _refuse_if_used(catalog, "category", category.id, category.name)
    catalog.workspace.delete(CATEGORIES, category.id)
    return category


def _refuse_if_used(catalog: Catalog, field: str, record_id: str, name: str) -> None:
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


def set_locale(catalog: Catalog, locale: str) -> bool:
    """The workspace's language, for everyone who opens it (one write; none when it is already
    that). Each user may still choose their own (`services.language.set_user_choice`)."""
    chosen = normalise(locale)
    if chosen not in LOCALES:
        raise UserError(_("unknown language {text!r}; known: {known}").format(text=locale, known=", ".join(LOCALES)))
    if catalog.settings().locale == chosen and catalog.workspace.view(SETTINGS).get(SETTINGS_ID, {}).get("locale") == chosen:
        return False
    catalog.workspace.write([(SETTINGS, SETTINGS_ID, "locale", chosen)])
    return True


def move_category(catalog: Catalog, which: str, steps: int) -> list[Category]:
    """Move a category `steps` places in the rotation order (negative: earlier); the new order.

    Every category gets its place as a rank in one batch, so the order is the same on every
    machine even for categories that never had a rank.
    """
    order = catalog.rotation()
    category = catalog.category(which)
    index = next(i for i, c in enumerate(order) if c.id == category.id)
    order.insert(max(0, min(len(order) - 1, index + steps)), order.pop(index))
    catalog.workspace.write(
        [(CATEGORIES, c.id, "rank", rank) for rank, c in enumerate(order) if c.rank != rank]
    )
    return catalog.rotation()
