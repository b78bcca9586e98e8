"""Ambition against hours in the workspace: each week's capacity, and the warning before a fill or a
batch overbooks one (the rules are in domain/capacity.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from someplan.domain.capacity import (
    BatchSaving,
    Capacity,
    Load,
    Minutes,
    available_minutes,
    batch_saving,
    hours_number,
    sized_weeks_capacity,
    week_capacity,
)
from someplan.domain.doc_fields import DocReader, parse_hours
from someplan.domain.post import Post, PostFormat
from someplan.domain.weeks import IsoWeek, week_label
from someplan.i18n import _, language
from someplan.services.catalog import PEOPLE, POSTS, SETTINGS, SETTINGS_ID, Catalog
from someplan.services.errors import UserError

if TYPE_CHECKING:  # `someplan status` imports this module: the rotation's planner only when it proposes
    from someplan.domain.rotation_plan import Proposal


def people_minutes(catalog: Catalog) -> int | None:
    """The people's minutes a week, from the stored field: `someplan status` makes no Person (start-up budget)."""
    return available_minutes(parse_hours(doc.get("hours")) for doc in catalog.workspace.view(PEOPLE).values())


def minutes(catalog: Catalog) -> Minutes:
    return Minutes.of(catalog.settings().format_minutes, catalog.categories())


def capacity_of(catalog: Catalog, week: IsoWeek, posts: Iterable[Post] | None = None) -> Capacity:
    """The capacity of `week`; `posts` may be any list holding the week's posts (read when None)."""
    if posts is None:
        posts = catalog.posts_between(week.monday, week.sunday)
    return week_capacity(posts, week, minutes(catalog), people_minutes(catalog))


def capacities(catalog: Catalog, weeks: Sequence[IsoWeek]) -> dict[IsoWeek, Capacity]:
    if not weeks:
        return {}
    docs = catalog.docs_between(min(weeks).monday, max(weeks).sunday)
    return sized_weeks_capacity(map(_sized, docs), weeks, minutes(catalog), people_minutes(catalog))


def _sized(found: tuple[str, dict[str, Any]]) -> tuple[dt.date | None, PostFormat | None, str | None]:
    """What a post's minutes depend on, read as `Post.read` reads them: a year of posts for the
    year wheel, where decoding them whole was a third of opening it (and making a stand-in
    `Post` of each still a tenth)."""
    reader = DocReader(found[1])
    return reader.date("date"), reader.optional_choice("format", PostFormat), reader.optional_text("category")


def capacity_json(capacity: Capacity) -> dict[str, Any]:
    """`status --json`'s `capacity`: minutes, and hours for people reading the JSON."""
    return {
        "posts": capacity.posts,
        "needed_minutes": capacity.needed,
        "available_minutes": capacity.available,
        "needed_hours": round(capacity.needed / 60, 1),
        "available_hours": None if capacity.available is None else round(capacity.available / 60, 1),
        "load": capacity.load.value,
    }


def proposed_posts(catalog: Catalog, proposals: Iterable[Proposal]) -> list[Post]:
    """The posts `proposals` would give: a backlog post on its new day, else a new draft of the category."""
    stored = catalog.workspace.view(POSTS)
    posts = []
    for proposal in proposals:
        doc = stored.get(proposal.post) if proposal.post else None
        base = Post.from_doc(doc, proposal.post) if doc is not None and proposal.post else Post("", category=proposal.category)
        posts.append(dataclasses.replace(base, date=proposal.date, channel=proposal.channel))
    return posts


def overbooking_warnings(catalog: Catalog, new_posts: Sequence[Post]) -> list[str]:
    """A sentence for every week that `new_posts` (not written yet) make tight or overbooked.

    A backlog post among them that is already dated is counted once, on its new day.
    """
    weeks = sorted({IsoWeek.of(p.date) for p in new_posts if p.date is not None})
    if not weeks:
        return []
    posts = catalog.posts_between(weeks[0].monday, weeks[-1].sunday)
    return _overbooked(new_posts, lambda _week: posts, minutes(catalog), people_minutes(catalog))


class FillLoad:
    """`overbooking_warnings` for a fill preview, which asks again on every line accepted or
    rejected: the minutes, the people's hours and each week's posts are read once, and each
    proposal is made a post once."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.rules, self.available = minutes(catalog), people_minutes(catalog)
        self._posts: dict[Proposal, Post] = {}
        self._weeks: dict[IsoWeek, list[Post]] = {}

    def warnings(self, accepted: Sequence[Proposal]) -> list[str]:
        new = [p for p in dict.fromkeys(accepted) if p not in self._posts]
        if new:  # a line changed with `e`: a proposal not seen yet
            self._posts.update(zip(new, proposed_posts(self.catalog, new), strict=True))
        return _overbooked([self._posts[p] for p in accepted], self._week_posts, self.rules, self.available)

    def _week_posts(self, week: IsoWeek) -> list[Post]:
        if week not in self._weeks:
            self._weeks[week] = self.catalog.posts_between(week.monday, week.sunday)
        return self._weeks[week]


def _overbooked(new_posts: Sequence[Post], week_posts: Callable[[IsoWeek], list[Post]], rules: Minutes,
                available: int | None) -> list[str]:  # fmt: skip
    """`overbooking_warnings`, with the posts planned in a week from `week_posts(week)`."""
    moved = {p.id for p in new_posts if p.id}
    lines = []
    for week in sorted({IsoWeek.of(p.date) for p in new_posts if p.date is not None}):
        posts = [p for p in week_posts(week) if p.id not in moved]
        capacity = week_capacity(posts, week, rules, available).with_posts(new_posts, rules)
        if capacity.load in (Load.TIGHT, Load.OVER):
            lines.append(overbooking_sentence(capacity))
    return lines


def overbooking_sentence(capacity: Capacity) -> str:
    label = week_label(capacity.week, language())
    needed, available = hours_number(capacity.needed), hours_number(capacity.available or 0)
    if capacity.load is Load.OVER:
        return _("{week} is overbooked: the plan needs {needed} h, there are {available} h").format(
            week=label, needed=needed, available=available
        )
    return _("{week} is nearly full: the plan needs {needed} h of {available} h").format(
        week=label, needed=needed, available=available
    )


def set_format_minutes(catalog: Catalog, assignments: Iterable[str]) -> dict[str, int]:
    """ "reel=120" … → the workspace setting, one field per format; the minutes now in force."""
    from someplan.domain.settings import MINUTES_PREFIX

    changes = []
    for text in assignments:
        name, _sep, value = text.partition("=")
        name = name.strip().casefold()
        if name not in PostFormat.__members__.values():
            raise UserError(_("unknown format {name!r} (known: {known})").format(name=name, known=", ".join(PostFormat)))
        try:
            number = int(value.strip())
        except ValueError:
            number = -1
        if not 0 <= number <= 24 * 60:
            raise UserError(_("minutes must be a whole number from 0 to 1440: {text!r}").format(text=text))
        changes.append((SETTINGS, SETTINGS_ID, MINUTES_PREFIX + name, number))
    catalog.workspace.write(changes)
    return {fmt.value: count for fmt, count in minutes(catalog).by_format.items()}


def batch_outlook(catalog: Catalog, category_id: str, slots: Sequence[Proposal]) -> tuple[BatchSaving, list[str]]:
    """What a batch of drafts in `slots` saves against making them one by one, and the weeks it
    would make tight or overbooked."""
    drafts = proposed_posts(catalog, slots)
    rules = minutes(catalog)
    return batch_saving(rules.of_post(Post("", category=category_id)) for _slot in slots), overbooking_warnings(catalog, drafts)


def saving_sentence(saving: BatchSaving) -> str:
    """ "In one session: 2,3 h instead of 3 h one by one (saves 0,7 h)"."""
    return _("In one session: {batch} h instead of {alone} h one by one (saves {saved} h)").format(
        batch=hours_number(saving.in_batch), alone=hours_number(saving.one_by_one), saved=hours_number(saving.saved)
    )
