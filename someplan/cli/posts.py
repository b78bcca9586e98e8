"""`someplan add|list|show|edit|move|rm|restore|history`: posts one by one."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from typing import Any

from someplan.cli import common
from someplan.i18n import N_, _

# `someplan edit ID --FIELD VALUE`: the fields and what each holds
EDIT_OPTIONS = (
    ("title", N_("a new title")), ("caption", N_("a new text")), ("status", N_("idea, draft, ready, scheduled or published")),
    ("channel", N_("another channel")), ("category", N_("another category")), ("date", N_("another day")),
    ("time", N_("another time ('none' for none)")), ("link", N_("a link")), ("notes", N_("notes")),
    ("owner", N_("who is responsible")),
    ("format", N_("image, carousel, video, reel, story, text or link ('none' for none)")),
    ("surface", N_("owned, earned or paid")), ("purpose", N_("what the post is for, in your words")),
    ("source", N_("earned content: whose post or photo it is")),
    ("permission", N_("earned content: what they allowed")),
    ("permission-until", N_("earned content: the last day the permission holds ('none': no end)")),
)  # fmt: skip


def register(name: str, p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=RUN[name])
    common.workspace_option(p)
    if name == "add":
        p.add_argument("title")
        p.add_argument("--date", required=True, help=_("the day: 2026-11-23, 23.11.2026, 23.11, today or a weekday (friday)"))
        p.add_argument("--time", help=_("the time, e.g. 09:30 or 0930"))
        p.add_argument("--channel", required=True, help=_("the channel's name"))
        p.add_argument("--category", required=True, help=_("the category's name"))
        p.add_argument("--status", default="idea", help=_("idea (default), draft, ready, scheduled or published"))
        p.add_argument("--caption", default="", help=_("the post's text"))
        p.add_argument("--format", help=_("image, carousel, video, reel, story, text or link"))
        p.add_argument("--surface", help=_("owned (default), earned or paid"))
        p.add_argument("--purpose", help=_("what the post is for, in your words"))
    elif name == "list":
        common.week_options(p)
        p.add_argument("--from", dest="start", help=_("only posts on or after this date"))
        p.add_argument("--to", dest="end", help=_("only posts on or before this date"))
        common.json_option(p)
    elif name == "edit":
        p.add_argument("id")
        for option, help in EDIT_OPTIONS:
            p.add_argument(f"--{option}", help=_(help))
    elif name == "move":
        p.add_argument("id")
        p.add_argument("--date", required=True, help=_("the new day"))
        p.add_argument("--time", help=_("the new time"))
    else:  # show, rm, restore, history
        p.add_argument("id")
        if name in ("show", "history"):
            common.json_option(p)


def cmd_add(args) -> int:
    from someplan.domain.post import Post
    from someplan.services.capacity import overbooking_warnings
    from someplan.services.planning import add_post
    from someplan.services.user_input import parse_date, parse_status, parse_time

    with common.open_catalog(args, writable=True) as catalog:
        post = Post(
            id="",
            title=args.title,
            caption=args.caption,
            date=parse_date(args.date, common.today(catalog)),
            time=parse_time(args.time) if args.time else None,
            channel=catalog.channel(args.channel).id,
            category=catalog.category(args.category).id,
            status=parse_status(args.status),
        )
        post = dataclasses.replace(post, **mix_fields(args, catalog))
        overbooked = overbooking_warnings(catalog, [post])  # as the week stands without the post
        common.say(add_post(catalog, post))
    for warning in overbooked:
        common.warn(warning)
    return 0


def cmd_list(args) -> int:
    from someplan.domain.plan import day_order
    from someplan.services.user_input import parse_date

    with common.open_catalog(args) as catalog:
        week = common.week(args, catalog)
        today = common.today(catalog)
        first = max(filter(None, [week and week.monday, args.start and parse_date(args.start, today)]), default=None)
        last = min(filter(None, [week and week.sunday, args.end and parse_date(args.end, today)]), default=None)
        if first or last:
            from someplan.services.post_queries import dated, find_posts

            posts = find_posts(catalog, dated(first, last))
        else:  # every post: TinyDB's copies of each would only cost time
            posts = [p for p in catalog.posts() if p.date]
        posts.sort(key=lambda p: (p.date, day_order(p)))
        channels, categories = catalog.channel_names(), catalog.category_names()
        out = common.console()
        # On a terminal a table with each id cut to its shortest unique start; in a pipe, like
        # `ls`, one line per post with the whole id, tab-separated, nothing wrapped or cut.
        short = catalog.short_post_ids() if out.is_terminal and not args.json else {}
    if args.json:
        common.print_json([
            {"id": p.id, "title": p.title, "date": _iso(p.date), "time": p.time.strftime("%H:%M") if p.time else None,
             "channel": channels.get(p.channel or ""), "category": categories.get(p.category or ""), "status": p.status.value}
            for p in posts
        ])  # fmt: skip
        return 0
    rows = [
        [short.get(p.id, p.id), _iso(p.date), p.time.strftime("%H:%M") if p.time else "", channels.get(p.channel or "", "–"),
         categories.get(p.category or "", ""), p.status.label(), p.title]
        for p in posts
    ]  # fmt: skip
    if not out.is_terminal:
        common.print_lines(rows)
        return 0
    headers = [_("id"), _("date"), _("time"), _("channel"), _("category"), _("status"), _("title")]
    common.print_table(rows, headers, out, whole=(0,))
    return 0


def cmd_show(args) -> int:
    from someplan.services.post_view import ID_KEYS, post_fields

    with common.open_catalog(args) as catalog:
        doc = post_fields(catalog.post(args.id), catalog)
    if args.json:
        common.print_json(doc)
        return 0
    shown = {name: value for name, value in doc.items() if name not in ID_KEYS.values()}  # names are for people
    rows = [[_(FIELD_NAMES[name]) if name in FIELD_NAMES else name, _shown_value(name, value)] for name, value in shown.items()]
    common.print_table(rows, [_("field"), _("value")], common.console())
    return 0


def _iso(day: dt.date | None) -> str:
    """The listed posts are dated (the listing picks them so)."""
    return day.isoformat() if day else ""


def _shown_value(field: str, value: Any) -> str:
    """A stored value as `show` and `history` print it: a status or funnel stage in words."""
    from someplan.services import labels

    if isinstance(value, list):
        return ", ".join(map(str, value))
    if field == "status" and isinstance(value, str):
        return labels.status(value)
    if field == "funnel" and isinstance(value, str):
        return labels.funnel(value)
    if field == "format" and isinstance(value, str):
        return labels.post_format(value)
    if field == "surface" and isinstance(value, str):
        return labels.surface(value)
    return value


# A post's fields as `someplan show` names them (`--json` keeps the stored names).
FIELD_NAMES = {
    "id": N_("id"), "title": N_("title"), "caption": N_("caption"), "channel": N_("channel"), "date": N_("date"),
    "time": N_("time"), "status": N_("status"), "category": N_("category"), "funnel": N_("funnel stage"),
    "owner": N_("owner"), "assets": N_("assets"), "people": N_("people"), "link": N_("link"), "notes": N_("notes"),
    "reach": N_("reach"), "views": N_("views"), "reactions": N_("reactions"), "comments": N_("comments"),
    "shares": N_("shares"), "clicks": N_("clicks"), "saves": N_("saves"), "video_views": N_("video views"),
    "followers": N_("followers"), "external_id": N_("id at the network"), "permalink": N_("permalink"),
    "reused_from": N_("reuse of"),
    "idea": N_("from the idea"), "contributor": N_("idea from"),
    "format": N_("format"), "surface": N_("surface"), "purpose": N_("purpose"), "source": N_("source"),
    "permission": N_("permission"), "permission_until": N_("permission until"),
}  # fmt: skip


def cmd_edit(args) -> int:
    from someplan.services.errors import UserError
    from someplan.services.planning import edit_post
    from someplan.services.user_input import parse_date, parse_status, parse_time, unless_none

    with common.open_catalog(args, writable=True) as catalog:
        fields = {}
        for name in ("title", "caption", "link", "notes", "owner"):
            if getattr(args, name) is not None:
                fields[name] = getattr(args, name)
        if args.status is not None:
            fields["status"] = parse_status(args.status)
        if args.channel is not None:
            fields["channel"] = catalog.channel(args.channel).id
        if args.category is not None:
            fields["category"] = catalog.category(args.category).id
        if args.date is not None:
            fields["date"] = parse_date(args.date, common.today(catalog))
        if args.time is not None:
            fields["time"] = unless_none(args.time, parse_time)
        fields |= mix_fields(args, catalog)
        if not fields:
            raise UserError(_("nothing to change: give at least one of --title, --caption, --status, --channel, --category …"))
        common.say(edit_post(catalog, args.id, **fields).id)
    return 0


def mix_fields(args, catalog) -> dict[str, Any]:
    """The format, surface, purpose and earned content's permission given on the command line."""
    from someplan.services.mix import parse_format, parse_surface
    from someplan.services.user_input import parse_date, unless_none

    fields: dict[str, Any] = {}
    if getattr(args, "format", None) is not None:
        fields["format"] = parse_format(args.format)
    if getattr(args, "surface", None) is not None:
        fields["surface"] = parse_surface(args.surface)
    for name in ("purpose", "source", "permission"):
        if getattr(args, name, None) is not None:
            fields[name] = getattr(args, name).strip()
    until = getattr(args, "permission_until", None)
    if until is not None:
        fields["permission_until"] = unless_none(until, lambda day: parse_date(day, common.today(catalog)))
    return fields


def cmd_move(args) -> int:
    from someplan.services.planning import edit_post
    from someplan.services.user_input import parse_date, parse_time

    with common.open_catalog(args, writable=True) as catalog:
        fields: dict[str, object] = {"date": parse_date(args.date, common.today(catalog))}
        if args.time is not None:
            fields["time"] = parse_time(args.time)
        common.say(edit_post(catalog, args.id, **fields).id)
    return 0


def cmd_rm(args) -> int:
    from someplan.services.planning import remove_post

    with common.open_catalog(args, writable=True) as catalog:
        post = remove_post(catalog, args.id)
        common.say(_("deleted {id}; bring it back with: someplan restore {id}").format(id=post.id))
    return 0


def cmd_restore(args) -> int:
    from someplan.services.planning import restore_post

    with common.open_catalog(args, writable=True) as catalog:
        common.say(restore_post(catalog, args.id))
    return 0


def cmd_history(args) -> int:
    import datetime as dt

    from someplan.store.ops import UNSET

    with common.open_catalog(args) as catalog:
        deleted = catalog.workspace.deleted("posts")
        post_id = args.id.strip().lower() if args.id.strip().lower() in deleted else catalog.post(args.id).id
        history = catalog.workspace.history("posts", post_id)
    rows: list[dict[str, Any]] = []
    for field_name, versions in sorted(history.items()):
        for v in versions:
            when = dt.datetime.fromtimestamp(v.wall_ms / 1000).astimezone().strftime("%Y-%m-%d %H:%M:%S")
            rows.append({"field": field_name, "value": None if v.value is UNSET else v.value, "removed": v.value is UNSET,
                         "who": v.who, "device": v.device, "when": when, "status": v.status})  # fmt: skip
    if args.json:
        common.print_json(rows)
        return 0
    states = {"current": N_("current"), "replaced": N_("replaced"), "superseded": N_("superseded")}
    table = [
        [_(FIELD_NAMES[r["field"]]) if r["field"] in FIELD_NAMES else r["field"], r["when"], r["who"],
         _(states[r["status"]]) if r["status"] in states else r["status"],
         _("(removed)") if r["removed"] else _shown_value(r["field"], r["value"])]
        for r in rows
    ]  # fmt: skip
    common.print_table(table, [_("field"), _("when"), _("who"), "", _("value")], common.console())
    return 0


RUN = {"add": cmd_add, "list": cmd_list, "show": cmd_show, "edit": cmd_edit, "move": cmd_move, "rm": cmd_rm,
       "restore": cmd_restore, "history": cmd_history}  # fmt: skip
