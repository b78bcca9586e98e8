"""A clock far ahead cannot win forever (issue 18, item 4): stamps beyond a day ahead are reported,
not followed, and an edit made after seeing one wins on every machine; nothing leaves history."""

from __future__ import annotations

import shutil

from hypothesis import given, settings
from hypothesis import strategies as st

from someplan.store.history import CURRENT, REPLACED, SUPERSEDED
from someplan.store.hlc import stamp_wall_ms
from someplan.store.merge import MergedState
from someplan.store.ops import decode, encode
from someplan.store.workspace import Workspace, _time_ahead
from tests.store.conftest import copy_device_files as _sync

NOW = 1_800_000_000_000
HOUR = 3_600_000
YEAR = 365 * 24 * HOUR


def _forge(root, stamp: str, record: str, value: str) -> None:
    device = stamp[19:]
    path = root / "devices" / device / "000001.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode(stamp, "posts", record, "title", value, None))


def test_a_forged_stamp_loses_to_the_edit_made_after_it_and_stays_in_history(machine):
    kari = machine("kari")
    ws = Workspace.init(kari.folder, kari.identities, now_ms=lambda: NOW)
    rid = ws.insert("posts", {"title": "ours"})
    _forge(kari.folder, "9999999999999-ffff-zzzzzzzzzzzz", rid, "forged")
    ws.refresh()
    assert ws.view("posts")[rid]["title"] == "forged"  # until someone edits it
    assert "clock-ahead" in {p.code for p in ws.problems}
    ws.update("posts", rid, {"title": "fixed"})
    assert ws.view("posts")[rid]["title"] == "fixed"
    ws.update("posts", rid, {"title": "fixed again"})  # and the edit after that one too
    assert stamp_wall_ms(ws.clock.now()) < NOW + HOUR, "our clock did not follow the forged stamp"

    again = Workspace.open(kari.folder, kari.identities, now_ms=lambda: NOW + HOUR, writable=False)
    assert again.view("posts")[rid]["title"] == "fixed again"
    titles = {v.value: v.status for v in again.history("posts", rid)["title"]}
    assert titles == {"ours": SUPERSEDED, "forged": REPLACED, "fixed": REPLACED, "fixed again": CURRENT}


def test_a_colleague_twenty_years_ahead_and_one_on_time_agree(machine):
    kari, ola = machine("kari"), machine("ola")
    ws_k = Workspace.init(kari.folder, kari.identities, now_ms=lambda: NOW + 20 * YEAR)
    shutil.copytree(kari.folder, ola.folder)
    rid = ws_k.insert("posts", {"title": "from 2077"})
    _sync(kari.folder, ola.folder)
    ws_o = Workspace.open(ola.folder, ola.identities, now_ms=lambda: NOW)
    ws_o.update("posts", rid, {"title": "one"})
    ws_o.update("posts", rid, {"title": "two"})
    assert ws_o.history("posts", rid)["title"][-1].status == CURRENT
    _sync(ola.folder, kari.folder)
    ws_k.refresh()
    assert ws_k.view("posts")[rid]["title"] == ws_o.view("posts")[rid]["title"] == "two"
    assert ws_k.state.fingerprint() == ws_o.state.fingerprint()


def test_time_ahead_is_rounded_not_cut():
    assert _time_ahead(2 * HOUR + 59 * 60_000) == ("hours", 3)
    assert _time_ahead(119 * 60_000) == ("minutes", 119)
    assert _time_ahead(2 * 24 * HOUR - 1) == ("days", 2)


@settings(max_examples=150)
@given(
    walls=st.lists(st.sampled_from([NOW, NOW + 1, NOW + 2, 9_999_999_999_999, NOW + 20 * YEAR]), min_size=2, max_size=8),
    data=st.data(),
)
def test_order_keys_with_far_ahead_prevs_merge_the_same_in_any_order(walls, data):
    lines, prev = [], None
    for i, wall in enumerate(walls):
        stamp = f"{wall:013d}-{i:04x}-{'abc'[i % 3] * 12}"
        lines.append(encode(stamp, "posts", "r", "title", str(i), prev))
        prev = data.draw(st.sampled_from([None, stamp]))
    states = []
    for order in (lines, data.draw(st.permutations(lines))):
        state = MergedState()
        for line in order:
            state.apply(decode(line).ops)
        states.append(state.fingerprint())
    assert states[0] == states[1]


def test_a_reader_on_a_machine_that_followed_a_fast_clock_does_not_report_itself(machine):
    kari, ola = machine("kari"), machine("ola")
    ws_k = Workspace.init(kari.folder, kari.identities, now_ms=lambda: NOW + 3 * HOUR)
    shutil.copytree(kari.folder, ola.folder)
    ws_k.insert("posts", {"title": "ahead"})
    _sync(kari.folder, ola.folder)
    ws_o = Workspace.open(ola.folder, ola.identities, now_ms=lambda: NOW)
    ws_o.insert("posts", {"title": "after seeing it"})  # stamped 3 hours ahead: it followed Kari
    reader = Workspace.open(ola.folder, ola.identities, now_ms=lambda: NOW, writable=False)  # `doctor`
    ahead = [p for p in reader.problems if p.code == "clock-ahead"]
    assert [p.path for p in ahead] == [f"devices/{ws_k.identity.device_id}"]
    assert "3 hours ahead" in ahead[0].message
