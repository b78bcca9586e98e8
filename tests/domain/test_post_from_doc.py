"""`Post.from_doc` reads only the fields a document holds, and makes exactly the post that reading
every field with `DocReader` makes (the tolerant reading every record gets)."""

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.doc_fields import DocReader, parse_date, parse_time
from someplan.domain.post import Post

FIELDS = [f.name for f in dataclasses.fields(Post) if f.name != "id"]
ODD_DATES = ["2026-11-23", "2026-11-23T09:30", " 2026-11-23", "2026-11-23 ", "2026-1-5", "2026-02-30", "9999-12-31",
             "1899-12-31", "٢٠٢٦-١١-٢٣", "20261123", "2026-W48-1", "2026-11-23\n", "２０２６-11-23", ""]  # fmt: skip
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True), st.text(max_size=6),
    st.sampled_from(ODD_DATES + ["09:30", "9.30", "24:00", "idea", "Draft ", "PUBLISHED", "reel", "paid", "awareness",
                                 "1 250", "12.0", "-3"]),
    st.lists(st.one_of(st.text(max_size=3), st.integers(), st.none()), max_size=3),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)  # fmt: skip
DOCS = st.dictionaries(st.one_of(st.sampled_from([*FIELDS, "id", "unknown"]), st.text(max_size=3)), VALUES, max_size=12)


@given(DOCS)
def test_from_doc_makes_the_post_reading_every_field_makes(doc):
    made, read = Post.from_doc(doc, "p1"), Post.read(DocReader(doc), "p1")
    assert made == read
    assert repr(made) == repr(read) and hash(made) == hash(read)
    assert list(vars(made)) == list(vars(read))


@given(st.one_of(st.sampled_from(ODD_DATES), st.text(max_size=12), st.dates().map(dt.date.isoformat)))
def test_a_date_reads_as_the_pattern_reads_it(text):
    import re

    from someplan.domain.weeks import PLAN_YEARS

    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text.strip())
    try:
        expected = dt.date(*(int(part) for part in match.groups())) if match else None
    except ValueError:
        expected = None
    assert parse_date(text) == (expected if expected and expected.year in PLAN_YEARS else None)


@given(st.one_of(st.sampled_from(["09:30", "9.30", "24:00", "23:60", "00:00", "٠٩:٣٠", " 9:30", "09:30:15", "0930"]),
                 st.text("0123456789:. ", max_size=6), st.times().map(lambda t: t.strftime("%H:%M"))))  # fmt: skip
def test_a_time_reads_as_the_pattern_reads_it(text):
    import re

    match = re.match(r"^\s*(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?\s*$", text)
    hour, minute = (int(match.group(1)), int(match.group(2))) if match else (99, 99)
    assert parse_time(text) == (dt.time(hour, minute) if hour <= 23 and minute <= 59 else None)


def test_documents_that_are_not_dicts_read_as_before():
    for doc in (None, [], "post", {"title": "x"}.items()):
        assert Post.from_doc(doc, "p1") == Post.read(DocReader(doc), "p1")


def test_a_post_is_made_by_its_fields_alone():
    # from_doc fills a post's fields without __init__: nothing else may happen there.
    assert not hasattr(Post, "__post_init__")
    assert all(f.default_factory is dataclasses.MISSING and f.init for f in dataclasses.fields(Post))
    assert [f.default is dataclasses.MISSING for f in dataclasses.fields(Post)] == [True] + [False] * (len(FIELDS))
