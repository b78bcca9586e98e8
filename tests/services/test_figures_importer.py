"""Importing exports into the sample workspace: what matches, what is new, what is reported."""

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from someplan.services.catalog import Catalog
from someplan.services.errors import UserError
from someplan.services.figures.importer import import_file, plan_import, save_mapping
from someplan.store.workspace import Workspace

from .conftest import DATA

KARI_FB = "01m823v2p0wv7yk0rmecxs4efm"
JULEBORD_1950_FB = "01m823v2pndtcwxw73b3scrx41"


def reopen(path) -> Catalog:
    return Catalog(Workspace.open(path))


def test_facebook_export_matches_reports_and_writes(catalog, sample_copy):
    before = len(catalog.posts())
    plan = plan_import(catalog, DATA / "meta_facebook_posts.csv")
    assert plan.channel.name == "Facebook" and plan.format.startswith("Meta Business Suite, Facebook")
    assert [(m.row.line, m.outcome.value) for m in plan.matches] == [
        (2, "matched"), (3, "matched"), (4, "matched"), (7, "duplicate"), (9, "new")]  # the caption of line 4 spans 3 lines
    assert [(e.line, e.message) for e in plan.errors] == [(8, "reach: not a count: '2x1#3'")]
    assert len(catalog.posts()) == before  # planning writes nothing
    import_file(catalog, DATA / "meta_facebook_posts.csv")
    fresh = reopen(sample_copy)
    kari = fresh.post(KARI_FB)
    assert (kari.reach, kari.views, kari.reactions, kari.comments, kari.shares, kari.clicks) == (3120, 5410, 171, 27, 19, 33)
    assert kari.external_id == "facebook:104455667788990_901" and kari.time == dt.time(19, 4)
    assert fresh.post(JULEBORD_1950_FB).reach == 2104  # matched by the caption in Description
    new = [p for p in fresh.posts() if p.external_id == "facebook:104455667788990_905"]
    assert len(new) == 1 and new[0].status.value == "published" and new[0].title == "Første snøen på Solvikfjellet ❄️"
    assert new[0].caption == "Natt til i dag kom vinteren. [bold]Nydelig[/bold]!"  # markup is data
    assert len(fresh.posts()) == before + 1


def test_reimport_changes_nothing_and_a_newer_export_updates(catalog, sample_copy, tmp_path):
    import_file(catalog, DATA / "meta_facebook_posts.csv")
    count = len(catalog.posts())
    again = plan_import(catalog, DATA / "meta_facebook_posts.csv")
    assert again.changes == [] and again.created == 0 and again.matched == 4
    newer = tmp_path / "newer.csv"
    newer.write_bytes((DATA / "meta_facebook_posts.csv").read_bytes().replace(b'"3,120"', b'"3,388"'))
    plan = import_file(catalog, newer)
    assert plan.created == 0 and plan.updated == 1
    fresh = reopen(sample_copy)
    assert fresh.post(KARI_FB).reach == 3388 and len(fresh.posts()) == count


def test_unmatched_rows_can_be_skipped(catalog):
    plan = plan_import(catalog, DATA / "meta_facebook_posts.csv", unmatched="skip")
    assert plan.created == 0 and plan.skipped == 2  # the duplicate and the unplanned post


def test_instagram_with_missing_and_extra_columns(catalog):
    plan = import_file(catalog, DATA / "meta_instagram_posts.csv")
    assert plan.channel.name == "Instagram" and plan.matched == 3 and not plan.errors
    post = catalog.post("01m823v2q16kdbj36c223cmjtz")
    assert (post.reach, post.reactions, post.comments, post.saves, post.shares) == (1840, 231, 15, 22, 6)
    assert catalog.post("01m823v2pkcbav7r6rx2ek2sky").saves == 1  # an empty Saves cell keeps what was there


def test_norwegian_headers_semicolons_day_first(catalog):
    plan = import_file(catalog, DATA / "meta_facebook_posts_nb.csv")
    assert plan.matched == 2 and not plan.errors
    assert catalog.post("01m823v2pt25yw34b4s0a2s77n").reach == 1530


def test_linkedin_xlsx_with_a_description_row(catalog):
    plan = import_file(catalog, DATA / "linkedin_posts.xlsx")
    assert plan.channel.name == "LinkedIn" and [m.row.line for m in plan.matches] == [3, 4] and plan.matched == 2
    post = catalog.post("01m823v2p6hp76d6vcjz85mhb2")
    assert (post.views, post.reactions, post.comments, post.shares, post.clicks) == (1502, 36, 5, 4, 12)
    assert any("no reach column" in note for note in plan.notes)


def test_utf16_page_file_gives_followers_by_day(catalog):
    plan = import_file(catalog, DATA / "meta_page_daily_utf16.csv")
    assert plan.followers == 3 and plan.updated == 2
    facebook = catalog.channel("Facebook")
    assert facebook.followers_on(dt.date(2026, 11, 18)) == 4871 and facebook.followers[dt.date(2026, 11, 16)] == 4858
    assert plan_import(catalog, DATA / "meta_page_daily_utf16.csv").changes == []


def test_any_csv_with_a_mapping_saved_for_the_workspace(catalog, tmp_path):
    path = tmp_path / "eget.csv"
    path.write_text("Når;Overskrift;Nådde;Likes;Kommentarer\n17.11.2026 19:00;Karis beste tips til vintergjestene;2 700;160;30\n",
                    encoding="utf-8")  # fmt: skip
    mapping = {"published": "Når", "title": "Overskrift", "reach": "Nådde", "reactions": "Likes"}
    with pytest.raises(UserError, match="which channel"):
        plan_import(catalog, path, mapping=mapping)
    save_mapping(catalog, "eget", mapping, catalog.channel("Facebook"))
    plan = import_file(catalog, path)  # found by its columns
    assert plan.format == "CSV with a column mapping" and plan.matched == 1
    post = catalog.post("01m823v2pz9wevnyp85bqz15zb")
    assert post.reach == 2700 and post.reactions == 160 and post.comments == 26  # Kommentarer was not mapped


@pytest.mark.parametrize(
    "content, message",
    [(b"", "no header row"), (b"\xd0\xcf\x11\xe0rest", "old Excel"), (b"PK\x03\x04garbage", "not a readable XLSX"),
     (b"Post ID,Page ID,Title\n1,2,x\n", "no column with figures"), (b"Page ID,Reach,Views\n1,2,3\n", "no publish time")],
)  # fmt: skip
def test_bad_files_are_one_clear_error(catalog, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        plan_import(catalog, path)


# -- all or nothing ----------------------------------------------------------------------------


class SimulatedCrash(BaseException):
    pass


@pytest.mark.parametrize("primitive", ["_write_all", "_fsync", "_replace"])
def test_a_crash_leaves_before_or_after_never_a_mix(sample_copy, monkeypatch, primitive):
    from someplan.store import atomic

    def state(path):
        return {rid: dict(doc) for rid, doc in reopen(path).workspace.view("posts").items()}

    before = state(sample_copy)
    real = getattr(atomic, primitive)
    k = 0
    while True:
        k += 1
        target = sample_copy.parent / f"run{primitive}{k}"
        shutil.copytree(sample_copy, target)
        calls = {"n": 0}

        def crashing(*args, _k=k, **kwargs):
            calls["n"] += 1
            if calls["n"] == _k:
                raise SimulatedCrash
            return real(*args, **kwargs)

        catalog = reopen(target)
        plan = plan_import(catalog, DATA / "meta_facebook_posts.csv")
        monkeypatch.setattr(atomic, primitive, crashing)
        crashed = True
        try:
            catalog.workspace.write(plan.changes)
            crashed = False
        except SimulatedCrash:
            pass
        finally:
            monkeypatch.setattr(atomic, primitive, real)
        after = state(target)
        if not crashed:
            assert len(after) == len(before) + 1 and k > 1  # every call before this one crashed once
            break
        assert after == before or (len(after) == len(before) + 1 and after[KARI_FB]["reach"] == 3120)
        assert after == before or all(after[JULEBORD_1950_FB].get(k) == v for k, v in [("reach", 2104)])


# -- idempotence -------------------------------------------------------------------------------

HEADER = ["Post ID", "Page ID", "Title", "Publish time", "Reach", "Reactions", "Comments", "Shares"]


def meta_csv(rows) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for post_id, title, minute, reach, reactions in rows:
        at = dt.datetime(2026, 3, 2, 9) + dt.timedelta(minutes=minute)
        writer.writerow([f"1_{post_id}", "1", title, at.strftime("%m/%d/%Y %H:%M"), f"{reach:,}", reactions, 1, 0])
    return out.getvalue().encode("utf-8-sig")


rows_strategy = st.lists(
    st.tuples(st.integers(1, 40), st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
              st.integers(0, 60 * 24 * 20), st.integers(0, 10**7), st.integers(0, 5000)),
    max_size=25,
)  # fmt: skip


@settings(max_examples=30)
@given(rows_strategy)
def test_importing_twice_is_importing_once(tmp_path_factory, rows):
    from someplan.services.setup import init_workspace

    folder = tmp_path_factory.mktemp("ws")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        env.setenv("XDG_STATE_HOME", str(folder / "state"))
        catalog = Catalog(init_workspace(folder / "ws", "Idem"))
        import_twice(catalog, folder, rows)


def import_twice(catalog, folder, rows):
    path = folder / "export.csv"
    path.write_bytes(meta_csv(rows))
    first = import_file(catalog, path)
    posts = {p.id: p.to_doc() for p in catalog.posts()}
    assert len(posts) == len({r[0] for r in rows}) == first.created
    second = plan_import(catalog, path)
    assert second.changes == [] and second.created == 0
    assert second.matched == len({r[0] for r in rows})
