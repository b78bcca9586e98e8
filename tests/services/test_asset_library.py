"""The asset library without the planner: scan, changes held during the scan, moves followed."""

import datetime as dt
import os

from someplan.domain.assets import Move
from someplan.services.asset_library import AssetLibrary, title_from_name
from someplan.services.asset_watch import Added, Moved, Removed
from someplan.services.assets import stat_entry
from someplan.services.catalog import POSTS

TODAY = dt.date(2026, 11, 18)


def users_of(catalog, key):
    return sorted(pid for pid, doc in catalog.workspace.view(POSTS).items() if key in doc.get("assets", []))


def test_changes_seen_during_the_scan_wait_for_it_and_a_move_carries_the_references(catalog, sample):
    library = AssetLibrary(catalog)
    users = users_of(catalog, "natur/nordlys.png")
    assert users and library.scanning and library.rows("", TODAY, "en") is None
    entries = library.scan()
    root = sample / "assets"
    os.rename(root / "natur" / "nordlys.png", root / "natur" / "nordlys-2026.png")
    assert library.apply([Moved(Move("natur/nordlys.png", "natur/nordlys-2026.png"))]).relinked == 0  # held
    done = library.load(entries)
    assert done.relinked == len(users) and done.error is None
    assert users_of(catalog, "natur/nordlys-2026.png") == users
    listing = library.rows("", TODAY, "en")
    assert "natur/nordlys-2026.png" in {row.path for row in listing.rows}
    assert library.rows("", TODAY, "en") is None, "nothing changed: the listing is not rebuilt"


def test_a_delete_and_create_of_the_same_content_counts_as_a_move(catalog, sample):
    library = AssetLibrary(catalog)
    library.load(library.scan())
    keys = library.referenced()
    assert "natur/nordlys.png" in keys
    library.remember_fingerprints(keys)
    root = sample / "assets"
    os.rename(root / "natur" / "nordlys.png", root / "nordlys.png")
    assert library.apply([Removed("natur/nordlys.png")]).moves == []
    done = library.apply([Added("nordlys.png", stat_entry(str(root / "nordlys.png"), "nordlys.png"))])
    assert done.moves == [Move("natur/nordlys.png", "nordlys.png")] and done.arrived == ["nordlys.png"]
    assert users_of(catalog, "nordlys.png") and not users_of(catalog, "natur/nordlys.png")


def test_the_hint_names_missing_files_and_new_posts_get_the_folders_category(catalog):
    library = AssetLibrary(catalog)
    assert library.hint(("natur/nordlys.png",)) == "", "nothing is known before the scan"
    library.load(library.scan())
    assert library.hint(("natur/nordlys.png", "borte.jpg")) == "✓ natur/nordlys.png · ⚠ missing: borte.jpg"
    ansatte = next(c for c in catalog.categories() if c.name.casefold() == "ansatte")
    assert library.category_for("ansatte/kari.jpg") == ansatte.id
    assert library.category_for("kari.jpg") is None
    assert title_from_name("natur/nordlys-over-fjorden_2.jpg") == "Nordlys over fjorden 2"


def test_looking_is_written_at_most_once_a_minute(catalog):
    library = AssetLibrary(catalog)
    assert library.looked(1000.0) and not library.looked(1030.0) and library.looked(1061.0)


def test_a_library_stopped_first_starts_no_watcher(catalog):
    library = AssetLibrary(catalog)
    library.stop()  # the planner closed before its worker got to watching
    library.watch(lambda changes: None)
    assert library._watcher is None


def test_the_index_finds_a_posts_reference_as_the_hint_does(tmp_path):
    from someplan.services.assets import AssetEntry, AssetIndex

    index = AssetIndex(tmp_path)
    index.load({"natur/nordlys.png": AssetEntry(1, 1.0, 1.0), "kafé.jpg": AssetEntry(1, 1.0, 1.0, disk="kafe\u0301.jpg")})
    assert index.find("natur/nordlys.png") == "natur/nordlys.png"
    assert index.find("assets/natur/nordlys.png") == "natur/nordlys.png"  # as early versions stored it
    assert index.find("kafe\u0301.jpg") == "kafé.jpg"  # typed on a Mac, NFD
    assert index.disk_path(index.find("kafé.jpg")) == tmp_path / "kafe\u0301.jpg"
    assert index.find("borte.jpg") is None and index.find("../utenfor.jpg") is None
