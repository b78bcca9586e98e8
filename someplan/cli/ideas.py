"""`someplan idea "…" [--file F] [--from NAME]` drops an idea; `someplan ideas [--all]
[--contributors] [--json]` lists the inbox, or who gave the ideas used, most used first."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from someplan.cli import common
from someplan.i18n import N_, _

STATES = {"new": N_("new"), "drafted": N_("made a draft"), "set_aside": N_("set aside")}


def register(name: str, p: argparse.ArgumentParser) -> None:
    common.workspace_option(p)
    if name == "idea":
        p.set_defaults(run=cmd_idea)
        p.add_argument("text", nargs="?", default="", help=_("the idea, in a few words"))
        p.add_argument("--file", type=Path, help=_("a photo, video, voice memo or document to go with it"))
        p.add_argument("--from", dest="from_name", default="", help=_("who gave the idea (else this machine's name)"))
        return
    p.set_defaults(run=cmd_ideas)
    p.add_argument("--all", action="store_true", help=_("also the ideas made drafts or set aside"))
    p.add_argument("--contributors", action="store_true", help=_("who gave ideas, by how many became posts"))
    common.json_option(p)


def cmd_idea(args) -> int:
    from someplan.services.ideas import add_note

    with common.open_catalog(args, writable=True) as catalog:
        written = add_note(catalog, args.text, args.file, args.from_name, dt.datetime.now())
        root = catalog.workspace.root
        shown = [str(path.relative_to(root)) if path.is_relative_to(root) else str(path) for path in written]
    sys.stdout.write("".join(common.literal(line) + "\n" for line in shown))
    return 0


def cmd_ideas(args) -> int:
    from someplan.services import ideas as inbox

    with common.open_catalog(args) as catalog:
        if args.contributors:
            return _contributors(inbox.contributors(catalog), args.json)
        found = inbox.listing(catalog, inbox.read_box(catalog), everything=args.all)
    rows: list[dict[str, Any]] = [
        {"id": idea.id, "file": idea.key, "kind": idea.kind, "from": idea.contributor or None,
         "when": idea.when.isoformat(timespec="minutes"), "state": idea.state.value,
         "post": idea.record.post or None if idea.record else None, "attachment": idea.attachment,
         "preview": idea.preview()}
        for idea in found
    ]  # fmt: skip
    if args.json:
        common.print_json(rows)
        return 0
    if not rows:
        print(_("No new ideas.") if not args.all else _("No ideas yet."))
        return 0
    table = [[r["when"].replace("T", " "), r["from"] or "?", " · ".join(r["preview"][:2]), _(STATES[r["state"]]), r["file"]]
             for r in rows]  # fmt: skip
    common.print_table(table, [_("when"), _("from"), _("idea"), _("state"), _("file")], common.console())
    return 0


def _contributors(pairs, as_json: bool) -> int:
    rows = [{"id": person.id, "name": person.name, "posts": used} for person, used in pairs]
    if as_json:
        common.print_json(rows)
        return 0
    if not rows:
        print(_("No contributors yet."))
        return 0
    common.print_table([[r["name"], r["posts"]] for r in rows], [_("name"), _("posts from their ideas")], common.console())
    return 0
