"""Reading exports: numbers with any thousands separator, times in the orders seen, headers."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from someplan.services.figures.columns import Columns, detect_network, parse_count, parse_published
from someplan.domain.channel import Network


@pytest.mark.parametrize(
    "text, count",
    [("1250", 1250), ("1,250", 1250), ('"1,250"', 1250), ("1 250", 1250), ("1.250", 1250), ("1\u00a0250", 1250),
     ("12,345,678", 12345678), ("0", 0), ("", None), ("-", None), ("--", None), (" 42 ", 42), (7, 7), (7.0, 7), (None, None)],
)  # fmt: skip
def test_counts_as_exports_write_them(text, count):
    assert parse_count(text) == count


@pytest.mark.parametrize("garbage", ["12x", "1,25", "1,2500", "-5", "abc", "1.5", 2.5, -1, "1,250,00"])
def test_garbage_is_not_a_count(garbage):
    with pytest.raises(ValueError):
        parse_count(garbage)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([",", ".", " ", "\u00a0", ""]))
def test_any_count_with_any_thousands_separator_reads_back(number, separator):
    text = f"{number:,}".replace(",", separator)
    assert parse_count(text) == number
    assert parse_count(f'"{text}"') == number


@pytest.mark.parametrize(
    "text, day_first, expected, timed",
    [
        ("11/10/2025 21:00", False, dt.datetime(2025, 11, 10, 21, 0), True),
        ("11/10/2025 21:00", True, dt.datetime(2025, 10, 11, 21, 0), True),
        ("10.11.2025 21:00", False, dt.datetime(2025, 11, 10, 21, 0), True),
        # an offset in the cell is kept: the instant is what counts (issue 14)
        ("2025-11-10T21:00:00+0100", False, dt.datetime(2025, 11, 10, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))), True),
        ("2025-02-16T11:30:46+0000", False, dt.datetime(2025, 2, 16, 11, 30, tzinfo=dt.UTC), True),
        ("2025-08-01T00:00:00", False, dt.datetime(2025, 8, 1, 0, 0), True),  # a written midnight is a time
        (44008, False, dt.datetime(2020, 6, 26), False),  # an Excel serial date (LinkedIn, 2020)
        ("44008", False, dt.datetime(2020, 6, 26), False),
        (44008.75, False, dt.datetime(2020, 6, 26, 18, 0), True),
        ("2025-11-10", False, dt.datetime(2025, 11, 10), False),
        ("11/10/2025", False, dt.datetime(2025, 11, 10), False),
        ("11/10/2025 9:05 PM", False, dt.datetime(2025, 11, 10, 21, 5), True),
        (dt.datetime(2025, 11, 10, 21, 0), False, dt.datetime(2025, 11, 10, 21, 0), True),
    ],
)
def test_publish_times(text, day_first, expected, timed):
    assert parse_published(text, day_first) == (expected, timed)


def test_a_spreadsheet_midnight_is_a_time_in_a_column_of_times():
    midnight = dt.datetime(2025, 6, 6, 0, 0)
    assert parse_published(midnight, midnight_is_time=True) == (midnight, True)
    assert parse_published(midnight) == (midnight, False)  # a column of dates holds only midnights


def test_an_empty_column_never_shadows_a_filled_alias():
    headers = ["Post title", "Post link", "Created date", "Views", "Impressions", "Clicks"]
    rows = [("A", "https://l/1", "11/10/2025", "", "1,502", "12"), ("B", "https://l/2", "11/11/2025", "", "401", "3")]
    assert Columns.by_alias(headers, rows).index["views"] == 4
    assert Columns.by_alias(headers, [("A", "l", "d", "7", "9", "1")]).index["views"] == 3


@pytest.mark.parametrize("garbage", ["yesterday", "13/13/2025", "2025-02-30", "11/10/2025 25:00", 12, "99999"])
def test_garbage_is_not_a_time(garbage):
    with pytest.raises(ValueError):
        parse_published(garbage)


def test_columns_by_name_first_of_two_wins_and_combined_labels_are_not_confused():
    headers = ["Post ID", "Page ID", "Reactions, Comments and Shares", " REACTIONS ", "Reach", "Reactions", "Views", "Impressions"]
    columns = Columns.by_alias(headers)
    assert columns.index["reactions"] == 3 and columns.index["reach"] == 4 and columns.index["views"] == 6
    assert detect_network(headers) is Network.FACEBOOK


def test_localized_headers():
    columns = Columns.by_alias(["Innlegg-ID", "Sidenavn", "Publiseringstidspunkt", "Rekkevidde", "Reaksjoner", "Reichweite"])
    assert columns.index == {"external_id": 0, "published": 2, "reach": 3, "reactions": 4}
