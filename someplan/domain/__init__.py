"""The pure domain of someplan: records and the rules planners work by. No I/O in here.

Modules, one idea each: post, category, cadence, channel, person, event, settings (the records,
each with `from_doc`/`to_doc`); weeks, plan, rotation, figures, norwegian_calendar (the rules;
its days are data in calendar_days.toml), year_wheel; doc_fields (tolerant reading of stored
fields).
"""

from someplan.domain.cadence import Cadence
from someplan.domain.category import Category
from someplan.domain.channel import Channel, ChannelKind, Network
from someplan.domain.event import Event, EventKind
from someplan.domain.person import Person
from someplan.domain.post import FunnelStage, Post, Status
from someplan.domain.settings import WorkspaceSettings
from someplan.domain.weeks import IsoWeek

__all__ = [
    "Cadence",
    "Category",
    "Channel",
    "ChannelKind",
    "Event",
    "EventKind",
    "FunnelStage",
    "IsoWeek",
    "Network",
    "Person",
    "Post",
    "Status",
    "WorkspaceSettings",
]
