import datetime as dt
import os
import unicodedata

import pytest
from PIL import Image

from someplan.domain.assets import AssetQuery, BadReference, Move
from someplan.services.assets import (
    AssetIndex,
    asset_rows,
    fingerprint,
    mark_seen,
    relink,
    resolve_reference,
    scan_folder,
    scan_index,
    seen_at,
)  # fmt: skip
from someplan.services.catalog import POSTS

TODAY = dt.date(2026, 11, 18)


def touch(path, data=b"x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_scan_skips_temp_partial_hidden_files_and_their_folders(tmp_path):
    for name in ("a/ok.jpg", "a/.~tmp.jpg", "a/~$lock.docx", "a/b.jpg.part", "a/c.tmp", "a/.DS_Store",
                 "a/desktop.ini", "a/.d.jpg.icloud", ".dropbox.cache/x.jpg", ".syncthing.x.jpg.tmp",
                 "med mellomrom/kari i resepsjonen.JPG"):  # fmt: skip
        touch(tmp_path / name)
    assert sorted(scan_folder(tmp_path)) == ["a/ok.jpg", "med mellomrom/kari i resepsjonen.JPG"]


def test_nfd_names_on_disk_are_found_under_their_nfc_name(tmp_path):
    nfd = unicodedata.normalize("NFD", "spørsmål-æøå.txt")
    touch(tmp_path / "tekster" / nfd)
    entries = scan_folder(tmp_path)
    assert list(entries) == ["tekster/spørsmål-æøå.txt"]
    index = AssetIndex(tmp_path)
    index.load(entries)
    assert index.disk_path("tekster/spørsmål-æøå.txt").exists()


def test_symlinks_leading_out_are_refused_and_inside_ones_kept(tmp_path):
    root, outside = tmp_path / "assets", touch(tmp_path / "secret.jpg")
    inside = touch(root / "natur" / "a.jpg")
    (root / "ut.jpg").symlink_to(outside)
    (root / "inn.jpg").symlink_to(inside)
    (root / "mappe").symlink_to(tmp_path)
    assert sorted(scan_folder(root)) == ["inn.jpg", "natur/a.jpg"]
    assert resolve_reference(root, "natur/a.jpg") == root / "natur" / "a.jpg"
    for ref in ("ut.jpg", "../secret.jpg", str(outside), "mappe/secret.jpg"):
        with pytest.raises(BadReference):
            resolve_reference(root, ref)


def test_a_very_long_name_works(tmp_path):
    name = "æ" * 120 + ".jpg"  # 240 bytes in UTF-8, under the usual 255
    touch(tmp_path / name)
    assert list(scan_folder(tmp_path)) == [name]


def test_image_facts_with_exif_date_taken(tmp_path):
    path = tmp_path / "foto.jpg"
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2026:06:23 21:30:00"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(path, exif=exif)
    touch(tmp_path / "broken.png", b"not a png")
    touch(tmp_path / "film.mp4", b"\x00" * 100)
    index = AssetIndex(tmp_path)
    index.load(scan_folder(tmp_path))
    facts = index.facts("foto.jpg")
    assert (facts.kind, facts.width, facts.height, facts.taken) == ("image", 64, 48, dt.datetime(2026, 6, 23, 21, 30))
    assert index.facts("broken.png").problem
    video = index.facts("film.mp4")
    assert (video.kind, video.size, video.width) == ("video", 100, None)


def test_fingerprint_follows_content_not_name(tmp_path):
    a = touch(tmp_path / "a.jpg", os.urandom(200_000))
    b = touch(tmp_path / "b.jpg", a.read_bytes())
    c = touch(tmp_path / "c.jpg", os.urandom(200_000))
    assert fingerprint(a, 200_000) == fingerprint(b, 200_000) != fingerprint(c, 200_000)


def test_rows_show_usage_new_and_missing_files_first(catalog, sample):
    root = sample / "assets"
    os.remove(root / "natur" / "kajakk.png")
    touch(root / "ny" / "unused.png")
    index = scan_index(catalog)
    listing = asset_rows(catalog, index, AssetQuery(), TODAY, seen=None)
    assert listing.rows[0].path == "natur/kajakk.png" and listing.rows[0].missing and listing.rows[0].uses == 4
    assert (listing.total, listing.missing, listing.unused) == (10, 1, 1)
    nordlys = next(r for r in listing.rows if r.path == "natur/nordlys.png")
    assert nordlys.uses == 3 and nordlys.last_used == dt.date(2026, 11, 1) and "Nordlys" in nordlys.titles[0]
    unused = asset_rows(catalog, index, AssetQuery.parse("unused"), TODAY, seen=None)
    assert [r.path for r in unused.rows] == ["ny/unused.png"]
    top = asset_rows(catalog, index, AssetQuery.parse("top"), TODAY, seen=None)
    assert top.rows and all(r.top for r in top.rows)


def test_new_means_arrived_since_this_user_last_looked(catalog, sample):
    assert seen_at(catalog) is None
    index = scan_index(catalog)
    assert asset_rows(catalog, index, AssetQuery(), TODAY, seen=None).new == 10  # just copied: the last 7 days
    mark_seen(catalog, when=os.stat(sample / "assets" / "natur" / "nordlys.png").st_ctime + 5)
    assert seen_at(catalog) is not None
    assert asset_rows(catalog, index, AssetQuery(), TODAY, seen=seen_at(catalog)).new == 0
    assert not list((sample).glob("**/user.json")), "seen assets are kept outside the workspace"


def test_relink_rewrites_references_in_one_batch(catalog):
    users = [pid for pid, doc in catalog.workspace.view(POSTS).items() if "natur/nordlys.png" in doc.get("assets", [])]
    batches = []
    real_write = catalog.workspace.write
    catalog.workspace.write = lambda changes: batches.append(list(changes)) or real_write(changes)
    assert relink(catalog, [Move("natur", "natur-2026", is_folder=True)]) >= len(users)
    assert len(batches) == 1
    for pid in users:
        assert "natur-2026/nordlys.png" in catalog.workspace.get(POSTS, pid)["assets"]


def test_count_files_reuses_unchanged_folders_and_sees_arrivals(tmp_path):
    from someplan.services.assets import count_files

    root = tmp_path / "assets"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "a" / "one.jpg").write_bytes(b"1")
    (root / "b" / "two.jpg").write_bytes(b"2")
    (root / "b" / ".~partial.tmp").write_bytes(b"x")
    keys, new, cache = count_files(root, since=0)
    assert keys == {"a/one.jpg", "b/two.jpg"} and new == 2
    # Unchanged folders are taken from the cache: a made-up entry there shows it was not re-read.
    cache["a/"][2]["ghost.jpg"] = 0.0
    keys, new, kept = count_files(root, since=0, cache=cache)
    assert "a/ghost.jpg" in keys and kept == cache
    # A file arriving changes its folder: that folder is looked at again, the others are not.
    (root / "a" / "three.jpg").write_bytes(b"3")
    os.utime(root / "a", ns=(1, cache["a/"][0] + 1_000_000))
    keys, new, kept = count_files(root, since=0, cache=cache)
    assert keys == {"a/one.jpg", "a/three.jpg", "b/two.jpg"} and new == 3
    assert kept["a/"] != cache["a/"] and kept["b/"] == cache["b/"]


def test_a_name_that_is_not_utf8_is_left_out_and_named(tmp_path):
    # An old ISO-8859-1 machine's "bål.jpg" and folder "kål": stored in a post it would break
    # the op log's UTF-8, printed it broke `someplan assets` with a misleading message.
    root = os.fsencode(tmp_path)
    os.makedirs(root + b"/k\xe5l")
    for name in (b"/b\xe5l.jpg", b"/k\xe5l/x.jpg", b"/ok.jpg"):
        open(root + name, "wb").close()
    unreadable = []
    assert list(scan_folder(tmp_path, unreadable=unreadable)) == ["ok.jpg"]
    assert sorted(unreadable) == ["b\\xe5l.jpg", "k\\xe5l"]
    from someplan.services.assets import count_files, stat_entry

    assert count_files(tmp_path, since=0)[0] == {"ok.jpg"}
    assert stat_entry(os.fsdecode(root + b"/b\xe5l.jpg"), os.fsdecode(b"b\xe5l.jpg")) is None


def test_the_listing_stops_at_the_rows_the_pane_lists_and_counts_the_rest(catalog, sample):
    from someplan.services.assets import ROWS_LISTED

    for n in range(ROWS_LISTED + 15):
        touch(sample / "assets" / "mange" / f"bilde-{n:03}.jpg")
    listing = asset_rows(catalog, scan_index(catalog), AssetQuery(), TODAY, seen=None)
    assert ROWS_LISTED == 200
    assert len(listing.rows) == ROWS_LISTED and listing.matched == ROWS_LISTED + 15 + 10
