"""The report of a month, a quarter or a year: periods, figures from the sample workspace, the
HTML document (self-contained, hostile text escaped) and its thumbnails."""

import base64
import datetime as dt
import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from someplan import i18n
from someplan.domain.figures_stats import GroupFigures
from someplan.services.errors import UserError
from someplan.services.exports.digest import Period
from someplan.services.exports.report_html import report_html
from someplan.services.report import (
    ChannelPlan,
    Follows,
    GoalLine,
    IdeaLine,
    Rates,
    Report,
    ReportPost,
    build_report,
    last_whole_month,
    parse_quarter,
    parse_year,
    period_label,
    period_slug,
    previous,
    quarter,
)  # fmt: skip
from someplan.services.report_file import write_report
from someplan.services.report_thumbnails import Thumbnails
from tests.services.document_checks import check_html

TODAY = dt.date(2026, 11, 18)
HOSTILE = st.text(alphabet=st.sampled_from(list("<>&\"'];]]>\x00\x01\x1b\x7f\u2028 abcæøå/\n\t")), max_size=30)


@pytest.fixture(autouse=True)
def _norwegian(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    i18n.set_language("nb")
    yield
    i18n.set_language("en")


def test_quarters_are_read_in_the_usual_ways():
    for text in ("2026-Q4", "2026 q4", "Q4", "q4 2026", "4. kvartal 2026", "4. kv."):
        assert parse_quarter(text, TODAY) == quarter(2026, 4) == Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31), "quarter")
    for text in ("Q5", "2026-Q0", "kvartal", ""):
        with pytest.raises(UserError):
            parse_quarter(text, TODAY)
    assert parse_year("2025") == Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year")
    with pytest.raises(UserError):
        parse_year("26x")


def test_the_previous_period_is_of_the_same_kind_and_the_default_is_the_last_whole_month():
    assert previous(Period.month(2026, 1)) == Period.month(2025, 12)
    assert previous(quarter(2026, 1)) == quarter(2025, 4)
    assert previous(parse_year("2026")) == parse_year("2025")
    assert previous(Period(dt.date(2026, 3, 1), dt.date(2026, 3, 10))) == Period(dt.date(2026, 2, 19), dt.date(2026, 2, 28))
    assert last_whole_month(TODAY) == Period.month(2026, 10)
    assert last_whole_month(dt.date(2026, 1, 1)) == Period.month(2025, 12)


def test_labels_and_slugs_in_both_languages():
    assert period_label(quarter(2026, 4), "nb") == "4. kvartal 2026"
    assert period_slug(quarter(2026, 4)) == "2026-q4" and period_slug(Period.month(2026, 10)) == "2026-10"
    i18n.set_language("en")
    assert period_label(quarter(2026, 4), "en") == "Q4 2026"


def test_the_sample_workspaces_october_against_september(catalog):
    report = build_report(catalog, Period.month(2026, 10), TODAY)
    assert (report.now.posts, report.before.posts) == (44, 32)
    assert report.label == "oktober 2026" and report.previous_label == "september 2026"
    assert [g.name for g in report.weeks] == ["uke 40", "uke 41", "uke 42", "uke 43", "uke 44"]
    key = lambda p: (p.title, p.day, p.channel)  # noqa: E731
    assert len(report.top) == len(report.bottom) == 3 and {key(p) for p in report.top}.isdisjoint(map(key, report.bottom))
    top_rates = [p.engagement_rate for p in report.top]
    assert top_rates == sorted(top_rates, reverse=True) and min(top_rates) >= max(p.engagement_rate for p in report.bottom)
    assert sum(row.published for row in report.plan) == 44 and all(row.planned >= row.published for row in report.plan)
    assert report.follows and all(f.after >= f.before for f in report.follows)
    assert {g.name for g in report.by_format} >= {"bilde", "video", "lenke"} and sum(g.posts for g in report.by_format) == 44
    assert report.goals is None and report.ideas is None  # the seams, empty
    assert any(p.thumbnail for p in report.reuse + report.top + report.bottom)
    text = report_html(report)
    checker = check_html(text)
    assert "img" in checker.tags and "svg" in checker.tags
    assert "Rapport oktober 2026" in text and "Årshjul 2026" in text and "@page" in text


def test_the_report_is_written_like_an_export_and_replaces_its_own_file(catalog):
    report, path = write_report(catalog, None, TODAY)
    assert path.parent.name == "exports" and path.name.startswith("someplan-report-2026-10-") and path.suffix == ".html"
    again, path_again = write_report(catalog, None, TODAY)
    assert path_again == path and len(list(path.parent.iterdir())) == 1
    check_html(path.read_text(encoding="utf-8"))


def test_in_english_the_report_speaks_english(catalog):
    i18n.set_language("en")
    text = report_html(build_report(catalog, quarter(2026, 4), TODAY))
    check_html(text)
    assert "Report Q4 2026" in text and "Year wheel 2026" in text and "Reach rate" in text and 'lang="en"' in text


def _report(title: str, name: str, other: str) -> Report:
    post = ReportPost(title, dt.date(2026, 10, 5), name, other, 12.5, None, None)
    groups = (GroupFigures(name, 2, 10.0, None), GroupFigures(other, 1, None, 3.0))
    return Report(
        workspace=name, locale="nb", period=Period.month(2026, 10), label=title, previous_label=other, made=TODAY,
        now=Rates(2, 10.0, 3.0), before=Rates(0, None, None), weeks=groups, by_category=groups, by_channel=groups,
        by_format=groups, top=(post,), bottom=(post,), plan=(ChannelPlan(name, 3, 2, 1),), reuse=(post,),
        follows=(Follows(other, 10, 12),), wheel_svg="<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
        goals=(GoalLine(title, name, other, True),), ideas=(IdeaLine(name, TODAY, title, other),),
    )  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(HOSTILE, HOSTILE, HOSTILE)
def test_hostile_text_stays_text_everywhere_in_the_html(title, name, other):
    text = report_html(_report(title, name, other))
    checker = check_html(text)
    assert "script" not in checker.tags
    for bad in ("\x00", "\x01", "\x1b", "\x7f", "\u2028"):
        assert bad not in text


def test_thumbnails_only_from_inside_the_asset_folder(tmp_path):
    root = tmp_path / "assets"
    root.mkdir()
    Image.new("RGB", (800, 400), (200, 40, 40)).save(root / "big.jpg")
    Image.new("RGBA", (50, 50), (0, 0, 0, 0)).save(root / "clear.png")
    (root / "notes.txt").write_text("not a picture")
    outside = tmp_path / "secret.png"
    Image.new("RGB", (10, 10)).save(outside)
    os.symlink(outside, root / "link.png")
    from someplan.domain.post import Post

    thumbs = Thumbnails(root)
    uri = thumbs(Post("p", assets=("notes.txt", "big.jpg")))
    assert uri.startswith("data:image/jpeg;base64,")
    with Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))) as image:
        assert image.format == "JPEG" and max(image.size) <= 160
    assert thumbs(Post("q", assets=("clear.png",))).startswith("data:image/jpeg")
    for refs in (("../secret.png",), (str(outside),), ("link.png",), ("missing.jpg",), ()):
        assert thumbs(Post("r", assets=refs)) is None, refs
    assert Thumbnails(None)(Post("s", assets=("big.jpg",))) is None


def test_a_crowded_axis_shows_the_week_numbers_only():
    from someplan.services.exports.charts_svg import column_chart, nice_top

    weeks = [(f"uke {n}", float(n)) for n in range(1, 53)]
    root = check_html("<!DOCTYPE html><html><body>" + column_chart(weeks, "Rekkeviddegrad") + "</body></html>")
    assert "uke 1<" not in column_chart(weeks, "x") and ">1<" in column_chart(weeks, "x") and ">5<" in column_chart(weeks, "x")
    assert "uke 1<" in column_chart(weeks[:5], "x")
    assert root.open == [] and [nice_top(v) for v in (0, 0.7, 3, 7.2, 51.4)] == [1.0, 1.0, 5, 10, 100]


def test_hostile_names_from_the_workspace_stay_text(catalog):
    from someplan.domain.post import Post, Status
    from someplan.services import planning

    hostile = "<script>alert('x')</script>\"]]>\x1b[2J"
    channel = catalog.channels()[0]
    planning.add_post(catalog, Post("", title=hostile, channel=channel.id, date=dt.date(2026, 10, 14), status=Status.PUBLISHED,
                                    reach=5000, reactions=4000, followers=5000, assets=("../../etc/passwd",)))  # fmt: skip
    report = build_report(catalog, Period.month(2026, 10), TODAY)
    assert report.top[0].title.startswith("<script>") and report.top[0].thumbnail is None
    text = report_html(report)
    checker = check_html(text)
    assert "script" not in checker.tags and "<script>" not in text and "\x1b" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;]]&gt;\\x1b[2J" in text


def test_a_period_without_posts_still_makes_a_whole_report(catalog):
    report = build_report(catalog, parse_year("2030"), TODAY)
    assert report.now == Rates(0, None, None) and report.top == report.bottom == () and report.follows == ()
    text = report_html(report)
    check_html(text)
    assert "Årshjul 2030" in text


def test_the_mix_shares_the_published_posts_by_category_and_funnel_stage(catalog):
    from someplan.services.report import Share, mix

    assert mix(["a", "b", "a", None]) == (Share("a", 2, 50.0), Share("b", 1, 25.0))
    assert mix([]) == ()
    report = build_report(catalog, Period.month(2026, 10), TODAY)
    assert sum(s.posts for s in report.mix_categories) == report.now.posts == 44
    assert sum(s.share for s in report.mix_categories) == pytest.approx(100)
    assert [s.posts for s in report.mix_categories] == sorted((s.posts for s in report.mix_categories), reverse=True)
    text = report_html(report)
    check_html(text)
    assert "Miksen: andel av de publiserte innleggene" in text


def test_the_format_chart_groups_the_posts_that_know_their_format():
    from someplan.domain.figures_stats import RatedPost
    from someplan.domain.post import Post, PostFormat
    from someplan.services.report import by_format, post_format

    i18n.set_language("nb")
    assert post_format(Post("a", format=PostFormat.CAROUSEL)) == "karusell" and post_format(Post("b")) is None
    i18n.set_language("en")
    rated = [RatedPost(Post("a", format=PostFormat.REEL), "Facebook", "", 50.0, 10.0, ""),
             RatedPost(Post("b", format=PostFormat.REEL), "Facebook", "", 30.0, 6.0, ""),
             RatedPost(Post("c"), "Facebook", "", 10.0, 1.0, "")]  # fmt: skip
    [reel] = by_format(rated, post_format)
    assert (reel.name, reel.posts, reel.reach_rate, reel.engagement_rate) == ("reel", 2, 40.0, 8.0)
