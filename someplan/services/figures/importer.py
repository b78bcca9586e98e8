"""Importing key figures from analytics exports: read, match, preview, then write once.

`plan_import` reads the file and decides, row by row, what would happen (matched / new /
skipped / error) without writing anything: that is the preview (`--dry-run`). `apply_import`
writes every change of the plan as ONE batch through `Workspace.write`, which lands in one
segment by one atomic replace: a crash leaves the workspace as before or as after, never half
imported. Only fields whose value differs are written, so importing the same export again writes
nothing, and a newer export of the same posts updates their (lifetime) figures.

A row that cannot be read (garbage in a count, a date that is no date) is reported with its line
in the file; the other rows go on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from someplan.domain.channel import Channel, Network
from someplan.domain.doc_fields import date_text, time_text
from someplan.domain.matching import Candidate, ExportRow, Match, Outcome, match_rows
from someplan.domain.post import Status
from someplan.i18n import N_, _, ngettext
from someplan.services.catalog import CHANNELS, POSTS, Catalog
from someplan.services.errors import UserError
from someplan.services.figures.files import read_sheet
from someplan.services.figures.columns import (
    COUNT_FIELDS, COUNT_NAMES, FIELDS, FORMAT_NAMES, Columns, cell, day_first, detect_network, follower_columns, looks_like_header, norm,
    parse_count, parse_published,
)  # fmt: skip

MAPPINGS = "import_mappings"  # table: saved column mappings, one record per name
UNMATCHED = ("create", "skip")
TITLE_CHARS = 80


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass
class ImportPlan:
    path: Path
    format: str
    channel: Channel
    matches: list[Match] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changes: list[tuple[str, str, str, object]] = field(default_factory=list)
    updated: int = 0  # matched rows that change something
    created: int = 0
    skipped: int = 0  # unmatched rows left out, and duplicated rows
    followers: int = 0  # days of follower counts read (page-level daily exports)
    unmatched: str = "create"  # what happens to rows that match no post: "create" or "skip"

    @property
    def matched(self) -> int:
        return sum(m.outcome is Outcome.MATCHED for m in self.matches)

    def summary(self) -> str:
        """One line of counts, in the language spoken."""
        if self.followers or not self.matches and self.format == FOLLOWERS_FORMAT:
            return _("{days} days of followers ({updated} new or changed), {errors} errors").format(
                days=self.followers, updated=self.updated, errors=len(self.errors)
            )
        return _("{matched} matched ({updated} updated), {created} new, {skipped} skipped, {errors} errors").format(
            matched=self.matched, updated=self.updated, created=self.created, skipped=self.skipped, errors=len(self.errors)
        )


# The formats' names are English in `ImportPlan.format` (and `--json`); shown with `_()`.
FOLLOWERS_FORMAT = N_("page-level daily export (followers)")
MAPPED_FORMAT = N_("CSV with a column mapping")
CSV_FORMAT = N_("CSV")


# -- mappings ---------------------------------------------------------------------------------


def parse_mapping(items: list[str]) -> dict[str, str]:
    """`reach=Rekkevidde` items into {field: column}; unknown fields are refused."""
    mapping = {}
    for item in items:
        name, sep, column = item.partition("=")
        name = name.strip().lower()
        if not sep or not column.strip():
            raise UserError(_("a column mapping is FIELD=COLUMN, like reach=Rekkevidde, not {item!r}").format(item=item))
        if name not in FIELDS:
            raise UserError(_("unknown field {name!r} in a mapping; known: {known}").format(name=name, known=", ".join(FIELDS)))
        mapping[name] = column.strip()
    return mapping


def saved_mappings(catalog: Catalog) -> dict[str, dict]:
    return {rid: doc for rid, doc in catalog.workspace.view(MAPPINGS).items() if isinstance(doc.get("columns"), dict)}


def save_mapping(catalog: Catalog, name: str, mapping: Mapping[str, str], channel: Channel) -> None:
    catalog.workspace.write([(MAPPINGS, name.strip().casefold(), "columns", dict(mapping)),
                             (MAPPINGS, name.strip().casefold(), "channel", channel.id)])  # fmt: skip


# -- planning ---------------------------------------------------------------------------------


def plan_import(
    catalog: Catalog,
    path: Path,
    channel: str | None = None,
    unmatched: str = "create",
    mapping: Mapping[str, str] | None = None,
    mapping_name: str | None = None,
) -> ImportPlan:
    """What importing `path` would do; nothing is written."""
    saved = saved_mappings(catalog)
    if mapping_name:
        doc = saved.get(mapping_name.strip().casefold())
        if doc is None:
            known = ", ".join(saved) or _("none")
            raise UserError(_("no saved mapping {name!r}; saved: {known}").format(name=mapping_name, known=known))
        mapping = {**doc["columns"], **(mapping or {})}
        channel = channel or doc.get("channel")
    extra = list(mapping.values()) if mapping else [c for doc in saved.values() for c in doc["columns"].values()]
    sheet = read_sheet(path, lambda cells: looks_like_header(cells, extra))
    network = detect_network(sheet.headers)
    if mapping is None and network is None:
        found = _saved_for(sheet.headers, saved)
        if found:
            mapping, channel = found["columns"], channel or found.get("channel")
    chosen = _channel(catalog, channel, network or (Network.FACEBOOK if _followers_file(sheet, mapping) else None), path)
    if not mapping and (daily := follower_columns(sheet.headers)):
        return _plan_followers(path, sheet, daily, chosen)
    columns = Columns.by_mapping(sheet.headers, mapping) if mapping else Columns.by_alias(sheet.headers)
    name = MAPPED_FORMAT if mapping else FORMAT_NAMES.get(network, CSV_FORMAT)
    if unmatched not in UNMATCHED:
        raise UserError(_("unmatched rows are 'create'd or 'skip'ped, not {value!r}").format(value=unmatched))
    plan = ImportPlan(path, name, chosen, unmatched=unmatched)
    if columns.unknown:
        raise UserError(
            _("{file}: the mapping names columns that are not in the file: {columns}").format(
                file=path.name, columns=", ".join(columns.unknown)
            )
        )
    _check_columns(plan, columns, sheet.headers)
    rows = _rows(plan, sheet, columns)
    posts = _candidates(catalog)
    plan.matches = match_rows(rows, posts.values())
    _changes(catalog, plan, posts, unmatched)
    return plan


def _followers_file(sheet, mapping) -> bool:
    """A page-level daily file names no network; Meta's come from Facebook pages unless --channel."""
    return not mapping and follower_columns(sheet.headers) is not None and detect_network(sheet.headers) is None


def _plan_followers(path: Path, sheet, columns: tuple[int, int], channel: Channel) -> ImportPlan:
    """Followers by day into the channel's follower counts (one field: the whole dated map)."""
    plan = ImportPlan(path, FOLLOWERS_FORMAT, channel)
    counts = dict(channel.followers)
    slash_day_first = day_first([cell(cells, columns[0]) for _, cells in sheet.rows])
    for line, cells in sheet.rows:
        try:
            day = parse_published(cell(cells, columns[0]), slash_day_first)
            count = parse_count(cell(cells, columns[1]))
        except ValueError as error:
            plan.errors.append(RowError(line, str(error)))
            continue
        if day is None or count is None:
            plan.skipped += 1
            continue
        plan.updated += counts.get(day[0].date()) != count
        counts[day[0].date()] = count
        plan.followers += 1
    if counts != dict(channel.followers):
        merged = {day.isoformat(): count for day, count in sorted(counts.items())}
        plan.changes.append((CHANNELS, channel.id, "followers", merged))
    return plan


def _saved_for(headers, saved: dict[str, dict]) -> dict | None:
    names = {norm(h) for h in headers}
    for doc in saved.values():
        if all(norm(col) in names for col in doc["columns"].values()):
            return doc
    return None


def _channel(catalog: Catalog, wanted: str | None, network: Network | None, path: Path) -> Channel:
    if wanted:
        chosen = catalog.channel(wanted)
        if network and chosen.network not in (network, Network.OTHER):
            raise UserError(
                _("{file} is a {network} export, but {channel} is a {other} channel").format(
                    file=path.name, network=network.value, channel=chosen.name, other=chosen.network.value
                )
            )
        return chosen
    if network is None:
        raise UserError(_("{file}: which channel are these posts from? Say so with --channel").format(file=path.name))
    found = [c for c in catalog.channels() if c.network is network]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UserError(
            _("{file} is a {network} export, and this workspace has no {network} channel").format(
                file=path.name, network=network.value
            )
        )
    raise UserError(
        _("{file} is a {network} export; say which channel with --channel: {channels}").format(
            file=path.name, network=network.value, channels=", ".join(c.name for c in found)
        )
    )


def _check_columns(plan: ImportPlan, columns: Columns, headers) -> None:
    index = columns.index
    if "published" not in index and "external_id" not in index and "permalink" not in index:
        raise UserError(
            _("{file}: no publish time, post id or permalink column: rows cannot be tied to posts").format(file=plan.path.name)
        )
    if not any(name in index for name in COUNT_FIELDS):
        raise UserError(_("{file}: no column with figures (reach, views, reactions, comments, …)").format(file=plan.path.name))
    if "reach" not in index:
        plan.notes.append(_("the file has no reach column: reach rate and engagement rate by reach need reach"))
    used = set(index.values())
    ignored = [h for i, h in enumerate(headers) if i not in used and h]
    if ignored:
        plan.notes.append(ngettext("{count} column not used", "{count} columns not used", len(ignored)).format(count=len(ignored)))


def _rows(plan: ImportPlan, sheet, columns: Columns) -> list[ExportRow]:
    index = columns.index
    slash_day_first = day_first([cell(cells, index.get("published")) for _, cells in sheet.rows])
    rows = []
    network = plan.channel.network.value
    for line, cells in sheet.rows:
        try:
            rows.append(_row(line, cells, index, plan.channel.id, network, slash_day_first))
        except ValueError as error:
            plan.errors.append(RowError(line, str(error)))
    return rows


def _row(line: int, cells, index, channel: str, network: str, slash_day_first: bool) -> ExportRow:
    figures = {}
    for name in COUNT_FIELDS:
        try:
            value = parse_count(cell(cells, index.get(name)))
        except ValueError as error:
            raise ValueError(f"{_(COUNT_NAMES[name])}: {error}") from None
        if value is not None:
            figures[name] = value
    published = parse_published(cell(cells, index.get("published")), slash_day_first)
    raw_id = cell(cells, index.get("external_id"))
    raw_id = str(raw_id).strip().removeprefix("'") if raw_id not in (None, "") else ""
    if isinstance(cell(cells, index.get("external_id")), float):
        raw_id = str(int(cell(cells, index.get("external_id"))))
    permalink = str(cell(cells, index.get("permalink")) or "")
    if published is None and not raw_id and not permalink:
        raise ValueError(_("no publish time, post id or permalink"))
    if not figures:
        raise ValueError(_("no figures in this row"))
    title = str(cell(cells, index.get("title")) or "")
    caption = str(cell(cells, index.get("caption")) or "")
    return ExportRow(
        line=line, channel=channel, external_id=f"{network}:{raw_id}" if raw_id else "", permalink=permalink,
        published=published[0] if published else None, timed=published[1] if published else False,
        title=title, caption=caption, figures=figures,
    )  # fmt: skip


def _candidates(catalog: Catalog) -> dict[str, Candidate]:
    """Posts as the matcher needs them, from the stored fields (fast for thousands)."""
    found = {}
    for rid, doc in catalog.workspace.view(POSTS).items():
        date, time = doc.get("date"), doc.get("time")
        try:
            day = dt.date.fromisoformat(date) if isinstance(date, str) else None
            at = dt.time.fromisoformat(time) if isinstance(time, str) and time else None
        except ValueError:
            day, at = None, None
        text = " ".join(str(doc.get(k) or "") for k in ("title", "caption")).strip()
        found[rid] = Candidate(rid, doc.get("channel"), day, at, text, str(doc.get("external_id") or ""),
                               str(doc.get("permalink") or ""))  # fmt: skip
    return found


def _changes(catalog: Catalog, plan: ImportPlan, posts: dict[str, Candidate], unmatched: str) -> None:
    from someplan.store.workspace import new_record_id

    stored = catalog.workspace.view(POSTS)
    for match in plan.matches:
        row = match.row
        if match.outcome is Outcome.DUPLICATE or (match.outcome is Outcome.NEW and unmatched == "skip"):
            plan.skipped += 1
            continue
        fields = dict(row.figures)
        fields["status"] = Status.PUBLISHED.value
        if row.external_id:
            fields["external_id"] = row.external_id
        if row.permalink:
            fields["permalink"] = row.permalink
        if row.published and row.timed:
            fields["date"], fields["time"] = date_text(row.published.date()), time_text(row.published.time())
        if match.outcome is Outcome.MATCHED:
            doc = stored.get(match.post_id, {})
            if row.published and not row.timed and not doc.get("date"):
                fields["date"] = date_text(row.published.date())
            diff = [(POSTS, match.post_id, k, v) for k, v in fields.items() if doc.get(k) != v]
            plan.changes += diff
            plan.updated += bool(diff)
            continue
        title, caption, text = row.title, row.caption, row.text
        fields |= {
            "title": (text.split("\n", 1)[0][:TITLE_CHARS].strip() or _("{channel} post").format(channel=plan.channel.name)),
            "caption": caption or title,
            "channel": plan.channel.id,
        }
        if row.published and "date" not in fields:
            fields["date"] = date_text(row.published.date())
        new_id = new_record_id()
        plan.changes += [(POSTS, new_id, k, v) for k, v in fields.items() if v not in ("", None)]
        plan.created += 1


def apply_import(catalog: Catalog, plan: ImportPlan) -> int:
    """Write the plan's changes as one atomic batch; the number of fields written."""
    return len(catalog.workspace.write(plan.changes))


def import_file(catalog: Catalog, path: Path, **options) -> ImportPlan:
    plan = plan_import(catalog, path, **options)
    apply_import(catalog, plan)
    return plan
