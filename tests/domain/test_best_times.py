"""Best times, learned: too few posts say so; the hour that reached and engaged most wins."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.best_times import MIN_CHANNEL_POSTS, MIN_SLOT_POSTS, learn, preferred_times
from someplan.domain.figures_stats import RatedPost
from someplan.domain.post import Post, Status

TODAY = dt.date(2026, 11, 18)
TUESDAY = dt.date(2026, 11, 10)


def rated(n, day, at, reach, engagement, channel="fb"):
    post = Post(f"p{n}", channel=channel, date=day, time=at, status=Status.PUBLISHED)
    return RatedPost(post, "Facebook", "", reach, engagement, "reactions")


def tuesdays(count, at, reach, engagement, start=0, channel="fb"):
    return [rated(start + i, TUESDAY - dt.timedelta(weeks=i), at, reach, engagement, channel) for i in range(count)]


def test_too_few_posts_learn_nothing_and_say_how_many_there_are():
    learned = learn(tuesdays(MIN_CHANNEL_POSTS - 1, dt.time(9), 30.0, 5.0), TODAY)
    assert learned["fb"].posts == MIN_CHANNEL_POSTS - 1 and not learned["fb"].enough
    assert learned["fb"].time_for(1) is None and preferred_times(learned) == {}


def test_the_hour_that_reached_and_engaged_most_is_the_weekdays_best_at_its_usual_time():
    posts = tuesdays(12, dt.time(9, 30), 40.0, 8.0) + tuesdays(12, dt.time(19), 20.0, 4.0, start=100)
    learned = learn(posts, TODAY)["fb"]
    best = learned.time_for(1)
    assert best is not None and best.hour == 9 and best.time == dt.time(9, 30) and best.posts == 12
    assert best.score > 1 and preferred_times({"fb": learned}) == {("fb", 1): dt.time(9, 30)}


def test_an_hour_with_fewer_than_the_minimum_posts_is_never_best_however_good():
    posts = tuesdays(20, dt.time(19), 20.0, 4.0) + tuesdays(MIN_SLOT_POSTS - 1, dt.time(7), 90.0, 20.0, start=100)
    best = learn(posts, TODAY)["fb"].time_for(1)
    assert best is not None and best.hour == 19


def test_posts_older_than_a_year_or_without_time_or_rates_are_not_learned_from():
    old = tuesdays(25, dt.time(9), 30.0, 5.0, channel="fb")
    shifted = [RatedPost(Post(r.post.id, channel="fb", date=r.day - dt.timedelta(weeks=60), time=r.post.time), "", "", 1, 1, "")
               for r in old]  # fmt: skip
    untimed = [RatedPost(Post(f"u{i}", channel="fb", date=TUESDAY), "", "", 1.0, 1.0, "") for i in range(25)]
    unrated = [RatedPost(Post(f"n{i}", channel="fb", date=TUESDAY, time=dt.time(9)), "", "", None, None, "") for i in range(25)]
    assert learn(shifted + untimed + unrated, TODAY) == {}


@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 23), st.floats(0.1, 100), st.floats(0.1, 30)), max_size=80))
def test_a_best_time_lies_in_its_own_hour_and_has_enough_posts(cells):
    posts = [rated(i, TODAY - dt.timedelta(days=(TODAY.weekday() - wd) % 7 + 7), dt.time(h, 15), r, e)
             for i, (wd, h, r, e) in enumerate(cells)]  # fmt: skip
    for times in learn(posts, TODAY).values():
        assert times.enough or not times.best
        for weekday, best in times.best.items():
            assert best.weekday == weekday and best.time.hour == best.hour and best.posts >= MIN_SLOT_POSTS
