"""The merge is a last-writer-wins map: order, duplication and split of op files do not matter."""

from hypothesis import given, settings
from hypothesis import strategies as st

from someplan.store.hlc import format_stamp
from someplan.store.merge import MergedState
from someplan.store.ops import DELETED, decode, encode

DEVICES = ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"]


@st.composite
def op_lines(draw):
    n = draw(st.integers(1, 40))
    lines = []
    for _ in range(n):
        device = draw(st.sampled_from(DEVICES))
        wall = draw(st.integers(1_700_000_000_000, 1_700_000_000_050))
        counter = draw(st.integers(0, 3))
        record = draw(st.sampled_from(["r1", "r2", "r3"]))
        field = draw(st.sampled_from(["title", "caption", DELETED]))
        value = draw(st.booleans()) if field == DELETED else draw(st.text(max_size=4))
        lines.append(encode(format_stamp(wall, counter, device), "posts", record, field, value, None))
    return lines


def _merge(chunks):
    state = MergedState()
    for chunk in chunks:
        state.apply(decode(b"".join(chunk)).ops)
    return state


@settings(max_examples=200)
@given(lines=op_lines(), data=st.data())
def test_any_order_duplication_or_split_gives_the_same_state(lines, data):
    reference = _merge([lines])
    shuffled = data.draw(st.permutations(lines))
    duplicated = shuffled + data.draw(st.lists(st.sampled_from(lines), max_size=10))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(duplicated)), max_size=6)))
    chunks = [duplicated[a:b] for a, b in zip([0, *cuts], [*cuts, len(duplicated)], strict=False)]
    merged = _merge(chunks)
    assert merged.fingerprint() == reference.fingerprint()
    assert merged.views == reference.views


@given(lines=op_lines())
def test_every_field_holds_the_value_of_its_greatest_stamp(lines):
    state = _merge([lines])
    ops = decode(b"".join(lines)).ops
    for op in ops:
        same_cell = [o for o in ops if (o.table, o.record, o.field) == (op.table, op.record, op.field)]
        winner = max(same_cell, key=lambda o: o.order_key)
        assert state.value((op.table, op.record), op.field) == winner.value


@given(lines=op_lines())
def test_the_view_hides_exactly_the_tombstoned_records(lines):
    state = _merge([lines])
    for (table, record) in state.cells:
        assert (record in state.view(table)) == (not state.is_deleted((table, record)))


def test_edits_to_different_fields_and_records_are_all_kept():
    a = [encode(format_stamp(1, 0, DEVICES[0]), "posts", "r1", "title", "A", None)]
    b = [
        encode(format_stamp(2, 0, DEVICES[1]), "posts", "r1", "caption", "B", None),
        encode(format_stamp(0, 5, DEVICES[1]), "posts", "r2", "title", "B2", None),
    ]
    state = _merge([a, b])
    assert state.view("posts") == {"r1": {"title": "A", "caption": "B"}, "r2": {"title": "B2"}}


def test_two_different_ops_with_one_stamp_both_count_and_the_choice_is_stable():
    # Only possible when two machines wrongly share a device id; the CRC breaks the tie.
    stamp = format_stamp(5, 0, DEVICES[0])
    one = encode(stamp, "posts", "r1", "title", "one", None)
    two = encode(stamp, "posts", "r1", "title", "two", None)
    assert _merge([[one], [two]]).view("posts") == _merge([[two], [one]]).view("posts")
    expected = max((one, two), key=lambda line: decode(line).ops[0].crc)
    assert _merge([[one, two]]).value(("posts", "r1"), "title") == decode(expected).ops[0].value
