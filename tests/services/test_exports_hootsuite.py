"""Hootsuite's bulk-composer rules: one rule a test, and the file read back as Hootsuite would."""

import csv
import datetime as dt
import io

import pytest

from someplan.domain.channel import Channel, Network
from someplan.domain.post import Post, Status
from someplan.services.errors import UserError
from someplan.services.exports.hootsuite import MAX_ROWS, Rule, hootsuite_file, violations
from someplan.services.exports.run import ExportRequest, local_now, prepare

NOW = dt.datetime(2026, 11, 18, 12, 0)
DAY = dt.date(2026, 11, 23)
FACEBOOK = Channel("fb", "Facebook", Network.FACEBOOK)
INSTAGRAM = Channel("ig", "Instagram", Network.INSTAGRAM)


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def post(id="p", channel="fb", day=DAY, at=dt.time(9, 30), **fields) -> Post:
    fields.setdefault("title", "Kari i resepsjonen")
    return Post(id, channel=channel, date=day, time=at, status=Status.READY, **fields)


def rules(p: Post, network=Network.FACEBOOK, now=NOW) -> set[Rule]:
    return {v.rule for v in violations(p, network, now)}


def rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff")  # a BOM would stick to the first date
    return list(csv.reader(io.StringIO(text, newline="")))


def test_a_good_post_breaks_no_rule():
    assert rules(post()) == set()


def test_a_time_of_day_is_needed():
    assert rules(post(at=None)) == {Rule.NO_TIME}


def test_the_time_must_be_ahead_of_now():
    assert rules(post(day=dt.date(2026, 11, 18), at=dt.time(11, 55))) == {Rule.PAST}
    assert rules(post(day=dt.date(2026, 11, 18), at=dt.time(12, 0))) == {Rule.PAST}  # now is not ahead
    assert rules(post(day=dt.date(2026, 11, 18), at=dt.time(12, 5))) == set()


def test_the_time_must_be_on_a_five_minute_mark():
    found = violations(post(at=dt.time(9, 32)), Network.FACEBOOK, NOW)
    assert [v.rule for v in found] == [Rule.OFF_MARK]
    assert "09:30" in found[0].message and "09:35" in found[0].message
    assert rules(post(at=dt.time(9, 55))) == set()


def test_the_message_must_not_be_empty():
    assert rules(post(title="", caption="  \n ")) == {Rule.EMPTY}


def test_the_message_is_the_caption_else_the_title():
    made = hootsuite_file([post("a", caption="Tekst til innlegget"), post("b", at=dt.time(10, 0))], FACEBOOK, NOW)
    assert [row[1] for row in rows(made.data)] == ["Tekst til innlegget", "Kari i resepsjonen"]


@pytest.mark.parametrize("network, limit", [(Network.INSTAGRAM, 2_200), (Network.LINKEDIN, 3_000),
                                            (Network.FACEBOOK, 63_206), (Network.TIKTOK, 2_200)])  # fmt: skip
def test_the_message_must_fit_the_network(network, limit):
    assert rules(post(caption="x" * limit), network) == set()
    found = violations(post(caption="x" * (limit + 1)), network, NOW)
    assert [v.rule for v in found] == [Rule.TOO_LONG]
    assert f"{limit:,}" in found[0].message


def test_a_network_without_a_known_limit_is_not_checked():
    assert rules(post(caption="x" * 100_000), Network.OTHER) == set()


def test_a_link_must_be_a_web_address():
    assert rules(post(link="https://solvik.example/jul")) == set()
    assert rules(post(link="solvik.example/jul")) == {Rule.BAD_LINK}
    assert rules(post(link="javascript:alert(1)")) == {Rule.BAD_LINK}


def test_every_rule_a_post_breaks_is_reported():
    assert rules(post(day=dt.date(2026, 11, 1), at=dt.time(9, 31), title="", link="x")) == {
        Rule.PAST, Rule.OFF_MARK, Rule.EMPTY, Rule.BAD_LINK}


def test_no_header_three_columns_day_first_and_month_first():
    posts = [post("a", at=dt.time(18, 0), link="https://solvik.example/a"), post("b", day=dt.date(2026, 12, 3), at=dt.time(7, 5))]
    made = hootsuite_file(posts, FACEBOOK, NOW)
    assert rows(made.data) == [["23/11/2026 18:00", "Kari i resepsjonen", "https://solvik.example/a"],
                               ["03/12/2026 07:05", "Kari i resepsjonen", ""]]  # fmt: skip
    assert rows(hootsuite_file(posts, FACEBOOK, NOW, "mdy").data)[1][0] == "12/03/2026 07:05"


def test_one_profile_per_file_other_channels_are_not_taken():
    made = hootsuite_file([post("a"), post("b", channel="ig")], FACEBOOK, NOW)
    assert [p.id for p in made.rows] == ["a"] and made.skipped == ()


def test_at_most_350_rows_the_rest_is_left_out_with_a_reason():
    posts = [post(f"p{i:03}", day=DAY + dt.timedelta(days=i // 20), at=dt.time(8 + (i % 20) // 2, (i % 2) * 30)) for i in range(MAX_ROWS + 3)]
    made = hootsuite_file(posts, FACEBOOK, NOW)
    assert len(rows(made.data)) == MAX_ROWS == len(made.rows)
    assert [s.post.id for s in made.skipped] == ["p350", "p351", "p352"]
    assert {v.rule for s in made.skipped for v in s.violations} == {Rule.TOO_MANY}


def test_broken_posts_are_left_out_and_do_not_count_towards_the_limit():
    made = hootsuite_file([post("late", at=dt.time(9, 31)), post("ok", at=dt.time(10, 0))], FACEBOOK, NOW)
    assert [p.id for p in made.rows] == ["ok"]
    assert [(s.post.id, [v.rule for v in s.violations]) for s in made.skipped] == [("late", [Rule.OFF_MARK])]


def test_hostile_messages_stay_one_field_each():
    caption = 'Linje 1\nLinje 2, "sitat"; =HYPERLINK("x")'
    made = hootsuite_file([post("a", channel="ig", caption=caption)], INSTAGRAM, NOW)
    assert rows(made.data) == [["23/11/2026 09:30", caption, ""]]  # posted as written: no apostrophe added


def test_the_service_takes_ready_posts_of_one_channel_and_says_what_it_left(catalog):
    result = prepare(catalog, ExportRequest("hootsuite", channels=("Facebook",)), dt.date(2026, 11, 18),
                     now=dt.datetime(2026, 11, 18, 0, 0))  # fmt: skip
    facebook = catalog.channel("Facebook")
    ready = [p for p in catalog.posts() if p.channel == facebook.id and p.status is Status.READY and p.date
             and dt.date(2026, 11, 18) <= p.date <= dt.date(2026, 12, 13)]  # fmt: skip
    assert result.count == len(ready) > 0 and not result.skipped
    assert result.notes and "another status" in result.notes[0]
    assert result.default_name.startswith("someplan-hootsuite-facebook-") and result.default_name.endswith(".csv")


def test_the_service_needs_exactly_one_channel(catalog):
    with pytest.raises(UserError, match="one channel"):
        prepare(catalog, ExportRequest("hootsuite"), dt.date(2026, 11, 18))
    with pytest.raises(UserError, match="one channel"):
        prepare(catalog, ExportRequest("hootsuite", channels=("Facebook", "Instagram")), dt.date(2026, 11, 18))


def test_a_pinned_today_counts_from_its_first_minute(catalog):
    assert local_now(catalog, dt.date(2026, 11, 18)) == dt.datetime(2026, 11, 18, 0, 0)


def test_a_file_without_posts_is_not_written(catalog, tmp_path):
    from someplan.services.exports.run import write

    request = ExportRequest("hootsuite", channels=("Facebook",), statuses=("published",))
    result = prepare(catalog, request, dt.date(2026, 11, 18), now=dt.datetime(2026, 11, 18, 0, 0))
    assert result.count == 0 and "nothing to export" in result.nothing
    with pytest.raises(UserError, match="nothing to export"):
        write(result, catalog, str(tmp_path))
    assert not list(tmp_path.glob("someplan-*"))
