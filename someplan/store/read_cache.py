"""This machine's read cache of one workspace folder: the merged state as of the files it saw.

It lives in the state dir, never in the workspace, so only this machine ever reads or writes it,
and no colleague can make it lie. It is an optimisation only: a cache that is missing, damaged or
of another version is rebuilt from the segments.

What it holds per file (relative path): inode, size, mtime, whether the file had stopped changing
when the cache was written, its digest, newest stamp and problem. A start that finds a file with
the same inode, size and mtime, settled when noted, takes what the cache says of it without
reading it. A file changed since is read and hashed: the same bytes (a sync tool touched it), or
the bytes noted followed by more (a segment that grew): its ops are merged onto the cached state.
Anything else (a file gone, shortened or rewritten, an older version restored) cannot be taken
back from a merged state, so the whole workspace is read again.

The views and the cells are kept as separate marshal blobs: the views are all a reader needs;
the cells (the winning op of every field) only once something has to be merged or written. The
file stays open from `load` on, so the cells read later are those of the views read then, even
after another process of this machine saved a newer cache in its place (a new file: the one held
open is unchanged). It also keeps this machine's verdicts on its private copies of its own
segments, so a warm start reads none of them.

The posts, the one table that grows with the years, are kept apart: month by month, with their
index (`someplan.store.post_index`), so that a reader asked for a week reads the index and a few
months, not the whole history; the rest is read only when something asks for all posts. The
index's own large parts (the ids month by month, the categories' dates, the posts' order) lie
beside the months, each read when first asked for, so that the part every start reads stays the
same size whatever the history.
"""

from __future__ import annotations

import marshal
import os
import weakref
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from someplan.store.atomic import atomic_write
from someplan.store.merge import Cell, RecordRef
from someplan.store.ops import UNSET, real_stamp
from someplan.store.post_index import POSTS, PostIndex, Unreadable, Where, make, month_of, pack, unpack

VERSION = 6  # 3: the private copies' verdicts in the notes; 4: the posts by month, with their index;
# 5: the index's ids by month and dates by category, and the posts' order, kept packed; 6: the
# index's drafts and ready posts per category, and each record's newest change
# (device, segment name) -> its signature, the shared file's signature when compared, ops missing there
Verdicts = dict[tuple[str, str], tuple[tuple[Any, ...], tuple[Any, ...] | None, int]]


class FileNote(NamedTuple):  # a tuple: a warm start reads one per file of the workspace
    signature: tuple[int, int, int]  # inode, size, mtime_ns
    settled: bool
    digest: str | None
    max_stamp: str
    problem: dict[str, Any] | None  # Problem.to_doc()
    name: str | None = None  # a device file's display name


class _Kept:
    """The parts of the file read when first asked for, each checked against its CRC."""

    def __init__(self, file: BinaryIO, base: int) -> None:
        self.file: BinaryIO | None = file
        self.base = base  # where the parts begin
        self.closer = weakref.finalize(self, file.close)

    def read(self, where: Where) -> bytes | None:
        offset, length, crc = where
        if self.file is None:
            return None
        try:
            self.file.seek(self.base + offset)
            data = self.file.read(length)
        except (OSError, ValueError):
            return None
        return data if len(data) == length and zlib.crc32(data) == crc else None

    def value(self, where: Where) -> Any:
        """What was kept at `where`; `Unreadable` when it does not read as noted."""
        data = self.read(where)
        try:
            if data is not None:
                return marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            pass
        raise Unreadable(where)


class Cached:
    """A loaded cache: the notes and views at once, the cells from the same file when asked."""

    def __init__(
        self, files: dict[str, FileNote], views: dict[str, dict[str, dict[str, Any]]], max_stamp: str,
        private: Verdicts, kept: _Kept, offset: int, token: bytes,
        index: PostIndex, order: Where, months: dict[str, Where], newest: Where | None = None,
    ) -> None:  # fmt: skip
        self.files, self.views, self.max_stamp, self.private = files, views, max_stamp, private
        self.index = index  # of the posts, which are not in `views`: see `posts`
        self._order = order  # where the posts' ids lie in the store's order: only `all_posts` needs them
        self._months = months  # month -> where its posts lie
        self._loaded: dict[str, dict[str, dict[str, Any]]] = {}
        self._kept = kept
        self._offset = offset  # where the cells begin
        self._token = token  # the same at the cells' head: they belong to these views
        self._newest_at = newest  # where each record's newest change lies (None: not kept)
        self._newest: dict[RecordRef, str] | None = None

    @property
    def _file(self) -> BinaryIO | None:
        return self._kept.file

    def posts(self, months: set[str]) -> dict[str, dict[str, Any]] | None:
        """The posts of `months` ("" for the undated), each month read once; None when one does
        not read as noted (then nothing of this cache's posts is to be trusted)."""
        found: dict[str, dict[str, Any]] = {}
        for month in sorted(months):
            chunk = self._loaded.get(month)
            if chunk is None:
                where = self._months.get(month)
                if where is None:
                    continue  # no post in that month
                try:
                    chunk = self._loaded[month] = self._kept.value(where)
                except Unreadable:
                    return None
            found.update(chunk)
        return found

    def months_read(self) -> set[str]:
        return set(self._loaded)

    def all_posts(self) -> dict[str, dict[str, Any]] | None:
        """Every post, in the store's order (as the views held them when saved)."""
        found = self.posts(set(self._months))
        if found is None:
            return None
        try:
            order = self._kept.value(self._order)
            if len(found) != len(order):
                return None
            return {rid: found[rid] for rid in order}
        except (Unreadable, KeyError, TypeError):
            return None

    def newest_change(self, ref: RecordRef) -> tuple[str | None, bool]:
        """The real stamp of `ref`'s newest change as the cells hold it (None: no cell), and
        whether that is known here; the map is read once, for a detail pane's "changed by" at
        start, where reading every cell took longer than the rest of the first frame's data."""
        if self._newest is None:
            if self._newest_at is None:
                return None, False
            try:
                self._newest = self._kept.value(self._newest_at)
            except Unreadable:
                self._newest_at = None
                return None, False
        return self._newest.get(ref), True

    def raw_newest(self) -> bytes | None:
        """The newest changes as stored, for a new cache whose cells did not change."""
        return self._kept.read(self._newest_at) if self._newest_at is not None else None

    def close(self) -> None:
        self._kept.file = None
        self._kept.closer()

    def raw_cells(self) -> tuple[bytes, bytes, bytes] | None:
        """The token, CRC and cells as stored, for a new cache whose cells did not change (their
        CRC is checked when they are read, as in this file)."""
        body = self._read_cells()
        if body is None or len(body) < len(self._token) + 8:
            return None
        return self._token, body[len(self._token) : len(self._token) + 8], body[len(self._token) + 8 :]

    def _read_cells(self) -> bytes | None:
        if self._file is None:
            return None
        try:
            self._file.seek(self._offset)
            return self._file.read()
        except (OSError, ValueError):
            return None

    def cells(self, replay: Callable[[], dict[RecordRef, dict[str, Cell]]]) -> dict[RecordRef, dict[str, Cell]]:
        """The cells, read when first needed; `replay()` when they do not parse."""
        new = tuple.__new__
        data = self._read_cells()  # the file stays open for the posts; closed when this is dropped
        if data is None:
            return replay()
        head, body = data[: len(self._token) + 8], memoryview(data)[len(self._token) + 8 :]
        try:
            if head[: len(self._token)] != self._token or int(head[len(self._token) :], 16) != zlib.crc32(body):
                return replay()
            cells: dict[RecordRef, dict[str, Cell]] = {}
            for ref, fields in marshal.loads(body).items():
                cells[ref] = {
                    name: new(Cell, (row[0], row[2] if len(row) > 2 else UNSET, row[1])) for name, row in fields.items()
                }
            return cells
        except (ValueError, EOFError, TypeError, IndexError, AttributeError):
            return replay()


def path_for(state_dir: Path, workspace_id: str, root: Path) -> Path:
    """One cache per workspace folder: two copies of one workspace are two caches."""
    where = zlib.crc32(os.fsencode(os.path.abspath(root)))
    return state_dir / "read-cache" / f"{workspace_id}-{where:08x}.bin"


# Layout: MAGIC, the lengths of the notes, the views (all but the posts) and the posts' index (16
# hex digits each), their CRC (8); the notes, the views, the index; then the parts read when asked
# for, each with its CRC in the index: the posts month by month, the index's ids month by month,
# the categories' dates and the posts' order; then the token, the cells' CRC and the cells. A
# reader that finds every file as noted reads up to the index, and the parts it is asked for.
MAGIC = b"spcache4"
HEAD = 8 + 3 * 16 + 8


def load(path: Path) -> Cached | None:
    try:
        f = open(path, "rb")  # noqa: SIM115 - kept open for the cells: see the module's doc
    except OSError:
        return None
    try:
        head = f.read(HEAD)
        if len(head) != HEAD or head[:8] != MAGIC:
            raise ValueError
        notes_len, views_len, index_len = int(head[8:24], 16), int(head[24:40], 16), int(head[40:56], 16)
        body = f.read(notes_len + views_len + index_len)
        if len(body) != notes_len + views_len + index_len or zlib.crc32(body) != int(head[56:64], 16):
            raise ValueError
        version, token, files, max_stamp, private = marshal.loads(body[:notes_len])
        if version != VERSION:
            raise ValueError
        notes = {relpath: FileNote(tuple(n[0]), *n[1:]) for relpath, n in files.items()}
        verdicts = {(device, name): (tuple(sig), tuple(shared) if shared else None, count)
                    for device, name, sig, shared, count in private}  # fmt: skip
        views = marshal.loads(body[notes_len : notes_len + views_len])
        index, order, months, parts_len, newest_at = marshal.loads(body[notes_len + views_len :])
        kept = _Kept(f, HEAD + len(body))  # the parts begin right after the index
        return Cached(notes, views, max_stamp, verdicts, kept, kept.base + parts_len, token,
                      unpack(index, kept.value), order, months, newest_at)  # fmt: skip
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        f.close()
        return None


def newest_changes(cells: dict[RecordRef, dict[str, Cell]]) -> dict[RecordRef, str]:
    """Each record's newest change: the real stamp of the newest of its cells' winning ops."""
    return {ref: max(real_stamp(cell.key) for cell in fields.values()) for ref, fields in cells.items() if fields}


def save(
    path: Path,
    files: dict[str, FileNote],
    views: dict[str, dict[str, dict[str, Any]]],
    cells: dict[RecordRef, dict[str, Cell]] | tuple[bytes, bytes, bytes],
    max_stamp: str,
    private: Verdicts,
    newest: bytes | None = None,
) -> None:
    """Write the cache (not fsync'd: a cache lost in a crash is rebuilt); errors are the caller's.
    `cells` may be the token, CRC and bytes of an earlier cache's (`Cached.raw_cells`), and then
    `newest` its newest changes as stored (`Cached.raw_newest`; None: not kept this time)."""
    if isinstance(cells, tuple):
        token, cells_crc, cells_data = cells
    else:
        newest = marshal.dumps(newest_changes(cells))
        rows = {
            ref: {name: (cell[0], cell[2]) if cell[1] is UNSET else (cell[0], cell[2], cell[1]) for name, cell in fields.items()}
            for ref, fields in cells.items()
        }
        token, cells_data = os.urandom(8).hex().encode(), marshal.dumps(rows)
        cells_crc = b"%08x" % zlib.crc32(cells_data)
    verdicts = [(device, name, sig, shared, count) for (device, name), (sig, shared, count) in private.items()]
    notes = marshal.dumps((VERSION, token, {
        relpath: (n.signature, n.settled, n.digest, n.max_stamp, n.problem, n.name) for relpath, n in files.items()
    }, max_stamp, verdicts))  # fmt: skip
    posts = views.get(POSTS, {})
    views_data = marshal.dumps({table: records for table, records in views.items() if table != POSTS})
    by_month: dict[str, dict[str, dict[str, Any]]] = {}
    for rid, doc in posts.items():
        by_month.setdefault(month_of(doc), {})[rid] = doc
    parts: list[bytes] = []
    offset = 0

    def keep(data: bytes) -> Where:
        nonlocal offset
        parts.append(data)
        offset += len(data)
        return (offset - len(data), len(data), zlib.crc32(data))

    months = {month: keep(marshal.dumps(chunk)) for month, chunk in by_month.items()}
    index = pack(make(posts), keep)
    order = keep(marshal.dumps(list(posts)))
    newest_at = keep(newest) if newest is not None else None
    index_data = marshal.dumps((index, order, months, offset, newest_at))
    crc = zlib.crc32(index_data, zlib.crc32(views_data, zlib.crc32(notes)))
    head = MAGIC + b"%016x%016x%016x%08x" % (len(notes), len(views_data), len(index_data), crc)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = b"".join([head, notes, views_data, index_data, *parts, token, cells_crc, cells_data])
    atomic_write(path, data, durable=False)
