"""`someplan import` and `someplan figures` from the command line."""

import csv
import io
import shutil
from pathlib import Path
from statistics import fmean

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = Path(__file__).resolve().parents[2] / "sample_workspace"


@pytest.fixture
def sample(tmp_path):
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    return str(target)


def test_dry_run_previews_and_writes_nothing(someplan, sample):
    out = someplan("import", str(DATA / "meta_facebook_posts.csv"), "-w", sample, "--dry-run")
    assert "3 matched (3 updated), 1 new, 1 skipped, 1 errors" in out
    assert "line 8" in out and "reach: not a count: '2x1#3'" in out and "dry run: nothing was written" in out
    again = someplan.json("import", str(DATA / "meta_facebook_posts.csv"), "-w", sample, "--dry-run", "--json")
    assert (
        again["matched"] == 3 and again["new"] == 1 and again["errors"] == [{"line": 8, "message": "reach: not a count: '2x1#3'"}]
    )


def test_import_twice_changes_nothing(someplan, sample):
    first = someplan.json("import", str(DATA / "meta_facebook_posts.csv"), "-w", sample, "--json")
    assert first["fields_written"] > 0
    listing = someplan("list", "-w", sample, "--json")
    second = someplan.json("import", str(DATA / "meta_facebook_posts.csv"), "-w", sample, "--json")
    assert second["fields_written"] == 0 and second["new"] == 0 and second["matched"] == 4
    assert someplan("list", "-w", sample, "--json") == listing


@pytest.mark.parametrize("content, message", [(b"\x00\x01garbage", "not a CSV"), (b"a,b\n1,2\n", "no header row")])
def test_a_bad_file_is_one_line_and_exit_1(someplan, sample, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    someplan("import", str(path), "-w", sample, code=1)
    assert message in someplan.err and someplan.err.count("\n") == 1 and "Traceback" not in someplan.err


def test_missing_file_and_wrong_channel(someplan, sample):
    someplan("import", "/nonexistent.csv", "-w", sample, code=1)
    assert "no such file" in someplan.err
    someplan("import", str(DATA / "meta_instagram_posts.csv"), "-w", sample, "--channel", "Facebook", code=1)
    assert "instagram export" in someplan.err


@pytest.mark.parametrize("where, message", [("folder", "is a folder, not an export file"),
                                             ("/dev/zero", "is not a regular file")])  # fmt: skip
def test_a_folder_or_a_device_is_named_for_what_it_is(someplan, sample, tmp_path, where, message):
    # Both once said "no such file"; /dev/zero must not be read for ever either.
    path = str(tmp_path) if where == "folder" else where
    someplan("import", path, "-w", sample, "--dry-run", code=1)
    assert message in someplan.err and "no such file" not in someplan.err and someplan.err.count("\n") == 1


def test_mapping_saved_and_used_again(someplan, sample, tmp_path):
    path = tmp_path / "eget.csv"
    path.write_text(
        "Når,Overskrift,Nådde,Likes\n17.11.2026 19:00,Karis beste tips til vintergjestene,2700,160\n", encoding="utf-8"
    )
    someplan("import", str(path), "-w", sample, "--channel", "Facebook", "--map", "published=Når", "--map", "title=Overskrift",
             "--map", "reach=Nådde", "--map", "reactions=Likes", "--save-mapping", "eget")  # fmt: skip
    again = someplan.json("import", str(path), "-w", sample, "--json")  # the saved mapping is found by its columns
    assert again["format"] == "CSV with a column mapping" and again["matched"] == 1 and again["fields_written"] == 0
    someplan("import", str(path), "-w", sample, "--map", "bogus=X", code=1)
    assert "unknown field 'bogus'" in someplan.err


def test_figures_equal_a_spreadsheet_computation_of_the_file(someplan, tmp_path):
    """An empty workspace, one Instagram export, followers noted by hand: the figures command
    gives what a spreadsheet gives from the same file (means of per-post rates, 2 decimals)."""
    ws = str(tmp_path / "ws")
    someplan("init", ws, "--name", "Regneark")
    someplan("channel", "add", "IG", "--network", "instagram", "-w", ws)
    import datetime as dt

    from someplan.services.catalog import Catalog
    from someplan.services.channels import edit_channel
    from someplan.store.workspace import Workspace

    catalog = Catalog(Workspace.open(ws))
    edit_channel(catalog, "IG", followers={dt.date(2026, 11, 1): 3000})
    catalog.workspace.close()
    someplan("import", str(DATA / "meta_instagram_posts.csv"), "-w", ws, "--channel", "IG")
    rows = list(csv.DictReader(io.StringIO((DATA / "meta_instagram_posts.csv").read_text(encoding="utf-8-sig"))))
    count = lambda text: int(text.replace(",", "")) if text else 0  # noqa: E731
    reach = [count(r["Reach"]) / 3000 * 100 for r in rows]
    engagement = [
        (count(r["Likes"]) + count(r["Comments"]) + count(r["Saves"]) + count(r["Shares"])) / count(r["Reach"]) * 100
        for r in rows
    ]
    figures = someplan.json("figures", "-w", ws, "--by", "channel", "--json")
    assert figures["published_posts"] == 3
    assert figures["reach_rate_percent"] == round(fmean(reach), 2)
    assert figures["engagement_rate_by_reach_percent"] == round(fmean(engagement), 2)
    # the second row has no Saves: its numerator says so
    assert figures["engagement_numerators"] == ["instagram: likes+comments+saves+shares", "instagram: likes+comments+shares"]
    out = someplan("figures", "-w", ws, "--by", "weekday", "--csv")
    assert out.splitlines()[0] == "weekday,posts,reach_rate_percent,engagement_rate_by_reach_percent"


def test_figures_text_and_bad_weeks(someplan, sample):
    out = someplan("figures", "-w", sample, "--weeks", "4", "--by", "category")
    assert "Key figures 26 Oct 2026–22 Nov 2026" in out and "engagements, facebook: reactions+comments+shares+clicks" in out
    with pytest.raises(SystemExit) as stop:  # a usage error (issue 16)
        someplan("figures", "-w", sample, "--weeks", "0")
    assert stop.value.code == 2


def test_figures_text_rounds_a_rate_once_as_every_face_does(someplan, ws):
    """Issue 17.6: a reach rate of 3.949 % was rounded to 3.95 for the table, then to "4.0 %";
    the figures view rounds the rate itself: "3.9 %". The command line now says so too."""
    from someplan.i18n import percent
    from someplan.services.catalog import POSTS, Catalog
    from someplan.store.workspace import Workspace

    someplan("channel", "add", "IG", "--network", "instagram", "-w", ws)
    catalog = Catalog(Workspace.open(ws))
    [channel] = [c.id for c in catalog.channels() if c.name == "IG"]
    catalog.workspace.insert(POSTS, {"title": "Fjord", "date": "2026-11-17", "status": "published", "channel": channel,
                                     "reach": 3949, "followers": 100000, "reactions": 10})  # fmt: skip
    catalog.workspace.close()
    out = someplan("figures", "-w", ws, "--by", "channel", "--weeks", "1")
    [row] = [line for line in out.splitlines() if line.lstrip().startswith("IG")]
    assert percent(3.949) == "3.9 %" and "3.9 %" in row and "4.0 %" not in row


def test_dry_run_shows_times_as_read_and_as_stored(someplan, sample):
    out = someplan("import", str(DATA / "meta_facebook_posts.csv"), "-w", sample, "--dry-run")
    assert "times read in US Pacific (America/Los_Angeles) (Meta writes US Pacific time), stored in Europe/Oslo:" in out
    assert "11/10/2026 10:04 → 2026-11-10 19:04" in out
    out = someplan("import", str(DATA / "meta_facebook_posts.csv"), "-w", sample, "--dry-run", "--source-tz", "UTC")
    assert "11/10/2026 10:04 → 2026-11-10 11:04" in out


def test_an_import_in_which_every_row_failed_exits_1_and_says_so(someplan, sample, tmp_path):
    path = tmp_path / "bad_dates.csv"
    path.write_text("Post ID,Page ID,Title,Publish time,Reach\n1_2,1,Hei,yesterday,10\n1_3,1,Hallo,soon,12\n", encoding="utf-8")
    out = someplan("import", str(path), "-w", sample, code=1)
    assert "every row failed: nothing was imported" in out and "nothing to change" not in out


def test_the_old_insights_export_and_match_rules_on_the_command_line(someplan, sample):
    out = someplan("import", str(DATA / "meta_facebook_photos.csv"), "-w", sample, "--dry-run")
    assert "by time, its title in the text" in out and "same post as" not in out
    someplan("import", str(DATA / "linkedin_creator_analytics.xlsx"), "-w", sample, "--channel", "LinkedIn", code=1)
    assert "personal profile" in someplan.err


def test_page_reach_and_new_follows_per_week_and_linkedin_rates_by_views(someplan, sample):
    someplan("import", str(DATA / "meta_page_reach_utf16.csv"), "-w", sample)
    figures = someplan.json("figures", "-w", sample, "--json")
    week = next(p for p in figures["page"] if p["week"] == "2026-W47")
    lines = (DATA / "meta_page_reach_utf16.csv").read_bytes().decode("utf-16").splitlines()[3:]
    assert week == {"channel": "Facebook", "week": "2026-W47", "reach": sum(int(line.split(",")[1].strip('"')) for line in lines),
                    "new_follows": None}  # fmt: skip
    out = someplan("figures", "-w", sample)
    assert "Page per week (daily exports):" in out
    someplan("import", str(DATA / "linkedin_posts_2025.xlsx"), "-w", sample)
    ws = Path(sample)
    from someplan.services.catalog import Catalog
    from someplan.store.workspace import Workspace

    catalog = Catalog(Workspace.open(ws))
    catalog.workspace.write([("posts", "01m823v2knw9d9050fdfprbgw9", "reach", None)])  # LinkedIn gives no reach
    catalog.workspace.close()
    out = someplan("figures", "-w", sample, "--weeks", "8")
    assert "linkedin: reactions+comments+shares+clicks per view (no reach in the export)" in out


def test_a_tab_in_a_title_is_a_space_on_screen_and_in_the_post(someplan, sample):
    out = someplan("import", str(DATA / "meta_facebook_photos.csv"), "-w", sample, "--dry-run")
    assert "Kveldsstemning ved fjorden" in out and "\\x09" not in out
