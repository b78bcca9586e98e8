"""`someplan batch` and `someplan people`: planning a batch session and the people registry."""

from __future__ import annotations

import argparse


def register(command) -> None:
    """Add the commands; `command(name, run, help)` is cli.py's sub-parser maker."""
    p = command(
        "batch",
        cmd_batch,
        "plan a batch session: a schedule, and one draft per person spread over the weeks "
        "(a preview; --yes writes the drafts)",
    )
    p.add_argument("category")
    p.add_argument("--people", required=True, help='names in schedule order: "Kari, Ola, Per"')
    p.add_argument("--day", help="the day of the interviews (for the schedule)")
    p.add_argument("--start", default="10:00", help="the first interview (default 10:00)")
    p.add_argument("--minutes", type=int, default=15, help="minutes per person (default 15)")
    p.add_argument("--from", dest="first_week", help="the first week to plan a draft in (default: next week)")
    p.add_argument("--every", type=int, help="weeks between the drafts (default: the category's cadence)")
    p.add_argument("--yes", action="store_true", help="write the drafts")
    p.add_argument("--json", action="store_true")

    p = command("people", None, "the people registry: list, add, edit, remove", workspace=False)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, run, help: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help, description=help)
        p.set_defaults(run=run)
        p.add_argument("-w", "--workspace")
        return p

    p = action("list", cmd_people_list, "everyone, with consent and when last featured")
    p.add_argument("--stale", nargs="?", type=int, const=180, metavar="DAYS",
                   help="only those not featured for DAYS days (default 180) and with nothing planned")  # fmt: skip
    p.add_argument("--json", action="store_true")
    for name, run in (("add", cmd_people_add), ("edit", cmd_people_edit)):
        p = action(name, run, f"{name} a person")
        p.add_argument("name")
        if name == "edit":
            p.add_argument("--name", dest="new_name")
        p.add_argument("--role")
        p.add_argument("--consent", choices=("yes", "no"), help="may we show this person in posts")
        p.add_argument("--until", help="the last day the consent holds ('none': no end)")
    p = action("rm", cmd_people_rm, "remove a person (posts keep what they were)")
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
        raise UserError("give at least one person with --people")
    if args.minutes < 1:
        raise UserError("--minutes must be 1 or more")
    if args.every is not None and args.every < 1:
        raise UserError("--every must be 1 or more weeks")
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
    slots = spread_preview(catalog, category, len(people), first, today, args.every)
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
            raise UserError(f"only {len(slots)} free slots for {len(people)} people within two years; nothing written")
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
    from rich.text import Text

    from someplan.cli_output import print_table, user

    names = {p.id: p.name for p in people}
    title = Text.assemble(("Batch: ", "bold"), user(category.name, "bold"))
    if day:
        title.append(f"  {day:%d.%m.%Y}")
    out.print(title)
    if category.question:
        out.print(Text.assemble("Questions: ", user(category.question)))
    print_table([[at.strftime("%H:%M") if at else "", names[pid]] for at, pid in session.schedule()], ["time", "person"], out)
    for warning in warnings:
        out.print(Text.assemble(("⚠ ", "yellow"), user(warning)))
    out.print(Text("Drafts, one per person:", style="bold"))
    rows = [[f"uke {d['week']}", d["date"], d["time"] or "", d["channel"] or "–", d["title"]] for d in drafts]
    print_table(rows, ["week", "date", "time", "channel", "title"], out)
    if len(drafts) < len(people):
        out.print(Text(f"only {len(drafts)} free slots found for {len(people)} people", style="red"))
    if written:
        out.print(Text(f"wrote {len(written)} drafts", style="green"))
    else:
        out.print(Text("nothing written: add --yes to write these drafts", style="dim"))


def _person_fields(args) -> dict:
    from someplan.services.planning import parse_date

    fields = {}
    if args.role is not None:
        fields["role"] = args.role
    if args.consent is not None:
        fields["consent"] = args.consent == "yes"
    if args.until is not None:
        fields["consent_until"] = None if args.until.strip().lower() in ("none", "") else parse_date(args.until)
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
        [r["name"], r["role"], _consent_text(r), _day(r["last_featured"]) or "never", _day(r["next_featured"]), r["posts"]]
        for r in rows
    ]
    print_table(table, ["name", "role", "consent", "last featured", "next", "posts"], _out())
    return 0


def _day(text: str | None) -> str:
    return f"{text[8:10]}.{text[5:7]}.{text[:4]}" if text else ""


def _consent_text(row: dict) -> str:
    state = row["consent_state"]
    if state == "missing":
        return "⚠ none"
    if state == "expired":
        return f"⚠ ended {_day(row['consent_until'])}"
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
        raise UserError("nothing to change: give --name, --role, --consent or --until")
    print(edit_person(catalog, args.name, **fields).id)
    catalog.workspace.close()
    return 0


def cmd_people_rm(args) -> int:
    from someplan.services.people import remove_person

    catalog = _catalog(args, writable=True)
    person = remove_person(catalog, args.name)
    print(f"removed {person.name}")
    catalog.workspace.close()
    return 0
