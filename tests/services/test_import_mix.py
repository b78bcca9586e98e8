"""The format and the paid surface read from the post type and boost columns of real export shapes (issue 19)."""

import dataclasses

from someplan.domain.post import PostFormat, Surface
from someplan.services.figures.columns import format_word
from someplan.services.figures.importer import import_file, plan_import
from someplan.services.planning import save_post

from .conftest import DATA
from .test_figures_real_layouts import JULEBORD_BOOKE_LI, reopen


def _rows(catalog, name):
    return [(m.row.format, m.row.paid) for m in plan_import(catalog, DATA / name).matches]


def test_each_exports_post_type_and_boost_status():
    assert [format_word(w) for w in ("Photos", "IG carousel", "IG reel", "Reels", "Status", "Links", "Organic", None)] == [
        "image", "carousel", "reel", "reel", "text", "link", "", ""]


def test_the_rows_know_their_format_and_whether_they_were_paid(catalog):
    assert _rows(catalog, "meta_instagram_posts.csv") == [("image", False), ("carousel", False), ("reel", True)]
    assert {row for row in _rows(catalog, "meta_facebook_posts.csv")} == {("image", False)}
    assert _rows(catalog, "facebook_insights_posts_old.csv") == [("image", False), ("image", False)]  # paid reach 0
    # LinkedIn: `Post type` is Organic/Sponsored/Total, `Content Type` the format; a sponsored part is paid.
    assert _rows(catalog, "linkedin_posts_2025.xlsx") == [("image", True), ("text", False)]  # "Text" in its Content Type


def test_the_import_fills_the_format_and_paid_but_keeps_the_users_choice(catalog, sample_copy):
    julebord = catalog.post(JULEBORD_BOOKE_LI)
    save_post(catalog, dataclasses.replace(julebord, format=PostFormat.CAROUSEL, surface=None))
    import_file(catalog, DATA / "linkedin_posts_2025.xlsx")
    [boosted] = [m.row for m in plan_import(catalog, DATA / "meta_instagram_posts.csv").matches if m.row.paid]
    import_file(catalog, DATA / "meta_instagram_posts.csv")
    fresh = reopen(sample_copy)
    kept = fresh.post(JULEBORD_BOOKE_LI)
    assert (kept.format, kept.surface) == (PostFormat.CAROUSEL, Surface.PAID)
    reel = next(p for p in fresh.posts() if p.external_id == boosted.external_id)
    assert reel.surface is Surface.PAID and reel.format is not None
