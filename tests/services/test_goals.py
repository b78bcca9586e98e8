"""Goals in the workspace: stored per field, where they stand on the sample, the report's lines."""

import datetime as dt
from dataclasses import replace

import pytest

from someplan.domain.goals import Goal, Pace, TargetKind
from someplan.services import goals as service
from someplan.services.catalog import Catalog
from someplan.services.errors import UserError
from someplan.store.device import IdentityStore
from someplan.store.workspace import Workspace

TODAY = dt.date(2026, 11, 18)


@pytest.fixture
def catalog(catalog):
    """The sample without its own goals, so each test sees only the ones it sets."""
    for goal in catalog.goals():
        catalog.workspace.delete(service.GOALS, goal.id)
    return catalog


def test_the_sample_shows_a_newcomer_goals_with_standings(sample_copy):
    sample = Catalog(Workspace.open(sample_copy, writable=False))
    found = service.standings(sample, TODAY)
    assert {entry.goal.title for entry in found} == {"Fylle julebordene", "Færre telefoner til sentralbordet"}
    paces = {item.target.kind: item.standing.pace for entry in found for item in entry.targets}
    assert paces[TargetKind.COUNT] is Pace.ON_TRACK and paces[TargetKind.SHARE] is Pace.BEHIND
    assert paces[TargetKind.NEW_FOLLOWERS] is Pace.UNKNOWN  # the sample has no page-level imports: it says so
    sample.workspace.close()


def add(catalog, *targets, title="Fylle julebordene", start=dt.date(2026, 9, 7), end=dt.date(2026, 12, 20)):
    parsed = tuple(service.parse_target(text, catalog) for text in targets)
    parsed = tuple(replace(t, id=service.new_target_id()) for t in parsed)
    return service.add_goal(catalog, Goal("", title, start, end, targets=parsed))


def test_targets_are_read_in_both_languages_and_checked(catalog):
    facebook = catalog.channel("Facebook").id
    target = service.parse_target("innlegg >= 3 kanal=Facebook", catalog)
    assert (target.kind, target.value, target.channel) == (TargetKind.POSTS_PER_WEEK, 3.0, facebook)
    assert service.parse_target("engasjementsrate ≥ 6,5 %", catalog).value == 6.5
    count = service.parse_target("antall <= 40 label='telefoner til sentralbordet'", catalog)
    assert count.label == "telefoner til sentralbordet" and count.direction.value == "at_most"
    for wrong in ("andel >= 30", "count <= 4", "fart >= 3", "engagement", "share >= 3 colour=red"):
        with pytest.raises(UserError):
            service.parse_target(wrong, catalog)


def test_standing_on_the_sample_and_the_posts_that_moved_it(catalog):
    goal = add(catalog, "engagement_rate >= 5", "posts >= 2 channel=Instagram", "share >= 10 category=ansatte",
               "new_followers >= 100")  # fmt: skip
    [entry] = service.standings(catalog, TODAY)
    by_kind = {t.target.kind: t.standing for t in entry.targets}
    engagement = by_kind[TargetKind.ENGAGEMENT_RATE]
    assert engagement.now is not None and len(engagement.weekly) == 10  # uke 37–46 are whole
    assert engagement.pace in (Pace.ON_TRACK, Pace.BEHIND) and engagement.movers
    assert by_kind[TargetKind.POSTS_PER_WEEK].weekly and by_kind[TargetKind.SHARE].now is not None
    assert by_kind[TargetKind.NEW_FOLLOWERS].note == "no_page_figures"
    marked = service.movers([entry])
    assert set(marked) == set(engagement.movers) and goal.title in next(iter(marked.values()))[0]


def test_a_count_by_hand_and_dropping_a_target(catalog):
    goal = add(catalog, "count <= 40 label='telefoner'", "engagement_rate >= 5")
    count = next(t for t in goal.targets if t.kind is TargetKind.COUNT)
    for week, calls in enumerate((60, 55, 50, 47)):
        service.record_count(catalog, goal, count, dt.date(2026, 9, 8) + dt.timedelta(weeks=week), calls)
    stored = service.find_goal(catalog, "fylle julebordene")
    assert list(next(t for t in stored.targets if t.kind is TargetKind.COUNT).recorded.values()) == [60, 55, 50, 47]
    with pytest.raises(UserError):
        service.record_count(catalog, stored, next(t for t in stored.targets if t.kind is not TargetKind.COUNT), TODAY, 3)
    service.drop_target(catalog, stored, count.id)
    left = service.find_goal(catalog, goal.id)
    assert [t.kind for t in left.targets] == [TargetKind.ENGAGEMENT_RATE]
    assert not any(key.startswith("count.") and value is not None
                   for key, value in catalog.workspace.get(service.GOALS, goal.id).items())  # fmt: skip


def test_two_colleagues_adding_targets_at_once_keep_both(sample_copy, tmp_path):
    first = Catalog(Workspace.open(sample_copy, IdentityStore(tmp_path / "a1", tmp_path / "a2")))
    goal = add(first, "engagement_rate >= 5", title="Flere bookinger")
    second = Catalog(Workspace.open(sample_copy, IdentityStore(tmp_path / "b1", tmp_path / "b2")))
    service.add_target(first, goal, service.parse_target("reach_rate >= 30", first))
    service.add_target(second, service.find_goal(second, goal.id), service.parse_target("posts >= 3", second))
    first.workspace.close()
    second.workspace.close()
    merged = Catalog(Workspace.open(sample_copy, IdentityStore(tmp_path / "c1", tmp_path / "c2"), writable=False))
    kinds = {t.kind for t in service.find_goal(merged, goal.id).targets}
    assert len(merged.goals()) == 3  # the sample's two and this one
    assert kinds == {TargetKind.ENGAGEMENT_RATE, TargetKind.REACH_RATE, TargetKind.POSTS_PER_WEEK}
    merged.workspace.close()


def test_goals_are_checked_found_and_restored(catalog):
    with pytest.raises(UserError, match="title"):
        add(catalog, title=" ")
    with pytest.raises(UserError, match="before the start"):
        add(catalog, start=dt.date(2026, 12, 1), end=dt.date(2026, 11, 1))
    goal = add(catalog, "engagement_rate >= 5")
    assert service.find_goal(catalog, goal.id[:8]).id == goal.id
    service.remove_goal(catalog, goal.id)
    with pytest.raises(UserError, match="no goal"):
        service.find_goal(catalog, "Fylle julebordene")
    service.restore_goal(catalog, goal.id)
    assert service.edit_goal(catalog, goal.id, title="Fulle julebord").title == "Fulle julebord"


def test_the_report_shows_the_goals_touching_its_period(catalog):
    assert service.report_lines(catalog, dt.date(2026, 10, 1), dt.date(2026, 10, 31), TODAY) is None  # no goals: no section
    add(catalog, "engagement_rate >= 5")
    add(catalog, title="Neste år", start=dt.date(2027, 1, 1), end=dt.date(2027, 3, 31))
    lines = service.report_lines(catalog, dt.date(2026, 10, 1), dt.date(2026, 10, 31), TODAY)
    assert [line.goal for line in lines] == ["Fylle julebordene"]
    assert "5" in lines[0].target and lines[0].reached is None  # under way: the verdict is in `now`
    assert lines[0].now.endswith(("on track", "behind"))
    add(catalog, "engagement_rate >= 1", title="Høstferien", start=dt.date(2026, 9, 7), end=dt.date(2026, 10, 25))
    ended = service.report_lines(catalog, dt.date(2026, 10, 1), dt.date(2026, 10, 31), TODAY)
    assert [(line.goal, line.reached) for line in ended if line.goal == "Høstferien"] == [("Høstferien", True)]


def test_the_written_report_has_the_goals_section(sample_copy):
    from someplan.services.exports.digest import Period
    from someplan.services.report_file import write_report

    sample = Catalog(Workspace.open(sample_copy))
    _report, path = write_report(sample, Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31)), TODAY)
    page = path.read_text(encoding="utf-8")
    assert "Fylle julebordene" in page and "Færre telefoner til sentralbordet" in page
    sample.workspace.close()


def test_fill_gives_a_category_without_a_time_the_learned_best_time_and_says_so(sample_copy):
    from someplan.domain.best_times import preferred_times
    from someplan.domain.weeks import IsoWeek
    from someplan.services.best_times import learned_times
    from someplan.services.rotation_fill import fill_plan

    sample = Catalog(Workspace.open(sample_copy))
    for category in sample.categories():
        sample.workspace.write([("categories", category.id, "time", None)])
    best = preferred_times(learned_times(sample, TODAY))
    assert best  # Facebook and Instagram have enough posts in the sample
    plan = fill_plan(sample, [IsoWeek(2026, 51), IsoWeek(2026, 52)], TODAY)  # after the planned weeks
    learned = [p for p in plan.proposals if p.time_from == "learned"]
    assert learned and all(p.time == best[(p.channel, p.date.weekday())] for p in learned)
    assert all(p.time is None for p in plan.proposals if p.time_from != "learned")
    sample.workspace.close()


@pytest.mark.parametrize("value", [float("inf"), float("nan"), -1])
def test_a_count_that_is_not_a_finite_number_is_refused_not_written(catalog, value):
    """`inf` and `nan` passed the old `< 0` check and crashed the write (the op log is strict JSON)."""
    goal = add(catalog, "count <= 40 label='telefoner'")
    count = goal.targets[0]
    with pytest.raises(UserError):
        service.record_count(catalog, goal, count, TODAY, value)
    assert not service.find_goal(catalog, goal.id).targets[0].recorded
