"""`someplan goal list|add|edit|rm|restore`: goals in the user's words and their measurable targets."""

from __future__ import annotations

import argparse

from someplan.cli import common
from someplan.i18n import N_, _, pgettext

TARGET_HELP = N_("a measurable target, repeatable: 'engagement_rate >= 6', 'reach_rate >= 30 channel=Facebook', "
                "'posts >= 3 channel=Instagram', 'new_followers >= 200', 'share >= 30 category=Ansatte', "
                "'share >= 20 funnel=conversion', \"count <= 40 label='calls to the switchboard'\"")  # fmt: skip


def register(name: str, p: argparse.ArgumentParser) -> None:
    action = common.actions(p)
    p = action("list", cmd_goal_list, _("goals with each target: now, trend, and whether it is reached at this pace"))
    common.json_option(p)
    p = action("add", cmd_goal_add, _("add a goal (prints its id)"))
    p.add_argument("title", help=_("the goal in your own words: 'fewer calls to the switchboard'"))
    p.add_argument("--start", required=True, help=_("the first day: 2026-10-01, 1.10.2026"))
    p.add_argument("--end", required=True, help=_("the last day"))
    p.add_argument("--notes")
    p.add_argument("--target", action="append", default=[], help=_(TARGET_HELP))
    p = action("edit", cmd_goal_edit, _("change a goal, add or drop targets, record a count by hand"))
    p.add_argument("goal", help=_("its title or id"))
    p.add_argument("--title")
    p.add_argument("--start", help=_("the first day"))
    p.add_argument("--end", help=_("the last day"))
    p.add_argument("--notes")
    p.add_argument("--target", action="append", default=[], help=_(TARGET_HELP))
    p.add_argument("--drop-target", action="append", default=[], metavar="ID", help=_("remove a target by its id"))
    p.add_argument("--count", type=float, help=_("record a count by hand (for a 'count' target)"))
    p.add_argument("--of", dest="count_target", metavar="ID", help=_("which target the count is for (if several)"))
    p.add_argument("--on", help=_("the day the count is for (default: today)"))
    p = action("rm", cmd_goal_rm, _("remove a goal (restore brings it back)"))
    p.add_argument("goal")
    p = action("restore", cmd_goal_restore, _("bring back a removed goal"))
    p.add_argument("id")


def cmd_goal_list(args) -> int:
    from someplan.services.goals import goal_json, standings

    with common.open_catalog(args) as catalog:
        found = standings(catalog, common.today(catalog))
    if args.json:
        common.print_json([goal_json(entry) for entry in found])
        return 0
    print_goals(found)
    if not found:
        common.say(_("no goals yet: someplan goal add \"fill the Christmas tables\" --start DATE --end DATE "
                     "--target 'engagement_rate >= 6'"))  # fmt: skip
    return 0


def print_goals(found) -> None:
    from someplan.domain.weeks import day_label
    from someplan.i18n import language
    from someplan.services.goals import TREND_MARKS, note_text, pace_label, value_text

    locale = language()
    out = common.console()
    for entry in found:
        goal = entry.goal
        period = ""
        if goal.start and goal.end:
            first, last = (day_label(day, locale, weekday=None, year=True) for day in (goal.start, goal.end))
            period = f"{first} – {last}"
        out.print(common.user(goal.title, "bold") + common.user(f"  {period}  {goal.id}", "dim"))
        rows = []
        for item in entry.targets:
            s = item.standing
            rows.append([item.target.id, item.text, value_text(item.target.kind, s.now), TREND_MARKS[s.trend.value],
                         value_text(item.target.kind, s.projected), pace_label(s.pace)])  # fmt: skip
        if rows:
            headers = [pgettext("goal list", "id"), pgettext("goal list", "target"), pgettext("goal list", "now"),
                       pgettext("goal list", "trend"), pgettext("goal list", "at the end"),
                       pgettext("goal list", "at this pace")]  # fmt: skip
            common.print_table(rows, headers, out, whole=(0,))
            for item in entry.targets:
                if item.standing.note:  # why there is no verdict, under the table: it is a sentence
                    out.print(common.user(f"  {item.target.id}: {note_text(item.standing.note)}", "dim"))
        else:
            common.say("  " + _("no targets yet: someplan goal edit GOAL --target 'engagement_rate >= 6'"))


def _fields(args, catalog) -> dict:
    from someplan.services.user_input import parse_date

    today = common.today(catalog)
    fields: dict = {}
    if getattr(args, "title", None) is not None and getattr(args, "goal", None) is not None:
        fields["title"] = args.title
    if args.start is not None:
        fields["start"] = parse_date(args.start, today)
    if args.end is not None:
        fields["end"] = parse_date(args.end, today)
    if args.notes is not None:
        fields["notes"] = args.notes
    return fields


def cmd_goal_add(args) -> int:
    from dataclasses import replace

    from someplan.domain.goals import Goal
    from someplan.services.goals import add_goal, new_target_id, parse_target

    with common.open_catalog(args, writable=True) as catalog:
        targets = tuple(replace(parse_target(text, catalog), id=new_target_id()) for text in args.target)
        goal = add_goal(catalog, Goal("", args.title, targets=targets, **_fields(args, catalog)))
    common.say(goal.id)
    return 0


def cmd_goal_edit(args) -> int:
    from someplan.services.errors import UserError
    from someplan.services.goals import add_target, drop_target, edit_goal, find_goal, find_target, parse_target, record_count
    from someplan.services.user_input import parse_date

    with common.open_catalog(args, writable=True) as catalog:
        fields = _fields(args, catalog)
        if not (fields or args.target or args.drop_target or args.count is not None):
            raise UserError(_("nothing to change: give --title, --start, --end, --notes, --target, --drop-target or --count"))
        targets = [parse_target(text, catalog) for text in args.target]  # all read before anything is written
        goal = edit_goal(catalog, args.goal, **fields) if fields else find_goal(catalog, args.goal)
        for target_id in args.drop_target:
            drop_target(catalog, goal, target_id)
        for target in targets:
            common.say(add_target(catalog, goal, target).id)
        if args.count is not None:
            from someplan.domain.goals import TargetKind

            goal = find_goal(catalog, goal.id)
            target = find_target(goal, args.count_target, TargetKind.COUNT)
            day = parse_date(args.on, common.today(catalog)) if args.on else common.today(catalog)
            record_count(catalog, goal, target, day, args.count)
    if not args.target:
        common.say(goal.id)
    return 0


def cmd_goal_rm(args) -> int:
    from someplan.services.goals import remove_goal

    with common.open_catalog(args, writable=True) as catalog:
        goal = remove_goal(catalog, args.goal)
    common.say(_("removed {title}; bring it back with: someplan goal restore {id}").format(title=goal.title, id=goal.id))
    return 0


def cmd_goal_restore(args) -> int:
    from someplan.services.goals import restore_goal

    with common.open_catalog(args, writable=True) as catalog:
        restored = restore_goal(catalog, args.id)
    common.say(restored)
    return 0
