"""`someplan people list|add|edit|rm`: the people registry (who may be shown, and when they were)."""

from __future__ import annotations

import argparse
from typing import Any

from someplan.cli import common
from someplan.i18n import _


def register(name: str, p: argparse.ArgumentParser) -> None:
    subcommand = common.actions(p)
    p = subcommand("list", cmd_people_list, _("everyone, with consent and when last featured"))
    p.add_argument("--stale", nargs="?", type=int, const=180, metavar=_("DAYS"),
                   help=_("only those not featured for DAYS days (default 180) and with nothing planned"))  # fmt: skip
    common.json_option(p)
    for action, run in (("add", cmd_people_add), ("edit", cmd_people_edit)):
        p = subcommand(action, run, _("add a person") if action == "add" else _("edit a person"))
        p.add_argument("name")
        if action == "edit":
            p.add_argument("--name", dest="new_name", help=_("a new name"))
        p.add_argument("--role", help=_("what the person does, e.g. receptionist"))
        p.add_argument("--consent", choices=("yes", "no"), help=_("may we show this person in posts"))
        p.add_argument("--until", help=_("the last day the consent holds ('none': no end)"))
        p.add_argument("--hours", help=_("hours a week the person has for content, e.g. 7.5 ('none': none)"))
    p = subcommand("rm", cmd_people_rm, _("remove a person (posts keep what they were)"))
    p.add_argument("name")


def _person_fields(args) -> dict:
    from someplan.services.user_input import parse_date, unless_none

    fields = {}
    if args.role is not None:
        fields["role"] = args.role
    if args.consent is not None:
        fields["consent"] = args.consent == "yes"
    if args.until is not None:
        fields["consent_until"] = unless_none(args.until, parse_date)
    if args.hours is not None:
        fields["hours"] = _hours(args.hours)
    return fields


def _hours(text: str) -> float | None:
    from someplan.domain.doc_fields import parse_hours
    from someplan.services.errors import UserError
    from someplan.services.user_input import is_none_word

    if is_none_word(text):
        return None
    hours = parse_hours(text)
    if hours is None:
        raise UserError(_("not hours a week: {text!r} (use a number from 0 to 168, e.g. 7.5)").format(text=text))
    return hours


def cmd_people_list(args) -> int:
    from someplan.domain.person import consent_state
    from someplan.services.people import featured_by_person, stale_people

    with common.open_catalog(args) as catalog:
        today = common.today(catalog)
        seen = featured_by_person(catalog, today)
        people = stale_people(catalog, today, args.stale) if args.stale is not None else catalog.people()
        ideas_used: dict[str, int] = {}
        if args.json:  # only the JSON has it; counting walks every post of the history
            from someplan.services.ideas import contributors

            ideas_used = {person.id: used for person, used in contributors(catalog)}
    rows: list[dict[str, Any]] = []
    for person in people:
        entry = seen.get(person.id)
        rows.append({
            "id": person.id, "name": person.name, "role": person.role, "consent": person.consent,
            "consent_until": person.consent_until.isoformat() if person.consent_until else None,
            "consent_state": consent_state(person, today).value,
            "last_featured": entry.last.isoformat() if entry and entry.last else None,
            "next_featured": entry.next.isoformat() if entry and entry.next else None,
            "posts": entry.posts if entry else 0,
            "contributor": person.contributor, "ideas_used": ideas_used.get(person.id, 0),
            "hours": person.hours,
        })  # fmt: skip
    if args.json:
        common.print_json(rows)
        return 0
    table = [
        [r["name"], r["role"], _consent_text(r), _day(r["last_featured"]) or _("never"), _day(r["next_featured"]), r["posts"]]
        for r in rows
    ]
    common.print_table(table, [_("name"), _("role"), _("consent"), _("last featured"), _("next"), _("posts")], common.console())
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

    with common.open_catalog(args, writable=True) as catalog:
        person = add_person(catalog, args.name, **_person_fields(args))
    common.say(person.id)
    return 0


def cmd_people_edit(args) -> int:
    from someplan.services.errors import UserError
    from someplan.services.people import edit_person

    with common.open_catalog(args, writable=True) as catalog:
        fields = _person_fields(args)
        if args.new_name is not None:
            fields["name"] = args.new_name
        if not fields:
            raise UserError(_("nothing to change: give --name, --role, --consent, --until or --hours"))
        person = edit_person(catalog, args.name, **fields)
    common.say(person.id)
    return 0


def cmd_people_rm(args) -> int:
    from someplan.services.people import remove_person

    with common.open_catalog(args, writable=True) as catalog:
        person = remove_person(catalog, args.name)
    common.say(_("removed {name}").format(name=person.name))
    return 0
