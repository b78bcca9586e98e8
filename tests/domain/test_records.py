import json
import types
import typing
from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.cadence import Cadence
from someplan.domain.category import Category
from someplan.domain.channel import Channel, ChannelKind, Network
from someplan.domain.doc_fields import doc_problems
from someplan.domain.event import Event, EventKind, events_between
from someplan.domain.person import Person
from someplan.domain.post import FIGURE_FIELDS, FunnelStage, Post, Status
from someplan.domain.settings import WorkspaceSettings
from someplan.i18n import set_language

RECORDS = [Post, Category, Channel, Person, Event, WorkspaceSettings]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=6,
)
field_names = st.sampled_from(
    sorted({key for record in RECORDS for key in record("x").to_doc() if record is not WorkspaceSettings})
    + list(WorkspaceSettings().to_doc())
    + ["unknown", "_future_field"]
)
garbage_docs = st.dictionaries(field_names, json_values, max_size=8)

ids = st.text(min_size=1, max_size=12)
texts = st.text(max_size=30)
refs = st.none() | st.text(min_size=1, max_size=12)
PLAN_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31))
days = st.none() | PLAN_DATES
minutes = st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))
counts = st.none() | st.integers(0, 10**9)

posts = st.builds(
    Post,
    id=ids, title=texts, caption=texts, channel=refs, date=days, time=minutes,
    status=st.sampled_from(Status), category=refs, funnel=st.none() | st.sampled_from(FunnelStage),
    owner=texts, assets=st.lists(st.text(min_size=1), max_size=3).map(tuple), link=texts, notes=texts,
    followers=counts, **{name: counts for name in FIGURE_FIELDS},
)  # fmt: skip
categories = st.builds(
    Category,
    id=ids, name=texts, colour=st.from_regex(r"\A#[0-9a-f]{6}\Z"),
    cadence=st.builds(Cadence, st.sampled_from(["week", "month"]), st.integers(1, 9)),
    weekday=st.none() | st.integers(0, 6), time=minutes, channel=refs, question=texts, active=st.booleans(),
)  # fmt: skip
channels = st.builds(
    Channel,
    id=ids, name=texts, network=st.sampled_from(Network), kind=st.sampled_from(ChannelKind),
    target_per_week=st.integers(0, 50),
    followers=st.dictionaries(PLAN_DATES, st.integers(0, 10**8), max_size=5),
)  # fmt: skip
people = st.builds(Person, id=ids, name=texts, role=texts, consent=st.booleans(), consent_until=days)


@st.composite
def events(draw):
    start = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2998, 1, 1)))
    end = start + timedelta(days=draw(st.integers(0, 90)))
    return Event(draw(ids), draw(texts), start, end, draw(st.sampled_from(EventKind)), draw(texts))


settings = st.builds(
    WorkspaceSettings, name=texts, timezone=st.sampled_from(["Europe/Oslo", "UTC"]),
    locale=st.sampled_from(["nb", "en"]), asset_folder=st.sampled_from(["assets/", "media/bilder/"]),
)  # fmt: skip


def assert_fields_have_their_types(record):
    for name, hint in typing.get_type_hints(type(record)).items():
        allowed = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        classes = tuple(typing.get_origin(a) or a for a in allowed)
        value = getattr(record, name)
        assert isinstance(value, classes), f"{name}={value!r} is not {hint}"
        if isinstance(value, tuple):
            assert all(isinstance(item, str) for item in value)


@pytest.mark.parametrize("record_type", RECORDS)
@given(doc=garbage_docs)
def test_from_doc_never_raises_on_garbage(record_type, doc):
    record = record_type.from_doc(doc, "id-1")
    assert isinstance(record, record_type)
    assert_fields_have_their_types(record)
    # What it kept is clean: stored again and read back, nothing changes and nothing is reported.
    stored = json.loads(json.dumps(record.to_doc()))
    assert record_type.from_doc(stored, "id-1") == record
    assert doc_problems(record_type, stored) == []


@pytest.mark.parametrize("record_type", RECORDS)
@pytest.mark.parametrize("doc", [None, [], "post", 12, {"title": {"nested": True}}])
def test_from_doc_accepts_a_record_that_is_not_an_object(record_type, doc):
    assert isinstance(record_type.from_doc(doc, "id-1"), record_type)


@given(st.one_of(posts, categories, channels, people, events(), settings))
def test_round_trip_through_json(record):
    doc = json.loads(json.dumps(record.to_doc()))
    record_id = getattr(record, "id", "workspace")
    assert type(record).from_doc(doc, record_id) == record
    assert doc_problems(type(record), doc) == []


def test_stored_forms():
    post = Post("p1", date=date(2026, 11, 18), time=time(9, 5), assets=("bilder/a.jpg",), reach=10)
    doc = post.to_doc()
    assert (doc["date"], doc["time"], doc["assets"], doc["status"], doc["reach"]) == (
        "2026-11-18", "09:05", ["bilder/a.jpg"], "idea", 10,
    )  # fmt: skip
    assert "id" not in doc
    assert Category("c", cadence=Cadence("week", 2)).to_doc()["cadence"] == "every 2 weeks"
    assert Channel("c", followers={date(2026, 1, 1): 5}).to_doc()["followers"] == {"2026-01-01": 5}


def test_malformed_fields_get_their_defaults_and_are_reported():
    doc = {
        "title": 5, "date": "18.11.2026", "time": "25:00", "status": "posted", "reach": -3,
        "views": "1,250", "assets": ["ok.jpg", 7], "funnel": "Awareness", "newer_field": [1],
    }  # fmt: skip
    post = Post.from_doc(doc, "p")
    assert (post.title, post.date, post.time, post.status, post.reach) == ("", None, None, Status.IDEA, None)
    assert post.views == 1250
    assert post.assets == ("ok.jpg",)
    assert post.funnel is FunnelStage.AWARENESS
    problems = doc_problems(Post, doc)
    assert {p.split(":")[0] for p in problems} == {"title", "date", "time", "status", "reach", "assets"}


def test_hand_typed_values_are_understood():
    post = Post.from_doc({"time": "9.30", "date": "2026-11-18T10:00:00", "reach": 12.0}, "p")
    assert (post.time, post.date, post.reach) == (time(9, 30), date(2026, 11, 18), 12)
    category = Category.from_doc({"colour": "#ABC", "cadence": "Annenhver uke", "weekday": 7}, "c")
    assert (category.colour, category.cadence, category.weekday) == ("#aabbcc", Cadence("week", 2), None)
    assert Category.from_doc({"colour": "red", "cadence": "sometimes"}, "c") == Category("c")


def test_status_order_and_next():
    assert Status.IDEA < Status.DRAFT < Status.READY < Status.SCHEDULED < Status.PUBLISHED
    assert max([Status.READY, Status.DRAFT, Status.PUBLISHED, Status.IDEA]) is Status.PUBLISHED
    assert [s.next() for s in Status] == [
        Status.DRAFT, Status.READY, Status.SCHEDULED, Status.PUBLISHED, Status.PUBLISHED,
    ]  # fmt: skip
    assert Status.SCHEDULED.label("nb") == "planlagt"


def test_status_labels_follow_the_language_unless_one_is_asked_for():
    assert [s.label() for s in Status] == ["idea", "draft", "ready", "scheduled", "published"]
    set_language("nb")
    assert [s.label() for s in Status] == ["idé", "utkast", "klar", "planlagt", "publisert"]
    assert Status.READY.label("en") == "ready" and Status.READY.value == "ready"


def test_followers_on_takes_the_latest_count_on_or_before():
    channel = Channel("c", followers={date(2026, 1, 1): 1000, date(2026, 6, 1): 1500, date(2026, 3, 1): 1200})
    assert channel.followers_on(date(2025, 12, 31)) is None
    assert channel.followers_on(date(2026, 1, 1)) == 1000
    assert channel.followers_on(date(2026, 5, 31)) == 1200
    assert channel.followers_on(date(2027, 1, 1)) == 1500


def test_consent_holds_through_its_last_day():
    until = Person("p", consent=True, consent_until=date(2026, 12, 31))
    assert until.consent_valid_on(date(2026, 12, 31))
    assert not until.consent_valid_on(date(2027, 1, 1))
    assert Person("p", consent=True).consent_valid_on(date(2099, 1, 1))
    assert not Person("p", consent=False).consent_valid_on(date(2026, 1, 1))
    assert not Person.from_doc({"consent": "yes"}, "p").consent


def test_event_dates_are_repaired_and_ranges_inclusive():
    assert Event.from_doc({"start": "2026-12-01"}, "e").end == date(2026, 12, 1)
    swapped = Event.from_doc({"start": "2026-12-24", "end": "2026-12-01"}, "e")
    assert (swapped.start, swapped.end) == (date(2026, 12, 1), date(2026, 12, 24))
    christmas = Event("x", "Julekampanje", date(2026, 12, 1), date(2026, 12, 24))
    undated = Event("u", "Someday")
    assert events_between([christmas, undated], date(2026, 12, 24), date(2026, 12, 31)) == [christmas]
    assert events_between([christmas], date(2026, 12, 25), date(2026, 12, 31)) == []


def test_settings_defaults():
    assert WorkspaceSettings.from_doc({"locale": "de", "timezone": ""}) == WorkspaceSettings()
    assert WorkspaceSettings().to_doc() == {
        "name": "", "timezone": "Europe/Oslo", "locale": "nb", "asset_folder": "assets/",
    }  # fmt: skip


def test_dates_outside_the_planned_years_read_as_missing():
    from someplan.domain.post import Post

    assert Post.from_doc({"date": "9999-12-31"}, "p").date is None
    assert Post.from_doc({"date": "0001-01-01"}, "p").date is None
    assert Post.from_doc({"date": "2026-11-23"}, "p").date == date(2026, 11, 23)


STORED = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=False), st.text(max_size=12),
    st.sampled_from(["2026-11-23", "09:30", "9.30", "1 250", "published", " Draft ", "2026-13-01"]),
    st.lists(st.text(max_size=3), max_size=2),
)  # fmt: skip


@given(STORED)
def test_the_quick_readers_read_as_value_does(raw):
    # text, count, date, time and the choices skip `value` for a missing or plainly typed field:
    # the same value and the same problems as the general reading, whatever is stored.
    from someplan.domain.doc_fields import DocReader, enum_member, parse_count, parse_date, parse_time

    def both(quick, general):
        fast, slow = DocReader({"f": raw}), DocReader({"f": raw})
        assert (quick(fast), fast.problems) == (general(slow), slow.problems)

    both(lambda r: r.text("f", "x"), lambda r: r.value("f", lambda v: v if isinstance(v, str) else None, "x"))
    both(lambda r: r.count("f"), lambda r: r.value("f", parse_count, None))
    both(lambda r: r.date("f"), lambda r: r.value("f", parse_date, None))
    both(lambda r: r.time("f"), lambda r: r.value("f", parse_time, None))
    both(lambda r: r.choice("f", Status, Status.IDEA), lambda r: r.value("f", lambda v: enum_member(Status, v), Status.IDEA))
    both(lambda r: r.optional_choice("f", Status), lambda r: r.value("f", lambda v: enum_member(Status, v), None))
