"""The year wheel (årshjul) as an SVG picture: geometry to SVG text, no I/O.

The circle runs clockwise from the top over the wheel's span (`YearWheel.first` to `.last`), one
angle per day, so that months and ISO weeks, which do not line up, each sit where their days are.
From the rim inwards: the months, the ISO week numbers, the holidays and observance days as
marks, the post load per week as a ring of bars, then the campaigns and seasons in their lanes
(the lanes of the planner's year wheel). A legend beside the circle names every campaign and
marked day, so nothing is lost when a name is too long for its arc.

The picture is sized for A3 landscape and a screen alike: a fixed viewBox that scales, text no
smaller than 11 units (about 2.4 mm on A3). Every piece of user text is escaped for XML and its
control characters shown as escapes (`exports.common.one_line`); colours are ours, never a
user's, so nothing typed reaches the markup or the styles.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from someplan.domain.event import EventKind
from someplan.domain.weeks import day_label, month_name, range_label
from someplan.domain.year_wheel import Span, YearWheel
from someplan.i18n import pgettext
from someplan.services.exports.common import one_line

WIDTH, HEIGHT = 1500, 1060
CX, CY = 530, 530
R_OUTER, R_MONTHS, R_WEEKS, R_MARKS = 500, 452, 416, 405
R_BARS_OUT, R_BARS_IN, R_LANES, R_CENTRE = 394, 300, 290, 118

# Print-safe colours that stay apart in greyscale too; campaigns take them in turn.
PALETTE = ("#2f6db5", "#c2410c", "#15803d", "#7e22ce", "#b45309", "#0e7490", "#be123c", "#4d7c0f")
HEAT_COLOURS = ("#e5e7eb", "#cfe3f3", "#8fbfe0", "#3b82c4", "#c2410c")
MARK_COLOURS = {"holiday": "#b42318", "flag_day": "#1d4ed8", "observance": "#a16207"}
TODAY = "#dc2626"

# Scoped to the wheel: inside the report's HTML these rules would otherwise reach the page too.
STYLE = (
    ".wheel-svg text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:#1d232a}"
    ".wheel-svg .month{font-size:20px;font-weight:600}.wheel-svg .week{font-size:11px;fill:#4b5563}"
    ".wheel-svg .lane{font-size:12px;fill:#fff;font-weight:600}.wheel-svg .season-label{fill:#1d232a}"
    ".wheel-svg .year{font-size:64px;font-weight:700}.wheel-svg .sub{font-size:16px;fill:#4b5563}"
    ".wheel-svg .h{font-size:18px;font-weight:700}.wheel-svg .li{font-size:12.5px}"
    ".wheel-svg .small{font-size:11px;fill:#4b5563}.wheel-svg .today{font-size:13px;font-weight:700;fill:#dc2626}"
)
# Only for the file of its own: printed from a browser it fills an A3 sheet across.
PAGE = "@page{size:A3 landscape;margin:8mm}"

# XML 1.0 allows neither these code points nor lone surrogates, escaped or not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def x(text: object) -> str:
    """User text for XML text or an attribute: one line, control characters visible, escaped."""
    clean = _NOT_XML.sub("\ufffd", one_line(text))
    return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


@dataclass(frozen=True)
class Geometry:
    """Where a day lies on the circle: clockwise from the top over the wheel's span."""

    first: date
    days: int
    cx: float = CX
    cy: float = CY

    @classmethod
    def of(cls, wheel: YearWheel, cx: float = CX, cy: float = CY) -> Geometry:
        return cls(wheel.first, (wheel.last - wheel.first).days + 1, cx, cy)

    def angle(self, day: date) -> float:
        """Radians from the top of the circle to the start of `day`."""
        return (day - self.first).days / self.days * 2 * math.pi

    def point(self, radius: float, angle: float) -> tuple[float, float]:
        return self.cx + radius * math.sin(angle), self.cy - radius * math.cos(angle)

    def sector(self, inner: float, outer: float, start: float, end: float) -> str:
        """The path of a ring's piece between two angles (start < end, at most a full turn)."""
        end = min(end, start + 2 * math.pi - 1e-6)
        large = 1 if end - start > math.pi else 0
        (ax, ay), (bx, by) = self.point(outer, start), self.point(outer, end)
        (cx_, cy_), (dx, dy) = self.point(inner, end), self.point(inner, start)
        return (f"M{ax:.2f},{ay:.2f}A{outer:.2f},{outer:.2f} 0 {large} 1 {bx:.2f},{by:.2f}"
                f"L{cx_:.2f},{cy_:.2f}A{inner:.2f},{inner:.2f} 0 {large} 0 {dx:.2f},{dy:.2f}Z")  # fmt: skip

    def days_sector(self, inner: float, outer: float, first: date, last: date) -> str:
        return self.sector(inner, outer, self.angle(first), self.angle(last + timedelta(days=1)))

    def label(self, radius: float, angle: float, text: str, css: str, extra: str = "") -> str:
        """Text along the circle at `angle`, turned so that it never stands on its head."""
        px, py = self.point(radius, angle)
        degrees = math.degrees(angle) % 360
        if 90 < degrees < 270:
            degrees -= 180
        return (f'<text class="{css}" x="{px:.2f}" y="{py:.2f}" text-anchor="middle" dominant-baseline="central" '
                f'transform="rotate({degrees:.2f} {px:.2f} {py:.2f})"{extra}>{text}</text>')  # fmt: skip


def fit(text: str, room: float, size: float) -> str:
    """`text` cut with "…" to fit `room` units at font `size` (an average glyph is 0.58 em); ""
    when not even three letters fit (the legend names it anyway)."""
    fits = int(room / (size * 0.58))
    if len(text) <= fits:
        return text
    return text[: fits - 1].rstrip() + "…" if fits >= 4 else ""


def lane_width(lanes: int) -> float:
    return min(28.0, (R_LANES - R_CENTRE - 6) / max(lanes, 1))


def wheel_svg(wheel: YearWheel, locale: str, today: date | None = None, title: str = "", standalone: bool = True) -> str:
    """The picture; `standalone` adds the XML declaration and someplan's mark (a file of its own),
    without them it is an `<svg>` element to put inside an HTML page."""
    geo = Geometry.of(wheel)
    out: list[str] = []
    if standalone:
        out += ['<?xml version="1.0" encoding="UTF-8"?>', "<!-- someplan export -->"]
    heading = pgettext("export", "Year wheel {year}").format(year=wheel.year)
    name = f"{one_line(title)} · {heading}" if one_line(title) else heading
    out.append(f'<svg xmlns="http://www.w3.org/2000/svg" class="wheel-svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
               f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{x(name)}">')  # fmt: skip
    out.append(f"<title>{x(name)}</title>")
    out.append(f"<style>{PAGE if standalone else ''}{STYLE}</style>")
    out.append(f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>')
    out += _months(wheel, geo, locale)
    out += _weeks(wheel, geo, locale)
    out += _bars(wheel, geo)
    out += _lanes(wheel, geo)
    out += _marks(wheel, geo)
    out += _centre(wheel, title)
    if today is not None and wheel.first <= today <= wheel.last:
        out += _today(geo, today)
    out += _legend(wheel, locale, today)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _months(wheel: YearWheel, geo: Geometry, locale: str) -> list[str]:
    out = []
    for index, month in enumerate(wheel.months):
        fill = "#eef2f6" if index % 2 == 0 else "#dde4ec"
        out.append(f'<path d="{geo.days_sector(R_MONTHS, R_OUTER, month.first, month.last)}" fill="{fill}" stroke="#ffffff"/>')
        middle = (geo.angle(month.first) + geo.angle(month.last + timedelta(days=1))) / 2
        out.append(geo.label((R_MONTHS + R_OUTER) / 2, middle, x(month_name(month.month, locale)), "month"))
    return out


def _weeks(wheel: YearWheel, geo: Geometry, locale: str) -> list[str]:
    out = [f'<circle cx="{geo.cx}" cy="{geo.cy}" r="{R_WEEKS}" fill="none" stroke="#d5dae0"/>']
    for row in wheel.weeks:
        start, end = geo.angle(row.first), geo.angle(row.last + timedelta(days=1))
        ax, ay = geo.point(R_BARS_IN, start)
        bx, by = geo.point(R_MONTHS, start)
        out.append(f'<line x1="{ax:.2f}" y1="{ay:.2f}" x2="{bx:.2f}" y2="{by:.2f}" stroke="#e5e7eb" stroke-width="0.8"/>')
        out.append(geo.label((R_WEEKS + R_MONTHS) / 2, (start + end) / 2, str(row.week.week), "week"))
    return out


def _bars(wheel: YearWheel, geo: Geometry) -> list[str]:
    """A bar per week, as long as its posts against the scale: half as much again as the weekly
    target (where heat level 4 begins), or the busiest week without targets."""
    busiest = max((row.posts for row in wheel.weeks), default=0)
    scale = max(wheel.target * 1.5, busiest, 1)
    out = []
    if wheel.target:
        radius = R_BARS_IN + (R_BARS_OUT - R_BARS_IN) * min(1.0, wheel.target / scale)
        out.append(f'<circle cx="{geo.cx}" cy="{geo.cy}" r="{radius:.2f}" fill="none" stroke="#6b7480" '
                   f'stroke-dasharray="4 4"/>')  # fmt: skip
    for row in wheel.weeks:
        if not row.posts:
            continue
        length = (R_BARS_OUT - R_BARS_IN) * min(1.0, row.posts / scale)
        start, end = geo.angle(row.first), geo.angle(row.last + timedelta(days=1))
        pad = (end - start) * 0.12
        path = geo.sector(R_BARS_IN, R_BARS_IN + length, start + pad, end - pad)
        out.append(f'<path d="{path}" fill="{HEAT_COLOURS[row.heat]}"><title>{row.posts}</title></path>')
    return out


def span_colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _lanes(wheel: YearWheel, geo: Geometry) -> list[str]:
    width = lane_width(wheel.lanes)
    out = []
    for index, span in enumerate(wheel.spans):
        outer = R_LANES - span.lane * width
        inner = outer - width + 3
        colour = span_colour(index)
        season = span.event.kind is not EventKind.CAMPAIGN
        style = (f'fill="{colour}" fill-opacity="0.25" stroke="{colour}" stroke-width="1.5"' if season
                 else f'fill="{colour}"')  # fmt: skip
        title = one_line(span.event.title)
        out.append(f'<path d="{geo.days_sector(inner, outer, span.first, span.last)}" {style}><title>{x(title)}</title></path>')
        start, end = geo.angle(span.first), geo.angle(span.last + timedelta(days=1))
        radius = (inner + outer) / 2
        shown = fit(title, (end - start) * radius - 6, 12) if width >= 14 else ""
        if shown:
            css = "lane season-label" if season else "lane"
            out.append(geo.label(radius, (start + end) / 2, x(shown), css))
    return out


def _mark_kind(marks) -> str:
    kinds = {mark.kind for mark in marks}
    return next(kind for kind in ("holiday", "flag_day", "observance") if kind in kinds)


def _marks(wheel: YearWheel, geo: Geometry) -> list[str]:
    out = []
    for day, marks in sorted(wheel.marks_by_day.items()):
        kind = _mark_kind(marks)
        angle = (geo.angle(day) + geo.angle(day + timedelta(days=1))) / 2
        px, py = geo.point(R_MARKS, angle)
        names = x(", ".join(one_line(mark.name) for mark in marks))
        colour = MARK_COLOURS[kind]
        if kind == "flag_day":
            shape = f'<rect x="{px - 3.5:.2f}" y="{py - 3.5:.2f}" width="7" height="7" fill="{colour}"'
        else:
            shape = f'<circle cx="{px:.2f}" cy="{py:.2f}" r="{5 if kind == "holiday" else 3.2}" fill="{colour}"'
        out.append(f"{shape}><title>{names}</title>" + ("</rect>" if kind == "flag_day" else "</circle>"))
    return out


def _centre(wheel: YearWheel, title: str) -> list[str]:
    out = [f'<circle cx="{CX}" cy="{CY}" r="{R_CENTRE - 4}" fill="#f8fafc" stroke="#d5dae0"/>',
           f'<text class="year" x="{CX}" y="{CY + 8}" text-anchor="middle">{wheel.year}</text>']  # fmt: skip
    name = fit(one_line(title), 2 * R_CENTRE - 30, 16)
    if name:
        out.append(f'<text class="sub" x="{CX}" y="{CY + 44}" text-anchor="middle">{x(name)}</text>')
    return out


def _today(geo: Geometry, today: date) -> list[str]:
    angle = (geo.angle(today) + geo.angle(today + timedelta(days=1))) / 2
    ax, ay = geo.point(R_CENTRE, angle)
    bx, by = geo.point(R_OUTER + 4, angle)
    word = x(pgettext("export", "today"))
    tx, ty = geo.point(R_OUTER + 18, angle)
    return [f'<line x1="{ax:.2f}" y1="{ay:.2f}" x2="{bx:.2f}" y2="{by:.2f}" stroke="{TODAY}" stroke-width="3"/>',
            f'<text class="today" x="{tx:.2f}" y="{ty:.2f}" text-anchor="middle" dominant-baseline="central">{word}</text>']  # fmt: skip


def _legend(wheel: YearWheel, locale: str, today: date | None) -> list[str]:
    left, y = 1075, 48
    out = [_text("h", left, y, pgettext("export", "Year wheel {year}").format(year=wheel.year))]
    y += 26
    keys = [
        ("circle", MARK_COLOURS["holiday"], pgettext("export", "public holiday")),
        ("rect", MARK_COLOURS["flag_day"], pgettext("export", "flag day")),
        ("dot", MARK_COLOURS["observance"], pgettext("export", "observance day")),
        ("bar", HEAT_COLOURS[3], pgettext("export", "posts per week") + (
            " (" + pgettext("export", "dashed: the weekly target") + ")" if wheel.target else "")),
    ]  # fmt: skip
    if today is not None and wheel.first <= today <= wheel.last:
        keys.append(("line", TODAY, pgettext("export", "today")))
    for shape, colour, text in keys:
        out.append(_key(shape, colour, left + 6, y - 4))
        out.append(f'<text class="li" x="{left + 20}" y="{y}">{x(text)}</text>')
        y += 18
    y += 12
    if wheel.spans:
        out.append(_text("h", left, y, pgettext("export", "Campaigns and seasons")))
        y += 22
        shown = 0
        for index, span in enumerate(wheel.spans):
            if y > HEIGHT - 330:
                out.append(_text("small", left, y, pgettext("export", "… and {n} more").format(n=len(wheel.spans) - shown)))
                y += 18
                break
            out.append(_span_key(span, span_colour(index), left, y - 10))
            dates = range_label(span.event.start, span.event.end, locale)
            text = f"{fit(one_line(span.event.title), 300, 12.5)} · {dates}"
            out.append(f'<text class="li" x="{left + 20}" y="{y}">{x(text)}</text>')
            y += 17
            shown += 1
        y += 12
    marks = sorted(wheel.marks_by_day.items())
    if marks:
        out.append(_text("h", left, y, pgettext("export", "Holidays and observance days")))
        y += 20
        out += _mark_list(marks, locale, left, y)
    return out


def _text(css: str, left: float, y: float, text: str) -> str:
    return f'<text class="{css}" x="{left}" y="{y}">{x(text)}</text>'


def _key(shape: str, colour: str, cx: float, cy: float) -> str:
    if shape == "circle":
        return f'<circle cx="{cx}" cy="{cy}" r="5" fill="{colour}"/>'
    if shape == "dot":
        return f'<circle cx="{cx}" cy="{cy}" r="3.2" fill="{colour}"/>'
    if shape == "rect":
        return f'<rect x="{cx - 3.5}" y="{cy - 3.5}" width="7" height="7" fill="{colour}"/>'
    if shape == "line":
        return f'<rect x="{cx - 6}" y="{cy - 1.5}" width="12" height="3" fill="{colour}"/>'
    return f'<rect x="{cx - 6}" y="{cy - 5}" width="12" height="10" fill="{colour}"/>'


def _span_key(span: Span, colour: str, left: float, top: float) -> str:
    if span.event.kind is EventKind.CAMPAIGN:
        return f'<rect x="{left}" y="{top}" width="12" height="12" fill="{colour}"/>'
    return f'<rect x="{left + 0.75}" y="{top + 0.75}" width="10.5" height="10.5" fill="{colour}" fill-opacity="0.25" stroke="{colour}" stroke-width="1.5"/>'


def _mark_list(marks, locale: str, left: float, top: float) -> list[str]:
    """Two columns, in date order, as many as fit; the wheel's marks show the rest by their dot."""
    out, column_width, line = [], 205, 15
    rows = int((HEIGHT - 20 - top) // line)
    for index, (day, found) in enumerate(marks[: rows * 2]):
        column, row = divmod(index, rows)
        px, py = left + column * column_width, top + row * line
        colour = MARK_COLOURS[_mark_kind(found)]
        names = fit(", ".join(one_line(mark.name) for mark in found), column_width - 62, 11)
        label = day_label(day, locale, weekday=None)
        out.append(f'<circle cx="{px + 4}" cy="{py - 4}" r="3" fill="{colour}"/>')
        out.append(f'<text class="small" x="{px + 12}" y="{py}">{x(label)} {x(names)}</text>')
    if len(marks) > rows * 2:
        more = pgettext("export", "… and {n} more").format(n=len(marks) - rows * 2)
        out.append(f'<text class="small" x="{left}" y="{HEIGHT - 8}">{x(more)}</text>')
    return out

