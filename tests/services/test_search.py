"""Search (issue 16.3): one reading of the terms, run as TinyDB queries over the workspace."""

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from someplan import i18n
from someplan.domain.post import Post, Status
from someplan.services import planning
from someplan.services.errors import UserError
from someplan.services.search import first_found, matching_ids, parse_terms, search


def ids(posts):
    return {p.id for p in posts}


def test_a_person_term_finds_the_posts_featuring_them(catalog):
    lise = next(p for p in catalog.people() if p.name.startswith("Lise"))
    featuring = {p.id for p in catalog.posts() if lise.id in p.people}
    assert featuring and ids(search(catalog, "person:lise")) == featuring
    assert ids(search(catalog, f'person:"{lise.name}"')) == featuring


@pytest.mark.parametrize("language", ["nb", "en"])
def test_keys_and_values_in_either_language(catalog, language):
    """Whichever language is spoken (the week filter's test before search took it over)."""
    i18n.set_language(language)
    drafts = {p.id for p in catalog.posts() if p.status is Status.DRAFT}
    assert drafts and ids(search(catalog, "status:draft")) == ids(search(catalog, "status:utkast")) == drafts
    instagram = catalog.channel("Instagram").id
    both = {p.id for p in catalog.posts() if p.status is Status.DRAFT and p.channel == instagram}
    assert both and ids(search(catalog, "kanal:instagram status:utkast")) == both
    facebook = catalog.channel("Facebook").id
    either = {p.id for p in catalog.posts() if p.channel in (facebook, instagram)}
    assert ids(search(catalog, "channel:facebook channel:instagram")) == either  # one key: alternatives


@pytest.mark.parametrize("text, named", [
    ("status:ferdig", ["draft", "published"]),
    ("kanal:myspace", ["Facebook", "Instagram"]),
    ("category:nope", ["ansatte"]),
    ("person:nobody", ["Lise"]),
    ("colour:red", ["channel:", "status:", "person:"]),
    ("status:", ["status:draft"]),
])  # fmt: skip
def test_an_unknown_key_or_value_is_an_error_naming_what_is_allowed(catalog, text, named):
    with pytest.raises(UserError) as error:
        search(catalog, text)
    assert "\n" not in str(error.value) and all(word in str(error.value) for word in named)


def test_words_match_captions_notes_and_hashtags_across_weeks(catalog):
    channel = catalog.channel("Instagram").id
    old = Post(id="", title="Fjordtur", caption="Morgen på fjorden #padleglede", date=dt.date(2025, 6, 2), channel=channel)
    new = Post(id="", title="Vinter", notes="spør om PADLEGLEDE-utleie", date=dt.date(2027, 1, 4), channel=channel)
    undated = Post(id="", title="Idé: padlegledekurs")
    found = [planning.plan_post(catalog, post).post for post in (old, new, undated)]
    assert [p.id for p in search(catalog, "padleglede")] == found  # by date; the undated last
    assert [p.id for p in search(catalog, "#padleglede")] == found[:1]
    assert search(catalog, "padleglede status:published") == []


def test_a_link_or_a_time_is_a_word_not_a_key(catalog):
    post = dataclasses.replace(catalog.posts()[0], caption="Les mer: https://solvik.no/jul kl 18:00")
    planning.change_post(catalog, catalog.posts()[0], post)
    assert post.id in ids(search(catalog, "https://solvik.no/jul"))


def test_matching_ids_is_the_search_within_given_posts(catalog):
    some = [p.id for p in catalog.posts()[:15]]
    terms = parse_terms(catalog, "status:published")
    assert matching_ids(catalog, terms, some) == set(some) & ids(search(catalog, "status:published"))


def _naive(catalog, word):
    """What a word means, written the slow way over `Post` objects."""
    folded = word.casefold()
    names = {**catalog.channel_names(), **catalog.category_names(), **{p.id: p.name for p in catalog.people()}}

    def named(rid):
        return rid is not None and folded in names.get(rid, "").casefold()

    statuses = {s for s in Status if any(folded in w.casefold() for w in (s.value, s.label("en"), s.label("nb")))}
    return {
        p.id for p in catalog.posts()
        if any(folded in text.casefold() for text in (p.title, p.caption, p.notes))
        or named(p.channel) or named(p.category) or any(named(person) for person in p.people) or p.status in statuses
    }  # fmt: skip


@pytest.fixture(scope="module")
def words():
    return ["jul", "Lise", "kari", "face", "ansatte", "utkast", "publ", "frokost", "#", "ø", "zzz", "tips", "morgen"]


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])  # it only reads
@given(data=st.data())
def test_a_word_finds_what_the_slow_reading_finds(catalog, words, data):
    word = data.draw(st.sampled_from(words) | st.text(alphabet="aeiklnorstuæø", min_size=1, max_size=3))
    assert ids(search(catalog, word)) == _naive(catalog, word)


def _first_found_through_tinydb(catalog, text, limit):
    """The search as it was first written: TinyDB's own search over a fresh database (a copy of
    every match), sorted by day and time: what the faster reading must still give."""
    from someplan.domain.plan import day_order
    from someplan.services.catalog import POSTS
    from someplan.services.search import _when
    from someplan.store.tinystore import open_db

    docs = open_db(catalog.workspace, auto_refresh=False).table(POSTS).search(parse_terms(catalog, text).condition())
    keyed = sorted((_when(doc), str(doc.doc_id), doc) for doc in docs)
    posts = [Post.from_doc(doc, rid) for _key, rid, doc in keyed[:limit]]
    return sorted(posts, key=lambda p: (p.date is None, p.date or dt.date.min, day_order(p))), len(keyed)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])  # it only reads
@given(data=st.data())
def test_the_first_hits_are_those_tinydbs_own_search_gives(catalog, words, data):
    text = " ".join(data.draw(st.lists(st.sampled_from(words) | st.sampled_from(["status:draft", "channel:instagram",
                                                                                "person:lise", "status:idea"]),
                                       min_size=1, max_size=2)))  # fmt: skip
    limit = data.draw(st.sampled_from([None, 0, 1, 3, 200]))
    assert first_found(catalog, text, limit) == _first_found_through_tinydb(catalog, text, limit)


def test_a_search_reads_the_posts_in_place_and_orders_them_once_per_workspace_version(catalog, monkeypatch):
    # Each key typed in the search screen opened TinyDB anew, copied every match and read every
    # match's day and time again (issue 15): the order is kept per workspace version instead.
    from someplan.services import search as search_module
    from someplan.store import tinystore

    copies, timed = [], []
    real_record, real_when = tinystore.Record.__init__, search_module._when
    monkeypatch.setattr(tinystore.Record, "__init__", lambda self, *a: copies.append(1) or real_record(self, *a))
    monkeypatch.setattr(search_module, "_when", lambda doc: timed.append(1) or real_when(doc))
    posts = len(catalog.posts())
    first_found(catalog, "fr", 5)
    assert copies == [] and len(timed) == posts
    for text in ("fro", "frok", "morgen status:published"):
        first_found(catalog, text, 5)
    assert copies == [] and len(timed) == posts
    post = catalog.posts()[0]
    planning.change_post(catalog, post, dataclasses.replace(post, title="Zebrastripet fjell"))
    assert [p.id for p in first_found(catalog, "zebrastripet", 5)[0]] == [post.id]  # a write is seen
    assert len(timed) == 2 * posts
