"""Shortened ids are unique, minimal above the floor, and a start of their id."""

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.ids import short_ids

ID = st.text(alphabet="0123456789abcdefghjkmnpqrstvwxyz", min_size=10, max_size=26)


def test_a_batch_sharing_25_characters_gets_whole_ids_and_the_rest_stay_short():
    batch = ["01m823v2rm146smv5hazdpkjd" + last for last in "vwx"]
    found = short_ids([*batch, "01m9zzzzzzzzzzzzzzzzzzzzzz"])
    assert [found[i] for i in batch] == batch
    assert found["01m9zzzzzzzzzzzzzzzzzzzzzz"] == "01m9zzzz"


@given(st.lists(ID, max_size=40))
def test_each_short_id_names_only_its_own_record(ids):
    found = short_ids(ids)
    assert set(found) == set(ids)
    for record_id, short in found.items():
        assert record_id.startswith(short) and len(short) >= min(8, len(record_id))
        assert [other for other in ids if other.startswith(short)] == [record_id] * ids.count(record_id) or short == record_id
        if len(short) > 8:  # one character less would be shared
            assert any(other != record_id and other.startswith(short[:-1]) for other in ids)
