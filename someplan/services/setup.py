"""A new workspace with its defaults, and the workspace's language (channels and categories have
their own modules: services.channels, services.categories)."""

from __future__ import annotations

from pathlib import Path

from someplan.domain.cadence import Cadence
from someplan.domain.category import Category
from someplan.domain.channel import Channel, Network
from someplan.domain.settings import LOCALES, WorkspaceSettings
from someplan.i18n import _, normalise
from someplan.services.catalog import CATEGORIES, CHANNELS, SETTINGS, SETTINGS_ID, Catalog
from someplan.services.errors import UserError
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
        category = Category(
            id=new_record_id(), name=category_name, colour=colour, cadence=Cadence.parse(cadence), question=question
        )
        changes += [(CATEGORIES, category.id, k, v) for k, v in category.to_doc().items()]
    workspace.write(changes)  # one batch: a crash leaves an empty workspace or a complete one
    return workspace


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
