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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from someplan.domain.channel import Channel, Network
from someplan.domain.doc_fields import date_text, time_text
from someplan.domain.matching import Candidate, ExportRow, Match, Outcome, match_rows
from someplan.domain.post import Status
from someplan.i18n import N_, _, ngettext
from someplan.services.catalog import CHANNELS, POSTS, Catalog
from someplan.services.errors import UserError
from someplan.services.figures.columns import (
    COUNT_FIELDS,
    COUNT_NAMES,
    DAILY_VALUE,
    DISTRIBUTIONS,
    FIELDS,
    FORMAT_NAMES,
    OLD_INSIGHTS_FORMAT,
    Columns,
    boost_columns,
    cell,
    day_first,
    detect_network,
    distribution_column,
    follower_columns,
    format_column,
    format_word,
    is_boosted,
    is_old_insights,
    looks_like_header,
    norm,
    parse_count,
    parse_published,
)  # fmt: skip
from someplan.services.figures.files import NoTable, Sheet, read_sheet
from someplan.services.figures.sources import refusal, source_zone, workspace_zone

MAPPINGS = "import_mappings"  # table: saved column mappings, one record per name
UNMATCHED = ("create", "skip")
TITLE_CHARS = 80
TIME_SAMPLES = 3  # rows whose times the preview shows as read and as stored


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass(frozen=True)
class Lowered:
    """A stored lifetime count that the file lowers: applied, and listed so nobody is surprised."""

    line: int
    post_id: str
    field: str
    before: int
    after: int


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
    followers: int = 0  # days read from a page-level daily export
    unmatched: str = "create"  # what happens to rows that match no post: "create" or "skip"
    metric: str = ""  # a daily export's metric: "followers", "daily_reach" or "daily_follows"
    zone: str = ""  # the zone the file's times were read in, and why ("meta", "linkedin", …)
    zone_why: str = ""
    stored_zone: str = ""
    times: list[tuple[int, str, str]] = field(default_factory=list)  # (line, as read, as stored)
    lowered: list[Lowered] = field(default_factory=list)

    @property
    def matched(self) -> int:
        return sum(m.outcome is Outcome.MATCHED for m in self.matches)

    @property
    def all_failed(self) -> bool:
        """Every row was an error: the import did nothing and must say so."""
        return bool(self.errors) and not self.matches and not self.followers

    def summary(self) -> str:
        """One line of counts, in the language spoken."""
        if self.metric:
            return _("{days} days of {metric} ({updated} new or changed), {errors} errors").format(
                days=self.followers, metric=_(DAILY_METRICS[self.metric]), updated=self.updated, errors=len(self.errors)
            )
        line = _("{matched} matched ({updated} updated), {created} new, {skipped} skipped, {errors} errors").format(
            matched=self.matched, updated=self.updated, created=self.created, skipped=self.skipped, errors=len(self.errors)
        )
        if self.lowered:
            line += ", " + ngettext("{count} figure lowered", "{count} figures lowered", len(self.lowered)).format(
                count=len(self.lowered)
            )
        return line


# The formats' names are English in `ImportPlan.format` (and `--json`); shown with `_()`.
FOLLOWERS_FORMAT = N_("page-level daily export (followers)")
DAILY_FORMAT = N_("page-level daily export")
MAPPED_FORMAT = N_("CSV with a column mapping")
CSV_FORMAT = N_("CSV")
XLSX_FORMAT = N_("XLSX workbook")
# What a page-level daily export holds, by its metric title line; stored on the channel by day.
DAILY_METRICS = {"followers": N_("followers"), "daily_reach": N_("page reach"), "daily_follows": N_("new follows")}
_DAILY_TITLES = (("follower", "followers"), ("follows", "daily_follows"), ("new follow", "daily_follows"),
                 ("reach", "daily_reach"))  # fmt: skip


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


def saved_mappings(catalog: Catalog) -> dict[str, dict[str, Any]]:
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
    source_tz: str | None = None,
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
    try:
        sheet = read_sheet(path, lambda cells: looks_like_header(cells, extra))
    except NoTable as error:
        said = refusal(path.name, error.sheet_names, (), error.first_rows)
        raise UserError(
            said or _with_columns(str(error), next((r for r in error.first_rows if any(str(c).strip() for c in r)), []))
        ) from None
    said = refusal(path.name, sheet.sheet_names, sheet.headers, [sheet.preamble])
    if said:
        raise UserError(said)
    if unmatched not in UNMATCHED:
        raise UserError(_("unmatched rows are 'create'd or 'skip'ped, not {value!r}").format(value=unmatched))
    network = detect_network(sheet.headers)
    if mapping is None and network is None:
        found = _saved_for(sheet.headers, saved)
        if found:
            mapping, channel = found["columns"], channel or found.get("channel")
    daily = None if mapping else _daily_kind(sheet, path)
    chosen = _channel(catalog, channel, network or (daily[1] if daily else None), path, sheet.headers)
    if daily:
        return _plan_daily(path, sheet, daily[0], chosen)
    cells = [c for _, c in sheet.rows]
    columns = Columns.by_mapping(sheet.headers, mapping) if mapping else Columns.by_alias(sheet.headers, cells)
    old = is_old_insights(sheet.headers)
    fallback = XLSX_FORMAT if sheet.kind == "xlsx" else CSV_FORMAT
    name = (
        MAPPED_FORMAT
        if mapping
        else OLD_INSIGHTS_FORMAT
        if old
        else FORMAT_NAMES.get(network, fallback)
        if network is not None
        else fallback
    )
    plan = ImportPlan(path, name, chosen, unmatched=unmatched)
    if columns.unknown:
        raise UserError(
            _with_columns(_("{file}: the mapping names columns that are not in the file: {columns}").format(
                file=path.name, columns=", ".join(columns.unknown)), sheet.headers)
        )  # fmt: skip
    _check_columns(plan, columns, sheet.headers)
    wanted, stored = workspace_zone(catalog.settings().timezone)
    meta = network in (Network.FACEBOOK, Network.INSTAGRAM) and not mapping
    plan.zone, plan.zone_why = source_zone(chosen.network if network else None, meta, sheet.preamble, source_tz, stored)
    plan.stored_zone = stored
    rows = _rows(plan, sheet, columns, ZoneInfo(plan.zone), wanted)
    posts = _candidates(catalog)
    plan.matches = match_rows(rows, posts.values())
    _changes(catalog, plan, posts, unmatched)
    return plan


def _with_columns(message: str, headers: Iterable[object]) -> str:
    """A "can't read this" message, with the columns found and how to name them with --map."""
    found = ", ".join(str(h).strip() for h in headers if str(h).strip())[:300] or _("none")
    return message + "; " + _("columns found: {columns}; name them with --map FIELD=COLUMN, like --map published=Date "
                              "--map reach=Reach").format(columns=found)


def _daily_kind(sheet: Sheet, path: Path) -> tuple[str, Network] | None:
    """(metric, network) of a page-level daily export; None for a posts export."""
    names = [norm(h) for h in sheet.headers]
    if DAILY_VALUE in names and follower_columns(sheet.headers) is None:
        title = next((norm(t) for t in sheet.preamble if norm(t) != "sep=,"), "")
        network = Network.INSTAGRAM if title.startswith("instagram") else Network.FACEBOOK
        metric = next((m for word, m in _DAILY_TITLES if word in title), None)
        if metric is None:
            raise UserError(
                _("{file} is a page-level daily export of {metric!r}: someplan keeps a page's daily reach, new follows "
                  "and followers").format(file=path.name, metric=title or "?")
            )  # fmt: skip
        return metric, network
    if follower_columns(sheet.headers) is None or detect_network(sheet.headers) is not None:
        return None
    if {"organic followers", "sponsored followers"} & set(names):  # LinkedIn's "New followers" sheet: per day
        return "daily_follows", Network.LINKEDIN
    return "followers", Network.FACEBOOK


def _plan_daily(path: Path, sheet: Sheet, metric: str, channel: Channel) -> ImportPlan:
    """A count per day into the channel's map of that metric (one field: the whole dated map)."""
    plan = ImportPlan(path, FOLLOWERS_FORMAT if metric == "followers" else DAILY_FORMAT, channel, metric=metric)
    names = [norm(h) for h in sheet.headers]
    found = follower_columns(sheet.headers)
    if DAILY_VALUE in names:
        columns = (names.index("date") if "date" in names else 0, names.index(DAILY_VALUE))
    elif metric == "daily_follows" and "total followers" in names:
        assert found is not None  # _daily_kind named the kind from these columns
        columns = (found[0], names.index("total followers"))
    else:
        assert found is not None  # _daily_kind named the kind from these columns
        columns = found
    known = {"followers": channel.followers, "daily_reach": channel.daily_reach, "daily_follows": channel.daily_follows}[metric]
    counts = dict(known)
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
    if counts != dict(known):
        merged = {day.isoformat(): count for day, count in sorted(counts.items())}
        plan.changes.append((CHANNELS, channel.id, metric, merged))
    return plan


def _saved_for(headers: Iterable[str], saved: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    names = {norm(h) for h in headers}
    for doc in saved.values():
        if all(norm(col) in names for col in doc["columns"].values()):
            return doc
    return None


def _channel(
    catalog: Catalog, wanted: str | None, network: Network | None, path: Path, headers: Iterable[str] = ()
) -> Channel:
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
        raise UserError(
            _with_columns(_("{file}: which channel are these posts from? Say so with --channel").format(file=path.name), headers)
        )
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


def _check_columns(plan: ImportPlan, columns: Columns, headers: Sequence[str]) -> None:
    index = columns.index
    if "published" not in index and "external_id" not in index and "permalink" not in index:
        message = _("{file}: no publish time, post id or permalink column: rows cannot be tied to posts")
        raise UserError(_with_columns(message.format(file=plan.path.name), headers))
    if not any(name in index for name in COUNT_FIELDS):
        message = _("{file}: no column with figures (reach, views, reactions, comments, …)")
        raise UserError(_with_columns(message.format(file=plan.path.name), headers))
    if not {"external_id", "permalink", "title", "caption"} & set(index):
        raise UserError(_with_columns(
            _("{file}: its rows have a date and figures but no post id, link or text: daily totals, not posts").format(
                file=plan.path.name), headers))  # fmt: skip
    if "reach" not in index:
        plan.notes.append(_("the file has no reach column: reach rate and engagement rate by reach need reach"))
    used = set(index.values())
    ignored = [h for i, h in enumerate(headers) if i not in used and h]
    if ignored:
        plan.notes.append(
            ngettext("{count} column not used", "{count} columns not used", len(ignored)).format(count=len(ignored))
        )


def _description_row(cells: Iterable[object]) -> bool:
    """The row of metric descriptions under an old Insights header ("Lifetime: The number of …")."""
    return any(isinstance(c, str) and c.strip().casefold().startswith(("lifetime:", "daily:")) for c in cells)


def _rows(plan: ImportPlan, sheet: Sheet, columns: Columns, source: tzinfo, wanted: tzinfo) -> list[ExportRow]:
    index = dict(columns.index)
    data = sheet.rows[1:] if sheet.rows and _description_row(sheet.rows[0][1]) else sheet.rows
    for name in COUNT_FIELDS:
        # A column that is empty or 0 in every row was not filled by the export: reading it as
        # zeros would lower every stored lifetime count.
        if name in index and len(data) > 1 and all(_zero(cell(cells, index[name])) for _, cells in data):
            del index[name]
            plan.notes.append(_("the {column} column is empty or 0 in every row: read as not in the export").format(
                column=sheet.headers[columns.index[name]]))  # fmt: skip
    published = [cell(cells, index.get("published")) for _, cells in data]
    slash_day_first = day_first(published)
    stamps = [v for v in published if isinstance(v, dt.datetime)]
    midnight_is_time = any((v.hour, v.minute) != (0, 0) for v in stamps)
    where = distribution_column(sheet.headers, [c for _, c in data])
    kind_at = format_column(sheet.headers, [c for _, c in data])
    boost_at, paid_reach_at = boost_columns(sheet.headers)
    rows: list[ExportRow] = []
    for line, cells in data:
        try:
            row = _row(line, cells, index, plan.channel.id, plan.channel.network.value, slash_day_first, midnight_is_time,
                       lambda read: (read if read.tzinfo else read.replace(tzinfo=source)).astimezone(wanted))  # fmt: skip
        except ValueError as error:
            plan.errors.append(RowError(line, str(error)))
            continue
        row = replace(row, format=format_word(cell(cells, kind_at)) if kind_at is not None else "",
                      paid=is_boosted(cells, boost_at, paid_reach_at))  # fmt: skip
        if row.published is not None and row.timed:
            local = row.published
            if len(plan.times) < TIME_SAMPLES:
                raw = cell(cells, index.get("published"))
                shown = raw.strftime("%Y-%m-%d %H:%M") if isinstance(raw, dt.datetime) else str(raw)
                plan.times.append((line, shown, local.strftime("%Y-%m-%d %H:%M")))
        rows.append(row)
    if where is not None:
        rows = _totals(rows, {line: norm(cell(cells, where) or "") for line, cells in data})
    return rows


def _zero(value: object) -> bool:
    try:
        return not parse_count(value)
    except ValueError:
        return False


def _totals(rows: list[ExportRow], kinds: dict[int, str]) -> list[ExportRow]:
    """One row per boosted post: its Total row's figures (or organic + paid summed), the parts kept."""
    groups: dict[str, list[ExportRow]] = {}
    order: list[str] = []
    for row in rows:
        key = row.external_id or row.permalink or f"line {row.line}"
        if key not in groups:
            order.append(key)
        groups.setdefault(key, []).append(row)
    result = []
    for key in order:
        group = groups[key]
        if len(group) == 1 and DISTRIBUTIONS.get(kinds.get(group[0].line, "")) in (None, "total", "organic"):
            result.append(group[0])
            continue
        parts: dict[str, dict[str, int]] = {}
        total = None
        for row in group:
            kind = DISTRIBUTIONS.get(kinds.get(row.line, ""), "organic")
            if kind == "total":
                total = row
                continue
            into = parts.setdefault(kind, {})
            for name, value in row.figures.items():
                into[name] = into.get(name, 0) + value
        figures = dict(total.figures) if total else {}
        if not total:
            for part in parts.values():
                for name, value in part.items():
                    figures[name] = figures.get(name, 0) + value
        first = total or group[0]
        kind = next((row.format for row in group if row.format), "")
        paid = "paid" in parts or any(row.paid for row in group)
        result.append(replace(first, figures=figures, parts=parts, line=group[0].line, format=kind, paid=paid))
    return result


def _row(
    line: int,
    cells: Sequence[object],
    index: Mapping[str, int],
    channel: str,
    network: str,
    slash_day_first: bool,
    midnight_is_time: bool,
    to_local: Callable[[dt.datetime], dt.datetime],
) -> ExportRow:
    figures = {}
    for name in COUNT_FIELDS:
        try:
            value = parse_count(cell(cells, index.get(name)))
        except ValueError as error:
            raise ValueError(f"{_(COUNT_NAMES[name])}: {error}") from None
        if value is not None:
            figures[name] = value
    published = parse_published(cell(cells, index.get("published")), slash_day_first, midnight_is_time)
    if published and published[1]:
        published = (to_local(published[0]), True)  # the instant, on the workspace's clock
    raw = cell(cells, index.get("external_id"))
    if isinstance(raw, float) and raw == int(raw):
        raw_id = str(int(raw))
    else:
        raw_id = str(raw).strip().removeprefix("'") if raw not in (None, "") else ""
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
        title = str(doc.get("title") or "")
        text = f"{title} {doc.get('caption') or ''}".strip()
        found[rid] = Candidate(rid, doc.get("channel"), day, at, text, str(doc.get("external_id") or ""),
                               str(doc.get("permalink") or ""), title)  # fmt: skip
    return found


def _changes(catalog: Catalog, plan: ImportPlan, posts: dict[str, Candidate], unmatched: str) -> None:
    from someplan.store.workspace import new_record_id

    stored = catalog.workspace.view(POSTS)
    for match in plan.matches:
        row = match.row
        if match.outcome is Outcome.DUPLICATE or (match.outcome is Outcome.NEW and unmatched == "skip"):
            plan.skipped += 1
            continue
        if match.outcome is Outcome.NEW and not (row.external_id or row.permalink or row.text):
            plan.errors.append(RowError(row.line, _("no post id, link or text: no post is made from it")))
            continue
        fields: dict[str, object] = dict(row.figures)
        fields["status"] = Status.PUBLISHED.value
        for part, figures in row.parts.items():
            fields[part] = dict(figures)  # "organic" / "paid": the owned and the paid share of a boosted post
        if row.external_id:
            fields["external_id"] = row.external_id
        if row.permalink:
            fields["permalink"] = row.permalink
        if row.published and row.timed:
            fields["date"], fields["time"] = date_text(row.published.date()), time_text(row.published.time())
        if match.outcome is Outcome.MATCHED:
            post_id = match.post_id
            assert post_id is not None  # a matched row names its post
            doc = stored.get(post_id, {})
            fields |= _mix_fields(row, doc)
            if row.published and not row.timed and not doc.get("date"):
                fields["date"] = date_text(row.published.date())
            diff = [(POSTS, post_id, k, v) for k, v in fields.items() if doc.get(k) != v]
            for _table, _post, name, value in diff:
                before = doc.get(name)
                if name in COUNT_FIELDS and isinstance(before, int) and isinstance(value, int) and value < before:
                    plan.lowered.append(Lowered(row.line, post_id, name, before, value))
            plan.changes += diff
            plan.updated += bool(diff)
            continue
        title, caption, text = row.title, row.caption, row.text
        first_line = " ".join(text.split("\n", 1)[0].split())  # a tab or a run of spaces is one space
        fields |= {
            "title": first_line[:TITLE_CHARS].strip() or _("{channel} post").format(channel=plan.channel.name),
            "caption": caption or title,
            "channel": plan.channel.id,
        }
        if row.published and "date" not in fields:
            fields["date"] = date_text(row.published.date())
        fields |= _mix_fields(row, {})
        new_id = new_record_id()
        plan.changes += [(POSTS, new_id, k, v) for k, v in fields.items() if v not in ("", None)]
        plan.created += 1


def _mix_fields(row: ExportRow, doc: Mapping[str, Any]) -> dict[str, object]:
    """The format and the paid surface an export tells, where the post does not say already: the
    user's own choice (a carousel the export calls Photos, earned content that was boosted) stays."""
    fields: dict[str, object] = {}
    if row.format and not doc.get("format"):
        fields["format"] = row.format
    if row.paid and doc.get("surface") in (None, "", "owned"):
        fields["surface"] = "paid"
    return fields


def apply_import(catalog: Catalog, plan: ImportPlan) -> int:
    """Write the plan's changes as one atomic batch; the number of fields written."""
    return len(catalog.workspace.write(plan.changes))


def import_file(catalog: Catalog, path: Path, **options: Any) -> ImportPlan:
    plan = plan_import(catalog, path, **options)
    apply_import(catalog, plan)
    return plan
