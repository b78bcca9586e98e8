"""The committed sample workspace (made by tools/make_sample_workspace.py) is whole and consistent."""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from someplan.domain import Category, Channel, IsoWeek, Post, Status
from someplan.domain.doc_fields import parse_date
from someplan.store.device import IdentityStore
from someplan.store.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_workspace"
SCRIPT = ROOT / "tools" / "make_sample_workspace.py"
CATEGORY_NAMES = {"ansatte", "kunder", "bak kulissene", "produkt", "historie", "tips og triks", "inspirasjon"}
# The sample's own evening: stamps are from November 2026, whatever the real clock says.
SAMPLE_EVENING_MS = int(datetime(2026, 11, 18, 23, 0, tzinfo=timezone(timedelta(hours=1))).timestamp() * 1000)


def open_read_only(path: Path, private: Path) -> Workspace:
    return Workspace.open(path, IdentityStore(private / "c", private / "s"), writable=False, now_ms=lambda: SAMPLE_EVENING_MS)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Workspace:
    return open_read_only(SAMPLE, tmp_path_factory.mktemp("reader"))


def posts_of(ws: Workspace) -> list[Post]:
    return [Post.from_doc(doc, id) for id, doc in ws.view("posts").items()]


def sample_date(ws: Workspace) -> date:
    return parse_date(ws.get("settings", "workspace")["sample_date"])


def test_opens_without_problems(sample):
    assert sample.problems == []


def test_only_the_workspace_is_committed():
    assert sorted(p.name for p in SAMPLE.iterdir()) == ["assets", "devices", "ideas", "someplan-workspace.json"]
    assert not list(SAMPLE.rglob("snapshot.json"))
    assert not list(SAMPLE.rglob(".~someplan-*"))


def test_a_newcomer_sees_goals_on_first_start(sample):
    goals = {doc["title"]: doc for doc in sample.view("goals").values()}
    assert set(goals) == {"Fylle julebordene", "Færre telefoner til sentralbordet"}
    kinds = {doc[key]["kind"] for doc in goals.values() for key in doc if key.startswith("target.")}
    assert kinds == {"engagement_rate", "share", "posts_per_week", "count", "new_followers"}


def test_two_colleagues_wrote_it_on_three_machines(sample):
    names = set(sample.devices().values())
    assert names == {"Ingrid (markedsansvarlig)", "Ingrid (bærbar)", "Jonas (resepsjonen)"}


def test_a_newcomer_sees_hours_formats_the_target_mix_and_an_earned_post(sample):
    from someplan.domain.earned import earned_warnings
    from someplan.domain.post import Post
    from someplan.services.capacity import capacity_of
    from someplan.services.catalog import Catalog
    from someplan.services.mix import mix_for, period_of

    catalog = Catalog(sample)
    today = sample_date(sample)
    assert {c.load.value for c in (capacity_of(catalog, IsoWeek(2026, w)) for w in (47, 48, 49))} == {"tight", "over", "ok"}
    mix = mix_for(catalog, period_of("month", today))
    assert {line.value for line in mix.of("format") if line.posts} >= {"image", "video", "reel", "link"}
    assert {line.value for line in mix.of("surface") if line.posts} == {"owned", "earned", "paid"}
    assert any(line.target for line in mix.of("format"))
    posts = [Post.from_doc(doc, rid) for rid, doc in sample.view("posts").items()]
    kinds = {kind for _id, kind, _sentence in earned_warnings(posts, today)}
    assert kinds == {"earned-no-permission", "earned-permission-ending"}


def test_settings_have_a_sample_date(sample):
    settings = sample.get("settings", "workspace")
    assert settings["locale"] == "nb" and settings["timezone"] == "Europe/Oslo"
    assert sample_date(sample) == date(2026, 11, 18)
    assert IsoWeek.of(sample_date(sample)) == IsoWeek(2026, 47)


def test_the_seven_categories(sample):
    categories = [Category.from_doc(doc, id) for id, doc in sample.view("categories").items()]
    assert {c.name for c in categories} == CATEGORY_NAMES
    assert len({c.colour for c in categories}) == 7
    assert all(c.active and c.question for c in categories)


def test_four_channels(sample):
    channels = [Channel.from_doc(doc, id) for id, doc in sample.view("channels").items()]
    assert sorted(c.network.value for c in channels) == ["facebook", "instagram", "linkedin", "tiktok"]
    assert all(c.target_per_week > 0 and c.followers for c in channels)


def test_ten_weeks_of_published_posts_with_figures(sample):
    today = sample_date(sample)
    history = [
        p for p in posts_of(sample)
        if p.status is Status.PUBLISHED and p.date and today - timedelta(weeks=10) <= p.date < today
        and p.reach is not None and p.followers is not None
    ]
    assert len(history) >= 25
    assert {IsoWeek.of(p.date) for p in history} >= {IsoWeek(2026, week) for week in range(37, 47)}


def test_planned_posts_in_each_of_the_four_weeks_after(sample):
    this_week = IsoWeek.of(sample_date(sample))
    planned = [p for p in posts_of(sample) if p.date and p.status < Status.PUBLISHED]
    for ahead in range(1, 5):
        week = this_week + ahead
        assert any(p.date in week for p in planned), week
    assert all(p.date >= sample_date(sample) for p in planned)


def test_backlog_holds_ideas_without_a_date(sample):
    backlog = [p for p in posts_of(sample) if p.date is None]
    assert len(backlog) >= 2
    assert all(p.status is Status.IDEA for p in backlog)


def test_every_post_refers_to_an_existing_channel_and_category(sample):
    channels, categories = set(sample.view("channels")), set(sample.view("categories"))
    for post in posts_of(sample):
        assert post.channel in channels, post.title
        assert post.category in categories, post.title


def test_assets_referenced_by_posts_exist(sample):
    asset_root = SAMPLE / sample.get("settings", "workspace")["asset_folder"]
    referenced = {path for post in posts_of(sample) for path in post.assets}
    assert len(referenced) >= 5
    for path in referenced:
        assert not Path(path).is_absolute() and ".." not in Path(path).parts
        assert (asset_root / path).is_file(), path


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a valid 8-bit RGB PNG; fails the test on anything else."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, chunks = 8, {}
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        tag, body = data[offset + 4:offset + 8], data[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
        assert zlib.crc32(tag + body) & 0xFFFFFFFF == crc, tag
        chunks.setdefault(tag, b"")
        chunks[tag] += body
        offset += 12 + length
    assert list(chunks)[0] == b"IHDR" and list(chunks)[-1] == b"IEND"
    width, height, depth, colour_type = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour_type) == (8, 2)
    assert len(zlib.decompress(chunks[b"IDAT"])) == height * (1 + 3 * width)
    return width, height


def test_pictures_are_valid_pngs():
    pictures = sorted((SAMPLE / "assets").rglob("*.png"))
    assert 6 <= len(pictures) <= 10
    for picture in pictures:
        width, height = png_size(picture.read_bytes())
        assert width >= 100 and height >= 60
        assert picture.stat().st_size < 40_000
    assert (SAMPLE / "assets" / "tekster" / "intervju-spørsmål.txt").is_file()


def test_the_inbox_holds_new_ideas(sample):
    from someplan.services import ideas
    from someplan.services.catalog import Catalog

    catalog = Catalog(sample)
    every = ideas.listing(catalog, ideas.read_box(catalog), everything=True)
    states = {idea.key: idea.state.value for idea in every}
    assert list(states.values()) == ["new"] * 5
    assert {idea.contributor for idea in every} == {"Ahmed Karimi", "Kari Solheim", "Sondre", "Jonas"}


def content(ws: Workspace) -> list[tuple]:
    """Everything a reader sees, with record ids replaced by names (ids are new every run)."""
    channel_names = {id: doc["name"] for id, doc in ws.view("channels").items()}
    category_names = {id: doc["name"] for id, doc in ws.view("categories").items()}
    person_names = {id: doc["name"] for id, doc in ws.view("people").items()}
    post_titles = {id: doc["title"] for id, doc in ws.view("posts").items()}
    rows = []
    for table in ("settings", "channels", "categories", "people", "events", "posts", "ideas", "goals"):
        for doc in ws.view(table).values():
            doc = dict(doc)
            if table == "posts":
                doc["channel"], doc["category"] = channel_names.get(doc["channel"]), category_names[doc["category"]]
                doc["people"] = [person_names[person] for person in doc.get("people", [])]
            if table in ("posts", "ideas") and doc.get("contributor"):
                doc["contributor"] = person_names[doc["contributor"]]
            if table == "ideas" and doc.get("post"):
                doc["post"] = post_titles[doc["post"]]
            if table == "categories":
                doc["channel"] = channel_names[doc["channel"]]
            if table == "goals":  # a target names its channel or category by id
                doc = {key: {**value, **{name: {**channel_names, **category_names}[value[name]]
                                         for name in ("channel", "category") if name in value}}
                       if key.startswith("target.") else value for key, value in doc.items()}  # fmt: skip
            rows.append((table, repr(sorted(doc.items()))))
    return sorted(rows)


def test_the_script_makes_the_committed_sample(tmp_path):
    out = tmp_path / "sample"
    done = run_script("--out", str(out))
    assert done.returncode == 0, done.stderr
    made = open_read_only(out, tmp_path / "reader")
    assert made.problems == []
    committed = open_read_only(SAMPLE, tmp_path / "reader2")
    assert content(made) == content(committed), "sample_workspace is stale: run tools/make_sample_workspace.py --force"
    for folder in ("assets", "ideas"):
        for picture in (SAMPLE / folder).rglob("*"):
            if picture.is_file():
                assert (out / folder / picture.relative_to(SAMPLE / folder)).read_bytes() == picture.read_bytes()
    assert not list(out.rglob("snapshot.json"))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []  # no staging left behind


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def test_the_script_replaces_only_with_force_and_only_a_workspace(tmp_path):
    other = tmp_path / "documents"
    other.mkdir()
    (other / "letter.txt").write_text("keep me")
    assert run_script("--out", str(other)).returncode == 1
    refused = run_script("--out", str(other), "--force")
    assert refused.returncode == 1 and "not a someplan workspace" in refused.stderr
    assert (other / "letter.txt").read_text() == "keep me"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_script("--out", str(empty)).returncode == 1
    assert run_script("--out", str(empty), "--force").returncode == 0
    assert (empty / "someplan-workspace.json").is_file()
