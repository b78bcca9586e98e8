"""Posts as a CSV for a spreadsheet: every field a planner sorts or sums by, one post a row.

Made for Excel first, as that is what the users open it with:

- UTF-8 with a byte-order mark, so Excel reads æ, ø and å right; CRLF line ends.
- The separator: Excel in a Norwegian locale splits on ``;`` (the comma is the decimal sign
  there), in an English one on ``,``. `delimiter` is chosen by the caller (by default from the
  language spoken); with ``;`` rates are written with a decimal comma.
- Against formula injection: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return would be run as a formula by Excel, LibreOffice and Google Sheets (a title like
  ``=HYPERLINK(…)``). Such cells get a leading apostrophe (``'=…``), as OWASP advises; the
  apostrophe shows in the cell, which is the price of never running a formula. Numbers and dates
  someplan writes itself are never touched.
- Columns are headed in the language spoken; dates are ISO (2026-11-23), times 24-hour.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from someplan.domain.figures import post_rates
from someplan.domain.post import FIGURE_FIELDS, Post
from someplan.domain.weeks import weekday_name
from someplan.i18n import language, pgettext
from someplan.rounding import fixed
from someplan.services.exports.common import Names, clean, one_line, plan_order

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def guard(text: str) -> str:
    """A text cell a spreadsheet will not take for a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def headers() -> list[str]:
    return [
        pgettext("export", "id"), pgettext("export", "date"), pgettext("export", "week"),
        pgettext("export", "weekday"), pgettext("export", "time"), pgettext("export", "channel"),
        pgettext("export", "network"), pgettext("export", "category"), pgettext("export", "status"),
        pgettext("export", "title"), pgettext("export", "caption"), pgettext("export", "link"),
        pgettext("export", "notes"), pgettext("export", "owner"), pgettext("export", "funnel stage"),
        pgettext("export", "people"), pgettext("export", "assets"),
        pgettext("export", "reach"), pgettext("export", "views"), pgettext("export", "reactions"),
        pgettext("export", "comments"), pgettext("export", "shares"), pgettext("export", "clicks"),
        pgettext("export", "saves"), pgettext("export", "video views"), pgettext("export", "followers"),
        pgettext("export", "reach rate %"), pgettext("export", "engagement rate %"),
        pgettext("export", "permalink"), pgettext("export", "reuse of"),
        pgettext("export", "format"), pgettext("export", "surface"), pgettext("export", "purpose"),
        pgettext("export", "source"), pgettext("export", "permission until"),
    ]  # fmt: skip


def posts_csv(posts: Iterable[Post], names: Names, delimiter: str = ",") -> bytes:
    """The CSV (bytes, with BOM) of `posts` in plan order; `delimiter` "," or ";"."""
    if delimiter not in (",", ";"):
        raise ValueError(f"delimiter={delimiter!r}")
    decimal = "," if delimiter == ";" else "."
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers())
    locale = language()
    for post in sorted(posts, key=plan_order):
        reach_rate, engagement_rate = post_rates(post, names.channels)
        network = names.network(post)
        text = [
            one_line(names.channel(post)), network.value if network else "", one_line(names.category(post)),
            post.status.label(locale), clean(post.title), clean(post.caption), one_line(post.link), clean(post.notes),
            one_line(post.owner), post.funnel.value if post.funnel else "",
            "; ".join(one_line(names.person(p)) for p in post.people), "; ".join(one_line(a) for a in post.assets),
        ]  # fmt: skip
        writer.writerow([
            post.id,
            post.date.isoformat() if post.date else "",
            post.date.isocalendar().week if post.date else "",
            weekday_name(post.date, locale) if post.date else "",
            post.time.strftime("%H:%M") if post.time else "",
            *(guard(cell) for cell in text),
            *("" if getattr(post, name) is None else getattr(post, name) for name in FIGURE_FIELDS),
            "" if post.followers is None else post.followers,
            _rate(reach_rate, decimal), _rate(engagement_rate, decimal),
            guard(one_line(post.permalink)), post.reused_from,
            # Stored values like the funnel stage: a spreadsheet filters on them in either language.
            post.format.value if post.format else "", post.surface_or_owned.value, guard(one_line(post.purpose)),
            guard(one_line(post.source)), post.permission_until.isoformat() if post.permission_until else "",
        ])  # fmt: skip
    return (BOM + buffer.getvalue()).encode("utf-8")


def _rate(value: float | None, decimal: str) -> str:
    return "" if value is None else fixed(value, 2).replace(".", decimal)
