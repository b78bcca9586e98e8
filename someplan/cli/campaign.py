"""`someplan campaign list|add|edit|rm|restore`: the campaigns and seasons of the year wheel."""

from __future__ import annotations

import argparse

from someplan.cli import common
from someplan.i18n import _, pgettext


def register(name: str, p: argparse.ArgumentParser) -> None:
    action = common.actions(p)
    p = action("list", cmd_campaign_list, _("campaigns and seasons by start, with their weeks"))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--year", type=int, help=_("only those touching this year's wheel"))
    which.add_argument("--week", help=_("only those touching an ISO week: 47, 2026-W47, 'uke 47'"))
    common.json_option(p)
    p = action("add", cmd_campaign_add, _("add a campaign or season (prints its id)"))
    p.add_argument("title")
    p.add_argument("--start", required=True, help=_("the first day: 2026-11-23, 23.11.2026"))
    p.add_argument("--end", help=_("the last day (default: the first)"))
    _fields(p)
    p = action("edit", cmd_campaign_edit, _("change a campaign or season (by title or id)"))
    p.add_argument("campaign")
    p.add_argument("--title")
    p.add_argument("--start", help=_("the first day"))
    p.add_argument("--end", help=_("the last day"))
    _fields(p)
    p = action("rm", cmd_campaign_rm, _("remove a campaign or season (restore brings it back)"))
    p.add_argument("campaign")
    p = action("restore", cmd_campaign_restore, _("bring back a removed campaign or season"))
    p.add_argument("id")


def _fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", help=_("campaign (default), season or observance"))
    p.add_argument("--notes")


def _weeks(event, locale: str) -> str:
    from someplan.domain.weeks import IsoWeek, week_word

    if event.start is None or event.end is None:
        return ""
    first, last = IsoWeek.of(event.start), IsoWeek.of(event.end)
    if first == last:
        return f"{week_word(locale)} {first.week}"
    if first.year != last.year:
        return f"{week_word(locale)} {first.week} {first.year}–{last.week} {last.year}"
    return f"{week_word(locale)} {first.week}–{last.week}"


def _json(event) -> dict:
    from someplan.domain.weeks import IsoWeek

    return {
        "id": event.id,
        **event.to_doc(),
        "first_week": str(IsoWeek.of(event.start)) if event.start else None,
        "last_week": str(IsoWeek.of(event.end)) if event.end else None,
    }


def cmd_campaign_list(args) -> int:
    from someplan.domain.weeks import day_label
    from someplan.domain.year_wheel import wheel_range
    from someplan.i18n import language
    from someplan.services.campaigns import campaigns, kind_label
    from someplan.services.errors import UserError

    with common.open_catalog(args) as catalog:
        first = last = None
        if args.year is not None:
            try:
                first, last = wheel_range(args.year)
            except ValueError as error:
                raise UserError(str(error)) from None
        elif args.week:
            week = common.week(args, catalog)  # the same reading (and message) as `someplan list --week`
            assert week is not None  # args.week is given
            first, last = week.monday, week.sunday
        found = campaigns(catalog, first, last)
    if args.json:
        common.print_json([_json(event) for event in found])
        return 0
    locale = language()

    def day(value) -> str:
        return day_label(value, locale, weekday=None, year=True) if value else ""

    rows = [[e.title, kind_label(e.kind), day(e.start), day(e.end), _weeks(e, locale), e.id] for e in found]
    headers = [pgettext("campaign list", "title"), pgettext("campaign list", "kind"), pgettext("campaign list", "start"),
               pgettext("campaign list", "end"), pgettext("campaign list", "weeks"), pgettext("campaign list", "id")]  # fmt: skip
    out = common.console()
    if not out.is_terminal:  # as `list` does: one line each, whole ids to type back, nothing cut
        common.print_lines(rows)
        return 0
    common.print_table(rows, headers, out, whole=(5,))
    if not found:
        common.say(_("no campaigns yet: someplan campaign add TITLE --start DATE --end DATE"))
    return 0


def _edited_fields(args, catalog) -> dict:
    from someplan.services.user_input import parse_date, parse_kind

    today = common.today(catalog)
    fields = {}
    if getattr(args, "title", None) is not None:
        fields["title"] = args.title
    if args.start is not None:
        fields["start"] = parse_date(args.start, today)
    if args.end is not None:
        fields["end"] = parse_date(args.end, today)
    if args.kind is not None:
        fields["kind"] = parse_kind(args.kind)
    if args.notes is not None:
        fields["notes"] = args.notes
    return fields


def cmd_campaign_add(args) -> int:
    from someplan.domain.event import Event
    from someplan.services.campaigns import add_campaign

    with common.open_catalog(args, writable=True) as catalog:
        fields = _edited_fields(args, catalog)
        fields.setdefault("end", fields["start"])
        event = add_campaign(catalog, Event(id="", **fields))
    common.say(event.id)
    return 0


def cmd_campaign_edit(args) -> int:
    from someplan.services.campaigns import edit_campaign
    from someplan.services.errors import UserError

    with common.open_catalog(args, writable=True) as catalog:
        fields = _edited_fields(args, catalog)
        if not fields:
            raise UserError(_("nothing to change: give --title, --start, --end, --kind or --notes"))
        event = edit_campaign(catalog, args.campaign, **fields)
    common.say(event.id)
    return 0


def cmd_campaign_rm(args) -> int:
    from someplan.services.campaigns import remove_campaign

    with common.open_catalog(args, writable=True) as catalog:
        event = remove_campaign(catalog, args.campaign)
    common.say(_("removed {title}; bring it back with: someplan campaign restore {id}").format(title=event.title, id=event.id))
    return 0


def cmd_campaign_restore(args) -> int:
    from someplan.services.campaigns import restore_campaign

    with common.open_catalog(args, writable=True) as catalog:
        restored = restore_campaign(catalog, args.id)
    common.say(restored)
    return 0
