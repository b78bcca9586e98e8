"""Simulated colleagues and simulated sync tools, for the workspace sync tests.

A `World` holds a few `Machine`s. Each machine is one colleague's laptop: its own XDG config and
state dirs (an `IdentityStore`) and its own copy of the workspace folder, all under one temp dir.
Machines never share a file; they only see each other's edits through a sync tool:

- `DropboxSync`: a server plus, per machine, the content of every file as last synced. A file
  changed on one side propagates; changed on both sides, the newer copy keeps the name and the
  other is kept beside it as ``NAME (Kari's conflicted copy 2026-11-22).ext``. A deletion
  propagates only when the other side did not change the file. Optionally it also makes the
  "spurious" conflicted copies real clients make when a file changes while it is uploading
  (sometimes keeping the *old* version under the real name).
- `SyncthingSync`: the same, with conflicted copies named
  ``NAME.sync-conflict-20261122-101010-ABCDEFG.ext``.
- `HostileSync`: no conflict handling at all. It mirrors one machine's ``devices/`` tree onto
  another's, writing in place and keeping the source's mtime (``rsync -t --inplace``), and lets
  the older copy win some of the time; optionally it deletes what the source lacks (``--delete``).

The world also records which machine's *code* wrote each workspace file (rule zero: no file in the
workspace is ever written by two machines). While a machine is "acting" (inside
`World.acting(machine)`; every `Machine` method uses it) every atomic replace is attributed to it,
and every file that appeared or changed in any workspace copy meanwhile is attributed to it too,
so a write that bypassed `someplan.store.atomic` would be caught as well. The sync tools' own
copying happens outside `acting` and does not count. Every op any machine wrote is logged in
`World.ops`, so tests can compute the state that must win (`oracle_fingerprint`).

Nothing here sleeps; time is a fake wall clock (`World.now_ms`) that tests advance with `tick`.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
from collections import defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from someplan.store import atomic, device
from someplan.store.device import IdentityStore
from someplan.store.history import CURRENT, REPLACED, SUPERSEDED
from someplan.store.ops import UNSET, Op
from someplan.store.workspace import Workspace

START_MS = int(datetime(2026, 11, 22, 10, 10, 10, tzinfo=UTC).timestamp() * 1000)
SYNC_TEMP = ".simsync-"


def _ignored(name: str) -> bool:
    return name.startswith(atomic.TEMP_PREFIX) or name.startswith(SYNC_TEMP)


@dataclass(frozen=True)
class FileVersion:
    data: bytes
    mtime_ns: int
    origin: str  # label of the machine whose copy this was


def read_tree(root: Path, under: str = "") -> dict[str, FileVersion]:
    """Every file below root (or below root/under) by posix relpath, temp files left out."""
    result: dict[str, FileVersion] = {}
    top = root / under if under else root
    if not top.exists():
        return result
    for dirpath, _dirs, files in os.walk(top):
        for name in files:
            if _ignored(name):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            st = path.stat()
            result[rel] = FileVersion(path.read_bytes(), st.st_mtime_ns, "")
    return result


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {rel: v.data for rel, v in read_tree(root).items()}


def _stat_tree(root: Path) -> dict[str, tuple]:
    """Everything below root, temp files included (a leftover temp file is a write too)."""
    result = {}
    if not root.exists():
        return result
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            st = path.stat()
            digest = hashlib.blake2b(path.read_bytes(), digest_size=8).digest()
            result[path.relative_to(root).as_posix()] = (st.st_ino, st.st_size, st.st_mtime_ns, digest)
    return result


def _write_file(path: Path, data: bytes, mtime_ns: int, *, in_place: bool = False) -> None:
    """How a sync tool puts a file on disk (never through someplan.store.atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if in_place and path.exists():
        with open(path, "r+b") as handle:
            handle.write(data)
            handle.truncate()
        os.utime(path, ns=(mtime_ns, mtime_ns))
        return
    temp = path.parent / f"{SYNC_TEMP}{os.getpid()}-{random.random():.12f}"
    temp.write_bytes(data)
    os.utime(temp, ns=(mtime_ns, mtime_ns))
    os.replace(temp, path)


# -- oracle ------------------------------------------------------------------------------------------


def oracle_fingerprint(ops: Iterable[Op]) -> dict:
    """The state every machine must converge to: per field, the op with the greatest order key."""
    best: dict[tuple[str, str, str], Op] = {}
    for op in ops:
        key = (op.table, op.record, op.field)
        if key not in best or op.order_key > best[key].order_key:
            best[key] = op
    result: dict = {}
    for (table, record, field_name), op in best.items():
        result.setdefault(table, {}).setdefault(record, {})[field_name] = "<unset>" if op.value is UNSET else op.value
    return result


def check_history(ws: Workspace, ops: list[Op]) -> None:
    """Every op ever written is listed in the record's history with its value and a right status.

    - the op with the greatest order key of its field is `current`, every other one `replaced`
      or `superseded`;
    - an op no later op names as the value it replaced, and that did not win, lost to a concurrent
      edit: `superseded`;
    - the op the winner names as the value it replaced: `replaced`.
    """
    by_field: dict[tuple[str, str, str], list[Op]] = defaultdict(list)
    for op in ops:
        by_field[(op.table, op.record, op.field)].append(op)
    named_as_prev = {op.prev for op in ops if op.prev}
    histories: dict[tuple[str, str], dict] = {}
    for (table, record, field_name), field_ops in by_field.items():
        if (table, record) not in histories:
            histories[(table, record)] = ws.history(table, record)
        versions = {v.stamp: v for v in histories[(table, record)].get(field_name, [])}
        winner = max(field_ops, key=lambda op: op.order_key)
        assert len(versions) == len({op.stamp for op in field_ops}), (
            f"history of {table}/{record}.{field_name} lists {len(versions)} versions, "
            f"{len(field_ops)} were written"
        )
        for op in field_ops:
            version = versions.get(op.stamp)
            assert version is not None, f"value {op.value!r} of {table}/{record}.{field_name} ({op.stamp}) is lost"
            assert (version.value is UNSET) == (op.value is UNSET) and (op.value is UNSET or version.value == op.value)
            if op is winner:
                assert version.status == CURRENT, (op, version)
            else:
                assert version.status in (REPLACED, SUPERSEDED), (op, version)
                if op.stamp not in named_as_prev:
                    assert version.status == SUPERSEDED, (op, version)
                    assert version.winner == winner.stamp
        if winner.prev and winner.prev in versions and winner.prev != winner.stamp:
            assert versions[winner.prev].status == REPLACED


# -- machines ----------------------------------------------------------------------------------------


class Machine:
    """One colleague's laptop."""

    def __init__(self, world: World, label: str, name: str, skew_ms: int = 0, fingerprint: str | None = None):
        self.world = world
        self.label = label
        self.name = name
        self.skew_ms = skew_ms
        self.fingerprint = fingerprint or f"machine-{label}"
        base = world.base / label
        self.config = base / "config"
        self.state_dir = base / "state"
        self.root = base / "workspace"
        self.ws: Workspace | None = None
        self.records: dict[str, int] = {}

    def __repr__(self) -> str:
        return f"Machine({self.label})"

    def now_ms(self) -> int:
        return self.world.now_ms + self.skew_ms

    def identities(self) -> IdentityStore:
        """A fresh IdentityStore over this machine's dirs (as a new process would make)."""
        return IdentityStore(self.config, self.state_dir, fingerprint=lambda: self.fingerprint)

    def name_device(self) -> None:
        """Mint the identity up front with the colleague's display name."""
        with self.world.acting(self):
            store = self.identities()
            store.rename(store.load(), self.name)

    def init(self) -> Workspace:
        self.name_device()
        with self.world.acting(self):
            self.ws = self._wrap(Workspace.init(self.root, self.identities(), now_ms=self.now_ms))
        return self.ws

    def open(self, writable: bool = True) -> Workspace:
        if not (self.config / "device.json").exists():
            self.name_device()
        with self.world.acting(self):
            self.ws = self._wrap(Workspace.open(self.root, self.identities(), writable=writable, now_ms=self.now_ms))
        return self.ws

    def refresh(self) -> set:
        with self.world.acting(self):
            return self.ws.refresh()

    @property
    def device_id(self) -> str:
        return self.ws.identity.device_id

    # edits: each one is an action of this machine, a second later than the last one
    def insert(self, table: str, fields: dict[str, Any], record_id: str | None = None) -> str:
        with self.world.acting(self):
            if record_id is None:
                self.records[table] = self.records.get(table, 0) + 1
                record_id = f"{self.label}-{table}-{self.records[table]}"
            return self.ws.insert(table, fields, record_id=record_id)

    def update(self, table: str, record_id: str, fields: dict[str, Any]) -> None:
        with self.world.acting(self):
            self.ws.update(table, record_id, fields)

    def delete(self, table: str, record_id: str) -> None:
        with self.world.acting(self):
            self.ws.delete(table, record_id)

    def restore(self, table: str, record_id: str) -> None:
        with self.world.acting(self):
            self.ws.restore(table, record_id)

    def write(self, changes) -> list[Op]:
        with self.world.acting(self):
            return self.ws.write(changes)

    def snapshot(self) -> None:
        with self.world.acting(self):
            self.ws.write_snapshot()

    def fingerprint_state(self) -> dict:
        return self.ws.state.fingerprint()

    def error_problems(self) -> list:
        return [p for p in self.ws.problems if p.severity == "error"]

    def _wrap(self, ws: Workspace) -> Workspace:
        """Log every op this session writes (insert/update/delete/restore all go through write)."""
        real = ws.write

        def write(changes):
            ops = real(changes)
            self.world.ops.extend(ops)
            return ops

        ws.write = write
        return ws


class World:
    """The machines, the write log for rule zero, the op log and the fake clock.

    Use as a context manager: it patches `someplan.store.atomic._replace` to see who writes what,
    `someplan.store.device.new_device_id` for readable, reproducible device ids, and (``fast``)
    `_fsync` to a no-op: these tests are about sync, not durability (see test_crash.py).
    """

    def __init__(self, base: Path, *, fast: bool = True) -> None:
        self.base = Path(base)
        self.fast = fast
        self.machines: list[Machine] = []
        self.now_ms = START_MS
        self.ops: list[Op] = []
        self.writers: dict[str, set[str]] = defaultdict(set)  # workspace relpath -> machine labels
        self.write_count = 0
        self.outside_writes: list[str] = []  # workspace writes while no machine was acting
        self.engine_deletions: list[tuple[str, str]] = []
        self.active: Machine | None = None
        self._ids = 0
        self._saved: list[tuple[Any, str, Any]] = []

    # -- patches ---------------------------------------------------------------------------------

    def __enter__(self) -> World:
        real_replace = atomic._replace

        def replace(src, dst):
            real_replace(src, dst)
            self._note_write(Path(dst))

        def new_device_id() -> str:
            self._ids += 1
            label = (self.active.label if self.active else "anon")[:4].ljust(4, "x")
            return f"{label}{self._ids:08d}"

        self._patch(atomic, "_replace", replace)
        self._patch(device, "new_device_id", new_device_id)
        if self.fast:
            self._patch(atomic, "_fsync", lambda fd: None)
        return self

    def __exit__(self, *exc) -> None:
        for module, name, value in reversed(self._saved):
            setattr(module, name, value)
        self._saved.clear()

    def _patch(self, module, name, value) -> None:
        self._saved.append((module, name, getattr(module, name)))
        setattr(module, name, value)

    # -- machines and time -------------------------------------------------------------------------

    def add(self, label: str, name: str, skew_ms: int = 0, fingerprint: str | None = None) -> Machine:
        machine = Machine(self, label, name, skew_ms, fingerprint)
        self.machines.append(machine)
        return machine

    def tick(self, ms: int = 1000) -> None:
        self.now_ms += ms

    def copy_workspace(self, src: Machine, dst: Machine) -> None:
        """Colleague dst gets the folder (once, before syncing starts)."""
        shutil.copytree(src.root, dst.root, ignore=shutil.ignore_patterns(f"{atomic.TEMP_PREFIX}*"))

    # -- who writes what ---------------------------------------------------------------------------

    def _owner(self, path: Path) -> tuple[Machine | None, str | None]:
        for machine in self.machines:
            try:
                return machine, path.relative_to(machine.root).as_posix()
            except ValueError:
                continue
        return None, None

    def _note_write(self, path: Path) -> None:
        owner, rel = self._owner(path)
        if owner is None:
            return  # config or state dir: private to the machine
        if self.active is None:
            self.outside_writes.append(f"{owner.label}:{rel}")
            return
        if owner is not self.active:
            self.outside_writes.append(f"{self.active.label} wrote into {owner.label}'s copy: {rel}")
        self.writers[rel].add(self.active.label)
        self.write_count += 1

    @contextmanager
    def acting(self, machine: Machine):
        if self.active is not None:
            assert self.active is machine, "machines act one at a time"
            yield
            return
        self.tick()
        before = {m.label: _stat_tree(m.root) for m in self.machines}
        self.active = machine
        try:
            yield
        finally:
            self.active = None
            for m in self.machines:
                after = _stat_tree(m.root)
                old = before[m.label]
                for rel, sig in after.items():
                    if old.get(rel) != sig and not _ignored(rel.rsplit("/", 1)[-1]):
                        if m is not machine:
                            self.outside_writes.append(f"{machine.label} changed {m.label}'s copy: {rel}")
                        if machine.label not in self.writers[rel]:
                            self.writers[rel].add(machine.label)
                            self.write_count += 1
                for rel in set(old) - set(after):
                    if not _ignored(rel.rsplit("/", 1)[-1]):
                        self.engine_deletions.append((machine.label, f"{m.label}:{rel}"))

    def rule_zero_violations(self, exempt=lambda rel: False) -> dict[str, set[str]]:
        return {rel: who for rel, who in self.writers.items() if len(who) > 1 and not exempt(rel)}

    def assert_rule_zero(self, exempt=lambda rel: False) -> None:
        assert self.rule_zero_violations(exempt) == {}, "files written by more than one machine"
        assert self.outside_writes == []
        assert self.engine_deletions == [], "the engine deleted workspace files"

    # -- convergence -------------------------------------------------------------------------------

    def trees_equal(self) -> bool:
        first, *rest = [tree_bytes(m.root) for m in self.machines]
        return all(tree == first for tree in rest)

    def converge(self, tool, max_rounds: int = 6) -> int:
        """Sync, reopen every machine (writable: it may heal its files), until nothing changes."""
        for round_no in range(1, max_rounds + 1):
            tool.settle()
            before = self.write_count
            for machine in self.machines:
                machine.open()
            if self.write_count == before and self.trees_equal():
                prints = [m.fingerprint_state() for m in self.machines]
                if all(p == prints[0] for p in prints):
                    return round_no
        raise AssertionError(f"no convergence after {max_rounds} rounds of sync + reopen")

    def by_label(self, label: str) -> Machine:
        return next(m for m in self.machines if m.label == label)


# -- sync tools ----------------------------------------------------------------------------------------


class ServerSync:
    """A Dropbox-like client per machine talking to one server (see the module docstring)."""

    def __init__(
        self, world: World, rng: random.Random | None = None, spurious: float = 0.0, prune_empty_dirs: bool = False
    ) -> None:
        self.world = world
        self.rng = rng or random.Random(0)
        self.spurious = spurious
        # Real clients remove a folder whose deletion they propagate. Off by default: with it on,
        # a scenario that deletes all of a device's files trips ENGINE BUG 2 (see the tests).
        self.prune_empty_dirs = prune_empty_dirs
        self.server: dict[str, FileVersion] = {}
        self.base: dict[str, dict[str, bytes]] = {}
        self.conflicts: list[str] = []
        self._n = 0

    def start(self) -> None:
        """Every machine's folder is in sync with the server now (they were copied)."""
        first = self.world.machines[0]
        self.server = {rel: FileVersion(v.data, v.mtime_ns, first.label) for rel, v in read_tree(first.root).items()}
        for machine in self.world.machines:
            self.add(machine)

    def add(self, machine: Machine) -> None:
        self.base[machine.label] = tree_bytes(machine.root)

    def conflict_name(self, rel: str, loser: str) -> str:
        raise NotImplementedError

    def _free_name(self, rel: str, loser: str, local: dict) -> str:
        while True:
            name = self.conflict_name(rel, loser)
            if name not in self.server and name not in local:
                return name

    def _name_of(self, label: str) -> str:
        return self.world.by_label(label).name if label else "Someone"

    def sync(self, machine: Machine) -> None:
        root = machine.root
        local = {rel: FileVersion(v.data, v.mtime_ns, machine.label) for rel, v in read_tree(root).items()}
        base = self.base[machine.label]
        for rel in sorted(set(local) | set(base) | set(self.server)):
            here, s, b = local.get(rel), self.server.get(rel), base.get(rel)
            ld, sd = (here.data if here else None), (s.data if s else None)
            if ld == sd:
                if ld is None:
                    base.pop(rel, None)
                else:
                    base[rel] = ld
                continue
            local_changed, server_changed = ld != b, sd != b
            if local_changed and not server_changed:
                if here is None:  # deleted here, untouched elsewhere: the deletion propagates
                    del self.server[rel]
                    base.pop(rel, None)
                elif s is not None and self.rng.random() < self.spurious:
                    self._spurious_conflict(machine, rel, here, s, local)
                else:
                    self.server[rel] = here
                    base[rel] = ld
            elif server_changed and not local_changed:
                if s is None:
                    (root / rel).unlink()
                    base.pop(rel, None)
                    if self.prune_empty_dirs:
                        self._prune(root, (root / rel).parent)
                else:
                    _write_file(root / rel, s.data, s.mtime_ns)
                    base[rel] = sd
            else:  # changed on both sides since the last sync
                if here is None:  # deleted here, changed there: it comes back
                    _write_file(root / rel, s.data, s.mtime_ns)
                    base[rel] = sd
                elif s is None:  # deleted there, changed here: it goes back up
                    self.server[rel] = here
                    base[rel] = ld
                else:
                    winner, loser = (here, s) if (here.mtime_ns, 1) > (s.mtime_ns, 0) else (s, here)
                    self._keep_both(machine, rel, winner, loser, local)

    @staticmethod
    def _prune(root: Path, folder: Path) -> None:
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent

    def _keep_both(self, machine: Machine, rel: str, winner: FileVersion, loser: FileVersion, local: dict) -> None:
        root, base = machine.root, self.base[machine.label]
        copy = self._free_name(rel, loser.origin, local)
        self.conflicts.append(copy)
        self.server[rel] = winner
        self.server[copy] = loser
        if local.get(rel) is None or local[rel].data != winner.data:
            _write_file(root / rel, winner.data, winner.mtime_ns)
        _write_file(root / copy, loser.data, loser.mtime_ns)
        local[copy] = loser
        base[rel], base[copy] = winner.data, loser.data

    def _spurious_conflict(self, machine: Machine, rel: str, new: FileVersion, old: FileVersion, local: dict) -> None:
        """The file changed while it was uploading: the client keeps both; sometimes the old one wins."""
        if self.rng.random() < 0.5:
            self._keep_both(machine, rel, new, FileVersion(old.data, old.mtime_ns, machine.label), local)
        else:
            self._keep_both(machine, rel, FileVersion(old.data, new.mtime_ns + 1, machine.label), new, local)

    def sync_all(self, order: list[Machine] | None = None) -> None:
        machines = order or self.world.machines
        for _ in range(2):  # up, then down
            for machine in machines:
                self.sync(machine)

    def settle(self) -> None:
        spurious, self.spurious = self.spurious, 0.0
        try:
            self.sync_all()
        finally:
            self.spurious = spurious


class DropboxSync(ServerSync):
    def conflict_name(self, rel: str, loser: str) -> str:
        self._n += 1
        path = Path(rel)
        extra = "" if self._n == 1 else f" ({self._n})"
        return (path.parent / f"{path.stem} ({self._name_of(loser)}'s conflicted copy 2026-11-22{extra}){path.suffix}").as_posix()


class SyncthingSync(ServerSync):
    def conflict_name(self, rel: str, loser: str) -> str:
        self._n += 1
        path = Path(rel)
        short = (loser.upper() + "ABCDEFG")[:7]
        return (path.parent / f"{path.stem}.sync-conflict-20261122-{101010 + self._n:06d}-{short}{path.suffix}").as_posix()


class HostileSync:
    """Overwrites silently: no conflicted copies, the older copy sometimes wins, maybe --delete."""

    def __init__(self, world: World, rng: random.Random | None = None, older_wins: float = 0.3, delete: bool = False):
        self.world = world
        self.rng = rng or random.Random(0)
        self.older_wins = older_wins
        self.delete = delete
        self.overwrites: list[tuple[str, str, str]] = []  # (from, onto, relpath) where the older won

    def start(self) -> None:
        pass

    def add(self, machine: Machine) -> None:
        pass

    def mirror(self, src: Machine, dst: Machine, older_wins: float | None = None, delete: bool | None = None) -> None:
        """Put src's devices/ tree onto dst's copy, file by file, in place."""
        older_wins = self.older_wins if older_wins is None else older_wins
        delete = self.delete if delete is None else delete
        theirs = read_tree(src.root, "devices")
        ours = read_tree(dst.root, "devices")
        for rel, version in sorted(theirs.items()):
            mine = ours.get(rel)
            if mine is not None and mine.data == version.data:
                continue
            if mine is not None and version.mtime_ns <= mine.mtime_ns and self.rng.random() >= older_wins:
                continue
            if mine is not None and version.mtime_ns <= mine.mtime_ns:
                self.overwrites.append((src.label, dst.label, rel))
            _write_file(dst.root / rel, version.data, version.mtime_ns, in_place=True)
        if delete:
            for rel in set(ours) - set(theirs):
                (dst.root / rel).unlink()

    def sync_all(self, order: list[Machine] | None = None) -> None:
        machines = list(order or self.world.machines)
        pairs = [(a, b) for a in machines for b in machines if a is not b]
        self.rng.shuffle(pairs)
        for src, dst in pairs:
            self.mirror(src, dst)

    def settle(self) -> None:
        """The newest copy wins, nothing is deleted: enough for the owners' repairs to spread."""
        machines = self.world.machines
        for _ in range(2):
            for src in machines:
                for dst in machines:
                    if src is not dst:
                        self.mirror(src, dst, older_wins=0.0, delete=False)


TOOLS = {"dropbox": DropboxSync, "syncthing": SyncthingSync, "hostile": HostileSync}
