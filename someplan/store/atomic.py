"""Atomic file replacement, the only way someplan writes a file in a workspace.

A sync client may read a file at any moment, so a file is never written in place: the bytes go to
a temp file in the same folder (named ``.~someplan-*``, which Dropbox and Nextcloud ignore), are
flushed and fsync'd, then ``os.replace`` swaps it in and the folder is fsync'd so the rename
survives a power cut. Windows and sync clients may hold the target open for a moment, so a
``PermissionError`` on replace is retried with backoff.

The three primitives (`_write_all`, `_fsync`, `_replace`) are module functions so that tests can
make the k-th of them fail and check that every crash point leaves the old or the new file.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

TEMP_PREFIX = ".~someplan-"
REPLACE_RETRIES = 8
FIRST_BACKOFF_S = 0.01


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync(fd: int) -> None:
    os.fsync(fd)


def _replace(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def is_temp_name(name: str) -> bool:
    return name.startswith(TEMP_PREFIX)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that readers see the old file or the new one, never a mix."""
    folder = path.parent
    temp = folder / f"{TEMP_PREFIX}{os.urandom(6).hex()}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        try:
            _write_all(fd, data)
            _fsync(fd)
        finally:
            os.close(fd)
        _replace_with_retry(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(folder)


def _replace_with_retry(src: Path, dst: Path) -> None:
    delay = FIRST_BACKOFF_S
    for attempt in range(REPLACE_RETRIES):
        try:
            _replace(src, dst)
            return
        except PermissionError:
            if attempt == REPLACE_RETRIES - 1:
                raise
            _sleep(delay)
            delay *= 2


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename itself.
    fd = os.open(folder, os.O_RDONLY)
    try:
        _fsync(fd)
    finally:
        os.close(fd)


def write_once(path: Path, data: bytes) -> bool:
    """Create `path` atomically unless it exists; False when it was already there."""
    if path.exists():
        return False
    atomic_write(path, data)
    return True
