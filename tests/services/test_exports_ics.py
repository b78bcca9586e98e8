"""The `.ics` export, read back with the icalendar library: stable UIDs, byte-identical re-exports,
times in UTC from the workspace's zone, all-day posts, hostile text."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from someplan.domain.category import Category
from someplan.domain.channel import Channel, Network
from someplan.domain.post import Post, Status
from someplan.services import planning
from someplan.services.exports.common import Names, clean, one_line
from someplan.services.exports.ics import SEQUENCE_EPOCH, calendar_bytes
from someplan.services.exports.run import ExportRequest, prepare

OSLO = ZoneInfo("Europe/Oslo")
TODAY = dt.date(2026, 11, 18)
UTC = dt.UTC


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def names() -> Names:
    channels = [Channel("fb", "Facebook", Network.FACEBOOK), Channel("ig", "Instagram", Network.INSTAGRAM)]
    return Names.of(channels, [Category("cat", "ansatte", "#e4572e")])


def events(data: bytes) -> dict[str, object]:
    return {str(event["UID"]): event for event in Calendar.from_ical(data).walk("VEVENT")}


def export(posts, changed=None) -> bytes:
    return calendar_bytes(posts, names(), "Solvik", OSLO, "Europe/Oslo", changed or {})


def test_times_are_utc_from_oslo_time_and_untimed_posts_are_all_day():
    posts = [
        Post("winter", title="Vinter", channel="fb", date=dt.date(2026, 11, 23), time=dt.time(9, 30)),
        Post("summer", title="Sommer", channel="ig", date=dt.date(2026, 6, 10), time=dt.time(12, 0)),
        Post("switch", title="Sommertid", channel="fb", date=dt.date(2026, 3, 29), time=dt.time(3, 30)),
        Post("allday", title="Hele dagen", channel="fb", date=dt.date(2026, 11, 24)),
        Post("undated", title="Idé uten dag"),
    ]
    found = events(export(posts))
    assert set(found) == {"winter@someplan", "summer@someplan", "switch@someplan", "allday@someplan"}
    assert found["winter@someplan"].decoded("DTSTART") == dt.datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    assert found["summer@someplan"].decoded("DTSTART") == dt.datetime(2026, 6, 10, 10, 0, tzinfo=UTC)
    assert found["switch@someplan"].decoded("DTSTART") == dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # CEST from 02:00
    assert found["winter@someplan"].decoded("DTEND") - found["winter@someplan"].decoded("DTSTART") == dt.timedelta(minutes=15)
    allday = found["allday@someplan"]
    assert allday.decoded("DTSTART") == dt.date(2026, 11, 24) and allday.decoded("DTEND") == dt.date(2026, 11, 25)
    assert str(found["summer@someplan"]["SUMMARY"]) == "Instagram: Sommer"
    assert str(allday["TRANSP"]) == "TRANSPARENT"


def test_summary_description_status_and_calendar_name():
    post = Post("p1", title="Kari i resepsjonen", caption="Hei fra Kari!", channel="fb", category="cat",
                date=dt.date(2026, 11, 23), time=dt.time(9, 30), status=Status.DRAFT, notes="Husk bilde", owner="Ingrid",
                link="https://x.example/a")  # fmt: skip
    data = export([post])
    calendar = Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "Solvik" and str(calendar["X-WR-TIMEZONE"]) == "Europe/Oslo"
    event = events(data)["p1@someplan"]
    assert str(event["SUMMARY"]) == "Facebook: Kari i resepsjonen"
    description = str(event["DESCRIPTION"])
    assert "Category: ansatte" in description and "Status: draft" in description and "Owner: Ingrid" in description
    assert "Hei fra Kari!" in description and "Notes: Husk bilde" in description
    assert str(event["STATUS"]) == "TENTATIVE" and str(event["URL"]) == "https://x.example/a"
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"\r\nEND:VCALENDAR\r\n" in data


def test_stamp_and_sequence_come_from_the_last_edit_not_the_clock():
    post = Post("p1", title="A", channel="fb", date=dt.date(2026, 11, 23))
    edited = dt.datetime(2026, 11, 16, 9, 22, 5, 123000, tzinfo=UTC)
    event = events(export([post], {"p1": edited}))["p1@someplan"]
    assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 16, 9, 22, 5, tzinfo=UTC)
    assert event.decoded("LAST-MODIFIED") == event.decoded("DTSTAMP")
    assert int(event["SEQUENCE"]) == int((dt.datetime(2026, 11, 16, 9, 22, 5, tzinfo=UTC) - SEQUENCE_EPOCH).total_seconds())
    later = events(export([post], {"p1": edited + dt.timedelta(seconds=3)}))["p1@someplan"]
    assert int(later["SEQUENCE"]) == int(event["SEQUENCE"]) + 3
    assert export([post], {"p1": edited}) == export([post], {"p1": edited})


def test_hostile_text_stays_text():
    title = "Møte; kl. 10, rom 2\\3\nBEGIN:VEVENT\x1b[31m <b>[x](y)</b>"
    post = Post("p1", title=title, caption="line 1\r\nline 2\rline 3", channel="fb", date=dt.date(2026, 11, 23))
    data = export([post])
    found = Calendar.from_ical(data).walk("VEVENT")
    assert len(found) == 1
    summary = str(found[0]["SUMMARY"])
    assert "\n" not in summary and "\x1b" not in summary and "\\x1b[31m" in summary
    assert summary.startswith("Facebook: Møte; kl. 10, rom 2\\3 BEGIN:VEVENT")
    assert "line 1\nline 2\nline 3" in str(found[0]["DESCRIPTION"])


def test_the_sample_plan_exports_every_dated_post_of_the_period_and_again_byte_for_byte(catalog):
    result = prepare(catalog, ExportRequest("ics"), TODAY)
    period = result.period
    assert (period.first, period.last) == (dt.date(2026, 10, 19), dt.date(2027, 5, 23))  # 4 weeks back, 26 ahead
    dated = [p for p in catalog.posts() if p.date and period.first <= p.date <= period.last]
    found = events(result.data)
    assert set(found) == {f"{p.id}@someplan" for p in dated} and result.count == len(dated)
    assert prepare(catalog, ExportRequest("ics"), TODAY).data == result.data


def test_an_edited_post_keeps_its_uid_and_gets_a_higher_sequence(catalog):
    before = prepare(catalog, ExportRequest("ics"), TODAY)
    post = next(p for p in catalog.posts() if p.title == "Ahmed forbereder risgrøten" and p.channel and p.time)
    planning.edit_post(catalog, post.id, title="Ahmed koker risgrøt", time=dt.time(10, 15), date=dt.date(2026, 11, 25))
    after = prepare(catalog, ExportRequest("ics"), TODAY)
    old, new = events(before.data), events(after.data)
    assert set(old) == set(new)
    uid = f"{post.id}@someplan"
    assert int(new[uid]["SEQUENCE"]) > int(old[uid]["SEQUENCE"])
    assert str(new[uid]["SUMMARY"]).endswith(": Ahmed koker risgrøt")
    assert new[uid].decoded("DTSTART") == dt.datetime(2026, 11, 25, 9, 15, tzinfo=UTC)
    for other in set(old) - {uid}:
        assert old[other].to_ical() == new[other].to_ical()


def test_filters_by_channel_and_status(catalog):
    facebook = catalog.channel("Facebook")
    result = prepare(catalog, ExportRequest("ics", channels=("facebook",), statuses=("ready,scheduled",)), TODAY)
    wanted = {f"{p.id}@someplan" for p in catalog.posts() if p.channel == facebook.id and p.date
              and p.status in (Status.READY, Status.SCHEDULED)
              and result.period.first <= p.date <= result.period.last}  # fmt: skip
    assert set(events(result.data)) == wanted and wanted


@given(st.text(), st.text())
def test_any_text_reads_back_and_every_line_is_folded_for_rfc5545(title, notes):
    post = Post("p1", title=title, notes=notes, caption=title, channel="fb", date=dt.date(2026, 11, 23), time=dt.time(9, 30))
    data = export([post])
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # octets, as Outlook insists
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == f"Facebook: {one_line(title) or '(untitled)'}"
    if clean(notes):
        assert clean(notes) in str(event["DESCRIPTION"])


def test_the_calendar_name_is_escaped_text():
    data = calendar_bytes([], names(), "Solvik; hotell, AS", OSLO, "Europe/Oslo", {})
    assert b"\r\nNAME:Solvik\\; hotell\\, AS\r\n" in data and b"\r\nX-WR-CALNAME:Solvik\\; hotell\\, AS\r\n" in data


def test_the_calendar_is_made_when_its_bytes_are_first_read_and_only_once(catalog, monkeypatch):
    # The planner's export dialog previews the count and the name; the bytes wait for the write.
    from someplan.services.exports import ics

    made = []
    real = ics.calendar_bytes
    monkeypatch.setattr(ics, "calendar_bytes", lambda *args: made.append(1) or real(*args))
    result = prepare(catalog, ExportRequest("ics"), TODAY)
    assert result.count > 0 and made == []
    data = result.data
    assert result.data is data and made == [1]
    assert events(data) and len(events(data)) == result.count
