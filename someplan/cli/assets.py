"""`someplan assets [--new | --unused] [--filter TEXT] [--json]`: the asset folder from the shell.

Headless like the rest of the command line. Missing files (referenced by a post, not in the
folder) are listed first and flagged; `--json` adds image dimensions and date taken, read from
each listed image's header.
"""

from __future__ import annotations

import argparse
import datetime as dt

from rich.text import Text

from someplan.cli import common
from someplan.domain.assets import AssetQuery
from someplan.domain.weeks import day_label
from someplan.i18n import N_, _, language, ngettext
from someplan.services.assets import (
    asset_folder_problems,
    asset_rows,
    refused_asset_folder,
    scan_index,
    seen_at,
    trust_asset_folder,
)
from someplan.services.errors import UserError
from someplan.textsafe import literal

LIMIT = 100_000
KINDS = {"image": N_("image"), "video": N_("video"), "other": N_("other")}


def register(name: str, p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=cmd_assets)
    common.workspace_option(p)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--new", action="store_true", help=_("only files new since you last looked"))
    which.add_argument("--unused", action="store_true", help=_("only files no post uses"))
    p.add_argument("--filter", default="", help=_("the assets pane's filter, e.g. 'unused:6 folder:natur'"))
    p.add_argument("--trust-folder", action="store_true",
                   help=_("read the workspace's asset folder on this machine "
                          "although it lies outside your own folders"))  # fmt: skip
    common.json_option(p)


def cmd_assets(args) -> int:
    with common.open_catalog(args) as catalog:  # first: its language is the one to speak
        if args.trust_folder:
            common.say(
                _("the asset folder {folder} is read on this machine from now on").format(folder=trust_asset_folder(catalog))
            )
        refused_folder = refused_asset_folder(catalog)
        if refused_folder is not None:
            common.warn(asset_folder_problems(catalog)[0].message)
        text = " ".join(filter(None, [args.filter, "new" if args.new else "", "unused" if args.unused else ""]))
        query = AssetQuery.parse(text)
        if query.problems:
            raise UserError("; ".join(query.problems))
        index = scan_index(catalog)
        listing = asset_rows(catalog, index, query, common.today(catalog), seen_at(catalog), limit=LIMIT)
    if args.json:
        common.print_json({
            "root": str(index.root), "files": listing.total, "new": listing.new, "unused": listing.unused,
            "missing": listing.missing, "refused": listing.refused, "matched": listing.matched,
            "assets": [_row_json(row, index) for row in listing.rows], "unreadable_names": index.unreadable,
        })  # fmt: skip
        return 0
    out = common.console()
    flags = {"missing": _("missing"), "new": _("new"), "refused": _("refused")}
    width = max(map(len, flags.values())) + 1
    for row in listing.rows:
        line = Text()
        if row.refused:  # leads out of the folder: never read
            line.append(flags["refused"].ljust(width), style="bold red")
        elif row.missing:
            line.append(flags["missing"].ljust(width), style="bold yellow")
        elif row.is_new:
            line.append(flags["new"].ljust(width), style="bold green")
        else:
            line.append(" " * width)
        line.append(literal(row.path))
        if not row.missing:
            kind = _(KINDS[row.kind]) if row.kind in KINDS else row.kind
            modified = day_label(dt.datetime.fromtimestamp(row.modified).date(), language(), weekday=None, year=True)
            line.append(f"  {kind} {row.size} B {modified}", style="dim")
        used = "  " + _("used {count}×").format(count=row.uses)
        if row.last_used:
            used += ", " + _("last {day}").format(day=day_label(row.last_used, language(), weekday=None, year=True))
        line.append(used, style="cyan" if row.uses else "dim")
        out.print(line, no_wrap=True, overflow="ellipsis")
    counts = [
        _("{count} shown").format(count=listing.matched),
        ngettext("{count} file", "{count} files", listing.total).format(count=listing.total),
        ngettext("{count} new", "{count} new", listing.new).format(count=listing.new),
        ngettext("{count} unused", "{count} unused", listing.unused).format(count=listing.unused),
        ngettext("{count} missing", "{count} missing", listing.missing).format(count=listing.missing),
        *(
            [ngettext("{count} refused", "{count} refused", listing.refused).format(count=listing.refused)]
            if listing.refused
            else []
        ),
    ]
    out.print(Text(" · ".join(counts), style="bold"))
    for name in index.unreadable:
        out.print(Text.assemble(("⚠ ", "yellow"), _("left out: the name {name} is not valid text (UTF-8); rename the file")
                                .format(name=literal(name))), soft_wrap=True)  # fmt: skip
    return 0


def _row_json(row, index) -> dict:
    doc = {
        "path": row.path, "type": row.kind, "folder": row.folder, "missing": row.missing, "refused": row.refused,
        "new": row.is_new,
        "size": row.size if not row.missing else None,
        "modified": dt.datetime.fromtimestamp(row.modified).isoformat(timespec="seconds") if not row.missing else None,
        "posts": list(row.post_ids), "uses": row.uses, "last_used": row.last_used.isoformat() if row.last_used else None,
    }  # fmt: skip
    facts = index.facts(row.path) if row.kind == "image" and not row.missing else None
    if facts is not None:
        doc |= {"width": facts.width, "height": facts.height,
                "taken": facts.taken.isoformat() if facts.taken else None}  # fmt: skip
    return doc
