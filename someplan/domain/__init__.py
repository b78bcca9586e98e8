"""The pure domain of someplan: records and the rules planners work by. No I/O in here.

Modules, one idea each: post, category, cadence, channel, person, event, settings (the records,
each with `from_doc`/`to_doc`); weeks, plan, rotation, figures, norwegian_calendar (the rules;
its days are data in calendar_days.toml), year_wheel; doc_fields (tolerant reading of stored
fields).
"""

from importlib import import_module

# Each name from its module when first asked for: importing one module of the package (as every
# caller does) then costs no other record's dataclasses (`someplan status` reads no people).
_MODULES = {
    "Cadence": "cadence",
    "Category": "category",
    "Channel": "channel",
    "ChannelKind": "channel",
    "Network": "channel",
    "Event": "event",
    "EventKind": "event",
    "Person": "person",
    "FunnelStage": "post",
    "Post": "post",
    "Status": "post",
    "WorkspaceSettings": "settings",
    "IsoWeek": "weeks",
}


def __getattr__(name: str):
    if name in _MODULES:
        value = getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
