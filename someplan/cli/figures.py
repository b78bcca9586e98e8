"""`someplan import` and `someplan figures`: key figures on the command line (headless)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from someplan.cli import common
from someplan.i18n import N_, _, ngettext

GROUPINGS = ("week", "category", "channel", "weekday", "hour", "format", "surface")
GROUP_NAMES = {"week": N_("week"), "category": N_("category"), "channel": N_("channel"), "weekday": N_("weekday"),
               "hour": N_("hour"), "format": N_("format"), "surface": N_("surface")}  # fmt: skip
# What the import did with each row (Outcome values, and "skipped"), and how a row was tied to its post.
OUTCOMES = {"matched": N_("matched"), "new": N_("new"), "duplicate": N_("duplicate"), "skipped": N_("skipped")}
HOW = {"id": N_("by id"), "permalink": N_("by permalink"), "time and title": N_("by time, its title in the text"),
       "time and text": N_("by time and text"), "time": N_("by time")}  # fmt: skip


# The counts an engagement figure sums ("facebook: reactions+comments+shares"), as shown.
def register(name: str, p: argparse.ArgumentParser) -> None:
    common.workspace_option(p)
    if name == "figures":
        p.set_defaults(run=cmd_figures)
        p.add_argument("--weeks", type=common.count_between(1, 520), default=8,
                       help=_("how many weeks up to this week (default 8)"))  # fmt: skip
        p.add_argument("--by", choices=GROUPINGS, default="week", help=_("average per week (default), category, channel, …"))
        out = p.add_mutually_exclusive_group()
        common.json_option(out)
        out.add_argument("--csv", action="store_true", help=_("for spreadsheets: CSV (English column names)"))
        return
    p.set_defaults(run=cmd_import)
    p.add_argument("file")
    p.add_argument("--channel", help=_("the channel the posts are from (else found from the file)"))
    p.add_argument("--dry-run", action="store_true", help=_("show what would happen; write nothing"))
    p.add_argument("--unmatched", choices=("create", "skip"), default="create",
                   help=_("rows that match no post: create published posts (default) or skip them"))  # fmt: skip
    p.add_argument("--map", action="append", default=[], metavar=_("FIELD=COLUMN"),
                   help=_("which column holds a field (reach, views, reactions, comments, shares, clicks, saves, "
                          "video_views, published, title, caption, external_id, permalink); repeat it"))  # fmt: skip
    p.add_argument("--mapping", help=_("use a column mapping saved with --save-mapping"))
    p.add_argument("--source-tz", metavar=_("ZONE"),
                   help=_("the time zone the file's times are in "
                          "(default: Meta US Pacific, LinkedIn UTC, else the workspace's)"))  # fmt: skip
    p.add_argument("--save-mapping", metavar=_("NAME"), help=_("save --map (and --channel) under NAME for this workspace"))
    common.json_option(p)


def cmd_import(args) -> int:
    from someplan.services.errors import UserError
    from someplan.services.figures.importer import apply_import, parse_mapping, plan_import, save_mapping

    path = Path(args.file).expanduser()
    if not path.exists():  # a folder or a device is read_sheet's to name
        raise UserError(_("no such file: {path}").format(path=path))
    with common.open_catalog(args, writable=not args.dry_run) as catalog:
        mapping = parse_mapping(args.map) if args.map else None
        if args.save_mapping and not mapping:
            raise UserError(_("--save-mapping saves the columns given with --map: give at least one"))
        plan = plan_import(catalog, path, channel=args.channel, unmatched=args.unmatched, mapping=mapping,
                           mapping_name=args.mapping, source_tz=args.source_tz)  # fmt: skip
        written = 0
        if plan.all_failed:
            args.dry_run = True  # nothing to write; said below, and the exit code says it too
        if not args.dry_run:
            written = apply_import(catalog, plan)
            if args.save_mapping and mapping:  # --save-mapping without --map was refused above
                save_mapping(catalog, args.save_mapping, mapping, plan.channel)
        titles = _titles(catalog)
    if args.json:
        common.print_json(_plan_json(plan, titles, args.dry_run, written))
        return 1 if plan.all_failed else 0
    _print_plan(plan, titles, args.dry_run, written)
    return 1 if plan.all_failed else 0


def _plan_json(plan, titles: dict[str, str], dry_run: bool, written: int) -> dict:
    return {
        "file": str(plan.path), "format": plan.format, "channel": plan.channel.name, "dry_run": dry_run,
        "matched": plan.matched, "updated": plan.updated, "new": plan.created, "skipped": plan.skipped,
        "errors": [{"line": e.line, "message": e.message} for e in plan.errors],
        "rows": [{"line": m.row.line, "outcome": m.outcome.value, "post": m.post_id, "how": m.how,
                  "title": titles.get(m.post_id) or m.row.text} for m in plan.matches],
        "notes": plan.notes, "fields_written": written, "all_failed": plan.all_failed,
        "times": {"read_in": plan.zone, "stored_in": plan.stored_zone,
                  "rows": [{"line": line, "read": read, "stored": stored} for line, read, stored in plan.times]},
        "lowered": [{"line": low.line, "post": low.post_id, "field": low.field, "before": low.before, "after": low.after}
                    for low in plan.lowered],
    }  # fmt: skip


def _titles(catalog) -> dict[str, str]:
    return {rid: doc.get("title") or "" for rid, doc in catalog.workspace.view("posts").items()}


def _print_plan(plan, titles: dict[str, str], dry_run: bool, written: int) -> None:
    from rich.text import Text

    from someplan.cli.common import user
    from someplan.services.figures.columns import COUNT_NAMES

    out = common.console()
    out.print(Text.assemble((_(plan.format) + " → ", "bold"), user(plan.channel.name, "bold"), ": " + plan.summary()))
    styles = {"matched": "green", "new": "cyan", "duplicate": "yellow", "skipped": "yellow"}
    names = {key: _(name) for key, name in OUTCOMES.items()} | {"error": _("error")}
    width = max(map(len, names.values())) + 1
    lines = []
    for match in plan.matches:
        outcome = match.outcome.value
        if outcome == "new" and plan.unmatched == "skip":
            outcome = "skipped"
        title = titles.get(match.post_id) if match.post_id else match.row.text
        detail = f"  ({_(HOW[match.how])})" if match.how in HOW else f"  ({match.how})" if match.how else ""
        if outcome == "duplicate":
            detail = "  (" + _("skipped: same post as line {line}").format(line=match.how.removeprefix("line ")) + ")"
        lines.append((match.row.line, Text.assemble(_line(match.row.line),
                                                    (names.get(outcome, outcome).ljust(width), styles.get(outcome, "")),
                                                    user(" ".join((title or "").split("\n", 1)[0].split())[:70]),
                                                    (detail, "dim"))))  # fmt: skip
    for error in plan.errors:
        lines.append((error.line, Text.assemble(_line(error.line), (names["error"].ljust(width), "red"), user(error.message))))
    for _number, line in sorted(lines, key=lambda pair: pair[0]):
        out.print(line)
    for note in plan.notes:
        out.print(Text(_("note: {note}").format(note=note), style="dim"))
    if plan.times:
        from someplan.services.figures.sources import WHY, zone_label

        out.print(Text(_("times read in {zone} ({why}), stored in {stored}:").format(
            zone=zone_label(plan.zone), why=_(WHY[plan.zone_why]), stored=plan.stored_zone)))  # fmt: skip
        for line, read, stored in plan.times:
            out.print(Text.assemble(_line(line), user(read), f" → {stored}"))
    for low in plan.lowered:
        out.print(Text.assemble(_line(low.line), (_("lowered") + " ", "yellow"), user(titles.get(low.post_id, "")[:50]),
                                f"  {_(COUNT_NAMES[low.field])}: {low.before} → {low.after}"))  # fmt: skip
    if plan.all_failed:
        out.print(Text(_("every row failed: nothing was imported"), style="bold red"))
    elif dry_run:
        out.print(Text(_("dry run: nothing was written"), style="bold"))
    elif written:
        out.print(
            Text(ngettext("imported: {count} field written", "imported: {count} fields written", written).format(count=written))
        )
    else:
        out.print(Text(_("nothing to change: the workspace already has these figures")))


def _line(number: int) -> str:
    return "  " + _("line {number}").format(number=number).ljust(10) + " "


def cmd_figures(args) -> int:
    from someplan.services.best_times import best_time_lines, best_times_json
    from someplan.services.figures.report import figures_report, numerator_text, rounded

    with common.open_catalog(args) as catalog:
        today = common.today(catalog)
        report = figures_report(catalog, today, args.weeks)
        # One of the two is printed; each learns the best times (a cached file read or the history walked).
        best_json = best_times_json(catalog, today) if args.json else None
        best_lines = best_time_lines(catalog, today) if not args.json else []
    groups = report.by(args.by)
    rows = [(g.name, g.posts, rounded(g.reach_rate), rounded(g.engagement_rate)) for g in groups]
    if args.json:
        overall = report.overall()
        common.print_json({
            "first": report.first.isoformat(), "last": report.last.isoformat(), "weeks": args.weeks, "by": args.by,
            "published_posts": overall.posts, "reach_rate_percent": rounded(overall.reach_rate),
            "engagement_rate_by_reach_percent": rounded(overall.engagement_rate),
            "engagement_numerators": list(report.numerators),
            "groups": [{args.by: g.name, "posts": g.posts, "reach_rate_percent": rounded(g.reach_rate),
                        "engagement_rate_by_reach_percent": rounded(g.engagement_rate)} for g in groups],
            "page": [{"channel": p.channel, "week": f"{p.week.year}-W{p.week.week:02d}", "reach": p.reach,
                      "new_follows": p.new_follows} for p in report.page],
            "best_times": best_json,
        })  # fmt: skip
        return 0
    if args.csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([args.by, "posts", "reach_rate_percent", "engagement_rate_by_reach_percent"])
        writer.writerows([[name, posts, "" if r is None else r, "" if e is None else e] for name, posts, r, e in rows])
        return 0
    from rich.text import Text

    from someplan.cli.common import print_table
    from someplan.domain.weeks import day_label
    from someplan.i18n import language, percent

    out = common.console()
    overall = report.overall()
    period = _("Key figures {first}–{last}:").format(
        first=day_label(report.first, language(), weekday=None, year=True),
        last=day_label(report.last, language(), weekday=None, year=True),
    )  # fmt: skip
    posts = ngettext("{count} published post", "{count} published posts", overall.posts).format(count=overall.posts)
    summary = ", ".join([
        posts, _("reach {rate} of followers").format(rate=percent(overall.reach_rate)),
        _("engagement {rate} of reach").format(rate=percent(overall.engagement_rate)),
    ])  # fmt: skip
    out.print(Text.assemble((period + " ", "bold"), summary))
    headers = [_(GROUP_NAMES[args.by]), _("posts"), _("reach rate"), _("engagement rate")]
    # The unrounded rates: rounding the 2-place figures again would round twice (3.949 → 3.95 → 4.0).
    print_table([[g.name, g.posts, percent(g.reach_rate), percent(g.engagement_rate)] for g in groups], headers, out)
    for numerator in report.numerators:
        out.print(Text(_("engagements, {numerator}").format(numerator=numerator_text(numerator)), style="dim"))
    if report.page:
        out.print(Text(_("Page per week (daily exports):"), style="bold"))
        count = lambda n: "–" if n is None else f"{n:,}".replace(",", "\u00a0")  # noqa: E731
        print_table([[p.channel, f"{p.week.year}-W{p.week.week:02d}", count(p.reach), count(p.new_follows)] for p in report.page],
                    [_("channel"), _("week"), _("page reach"), _("new follows")], out)  # fmt: skip
    for line in best_lines:  # learned from the last year, whatever --weeks says
        out.print(Text(line))
    return 0
