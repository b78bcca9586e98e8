"""Hostile asset references are listed as refused, never read, and `status` and `assets` count the
same workspace alike (issue 18, item 14)."""

import datetime as dt

from someplan.domain.assets import AssetQuery
from someplan.services.assets import asset_counts, asset_root, asset_rows, scan_index
from someplan.services.catalog import POSTS

TODAY = dt.date(2026, 11, 18)
HOSTILE = ["../../../etc/passwd", "/etc/passwd", "C:\\Users\\kari\\secret.jpg", "\\\\server\\share\\x.jpg"]


def test_hostile_references_are_listed_as_refused_and_counts_agree(catalog, tmp_path):
    root = asset_root(catalog)
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(b"secret")
    (root / "ut.jpg").symlink_to(outside)  # a link leading out of the folder: not an asset
    some_file = sorted(str(p.relative_to(root)) for p in root.rglob("*.png") if p.is_file() and not p.is_symlink())[0]
    post_id = next(iter(catalog.workspace.view(POSTS)))
    catalog.workspace.update(POSTS, post_id, {"assets": [*HOSTILE, "ut.jpg", "borte.jpg", some_file]})

    listing = asset_rows(catalog, scan_index(catalog), AssetQuery.parse(""), TODAY, None)
    refused = [row for row in listing.rows if row.refused]
    assert sorted(row.path for row in refused) == sorted(HOSTILE)
    assert all(row.missing and row.post_ids == (post_id,) for row in refused)
    assert listing.refused == 4

    counts = asset_counts(catalog)
    assert counts == {"files": listing.total, "new": listing.new, "unused": listing.unused,
                      "missing": listing.missing, "refused": listing.refused}  # fmt: skip
    assert "ut.jpg" not in {row.path for row in listing.rows if not row.missing}
    assert {row.path for row in listing.rows if row.missing and not row.refused} >= {"ut.jpg", "borte.jpg"}
