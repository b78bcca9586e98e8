"""`someplan batch`: planning a batch session (a schedule, and one draft per person)."""

from __future__ import annotations

import argparse

from someplan.cli import common
from someplan.i18n import _, ngettext


def register(name: str, p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=cmd_batch)
    common.workspace_option(p)
    p.add_argument("category")
    p.add_argument("--people", required=True, help=_('names in schedule order: "Kari, Ola, Per"'))
    p.add_argument("--day", help=_("the day of the interviews (for the schedule)"))
    p.add_argument("--start", default="10:00", metavar=_("TIME"), help=_("the first interview (default 10:00)"))
    p.add_argument("--minutes", type=int, default=15, help=_("minutes per person (default 15)"))
    p.add_argument("--from", dest="first_week", help=_("the first week to plan a draft in (default: next week)"))
    p.add_argument("--every", type=int, help=_("weeks between the drafts (default: the category's cadence)"))
    p.add_argument("--yes", action="store_true", help=_("write the drafts"))
    common.json_option(p)


def cmd_batch(args) -> int:
    from someplan.domain.batch import BatchSession, Step
    from someplan.domain.weeks import IsoWeek
    from someplan.domain.weeks import parse_week as read_week
    from someplan.services.batch import consent_warnings, draft_title, finish_session
    from someplan.services.errors import UserError
    from someplan.services.people import people_by_names
    from someplan.services.rotation_fill import spread_preview
    from someplan.services.user_input import parse_date, parse_time
    from someplan.store.workspace import new_record_id

    with common.open_catalog(args, writable=args.yes) as catalog:
        today = common.today(catalog)
        category = catalog.category(args.category)
        people = people_by_names(catalog, args.people)
        if not people:
            raise UserError(_("give at least one person with --people"))
        if args.minutes < 1:
            raise UserError(_("--minutes must be 1 or more"))
        if args.every is not None and args.every < 1:
            raise UserError(_("--every must be 1 or more weeks"))
        day = parse_date(args.day, today) if args.day else None
        first = IsoWeek.of(today) + 1
        if args.first_week:
            try:
                first = read_week(args.first_week, today.year)
            except ValueError:
                first = IsoWeek.of(parse_date(args.first_week, today))
        session = BatchSession(
            id=new_record_id(),
            category=category.id,
            people=tuple(p.id for p in people),
            day=day,
            start=parse_time(args.start),
            minutes=args.minutes,
            questions=category.question,
            step=Step.SPREAD,
        )
        slots = spread_preview(catalog, category, len(people), first, today, args.every, after=day)
        warnings = consent_warnings(people, day or today)
        from someplan.services.capacity import batch_outlook, saving_sentence

        saving, overbooked = batch_outlook(catalog, category.id, slots)  # before --yes writes the drafts
        warnings += overbooked
        channels = catalog.channel_names()
        drafts = [
            {
                "person": person.name,
                "title": draft_title(category, person),
                "date": slot.date.isoformat(),
                "time": slot.time.strftime("%H:%M") if slot.time else None,
                "channel": channels.get(slot.channel),
                "week": slot.week.week,
            }
            for slot, person in zip(slots, people, strict=False)
        ]
        written = []
        if args.yes:
            if len(slots) < len(people):
                raise UserError(
                    _("only {slots} free slots for {people} people within two years; nothing written").format(
                        slots=len(slots), people=len(people)
                    )
                )
            written = finish_session(catalog, session, slots, people, stored=False)
        schedule = [(at, catalog.person(pid).name) for at, pid in session.schedule()]
    if args.json:
        schedule_json = [{"time": at.strftime("%H:%M") if at else None, "person": name} for at, name in schedule]
        common.print_json({"category": category.name, "day": day.isoformat() if day else None, "schedule": schedule_json,
                           "questions": category.question, "warnings": warnings, "drafts": drafts,
                           "written": written, "saving": {"posts": saving.posts, "one_by_one_minutes": saving.one_by_one,
                                                          "in_batch_minutes": saving.in_batch,
                                                          "saved_minutes": saving.saved}})  # fmt: skip
        return 0
    _print_batch(common.console(), category, schedule, people, drafts, warnings, written, day)
    if saving.saved:
        common.say(saving_sentence(saving))
    return 0


def _print_batch(out, category, schedule, people, drafts, warnings, written, day) -> None:
    import datetime as dt

    from rich.text import Text

    from someplan.cli.common import print_table, user
    from someplan.domain.weeks import day_label, week_word
    from someplan.i18n import language

    title = Text.assemble((_("Batch:") + " ", "bold"), user(category.name, "bold"))
    if day:
        title.append("  " + day_label(day, language(), year=True))
    out.print(title)
    if category.question:
        out.print(Text.assemble(_("Questions:") + " ", user(category.question)))
    rows = [[at.strftime("%H:%M") if at else "", name] for at, name in schedule]
    print_table(rows, [_("time"), _("person")], out)
    for warning in warnings:
        out.print(Text.assemble(("⚠ ", "yellow"), user(warning)))
    out.print(Text(_("Drafts, one per person:"), style="bold"))
    rows = [
        [f"{week_word(language())} {d['week']}", day_label(dt.date.fromisoformat(d["date"]), language(), weekday="short"),
         d["time"] or "", d["channel"] or "–", d["title"]]
        for d in drafts
    ]  # fmt: skip
    print_table(rows, [_("week"), _("date"), _("time"), _("channel"), _("title")], out)
    if len(drafts) < len(people):
        found = _("only {slots} free slots found for {people} people").format(slots=len(drafts), people=len(people))
        out.print(Text(found, style="red"))
    if written:
        wrote = ngettext("wrote {count} draft", "wrote {count} drafts", len(written)).format(count=len(written))
        out.print(Text(wrote, style="green"))
    else:
        out.print(Text(_("nothing written: add --yes to write these drafts"), style="dim"))
