"""The year wheel as an SVG picture: where days lie on the circle, what is drawn, and hostile
text that must stay text."""

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from someplan import i18n
from someplan.domain.event import Event, EventKind
from someplan.domain.norwegian_calendar import CalendarDay
from someplan.domain.year_wheel import year_wheel
from someplan.services.exports.wheel_svg import Geometry, fit, wheel_svg, x
from tests.services.document_checks import check_svg

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = st.text(alphabet=st.sampled_from(list("<>&\"'];]]>\x00\x01\x1b\x7f\ufffe\ud800 abcæøå/\n\t")), max_size=40)


@pytest.fixture(autouse=True)
def _norwegian():
    i18n.set_language("nb")
    yield
    i18n.set_language("en")


def wheel(year=2027, posts=(), events=(), days=(), target=0):
    return year_wheel(year, posts, events, days, target)


def test_the_circle_starts_at_the_top_on_the_wheels_first_day_and_goes_clockwise():
    w = wheel()
    geo = Geometry.of(w, 0, 0)
    assert geo.angle(w.first) == 0
    assert geo.angle(w.last + dt.timedelta(days=1)) == pytest.approx(2 * math.pi)
    x0, y0 = geo.point(10, geo.angle(w.first))
    assert (round(x0, 6), round(y0, 6)) == (0, -10)  # the top
    quarter = w.first + dt.timedelta(days=geo.days // 4)
    xq, _ = geo.point(10, geo.angle(quarter))
    assert xq > 9  # a quarter of the way round lies at the right: clockwise


def test_a_sector_over_more_than_half_the_circle_takes_the_large_arc():
    geo = Geometry(dt.date(2027, 1, 1), 100, 0, 0)
    assert " 0 1 1 " in geo.sector(10, 20, 0, 4)
    assert " 0 0 1 " in geo.sector(10, 20, 0, 1)


def test_fit_cuts_with_an_ellipsis_or_leaves_a_name_out_when_nothing_fits():
    assert fit("Jul", 100, 10) == "Jul"
    assert fit("Julebordsesongen", 58, 10).endswith("…") and len(fit("Julebordsesongen", 58, 10)) <= 10
    assert fit("Julebordsesongen", 15, 10) == ""


def test_months_weeks_marks_bars_campaigns_and_today_are_drawn():
    events = [Event("a", "Julebord", dt.date(2027, 11, 12), dt.date(2027, 12, 18), EventKind.SEASON),
              Event("b", "Black Week", dt.date(2027, 11, 22), dt.date(2027, 11, 29))]  # fmt: skip
    days = [CalendarDay(dt.date(2027, 5, 17), "Grunnlovsdag", "holiday"),
            CalendarDay(dt.date(2027, 2, 14), "Valentinsdag", "observance")]  # fmt: skip
    posts = [dt.date(2027, 3, 1)] * 3 + [dt.date(2027, 3, 9)]
    text = wheel_svg(wheel(posts=posts, events=events, days=days, target=2), "nb", dt.date(2027, 3, 2), "Solvik")
    root = check_svg(text)
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "januar" in texts and "desember" in texts
    assert [str(n) for n in range(1, 53)] == [t for t in texts if t and t.isdigit() and len(t) <= 2]
    assert "i dag" in texts and "2027" in texts and "Solvik" in texts
    titles = [t.text for t in root.iter(SVG + "title")]
    assert "Julebord" in titles and "Black Week" in titles and "Grunnlovsdag" in titles and "3" in titles
    assert any("Julebord · " in (t or "") for t in texts)  # the legend lists it with its dates
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!-- someplan export -->')


def test_today_outside_the_wheel_is_not_marked_and_the_inline_form_has_no_declaration():
    text = wheel_svg(wheel(), "en", dt.date(2030, 1, 1), standalone=False)
    root = check_svg(text)
    assert text.startswith("<svg ") and "today" not in [t.text for t in root.iter(SVG + "text")]
    assert "January" in [t.text for t in root.iter(SVG + "text")]


@settings(max_examples=60, deadline=None)
@given(HOSTILE, HOSTILE, HOSTILE)
def test_hostile_text_stays_text(title, campaign, day_name):
    events = [Event("a", campaign, dt.date(2027, 4, 1), dt.date(2027, 6, 30))]
    days = [CalendarDay(dt.date(2027, 5, 1), day_name, "flag_day")]
    text = wheel_svg(wheel(events=events, days=days), "nb", None, title)
    root = check_svg(text)  # well-formed whatever was typed
    assert not any(e.tag.endswith("script") for e in root.iter())
    for bad in ("\x00", "\x1b", "\x7f", "\ufffe"):
        assert bad not in text


def test_x_escapes_markup_quotes_and_control_characters():
    assert x("<script>\"'&]]>\x1b") == "&lt;script&gt;&quot;&#39;&amp;]]&gt;\\x1b"


def test_the_picture_draws_the_planners_wheel_of_the_workspace(catalog):
    from someplan.services.year_wheel import build_year_wheel

    planner = build_year_wheel(catalog, 2026, "nb")
    root = check_svg(wheel_svg(planner, "nb", dt.date(2026, 11, 18), catalog.name()))
    bars = [int(p.find(SVG + "title").text) for p in root.iter(SVG + "path")
            if p.find(SVG + "title") is not None and p.find(SVG + "title").text.isdigit()]  # fmt: skip
    assert bars == [row.posts for row in planner.weeks if row.posts] and sum(bars) > 0
    spans = [p.find(SVG + "title").text for p in root.iter(SVG + "path")
             if p.find(SVG + "title") is not None and not p.find(SVG + "title").text.isdigit()]  # fmt: skip
    assert spans == [span.event.title for span in planner.spans]
    marks = [c for c in root.iter() if c.tag in (SVG + "circle", SVG + "rect") and c.find(SVG + "title") is not None]
    assert len(marks) == len(planner.marks_by_day)


def test_the_wheels_styles_reach_only_the_wheel_and_only_the_file_of_its_own_sets_a3():
    inline = wheel_svg(wheel(), "nb", None, "Solvik", standalone=False)
    style = check_svg(inline).find(SVG + "style").text
    rules = [rule.split("{")[0] for rule in style.split("}") if "{" in rule]
    assert rules and all(rule.startswith(".wheel-svg") for rule in rules) and "@page" not in inline
    assert "@page{size:A3 landscape" in wheel_svg(wheel(), "nb", None, "Solvik")
