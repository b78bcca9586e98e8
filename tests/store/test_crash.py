"""Crashes and failing disks at every write step.

A scripted session (init, inserts, a multi-record batch, updates, delete, restore, an unset, enough
writes to roll over to new segments, a batch bigger than a segment) is run once to count the calls
of the three write primitives in `someplan.store.atomic` and to record the state after every batch.
Then, for every primitive and every k, the session is run again from scratch with the k-th call of
that primitive raising `SimulatedCrash` (a BaseException, so nothing in the engine can swallow it).
Like a real crash it leaves debris: the half-written temp file, and a forged temp file holding a
valid op that was never committed. The workspace is then reopened by fresh objects (a new process)
and must hold exactly the state before the interrupted batch or after it, never a mix, never the
forged op, with no errors; and it must keep working.

Then the failures that are not crashes: no space left in the shared folder after the private copy
was saved, a sync client holding the file (PermissionError on replace), a private copy that cannot
be written.
"""

from __future__ import annotations

import copy
import errno
import json
import os
import shutil
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import pytest

from someplan.store import atomic, writer
from someplan.store.device import IdentityStore
from someplan.store.layout import SEGMENT_RE, WORKSPACE_FILE
from someplan.store.ops import UNSET, decode, encode
from someplan.store.problems import WorkspaceError
from someplan.store.workspace import Workspace

PRIMITIVES = ("_write_all", "_fsync", "_replace")
SMALL_SEGMENT = 600
LONG = "x" * 120


class SimulatedCrash(BaseException):
    """The process dies here: no except clause in the engine may catch it."""


# -- the scripted session -----------------------------------------------------------------------------


def _filler(i):
    return lambda ws: ws.update("posts", "r3", {"body": f"{i} {LONG}"})


STEPS = [
    ("insert r1", lambda ws: ws.insert("posts", {"title": "one", "body": "b", "tags": ["a", "b"]}, record_id="r1")),
    ("insert r2", lambda ws: ws.insert("posts", {"title": "two"}, record_id="r2")),
    (
        "batch over three records",
        lambda ws: ws.write(
            [
                ("posts", "r1", "title", "one!"),
                ("posts", "r2", "title", "two!"),
                ("posts", "r3", "title", "three"),
                ("posts", "r3", "body", LONG),
            ]
        ),
    ),
    ("update r1", lambda ws: ws.update("posts", "r1", {"body": LONG})),
    ("delete r2", lambda ws: ws.delete("posts", "r2")),
    ("insert c1", lambda ws: ws.insert("channels", {"name": "ig", "handle": "@someplan"}, record_id="c1")),
    ("restore r2", lambda ws: ws.restore("posts", "r2")),
    ("update r2", lambda ws: ws.update("posts", "r2", {"title": "two again", "status": "ok"})),
    ("unset r1.tags", lambda ws: ws.write([("posts", "r1", "tags", UNSET)])),
    *[(f"filler {i}", _filler(i)) for i in range(4)],
    ("batch bigger than a segment", lambda ws: ws.write([("posts", f"b{i}", "title", LONG) for i in range(6)])),
    ("delete r3", lambda ws: ws.delete("posts", "r3")),
    ("last update", lambda ws: ws.update("posts", "r1", {"title": "last"})),
]


@dataclass
class Dirs:
    base: Path

    @property
    def root(self) -> Path:
        return self.base / "ws"

    @property
    def config(self) -> Path:
        return self.base / "config"

    @property
    def state(self) -> Path:
        return self.base / "state"

    def identities(self) -> IdentityStore:
        return IdentityStore(self.config, self.state)

    def copy_to(self, other: Dirs) -> None:
        for name in ("ws", "config", "state"):
            if (self.base / name).exists():
                shutil.copytree(self.base / name, other.base / name)


@dataclass
class Progress:
    batch: int = -1


def run_script(dirs: Dirs, progress: Progress, observe=None) -> Workspace:
    progress.batch = 0
    ws = Workspace.init(dirs.root, dirs.identities())
    if observe:
        observe(0, ws)
    for number, (_name, step) in enumerate(STEPS, start=1):
        progress.batch = number
        step(ws)
        if observe:
            observe(number, ws)
    return ws


# -- the crash injector -------------------------------------------------------------------------------


def _fd_path(fd: int) -> Path:
    return Path(os.readlink(f"/proc/self/fd/{fd}"))


GHOST_LINE = encode("0000000000001-0000-ghost0000000", "ghost", "g1", "boo", "never committed", None)


class Injector:
    """Counts the primitives' calls; the k-th call of `target` crashes and leaves debris behind."""

    def __init__(self, target: str | None = None, k: int = 0) -> None:
        self.target, self.k = target, k
        self.counts = dict.fromkeys(PRIMITIVES, 0)
        self.crashed_in: Path | None = None

    def install(self, monkeypatch) -> None:
        for name in PRIMITIVES:
            monkeypatch.setattr(atomic, name, self._wrap(name, getattr(atomic, name)))

    def _wrap(self, name, real):
        def primitive(*args):
            self.counts[name] += 1
            if name == self.target and self.counts[name] == self.k:
                self._leave_debris(name, args)
                raise SimulatedCrash(f"{name} #{self.k}")
            return real(*args)

        return primitive

    def _leave_debris(self, name, args) -> None:
        # atomic_write deletes its temp file on the way out; a power cut would not. Keep a hard
        # link to it under another temp name, half-written when the crash hits the write.
        if name == "_replace":
            temp = Path(args[0])
        else:
            temp = _fd_path(args[0])
            if name == "_write_all":
                os.write(args[0], args[1][: len(args[1]) // 2])
        folder = temp if temp.is_dir() else temp.parent
        if not temp.is_dir():
            os.link(temp, folder / f"{atomic.TEMP_PREFIX}debris-{name}-{self.k}.tmp")
        # and a forged temp file that holds a valid op nobody committed
        (folder / f"{atomic.TEMP_PREFIX}ghost000001.jsonl").write_bytes(GHOST_LINE)
        self.crashed_in = folder


@dataclass
class Baseline:
    fingerprints: list = field(default_factory=list)  # the state after batch i (0 = after init)
    counts: dict = field(default_factory=dict)
    segments: list = field(default_factory=list)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Baseline:
    result = Baseline()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(writer, "SEGMENT_BYTES", SMALL_SEGMENT)
        injector = Injector()
        injector.install(mp)
        dirs = Dirs(tmp_path_factory.mktemp("baseline"))
        ws = run_script(dirs, Progress(), lambda i, ws: result.fingerprints.append(copy.deepcopy(ws.state.fingerprint())))
        result.counts = dict(injector.counts)
        folder = dirs.root / "devices" / ws.identity.device_id
        result.segments = sorted(p.stat().st_size for p in folder.glob("*.jsonl"))
    return result


def test_the_scripted_session_covers_what_the_crash_tests_claim(baseline):
    assert len(baseline.fingerprints) == len(STEPS) + 1
    assert all(a != b for a, b in pairwise(baseline.fingerprints)), "every batch changes the state"
    assert len(baseline.segments) >= 5, "the session rolls over to new segments several times"
    assert max(baseline.segments) > SMALL_SEGMENT, "one batch bigger than a segment stays in one segment"
    final = baseline.fingerprints[-1]
    assert final["posts"]["r1"] == {"title": "last", "body": LONG, "tags": "<unset>"}
    assert final["posts"]["r2"]["_deleted"] is False and final["posts"]["r3"]["_deleted"] is True
    # at least: meta, identity, device.json, and a private + a shared copy per batch
    assert baseline.counts["_replace"] >= 3 + 2 * len(STEPS)
    assert baseline.counts["_fsync"] >= 2 * baseline.counts["_replace"]
    assert baseline.counts["_write_all"] == baseline.counts["_replace"]


def _temp_files(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob(f"{atomic.TEMP_PREFIX}*")]


def _tree_signature(*folders: Path) -> dict:
    # The read cache is this machine's own, outside the workspace: a reader may (re)write it.
    return {
        str(p): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
        for folder in folders
        if folder.exists()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "read-cache" not in p.parts
    }


def _device_folder_missing_behind_private_copy(dirs: Dirs) -> bool:
    """The state ENGINE BUG 2 is about: our private copy has a segment, the workspace has no folder for us."""
    try:
        device = json.loads((dirs.config / "device.json").read_text())["device_id"]
        workspace_id = json.loads((dirs.root / WORKSPACE_FILE).read_text())["id"]
    except (OSError, ValueError, KeyError):
        return False
    mirror = dirs.state / "workspaces" / workspace_id / device
    saved = [p for p in mirror.glob("*.jsonl") if SEGMENT_RE.match(p.name)]
    return bool(saved) and not (dirs.root / "devices" / device).exists()


def _check_crash(dirs: Dirs, target: str, k: int, baseline: Baseline, heal_crashes: bool) -> str:
    progress = Progress()
    injector = Injector(target, k)
    with pytest.MonkeyPatch.context() as mp:
        injector.install(mp)
        with pytest.raises(SimulatedCrash):
            run_script(dirs, progress)
    batch = progress.batch
    where = f"crash in {target} #{k} during batch {batch} ({STEPS[batch - 1][0] if batch else 'init'})"
    assert _temp_files(dirs.root, dirs.state, dirs.config), "the crash left debris behind"

    if batch == 0 and not (dirs.root / WORKSPACE_FILE).exists():
        # init died before the workspace existed: it is no workspace, and init can run again
        with pytest.raises(WorkspaceError):
            Workspace.open(dirs.root, dirs.identities(), writable=False)
        assert Workspace.init(dirs.root, dirs.identities()).state.fingerprint() == {}, where
        return "no workspace yet"
    allowed = [baseline.fingerprints[batch - 1], baseline.fingerprints[batch]] if batch else [{}]
    after = allowed[-1]

    # a reader (read-only, a new process) sees before or after and writes nothing; a batch saved
    # only in the private copy is shown (merged in memory) and reported, not healed
    untouched = _tree_signature(dirs.root, dirs.state, dirs.config)
    reader = Workspace.open(dirs.root, dirs.identities(), writable=False)
    seen = reader.state.fingerprint()
    assert seen in allowed, f"{where}: a reader sees a mix"
    private_only = {p.code for p in reader.problems} == {"private-only"}
    assert reader.problems == [] or (private_only and seen == after), f"{where}: {reader.problems}"
    assert _tree_signature(dirs.root, dirs.state, dirs.config) == untouched, f"{where}: a read-only open wrote"

    pre_heal = Dirs(dirs.base.with_name(dirs.base.name + "-preheal"))
    if heal_crashes:
        dirs.copy_to(pre_heal)

    # the machine itself reopens (may put its private copy back into the workspace)
    known_bug = _device_folder_missing_behind_private_copy(dirs)
    try:
        ws = Workspace.open(dirs.root, dirs.identities())
    except FileNotFoundError:
        if known_bug:  # see test_a_crash_before_our_device_folder_existed_does_not_block_the_next_open
            return "known bug"
        raise
    state = ws.state.fingerprint()
    assert state in allowed, f"{where}: reopened state is a mix"
    if seen == after:
        assert state == after, f"{where}: reopening lost the batch a reader already saw"
    assert "ghost" not in state
    assert {p.code for p in ws.problems} <= {"restored"}, f"{where}: {ws.problems}"
    healed = state != seen or private_only

    # and keeps working: one more write, then a third process sees all of it, nothing to repair
    device = ws.identity.device_id
    ws.insert("marks", {"after": f"{target}#{k}"}, record_id="marker")
    expected = copy.deepcopy(state)
    expected["marks"] = {"marker": {"after": f"{target}#{k}"}}
    again = Workspace.open(dirs.root, dirs.identities())
    assert again.state.fingerprint() == expected, f"{where}: the write after the crash"
    assert again.problems == [], f"{where}: {again.problems}"
    assert again.identity.device_id == device
    for path in (dirs.root / "devices" / device).iterdir():
        if SEGMENT_RE.match(path.name):
                assert decode(path.read_bytes()).clean, f"{where}: {path.name} is damaged"

    if heal_crashes and healed:
        _check_crash_while_healing(pre_heal, after, where)
    return "healed" if healed else "ok"


def _check_crash_while_healing(pre_heal: Dirs, after: dict, where: str) -> None:
    """The open that puts our ops back into the workspace can crash too."""
    counting = Injector()
    probe = Dirs(pre_heal.base.with_name(pre_heal.base.name + "-count"))
    pre_heal.copy_to(probe)
    with pytest.MonkeyPatch.context() as mp:
        counting.install(mp)
        Workspace.open(probe.root, probe.identities())
    for target in PRIMITIVES:
        for k in range(1, counting.counts[target] + 1):
            run = Dirs(pre_heal.base.with_name(f"{pre_heal.base.name}-{target}-{k}"))
            pre_heal.copy_to(run)
            with pytest.MonkeyPatch.context() as mp:
                Injector(target, k).install(mp)
                with pytest.raises(SimulatedCrash):
                    Workspace.open(run.root, run.identities())
            ws = Workspace.open(run.root, run.identities())
            assert ws.state.fingerprint() == after, f"{where}, then in {target} #{k} while healing"
            assert {p.code for p in ws.problems} <= {"restored"}


@pytest.mark.parametrize("target", PRIMITIVES)
def test_a_crash_at_every_write_step_leaves_the_state_before_or_after_the_batch(tmp_path, monkeypatch, baseline, target):
    monkeypatch.setattr(writer, "SEGMENT_BYTES", SMALL_SEGMENT)
    failures, outcomes = [], []
    for k in range(1, baseline.counts[target] + 1):
        try:
            outcomes.append(_check_crash(Dirs(tmp_path / f"k{k}"), target, k, baseline, heal_crashes=True))
        except Exception as error:  # noqa: BLE001 - every crash point is reported, not just the first
            failures.append(f"{target} #{k}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
    assert not failures, f"{len(failures)} of {baseline.counts[target]} crash points:\n" + "\n".join(failures)
    if target != "_write_all":  # a crash after a private copy was complete needs the reopen to heal
        assert "healed" in outcomes
    assert outcomes.count("known bug") <= 1  # ENGINE BUG 2, one crash point


def test_a_crash_before_our_device_folder_existed_does_not_block_the_next_open(tmp_path, monkeypatch):
    """ENGINE BUG 2, by a crash: the first write of a device saves the private copy, then dies before
    `devices/<id>/` is made. Every later open tries to put the segment back into the missing
    folder and raises FileNotFoundError (someplan/store/writer.py, SegmentWriter.check)."""
    dirs = Dirs(tmp_path)
    ws = Workspace.init(dirs.root, dirs.identities())
    # the first write: private copy (fsync the file, replace, fsync its folder: crash), then the
    # shared folder would be made
    injector = Injector("_fsync", 2)
    with pytest.MonkeyPatch.context() as mp:
        injector.install(mp)
        with pytest.raises(SimulatedCrash):
            ws.insert("posts", {"title": "one"}, record_id="r1")
    assert _device_folder_missing_behind_private_copy(dirs), "precondition"
    reader = Workspace.open(dirs.root, dirs.identities(), writable=False)  # shows the private copy, says so
    assert reader.view("posts") == {"r1": {"title": "one"}} and _codes(reader) == {"private-only"}
    try:
        ws = Workspace.open(dirs.root, dirs.identities())
    except FileNotFoundError:
        pytest.xfail("ENGINE BUG 2: SegmentWriter.check restores into devices/<id>/ without creating it")
    assert ws.view("posts") == {"r1": {"title": "one"}}
    assert set(_peer_view(tmp_path, dirs.root)) == {"r1"}


# -- failures that are not crashes ---------------------------------------------------------------------


class Gate:
    """Makes the primitives fail for paths below one folder while `on`."""

    def __init__(self, monkeypatch, folder: Path, error: OSError, primitive: str = "_write_all", times: int = -1):
        self.folder, self.error, self.on, self.times, self.hits = str(folder), error, True, times, 0
        real = getattr(atomic, primitive)

        def gated(*args):
            target = args[1] if primitive == "_replace" else _fd_path(args[0])
            if self.on and self.times != 0 and str(target).startswith(self.folder):
                self.times -= 1
                self.hits += 1
                raise self.error
            return real(*args)

        monkeypatch.setattr(atomic, primitive, gated)


def _peer_view(tmp_path: Path, root: Path, table: str = "posts") -> dict:
    """What a colleague's machine reading the shared folder sees."""
    peer = Workspace.open(root, IdentityStore(tmp_path / "peer-config", tmp_path / "peer-state"), writable=False)
    return peer.view(table)


def _codes(ws: Workspace) -> set[str]:
    return {p.code for p in ws.problems}


@pytest.mark.parametrize("heal", ["next-write", "reopen"])
@pytest.mark.parametrize("first", [False, True], ids=["later-write", "first-write"])
def test_no_space_in_the_shared_folder_keeps_the_session_going(tmp_path, monkeypatch, heal, first):
    dirs = Dirs(tmp_path)
    ws = Workspace.init(dirs.root, dirs.identities())
    if not first:
        ws.insert("posts", {"title": "one"}, record_id="r1")
    gate = Gate(monkeypatch, dirs.root, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))

    ws.insert("posts", {"title": "two"}, record_id="r2")  # the private copy is saved: no exception
    ws.insert("posts", {"title": "three"}, record_id="r3")
    assert gate.hits >= 2
    assert ws.get("posts", "r2") == {"title": "two"} and ws.get("posts", "r3") == {"title": "three"}
    unsynced = [p for p in ws.problems if p.code == "unsynced"]
    assert len(unsynced) == 1 and unsynced[0].severity == "warning"
    assert "No space left" in unsynced[0].message
    assert "r2" not in _peer_view(tmp_path, dirs.root)
    assert _temp_files(dirs.root) == []

    gate.on = False
    if heal == "next-write":
        ws.insert("posts", {"title": "four"}, record_id="r4")
        assert "unsynced" not in _codes(ws)
    else:
        ws = Workspace.open(dirs.root, dirs.identities())  # quit, start again
        assert "restored" in _codes(ws) or first
    shared = _peer_view(tmp_path, dirs.root)
    assert shared["r2"] == {"title": "two"} and shared["r3"] == {"title": "three"}
    assert Workspace.open(dirs.root, dirs.identities()).problems == []


def test_unsynced_ops_reach_the_workspace_with_the_next_write_even_when_it_starts_a_new_segment(tmp_path, monkeypatch):
    """ENGINE BUG 1 (someplan/store/writer.py, SegmentWriter.append): ops whose workspace write failed
    stay out of the workspace when the next write rolls over to a new segment, and `unsynced` is
    cleared anyway; colleagues get them only after this machine restarts."""
    monkeypatch.setattr(writer, "SEGMENT_BYTES", SMALL_SEGMENT)
    dirs = Dirs(tmp_path)
    ws = Workspace.init(dirs.root, dirs.identities())
    ws.insert("posts", {"body": LONG}, record_id="r1")  # one line of about 230 bytes
    gate = Gate(monkeypatch, dirs.root, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    ws.insert("posts", {"body": LONG}, record_id="r2")  # still fits in segment 1
    assert "unsynced" in _codes(ws)
    gate.on = False
    ws.insert("posts", {"body": LONG}, record_id="r3")  # does not fit: segment 2
    mirror = ws._writer.mirror_dir
    assert sorted(p.name for p in mirror.glob("*.jsonl")) == ["000001.jsonl", "000002.jsonl"], "precondition"
    shared = _peer_view(tmp_path, dirs.root)
    assert "r3" in shared
    if "r2" not in shared and "unsynced" not in _codes(ws):
        pytest.xfail("ENGINE BUG 1: the unsynced ops of a full segment are neither written nor reported")
    assert "r2" in shared, "the next write did not put the unsynced ops into the workspace"
    assert "unsynced" not in _codes(ws)


def test_a_sync_client_holding_the_file_for_a_moment_is_waited_out(tmp_path, monkeypatch):
    dirs = Dirs(tmp_path)
    ws = Workspace.init(dirs.root, dirs.identities())
    sleeps: list[float] = []
    monkeypatch.setattr(atomic, "_sleep", sleeps.append)
    gate = Gate(monkeypatch, dirs.root, PermissionError(errno.EACCES, "held by the sync client"), "_replace", times=3)
    ws.insert("posts", {"title": "one"}, record_id="r1")
    assert gate.hits == 3
    assert sleeps == [atomic.FIRST_BACKOFF_S * 2**i for i in range(3)]
    assert "unsynced" not in _codes(ws)
    assert _peer_view(tmp_path, dirs.root)["r1"] == {"title": "one"}
    assert _temp_files(dirs.root, dirs.state) == []


def test_a_file_held_for_good_leaves_the_ops_unsynced_until_it_is_free(tmp_path, monkeypatch):
    dirs = Dirs(tmp_path)
    ws = Workspace.init(dirs.root, dirs.identities())
    ws.insert("posts", {"title": "one"}, record_id="r1")
    sleeps: list[float] = []
    monkeypatch.setattr(atomic, "_sleep", sleeps.append)
    gate = Gate(monkeypatch, dirs.root, PermissionError(errno.EACCES, "held by the sync client"), "_replace")
    ws.insert("posts", {"title": "two"}, record_id="r2")
    assert gate.hits == atomic.REPLACE_RETRIES
    assert len(sleeps) == atomic.REPLACE_RETRIES - 1 and sleeps == sorted(sleeps)
    assert "unsynced" in _codes(ws) and ws.get("posts", "r2") == {"title": "two"}
    assert _temp_files(dirs.root) == [], "a failed replace leaves no temp file behind"
    gate.on = False
    ws.insert("posts", {"title": "three"}, record_id="r3")
    assert "unsynced" not in _codes(ws)
    assert set(_peer_view(tmp_path, dirs.root)) == {"r1", "r2", "r3"}


def test_a_private_copy_that_cannot_be_written_saves_nothing_and_says_so(tmp_path, monkeypatch):
    dirs = Dirs(tmp_path)
    ws = Workspace.init(dirs.root, dirs.identities())
    ws.insert("posts", {"title": "one"}, record_id="r1")
    before = _tree_signature(dirs.root)
    gate = Gate(monkeypatch, dirs.state, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    with pytest.raises(OSError):
        ws.insert("posts", {"title": "two"}, record_id="r2")
    assert ws.get("posts", "r2") is None, "an edit that was not saved must not show as saved"
    assert _tree_signature(dirs.root) == before
    gate.on = False
    ws.insert("posts", {"title": "three"}, record_id="r3")
    assert set(_peer_view(tmp_path, dirs.root)) == {"r1", "r3"}
    again = Workspace.open(dirs.root, dirs.identities())
    assert set(again.view("posts")) == {"r1", "r3"} and again.problems == []
