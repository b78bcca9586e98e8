"""A workspace folder: open it, read every device's ops into one merged state, write our own.

Reading never fails because of one bad file: whatever does not parse is reported as a `Problem`
and left exactly as it is, and the rest loads. A missing file is not a deletion: ops once merged
stay merged. Writing goes through `SegmentWriter`, which only ever touches this device's folder.
"""

from __future__ import annotations

import gc
import json
import os
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from someplan.i18n import N_, _
from someplan.store import read_cache
from someplan.store import snapshot as snapshots
from someplan.store.atomic import atomic_write, read_regular
from someplan.store.device import Identity, IdentityStore
from someplan.store.hlc import (
    DEVICE_ID_RE,
    MAX_FOLLOW_AHEAD_MS,
    SKEW_REPORT_MS,
    Clock,
    NowMs,
    stamp_device,
    stamp_wall_ms,
    wall_clock_ms,
)
from someplan.store.layout import DEVICE_FILE, DEVICES, SEGMENT_RE, WORKSPACE_FILE, Entry, Kind, classify, segment_name
from someplan.store.merge import Cell, MergedState, RecordRef
from someplan.store.ops import DELETED, UNSET, DecodedFile, Op, anchor_stamp, decode, loads, make_op, real_stamp
from someplan.store.post_index import POSTS, PostIndex
from someplan.store.problems import Problem, ReadOnlyWorkspace, WorkspaceError

try:  # hashlib's own blake2b, without the OpenSSL library hashlib loads first (~2 ms of a status)
    from _blake2 import blake2b as _blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b as _blake2b

if TYPE_CHECKING:
    from someplan.store.history import Version
    from someplan.store.writer import SegmentWriter

FORMAT = 1
SNAPSHOT_AFTER_OPS = 2000
# Files this large that hold no op at all are remembered (by size and mtime, in the state dir) and
# not read again while they stay the same: a 200 MB garbage file would cost every command seconds.
SKIP_UNREADABLE_BYTES = 1 << 20
SKIPPED_FILE = "unreadable-files.json"
Change = tuple[str, str, str, Any]  # (table, record id, field, value or UNSET)
_OP_KINDS = (Kind.SEGMENT, Kind.STRAY_SEGMENT)


@dataclass
class _FileState:
    signature: tuple[int, int, int]  # inode, size, mtime: a replaced file gets a new inode
    problem: Problem | None
    max_stamp: str = ""
    digest: str | None = None  # of the bytes merged, for snapshots


@dataclass(frozen=True)
class LastChange:
    """Who last changed a record, and when: the newest winning field of it."""

    device: str
    who: str  # the device's name
    wall_ms: int
    mine: bool  # written by this device


def new_record_id() -> str:
    from ulid import ULID  # deferred: 25 ms of import that read-only commands never need

    return str(ULID()).lower()


class Workspace:
    """One open workspace. Thread-safe: the change feed refreshes it from its own thread."""

    def __init__(
        self, root: Path, meta: dict[str, Any], identities: IdentityStore, writable: bool, now_ms: NowMs = wall_clock_ms
    ) -> None:
        self.root = root
        self.meta = meta
        self.id: str = meta["id"]
        self.format: int = meta["format"]
        self.lock = threading.RLock()
        self.state = MergedState()
        self.version = 0  # bumped whenever the merged state changes
        self._now_ms = now_ms
        self._identities = identities
        self._files: dict[str, _FileState] = {}
        self._replayed = 0  # ops merged from files no snapshot covered: what a snapshot would save
        self._device_names: dict[str, str] = {}
        # This machine's private copies of its segments, as (device, name) -> their signature, the
        # signature of the shared file of that name when last compared, and how many of their ops
        # no shared file of ours holds.
        self._private: dict[tuple[str, str], tuple[tuple[Any, ...], tuple[Any, ...] | None, int]] = {}
        self._meta_problems: list[Problem] = []
        self._skipped: dict[str, list[Any]] | None = None  # relpath -> [size, mtime_ns, problem doc]
        self._skipped_dirty = False
        self._writer: SegmentWriter | None = None
        self._cache_stale = True
        self._posts_from: read_cache.Cached | None = None  # the cache the posts are still to be read from
        self._cells_from: read_cache.Cached | None = None  # the cache the state was read from (cells deferred)
        self.identity: Identity | None = None
        self.clock: Clock | None = None
        self._read_only_reason = None if writable else _("opened for reading only")
        if self.format > FORMAT:
            newer = Problem("error", "newer-format", NEWER_FORMAT, WORKSPACE_FILE, {"format": self.format, "ours": FORMAT})
            self._read_only_reason = newer.message
            self._meta_problems.append(newer)

    # -- opening ----------------------------------------------------------------------------------

    @classmethod
    def init(cls, root: Path | str, identities: IdentityStore | None = None, now_ms: NowMs = wall_clock_ms) -> Workspace:
        """Create a new, empty workspace folder (or make an empty folder one)."""
        root = Path(root)
        if (root / WORKSPACE_FILE).exists():
            raise WorkspaceError(_("{path} is a workspace already").format(path=root))
        if root.exists() and not root.is_dir():
            raise WorkspaceError(_("{path} is a file, not a folder").format(path=root))
        root.mkdir(parents=True, exist_ok=True)
        (root / DEVICES).mkdir(exist_ok=True)
        meta = {"app": "someplan", "format": FORMAT, "id": new_record_id()}
        atomic_write(root / WORKSPACE_FILE, (json.dumps(meta, indent=2) + "\n").encode())
        return cls.open(root, identities, now_ms=now_ms)

    @classmethod
    def open(
        cls, root: Path | str, identities: IdentityStore | None = None, writable: bool = True, now_ms: NowMs = wall_clock_ms
    ) -> Workspace:
        root = Path(root)
        meta = read_meta(root)
        workspace = cls(root, meta, identities or IdentityStore(), writable, now_ms)
        with workspace.lock:
            if writable and workspace.writable:
                # Before reading: what the check puts back in our folder is then read with the
                # rest, in the one listing of devices/ that an open makes.
                workspace._check_writer()
            workspace._load()
            if workspace.identity is not None:
                workspace._set_clock(workspace.identity)
        return workspace

    def _load(self) -> None:
        # Collecting garbage while a start builds ~100,000 objects that all stay alive only costs
        # time (a quarter of it on the large bench workspace).
        collecting = gc.isenabled()
        gc.disable()
        self._set_horizon()
        try:
            entries = list(self._entries())
            cached = read_cache.load(self._cache_path())
            if cached is None or not self._load_cached(cached, entries):
                self.state = MergedState()
                self._posts_from = self._cells_from = None
                self._files.clear()
                self._device_names.clear()
                self._private = {}
                self._load_segments(entries)
                self._save_cache(None)
            elif self._cache_stale:
                self._save_cache(cached)
        finally:
            if collecting:
                gc.enable()
        self.version += 1

    def _load_segments(self, entries: list[tuple[Entry, os.stat_result]]) -> None:
        """Every file read, except those this device's own snapshot holds (see snapshot.trusted)."""
        own = self.identity or self._identities.peek()
        loaded = snapshots.load_own(self.root / DEVICES / own.device_id) if own else None
        found = {e.relpath: (s.st_ino, s.st_size, s.st_mtime_ns) for e, s in entries if e.kind in _OP_KINDS}
        read: dict[str, bytes] = {}  # what the check read, so that the scan reads no file twice

        def read_once(relpath: str) -> bytes:
            data = read[relpath] = read_regular(self.root / relpath)
            return data

        checked = loaded.trusted(found, read_once) if loaded else None
        if loaded is not None and checked is not None:  # checked: only from a loaded snapshot
            loaded.fill(self.state, self._replay_all)
            holding, _grown = checked
            for relpath, cover in holding.items():
                problem = Problem.from_doc(cover[1]) if cover[1] else None
                self._files[relpath] = _FileState(found[relpath], problem, cover[2], cover[0])
        self._scan({}, update_views=checked is not None, entries=entries, read=read)
        if checked is None:
            self.state.rebuild_views()

    def _load_cached(self, cached: read_cache.Cached, entries: list[tuple[Entry, os.stat_result]]) -> bool:
        """Start from this machine's read cache when it still says what the files say; False when
        the files must all be read again (a file gone, shortened or rewritten)."""
        self._cache_stale = True
        present = {entry.relpath for entry, _stat in entries}
        if any(note.digest is not None and relpath not in present for relpath, note in cached.files.items()):
            return False
        taken, stale = {}, False
        read: dict[str, bytes] = {}  # the changed files read here, merged by the scan below
        for entry, stat in entries:
            if entry.kind not in _OP_KINDS and entry.kind is not Kind.DEVICE:
                continue
            signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
            note = cached.files.get(entry.relpath)
            if note is not None and note.signature == signature and note.settled:
                taken[entry.relpath] = (signature, note)
                continue
            stale = True
            if note is None or entry.kind is Kind.DEVICE:
                continue  # read below, as on any refresh
            if note.digest is None:
                return False
            if stat.st_size >= SKIP_UNREADABLE_BYTES and self._skip_known_unreadable(entry, signature):
                taken[entry.relpath] = (signature, note)  # garbage known by size and mtime: no ops
                continue
            try:
                data = read_regular(self.root / entry.relpath)
            except OSError:
                return False
            size = note.signature[1]
            if snapshots.digest(data) == note.digest:
                taken[entry.relpath] = (signature, note)
            elif len(data) <= size or snapshots.digest(data[:size]) != note.digest:
                return False
            else:
                read[entry.relpath] = data  # grown: its ops are merged onto the cached state
        self.state.defer_cells(
            cached.views, lambda: cached.cells(self._replay_all), cached.max_stamp, (POSTS, lambda: self._all_posts(cached))
        )
        self._posts_from = self._cells_from = cached
        for relpath, (signature, note) in taken.items():
            problem = Problem.from_doc(note.problem) if note.problem else None
            self._files[relpath] = _FileState(signature, problem, note.max_stamp, note.digest)
            if note.name is not None:
                self._device_names[relpath.split("/")[1]] = note.name
        self._private = dict(cached.private)  # the verdicts stand while both copies are as noted
        # The files changed or new since, and the cheap kinds (placeholders, foreign files).
        self._scan({}, entries=entries, read=read)
        self._cache_stale = stale or self._private != cached.private
        return True

    def _all_posts(self, cached: read_cache.Cached) -> dict[str, dict[str, Any]]:
        self._posts_from = None
        posts = cached.all_posts()
        if posts is None:  # the cache's posts do not read as noted: made again from the cells
            self.state.rebuild_views()
            return self.state._views.get(POSTS, {})
        return posts

    # -- the posts by date, without reading them all ------------------------------------------------

    def post_index(self) -> PostIndex | None:
        """The posts by date as the read cache holds them, while no post was merged or written
        since it was read (None: make it from `view("posts")`)."""
        with self.lock:
            cached = self._posts_from
            return cached.index if cached is not None and self.state.deferred_table == POSTS else None

    def post_docs(self, months: set[str] | None) -> dict[str, dict[str, Any]] | None:
        """The posts of `months` (a date's first seven characters; "" the undated; None: the
        months read so far) while `post_index` holds, read from the cache month by month; None
        otherwise (then ask the view)."""
        with self.lock:
            cached = self._posts_from
            if cached is None or self.state.deferred_table != POSTS:
                return None
            found = cached.posts(cached.months_read() if months is None else months)
            if found is None:
                self.state.view(POSTS)  # a month does not read: every post again (see _all_posts)
            return found

    def _cache_path(self) -> Path:
        return read_cache.path_for(self._identities.state, self.id, self.root)

    def _save_cache(self, cached: read_cache.Cached | None) -> None:
        """Note what was read; the cells as `cached` holds them when nothing was merged since (the
        cells are then still unread: a start that only found files touched reads none of them)."""
        now = time.time_ns()
        notes = {}
        for relpath, f in self._files.items():
            parts = relpath.split("/")
            name = self._device_names.get(parts[1]) if len(parts) == 3 and parts[2] == DEVICE_FILE else None
            problem = f.problem.to_doc() if f.problem else None
            settled = f.signature[2] < now - snapshots.SETTLED_NS
            notes[relpath] = read_cache.FileNote(f.signature, settled, f.digest, f.max_stamp, problem, name)
        raw = cached.raw_cells() if cached is not None and self.state.cells_deferred else None
        try:
            cells = raw if raw is not None else self.state.cells
            newest = cached.raw_newest() if raw is not None and cached is not None else None
            read_cache.save(self._cache_path(), notes, self.state.views, cells, self.state.max_stamp, self._private, newest)
            self._cache_stale = False
        except (OSError, ValueError):
            pass  # only an optimisation: the next start reads the segments

    def _op_files(self) -> Iterable[Path]:
        """Every file that holds ops: segments and sync tools' stray copies of them."""
        for entry, stat in self._entries():
            if entry.kind in (Kind.SEGMENT, Kind.STRAY_SEGMENT):
                if stat.st_size >= SKIP_UNREADABLE_BYTES and self._skip_known_unreadable(
                    entry, (0, stat.st_size, stat.st_mtime_ns)
                ):
                    continue
                yield self.root / entry.relpath

    def _replay_all(self) -> dict[RecordRef, dict[str, Cell]]:
        """The cells from every file, for a snapshot whose cells turn out not to parse."""
        fresh = MergedState()
        for path in self._op_files():
            try:
                fresh.apply(decode(read_regular(path)).ops, update_views=False)
            except OSError:
                continue
        fresh.rebuild_views()
        self.state.views = fresh.views
        self.version += 1  # new views: what was derived from the old ones (the catalog's date index) is stale
        return fresh.cells

    def _start_writer(self) -> None:
        self._check_writer()
        assert self.identity is not None  # _check_writer sets it
        self._set_clock(self.identity)
        self.refresh()  # what check() put back or carried over

    def _check_writer(self) -> None:
        from someplan.store.writer import SegmentWriter  # deferred: a read-only open (status) writes nothing

        identity = self._identities.load()
        writer = SegmentWriter(self.root, self.id, identity, self._identities.remint)
        self._writer = writer
        with writer.locked():
            self.identity = writer.check()

    def _set_horizon(self) -> None:
        self.state.horizon = f"{self._now_ms() + MAX_FOLLOW_AHEAD_MS:013d}~"

    def _set_clock(self, identity: Identity) -> None:
        self.clock = Clock(identity.device_id, self._now_ms)
        if self.state.max_stamp:
            self.clock.observe(self.state.max_stamp)

    # -- reading ---------------------------------------------------------------------------------

    def refresh(self) -> set[RecordRef]:
        """Merge whatever changed on disk since the last look; the records that changed."""
        with self.lock:
            self._set_horizon()
            changed = self._scan({})
            if changed:
                self.version += 1
                if self.clock:
                    self.clock.observe(self.state.max_stamp)
            return changed

    def _scan(
        self,
        covered: dict[str, list[Any]],
        update_views: bool = True,
        entries: Iterable[tuple[Entry, os.stat_result]] | None = None,
        read: dict[str, bytes] | None = None,
    ) -> set[RecordRef]:
        """Merge what changed; `entries`, the listing already made, and `read`, files already
        read (by relpath), so that an open lists devices/ once and reads no file twice."""
        changed: set[RecordRef] = set()
        seen: set[str] = set()
        touched: set[str] = set()  # device folders with a file read or gone
        read = read or {}
        for entry, stat in self._entries() if entries is None else entries:
            seen.add(entry.relpath)
            signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
            known = self._files.get(entry.relpath)
            if known and known.signature == signature:
                continue
            touched.add(entry.device)
            changed |= self._read_entry(entry, signature, covered, update_views, read.get(entry.relpath))
        for gone in set(self._files) - seen:
            touched.add(gone.split("/")[1] if gone.count("/") >= 2 else "")
            del self._files[gone]  # its ops stay merged: a missing file is not a deletion
        if self._skipped_dirty:
            self._save_skipped()
        return changed | self._scan_private(touched, update_views)

    # -- large unreadable files, remembered ---------------------------------------------------------

    def _skipped_files(self) -> dict[str, list[Any]]:
        if self._skipped is None:
            self._skipped = {}
            try:
                doc = loads((self._private_root() / SKIPPED_FILE).read_bytes())
                if isinstance(doc, dict):
                    self._skipped = {
                        k: v
                        for k, v in doc.items()
                        if isinstance(v, list) and len(v) == 3 and isinstance(v[2], dict) and _valid_problem_doc(v[2])
                    }
            except (OSError, ValueError):
                pass
        return self._skipped

    def _save_skipped(self) -> None:
        self._skipped_dirty = False
        kept = {k: v for k, v in self._skipped_files().items() if k in self._files}
        try:
            self._private_root().mkdir(parents=True, exist_ok=True)
            atomic_write(self._private_root() / SKIPPED_FILE, json.dumps(kept).encode(), durable=False)
        except OSError:
            pass  # only saves time

    def _skip_known_unreadable(self, entry: Entry, signature: tuple[int, int, int]) -> Problem | None:
        known = self._skipped_files().get(entry.relpath)
        if known and known[:2] == [signature[1], signature[2]]:
            return Problem.from_doc(known[2])
        return None

    # -- this machine's private copies ------------------------------------------------------------

    def _private_root(self) -> Path:
        return self._identities.state / "workspaces" / self.id

    def _private_files(self) -> dict[tuple[str, str], tuple[Any, ...]]:
        found: dict[tuple[str, str], tuple[Any, ...]] = {}
        try:
            folders = [f for f in os.scandir(self._private_root()) if DEVICE_ID_RE.match(f.name) and f.is_dir()]
        except OSError:
            return found
        for folder in folders:
            try:
                for item in os.scandir(folder.path):
                    if SEGMENT_RE.match(item.name) and item.is_file(follow_symlinks=False):
                        stat = item.stat()
                        found[(folder.name, item.name)] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
            except OSError:
                continue
        return found

    def _scan_private(self, touched: set[str], update_views: bool) -> set[RecordRef]:
        """Merge, in memory, what this machine saved of its own that the shared folder lacks.

        Every edit is saved to the private copy first; a sync tool restoring an older version of
        our segment, a full or read-only shared folder, or a clone writing under our id can leave
        the shared folder without it. Readers heal nothing (only writes touch the shared
        folder), but they must still show every edit that was acknowledged, and say why."""
        files = self._private_files()
        if not files and not self._private:
            return set()
        changed: set[RecordRef] = set()
        present: set[str] | None = None
        verdicts: dict[tuple[str, str], tuple[tuple[Any, ...], tuple[Any, ...] | None, int]] = {}
        for key, signature in sorted(files.items()):
            device, name = key
            shared = self._files.get(f"{DEVICES}/{device}/{name}")
            shared_signature = shared.signature if shared else None
            known = self._private.get(key)
            if known and known[:2] == (signature, shared_signature) and not (known[2] and device in touched):
                verdicts[key] = known
                continue
            try:
                data = (self._private_root() / device / name).read_bytes()
            except OSError:
                continue
            if shared is not None and shared.digest == snapshots.digest(data):
                verdicts[key] = (signature, shared_signature, 0)
                continue
            if present is None:
                present = self._shared_keys({d for d, _ in files})
            missing = [op for op in decode(data).ops if op.stamp + op.crc not in present]
            changed |= self.state.apply(missing, update_views)
            verdicts[key] = (signature, shared_signature, len(missing))
        self._private = verdicts
        return changed

    def _shared_keys(self, devices: set[str]) -> set[str]:
        """The ops the shared folder holds in our device folders (any of this machine's ids)."""
        keys: set[str] = set()
        for relpath, state in list(self._files.items()):
            device = relpath.split("/")[1]
            if device in devices and state.digest is not None:
                try:
                    keys |= {op.stamp + op.crc for op in decode(read_regular(self.root / relpath)).ops}
                except OSError:
                    continue
        return keys

    def _private_problems(self) -> list[Problem]:
        missing: dict[str, int] = {}
        for (device, name), (_sig, _shared, count) in self._private.items():
            if count and not (self.root / DEVICES / device / f".{name}.icloud").exists():
                missing[device] = missing.get(device, 0) + count
        return [
            Problem("warning", "private-only", PRIVATE_ONLY, f"{DEVICES}/{device}", {"count": count})
            for device, count in sorted(missing.items())
        ]

    def _entries(self) -> Iterable[tuple[Entry, os.stat_result]]:
        try:
            folders = [e for e in os.scandir(self.root / DEVICES) if not e.name.startswith(".")]
        except OSError:
            return
        for folder in folders:
            if not folder.is_dir(follow_symlinks=False):
                yield Entry(f"{DEVICES}/{folder.name}", "", folder.name, Kind.FOREIGN), folder.stat(follow_symlinks=False)
                continue
            if not DEVICE_ID_RE.match(folder.name):
                # Read all the same (a sync tool's copy of a device folder holds real ops), but say so.
                yield Entry(f"{DEVICES}/{folder.name}", folder.name, folder.name, Kind.ODD_FOLDER), folder.stat()
            try:
                for item in os.scandir(folder.path):
                    if item.is_file(follow_symlinks=False):
                        yield classify(folder.name, item.name), item.stat()
                    elif not item.name.startswith("."):
                        # A folder, link or pipe named like one of our files: never opened (a pipe
                        # would block the read), reported.
                        entry = classify(folder.name, item.name)
                        if entry.kind is not Kind.IGNORED:
                            yield (
                                Entry(entry.relpath, entry.device, entry.name, Kind.NOT_A_FILE),
                                item.stat(follow_symlinks=False),
                            )
            except OSError:
                continue

    def _read_entry(
        self,
        entry: Entry,
        signature: tuple[int, int, int],
        covered: dict[str, list[Any]],
        update_views: bool,
        data: bytes | None = None,
    ) -> set[RecordRef]:
        state = _FileState(signature, None)
        self._files[entry.relpath] = state
        if entry.kind in (Kind.IGNORED, Kind.SNAPSHOT, Kind.PRESENCE):
            return set()
        if entry.kind is Kind.PLACEHOLDER:
            state.problem = Problem("warning", "placeholder", N_("not downloaded to this machine yet"), entry.relpath)
            return set()
        if entry.kind is Kind.FOREIGN:
            state.problem = Problem("info", "foreign", N_("not a someplan file; left alone"), entry.relpath)
            return set()
        if entry.kind is Kind.NOT_A_FILE:
            state.problem = Problem(
                "warning", "not-a-file", N_("not a plain file (a folder, link or pipe); not read, left alone"), entry.relpath
            )
            return set()
        if entry.kind is Kind.ODD_FOLDER:
            state.problem = Problem(
                "info",
                "odd-folder",
                N_("not named like a device folder (a sync tool's copy?); its ops are read, it is left alone"),
                entry.relpath,
            )
            return set()
        if entry.kind is not Kind.DEVICE and signature[1] >= SKIP_UNREADABLE_BYTES:
            skipped = self._skip_known_unreadable(entry, signature)
            if skipped:
                state.problem = skipped
                return set()
        try:
            data = read_regular(self.root / entry.relpath) if data is None else data
        except OSError as error:
            state.problem = Problem(
                "warning", "unreadable", N_("cannot be read: {reason}"), entry.relpath, {"reason": error.strerror or str(error)}
            )
            return set()
        if entry.kind is Kind.DEVICE:
            self._read_device_file(entry, data, state)
            return set()
        state.digest = snapshots.digest(data)
        cover = covered.get(entry.relpath)
        if cover is not None and cover[0] == state.digest:
            # What a snapshot knew of this file: its ops are merged, its problem still stands.
            state.problem = Problem.from_doc(cover[1]) if cover[1] else None
            state.max_stamp = cover[2]
            return set()
        decoded = decode(data)
        self._replayed += len(decoded.ops)
        state.problem = _file_problem(entry, decoded)
        if not decoded.ops and state.problem and len(data) >= SKIP_UNREADABLE_BYTES:
            self._skipped_files()[entry.relpath] = [signature[1], signature[2], state.problem.to_doc()]
            self._skipped_dirty = True
        if decoded.ops:
            state.max_stamp = max(op.stamp for op in decoded.ops)
        return self.state.apply(decoded.ops, update_views)

    def _read_device_file(self, entry: Entry, data: bytes, state: _FileState) -> None:
        try:
            doc = loads(data.decode("utf-8-sig"))
            self._device_names[entry.device] = str(doc["name"])
        except (ValueError, KeyError, TypeError):
            state.problem = Problem("warning", "unreadable", N_("device file does not parse; left alone"), entry.relpath)

    @property
    def problems(self) -> list[Problem]:
        with self.lock:
            found = list(self._meta_problems)
            devices = self.root / DEVICES
            if devices.exists() and not devices.is_dir():
                found.append(Problem("error", "devices-not-a-folder", DEVICES_NOT_A_FOLDER, DEVICES))
            found += [f.problem for f in self._files.values() if f.problem]
            found += self._clock_problems()
            if self._writer:
                found += self._writer.problems
                if self._writer.unsynced:
                    found.append(Problem("warning", "unsynced", UNSYNCED, None, {"reason": self._writer.unsynced}))
            if not (self._writer and self._writer.unsynced):
                found += self._private_problems()
            return found

    def _clock_problems(self) -> list[Problem]:
        limit = self._now_ms() + SKEW_REPORT_MS
        ahead: dict[str, int] = {}
        # This machine's ids: the one in use and any it wrote under before (a reader, which has
        # looked up no identity, knows them by its private copies).
        mine = {device for device, _name in self._private} | ({self.identity.device_id} if self.identity else set())
        for state in self._files.values():
            if state.max_stamp and stamp_wall_ms(state.max_stamp) > limit:
                device = stamp_device(state.max_stamp)
                if device in mine:
                    continue  # our clock only runs ahead by following one already reported
                ahead[device] = max(ahead.get(device, 0), stamp_wall_ms(state.max_stamp))
        now = self._now_ms()
        return [
            Problem(
                "warning",
                "clock-ahead",
                _AHEAD[unit],
                f"{DEVICES}/{device}",
                {"device": self.device_name(device), "count": count},
            )
            for device, wall in sorted(ahead.items())
            for unit, count in [_time_ahead(wall - now)]
        ]

    def device_name(self, device: str) -> str:
        if self.identity and device == self.identity.device_id:
            return self.identity.name
        return self._device_names.get(device, device)

    def devices(self) -> dict[str, str]:
        with self.lock:
            names = dict(self._device_names)
            if self.identity:
                names[self.identity.device_id] = self.identity.name
            return names

    def last_change(self, table: str, record_id: str, others_only: bool = False) -> LastChange | None:
        """Who changed the record last (among the other devices, with `others_only`), and when;
        None for a record nobody (else) has written."""
        me = self.identity.device_id if self.identity else None
        with self.lock:
            if not self.state.cells_deferred:
                self._cells_from = None  # read by now: the cache file and what it holds can go
            cached = self._cells_from if not others_only else None
            newest, known = cached.newest_change((table, record_id)) if cached is not None else (None, False)
            if known:  # the state is the cached one: its newest change without reading every cell
                stamps = [newest] if newest is not None else []
            else:
                cells = self.state.cells.get((table, record_id), {})
                stamps = [real_stamp(cell.key) for cell in cells.values()]
        if others_only:
            stamps = [stamp for stamp in stamps if stamp_device(stamp) != me]
        if not stamps:
            return None
        newest = max(stamps)
        device = stamp_device(newest)
        return LastChange(device, self.device_name(device), stamp_wall_ms(newest), device == me)

    def content_key(self) -> str:
        """A digest of every file the merged state was read from (each one's newest op and
        digest), this machine's private copies and the newest op merged: it changes whenever the
        state can have changed, so a value derived from the state can be kept beside it
        (services/derived_cache.py) and trusted while the key is the same."""
        with self.lock:
            files = sorted((path, f.max_stamp, f.digest or "") for path, f in self._files.items())
            private = sorted((key, repr(value[0])) for key, value in self._private.items())
            text = repr((files, private, self.state.max_stamp))
        return _blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def view(self, table: str) -> dict[str, dict[str, Any]]:
        """Live, read-only: the records of a table as {id: {field: value}}."""
        return self.state.view(table)

    def get(self, table: str, record_id: str) -> dict[str, Any] | None:
        with self.lock:
            doc = self.state.view(table).get(record_id)
            return dict(doc) if doc is not None else None

    def deleted(self, table: str) -> list[str]:
        with self.lock:
            return self.state.deleted_ids(table)

    # -- writing ---------------------------------------------------------------------------------

    @property
    def writable(self) -> bool:
        return self._read_only_reason is None

    def write(self, changes: Iterable[Change]) -> list[Op]:
        """Set fields as one atomic batch; durable (fsync'd) when this returns."""
        with self.lock:
            if not self.writable:
                raise ReadOnlyWorkspace(self._read_only_reason)
            if self._writer is None:
                self._start_writer()
            writer, clock = self._writer, self.clock
            assert writer is not None and clock is not None  # _start_writer sets both
            changes = list(changes)
            if not changes:
                return []
            with writer.locked() as newest:
                if newest:
                    clock.observe(newest)  # another process of this device wrote meanwhile
                lines, ops = [], []
                for table, record, field_name, value in changes:
                    stamp = clock.now()
                    line, op = make_op(stamp, table, record, field_name, value, self._prev(table, record, field_name, stamp))
                    lines.append(line)
                    ops.append(op)
                writer.append(lines)
                if not newest:
                    self._note_own_writes(writer, ops)
            if writer.identity is not self.identity:
                self.identity = writer.identity
                self._set_clock(writer.identity)
            self.state.apply(ops)
            self.version += 1
            return ops

    def _prev(self, table: str, record: str, field_name: str, stamp: str) -> str | None:
        """The stamp a new op names as the value it replaces: the winner's, or the stamp the
        winner sorts by when that one is ahead of our clock (so the new op sorts after it)."""
        key = self.state.current_key((table, record), field_name)
        if key is None:
            return None
        anchor = anchor_stamp(key)
        return anchor if anchor > stamp else real_stamp(key)

    def _note_own_writes(self, writer: SegmentWriter, ops: list[Op]) -> None:
        """Remember our freshly written segments as read, so the next refresh (and the change
        feed's, on the event our own write causes) does not decode them again. Skipped when
        another process of ours wrote meanwhile: then the file holds ops still to merge."""
        newest = max(op.stamp for op in ops)
        for seq in writer.written:
            relpath = f"{DEVICES}/{writer.identity.device_id}/{segment_name(seq)}"
            try:
                stat = (self.root / relpath).stat()
                data = (self.root / relpath).read_bytes()
            except OSError:
                continue
            known = self._files.get(relpath)
            max_stamp = max(newest, known.max_stamp if known else "")
            signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
            self._files[relpath] = _FileState(signature, None, max_stamp, snapshots.digest(data))
        writer.written.clear()

    def insert(self, table: str, fields: dict[str, Any], record_id: str | None = None) -> str:
        record_id = record_id or new_record_id()
        self.write((table, record_id, name, value) for name, value in fields.items())
        return record_id

    def update(self, table: str, record_id: str, fields: dict[str, Any]) -> None:
        with self.lock:
            current = self.state.view(table).get(record_id)
            if current is None:
                raise KeyError(record_id)
            self.write((table, record_id, k, v) for k, v in fields.items() if not _same(current.get(k, UNSET), v))

    def delete(self, table: str, record_id: str) -> None:
        self.write([(table, record_id, DELETED, True)])

    def restore(self, table: str, record_id: str) -> None:
        self.write([(table, record_id, DELETED, False)])

    def history(self, table: str, record_id: str) -> dict[str, list[Version]]:
        """Every value each field of a record has had, superseded ones marked (reads the logs)."""
        from someplan.store.history import record_history  # deferred: only history reads it

        return record_history(self._op_files(), table, record_id, self.devices())

    def rename_device(self, name: str) -> None:
        """This machine's display name, from now on. The workspace's `device.json` is written once,
        at this device's first write, so the name reaches a workspace only before that."""
        with self.lock:
            if self.identity is None:
                return
            self.identity = self._identities.rename(self.identity, name)
            if self._writer:
                self._writer.identity = self.identity

    # -- snapshots ----

    def close(self) -> None:
        """Call when done: saves a snapshot when the next start would otherwise replay many ops."""
        with self.lock:
            if self.writable and self._writer is not None and self._replayed >= SNAPSHOT_AFTER_OPS:
                try:
                    self.write_snapshot()
                except OSError:
                    pass  # only an optimisation; the ops are safe in the segments

    def write_snapshot(self) -> Path | None:
        """Save the merged state for a faster next start (in this device's folder only)."""
        with self.lock:
            if not self.writable or self._writer is None:
                return None
            self.refresh()
            settled = time.time_ns() - snapshots.SETTLED_NS
            covers = {
                relpath: [f.digest, f.problem.to_doc() if f.problem else None, f.max_stamp, *f.signature,
                          f.signature[2] < settled]
                for relpath, f in self._files.items()
                if f.digest
            }  # fmt: skip
            path = snapshots.write(self._writer.device_dir, self.state, covers)
            self._replayed = 0
            return path


def _same(a: Any, b: Any) -> bool:
    # 1 == True in Python; a stored 1 must still be replaceable by True (and 0 by False).
    return a == b and type(a) is type(b)


def read_meta(root: Path) -> dict[str, Any]:
    path = root / WORKSPACE_FILE
    if not root.is_dir():
        raise WorkspaceError(_("no such folder: {path}").format(path=root))
    try:
        meta = loads(read_regular(path).decode("utf-8-sig"))
    except FileNotFoundError:
        raise WorkspaceError(
            _("{path} is not a someplan workspace (no {file}); create one with: someplan init {path}").format(
                path=root, file=WORKSPACE_FILE
            )
        ) from None
    except (OSError, ValueError) as error:
        raise WorkspaceError(_("{path} cannot be read ({reason}); it is left as it is").format(path=path, reason=error)) from None
    if not (isinstance(meta, dict) and isinstance(meta.get("format"), int) and isinstance(meta.get("id"), str)):
        raise WorkspaceError(_("{path} is not a someplan workspace file; it is left as it is").format(path=path))
    if not _WORKSPACE_ID.fullmatch(meta["id"]):
        # The id names this machine's folders and caches for the workspace; the file comes from the
        # shared folder, so an id like "../../x" must not lead a write out of them.
        raise WorkspaceError(_("{path} is not a someplan workspace file; it is left as it is").format(path=path))
    return meta


_WORKSPACE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _valid_problem_doc(doc: dict[str, Any]) -> bool:
    return (
        all(isinstance(doc.get(k), str) for k in ("severity", "code", "message"))
        and isinstance(doc.get("path"), (str, type(None)))
        and "path" in doc
        and isinstance(doc.get("params", {}), dict)
    )


def _file_problem(entry: Entry, decoded: DecodedFile) -> Problem | None:
    counts = {"ops": len(decoded.ops), "bad": len(decoded.bad_lines)}
    if entry.kind is Kind.STRAY_SEGMENT:
        if decoded.bad_lines:
            template = N_("a sync tool's extra copy; {ops} ops merged, {bad} damaged lines skipped")
        else:
            template = N_("a sync tool's extra copy; {ops} ops merged")
        return Problem("info", "stray-copy", template, entry.relpath, counts)
    if decoded.empty:
        return Problem("warning", "empty", N_("empty (still syncing?); left alone"), entry.relpath)
    if decoded.bad_lines:
        shown = ", ".join(map(str, decoded.bad_lines[:5])) + (" …" if len(decoded.bad_lines) > 5 else "")
        severity = "error" if not decoded.ops else "warning"
        return Problem(
            severity,
            "damaged",
            N_("{bad} unreadable lines ({lines}); {ops} ops read; left alone"),
            entry.relpath,
            counts | {"lines": shown},
        )
    if decoded.had_bom:
        return Problem("info", "bom", N_("starts with a byte-order mark (saved by another program?); read anyway"), entry.relpath)
    return None


NEWER_FORMAT = N_("this workspace has format {format}; this someplan writes format {ours}: update someplan to edit it")
DEVICES_NOT_A_FOLDER = N_("not a folder, so no device's edits can be read (replaced by a sync tool or by hand?); left alone")
PRIVATE_ONLY = N_(
    "{count} edits saved on this machine are not in the shared folder (restored by a sync tool, full or "
    "read-only?): they show here, colleagues do not have them until someplan on this machine can write them there"
)
UNSYNCED = N_("saved on this machine, not yet in the shared folder: {reason}")
# How far a colleague's clock runs ahead, by the unit it is told in.
_AHEAD = {
    "minutes": N_("{device}'s edits are stamped {count} minutes ahead of this machine's clock; one of the two clocks is wrong"),
    "hours": N_("{device}'s edits are stamped {count} hours ahead of this machine's clock; one of the two clocks is wrong"),
    "days": N_("{device}'s edits are stamped {count} days ahead of this machine's clock; one of the two clocks is wrong"),
}


def _time_ahead(ms: int) -> tuple[str, int]:
    # Rounded, not cut: 2 h 59 min is "3 hours", not "2 hours".
    minutes = round(ms / 60_000)
    if minutes < 120:
        return "minutes", minutes
    hours = round(ms / 3_600_000)
    return ("hours", hours) if hours < 48 else ("days", round(ms / 86_400_000))
