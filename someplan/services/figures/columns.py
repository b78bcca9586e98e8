"""Which column of an export means what, and reading its numbers and times.

Columns are matched by name (case and spacing ignored, first column of a name wins: Meta's
Facebook export has `Reactions` twice), in English, Norwegian and German. Only the columns
someplan uses are read; every other column is left alone. A file is recognised by its columns:

- Meta Business Suite, Facebook posts: `Page ID`/`Page name` (network facebook)
- Meta Business Suite, Instagram posts: `Account ID`/`Account username` (network instagram)
- LinkedIn page analytics, posts sheet: `Post link`/`Post title` (network linkedin)
- Facebook Insights, the old post export: `Post Message`/`Lifetime Post Total Reach` (network facebook)
- anything else: a column mapping given on the command line or saved in the workspace.

Of two columns that could hold a field, the first that has a value in some row is used: an empty
`Views` beside a filled `Impressions` (LinkedIn, 2025) is no reason to lose the impressions.

Counts: `1250`, `"1,250"`, `1 250`, `1.250` (thousands separators of any locale); empty, `-`
and `--` mean "not in the export". Times: `11/10/2025 21:00` (Meta: month first, unless a day
over 12 in the first place shows the file is day first), `10.11.2025 21:00`, ISO 8601, and the
date-time cells of a spreadsheet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from someplan.domain.channel import Network
from someplan.i18n import N_, _

# field → column names, most preferred first (normalised: casefolded, single spaces)
ALIASES: dict[str, tuple[str, ...]] = {
    "external_id": ("post id", "innlegg-id", "innleggs-id", "beitrags-id", "id"),
    "permalink": ("permalink", "post link", "permalenke", "lenke til innlegg", "link zum beitrag", "update link"),
    "published": ("publish time", "publiseringstidspunkt", "publisert", "veröffentlichungszeitpunkt",
                  "created date", "posted", "date", "dato", "datum"),
    "title": ("title", "post title", "tittel", "titel", "update", "update title"),
    "caption": ("description", "beskrivelse", "beschreibung", "caption", "tekst", "post message"),
    "reach": ("reach", "rekkevidde", "reichweite", "unique impressions", "unike visninger", "lifetime post total reach"),
    "views": ("views", "impressions", "visninger", "eksponeringer", "aufrufe", "impressionen",
              "lifetime post total impressions"),
    "reactions": ("reactions", "likes", "reaksjoner", "liker", "likerklikk", "reaktionen", "gefällt mir",
                  "gefällt mir-angaben", "lifetime talking about this (post) by action type - like"),
    "comments": ("comments", "kommentarer", "kommentare", "lifetime talking about this (post) by action type - comment"),
    "shares": ("shares", "reposts", "delinger", "delt", "geteilte inhalte", "teilen",
               "lifetime talking about this (post) by action type - share"),
    "clicks": ("total clicks", "clicks", "klikk totalt", "klikk", "klicks insgesamt", "klicks", "lifetime post consumptions"),
    "saves": ("saves", "lagringer", "lagret", "speicherungen", "gespeichert"),
    "video_views": ("3-second video views", "3-sekunders videovisninger", "video views", "videovisninger"),
}  # fmt: skip
FIELDS = tuple(ALIASES)
# LinkedIn's `Post type` column says which part of a boosted post's figures a row holds.
DISTRIBUTION_ALIASES = ("post type", "type")
DISTRIBUTIONS = {"organic": "organic", "sponsored": "paid", "paid": "paid", "total": "total"}
# The kind of content, for the mix (a PostFormat value). LinkedIn's `Post type` is the distribution
# above and its `Content Type` the format, so a column counts as the format only when its cells are formats.
FORMAT_ALIASES = ("content type", "post type", "type", "innholdstype", "innleggstype", "beitragstyp", "medientyp")
FORMAT_WORDS = {
    "photo": "image", "photos": "image", "image": "image", "images": "image", "picture": "image", "bilde": "image",
    "foto": "image", "bild": "image",
    "carousel": "carousel", "carousel_album": "carousel", "album": "carousel", "karusell": "carousel", "karussell": "carousel",
    "multi-photo": "carousel", "multiple images": "carousel",
    "video": "video", "videos": "video", "live": "video", "live video": "video",
    "reel": "reel", "reels": "reel",
    "story": "story", "stories": "story",
    "status": "text", "text": "text", "tekst": "text",
    "link": "link", "links": "link", "lenke": "link", "article": "link", "artikkel": "link", "shared link": "link",
}  # fmt: skip
# Boosted posts (paid surface): Instagram's `Boost status`, Facebook's `Funded content status` and
# the old Insights export's paid reach.
BOOST_ALIASES = ("boost status", "funded content status", "promotion status", "booststatus")
BOOSTED_WORDS = {"boosted", "active", "completed", "finished", "paid", "sponsored", "yes", "ja", "boostet", "aktiv", "fullført"}
PAID_REACH_ALIASES = ("lifetime post paid reach", "paid reach", "betalt rekkevidde")
# A page-level daily export: one row per day with the page's follower count (no posts).
FOLLOWER_ALIASES = ("facebook page followers", "page followers", "followers", "total followers", "instagram followers",
                    "lifetime total likes", "følgere", "totalt antall følgere", "follower", "abonnenten")  # fmt: skip
DAY_ALIASES = ("date", "dato", "datum", "day", "dag")
COUNT_FIELDS = ("reach", "views", "reactions", "comments", "shares", "clicks", "saves", "video_views")
# A count as a row's error names it ("reach: not a count"), in the language spoken.
COUNT_NAMES = {
    "reach": N_("reach"), "views": N_("views"), "reactions": N_("reactions"), "comments": N_("comments"),
    "shares": N_("shares"), "clicks": N_("clicks"), "saves": N_("saves"), "video_views": N_("video views"),
}  # fmt: skip
_SIGNS = {
    Network.FACEBOOK: ("page id", "page name", "side-id", "sidenavn", "seiten-id", "seitenname"),
    Network.INSTAGRAM: ("account id", "account username", "konto-id", "brukernavn for konto", "kontoname"),
    Network.LINKEDIN: ("post link", "post title", "posted by", "published by", "content type", "update link", "update title"),
}
# The post export of Facebook Insights (before Meta Business Suite): a description row under the header.
OLD_INSIGHTS_SIGNS = ("post message", "lifetime post total reach")
# English names, stable in `--json`; translated where shown (`_(plan.format)`).
FORMAT_NAMES = {
    Network.FACEBOOK: N_("Meta Business Suite, Facebook posts"),
    Network.INSTAGRAM: N_("Meta Business Suite, Instagram posts"),
    Network.LINKEDIN: N_("LinkedIn page analytics, posts"),
}
OLD_INSIGHTS_FORMAT = N_("Facebook Insights, posts (old layout)")
# A Meta page-level daily export: a metric title line, then "Date","Primary".
DAILY_VALUE = "primary"
_KNOWN = ({name for names in ALIASES.values() for name in names} | set(FOLLOWER_ALIASES) | set(DAY_ALIASES)
          | {DAILY_VALUE})  # fmt: skip


def norm(header: object) -> str:
    return " ".join(str(header).replace("\ufeff", "").casefold().split())


def looks_like_header(cells: Sequence[str], extra: Sequence[str] = ()) -> bool:
    """At least two cells are column names we know (or that a mapping names)."""
    known = _KNOWN | {norm(e) for e in extra}
    return sum(norm(c) in known for c in cells) >= 2


def follower_columns(headers: Sequence[str]) -> tuple[int, int] | None:
    """(day column, followers column) of a page-level daily export; None for a posts export."""
    position: dict[str, int] = {}
    for i, header in enumerate(headers):
        position.setdefault(norm(header), i)
    if any(a in position for a in ALIASES["external_id"] + ALIASES["permalink"] + ALIASES["reach"][:1]):
        return None
    day = next((position[a] for a in DAY_ALIASES if a in position), None)
    followers = next((position[a] for a in FOLLOWER_ALIASES if a in position), None)
    return (day, followers) if day is not None and followers is not None else None


def is_old_insights(headers: Sequence[str]) -> bool:
    return bool({norm(h) for h in headers} & set(OLD_INSIGHTS_SIGNS))


def detect_network(headers: Sequence[str]) -> Network | None:
    names = {norm(h) for h in headers}
    if names & set(OLD_INSIGHTS_SIGNS):
        return Network.FACEBOOK
    for network, signs in _SIGNS.items():
        if names & set(signs):
            return network
    return None


@dataclass(frozen=True)
class Columns:
    """Where each field is in a file's rows: field → column index."""

    index: Mapping[str, int]
    unknown: tuple[str, ...] = ()  # mapped names that are not in the file

    @classmethod
    def by_alias(cls, headers: Sequence[str], rows: Sequence[Sequence[object]] = ()) -> Columns:
        position: dict[str, int] = {}
        for i, header in enumerate(headers):
            position.setdefault(norm(header), i)  # the first of two equal names wins
        index: dict[str, int] = {}
        for name, aliases in ALIASES.items():
            found = [position[a] for a in aliases if a in position and position[a] not in index.values()]
            filled = [i for i in found if _has_values(rows, i)]
            if filled or found:
                index[name] = (filled or found)[0]
        return cls(index)

    @classmethod
    def by_mapping(cls, headers: Sequence[str], mapping: Mapping[str, str]) -> Columns:
        position: dict[str, int] = {}
        for i, header in enumerate(headers):
            position.setdefault(norm(header), i)
        index = {name: position[norm(col)] for name, col in mapping.items() if norm(col) in position}
        return cls(index, tuple(col for col in mapping.values() if norm(col) not in position))


def _has_values(rows: Sequence[Sequence[object]], index: int) -> bool:
    return any(str(cell(cells, index) or "").strip().casefold() not in _EMPTY for cells in rows)


def distribution_column(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> int | None:
    """The column whose cells say Organic / Sponsored / Total (LinkedIn); None when there is none."""
    for i, header in enumerate(headers):
        if norm(header) in DISTRIBUTION_ALIASES:
            values = {norm(cell(cells, i) or "") for cells in rows} - {""}
            if values and values <= set(DISTRIBUTIONS):
                return i
    return None


def format_word(value: object) -> str:
    """ "Photos", "IG carousel", "Reels" → a PostFormat value; "" when the cell names no format."""
    return FORMAT_WORDS.get(norm(value or "").removeprefix("ig ").removeprefix("fb "), "")


def format_column(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> int | None:
    """The first column named like a post type whose cells name formats; None when there is none."""
    for alias in FORMAT_ALIASES:
        for i, header in enumerate(headers):
            if norm(header) == alias and any(format_word(cell(cells, i)) for cells in rows):
                return i
    return None


def boost_columns(headers: Sequence[str]) -> tuple[int | None, int | None]:
    """(boost status column, paid reach column), each None when the export has none."""
    names = [norm(h) for h in headers]
    status = next((i for i, n in enumerate(names) if n in BOOST_ALIASES), None)
    reach = next((i for i, n in enumerate(names) if n in PAID_REACH_ALIASES), None)
    return status, reach


def is_boosted(cells: Sequence[object], status: int | None, paid_reach: int | None) -> bool:
    if status is not None and norm(cell(cells, status) or "") in BOOSTED_WORDS:
        return True
    try:
        return paid_reach is not None and bool(parse_count(cell(cells, paid_reach)))
    except ValueError:
        return False


# -- values ---------------------------------------------------------------------------------------

_EMPTY = {"", "-", "--", "–", "n/a", "na", "null", "none"}
_GROUPED = re.compile(r"^\d{1,3}(?:([,.\u00a0\u202f ']|’)\d{3})(?:\1\d{3})*$")


def parse_count(value: object) -> int | None:
    """A count from a cell; None when the cell is empty; ValueError when it is not a count."""
    if value is None or isinstance(value, bool):
        if value is None:
            return None
        raise ValueError(_("not a count: {value!r}").format(value=value))
    if isinstance(value, int):
        if value < 0:
            raise ValueError(_("not a count: {value!r}").format(value=value))
        return value
    if isinstance(value, float):
        if value != value or value < 0 or value != int(value):
            raise ValueError(_("not a count: {value!r}").format(value=value))
        return int(value)
    text = str(value).strip().strip('"').strip()
    if text.casefold() in _EMPTY:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if _GROUPED.match(text):
        return int(re.sub(r"\D", "", text))
    decimal = re.fullmatch(r"(\d+)[.,]0+", text)  # "12.0" from a spreadsheet
    if decimal:
        return int(decimal.group(1))
    raise ValueError(_("not a count: {value!r}").format(value=text))


def day_first(values: Sequence[object]) -> bool:
    """Whether the file's slash dates are day first: true when some first number is over 12."""
    for value in values:
        if isinstance(value, str):
            found = re.match(r"\s*(\d{1,2})/(\d{1,2})/", value)
            if found and int(found.group(1)) > 12:
                return True
    return False


_DATE = re.compile(
    r"^\s*(?:(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y2>\d{4}|\d{2}))"
    r"(?:[ T,]+(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\.\d+)?\s*(?P<ampm>[ap]\.?m\.?)?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|UTC|GMT)?\s*$",
    re.IGNORECASE,
)
# Excel counts days from 1899-12-30; serials outside these bounds (1954–2119) are not dates.
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_SERIALS = (20000, 80000)


def parse_published(
    value: object, slash_day_first: bool = False, midnight_is_time: bool = False
) -> tuple[dt.datetime, bool] | None:
    """(date and time, whether a time was given); None for an empty cell; ValueError for garbage.

    The time is aware when the cell names its offset (`2025-02-16T11:30:46+0000`), naive when it
    does not: which zone a naive time is in is the format's business, not the cell's. A
    spreadsheet's date-time cell at exactly midnight has a time unless `midnight_is_time` is
    false (a column of dates without times holds midnights only). Excel serial numbers (44008)
    are dates too.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        timed = midnight_is_time or (value.hour, value.minute) != (0, 0)
        return value.replace(second=0, microsecond=0), timed
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time()), False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(value, str(value))
    text = str(value).strip()
    if text.casefold() in _EMPTY:
        return None
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text):
        return _serial(float(text), text)
    found = _DATE.match(text)
    if not found:
        raise ValueError(_("not a date and time: {value!r}").format(value=text))
    g = found.groupdict()
    if g["y1"]:
        year, month, day = int(g["y1"]), int(g["m1"]), int(g["d1"])
    else:
        year = int(g["y2"]) + (2000 if len(g["y2"]) == 2 else 0)
        a, b = int(g["a"]), int(g["b"])
        month, day = (b, a) if g["sep"] == "." or slash_day_first else (a, b)
    hour, minute = int(g["H"] or 0), int(g["M"] or 0)
    if g["ampm"]:
        hour = hour % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
    try:
        when = dt.datetime(year, month, day, hour, minute, tzinfo=_offset(g["zone"]))
    except ValueError:
        raise ValueError(_("not a date and time: {value!r}").format(value=text)) from None
    return when, g["H"] is not None


def _serial(value: float, text: str) -> tuple[dt.datetime, bool]:
    if not _SERIALS[0] <= value <= _SERIALS[1]:
        raise ValueError(_("not a date and time: {value!r}").format(value=text))
    when = _EXCEL_EPOCH + dt.timedelta(days=value)
    when = (when + dt.timedelta(seconds=30)).replace(second=0, microsecond=0)  # float days: round to the minute
    return when, value != int(value)


def _offset(zone: str | None) -> dt.tzinfo | None:
    if not zone:
        return None
    if zone.upper() in ("Z", "UTC", "GMT"):
        return dt.UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def cell(cells: Sequence[object], index: int | None) -> object:
    if index is None or index >= len(cells):
        return None
    value = cells[index]
    return value.strip() if isinstance(value, str) else value
