"""What an export's cells do not say: the zone its times are in, and whether it holds posts at all.

Time zones, per source (an offset written in a cell always wins, and `--source-tz` overrides):

- Meta Business Suite (Facebook and Instagram posts) and the old Facebook Insights export write
  times without a zone, in US Pacific time whatever the page's own zone: a Bangkok page's posts
  all fall between 17:00 and 06:59 in the file.
- LinkedIn writes UTC ("All dates and times are in UTC" in its description row).
- A file that says "in UTC" above its header is UTC; any other file is taken to be in the
  workspace's zone.

Files that are not post exports are refused with a sentence naming what they are: LinkedIn's
creator (personal profile) analytics, a Google Analytics report, follower demographics.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from someplan.domain.channel import Network
from someplan.i18n import N_, _
from someplan.services.errors import UserError

META_ZONE = "America/Los_Angeles"
UTC_ZONE = "UTC"
DEFAULT_ZONE = "Europe/Oslo"
# Why a zone was chosen, in the language spoken where shown.
WHY = {
    "given": N_("as given with --source-tz"),
    "meta": N_("Meta writes US Pacific time"),
    "linkedin": N_("LinkedIn writes UTC"),
    "file": N_("the file says its times are in UTC"),
    "workspace": N_("the file names no zone: the workspace's"),
}

_CREATOR_SHEETS = {"discovery", "engagement"}
_DEMOGRAPHICS = {"distribution", "top territories", "job function", "seniority", "industry", "company size",
                 "top demographics", "age & gender"}  # fmt: skip


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(_("unknown time zone {name!r}: use a name like Europe/Oslo, America/Los_Angeles or UTC").format(name=name)) from None


def workspace_zone(name: str | None) -> tuple[ZoneInfo, str]:
    try:
        return ZoneInfo(name or DEFAULT_ZONE), name or DEFAULT_ZONE
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE), DEFAULT_ZONE


def source_zone(network: Network | None, meta: bool, preamble: Iterable[str], given: str | None, workspace: str) -> tuple[str, str]:
    """(zone name, why) for the naive times of an export."""
    if given:
        zone(given)
        return given, "given"
    if any("in utc" in text.casefold() for text in preamble):
        return UTC_ZONE, "file"
    if network is Network.LINKEDIN:
        return UTC_ZONE, "linkedin"
    if meta:
        return META_ZONE, "meta"
    return workspace, "workspace"


def zone_label(name: str) -> str:
    return {META_ZONE: _("US Pacific ({zone})").format(zone=META_ZONE)}.get(name, name)


def _names(cells: Iterable[object]) -> set[str]:
    return {" ".join(str(c).casefold().split()) for c in cells if str(c).strip()}


def refusal(file: str, sheet_names: Sequence[str], headers: Sequence[str], above: Sequence[Sequence[object]]) -> str | None:
    """A sentence saying what the file is when it is not a post export; None when it may be one."""
    if _CREATOR_SHEETS <= _names(sheet_names):
        return _("{file} is LinkedIn's analytics of a personal profile (daily totals and top posts, not a page's "
                 "post export): download the page's posts from its Analytics → Posts instead").format(file=file)  # fmt: skip
    lines = [" ".join(str(c) for c in cells).strip() for cells in above]
    # GA4 writes its report's account, property and dates as "#" lines above the table.
    if lines and lines[0].startswith("#") and any(k in line.casefold() for line in lines for k in ("start date", "property:", "account:")):
        return _("{file} is a Google Analytics report (pages and visits, not posts): nothing to import").format(file=file)
    seen = _names(headers) | {name for cells in above for name in _names(cells)}
    if seen & _DEMOGRAPHICS:
        return _("{file} holds follower demographics (shares of an audience, not posts): nothing to import").format(file=file)
    return None
