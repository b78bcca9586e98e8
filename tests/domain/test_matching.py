"""Tying export rows to posts: id, permalink, time and text; duplicates; never two rows on one post."""

import datetime as dt

from someplan.domain.matching import Candidate, ExportRow, Outcome, match_rows, similarity

DAY = dt.date(2026, 11, 10)


def post(id, time="19:00", text="Kari: ti år i resepsjonen", channel="fb", **kw):
    return Candidate(id, channel, kw.pop("date", DAY), dt.time.fromisoformat(time) if time else None, text, **kw)


def row(line=2, at="2026-11-10 19:04", text="Kari: ti år i resepsjonen", channel="fb", **kw):
    return ExportRow(line, channel, published=dt.datetime.fromisoformat(at) if at else None, title=text, figures={"reach": 1}, **kw)


def outcomes(rows, posts):
    return [(m.outcome.value, m.post_id, m.how) for m in match_rows(rows, posts)]


def test_by_time_and_text_within_the_tolerance():
    assert outcomes([row()], [post("a")]) == [("matched", "a", "time and text")]


def test_outside_the_tolerance_or_another_channel_is_new():
    assert outcomes([row(at="2026-11-10 23:30")], [post("a")]) == [("new", None, "")]
    assert outcomes([row(channel="ig")], [post("a")]) == [("new", None, "")]


def test_the_most_similar_of_two_posts_at_the_same_time_wins():
    posts = [post("a", text="Julebord i 1950"), post("b", text="Kari: ti år i resepsjonen!")]
    assert outcomes([row()], posts) == [("matched", "b", "time and text")]


def test_unlike_text_is_not_matched_even_at_the_same_minute():
    assert outcomes([row(text="Første snøen på fjellet")], [post("a")])[0][0] == "new"


def test_id_and_permalink_win_over_time():
    tied = post("a", time="08:00", date=dt.date(2026, 1, 1), external_id="facebook:1")
    assert outcomes([row(external_id="facebook:1")], [tied]) == [("matched", "a", "id")]
    linked = post("b", permalink="https://www.facebook.com/1/posts/2/")
    assert outcomes([row(permalink="http://facebook.com/1/posts/2?ref=x", at=None)], [linked]) == [("matched", "b", "permalink")]


def test_a_post_tied_to_another_export_id_is_not_taken_by_time():
    assert outcomes([row(external_id="facebook:2")], [post("a", external_id="facebook:1")])[0][0] == "new"


def test_a_repeated_row_is_a_duplicate_and_one_post_takes_one_row():
    rows = [row(2, external_id="facebook:9"), row(3, external_id="facebook:9"), row(4, external_id="facebook:10")]
    assert outcomes(rows, [post("a")]) == [("matched", "a", "time and text"), ("duplicate", None, "line 2"), ("new", None, "")]


def test_a_row_without_text_takes_the_only_post_close_in_time():
    assert outcomes([row(text="")], [post("a")]) == [("matched", "a", "time")]
    assert outcomes([row(text="")], [post("a"), post("b", time="19:10")])[0][0] == "new"


def test_a_day_only_row_matches_on_its_day():
    dated = ExportRow(2, "fb", published=dt.datetime(2026, 11, 10), timed=False, title="Kari: ti år i resepsjonen")
    assert outcomes([dated], [post("a", time="08:30")]) == [("matched", "a", "time and text")]


def test_similarity():
    assert similarity("Kari: ti år", "kari:  TI år") == 1.0
    assert similarity("Kari: ti år i resepsjonen", "Kari: ti år i resepsjonen. I dag er det ti år siden …") >= 0.8
    assert similarity("", "x") == 0.0
    assert similarity("Julebord", "Nordlysvarsel for helgen") < 0.55


def test_math_bold_emoji_and_punctuation_do_not_stop_a_match():
    assert similarity("𝐂𝐨𝐧𝐠𝐫𝐚𝐭𝐮𝐥𝐚𝐭𝐢𝐨𝐧𝐬, Kari! 🎉", "Congratulations Kari") == 1.0
    assert outcomes([row(text="𝐊𝐚𝐫𝐢: 𝐭𝐢 å𝐫 𝐢 𝐫𝐞𝐬𝐞𝐩𝐬𝐣𝐨𝐧𝐞𝐧 🎉")], [post("a")]) == [("matched", "a", "time and text")]


def test_the_planned_title_inside_a_longer_published_text_is_the_post():
    planned = post("a", time="12:00", text="Black Week: 30 % på vinteropphold Book før søndag, kun for våre faste gjester og venner.",
                   title="Black Week: 30 % på vinteropphold")  # fmt: skip
    published = row(at="2026-11-10 12:02", text="Black Week: 30 % på vinteropphold! Bestill innen søndag.")
    assert outcomes([published], [planned]) == [("matched", "a", "time and title")]


def test_times_with_zones_compare_as_instants():
    utc = row(at="2026-11-10 18:04+00:00")  # 19:04 in Oslo
    assert outcomes([utc], [post("a")]) == [("matched", "a", "time and text")]


def test_photo_permalinks_keep_the_parameters_that_name_the_post():
    from someplan.domain.matching import _link_key

    one = "https://www.facebook.com/photo.php?fbid=111&set=a.9&type=3"
    two = "https://m.facebook.com/photo.php?fbid=222&set=a.9"
    assert _link_key(one) != _link_key(two)
    assert _link_key(one) == _link_key("http://facebook.com/photo.php?set=a.7&fbid=111#x")
    assert _link_key("https://www.facebook.com/123/posts/456/?utm=x") == "facebook.com/123/posts/456"


def test_a_row_with_its_own_id_is_never_a_duplicate_of_another_id():
    link = "https://www.facebook.com/photo.php?set=a.9"  # an album link both rows share
    rows = [row(line=2, external_id="facebook:1", permalink=link), row(line=3, at="2026-11-10 21:00", text="Annet",
                                                                       external_id="facebook:2", permalink=link)]  # fmt: skip
    assert [m.outcome.value for m in match_rows(rows, [])] == ["new", "new"]
    again = [row(line=2, external_id="facebook:1"), row(line=3, external_id="facebook:1")]
    assert [m.outcome.value for m in match_rows(again, [])] == ["new", "duplicate"]
