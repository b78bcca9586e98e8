import json

from hypothesis import given
from hypothesis import strategies as st

from someplan.store.ops import UNSET, decode, encode, make_op, op_from_line

STAMP = "1795359977962-0000-ebx2bcrg9v0b"
PREV = "1795359977961-0003-ebx2bcrg9v0b"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(value=json_values, field=st.text(min_size=1, max_size=20))
def test_an_op_reads_back_exactly(value, field):
    decoded = decode(encode(STAMP, "posts", "r1", field, value, PREV))
    assert decoded.clean
    [op] = decoded.ops
    assert (op.stamp, op.table, op.record, op.field, op.value, op.prev) == (STAMP, "posts", "r1", field, value, PREV)


@given(value=json_values | st.floats(allow_nan=False, allow_infinity=False), field=st.text(min_size=1, max_size=20))
def test_a_made_op_is_the_op_its_line_reads_as(value, field):
    # make_op skips decoding its own line for scalars: what it holds must be what a colleague reads.
    line, op = make_op(STAMP, "posts", "r1", field, value, PREV)
    assert op == op_from_line(line[:-1]) and type(op.value) is type(op_from_line(line[:-1]).value)


def test_a_made_op_checks_its_names_as_a_read_one_does():
    import pytest

    with pytest.raises(ValueError, match="bad name"):
        make_op(STAMP, "posts", "", "title", "x", None)


def test_an_unset_op_has_no_value():
    [op] = decode(encode(STAMP, "posts", "r1", "link", UNSET, None)).ops
    assert op.value is UNSET and op.prev is None


def _segment(n=4):
    return b"".join(encode(f"17953599779{i:02d}-0000-ebx2bcrg9v0b", "posts", f"r{i}", "title", f"t{i}", None) for i in range(n))


def test_every_single_byte_corruption_loses_exactly_the_lines_it_touches():
    data = _segment()
    good = decode(data).ops
    for offset in range(len(data)):
        line_index = data[:offset].count(b"\n")
        joins_next_line = data[offset : offset + 1] == b"\n"
        expected = [op for i, op in enumerate(good) if i != line_index and not (joins_next_line and i == line_index + 1)]
        for replacement in (b"\x00", b"x", b"\xff"):
            damaged = data[:offset] + replacement + data[offset + 1 :]
            if damaged == data:
                continue
            result = decode(damaged)  # must not raise
            assert result.ops == expected, (offset, replacement)
            assert result.bad_lines


def test_truncation_at_every_offset_keeps_the_whole_lines_before_it():
    data = _segment()
    good = decode(data).ops
    for cut in range(len(data) + 1):
        result = decode(data[:cut])
        complete = data[:cut].count(b"\n")
        at_line_end = data[cut : cut + 1] == b"\n"  # the last line is whole, only its newline is missing
        assert result.ops == good[: complete + (1 if at_line_end else 0)], cut


def test_garbage_empty_and_bom_files_are_reported_not_raised():
    assert decode(b"").empty
    assert decode(b"\n\n").empty
    garbage = decode(b"\x89PNG\r\n\x1a\n\x00\x00 not a segment at all")
    assert garbage.ops == [] and garbage.bad_lines
    bom = decode(b"\xef\xbb\xbf" + _segment(2))
    assert bom.had_bom and len(bom.ops) == 2 and not bom.clean
    hand_edited = _segment(2).replace(b'"t1"', b'"T1"')
    assert [op.value for op in decode(hand_edited).ops] == ["t0"]


def test_a_valid_json_line_without_crc_is_not_trusted():
    line = json.dumps({"i": STAMP, "t": "posts", "r": "r1", "f": "title", "v": "x"}).encode() + b"\n"
    assert decode(line).ops == [] and decode(line).bad_lines == [1]
