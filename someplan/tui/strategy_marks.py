"""The marks the week plan's header carries for issue 19: the week's hours needed against the
hours there are, and earned content whose permission needs the user. Rich text only, so the
main screen adds one call to its header."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from someplan.domain.capacity import LOAD_MARKS, Load, capacity_label
from someplan.domain.post import Post, PostFormat, Surface
from someplan.domain.weeks import IsoWeek
from someplan.i18n import _, ngettext
from someplan.services.capacity import capacity_of, overbooking_sentence
from someplan.services.catalog import Catalog
from someplan.services.earned import permission_warnings

LOAD_STYLES = {Load.UNKNOWN: "dim", Load.OK: "green", Load.TIGHT: "bold yellow", Load.OVER: "bold red"}
GAP = "\u00a0\u00a0"  # no-break spaces, as the header's other pieces


def header_marks(catalog: Catalog, week: IsoWeek, today: dt.date, posts: list[Post] | None = None) -> Text:
    """ "⏱ 8,5 / 10,5 t ✓", and "1 permission to check (M)" when an earned post's permission needs
    the user; `posts`: the week's, when the caller has read them already."""
    text = Text()
    capacity = capacity_of(catalog, week, posts)
    if capacity.posts or capacity.available is not None:
        mark = LOAD_MARKS[capacity.load]
        label = "⏱\u00a0" + capacity_label(capacity).replace(" ", "\u00a0") + (f"\u00a0{mark}" if mark else "")
        text.append(GAP + label, style=LOAD_STYLES[capacity.load])
    warnings = permission_warnings(catalog, today)
    if warnings:
        count = len(warnings)
        said = ngettext("{count} permission to check (M)", "{count} permissions to check (M)", count).format(count=count)
        text.append(GAP + said.replace(" ", "\u00a0"), style="yellow")
    return text


def next_value(field: str, current: object) -> object:
    """The value after `current` in the order of the format's (or the surface's) members, then none.
    A surface goes none (owned) → earned → paid → none: a stored "owned" is the same as none."""
    order: list[object] = [None, *PostFormat] if field == "format" else [None, Surface.EARNED, Surface.PAID]
    current = None if current is Surface.OWNED else current
    return order[(order.index(current) + 1) % len(order)] if current in order else order[1]


def cycled(catalog: Catalog, post_id: str, field: str) -> str:
    """ "Format: reel · uke 48 er overbooket: …" after `O`/`X` changed a post."""
    post = catalog.post(post_id)
    if field == "format":
        said = _("Format: {value}").format(value=post.format.label() if post.format else _("none"))
    else:
        said = _("Surface: {value}").format(value=post.surface_or_owned.label())
    if post.date is not None:
        capacity = capacity_of(catalog, IsoWeek.of(post.date))
        if capacity.load in (Load.TIGHT, Load.OVER):
            said += " · " + overbooking_sentence(capacity)
    return said
