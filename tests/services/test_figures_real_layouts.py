"""Imports of fixtures shaped like the exports people really download (issue 14).

Each fixture's numbers are read here straight from the file (csv / openpyxl), not through the
importer, and compared with what the import stored.
"""

import csv
import datetime as dt
import io

import openpyxl
import pytest

from someplan.services.catalog import Catalog
from someplan.services.errors import UserError
from someplan.services.figures.importer import import_file, plan_import
from someplan.services.figures.sources import META_ZONE
from someplan.store.workspace import Workspace

from .conftest import DATA

BLACK_WEEK_FB = "01m823v2qraekm6kxqs946d6fs"
SISTE_LEDIGE_FB = "01m823v2qg6e8asbwkt1xnv524"
AHMED_FB = "01m823v2qx65m6m975dd4c7cbc"
JULEBORD_BOOKE_LI = "01m823v2k9p76q3v1tkhj4skmd"
RESEPSJONIST_LI = "01m823v2knw9d9050fdfprbgw9"
KONFERANSE_LI = "01m823v2mpx2v8w9emmm3576d0"
MILJO_LI = "01m823v2j7naj6zsbm0zf9s87s"
KARI_FB = "01m823v2p0wv7yk0rmecxs4efm"


def reopen(path) -> Catalog:
    return Catalog(Workspace.open(path))


def csv_rows(name, encoding="utf-8-sig"):
    return list(csv.DictReader(io.StringIO((DATA / name).read_bytes().decode(encoding), newline="")))


def number(text) -> int:
    return int(str(text).replace(",", ""))


def sheet_rows(name, sheet, header_row):
    book = openpyxl.load_workbook(DATA / name, data_only=True)
    rows = list(book[sheet].iter_rows(values_only=True))
    header = rows[header_row - 1]
    return [dict(zip(header, row, strict=False)) for row in rows[header_row:]]


def test_meta_times_are_us_pacific_and_stored_in_the_workspace_zone(catalog):
    plan = plan_import(catalog, DATA / "meta_facebook_posts.csv")
    assert (plan.zone, plan.zone_why, plan.stored_zone) == (META_ZONE, "meta", "Europe/Oslo")
    assert plan.times[0] == (2, "11/10/2026 10:04", "2026-11-10 19:04")
    assert plan.matched == 3  # the planned 19:00 Oslo posts are found at 10:04 Pacific


def test_source_tz_overrides_and_an_unknown_zone_is_refused(catalog):
    plan = plan_import(catalog, DATA / "meta_facebook_posts.csv", source_tz="Europe/Oslo")
    assert plan.times[0] == (2, "11/10/2026 10:04", "2026-11-10 10:04") and plan.zone_why == "given"
    with pytest.raises(UserError, match="unknown time zone"):
        plan_import(catalog, DATA / "meta_facebook_posts.csv", source_tz="Mars/Olympus")


def test_an_explicit_offset_always_wins(catalog, sample_copy, tmp_path):
    path = tmp_path / "graph.csv"
    path.write_text("id,created_time,message,reach\n111_222,2025-02-16T11:30:46+0000,Vinterferie på Solvik,870\n", encoding="utf-8")
    plan = import_file(catalog, path, channel="Facebook", mapping={"external_id": "id", "published": "created_time",
                                                                   "caption": "message", "reach": "reach"})  # fmt: skip
    assert plan.created == 1
    post = next(p for p in reopen(sample_copy).posts() if p.external_id == "facebook:111_222")
    assert (post.date, post.time) == (dt.date(2025, 2, 16), dt.time(12, 30))  # 11:30 UTC is 12:30 in Oslo


def test_photo_permalinks_math_bold_and_a_title_inside_the_published_text(catalog, sample_copy):
    plan = plan_import(catalog, DATA / "meta_facebook_photos.csv")
    assert [(m.row.line, m.outcome.value, m.post_id, m.how) for m in plan.matches] == [
        (2, "matched", BLACK_WEEK_FB, "time and title"),
        (3, "matched", SISTE_LEDIGE_FB, "time and title"),
        (4, "new", None, ""),
    ]  # three photo.php permalinks of one album: three posts, no duplicates
    import_file(catalog, DATA / "meta_facebook_photos.csv")
    fresh = reopen(sample_copy)
    for row, post_id in zip(csv_rows("meta_facebook_photos.csv"), (BLACK_WEEK_FB, SISTE_LEDIGE_FB), strict=False):
        post = fresh.post(post_id)
        assert (post.reach, post.views, post.reactions, post.clicks) == tuple(
            number(row[k]) for k in ("Reach", "Views", "Reactions", "Total clicks"))
        assert post.permalink == row["Permalink"] and post.status.value == "published"
    black_week = fresh.post(BLACK_WEEK_FB)
    assert black_week.time == dt.time(12, 2)  # published, not planned, time
    new = next(p for p in fresh.posts() if p.external_id.endswith("_913"))
    assert new.title == "Kveldsstemning ved fjorden"  # a tab in a title is a space


def test_old_facebook_insights_export_without_a_mapping(catalog, sample_copy):
    plan = plan_import(catalog, DATA / "facebook_insights_posts_old.csv")
    assert plan.format == "Facebook Insights, posts (old layout)" and plan.errors == []
    assert [(m.row.line, m.outcome.value, m.post_id) for m in plan.matches] == [(3, "matched", AHMED_FB), (4, "new", None)]
    import_file(catalog, DATA / "facebook_insights_posts_old.csv")
    fresh = reopen(sample_copy)
    rows = csv_rows("facebook_insights_posts_old.csv")[1:]  # under the header: a row of descriptions
    ahmed = fresh.post(AHMED_FB)
    assert ahmed.reach == number(rows[0]["Lifetime Post Total Reach"])
    assert ahmed.views == number(rows[0]["Lifetime Post Total Impressions"])
    assert ahmed.reactions == number(rows[0]["Lifetime Talking About This (Post) by action type - like"])
    assert ahmed.comments == number(rows[0]["Lifetime Talking About This (Post) by action type - comment"])
    assert ahmed.time == dt.time(19, 1)
    midnight = next(p for p in fresh.posts() if p.external_id.endswith("_922"))
    assert (midnight.date, midnight.time) == (dt.date(2026, 11, 26), dt.time(9, 0))  # 00:00 Pacific keeps its time


def test_linkedin_2025_impressions_are_views_and_a_boosted_post_is_its_total(catalog, sample_copy):
    plan = plan_import(catalog, DATA / "linkedin_posts_2025.xlsx")
    assert plan.format == "LinkedIn page analytics, posts" and plan.zone == "UTC" and plan.errors == []
    assert [(m.row.line, m.outcome.value, m.post_id) for m in plan.matches] == [
        (3, "matched", JULEBORD_BOOKE_LI), (6, "matched", RESEPSJONIST_LI)]  # Organic, Sponsored and Total: one post
    import_file(catalog, DATA / "linkedin_posts_2025.xlsx")
    rows = sheet_rows("linkedin_posts_2025.xlsx", "All posts", 2)
    total = next(r for r in rows if r["Post type"] == "Total")
    organic = next(r for r in rows if r["Post type"] == "Organic")
    paid = next(r for r in rows if r["Post type"] == "Sponsored")
    fresh = reopen(sample_copy)
    post = fresh.post(JULEBORD_BOOKE_LI)
    assert (post.views, post.clicks, post.reactions) == (total["Impressions"], total["Clicks"], total["Likes"])
    doc = fresh.workspace.view("posts")[JULEBORD_BOOKE_LI]
    assert doc["organic"]["views"] == organic["Impressions"] and doc["paid"]["views"] == paid["Impressions"]
    assert fresh.post(RESEPSJONIST_LI).views == rows[-1]["Impressions"]


def test_linkedin_2020_serial_dates(catalog, sample_copy):
    plan = plan_import(catalog, DATA / "linkedin_update_engagement_2020.xlsx")
    assert plan.errors == [] and [(m.outcome.value, m.post_id) for m in plan.matches] == [
        ("matched", KONFERANSE_LI), ("matched", MILJO_LI)]
    import_file(catalog, DATA / "linkedin_update_engagement_2020.xlsx")
    rows = sheet_rows("linkedin_update_engagement_2020.xlsx", "Update Engagement", 2)
    fresh = reopen(sample_copy)
    assert fresh.post(KONFERANSE_LI).views == rows[0]["Impressions"] and fresh.post(MILJO_LI).clicks == rows[1]["Clicks"]
    assert fresh.post(KONFERANSE_LI).date == dt.date(1899, 12, 30) + dt.timedelta(days=rows[0]["Created date"])


@pytest.mark.parametrize("name, said", [
    ("linkedin_creator_analytics.xlsx", "analytics of a personal profile"),
    ("ga4_pages_and_screens.csv", "Google Analytics report"),
    ("meta_audience_gender.csv", "follower demographics"),
])  # fmt: skip
def test_files_that_are_not_post_exports_are_refused_by_name(catalog, name, said):
    before = len(catalog.posts())
    with pytest.raises(UserError, match=said):
        plan_import(catalog, DATA / name, channel="LinkedIn")
    assert len(catalog.posts()) == before


@pytest.mark.parametrize("name, channel, metric, field", [
    ("meta_page_reach_utf16.csv", "Facebook", "daily_reach", "daily_reach"),
    ("meta_instagram_follows_utf16.csv", "Instagram", "daily_follows", "daily_follows"),
])  # fmt: skip
def test_meta_page_level_daily_exports(catalog, sample_copy, name, channel, metric, field):
    lines = (DATA / name).read_bytes().decode("utf-16").splitlines()
    assert lines[0] == "sep=," and lines[2] == '"Date","Primary"'
    expected = {dt.date.fromisoformat(d[:10]): int(v) for d, v in csv.reader(lines[3:])}
    plan = plan_import(catalog, DATA / name)
    assert plan.channel.name == channel and plan.metric == metric and plan.followers == len(expected)
    import_file(catalog, DATA / name)
    stored = getattr(reopen(sample_copy).channel(channel), field)
    assert {day: stored[day] for day in expected} == expected


def test_a_lifetime_count_never_drops_silently(catalog, sample_copy, tmp_path):
    import_file(catalog, DATA / "meta_facebook_posts.csv")
    text = (DATA / "meta_facebook_posts.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    views = rows[0].index("Views")
    zeros = [row[:views] + ["0"] + row[views + 1:] if i else row for i, row in enumerate(rows)]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(zeros)
    path = tmp_path / "later.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    plan = plan_import(catalog, path)
    assert plan.changes == [] and any("Views" in note for note in plan.notes)  # a column of zeros is not filled
    lower = [row[:] for row in rows]
    lower[1][rows[0].index("Reach")] = "3,000"
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(lower)
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    plan = import_file(catalog, path)
    assert [(low.post_id, low.field, low.before, low.after) for low in plan.lowered] == [(KARI_FB, "reach", 3120, 3000)]
    assert "1 figure lowered" in plan.summary() and reopen(sample_copy).post(KARI_FB).reach == 3000


def test_no_post_is_made_from_a_row_without_identity_or_text(catalog, tmp_path):
    path = tmp_path / "days.csv"
    path.write_text("Date,Impressions,Engagements\n10/1/2026,401,13\n10/2/2026,402,14\n", encoding="utf-8")
    with pytest.raises(UserError, match="daily totals, not posts.*--map"):
        plan_import(catalog, path, channel="LinkedIn")


def test_which_channel_error_names_map_and_the_columns(catalog, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("When,Text,Reach\n2026-11-10 12:00,Hei,10\n", encoding="utf-8")
    with pytest.raises(UserError, match="--channel.*columns found: When, Text, Reach.*--map"):
        plan_import(catalog, path, mapping={"published": "When", "caption": "Text", "reach": "Reach"})


POST_FIXTURES = ["meta_facebook_posts.csv", "meta_facebook_posts_nb.csv", "meta_instagram_posts.csv", "meta_facebook_photos.csv",
                 "facebook_insights_posts_old.csv", "linkedin_posts.xlsx", "linkedin_posts_2025.xlsx",
                 "linkedin_update_engagement_2020.xlsx", "meta_page_daily_utf16.csv", "meta_page_reach_utf16.csv",
                 "meta_instagram_follows_utf16.csv"]  # fmt: skip


@pytest.mark.parametrize("name", POST_FIXTURES)
def test_reimporting_any_fixture_writes_nothing(catalog, name):
    first = import_file(catalog, DATA / name)
    assert first.changes and not first.all_failed
    again = plan_import(catalog, DATA / name)
    assert again.changes == [] and again.created == 0
