"""`someplan channel …` and `someplan category …`: list, add, edit or remove them."""

from __future__ import annotations

import argparse

from someplan.cli import common
from someplan.domain.category import Category
from someplan.domain.channel import Channel
from someplan.i18n import _


def register(name: str, p: argparse.ArgumentParser) -> None:
    subcommand = common.actions(p, kind=name)
    channel = name == "channel"
    p = subcommand("list", cmd_record_list, _("list channels") if channel else _("list categories"))
    common.json_option(p)
    for action, run in (("add", cmd_record_add), ("edit", cmd_record_edit)):
        if action == "add":
            p = subcommand(action, run, _("add a channel") if channel else _("add a category"))
        else:
            p = subcommand(action, run, _("edit a channel") if channel else _("edit a category"))
        p.add_argument("name")
        if action == "edit":
            p.add_argument("--name", dest="new_name", help=_("a new name"))
        if channel:
            p.add_argument("--network", help=_("facebook, instagram, linkedin, tiktok or other"))
            p.add_argument("--target", type=int, help=_("posts per week"))
        else:
            p.add_argument("--colour", "--color", dest="colour", help=_("a colour, e.g. #e4572e"))
            p.add_argument("--cadence", help=_("how often: weekly, every 2 weeks, twice a month, monthly"))
            p.add_argument("--question", help=_("the questions that start a post"))
            p.add_argument("--weekday", help=_("preferred weekday: monday … sunday, mandag … søndag, or none"))
            p.add_argument("--time", help=_("preferred time, e.g. 09:30, or none"))
            p.add_argument("--channel", help=_("preferred channel, or none"))
            p.add_argument("--minutes", help=_("minutes one post takes to make, e.g. 45 (none: by its format)"))
            state = p.add_mutually_exclusive_group()
            state.add_argument("--paused", action="store_true", help=_("leave it out of the rotation"))
            state.add_argument("--active", action="store_true", help=_("back into the rotation"))
    p = subcommand("rm", cmd_record_rm, _("remove a channel") if channel else _("remove a category"))
    p.add_argument("name")


def _record_json(record) -> dict:
    return {"id": record.id, **record.to_doc()}


def cmd_record_list(args) -> int:
    with common.open_catalog(args) as catalog:
        records = catalog.channels() if args.kind == "channel" else catalog.categories()
        if args.json:
            common.print_json([_record_json(r) for r in records])
            return 0
        if args.kind == "channel":
            today = common.today(catalog)
            rows = [[c.name, c.network.value, c.target_per_week, c.followers_on(today) or ""] for c in catalog.channels()]
            headers = [_("name"), _("network"), _("per week"), _("followers")]
        else:
            rows = [[c.name, c.colour, c.cadence.label(), _("active") if c.active else _("paused")] for c in catalog.categories()]
            headers = [_("name"), _("colour"), _("cadence"), ""]
    common.print_table(rows, headers, common.console())
    return 0


def _record_fields(args, catalog) -> dict:
    from someplan.domain.category import normalise_colour
    from someplan.services.errors import UserError
    from someplan.services.user_input import parse_cadence, parse_time, parse_weekday, unless_none

    fields: dict = {}
    if args.kind == "channel":
        if args.network is not None:
            fields["network"] = args.network
        if args.target is not None:
            if args.target < 0:
                raise UserError(_("--target must be 0 or more posts per week"))
            fields["target_per_week"] = args.target
        return fields
    if args.colour is not None:
        colour = normalise_colour(args.colour)
        if colour is None:
            raise UserError(_("not a colour: {text!r} (use #e4572e)").format(text=args.colour))
        fields["colour"] = colour
    if args.cadence is not None:
        fields["cadence"] = parse_cadence(args.cadence)
    if args.question is not None:
        fields["question"] = args.question
    if args.paused or args.active:
        fields["active"] = bool(args.active)
    if args.weekday is not None:
        fields["weekday"] = parse_weekday(args.weekday)
    if args.time is not None:
        fields["time"] = unless_none(args.time, parse_time)
    if args.channel is not None:
        fields["channel"] = unless_none(args.channel, lambda name: catalog.channel(name).id)
    if args.minutes is not None:
        fields["minutes"] = _minutes(args.minutes)
    return fields


def _minutes(text: str) -> int | None:
    from someplan.domain.doc_fields import parse_count
    from someplan.services.errors import UserError
    from someplan.services.user_input import is_none_word

    if is_none_word(text):
        return None
    minutes = parse_count(text.strip())
    if minutes is None or minutes > 24 * 60:
        raise UserError(_("not minutes: {text!r} (use a whole number, e.g. 45)").format(text=text))
    return minutes


def cmd_record_add(args) -> int:
    from someplan.services import categories, channels

    with common.open_catalog(args, writable=True) as catalog:
        fields = _record_fields(args, catalog)
        record: Channel | Category
        if args.kind == "channel":
            record = channels.add_channel(catalog, args.name, fields.pop("network", "other"), fields.pop("target_per_week", 1))
        else:
            record = categories.add_category(catalog, args.name, **fields)
    common.say(record.id)
    return 0


def cmd_record_edit(args) -> int:
    from someplan.services import categories, channels
    from someplan.services.errors import UserError

    with common.open_catalog(args, writable=True) as catalog:
        fields = _record_fields(args, catalog)
        if args.new_name is not None:
            fields["name"] = args.new_name
        if not fields:
            raise UserError(_("nothing to change"))
        edit = channels.edit_channel if args.kind == "channel" else categories.edit_category
        record = edit(catalog, args.name, **fields)
    common.say(record.id)
    return 0


def cmd_record_rm(args) -> int:
    from someplan.services import categories, channels

    with common.open_catalog(args, writable=True) as catalog:
        remove = channels.remove_channel if args.kind == "channel" else categories.remove_category
        record = remove(catalog, args.name)
    common.say((_("removed channel {name}") if args.kind == "channel" else _("removed category {name}")).format(name=record.name))
    return 0
