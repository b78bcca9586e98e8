"""What a name in a device folder is: a segment's name is known at once, and every name is
classified as the rules in order say (temp and noise first, then segments, our files, stray copies)."""

from hypothesis import given
from hypothesis import strategies as st

from someplan.store import layout
from someplan.store.atomic import is_temp_name
from someplan.store.layout import Entry, Kind, classify


def _by_the_rules(device: str, name: str) -> Entry:
    relpath = f"devices/{device}/{name}"
    lower = name.lower()
    if is_temp_name(name) or lower.startswith(layout.SYNC_TOOL_NOISE) or lower.endswith((".tmp", ".part")):
        return Entry(relpath, device, name, Kind.IGNORED)
    if lower.endswith(".icloud") and name.startswith("."):
        return Entry(relpath, device, name, Kind.PLACEHOLDER)
    if match := layout.SEGMENT_RE.match(name):
        return Entry(relpath, device, name, Kind.SEGMENT, int(match[1]))
    kinds = {layout.DEVICE_FILE: Kind.DEVICE, layout.SNAPSHOT_FILE: Kind.SNAPSHOT, layout.PRESENCE_FILE: Kind.PRESENCE}
    if name in kinds:
        return Entry(relpath, device, name, kinds[name])
    return Entry(relpath, device, name, Kind.STRAY_SEGMENT if layout.STRAY_SEGMENT_RE.match(name) else Kind.FOREIGN)


NAMES = st.one_of(
    st.sampled_from(["000001.jsonl", "123456.jsonl", "000001.JSONL", "٠٠٠٠٠١.jsonl", "0000011.jsonl", "00001.jsonl",
                     "000001.jsonl.tmp", "000001 (1).jsonl", "000001.jsonl\n", ".000001.jsonl.icloud", "device.json",
                     "snapshot.json", "presence.json", "notes.txt", ".~someplan-0123456789ab.tmp", "~$000001.jsonl"]),
    st.text("0123456789.jsonlJSONL ()~$٠", max_size=14),
    st.integers(0, 999999).map(lambda n: f"{n:06d}.jsonl"),
)  # fmt: skip


@given(NAMES)
def test_every_name_is_classified_by_the_rules(name):
    assert classify("kari00000001", name) == _by_the_rules("kari00000001", name)
