"""The channels a workspace posts to: add, edit, remove."""

from __future__ import annotations

from typing import Any

from someplan.domain.channel import Channel
from someplan.services.catalog import CHANNELS, Catalog
from someplan.services.named_records import edit_record, refuse_if_used, unique_name
from someplan.services.user_input import parse_network
from someplan.store.workspace import new_record_id


def add_channel(catalog: Catalog, name: str, network: str = "other", target: int = 1) -> Channel:
    channel = Channel(
        id=new_record_id(), name=unique_name(catalog.channels(), name), network=parse_network(network), target_per_week=target
    )
    catalog.workspace.insert(CHANNELS, channel.to_doc(), channel.id)
    return channel


def edit_channel(catalog: Catalog, which: str, **fields: Any) -> Channel:
    if "network" in fields:
        fields["network"] = parse_network(fields["network"])
    return edit_record(catalog, CHANNELS, catalog.channel(which), catalog.channels(), fields)


def remove_channel(catalog: Catalog, which: str) -> Channel:
    channel = catalog.channel(which)
    refuse_if_used(catalog, "channel", channel.id, channel.name)
    catalog.workspace.delete(CHANNELS, channel.id)
    return channel
