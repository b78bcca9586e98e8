"""The year wheel drawn as Rich text: the grid by week or by month, the legend and what the
selection holds. No Textual here, so it is tested by rendering to a console of a fixed width
(tests/tui/test_year_wheel_render.py); screens/year_wheel.py shows it and handles the keys.

A week column is 1–3 characters wide and a day column 2–3, whatever fits the width given, so
the whole year fits from 80 columns up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rich.text import Text

from someplan.domain.capacity import LOAD_MARKS, Capacity, Load, capacity_label
from someplan.domain.event import EventKind
from someplan.domain.norwegian_calendar import kinds_by_name
from someplan.domain.weeks import IsoWeek, day_label, month_name, range_label, week_label, week_word, weekday_name
from someplan.domain.year_wheel import HEAT_LEVELS, Span, YearWheel
from someplan.i18n import _, ngettext, pgettext
from someplan.services import campaigns as campaign_service
from someplan.textsafe import literal

GLYPHS = {"holiday": "★", "flag_day": "⚑", "observance": "•"}
# A week's hours against the people's (domain/capacity.py): only a full or overbooked week stands out.
LOAD_GLYPHS = {
    Load.UNKNOWN: (" ", ""), Load.OK: ("·", "dim"), Load.TIGHT: ("▲", "bold #d9a400"), Load.OVER: ("■", "bold #e5484d"),
}
LOAD_STYLES = {Load.UNKNOWN: "dim", Load.OK: "green", Load.TIGHT: "bold yellow", Load.OVER: "bold red"}
MARK_STYLE = {"holiday": "bold #e5484d", "flag_day": "bold #3e8ee8", "observance": "#d9a400"}
HEAT_GLYPHS = ("·", "▂", "▄", "▆", "█")
HEAT_STYLE = ("dim", "#c99a2e", "#c99a2e", "#3fb950", "#e5534b")
SPAN_COLOURS = ("#8250df", "#1f6feb", "#1a7f37", "#bc4c00", "#bf3989", "#0a7e8c", "#9a6700", "#57606a")
KIND_ORDER = ("holiday", "flag_day", "observance")
assert len(HEAT_GLYPHS) == HEAT_LEVELS

WEEK_LABEL_WIDTH = 10
MONTH_LABEL_WIDTH = 9


def mark_kind_word(kind: str) -> str:
    if kind == "holiday":
        return pgettext("calendar day", "holiday")
    if kind == "flag_day":
        return pgettext("calendar day", "flag day")
    return pgettext("calendar day", "observance day")


def span_colour(wheel: YearWheel, span: Span) -> str:
    return SPAN_COLOURS[wheel.spans.index(span) % len(SPAN_COLOURS)]


def strongest(marks) -> list[str]:
    """The kinds among `marks`, holiday first."""
    kinds = {mark.kind for mark in marks}
    return [kind for kind in KIND_ORDER if kind in kinds]


class Canvas:
    """One line of fixed width: text put at columns, each character with its style."""

    def __init__(self, width: int) -> None:
        self.chars = [" "] * width
        self.styles = [""] * width

    def put(self, col: int, text: str, style: str = "") -> None:
        for offset, char in enumerate(text):
            if 0 <= col + offset < len(self.chars):
                self.chars[col + offset] = char
                self.styles[col + offset] = style

    def free(self, col: int, length: int) -> bool:
        """Nothing put there yet (a bar of blanks is not free: it has a colour)."""
        end = col + length
        return (
            col >= 0
            and end <= len(self.chars)
            and all(c == " " and not s for c, s in zip(self.chars[col:end], self.styles[col:end], strict=False))
        )

    def blank(self, col: int) -> bool:
        """A blank or beyond the edge: what text may end beside without running into more text."""
        return not 0 <= col < len(self.chars) or self.chars[col] == " "

    def free_apart(self, col: int, length: int) -> bool:
        """Free, with a blank (or the edge) on either side, so "49" never runs into "50"."""
        return self.free(col, length) and self.blank(col - 1) and self.blank(col + length)

    def text(self) -> Text:
        line = Text(no_wrap=True, overflow="crop")
        start = 0
        for end in range(1, len(self.chars) + 1):  # one span per run of a style
            if end == len(self.chars) or self.styles[end] != self.styles[start]:
                line.append("".join(self.chars[start:end]), self.styles[start] or None)
                start = end
        return line


def _row(label: str, canvas: Canvas, width: int, style: str = "dim") -> Text:
    line = Text(label[: width - 1].ljust(width), style=style, no_wrap=True)
    line.append_text(canvas.text())
    return line


# -- by week -----------------------------------------------------------------------------------


def week_cell(width: int, weeks: int) -> int:
    return max(1, min(3, (width - WEEK_LABEL_WIDTH) // weeks))


def _week_numbered(number: int, cell: int) -> bool:
    if cell >= 3:
        return True
    step = 5 if cell == 2 else 10
    return number == 1 or number % step == 0


def weeks_lines(
    wheel: YearWheel, locale: str, width: int, cursor: int, selected: Span | None, today: dt.date,
    capacity: Mapping[IsoWeek, Capacity] | None = None,
) -> list[Text]:
    """The weeks view: months, week numbers, heat, hours (when people have hours), marks,
    campaign lanes and the cursor."""
    count = len(wheel.weeks)
    cell = week_cell(width, count)
    grid = count * cell
    lines = []

    months = Canvas(grid)
    for month in range(1, 13):
        row = wheel.week_row(dt.date(wheel.year, month, 1))
        col = (row.week.week - 1) * cell if row else 0
        name = month_name(month, locale, short=True)
        if months.free(col, len(name) + (1 if col + len(name) < grid else 0)):
            months.put(col, name, "bold")
    lines.append(_row("", months, WEEK_LABEL_WIDTH))

    numbers = Canvas(grid)
    today_row = wheel.week_row(today)
    numbered = [row for row in wheel.weeks if _week_numbered(row.week.week, cell)]
    for row in ([today_row] if today_row else []) + numbered:  # this week's number first: it always shows
        label, col = str(row.week.week), (row.week.week - 1) * cell
        if numbers.free_apart(col, len(label)):
            numbers.put(col, label, "bold underline" if row is today_row else "dim")
    lines.append(_row(week_word(locale), numbers, WEEK_LABEL_WIDTH))

    heat = Canvas(grid)
    for index, row in enumerate(wheel.weeks):
        style = HEAT_STYLE[row.heat] + (" reverse" if index == cursor else "")
        heat.put(index * cell, HEAT_GLYPHS[row.heat] * cell, style)
    lines.append(_row(pgettext("year wheel row", "posts"), heat, WEEK_LABEL_WIDTH))
    if capacity and any(c.available is not None for c in capacity.values()):
        hours = Canvas(grid)
        for index, row in enumerate(wheel.weeks):
            load = capacity[row.week].load if row.week in capacity else Load.UNKNOWN
            glyph, style = LOAD_GLYPHS[load]
            hours.put(index * cell, glyph * cell, style + (" reverse" if index == cursor else ""))
        lines.append(_row(pgettext("year wheel row", "hours"), hours, WEEK_LABEL_WIDTH))

    marks = Canvas(grid)
    for index, row in enumerate(wheel.weeks):
        for offset, kind in enumerate(strongest(row.marks)[:cell]):
            marks.put(index * cell + offset, GLYPHS[kind], MARK_STYLE[kind])
    lines.append(_row(pgettext("year wheel row", "days"), marks, WEEK_LABEL_WIDTH))

    for lane in range(wheel.lanes):
        bars = Canvas(grid)
        lane_spans = [s for s in wheel.spans if s.lane == lane]
        too_long = []
        for span in lane_spans:
            first, last = _week_index(wheel, span.first, 0), _week_index(wheel, span.last, count - 1)
            col, length = first * cell, (last - first + 1) * cell
            title = literal(span.event.title)
            inside = len(title) <= _title_room(span, length)
            bars.put(col, _bar_text(span, length, title if inside else ""), _bar_style(wheel, span, span is selected))
            if not inside:
                too_long.append((span, col, length, title))
        # A title too long for its bar goes beside it where there is room, else into it cut short
        # with "…"; never both, so no lane shows a title twice or a piece of one unmarked.
        for span, start, length, title in too_long:
            style = span_colour(wheel, span) + (" reverse" if span is selected else "")
            end, size = start + length, len(title)
            if bars.free(end, size + 1) and bars.blank(end + size + 1):
                bars.put(end + 1, title, style)
            elif bars.free(start - size - 1, size + 1) and bars.blank(start - size - 2):
                bars.put(start - size - 1, title, style)
            elif (room := _title_room(span, length)) >= 2:
                bars.put(start, _bar_text(span, length, title[: room - 1] + "…"), _bar_style(wheel, span, span is selected))
        label = pgettext("year wheel row", "campaigns") if lane == 0 else ""
        lines.append(_row(label, bars, WEEK_LABEL_WIDTH))
    if not wheel.spans:
        empty = Canvas(grid)
        empty.put(0, _("none yet · n adds one"), "dim")
        lines.append(_row(pgettext("year wheel row", "campaigns"), empty, WEEK_LABEL_WIDTH))

    pointer = Canvas(grid)
    col = cursor * cell + (cell - 1) // 2
    tag = f"{week_word(locale)} {wheel.weeks[cursor].week.week}"
    pointer.put(col, "▲", "bold")
    if col + 2 + len(tag) <= grid:
        pointer.put(col + 2, tag, "bold")
    else:
        pointer.put(col - 1 - len(tag), tag, "bold")
    lines.append(_row("", pointer, WEEK_LABEL_WIDTH))
    return lines


def _week_index(wheel: YearWheel, day: dt.date, outside: int) -> int:
    row = wheel.week_row(day)
    return row.week.week - 1 if row else outside


def _title_room(span: Span, length: int) -> int:
    """How much title a bar of `length` holds: after its lead (" ", a season's "━ ") and before
    the "▸" of a span that goes on past the wheel."""
    lead = 2 if span.event.kind is EventKind.SEASON else 1
    return length - lead - (1 if span.cut_after else 0)


def _bar_text(span: Span, length: int, title: str) -> str:
    """The bar, `title` (which fits: `_title_room`) in it; "" draws it without one."""
    tail = 1 if span.cut_after else 0
    if span.event.kind is EventKind.SEASON:
        text = (f"━ {title} " if title else "")[: length - tail].ljust(length, "━")
    else:
        text = (f" {title}" if title else "").ljust(length)
    if span.cut_before:
        text = "◂" + text[1:]
    if span.cut_after:
        text = text[:-1] + "▸"
    return text


def _bar_style(wheel: YearWheel, span: Span, selected: bool) -> str:
    colour = span_colour(wheel, span)
    style = f"bold {colour}" if span.event.kind is EventKind.SEASON else f"bold #ffffff on {colour}"
    return style + (" reverse" if selected else "")


# -- by month ----------------------------------------------------------------------------------


def month_cell(width: int) -> int:
    return max(2, min(3, (width - MONTH_LABEL_WIDTH) // 31))


def months_lines(wheel: YearWheel, locale: str, width: int, cursor: dt.date, selected: Span | None, today: dt.date) -> list[Text]:
    """The months view: a row per month, a column per day."""
    cell = month_cell(width)
    grid = 31 * cell
    header = Canvas(grid)
    for number in range(1, 32):
        if cell >= 3 or number == 1 or number % 5 == 0:
            header.put((number - 1) * cell + cell - 1 - len(str(number)), str(number), "dim")
    lines = [_row("", header, MONTH_LABEL_WIDTH)]
    for month in wheel.months:
        row = Canvas(grid)
        for number in range(1, month.last.day + 1):
            day = dt.date(wheel.year, month.month, number)
            covering = [s for s in wheel.spans if s.covers(day)]
            span = selected if selected in covering else (covering[-1] if covering else None)

            def styled(style: str, span=span, day=day) -> str:
                if span is not None:
                    style = f"{style.replace('dim', '')} #ffffff on {span_colour(wheel, span)}".strip()
                    if span.event.kind is EventKind.SEASON:
                        style += " italic"
                if day == today:
                    style += " underline"
                if day == cursor:
                    style += " reverse bold"
                return style.strip()

            pieces = _day_pieces(wheel, day, cell)
            col = (number - 1) * cell
            row.put(col, "".join(text for text, _ in pieces).rjust(cell - 1) + " ", styled(pieces[0][1]))
            if len(pieces) > 1:  # the count after the mark, in its own style
                row.put(col + cell - 2, pieces[1][0], styled(pieces[1][1]))
            elif pieces[0][1] in MARK_STYLE.values() and pieces[0][0] not in GLYPHS.values():
                # a count in its mark's colour (no room for both): that colour over the campaign's white
                row.put(col + cell - 2, pieces[0][0], styled(pieces[0][1]) + " " + pieces[0][1])
        label = f"{month_name(month.month, locale, short=True):<4}{month.posts:>3}"
        lines.append(_row(label, row, MONTH_LABEL_WIDTH, style="bold" if month.month == cursor.month else "dim"))
    return lines


def _day_pieces(wheel: YearWheel, day: dt.date, cell: int) -> list[tuple[str, str]]:
    """What a day's column shows, (text, style) each: its strongest mark and its posts; where
    there is room for one character only, the count in the mark's colour, since a holiday must
    not hide the posts planned on it."""
    kinds = strongest(wheel.marks_on(day))
    posts = wheel.posts_by_day.get(day, 0)
    count = (str(posts) if posts < 10 else "+") if posts else ""
    if kinds and count:
        mark = (GLYPHS[kinds[0]], MARK_STYLE[kinds[0]])
        return [mark, (count, "")] if cell >= 3 else [(count, mark[1])]
    if kinds:
        return [(GLYPHS[kinds[0]], MARK_STYLE[kinds[0]])]
    return [(count, "")] if count else [("·", "dim")]


# -- what the selection holds ------------------------------------------------------------------


def _marks_text(marks, locale: str) -> Text:
    """ "★ ⚑ Grunnlovsdag (holiday, flag day), …": a name once, with every kind it has."""
    text = Text()
    for name, kinds in kinds_by_name(marks).items():
        if text:
            text.append(", ")
        for kind in kinds:
            text.append(GLYPHS[kind] + " ", MARK_STYLE[kind])
        text.append(literal(name))
        text.append(f" ({', '.join(mark_kind_word(kind) for kind in kinds)})", "dim")
    return text


def campaigns_text(wheel: YearWheel, spans: list[Span], selected: Span | None, locale: str) -> Text:
    text = Text.assemble((pgettext("year wheel", "Campaigns: "), "bold"))
    if not spans:
        text.append(_("none yet · n adds one"), "dim")
        return text
    for index, span in enumerate(spans):
        if index:
            text.append("  ·  ")
        event = span.event
        text.append("▸ " if span is selected else "  ", "bold")
        text.append(literal(event.title), f"bold {span_colour(wheel, span)}" + (" underline" if span is selected else ""))
        text.append(f" ({campaign_service.kind_label(event.kind)}, {range_label(span.start, span.end, locale)})", "dim")
    if selected is not None and selected.event.notes.strip():
        text.append("\n  ")
        text.append(literal(selected.event.notes.strip().splitlines()[0]), "italic")
    return text


def _planned(posts: int, target: float) -> str:
    text = ngettext("{n} post planned", "{n} posts planned", posts).format(n=posts)
    if target:
        text += " · " + _("target {target}").format(target=round(target))
    return text


def week_details(
    wheel: YearWheel, index: int, selected: Span | None, locale: str, today: dt.date,
    capacity: Mapping[IsoWeek, Capacity] | None = None,
) -> Text:
    row = wheel.weeks[index]
    text = Text.assemble((week_label(row.week, locale), "bold"), "  ", (_planned(row.posts, wheel.target), "dim"))
    if capacity and row.week in capacity and (capacity[row.week].posts or capacity[row.week].available is not None):
        found = capacity[row.week]
        mark = LOAD_MARKS[found.load]
        text.append(" · ⏱ " + capacity_label(found) + (f" {mark}" if mark else ""), LOAD_STYLES[found.load])
    text.append("\n")
    text.append_text(campaigns_text(wheel, wheel.spans_between(row.first, row.last), selected, locale))
    for day in row.week.dates():
        posts = wheel.posts_by_day.get(day, 0)
        label = f"{weekday_name(day, locale, short=True)} {day_label(day, locale, weekday=None)}"
        text.append("\n")
        text.append(f"{label:<12}", "bold reverse" if day == today else "bold")
        if posts:
            word = pgettext("year wheel", "post") if posts == 1 else pgettext("year wheel", "posts")
            text.append(f"{posts:>3} {word:<9}")
        else:
            text.append(f"{'·':>3} {'':<9}", "dim")
        text.append_text(_marks_text(wheel.marks_on(day), locale))
    text.append("\n\n")
    text.append_text(year_campaigns_text(wheel, selected, locale))
    return text


def year_campaigns_text(wheel: YearWheel, selected: Span | None, locale: str) -> Text:
    """Every campaign and season of the year, one a line: the names a narrow bar cannot hold."""
    text = Text(pgettext("year wheel", "Campaigns and seasons this year"), style="bold")
    if not wheel.spans:
        text.append("\n  ")
        text.append(_("none yet · n adds one"), "dim")
    for span in wheel.spans:
        event = span.event
        weeks = weeks_text(span.start, span.end, locale)
        text.append("\n")
        text.append("▸ " if span is selected else "  ", "bold")
        text.append("■ ", span_colour(wheel, span))
        text.append(literal(event.title), "bold" if span is selected else "")
        text.append(
            f"  {campaign_service.kind_label(event.kind)} · {range_label(span.start, span.end, locale)} · {weeks}", "dim"
        )
    return text


def month_details(wheel: YearWheel, day: dt.date, selected: Span | None, locale: str) -> Text:
    month = wheel.months[day.month - 1]
    week = IsoWeek.of(day)
    text = Text.assemble(
        (day_label(day, locale, weekday="long", year=True), "bold"), "  ·  ", week_label(week, locale), "  ",
        (_planned(wheel.posts_by_day.get(day, 0), 0), "dim"),
    )  # fmt: skip
    marks = wheel.marks_on(day)
    if marks:
        text.append("\n")
        text.append_text(_marks_text(marks, locale))
    text.append("\n")
    text.append_text(campaigns_text(wheel, [s for s in wheel.spans if s.covers(day)], selected, locale))
    name = month_name(month.month, locale)
    text.append("\n")
    month_target = wheel.target * ((month.last - month.first).days + 1) / 7
    text.append(f"{name[:1].upper()}{name[1:]}: ", "bold")
    text.append(_planned(month.posts, month_target), "dim")
    if month.marks:
        text.append("\n")
        text.append(_("Holidays and special days: "), "bold")
        seen = []
        for mark in month.marks:
            if mark.name not in seen:
                seen.append(mark.name)
                if len(seen) > 1:
                    text.append(" · ")
                text.append(f"{mark.date.day}. " if locale == "nb" else f"{mark.date.day} ", "dim")
                text.append(GLYPHS[mark.kind] + " ", MARK_STYLE[mark.kind])
                text.append(literal(mark.name))
    return text


def weeks_text(first: dt.date, last: dt.date, locale: str) -> str:
    """ "uke 46–51" / "week 46–51", "uke 40", across New Year "uke 49–13"."""
    a, b = IsoWeek.of(first).week, IsoWeek.of(last).week
    return f"{week_word(locale)} {a}" if IsoWeek.of(first) == IsoWeek.of(last) else f"{week_word(locale)} {a}–{b}"


def legend(mode: str, target: int, hours: bool = False) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    for kind in KIND_ORDER:
        text.append(GLYPHS[kind] + " ", MARK_STYLE[kind])
        text.append(mark_kind_word(kind) + "  ", "dim")
    if mode == "weeks":
        for level in range(HEAT_LEVELS):
            text.append(HEAT_GLYPHS[level], HEAT_STYLE[level])
        text.append(" " + (_("posts against the weekly target") if target else _("posts against the busiest week")), "dim")
        if hours:
            for load in (Load.TIGHT, Load.OVER):
                text.append("  " + LOAD_GLYPHS[load][0], LOAD_GLYPHS[load][1])
            text.append(" " + _("hours nearly full, overbooked"), "dim")
    else:
        text.append(_("a number: posts that day · colour: the campaign"), "dim")
    return text


def header_text(wheel: YearWheel, mode: str) -> Text:
    """ "Year wheel 2026 · 53 ISO weeks · 149 posts planned · target 13 a week · by week (m: …)"."""
    total = sum(row.posts for row in wheel.weeks)
    header = Text.assemble((_("Year wheel {year}").format(year=wheel.year), "bold"), "  ·  ")
    header.append(_("{n} ISO weeks").format(n=len(wheel.weeks)) + "  ·  ")
    header.append(_planned(total, 0))
    if wheel.target:
        header.append("  ·  " + _("target {target} a week").format(target=wheel.target))
    header.append("  ·  ")
    header.append(_("by week (m: by month)") if mode == "weeks" else _("by month (m: by week)"), "dim")
    return header
