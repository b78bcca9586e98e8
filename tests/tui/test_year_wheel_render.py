"""The year wheel's drawing without an app: lines rendered to a Rich console of a fixed width,
read back as text (and as segments where the style is the point)."""

import datetime as dt
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from someplan.domain.event import Event, EventKind
from someplan.domain.norwegian_calendar import CalendarDay
from someplan.domain.year_wheel import year_wheel
from someplan.tui.year_wheel_render import (
    Canvas,
    header_text,
    legend,
    month_cell,
    month_details,
    months_lines,
    week_cell,
    week_details,
    weeks_lines,
)

TODAY = dt.date(2026, 11, 18)  # week 47
EVENTS = [
    Event("summer", "Sommersesong 2026", dt.date(2026, 5, 15), dt.date(2026, 9, 15), EventKind.SEASON),
    Event("autumn", "Høstferie", dt.date(2026, 9, 28), dt.date(2026, 10, 4)),
    Event("julebord", "Julebordsesongen", dt.date(2026, 11, 13), dt.date(2026, 12, 19), notes="Fredager og lørdager"),
    Event("black", "Black Week", dt.date(2026, 11, 23), dt.date(2026, 11, 30)),
    Event("winter", "Vintersesong", dt.date(2026, 12, 1), dt.date(2027, 3, 31), EventKind.SEASON),
]
MARKS = [
    CalendarDay(dt.date(2026, 1, 1), "New Year's Day", "holiday"),
    CalendarDay(dt.date(2026, 1, 1), "New Year's Day", "flag_day"),
    CalendarDay(dt.date(2026, 5, 17), "Constitution Day", "holiday"),
    CalendarDay(dt.date(2026, 11, 27), "Black Friday", "observance"),
    CalendarDay(dt.date(2026, 12, 25), "Christmas Day", "holiday"),
]
POSTS = [dt.date(2026, 11, 16), dt.date(2026, 11, 16), dt.date(2026, 11, 18), dt.date(2026, 11, 25)]


def wheel(events=EVENTS, marks=MARKS, posts=POSTS, target=13, year=2026):
    return year_wheel(year, posts, events, marks, target)


def rendered(lines: list[Text] | Text, width: int) -> list[str]:
    """What a terminal `width` columns wide shows, line by line, right spaces dropped."""
    console = Console(width=width, file=io.StringIO(), color_system=None, legacy_windows=False)
    console.print(lines if isinstance(lines, Text) else Text("\n").join(lines))
    return [line.rstrip() for line in console.file.getvalue().splitlines()]


def row(lines: list[str], label: str) -> str:
    return next(line for line in lines if line.startswith(label))


def styles_at(text: Text, needle: str, after: int = 0) -> set[str]:
    """The styles of the characters of `needle` in `text` (its first occurrence from `after`)."""
    start = text.plain.index(needle, after)
    return {str(text.get_style_at_offset(Console(), i)) for i in range(start, start + len(needle))}


# -- the canvas --------------------------------------------------------------------------------


def test_the_canvas_puts_text_at_columns_and_crops_at_its_edge():
    canvas = Canvas(10)
    canvas.put(2, "abc", "bold")
    canvas.put(8, "xyz")
    assert canvas.text().plain == "  abc   xy"
    assert canvas.free(5, 3) and not canvas.free(4, 2) and not canvas.free(9, 2) and not canvas.free(-1, 2)
    assert [(span.start, span.end, span.style) for span in canvas.text().spans] == [(2, 5, "bold")]


# -- by week -----------------------------------------------------------------------------------


def test_a_week_is_one_to_three_columns_as_the_width_allows():
    assert [week_cell(width, 53) for width in (78, 118, 198, 400)] == [1, 2, 3, 3]
    assert [month_cell(width) for width in (78, 118, 400)] == [2, 3, 3]


def test_the_weeks_view_at_118_columns():
    lines = rendered(weeks_lines(wheel(), "en", 118, 46, None, TODAY), 118)
    assert row(lines, "          Jan").startswith("          Jan     Feb")
    weeks = row(lines, "week")
    assert weeks.split()[:4] == ["week", "1", "5", "10"] and "47" in weeks.split()
    heat = row(lines, "posts")
    assert len(heat) == 10 + 53 * 2 and heat[10:12] == "··" and heat[10 + 46 * 2 : 10 + 47 * 2] == "▂▂"
    days = row(lines, "days")
    assert days[10:12] == "★⚑" and days[10 + 19 * 2] == "★"  # week 1: New Year's Day; week 20: 17 May
    assert "Sommersesong 2026" in row(lines, "campaigns")
    assert lines[-1].strip() == "▲ week 47"
    assert all(len(line) <= 118 for line in lines)


def test_the_cursor_and_the_selected_campaign_are_reversed():
    drawn = wheel()
    julebord = next(span for span in drawn.spans if span.event.id == "julebord")
    lines = weeks_lines(drawn, "en", 198, 46, julebord, TODAY)
    heat = next(line for line in lines if line.plain.startswith("posts"))
    assert any("reverse" in style for style in styles_at(heat, "▂▂▂"))
    lane = next(line for line in lines if "Julebordsesongen" in line.plain)
    assert all("reverse" in style for style in styles_at(lane, "Julebordsesongen"))


def test_a_year_without_campaigns_says_how_to_add_one():
    lines = rendered(weeks_lines(wheel(events=[]), "en", 118, 0, None, TODAY), 118)
    assert row(lines, "campaigns").split(None, 1)[1] == "none yet · n adds one"


def test_the_weeks_view_in_bokmal_names_its_rows(monkeypatch):
    from someplan import i18n

    i18n.set_language("nb")
    lines = rendered(weeks_lines(wheel(), "nb", 118, 46, None, TODAY), 118)
    assert row(lines, "uke") and row(lines, "innlegg") and row(lines, "dager") and row(lines, "kampanjer")
    assert lines[-1].strip() == "▲ uke 47"


# -- by month ----------------------------------------------------------------------------------


def test_the_months_view_has_a_row_per_month_and_a_column_per_day():
    lines = rendered(months_lines(wheel(), "en", 118, TODAY, None, TODAY), 118)
    assert len(lines) == 13
    assert lines[0].split() == [str(day) for day in range(1, 32)]
    november = row(lines, "Nov")
    assert november.startswith("Nov   4 ")  # the month's posts
    cells = november[9:]
    assert cells[15 * 3 : 16 * 3].strip() == "2" and cells[17 * 3 : 18 * 3].strip() == "1"  # 16 and 18 Nov
    assert row(lines, "Feb").count("·") == 28


def test_the_months_view_at_80_columns_numbers_every_fifth_day():
    lines = rendered(months_lines(wheel(), "en", 78, TODAY, None, TODAY), 78)
    assert lines[0].split() == ["1", "5", "10", "15", "20", "25", "30"]
    assert all(len(line) <= 9 + 31 * 2 for line in lines)


# -- what the selection holds ------------------------------------------------------------------


def test_the_week_details_spell_out_the_days_and_the_campaigns():
    drawn = wheel()
    julebord = next(span for span in drawn.spans if span.event.id == "julebord")
    lines = rendered(week_details(drawn, 47, julebord, "en", TODAY), 118)
    assert lines[0] == "week 48 · 23–29 Nov  1 post planned · target 13"
    assert lines[1].startswith("Campaigns: ▸ Julebordsesongen (campaign, 13 Nov–19 Dec)  ·    Black Week")
    assert lines[2].strip() == "Fredager og lørdager"
    assert "Wed 25 Nov    1 post" in lines
    assert any(line.startswith("Fri 27 Nov") and "• Black Friday (observance day)" in line for line in lines)
    assert "  ■ Vintersesong  season · 1 Dec 2026–31 Mar 2027 · week 49–13" in lines


def test_the_month_details_name_the_day_its_marks_and_the_month():
    lines = rendered(month_details(wheel(), dt.date(2026, 12, 25), None, "en"), 118)
    assert lines[0].startswith("Friday 25 Dec 2026")
    assert "★ Christmas Day (holiday)" in lines
    assert any(line.startswith("December: ") for line in lines)


def test_the_header_and_the_legend():
    assert rendered(header_text(wheel(), "weeks"), 200) == [
        "Year wheel 2026  ·  53 ISO weeks  ·  4 posts planned  ·  target 13 a week  ·  by week (m: by month)"
    ]
    assert rendered(legend("weeks", 13), 200)[0].endswith("·▂▄▆█ posts against the weekly target")
    assert rendered(legend("weeks", 0), 200)[0].endswith("posts against the busiest week")
    assert rendered(legend("months", 13), 200)[0].startswith("★ holiday  ⚑ flag day  • observance day")


def test_titles_are_text_not_markup():
    events = [Event("x", "[bold red]Salg[/] \x1b[2J", dt.date(2026, 11, 16), dt.date(2026, 11, 20))]
    lines = rendered(weeks_lines(wheel(events=events), "en", 198, 46, None, TODAY), 198)
    assert "[bold red]Salg[/] \\x1b[2J" in "\n".join(lines)


# -- labels, numbers and counts that stay readable (issue 17 item 20) --------------------------

WIDTHS = (78, 118, 198)


def lane_text(lines: list[str]) -> str:
    """The campaign lanes without their label column and the bars' glyphs."""
    lanes = lines[lines.index(row(lines, "campaigns")) : -1]
    text = "\n".join(line[10:] for line in lanes)
    for glyph in "━◂▸":
        text = text.replace(glyph, " ")
    return text


def assert_titles_whole_once_or_marked(lines: list[str], titles: list[str]) -> list[str]:
    """Each title shows at most once; anything else in the lanes is a title cut short with "…".
    Returns the titles shown whole."""
    text, whole = lane_text(lines), []
    for title in sorted(titles, key=len, reverse=True):
        assert text.count(title) <= 1, title
        if title in text:
            whole.append(title)
            text = text.replace(title, " ")
    for piece in re.split(r"(?<=…) |\s{2,}|\n", text):
        piece = piece.strip()
        assert not piece or (piece.endswith("…") and any(t.startswith(piece[:-1]) for t in titles)), piece
    return whole


@pytest.mark.parametrize("width", WIDTHS)
def test_a_lane_label_is_neither_repeated_nor_chopped(width):
    lines = rendered(weeks_lines(wheel(), "en", width, 46, None, TODAY), width)
    whole = assert_titles_whole_once_or_marked(lines, [e.title for e in EVENTS])
    assert {"Black Week", "Vintersesong"} <= set(whole)
    if width > 80:  # at 80 columns a week is one column: a bar of one week has no room around it
        assert "Høstferie" in whole


def test_the_lanes_at_118_columns():
    lines = rendered(weeks_lines(wheel(), "en", 118, 46, None, TODAY), 118)
    lanes = lines[lines.index(row(lines, "campaigns")) : -1]
    assert [line[10:].strip() for line in lanes] == [
        "━ Sommersesong 2026 ━━━━━━━━━━━━━━━━━━     Høstferie Julebordse…",
        "Black Week",
        "Vintersesong ━━━━━━━━━▸",
    ]


def test_a_campaign_of_the_next_year_is_named_once():
    easter = Event("easter", "Påskekampanje 2027", dt.date(2027, 3, 15), dt.date(2027, 3, 28))
    for width in WIDTHS:
        lines = rendered(weeks_lines(wheel(events=[easter], year=2027), "en", width, 10, None, TODAY), width)
        assert assert_titles_whole_once_or_marked(lines, [easter.title]) == [easter.title]


@settings(max_examples=60)
@given(
    st.lists(st.tuples(st.integers(-20, 380), st.integers(0, 120), st.sampled_from(list(EventKind)), st.text("abcæøå", max_size=20)), max_size=6),
    st.sampled_from(WIDTHS),
)
def test_lane_labels_are_whole_once_or_end_in_an_ellipsis(drawn, width):
    events = [
        Event(f"e{n}", f"T{n}{title}", dt.date(2026, 1, 1) + dt.timedelta(days=start),
              dt.date(2026, 1, 1) + dt.timedelta(days=start + days), kind)
        for n, (start, days, kind, title) in enumerate(drawn)
    ]  # fmt: skip
    drawn_wheel = wheel(events=events)
    lines = rendered(weeks_lines(drawn_wheel, "en", width, 0, None, TODAY), width)
    if drawn_wheel.spans:
        assert_titles_whole_once_or_marked(lines, [e.title for e in events])


@settings(max_examples=80)
@given(st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 27)), st.integers(78, 260))
def test_week_numbers_never_run_together(today, width):
    lines = rendered(weeks_lines(wheel(), "en", width, 0, None, today), width)
    numbers = [int(word) for word in row(lines, "week").split()[1:]]
    assert numbers == sorted(set(numbers)) and all(1 <= n <= 53 for n in numbers)
    assert today.isocalendar().week in numbers


def test_this_weeks_number_shows_beside_a_round_one():
    lines = rendered(weeks_lines(wheel(), "en", 118, 0, None, dt.date(2026, 12, 2)), 118)  # week 49
    assert row(lines, "week").split()[-2:] == ["45", "49"]


@pytest.mark.parametrize("width", (78, 118))
def test_a_marked_day_still_shows_its_posts_in_the_months_view(width):
    posts = [dt.date(2026, 12, 25)] * 2 + [dt.date(2026, 11, 27)] + [dt.date(2026, 5, 17)] * 12
    drawn = wheel(posts=posts)
    cell = month_cell(width)
    lines = months_lines(drawn, "en", width, TODAY, None, TODAY)
    shown = rendered(lines, width)

    def day(month: str, number: int) -> str:
        return row(shown, month)[9 + (number - 1) * cell : 9 + number * cell - 1]

    if cell >= 3:  # room for both
        assert (day("Dec", 25), day("Nov", 27), day("May", 17)) == ("★2", "•1", "★+")
    else:  # the count, in the colour of the day's mark
        assert (day("Dec", 25), day("Nov", 27), day("May", 17)) == ("2", "1", "+")
        december = lines[12]
        assert any("#e5484d" in style for style in styles_at(december, "2", after=9 + 24 * cell))


def test_the_drawing_needs_no_textual():
    import subprocess
    import sys

    code = "import sys, someplan.tui.year_wheel_render; print('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
