"""`someplan import` and `someplan figures`: key figures on the command line (headless).

Registered by `cli.build_parser`; kept apart so the key-figures commands read in one place.
"""

from __future__ import annotations

import sys
from pathlib import Path

GROUPINGS = ("week", "category", "channel", "weekday", "hour")


def add_commands(command) -> None:
    p = command("import", cmd_import, "import key figures from a Meta Business Suite, LinkedIn or mapped CSV export")
    p.add_argument("file")
    p.add_argument("--channel", help="the channel the posts are from (else found from the file)")
    p.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
    p.add_argument("--unmatched", choices=("create", "skip"), default="create",
                   help="rows that match no post: create published posts (default) or skip them")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help="which column holds a field (reach, views, reactions, comments, shares, clicks, saves, "
                        "video_views, published, title, caption, external_id, permalink); repeat it")
    p.add_argument("--mapping", help="use a column mapping saved with --save-mapping")
    p.add_argument("--save-mapping", metavar="NAME", help="save --map (and --channel) under NAME for this workspace")
    p.add_argument("--json", action="store_true")
    p = command("figures", cmd_figures, "key figures: reach and engagement rates over the last weeks")
    p.add_argument("--weeks", type=int, default=8, help="how many weeks up to this week (default 8)")
    p.add_argument("--by", choices=GROUPINGS, default="week", help="average per week (default), category, channel, …")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--csv", action="store_true")


def cmd_import(args) -> int:
    from someplan.cli import _open
    from someplan.services.errors import UserError
    from someplan.services.figures_import import apply_import, parse_mapping, plan_import, save_mapping

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserError(f"no such file: {path}")
    catalog = _open(args, writable=not args.dry_run)
    mapping = parse_mapping(args.map) if args.map else None
    if args.save_mapping and not mapping:
        raise UserError("--save-mapping saves the columns given with --map: give at least one")
    plan = plan_import(catalog, path, channel=args.channel, unmatched=args.unmatched, mapping=mapping,
                       mapping_name=args.mapping)  # fmt: skip
    written = 0
    if not args.dry_run:
        written = apply_import(catalog, plan)
        if args.save_mapping:
            save_mapping(catalog, args.save_mapping, mapping, plan.channel)
        catalog.workspace.close()
    if args.json:
        from someplan.cli_output import print_json

        print_json(_plan_json(plan, catalog, args.dry_run, written))
        return 0
    _print_plan(plan, catalog, args.dry_run, written)
    return 0


def _plan_json(plan, catalog, dry_run: bool, written: int) -> dict:
    titles = _titles(catalog)
    return {
        "file": str(plan.path), "format": plan.format, "channel": plan.channel.name, "dry_run": dry_run,
        "matched": plan.matched, "updated": plan.updated, "new": plan.created, "skipped": plan.skipped,
        "errors": [{"line": e.line, "message": e.message} for e in plan.errors],
        "rows": [{"line": m.row.line, "outcome": m.outcome.value, "post": m.post_id, "how": m.how,
                  "title": titles.get(m.post_id) or m.row.text} for m in plan.matches],
        "notes": plan.notes, "fields_written": written,
    }  # fmt: skip


def _titles(catalog) -> dict[str, str]:
    return {rid: doc.get("title") or "" for rid, doc in catalog.workspace.view("posts").items()}


def _print_plan(plan, catalog, dry_run: bool, written: int) -> None:
    from rich.text import Text

    from someplan.cli import _out
    from someplan.cli_output import user

    out = _out()
    titles = _titles(catalog)
    out.print(Text.assemble((f"{plan.format} → ", "bold"), user(plan.channel.name, "bold"), f": {plan.summary()}"))
    styles = {"matched": "green", "new": "cyan", "duplicate": "yellow", "skipped": "yellow"}
    lines = []
    for match in plan.matches:
        outcome = match.outcome.value
        if outcome == "new" and plan.unmatched == "skip":
            outcome = "skipped"
        title = titles.get(match.post_id) if match.post_id else match.row.text
        detail = f"  ({match.how})" if match.how else ""
        if outcome == "duplicate":
            detail = f"  (skipped: same post as {match.how})"
        lines.append((match.row.line, Text.assemble(f"  line {match.row.line:<5} ", (f"{outcome:<10}", styles.get(outcome, "")),
                                user((title or "").split("\n", 1)[0][:70]), (detail, "dim"))))  # fmt: skip
    for error in plan.errors:
        lines.append((error.line, Text.assemble(f"  line {error.line:<5} ", ("error     ", "red"), user(error.message))))
    for _, line in sorted(lines, key=lambda pair: pair[0]):
        out.print(line)
    for note in plan.notes:
        out.print(Text(f"note: {note}", style="dim"))
    if dry_run:
        out.print(Text("dry run: nothing was written", style="bold"))
    else:
        out.print(Text(f"imported: {written} fields written" if written else "nothing to change: the workspace already has these figures"))


def cmd_figures(args) -> int:
    from someplan.cli import _open, _today
    from someplan.services.errors import UserError
    from someplan.services.figures_report import figures_report, rounded

    if not 1 <= args.weeks <= 520:
        raise UserError("--weeks must be from 1 to 520")
    catalog = _open(args)
    report = figures_report(catalog, _today(catalog), args.weeks)
    groups = report.by(args.by)
    rows = [[g.name, g.posts, rounded(g.reach_rate), rounded(g.engagement_rate)] for g in groups]
    if args.json:
        from someplan.cli_output import print_json

        overall = report.overall()
        print_json({
            "first": report.first.isoformat(), "last": report.last.isoformat(), "weeks": args.weeks, "by": args.by,
            "published_posts": overall.posts, "reach_rate_percent": rounded(overall.reach_rate),
            "engagement_rate_by_reach_percent": rounded(overall.engagement_rate),
            "engagement_numerators": list(report.numerators),
            "groups": [{args.by: g.name, "posts": g.posts, "reach_rate_percent": rounded(g.reach_rate),
                        "engagement_rate_by_reach_percent": rounded(g.engagement_rate)} for g in groups],
        })  # fmt: skip
        return 0
    if args.csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([args.by, "posts", "reach_rate_percent", "engagement_rate_by_reach_percent"])
        writer.writerows([[name, posts, "" if r is None else r, "" if e is None else e] for name, posts, r, e in rows])
        return 0
    from rich.text import Text

    from someplan.cli import _out
    from someplan.cli_output import print_table

    out = _out()
    overall = report.overall()
    out.print(Text.assemble((f"Key figures {report.first:%d.%m.%Y}–{report.last:%d.%m.%Y}: ", "bold"),
                            f"{overall.posts} published posts, reach {_pct(overall.reach_rate)} of followers, "
                            f"engagement {_pct(overall.engagement_rate)} of reach"))  # fmt: skip
    print_table([[n, p, _pct(r), _pct(e)] for n, p, r, e in rows], [args.by, "posts", "reach rate", "engagement rate"], out)
    for numerator in report.numerators:
        out.print(Text(f"engagements, {numerator}", style="dim"))
    return 0


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} %"
