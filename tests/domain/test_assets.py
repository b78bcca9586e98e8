import datetime as dt
import unicodedata

import pytest

from someplan.domain.assets import (
    AssetQuery, AssetRow, BadReference, Move, is_ignored_name, kind_of, months_before, moved_references,
    normal_reference, top_post_ids,
)  # fmt: skip

TODAY = dt.date(2026, 11, 18)


@pytest.mark.parametrize("name", [
    ".~someplan-x", "~$rapport.docx", "bilde.jpg.tmp", ".dropbox", ".dropbox.cache", ".syncthing.bilde.jpg.tmp",
    "video.mp4.part", ".DS_Store", "desktop.ini", "Thumbs.db", ".bilde.jpg.icloud", "~syncthing~x.tmp",
    "film.mov.crdownload", "Icon\r",
])  # fmt: skip
def test_sync_tools_temp_and_partial_files_are_not_assets(name):
    assert is_ignored_name(name)


@pytest.mark.parametrize("name", ["nordlys.png", "IMG_0001.JPG", "kari i resepsjonen.jpg", "spørsmål.txt", "a~b.png"])
def test_ordinary_names_are_assets(name):
    assert not is_ignored_name(name)


def test_kind_from_the_extension():
    assert [kind_of(n) for n in ("a.JPG", "b.heic", "c.MOV", "d.mp4", "e.txt", "noext")] == [
        "image", "image", "video", "video", "other", "other"]  # fmt: skip


@pytest.mark.parametrize("ref", ["../hemmelig.png", "natur/../../x.png", "/etc/passwd", "C:\\bilder\\a.png",
                                 "\\\\server\\a.png", "", "  ", "natur/\x1b[2Ja.png", "./."])  # fmt: skip
def test_references_leading_out_or_absolute_are_refused(ref):
    with pytest.raises(BadReference):
        normal_reference(ref)


def test_references_are_normalised_to_nfc_and_slashes():
    nfd = unicodedata.normalize("NFD", "tekster/intervju-spørsmål.txt")
    assert nfd != "tekster/intervju-spørsmål.txt"
    assert normal_reference(nfd) == "tekster/intervju-spørsmål.txt"
    assert normal_reference("natur\\./nordlys over fjorden.png") == "natur/nordlys over fjorden.png"
    long = "a" * 200 + "/" + "æ" * 250 + ".jpg"
    assert normal_reference(long) == long


def test_a_moved_file_and_a_moved_folder_carry_references_along():
    moves = [Move("natur/a.png", "natur/b.png"), Move("natur", "natur-2026", is_folder=True)]
    assert moved_references(["natur/a.png", "mat/c.png", "natur/d.png"], moves) == (
        "natur-2026/b.png", "mat/c.png", "natur-2026/d.png")  # fmt: skip
    assert moved_references(["mat/c.png"], moves) is None
    assert moved_references(["naturlig/x.png"], [Move("natur", "y", is_folder=True)]) is None


def test_a_legacy_assets_prefix_and_nfd_references_still_follow():
    nfd = unicodedata.normalize("NFD", "mat/smørbrød.png")
    assert moved_references([f"assets/{nfd}"], [Move("mat/smørbrød.png", "mat/lunsj.png")]) == ("mat/lunsj.png",)


def row(**fields):
    return AssetRow(**{"path": "natur/nordlys.png", "kind": "image", "size": 1, "modified": 0.0} | fields)


def test_filters():
    used_long_ago = row(post_ids=("p1",), titles=("Nordlys",), last_used=dt.date(2026, 1, 5),
                        categories=frozenset({"inspirasjon"}))  # fmt: skip
    fresh = row(path="mat/frokost.mp4", kind="video", is_new=True)
    recent = row(path="natur/kajakk.png", post_ids=("p2",), last_used=dt.date(2026, 11, 1), top=True)
    rows = [used_long_ago, fresh, recent]

    def kept(text):
        query = AssetQuery.parse(text)
        return [r.path for r in rows if query.matches(r, TODAY)]

    assert kept("") == [r.path for r in rows]
    assert kept("new") == ["mat/frokost.mp4"]
    assert kept("unused") == ["mat/frokost.mp4"]
    assert kept("unused:6") == ["natur/nordlys.png", "mat/frokost.mp4"]
    assert kept("top") == ["natur/kajakk.png"]
    assert kept("folder:natur") == ["natur/nordlys.png", "natur/kajakk.png"]
    assert kept("type:video") == ["mat/frokost.mp4"]
    assert kept("category:inspir") == ["natur/nordlys.png"]
    assert kept("KAJ") == ["natur/kajakk.png"]
    assert AssetQuery.parse("unused:x type:gif").problems


def test_an_unknown_filter_key_is_said_not_ignored():
    """Issue 17.8: `foo:bar` matched no file and said nothing."""
    assert [p.split(":")[0] for p in AssetQuery.parse("foo:bar nordlys").problems] == ["foo"]
    assert AssetQuery.parse("folder:").problems  # a key without its value
    assert AssetQuery.parse("folder:natur kajakk").problems == ()


def test_months_before_clamps_to_the_end_of_the_month():
    assert months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 1) == dt.date(2025, 12, 15)


def test_top_posts_are_the_best_tenth_and_at_least_one():
    assert top_post_ids([("a", 1.0), ("b", 9.0), ("c", 3.0)]) == {"b"}
    assert len(top_post_ids([(str(i), float(i)) for i in range(40)])) == 4
    assert top_post_ids([]) == frozenset()
