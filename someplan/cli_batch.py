"""`someplan batch` and `someplan people`: planning a batch session and the people registry."""

from __future__ import annotations

from someplan.cli_argparse import actions, json_option
from someplan.i18n import _, ngettext


def register(command) -> None:
    """Add the commands; `command(name, run, help)` is cli.py's sub-parser maker."""
    p = command(
        "batch",
        cmd_batch,
        _(
            "plan a batch session: a schedule, and one draft per person spread over the weeks "
            "(a preview; --yes writes the drafts)"
        ),
    )
    p.add_argument("category")
    p.add_argument("--people", required=True, help=_('names in schedule order: "Kari, Ola, Per"'))
    p.add_argument("--day", help=_("the day of the interviews (for the schedule)"))
    p.add_argument("--start", default="10:00", metavar=_("TIME"), help=_("the first interview (default 10:00)"))
    p.add_argument("--minutes", type=int, default=15, help=_("minutes per person (default 15)"))
    p.add_argument("--from", dest="first_week", help=_("the first week to plan a draft in (default: next week)"))
    p.add_argument("--every", type=int, help=_("weeks between the drafts (default: the category's cadence)"))
    p.add_argument("--yes", action="store_true", help=_("write the drafts"))
    json_option(p)

    p = command("people", None, _("the people registry: list, add, edit, remove"), workspace=False)
    subcommand = actions(p)
    p = subcommand("list", cmd_people_list, _("everyone, with consent and when last featured"))
    p.add_argument("--stale", nargs="?", type=int, const=180, metavar=_("DAYS"),
                   help=_("only those not featured for DAYS days (default 180) and with nothing planned"))  # fmt: skip
    json_option(p)
    for name, run in (("add", cmd_people_add), ("edit", cmd_people_edit)):
        p = subcommand(name, run, _("add a person") if name == "add" else _("edit a person"))
        p.add_argument("name")
        if name == "edit":
            p.add_argument("--name", dest="new_name", help=_("a new name"))
        p.add_argument("--role", help=_("what the person does, e.g. receptionist"))
        p.add_argument("--consent", choices=("yes", "no"), help=_("may we show this person in posts"))
        p.add_argument("--until", help=_("the last day the consent holds ('none': no end)"))
    p = subcommand("rm", cmd_people_rm, _("remove a person (posts keep what they were)"))
    p.add_argument("name")


def _catalog(args, writable: bool = False):
    from someplan.cli import _open

    return _open(args, writable)


def cmd_batch(args) -> int:
    from someplan.cli import _out, _today
    from someplan.domain.batch import BatchSession, Step
    from someplan.domain.weeks import IsoWeek, parse_week
    from someplan.services.batch import consent_warnings, draft_title, finish_session
    from someplan.services.errors import UserError
    from someplan.services.people import people_by_names
    from someplan.services.planning import parse_date, parse_time
    from someplan.services.rotation_fill import spread_preview
    from someplan.store.workspace import new_record_id

    catalog = _catalog(args, writable=args.yes)
    today = _today(catalog)
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
            first = parse_week(args.first_week, today.year)
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
        for slot, person in zip(slots, people)
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
        catalog.workspace.close()
    if args.json:
        from someplan.cli_output import print_json

        schedule = [
            {"time": at.strftime("%H:%M") if at else None, "person": catalog.person(pid).name} for at, pid in session.schedule()
        ]
        print_json({"category": category.name, "day": day.isoformat() if day else None, "schedule": schedule,
                    "questions": category.question, "warnings": warnings, "drafts": drafts, "written": written})  # fmt: skip
        return 0
    _print_batch(_out(), category, session, people, drafts, warnings, written, day)
    return 0


def _print_batch(out, category, session, people, drafts, warnings, written, day) -> None:
    import datetime as dt

    from rich.text import Text

    from someplan.cli_output import print_table, user
    from someplan.domain.weeks import day_label, week_word
    from someplan.i18n import language

    names = {p.id: p.name for p in people}
    title = Text.assemble((_("Batch:") + " ", "bold"), user(category.name, "bold"))
    if day:
        title.append("  " + day_label(day, language(), year=True))
    out.print(title)
    if category.question:
        out.print(Text.assemble(_("Questions:") + " ", user(category.question)))
    schedule = [[at.strftime("%H:%M") if at else "", names[pid]] for at, pid in session.schedule()]
    print_table(schedule, [_("time"), _("person")], out)
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


def _person_fields(args) -> dict:
    from someplan.services.planning import parse_date

    fields = {}
    if args.role is not None:
        fields["role"] = args.role
    if args.consent is not None:
        fields["consent"] = args.consent == "yes"
    if args.until is not None:
        fields["consent_until"] = None if args.until.strip().lower() in ("none", "ingen", "") else parse_date(args.until)
    return fields


def cmd_people_list(args) -> int:
    from someplan.cli import _out, _today
    from someplan.domain.person import consent_state
    from someplan.services.people import featured_by_person, stale_people

    catalog = _catalog(args)
    today = _today(catalog)
    seen = featured_by_person(catalog, today)
    people = stale_people(catalog, today, args.stale) if args.stale is not None else catalog.people()
    rows = []
    for person in people:
        entry = seen.get(person.id)
        rows.append({
            "id": person.id, "name": person.name, "role": person.role, "consent": person.consent,
            "consent_until": person.consent_until.isoformat() if person.consent_until else None,
            "consent_state": consent_state(person, today).value,
            "last_featured": entry.last.isoformat() if entry and entry.last else None,
            "next_featured": entry.next.isoformat() if entry and entry.next else None,
            "posts": entry.posts if entry else 0,
        })  # fmt: skip
    if args.json:
        from someplan.cli_output import print_json

        print_json(rows)
        return 0
    from someplan.cli_output import print_table

    table = [
        [r["name"], r["role"], _consent_text(r), _day(r["last_featured"]) or _("never"), _day(r["next_featured"]), r["posts"]]
        for r in rows
    ]
    print_table(table, [_("name"), _("role"), _("consent"), _("last featured"), _("next"), _("posts")], _out())
    return 0


def _day(text: str | None) -> str:
    import datetime as dt

    from someplan.domain.weeks import day_label
    from someplan.i18n import language

    return day_label(dt.date.fromisoformat(text), language(), weekday=None, year=True) if text else ""


def _consent_text(row: dict) -> str:
    state = row["consent_state"]
    if state == "missing":
        return "⚠ " + _("none")
    if state == "expired":
        return "⚠ " + _("ended {day}").format(day=_day(row["consent_until"]))
    return f"✓ {_day(row['consent_until'])}" if row["consent_until"] else "✓"


def cmd_people_add(args) -> int:
    from someplan.services.people import add_person

    catalog = _catalog(args, writable=True)
    person = add_person(catalog, args.name, **_person_fields(args))
    print(person.id)
    catalog.workspace.close()
    return 0


def cmd_people_edit(args) -> int:
    from someplan.services.errors import UserError
    from someplan.services.people import edit_person

    catalog = _catalog(args, writable=True)
    fields = _person_fields(args)
    if args.new_name is not None:
        fields["name"] = args.new_name
    if not fields:
        raise UserError(_("nothing to change: give --name, --role, --consent or --until"))
    print(edit_person(catalog, args.name, **fields).id)
    catalog.workspace.close()
    return 0


def cmd_people_rm(args) -> int:
    from someplan.services.people import remove_person

    catalog = _catalog(args, writable=True)
    person = remove_person(catalog, args.name)
    print(_("removed {name}").format(name=person.name))
    catalog.workspace.close()
    return 0
