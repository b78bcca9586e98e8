"""`someplan search TERMS… [--json]`: the posts of every week that match (services/search.py
reads the terms, as the planner's search and week filter do)."""

from __future__ import annotations

import argparse

from someplan.cli import common
from someplan.i18n import _


def register(name: str, p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=cmd_search)
    common.workspace_option(p)
    words = _("words (title, caption, notes, people, #hashtags), or channel:, category:, status:, person:")
    p.add_argument("terms", nargs="+", metavar="TERM", help=words)
    common.json_option(p)


def cmd_search(args) -> int:
    from someplan.domain.weeks import IsoWeek, day_label, week_word
    from someplan.i18n import language
    from someplan.services.search import hits, search

    with common.open_catalog(args) as catalog:
        found = hits(catalog, search(catalog, " ".join(args.terms)))
        out = common.console()
        short = catalog.short_post_ids() if out.is_terminal and not args.json else {}
    if args.json:
        common.print_json([
            {"id": h.post.id, "title": h.post.title, "date": h.post.date.isoformat() if h.post.date else None,
             "time": h.post.time.strftime("%H:%M") if h.post.time else None, "week": h.week or None,
             "channel": h.channel or None, "category": h.category or None, "status": h.post.status.value}
            for h in found
        ])  # fmt: skip
        return 0
    locale = language()

    def week(h) -> str:
        return f"{week_word(locale)} {IsoWeek.of(h.post.date).week}" if h.post.date else ""

    def day(h) -> str:
        return day_label(h.post.date, locale, weekday="short", year=True) if h.post.date else ""

    rows = [[short.get(h.post.id, h.post.id), week(h), day(h), h.post.time.strftime("%H:%M") if h.post.time else "",
             h.channel, h.post.status.label(), h.post.title] for h in found]  # fmt: skip
    if not out.is_terminal:
        common.print_lines(rows)
        return 0
    if not found:
        common.say(_("no posts match {terms}").format(terms=" ".join(args.terms)))
        return 0
    headers = [_("id"), _("week"), _("day"), _("time"), _("channel"), _("status"), _("title")]
    common.print_table(rows, headers, out, whole=(0, 1, 2, 3, 5))  # only channel and title give way
    return 0
