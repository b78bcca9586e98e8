"""`someplan mix` (the plan's formats, surfaces and purposes against the target mix) and `someplan
hours` (each week's hours needed against the hours there are, and the minutes per format)."""

from __future__ import annotations

import argparse
from typing import Any

from someplan.cli import common
from someplan.i18n import _


def register(name: str, p: argparse.ArgumentParser) -> None:
    common.workspace_option(p)
    common.json_option(p)
    if name == "mix":
        p.set_defaults(run=cmd_mix)
        group = p.add_mutually_exclusive_group()
        group.add_argument("--week", nargs="?", const="", help=_("a week's mix (this week without a value)"))
        group.add_argument(
            "--month", nargs="?", const="", help=_("a month's mix: 2026-12, 12, desember (the default: this month)")
        )
        group.add_argument("--year", nargs="?", const="", help=_("a year's mix against the targets for every month"))
        p.add_argument("--target", action="append", default=[], metavar="DIMENSION:VALUE=PERCENT",
                       help=_("set a target: format:reel=20, surface:earned=10, purpose:salg=30 ('none' removes it); "
                              "repeat it"))  # fmt: skip
        p.add_argument(
            "--for",
            dest="target_month",
            metavar=_("MONTH"),
            help=_("the targets given are for this month only (2026-12); else for every month"),
        )
    else:
        p.set_defaults(run=cmd_hours)
        common.week_options(p)
        p.add_argument("--weeks", type=common.count_between(1, 53), default=4, help=_("how many weeks from the week (default 4)"))
        p.add_argument(
            "--minutes",
            action="append",
            default=[],
            metavar="FORMAT=MINUTES",
            help=_("what a post of a format takes: reel=120 (repeat it); categories: someplan category edit NAME --minutes 45"),
        )


def _period(args, today):
    from someplan.services.mix import period_of
    from someplan.services.user_input import parse_month, parse_week

    if args.week is not None:
        return period_of("week", parse_week(args.week, today).monday if args.week else today)
    if args.year is not None:
        from someplan.services.report import parse_year

        return period_of("year", parse_year(args.year).first if args.year else today)
    if args.month:
        year, month = parse_month(args.month, today)
        return period_of("month", today.replace(year=year, month=month, day=1))
    return period_of("month", today)


def cmd_mix(args) -> int:
    from someplan.services.mix import mix_for, mix_json, set_targets
    from someplan.services.user_input import parse_month

    with common.open_catalog(args, writable=bool(args.target)) as catalog:
        today = common.today(catalog)
        if args.target:
            month = None
            if args.target_month:
                year, number = parse_month(args.target_month, today)
                month = f"{year:04d}-{number:02d}"
            set_targets(catalog, args.target, month)
        period = _period(args, today)
        mix = mix_for(catalog, period)
    if args.json:
        common.print_json(mix_json(period, mix))
        return 0
    print_mix(period, mix)
    return 0


def print_mix(period, mix) -> None:
    from rich.text import Text

    from someplan.domain.mix import DIMENSIONS
    from someplan.i18n import ngettext, percent
    from someplan.services.mix import dimension_label, value_label

    out = common.console()
    posts = ngettext("{count} post", "{count} posts", mix.posts).format(count=mix.posts)
    out.print(Text.assemble((_("Mix") + " · " + period.label(), "bold"), f" · {posts}"))
    for dimension in DIMENSIONS:
        lines = mix.of(dimension)
        if not lines:
            continue
        out.print(Text(dimension_label(dimension), style="bold"))
        rows: list[list[Any]] = []
        for line in lines:
            target = "" if line.target is None else f"{line.target} %"
            mark = {True: "✓", False: "↑" if (line.gap or 0) < 0 else "↓", None: ""}[line.on_target]
            rows.append([value_label(line), line.posts, percent(line.share), target, mark])
        common.print_table(rows, ["", _("posts"), _("share"), _("target"), ""], out)


def cmd_hours(args) -> int:
    from someplan.domain.capacity import LOAD_MARKS, capacity_label
    from someplan.domain.weeks import IsoWeek, week_label
    from someplan.i18n import language
    from someplan.services.capacity import capacities, capacity_json, minutes, set_format_minutes

    with common.open_catalog(args, writable=bool(args.minutes)) as catalog:
        if args.minutes:
            set_format_minutes(catalog, args.minutes)
        first = common.week(args, catalog) or IsoWeek.of(common.today(catalog))
        found = capacities(catalog, [first + offset for offset in range(args.weeks)])
        rules = minutes(catalog)
        categories = catalog.category_names()
    if args.json:
        common.print_json({
            "weeks": [{"year": w.year, "week": w.week, **capacity_json(c)} for w, c in found.items()],
            "minutes": {"format": {f.value: m for f, m in rules.by_format.items()},
                        "category": {categories.get(k, k): m for k, m in rules.by_category.items()}},
        })  # fmt: skip
        return 0
    rows = [[week_label(w, language()), c.posts, capacity_label(c), LOAD_MARKS[c.load]] for w, c in found.items()]
    out = common.console()
    common.print_table(rows, [_("week"), _("posts"), _("hours"), ""], out)
    if all(c.available is None for c in found.values()):
        out.print(_("No hours recorded: someplan people edit NAME --hours 10"))
    return 0
