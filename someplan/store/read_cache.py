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
the cells (the winning op of every field) only once something has to be merged or written.
"""

from __future__ import annotations

import marshal
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from someplan.store.merge import Cell
from someplan.store.ops import UNSET

VERSION = 2
SETTLED_NS = 2_000_000_000  # a file last changed this long before a look is taken as still


@dataclass(frozen=True)
class FileNote:
    signature: tuple[int, int, int]  # inode, size, mtime_ns
    settled: bool
    digest: str | None
    max_stamp: str
    problem: dict | None  # Problem.to_doc()
    name: str | None = None  # a device file's display name


@dataclass
class Cached:
    files: dict[str, FileNote]
    views: dict[str, dict[str, dict[str, Any]]]
    max_stamp: str
    _path: Path
    _offset: int  # where the cells begin
    _token: bytes  # the same at the cells' head: they belong to these views

    def cells(self, replay) -> dict:
        """The cells, read when first needed; `replay()` when the file changed or does not parse."""
        new = tuple.__new__
        try:
            with open(self._path, "rb") as f:
                f.seek(self._offset)
                head = f.read(len(self._token) + 8)
                body = f.read()
            if head[: len(self._token)] != self._token or int(head[len(self._token) :], 16) != zlib.crc32(body):
                return replay()
            cells: dict = {}
            for ref, fields in marshal.loads(body).items():
                cells[ref] = {
                    name: new(Cell, (row[0], row[2] if len(row) > 2 else UNSET, row[1])) for name, row in fields.items()
                }
            return cells
        except (OSError, ValueError, EOFError, TypeError, IndexError, AttributeError):
            return replay()


def path_for(state_dir: Path, workspace_id: str, root: Path) -> Path:
    """One cache per workspace folder: two copies of one workspace are two caches."""
    where = zlib.crc32(os.fsencode(os.path.abspath(root)))
    return state_dir / "read-cache" / f"{workspace_id}-{where:08x}.bin"


# Layout: MAGIC, the lengths of the notes and the views (16 hex digits each), their CRC (8), the
# notes, the views, then the token, the cells' CRC and the cells. A reader that finds every file as
# noted reads up to the views only.
MAGIC = b"spcache2"


def load(path: Path) -> Cached | None:
    try:
        with open(path, "rb") as f:
            head = f.read(48)
            if len(head) != 48 or head[:8] != MAGIC:
                return None
            notes_len, views_len, crc = int(head[8:24], 16), int(head[24:40], 16), int(head[40:48], 16)
            body = f.read(notes_len + views_len)
        if len(body) != notes_len + views_len or zlib.crc32(body) != crc:
            return None
        version, token, files, max_stamp = marshal.loads(body[:notes_len])
        if version != VERSION:
            return None
        notes = {relpath: FileNote(tuple(n[0]), *n[1:]) for relpath, n in files.items()}
        views = marshal.loads(body[notes_len:])
        return Cached(notes, views, max_stamp, path, 48 + notes_len + views_len, token)
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        return None


def save(path: Path, files: dict[str, FileNote], views: dict, cells: dict, max_stamp: str) -> None:
    """Write the cache (no fsync: a cache lost in a crash is rebuilt); errors are the caller's."""
    rows = {
        ref: {name: (cell[0], cell[2]) if cell[1] is UNSET else (cell[0], cell[2], cell[1]) for name, cell in fields.items()}
        for ref, fields in cells.items()
    }
    token = os.urandom(8).hex().encode()
    notes = marshal.dumps((VERSION, token, {
        relpath: (n.signature, n.settled, n.digest, n.max_stamp, n.problem, n.name) for relpath, n in files.items()
    }, max_stamp))  # fmt: skip
    views_data, cells_data = marshal.dumps(views), marshal.dumps(rows)
    head = MAGIC + b"%016x%016x%08x" % (len(notes), len(views_data), zlib.crc32(views_data, zlib.crc32(notes)))
    data = b"".join([head, notes, views_data, token, b"%08x" % zlib.crc32(cells_data), cells_data])
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".~someplan-{os.urandom(6).hex()}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
