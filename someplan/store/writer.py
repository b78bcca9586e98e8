"""This device's segments: the only files in the workspace that this machine ever writes.

Each write rewrites the current segment whole by atomic replace; once it is over `SEGMENT_BYTES`
the next write starts a new one and the full one is never touched again. One batch of ops (one
user action) always lands in one segment, so a crash leaves the old state or the new, never half.

Every segment is first written to a private copy in this device's state dir, then to the
workspace. The copy is what makes "never lose an edit" hold against sync tools: if a tool
replaces one of our segments with a stale version, deletes it, or we crashed between the two
writes, the next open puts the missing ops back. It also tells us when another machine writes
under our device id (ops in our folder that we never wrote): we then mint a new id, leave that
folder to the other machine and carry our own ops over, so rule zero holds again.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from someplan.i18n import N_
from someplan.store.atomic import TEMP_PREFIX, atomic_write, read_regular, remove_stale_temp_files, write_once
from someplan.store.device import Identity
from someplan.store.filelock import file_lock
from someplan.store.hlc import stamp_device
from someplan.store.layout import DEVICE_FILE, DEVICES, EXPORTS, SEGMENT_RE, segment_name
from someplan.store.ops import DecodedFile, decode
from someplan.store.problems import Problem

SEGMENT_BYTES = 64 * 1024
LOCK_FILE = ".lock"


def _keys(data: bytes) -> set[str]:
    return {op.stamp + op.crc for op in decode(data).ops}


class SegmentWriter:
    def __init__(self, root: Path, workspace_id: str, identity: Identity, remint: Callable[[Identity], Identity]):
        self.root = root
        self.workspace_id = workspace_id
        self.identity = identity
        self._remint = remint
        self.problems: list[Problem] = []
        self._seq = 0
        self._lines: list[bytes] = []
        self._closed = True  # the current segment must not be rewritten; the next write starts one
        self.unsynced: str | None = None  # why the last write reached only the private copy (the OS's reason)
        self._stale: set[int] = set()  # segments whose shared copy lags behind the private one
        self.written: list[int] = []  # segments written to the workspace, for the reader to note

    # -- paths -------------------------------------------------------------------------------

    @property
    def device_dir(self) -> Path:
        return self.root / DEVICES / self.identity.device_id

    @property
    def mirror_dir(self) -> Path:
        return self.identity.mirror_dir(self.workspace_id)

    # -- one writer at a time per device ---------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[str]:
        """Hold this device's write lock; catch up with what another process of ours wrote.

        The planner and a `someplan` command on one machine are one device: without the lock and
        the catch-up they would both write the "next" segment and one would replace the other.
        Yields the greatest stamp among the ops the catch-up found, for the clock.
        """
        self.mirror_dir.mkdir(parents=True, exist_ok=True)
        with file_lock(self.mirror_dir / LOCK_FILE):
            yield self._catch_up()

    def _catch_up(self) -> str:
        top = max((int(m[1]) for name in _names(self.mirror_dir) if (m := SEGMENT_RE.match(name))), default=0)
        if top == 0 or (top < self._seq) or (top == self._seq and not self._closed and self._mirror_matches()):
            return ""
        decoded = self._take_up(top, (self.mirror_dir / segment_name(top)).read_bytes())
        self._closed = self._closed or not self._shared_copy_is_ours()
        return max((op.stamp for op in decoded.ops), default="")

    def _take_up(self, seq: int, data: bytes) -> DecodedFile:
        """Continue segment `seq` (as our private copy holds it) unless it is full."""
        decoded = decode(data)
        self._seq, self._lines = seq, [line + b"\n" for line in decoded.lines]
        self._closed = len(data) >= SEGMENT_BYTES
        return decoded

    def _mirror_matches(self) -> bool:
        try:
            return (self.mirror_dir / segment_name(self._seq)).read_bytes() == b"".join(self._lines)
        except OSError:
            return False

    # -- start-up check ------------------------------------------------------------------------

    def check(self) -> Identity:
        """Compare the workspace's copy of our segments with ours; heal what a sync tool broke."""
        for folder in (self.mirror_dir, self.device_dir):
            _remove_our_temp_files(folder)
        for folder in (self.root, self.root / EXPORTS):  # shared with other processes: stale ones only
            remove_stale_temp_files(folder)
        mirror = _read_segments(self.mirror_dir)
        shared = _read_segments(self.device_dir, strays=True)
        # Ops stamped with our id that we never wrote: another machine writes as us. (Other
        # devices' ops in our folder are carried-over copies, no sign of a clone.) Only files
        # that differ from our copy need decoding: the usual start decodes nothing here.
        differing = [data for seq, data in shared.items() if mirror.get(seq) != data]
        foreign = False
        if differing and mirror:
            mine = set().union(*(_keys(data) for data in mirror.values()))
            device = self.identity.device_id
            foreign = any(stamp_device(key[:-8]) == device for data in differing for key in _keys(data) - mine)
        if foreign or (shared and not mirror):
            return self._take_new_identity(mirror, shared)
        damaged = False
        for seq, data in sorted(mirror.items()):
            on_disk = shared.get(seq)
            if on_disk == data:
                continue
            if self._placeholder(seq).exists():
                continue  # online-only: the sync tool has it, this machine has not downloaded it
            if on_disk is None or decode(on_disk).clean:
                # Missing, or an older version of our own file: ours holds all of it and more.
                if self._write_shared(seq, data):
                    shared[seq] = data
                    self._report("restored", N_("put back ops a sync tool had removed from {file}"), seq)
            else:
                # Left alone (never overwrite a damaged file); its lost ops go into a new segment,
                # once: the next start finds them there.
                self._report("damaged-own", N_("{file} is damaged; left alone, its ops are kept"), seq)
                damaged = True
        extra = self._not_in(mirror, shared) if damaged else []
        self._resume(mirror, shared, extra=extra + self._left_by_earlier_ids())
        return self.identity

    def _left_by_earlier_ids(self) -> list[bytes]:
        """Ops this machine saved under an earlier device id (before a new id was minted, e.g.
        after the computer was renamed) that never reached the shared folder."""
        carried: list[bytes] = []
        base = self.mirror_dir.parent
        ours: dict[str, bytes] | None = None
        for folder in sorted(p for p in base.iterdir() if p.is_dir() and p.name != self.identity.device_id):
            earlier = _read_segments(folder)
            shared = _read_segments(self.root / DEVICES / folder.name, strays=True)
            if all(shared.get(seq) == data for seq, data in earlier.items()):
                continue
            if ours is None:  # what we carried before is in our own segments: not again
                ours = {f"ours-{seq}": data for seq, data in _read_segments(self.mirror_dir).items()}
            carried += self._not_in(earlier, {**shared, **ours})
        return carried

    @staticmethod
    def _not_in(mirror: Mapping[Any, bytes], shared: Mapping[Any, bytes]) -> list[bytes]:
        """Our ops (as lines) that no file of our folder holds intact."""
        present = set().union(*(_keys(data) for data in shared.values())) if shared else set()
        missing = []
        for _, data in sorted(mirror.items()):
            decoded = decode(data)
            missing += [line for op, line in zip(decoded.ops, decoded.lines, strict=False) if op.stamp + op.crc not in present]
        return missing

    def _take_new_identity(self, mirror: dict[int, bytes], shared: dict[int, bytes]) -> Identity:
        old = self.identity
        self.identity = self._remint(old)
        carried = self._not_in(mirror, shared)
        self.problems.append(
            Problem(
                "warning",
                "device-id-claimed",
                N_("another machine writes as device {old}; this one now writes as {new}"),
                f"{DEVICES}/{old.device_id}",
                {"old": old.device_id, "new": self.identity.device_id},
            )
        )
        self._seq, self._lines, self._closed, self._stale = 0, [], True, set()
        if carried:
            self.append(carried)
        return self.identity

    def _resume(self, mirror: dict[int, bytes], shared: dict[int, bytes], extra: list[bytes]) -> None:
        self._seq = max((seq for seq in (*mirror, *shared) if seq > 0), default=0)
        last = mirror.get(self._seq)
        if last is not None and shared.get(self._seq) == last:
            self._take_up(self._seq, last)
        else:
            self._lines, self._closed = [], True
        if extra:
            self.append(extra)

    # -- writing -------------------------------------------------------------------------------

    def append(self, lines: list[bytes]) -> None:
        """Make ops durable: in our private copy first, then in the workspace.

        Raises OSError when even the private copy cannot be written (nothing was saved). When only
        the workspace write fails the ops are kept, `unsynced` says why, and the next write or
        open puts them into the workspace.
        """
        lines = [line if line.endswith(b"\n") else line + b"\n" for line in lines]
        size = sum(map(len, self._lines))
        if self._stale:
            self._write_stale()  # earlier segments whose shared copy lags behind ours
        if self._closed or (self._lines and size + sum(map(len, lines)) > SEGMENT_BYTES):
            self._seq, self._lines, self._closed = self._next_free_seq(), [], False
        elif not self._shared_copy_is_ours():
            self._seq, self._closed = self._next_free_seq(), False
        data = b"".join(self._lines) + b"".join(lines)
        self.mirror_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(self.mirror_dir / segment_name(self._seq), data)
        self._lines += lines
        self._stale.add(self._seq)
        self._write_stale()

    def _write_stale(self) -> None:
        for seq in sorted(self._stale):
            try:
                data = (self.mirror_dir / segment_name(seq)).read_bytes()
            except OSError as error:
                self.unsynced = error.strerror or str(error)
                return
            if not self._write_shared(seq, data):
                return
        self.unsynced = None

    def _write_shared(self, seq: int, data: bytes) -> bool:
        """Our segment into the workspace; on failure remember it for the next write."""
        try:
            self.device_dir.mkdir(parents=True, exist_ok=True)
            self._write_device_file()
            atomic_write(self._shared_path(seq), data)
            self.written.append(seq)
        except OSError as error:
            self._stale.add(seq)
            self.unsynced = error.strerror or str(error)
            return False
        self._stale.discard(seq)
        return True

    def _shared_copy_is_ours(self) -> bool:
        """Before replacing our current segment, make sure nobody else's ops would be lost."""
        try:
            on_disk = read_regular(self._shared_path(self._seq))
        except FileNotFoundError:
            return True
        except OSError:
            return False
        current = b"".join(self._lines)
        return on_disk == current or (decode(on_disk).clean and _keys(on_disk) <= _keys(current))

    def _next_free_seq(self) -> int:
        taken = [
            int(m[1])
            for folder in (self.device_dir, self.mirror_dir)
            for p in folder.glob("*.jsonl")
            if (m := SEGMENT_RE.match(p.name))
        ]
        return max([self._seq, *taken]) + 1

    def _write_device_file(self) -> None:
        doc = {"device_id": self.identity.device_id, "name": self.identity.name}
        write_once(self.device_dir / DEVICE_FILE, json.dumps(doc, ensure_ascii=False, indent=2).encode())

    def _shared_path(self, seq: int) -> Path:
        return self.device_dir / segment_name(seq)

    def _placeholder(self, seq: int) -> Path:
        return self.device_dir / f".{segment_name(seq)}.icloud"

    def _report(self, code: str, template: str, seq: int) -> None:
        where = f"{DEVICES}/{self.identity.device_id}/{segment_name(seq)}"
        self.problems.append(Problem("info", code, template, where, {"file": segment_name(seq)}))


def _remove_our_temp_files(folder: Path) -> None:
    """Temp files a crash left behind; only this device writes in these folders."""
    try:
        for path in folder.glob(f"{TEMP_PREFIX}*"):
            path.unlink(missing_ok=True)
    except OSError:
        pass


def _read_segments(folder: Path, strays: bool = False) -> dict[int, bytes]:
    """Segment files of a folder by number; with strays, other op files under negative numbers."""
    result: dict[int, bytes] = {}
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return result
    stray_number = 0
    for path in entries:
        match = SEGMENT_RE.match(path.name)
        if not match and not (strays and ".jsonl" in path.name.lower() and not path.name.startswith(".")):
            continue
        try:
            data = read_regular(path)
        except OSError:
            continue
        if match:
            result[int(match[1])] = data
        else:
            stray_number -= 1
            result[stray_number] = data
    return result


def _names(folder: Path) -> list[str]:
    """The names in `folder`, none when it is missing (a listing, not Path.glob's pattern matching:
    this runs on every open, the planner's first frame's too)."""
    try:
        return os.listdir(folder)
    except OSError:
        return []
