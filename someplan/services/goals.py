"""Goals and their targets (domain.goals): add, edit, remove, record a count by hand, and where
each target stands, for the goals screen, `someplan goal`, `someplan status` and the report.

Every change is a few ops on one record of the `goals` table; a target is a field of its own
and a count recorded by hand another, so colleagues' edits of different targets never collide.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import secrets
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from someplan.domain.goals import (
    COUNT_PREFIX,
    PERCENT_KINDS,
    TARGET_PREFIX,
    Direction,
    Goal,
    Pace,
    Standing,
    Target,
    TargetKind,
    Trend,
    standing,
)  # fmt: skip
from someplan.domain.post import FunnelStage
from someplan.i18n import N_, _, language, ngettext, percent
from someplan.rounding import fixed, rounded
from someplan.services.catalog import Catalog
from someplan.services.errors import UserError
from someplan.services.named_records import Kind, find_titled, restore_titled
from someplan.store.workspace import new_record_id

if TYPE_CHECKING:
    from someplan.services.report import GoalLine

GOALS = "goals"
GOAL_WORDS = Kind(
    GOALS,
    lambda n: ngettext("{n} goal is called {title!r}; give its id: {ids}",
                       "{n} goals are called {title!r}; give one of their ids: {ids}", n),
    N_("goal {id} is removed; bring it back with: someplan goal restore {id}"),
    N_("no goal {text!r} (see: someplan goal list)"),
    N_("no removed goal with id {id!r}"),
)  # fmt: skip

KIND_LABELS = {
    TargetKind.REACH_RATE: N_("reach rate"),
    TargetKind.ENGAGEMENT_RATE: N_("engagement rate"),
    TargetKind.POSTS_PER_WEEK: N_("posts per week"),
    TargetKind.NEW_FOLLOWERS: N_("new followers"),
    TargetKind.SHARE: N_("share of the mix"),
    TargetKind.COUNT: N_("count by hand"),
}
PACE_LABELS = {
    Pace.NOT_STARTED: N_("not started"),
    Pace.UNKNOWN: N_("too early to say"),
    Pace.ON_TRACK: N_("on track"),
    Pace.BEHIND: N_("behind"),
    Pace.REACHED: N_("reached"),
    Pace.MISSED: N_("missed"),
}
NOTES = {
    "no_page_figures": N_("no page-level imports of new follows for this channel yet (someplan import)"),
    "too_few_weeks": N_("needs 3 whole weeks with figures"),
    "no_period": N_("the goal has no period"),
    "no_posts": N_("no published posts in the period yet"),
}
TREND_MARKS = {"up": "↑", "down": "↓", "flat": "→", "unknown": "·"}

# The words a target's kind is typed as, in both languages.
_KIND_WORDS = {
    "reach_rate": TargetKind.REACH_RATE, "reach": TargetKind.REACH_RATE, "rekkevidde": TargetKind.REACH_RATE,
    "rekkeviddesrate": TargetKind.REACH_RATE, "engagement_rate": TargetKind.ENGAGEMENT_RATE,
    "engagement": TargetKind.ENGAGEMENT_RATE, "engasjement": TargetKind.ENGAGEMENT_RATE,
    "engasjementsrate": TargetKind.ENGAGEMENT_RATE, "engasjementsgrad": TargetKind.ENGAGEMENT_RATE,
    "posts_per_week": TargetKind.POSTS_PER_WEEK,
    "posts": TargetKind.POSTS_PER_WEEK, "innlegg": TargetKind.POSTS_PER_WEEK, "innlegg_per_uke": TargetKind.POSTS_PER_WEEK,
    "new_followers": TargetKind.NEW_FOLLOWERS, "followers": TargetKind.NEW_FOLLOWERS, "følgere": TargetKind.NEW_FOLLOWERS,
    "nye_følgere": TargetKind.NEW_FOLLOWERS, "share": TargetKind.SHARE, "andel": TargetKind.SHARE,
    "count": TargetKind.COUNT, "antall": TargetKind.COUNT,
}  # fmt: skip
_FUNNEL_WORDS = {"awareness": FunnelStage.AWARENESS, "oppmerksomhet": FunnelStage.AWARENESS,
                 "consideration": FunnelStage.CONSIDERATION, "vurdering": FunnelStage.CONSIDERATION,
                 "conversion": FunnelStage.CONVERSION, "konvertering": FunnelStage.CONVERSION}  # fmt: skip
_SPEC = re.compile(r"^\s*([^\s<>=≥≤]+)\s*(>=|<=|≥|≤|=)\s*(-?[\d\s]+(?:[.,]\d+)?)\s*%?\s*(.*)$")


# -- reading ------------------------------------------------------------------------------------


def goals(catalog: Catalog) -> list[Goal]:
    """Every goal, by start (undated last), then title."""
    found = catalog.goals()
    return sorted(found, key=lambda g: (g.start is None, g.start or dt.date.max, g.title.casefold(), g.id))


def find_goal(catalog: Catalog, text: str) -> Goal:
    """A goal by id, a unique start of its id (6+ characters) or its title."""
    return find_titled(catalog, catalog.goals(), text, GOAL_WORDS)


def find_target(goal: Goal, text: str | None, kind: TargetKind | None = None) -> Target:
    """A target of `goal` by id; without one, its only target (of `kind`, when given)."""
    if text:
        for target in goal.targets:
            if target.id == text.strip():
                return target
        raise UserError(_("the goal has no target {id!r}; its targets: {ids}").format(
            id=text, ids=", ".join(t.id for t in goal.targets) or _("none yet")))  # fmt: skip
    fitting = [t for t in goal.targets if kind is None or t.kind is kind]
    if len(fitting) != 1:
        raise UserError(_("say which target: {ids}").format(ids=", ".join(t.id for t in fitting) or _("none yet")))
    return fitting[0]


# -- writing ------------------------------------------------------------------------------------


def check_goal(goal: Goal) -> Goal:
    """The goal with its title trimmed, or a UserError saying what is missing or wrong."""
    title = goal.title.strip()
    if not title:
        raise UserError(_("a goal needs a title: what you want to achieve, in your own words"))
    if goal.start is None or goal.end is None:
        raise UserError(_("a goal needs a period: a first and a last day"))
    if goal.end < goal.start:
        raise UserError(_("the end ({end}) is before the start ({start})").format(
            end=goal.end.isoformat(), start=goal.start.isoformat()))  # fmt: skip
    return replace(goal, title=title)


def new_target_id() -> str:
    # Random, not "t3": two colleagues adding a target at once must not pick the same field.
    return secrets.token_hex(3)


def add_goal(catalog: Catalog, goal: Goal) -> Goal:
    goal = check_goal(replace(goal, id=goal.id or new_record_id()))
    doc = {name: value for name, value in goal.to_doc().items() if value not in (None, "")}
    catalog.workspace.insert(GOALS, doc, goal.id)
    return goal


def save_goal(catalog: Catalog, original: Goal, edited: Goal) -> dict[str, object]:
    """Write the fields that differ (title, period, notes, targets, counts); returns the original
    values of those fields (what an undo writes back). A target dropped is a field set to None."""
    edited = check_goal(edited)
    if catalog.workspace.get(GOALS, original.id) is None:
        raise UserError(_("no goal with id {id}").format(id=original.id))
    before, after = original.to_doc(), edited.to_doc()
    for name in before:
        after.setdefault(name, None)
    changed = {name: before.get(name) for name, value in after.items() if before.get(name) != value}
    catalog.workspace.write([(GOALS, original.id, name, after[name]) for name in changed])
    return changed


def edit_goal(catalog: Catalog, which: str, **fields: Any) -> Goal:
    goal = find_goal(catalog, which)
    edited = replace(goal, **fields)
    save_goal(catalog, goal, edited)
    return check_goal(edited)


def add_target(catalog: Catalog, goal: Goal, target: Target) -> Target:
    target = replace(target, id=target.id or new_target_id())
    catalog.workspace.write([(GOALS, goal.id, TARGET_PREFIX + target.id, target.to_doc())])
    return target


def drop_target(catalog: Catalog, goal: Goal, target_id: str) -> Target:
    target = find_target(goal, target_id)
    changes = [(GOALS, goal.id, TARGET_PREFIX + target.id, None)]
    changes += [(GOALS, goal.id, f"{COUNT_PREFIX}{target.id}.{day.isoformat()}", None) for day in target.recorded]
    catalog.workspace.write(changes)
    return target


def record_count(catalog: Catalog, goal: Goal, target: Target, day: dt.date, value: float) -> None:
    if target.kind is not TargetKind.COUNT:
        raise UserError(_("only a count by hand is recorded by hand; the others come from the figures"))
    if not math.isfinite(value) or value < 0:
        raise UserError(_("a count cannot be negative"))
    catalog.workspace.write([(GOALS, goal.id, f"{COUNT_PREFIX}{target.id}.{day.isoformat()}", value)])


def remove_goal(catalog: Catalog, which: str) -> Goal:
    goal = find_goal(catalog, which)
    catalog.workspace.delete(GOALS, goal.id)
    return goal


def restore_goal(catalog: Catalog, which: str) -> str:
    return restore_titled(catalog, which, GOAL_WORDS)


# -- typed targets ------------------------------------------------------------------------------


def parse_target(text: str, catalog: Catalog) -> Target:
    """ "engagement_rate >= 6", "posts >= 3 channel=Facebook", "share >= 30 category=Ansatte",
    "andel >= 40 funnel=konvertering", "antall <= 40 label='telefoner til sentralbordet'",
    "new_followers >= 200 channel=Instagram". `=` means at least."""
    match = _SPEC.match(text)
    if not match:
        raise UserError(_("a target reads like 'engagement_rate >= 6' or 'posts >= 3 channel=Facebook', not {text!r}").format(
            text=text))  # fmt: skip
    word, op, number, rest = match.groups()
    kind = _KIND_WORDS.get(word.strip().casefold())
    if kind is None:
        known = ", ".join(sorted(k.value for k in TargetKind))
        raise UserError(_("unknown kind of target {word!r}; known: {known}").format(word=word, known=known))
    value = float(re.sub(r"\s", "", number).replace(",", "."))
    direction = Direction.AT_MOST if op in ("<=", "≤") else Direction.AT_LEAST
    fields: dict[str, Any] = {}
    try:
        pairs = shlex.split(rest)
    except ValueError:
        raise UserError(_("unbalanced quotes in {text!r}").format(text=text)) from None
    for pair in pairs:
        key, equals, val = pair.partition("=")
        key = key.casefold()
        if not equals:
            raise UserError(_("{pair!r}: say channel=…, category=…, funnel=… or label=…").format(pair=pair))
        if key in ("channel", "kanal"):
            fields["channel"] = catalog.channel(val).id
        elif key in ("category", "kategori"):
            fields["category"] = catalog.category(val).id
        elif key in ("funnel", "trakt"):
            if val.casefold() not in _FUNNEL_WORDS:
                raise UserError(_("unknown funnel stage {value!r}; known: awareness, consideration, conversion").format(
                    value=val))  # fmt: skip
            fields["funnel"] = _FUNNEL_WORDS[val.casefold()]
        elif key in ("label", "navn"):
            fields["label"] = val.strip()
        else:
            raise UserError(_("{pair!r}: say channel=…, category=…, funnel=… or label=…").format(pair=pair))
    if kind is TargetKind.SHARE and not (fields.get("category") or fields.get("funnel")):
        raise UserError(_("a share names a category or a funnel stage: share >= 30 category=Ansatte"))
    if kind is TargetKind.COUNT and not fields.get("label"):
        raise UserError(_("a count by hand says what is counted: count <= 40 label='calls to the switchboard'"))
    return Target("", kind, value, direction, **fields)


def target_text(target: Target, channels: Mapping[str, str], categories: Mapping[str, str]) -> str:
    """ "engagement rate ≥ 6 %, Facebook" in the language spoken."""
    what = target.label if target.kind is TargetKind.COUNT and target.label else _(KIND_LABELS[target.kind])
    op = "≥" if target.direction is Direction.AT_LEAST else "≤"
    text = f"{what} {op} {value_text(target.kind, target.value)}"
    where = []
    if target.category:
        where.append(categories.get(target.category, _("removed category")))
    if target.funnel:
        where.append(target.funnel.value)
    if target.channel:
        where.append(channels.get(target.channel, _("removed channel")))
    return text + (", " + ", ".join(where) if where else "")


def value_text(kind: TargetKind, value: float | None) -> str:
    if value is None:
        return "–"
    if kind in PERCENT_KINDS:
        return percent(value)
    number = fixed(value, 1 if kind is TargetKind.POSTS_PER_WEEK else 0)
    number = number[:-2] if number.endswith(".0") else number
    return number.replace(".", ",") if language() == "nb" else number


# -- where they stand ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetStanding:
    target: Target
    text: str  # target_text
    standing: Standing


@dataclass(frozen=True)
class GoalStanding:
    goal: Goal
    targets: tuple[TargetStanding, ...]


def standings(catalog: Catalog, today: dt.date, found: Sequence[Goal] | None = None) -> list[GoalStanding]:
    """Each goal with where its targets stand. Only the published posts of the goals' periods are
    read, a few fields each, and the result is kept between commands while the workspace and
    today stay the same (services/derived_cache.py): `someplan status` shows the goals under way."""
    from someplan.services.derived_cache import cached

    found = goals(catalog) if found is None else list(found)
    depends = today.isoformat() + "|" + ",".join(g.id for g in found)
    computed = cached(catalog, "goal-standings", depends, lambda: _compute(catalog, today, found),
                      _encode_standings, _decode_standings)  # fmt: skip
    if any(t.id not in computed.get(g.id, {}) for g in found for t in g.targets):  # a cache that lies: not trusted
        computed = _compute(catalog, today, found)
    channel_names = catalog.channel_names()
    category_names = catalog.category_names()
    return [
        GoalStanding(goal, tuple(
            TargetStanding(t, target_text(t, channel_names, category_names), computed[goal.id][t.id])
            for t in goal.targets
        ))
        for goal in found
    ]  # fmt: skip


def _compute(catalog: Catalog, today: dt.date, found: Sequence[Goal]) -> dict[str, dict[str, Standing]]:
    from someplan.services.published import rated_between

    dated = [g for g in found if g.start and g.end and g.targets]
    channels = {c.id: c for c in catalog.channels()}
    rated = []
    if dated:
        first = min(g.start for g in dated if g.start)
        last = min(max(g.end for g in dated if g.end), today)
        if first <= last:
            rated = rated_between(catalog, first, last)
    return {goal.id: {t.id: standing(goal, t, rated, channels, today) for t in goal.targets} for goal in found}


def _encode_standings(computed: dict[str, dict[str, Standing]]) -> dict[str, Any]:
    return {goal: {target: [s.now, s.projected, list(s.weekly), s.trend.value, s.pace.value, s.note, list(s.movers)]
                   for target, s in targets.items()} for goal, targets in computed.items()}  # fmt: skip


def _decode_standings(value: dict[str, Any]) -> dict[str, dict[str, Standing]]:
    def number(value: Any) -> float | None:
        return None if value is None else float(value)

    def one(now: Any, projected: Any, weekly: list[Any], trend: str, pace: str, note: str, movers: list[Any]) -> Standing:
        return Standing(number(now), number(projected), tuple(map(number, weekly)), Trend(trend), Pace(pace), str(note),
                        tuple(map(str, movers)))  # fmt: skip

    return {goal: {target: one(*fields) for target, fields in targets.items()} for goal, targets in value.items()}


def pace_label(pace: Pace) -> str:
    return _(PACE_LABELS[pace])


def note_text(note: str) -> str:
    return _(NOTES[note]) if note in NOTES else note


def movers(found: Sequence[GoalStanding]) -> dict[str, list[str]]:
    """Post id → the targets it moved most ("Fylle julebordene: engagement rate ≥ 6 %")."""
    marked: dict[str, list[str]] = {}
    for entry in found:
        for item in entry.targets:
            for post in item.standing.movers:
                marked.setdefault(post, []).append(f"{entry.goal.title}: {item.text}")
    return marked


def goal_json(entry: GoalStanding) -> dict[str, Any]:
    goal = entry.goal
    return {
        "id": goal.id,
        "title": goal.title,
        "start": goal.start.isoformat() if goal.start else None,
        "end": goal.end.isoformat() if goal.end else None,
        "notes": goal.notes,
        "targets": [
            {
                "id": t.target.id, **t.target.to_doc(), "text": t.text,
                "now": rounded(t.standing.now, 2), "projected": rounded(t.standing.projected, 2),
                "weekly": [rounded(v, 2) for v in t.standing.weekly], "trend": t.standing.trend.value,
                "pace": t.standing.pace.value, "note": t.standing.note or None, "moved_most": list(t.standing.movers),
                **({"recorded": {d.isoformat(): v for d, v in t.target.recorded.items()}}
                   if t.target.kind is TargetKind.COUNT else {}),
            }
            for t in entry.targets
        ],
    }  # fmt: skip


def report_lines(catalog: Catalog, first: dt.date, last: dt.date, today: dt.date) -> list[GoalLine] | None:
    """The goals whose period touches `first`–`last`, as the management report shows them
    (services.report.GoalLine), standing as they did when the report's period ended (or today,
    if that is sooner); a goal without targets gets one line saying so. None (no section) when
    the workspace has no goals at all."""
    from someplan.services.report import GoalLine

    every = goals(catalog)
    if not every:
        return None
    touching = [g for g in every if g.start and g.end and g.start <= last and first <= g.end]
    lines: list[GoalLine] = []
    for entry in standings(catalog, min(today, last + dt.timedelta(days=1)), touching):
        if not entry.targets:
            lines.append(GoalLine(entry.goal.title, _("no targets yet"), "–", None))
        for item in entry.targets:
            s = item.standing
            now = f"{value_text(item.target.kind, s.now)} {TREND_MARKS[s.trend.value]} · {pace_label(s.pace)}"
            reached = {Pace.REACHED: True, Pace.MISSED: False}.get(s.pace)  # "on track" is not yet reached: said in `now`
            lines.append(GoalLine(entry.goal.title, item.text, now, reached))
    return lines


def summary_count(found: Sequence[GoalStanding]) -> tuple[int, int]:
    """(targets on track or reached, targets judged): for a one-line summary."""
    judged = [t for g in found for t in g.targets if t.standing.pace not in (Pace.UNKNOWN, Pace.NOT_STARTED)]
    good = [t for t in judged if t.standing.pace in (Pace.ON_TRACK, Pace.REACHED)]
    return len(good), len(judged)
