from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.capacity import (
    SETUP_MINUTES,
    UNKNOWN_MINUTES,
    Capacity,
    Load,
    Minutes,
    available_minutes,
    batch_saving,
    capacity_label,
    week_capacity,
    weeks_capacity,
)
from someplan.domain.category import Category
from someplan.domain.doc_fields import parse_hours
from someplan.domain.person import Person
from someplan.domain.post import Post, PostFormat
from someplan.domain.settings import WorkspaceSettings
from someplan.domain.weeks import IsoWeek
from someplan.i18n import set_language

WEEK = IsoWeek(2026, 48)  # 23–29 Nov
PORTRAIT = Category("portrait", minutes=45)
MINUTES = Minutes.of({"image": 25}, [PORTRAIT, Category("plain")])


def test_a_post_takes_the_larger_of_its_formats_and_its_categorys_minutes():
    assert MINUTES.of_post(Post("a", format=PostFormat.REEL, category="portrait")) == 120
    assert MINUTES.of_post(Post("b", format=PostFormat.IMAGE, category="portrait")) == 45
    assert MINUTES.of_post(Post("c", format=PostFormat.IMAGE, category="plain")) == 25  # the workspace's change
    assert MINUTES.of_post(Post("d", category="portrait")) == 45
    assert MINUTES.of_post(Post("e")) == UNKNOWN_MINUTES


def test_unknown_formats_in_the_settings_are_ignored():
    assert Minutes.of({"hologram": 5}, []).by_format == Minutes.of({}, []).by_format


def test_the_week_needs_its_dated_posts_and_the_people_have_their_hours():
    posts = [
        Post("in", date=date(2026, 11, 23), format=PostFormat.REEL),
        Post("in-too", date=date(2026, 11, 29), category="portrait"),
        Post("next-week", date=date(2026, 11, 30), format=PostFormat.REEL),
        Post("undated", format=PostFormat.REEL),
    ]
    available = available_minutes([2.5, 1, None])
    capacity = week_capacity(posts, WEEK, MINUTES, available)
    assert capacity == Capacity(WEEK, 2, 165, 210)
    assert capacity.load is Load.OK
    assert weeks_capacity(posts, [WEEK, WEEK + 1], MINUTES, available)[WEEK + 1].needed == 120


def test_load_is_unknown_without_hours_tight_from_ninety_percent_and_over_above_the_hours():
    assert available_minutes([None]) is None
    assert Capacity(WEEK, 1, 30, None).load is Load.UNKNOWN
    assert Capacity(WEEK, 3, 89, 100).load is Load.OK
    assert Capacity(WEEK, 3, 90, 100).load is Load.TIGHT
    assert Capacity(WEEK, 3, 100, 100).load is Load.TIGHT
    assert Capacity(WEEK, 3, 101, 100).load is Load.OVER
    assert Capacity(WEEK, 1, 30, 0).load is Load.OVER
    assert Capacity(WEEK, 0, 0, 0).load is Load.OK


def test_proposals_added_to_a_week_count_only_when_they_fall_in_it():
    capacity = Capacity(WEEK, 1, 30, 120)
    added = [Post("p", date=date(2026, 11, 24), format=PostFormat.REEL), Post("q", date=date(2026, 12, 1))]
    after = capacity.with_posts(added, MINUTES)
    assert (after.posts, after.needed, after.load) == (2, 150, Load.OVER)


def test_a_batch_sets_up_once():
    saving = batch_saving([45, 45, 45, 45])
    assert (saving.one_by_one, saving.in_batch, saving.saved) == (180, 180 - 3 * SETUP_MINUTES, 3 * SETUP_MINUTES)
    assert batch_saving([]).saved == 0
    assert batch_saving([45]).saved == 0


@given(st.lists(st.integers(min_value=0, max_value=600), max_size=8))
def test_a_batch_never_costs_more_than_one_by_one(minutes):
    saving = batch_saving(minutes)
    assert 0 <= saving.saved <= max(0, len(minutes) - 1) * SETUP_MINUTES
    assert saving.in_batch >= (max(minutes) if minutes else 0)


def test_hours_are_read_tolerantly_and_a_week_has_168():
    assert parse_hours("7,5") == 7.5
    assert parse_hours(20) == 20.0
    assert parse_hours(169) is None
    assert parse_hours(float("nan")) is None
    assert parse_hours(True) is None
    assert Person.from_doc({"name": "K", "hours": "x"}, "k").hours is None


def test_format_minutes_are_one_settings_field_each():
    settings = WorkspaceSettings(format_minutes={"reel": 150}, mix_targets={"format:reel": 20})
    doc = settings.to_doc()
    assert doc["minutes_reel"] == 150 and doc["mix_format:reel"] == 20
    assert WorkspaceSettings.from_doc(doc) == settings


def test_the_label_says_needed_against_available_in_the_language_spoken():
    set_language("nb")
    try:
        assert capacity_label(Capacity(WEEK, 2, 90, 600)) == "1,5 / 10 t"
    finally:
        set_language("en")
    assert capacity_label(Capacity(WEEK, 2, 90, 600)) == "1.5 / 10 h"
    assert capacity_label(Capacity(WEEK, 2, 90, None)) == "1.5 h"
