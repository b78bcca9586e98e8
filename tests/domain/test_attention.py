"""Needs attention (issue 16.4): a pure function from posts, people and today to warnings."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.attention import Kind, attention, is_web_address
from someplan.domain.person import Person
from someplan.domain.post import Post, Status

TODAY = dt.date(2026, 11, 18)
LISE = Person("lise", "Lise Berg", consent=True, consent_until=dt.date(2026, 10, 31))
KARI = Person("kari", "Kari Solheim", consent=True)
NOBODY = Person("ola", "Ola", consent=False)
PEOPLE = {p.id: p for p in (LISE, KARI, NOBODY)}


def post(id, day=TODAY, status=Status.DRAFT, **fields):
    fields.setdefault("caption", "Tekst")
    return Post(id=id, title=f"Innlegg {id}", date=day, status=status, **fields)


def kinds(posts, today=TODAY):
    return {(a.post, a.kind) for a in attention(posts, PEOPLE, today, {"fb": "Facebook"})}


def test_past_posts_still_idea_or_draft():
    yesterday = TODAY - dt.timedelta(days=1)
    found = kinds([post("a", yesterday, Status.IDEA), post("b", yesterday, Status.DRAFT),
                   post("c", yesterday, Status.READY), post("d", TODAY, Status.DRAFT)])  # fmt: skip
    assert found == {("a", Kind.PAST_UNFINISHED), ("b", Kind.PAST_UNFINISHED)}


def test_planned_posts_featuring_someone_without_consent_on_the_day():
    ahead = TODAY + dt.timedelta(days=13)
    found = attention([post("a", ahead, people=("lise",)), post("b", ahead, people=("kari",)),
                       post("c", ahead, people=("ola",)), post("d", TODAY - dt.timedelta(days=30), Status.PUBLISHED,
                                                              people=("lise",)),
                       post("e", ahead, Status.PUBLISHED, people=("lise",)), post("f", ahead, people=("gone",))],
                      PEOPLE, TODAY)  # fmt: skip
    assert [(a.post, a.kind) for a in found] == [("a", Kind.CONSENT), ("c", Kind.CONSENT)]
    assert found[0].message == "features Lise Berg, whose consent ended on 31 Oct 2026"
    assert found[1].message == "features Ola, who has not given consent"


def test_two_posts_on_one_channel_at_one_time():
    at = dt.time(9, 30)
    found = attention([post("a", channel="fb", time=at), post("b", channel="fb", time=at), post("c", channel="ig", time=at),
                       post("d", channel="fb", time=dt.time(10, 0))], PEOPLE, TODAY, {"fb": "Facebook"})  # fmt: skip
    assert [(a.post, a.kind) for a in found] == [("a", Kind.SAME_SLOT), ("b", Kind.SAME_SLOT)]
    assert found[0].message == "Facebook has another post at the same time: “Innlegg b”"


def test_a_ready_or_scheduled_post_without_a_caption():
    found = kinds([post("a", status=Status.READY, caption=" "), post("b", status=Status.SCHEDULED, caption=""),
                   post("c", status=Status.DRAFT, caption=""), post("d", status=Status.READY)])  # fmt: skip
    assert found == {("a", Kind.NO_CAPTION), ("b", Kind.NO_CAPTION)}


def test_a_link_that_is_not_a_web_address():
    found = kinds([post("a", link="solvik.no/jul"), post("b", link="https://solvik.no/jul"),
                   post("c", link="solvik.no", status=Status.PUBLISHED), post("d", link="javascript:alert(1)")])  # fmt: skip
    assert found == {("a", Kind.BAD_LINK), ("d", Kind.BAD_LINK)}


def test_a_time_hootsuite_refuses():
    found = kinds([post("a", time=dt.time(9, 32)), post("b", time=dt.time(9, 35)),
                   post("c", TODAY - dt.timedelta(days=2), Status.READY, time=dt.time(9, 32))])  # fmt: skip
    assert found == {("a", Kind.OFF_MARK)}


def test_the_list_goes_by_day():
    found = attention([post("late", TODAY + dt.timedelta(days=3), link="x"), post("early", TODAY, link="y")], PEOPLE, TODAY)
    assert [a.post for a in found] == ["early", "late"]


@given(st.text(max_size=30))
def test_a_web_address_has_a_scheme_and_no_spaces(text):
    if is_web_address(text):
        assert text.strip().lower().startswith(("http://", "https://")) and " " not in text.strip()


def test_earned_content_whose_permission_does_not_hold_needs_attention_too():
    from someplan.domain.post import Surface

    ahead = TODAY + dt.timedelta(days=10)
    found = kinds([post("a", ahead, surface=Surface.EARNED),
                   post("b", ahead, surface=Surface.EARNED, source="Kunde", permission="bildet",
                        permission_until=TODAY + dt.timedelta(days=5)),
                   post("c", ahead, surface=Surface.EARNED, source="Kunde", permission="bildet")])  # fmt: skip
    assert found == {("a", Kind.EARNED_NO_PERMISSION), ("b", Kind.EARNED_ENDS_BEFORE)}


def test_an_earned_warning_in_the_list_does_not_name_its_post_twice():
    from someplan.domain.post import Surface

    found = attention([post("a", TODAY + dt.timedelta(days=3), surface=Surface.EARNED)], PEOPLE, TODAY)
    assert found[0].title == "Innlegg a" and "Innlegg a" not in found[0].message
