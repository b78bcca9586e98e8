"""The week or month plan as Markdown and HTML, and the CSV of posts: content, language, and
hostile text that must stay text (markup, HTML, spreadsheet formulas, newlines)."""

import csv
import datetime as dt
import html.parser
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from someplan import i18n
from someplan.domain.category import Category
from someplan.domain.channel import Channel, Network
from someplan.domain.event import Event, EventKind
from someplan.domain.post import Post, Status
from someplan.domain.weeks import IsoWeek
from someplan.services.calendar_data import days_between
from someplan.services.exports.common import Names, clean, one_line
from someplan.services.exports.digest import Period, build_digest
from someplan.services.exports.html import digest_html
from someplan.services.exports.markdown import digest_markdown, md
from someplan.services.exports.posts_csv import guard, posts_csv
from someplan.services.exports.run import ExportRequest, prepare
from someplan.services.user_input import parse_month

HOSTILE = [
    "<script>alert('x')</script>",
    "[klikk her](javascript:alert(1))",
    "a | b | c",
    "**fet** _kursiv_ `kode` ~~borte~~",
    "linje 1\nlinje 2",
    "=HYPERLINK(\"http://evil.example\",\"klikk\")",
    "+47 99 88 77 66",
    "-20 % på alt",
    "@kari",
    "# ikke en overskrift",
    "&amp; &lt;b&gt;",
    "\x1b[31mrødt\x1b[0m",
]
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "section", "table", "thead", "tbody",
                "tr", "th", "td", "span", "strong", "footer"}  # fmt: skip


FACEBOOK = Channel("fb", "Facebook", Network.FACEBOOK, target_per_week=3)
CATEGORY = Category("cat", "ansatte", "#e4572e")
WEEK = IsoWeek(2026, 52)  # 21–27 Dec 2026: julaften, 1. juledag, 2. juledag


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def hostile_posts() -> list[Post]:
    return [Post(f"p{i}", title=title, caption=title, channel="fb", category="cat",
                 date=WEEK.monday + dt.timedelta(days=i % 7), time=dt.time(9, 0) if i % 2 else None,
                 status=Status.DRAFT, notes=title) for i, title in enumerate(HOSTILE)]  # fmt: skip


def digest(posts, locale="en", period=None, events=()):
    period = period or Period.week(WEEK)
    calendar = days_between(period.first, period.last, locale)
    return build_digest("Solvik <Hotell>", period, posts, Names.of([FACEBOOK], [CATEGORY]), [FACEBOOK], events, calendar, locale)


def test_markdown_of_a_week_lists_every_day_with_holidays_campaigns_and_the_load():
    posts = [Post("a", title="Julehilsen", channel="fb", category="cat", date=dt.date(2026, 12, 24), time=dt.time(10, 0),
                  status=Status.READY)]  # fmt: skip
    events = [Event("e", "Juleuka", dt.date(2026, 12, 21), dt.date(2026, 12, 31), EventKind.CAMPAIGN)]
    text = digest_markdown(digest(posts, events=events))
    assert text.splitlines()[0] == "<!-- someplan export -->"
    assert "# Solvik \\<Hotell\\> · week 52 · 21–27 Dec 2026" in text
    assert "**Campaigns and seasons:** Juleuka (21–31 Dec)" in text
    for day in ("Monday 21 Dec", "Thursday 24 Dec", "Sunday 27 Dec"):
        assert f"## {day}" in text
    assert "*Christmas Day (public holiday, flag day)*" in text and "*Juleuka starts*" in text
    assert "| 10:00 | Facebook | ansatte | ready | Julehilsen |" in text
    assert "| Facebook | 1 / 3 |" in text
    assert text.count("No posts.") == 6


def test_markdown_in_bokmal():
    i18n.set_language("nb")
    text = digest_markdown(digest([Post("a", title="Hei", channel="fb", date=dt.date(2026, 12, 21), status=Status.IDEA)], "nb"))
    assert "uke 52 · 21.–27. des 2026" in text and "## mandag 21. des" in text
    assert "| Tid | Kanal | Kategori | Status | Tittel |" in text and "| idé | Hei |" in text
    assert "Første juledag (helligdag, flaggdag)" in text and "## Planlagt mot mål" in text and "Ingen innlegg." in text


def test_hostile_titles_cannot_break_the_markdown_table():
    text = digest_markdown(digest(hostile_posts()))
    rows = [line for line in text.splitlines() if line.startswith("| ") and "| ansatte |" in line]
    assert len(rows) == len(HOSTILE)
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 6  # five cells, whatever the title holds
    assert "\\<script\\>" in text and "<script>" not in text
    assert "\\[klikk her\\](javascript:alert(1))" in text and "\\*\\*fet\\*\\* \\_kursiv\\_ \\`kode\\` \\~\\~borte\\~\\~" in text
    assert "linje 1 linje 2" in text and "\\&amp; \\&lt;b\\&gt;" in text
    assert "\x1b" not in text and "\\\\x1b\\[31mrødt" in text
    assert md("a|b") == "a\\|b"


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_standalone_and_escapes_every_user_text():
    page = digest_html(digest(hostile_posts()))
    parsed = _Collector()
    parsed.feed(page)
    tags = {tag for tag, _ in parsed.tags}
    assert tags <= ALLOWED_TAGS
    assert "script" not in tags and "<script>" not in page and "&lt;script&gt;" in page
    assert not any(tag in ("link", "img") or "src" in attrs or "href" in attrs for tag, attrs in parsed.tags)  # nothing outside
    text = "".join(parsed.text)
    for title in HOSTILE:
        assert " ".join(title.split()).replace("\x1b", "\\x1b") in text
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page and 'lang="en"' in page
    assert '<span class="swatch" style="background:#e4572e">' in page


def test_html_uses_only_hex_colours():
    bad = Category("bad", "x", 'red;background:url("http://evil.example/")')
    names = Names.of([FACEBOOK], [bad])
    period = Period.week(WEEK)
    posts = [Post("a", title="t", channel="fb", category="bad", date=WEEK.monday)]
    made = build_digest("W", period, posts, names, [FACEBOOK], (), (), "en")  # fmt: skip
    page = digest_html(made)
    assert "evil" not in page and "swatch" not in page.split("</style>")[1]


def test_a_month_lists_only_days_with_something_and_the_load_per_week(catalog):
    result = prepare(catalog, ExportRequest("markdown", Period.month(2026, 12)), dt.date(2026, 11, 18))
    text = result.data.decode()
    assert "· December 2026" in text.splitlines()[1] or "· desember 2026" in text.splitlines()[1]
    assert "No posts." not in text or "(public holiday" in text
    header = next(line for line in text.splitlines() if line.startswith("| Channel | week"))
    assert header.count("week") == 5  # weeks 49–53 touch December 2026
    assert result.default_name.startswith("someplan-plan-2026-12-") and result.default_name.endswith(".md")


def test_a_month_shows_its_own_posts_and_counts_whole_weeks_in_the_load(catalog):
    """December 2026 starts on a Tuesday: its posts are December's, but the week 49 column of
    the planned-vs-target table counts Monday 30 November too, and every status."""
    from someplan.services.planning import add_post

    channel_id = catalog.channels()[0].id
    add_post(catalog, Post("", title="Mandag før desember", channel=channel_id, date=dt.date(2026, 11, 30), status=Status.IDEA))
    result = prepare(catalog, ExportRequest("markdown", Period.month(2026, 12), statuses=("draft",)), dt.date(2026, 11, 18))
    posts = catalog.posts()
    december = [p for p in posts if p.date and (p.date.year, p.date.month) == (2026, 12) and p.status is Status.DRAFT]
    assert result.count == len(december) > 0
    lines = result.data.decode().splitlines()
    header = lines.index(next(line for line in lines if line.startswith("| Channel | week 49")))
    rows = [line.strip("| ").split(" | ") for line in lines[header + 2:] if line.startswith("| ")]
    week = IsoWeek(2026, 49)
    for channel in catalog.channels():
        cells = next(row for row in rows if row[0] == channel.name)
        planned = len([p for p in posts if p.channel == channel.id and p.date in week])
        assert cells[1].split(" / ")[0] == str(planned)


def test_html_and_markdown_of_the_sample_week_hold_the_same_posts(catalog):
    request = dict(period=Period.week(IsoWeek(2026, 48)))
    page = prepare(catalog, ExportRequest("html", **request), dt.date(2026, 11, 18))
    text = prepare(catalog, ExportRequest("markdown", **request), dt.date(2026, 11, 18))
    week = [p for p in catalog.posts() if p.date in IsoWeek(2026, 48)]
    assert page.count == text.count == len(week) > 0
    assert page.data.decode().count('<td class="time">') == len(week)


# -- CSV of posts ---------------------------------------------------------------------------------


def read_csv(data: bytes, delimiter=","):
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_csv_guards_against_formulas_and_keeps_text_whole():
    rows = read_csv(posts_csv(hostile_posts(), Names.of([FACEBOOK], [CATEGORY])))
    header, body = rows[0], rows[1:]
    assert len(body) == len(HOSTILE) and all(len(row) == len(header) for row in body)
    titles = {row[header.index("title")] for row in body}
    assert "'=HYPERLINK(\"http://evil.example\",\"klikk\")" in titles
    assert {"'+47 99 88 77 66", "'-20 % på alt", "'@kari", "linje 1\nlinje 2"} <= titles
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or cell[:1].isdigit()
    assert guard("=1+1") == "'=1+1" and guard("Kari") == "Kari"


def test_csv_of_the_sample_has_every_post_its_figures_and_norwegian_letters(catalog):
    result = prepare(catalog, ExportRequest("csv", delimiter=","), dt.date(2026, 11, 18))
    rows = read_csv(result.data)
    header, body = rows[0], rows[1:]
    assert len(body) == len(catalog.posts()) == result.count
    by_id = {row[header.index("id")]: row for row in body}
    published = next(p for p in catalog.posts() if p.title == "Møt Lise, husøkonomen vår" and p.reach)
    row = by_id[published.id]
    assert row[header.index("title")] == "Møt Lise, husøkonomen vår"
    assert row[header.index("reach")] == str(published.reach) and row[header.index("week")] == str(
        published.date.isocalendar().week
    )
    assert "." in row[header.index("reach rate %")]
    assert any(row[header.index("date")] == "" for row in body)  # the undated ideas are there too
    earned = next(p for p in catalog.posts() if p.title == "Gjestens nordlysbilde fra brygga")
    assert [by_id[earned.id][header.index(name)] for name in ("format", "surface", "purpose", "permission until")] == [
        "image", "earned", "omdømme", "2026-12-15"]
    assert {row[header.index("surface")] for row in body} == {"owned", "earned", "paid"}


def test_csv_in_bokmal_uses_semicolons_and_decimal_commas(catalog, monkeypatch):
    i18n.set_language("nb")
    result = prepare(
        catalog, ExportRequest("csv", period=Period(dt.date(2026, 9, 1), dt.date(2026, 9, 30))), dt.date(2026, 11, 18)
    )
    rows = read_csv(result.data, ";")
    header = rows[0]
    assert header[:4] == ["id", "dato", "uke", "ukedag"] and "rekkeviddegrad %" in header
    rate = rows[1][header.index("rekkeviddegrad %")]
    assert "," in rate and "." not in rate
    assert all(dt.date(2026, 9, 1) <= dt.date.fromisoformat(row[1]) <= dt.date(2026, 9, 30) for row in rows[1:])
    assert result.default_name.startswith("someplan-posts-2026-09-01_2026-09-30-")


def test_months_are_read_in_both_languages():
    today = dt.date(2026, 11, 18)
    for text in ("2026-12", "12", "12.2026", "des", "desember", "December 2026", "dec"):
        assert Period.month(*parse_month(text, today)) == Period(dt.date(2026, 12, 1), dt.date(2026, 12, 31), "month"), text
    assert Period.month(*parse_month("feb 2028", today)).last == dt.date(2028, 2, 29)


# -- invariants ------------------------------------------------------------------------------------


@given(st.text())
def test_markdown_escaping_leaves_no_active_character(text):
    escaped = md(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert not re.search(r"(?<!\\)(?:\\\\)*[`*_\[\]<>|~&]", escaped)


@given(st.text())
def test_a_csv_cell_reads_back_as_written_and_never_as_a_formula(title):
    post = Post("p", title=title, channel="fb", date=dt.date(2026, 11, 23))
    rows = read_csv(posts_csv([post], Names.of([FACEBOOK], [CATEGORY])))
    cell = rows[1][rows[0].index("title")]
    assert cell == guard(clean(title))
    assert not cell.startswith(("=", "+", "-", "@"))


@given(st.text())
def test_no_title_adds_markup_to_the_html(title):
    page = digest_html(digest([Post("p", title=title, channel="fb", date=WEEK.monday, time=dt.time(9, 0))]))
    parsed = _Collector()
    parsed.feed(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    shown = one_line(title)
    if shown:
        assert shown in "".join(parsed.text)
