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

import errno
import os
import re
import stat
import time
import zlib
from collections.abc import Callable
from pathlib import Path

TEMP_PREFIX = ".~someplan-"
REPLACE_RETRIES = 8
FIRST_BACKOFF_S = 0.01
# A temp file names the machine and process that write it, so that one a crash left behind can be
# told from one a live process is still writing, and from another machine's that a sync tool
# brought along (not ours to remove). Older names carry neither; those go once an hour old.
_machine_token: str | None = None


def _machine() -> str:
    """Six hex digits of this machine's fingerprint (the one its device identity is bound to)."""
    global _machine_token
    if _machine_token is None:
        from someplan.store.machine import machine_fingerprint  # deferred: hashlib and socket, for writers only

        _machine_token = machine_fingerprint()[:6]
    return _machine_token


def _legacy_machine() -> str:
    """The token older versions put in their temp files' names: a CRC of the host name."""
    name = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return f"{zlib.crc32(name.encode()) & 0xFFFFFF:06x}"


_TEMP_RE = re.compile(rf"^{re.escape(TEMP_PREFIX)}(?:([0-9a-f]{{6}})-(\d+)-)?[0-9a-f]{{12}}\.tmp$")
STALE_TEMP_S = 3600


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


def read_regular(path: Path) -> bytes:
    """The bytes of a plain file; OSError for a pipe (reading it would block), a device, a
    folder or a symlink (which could point anywhere on this machine)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a plain file", str(path))
        return handle.read()


def is_temp_name(name: str) -> bool:
    return name.startswith(TEMP_PREFIX)


def remove_stale_temp_files(folder: Path, now_s: Callable[[], float] = time.time) -> None:
    """Remove the temp files crashed processes of this machine left in `folder`."""
    try:
        paths = list(folder.glob(f"{TEMP_PREFIX}*"))
    except OSError:
        return
    for path in paths:
        match = _TEMP_RE.match(path.name)
        if not match or (match[1] and match[1] not in (_machine(), _legacy_machine())):
            continue
        try:
            if match[2] and int(match[2]) != os.getpid() and not _running(int(match[2])):
                path.unlink()
            elif now_s() - path.lstat().st_mtime > STALE_TEMP_S:
                path.unlink()
        except OSError:
            continue


def _running(pid: int) -> bool:
    if os.name != "posix":
        return True  # no harmless probe there; the age rule removes it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace `path` with `data` so that readers see the old file or the new one, never a mix.

    `durable=False`, for what can be rebuilt at any time (this machine's caches): no fsync, and
    no waiting for a reader on Windows that holds the file open (the write fails instead)."""
    folder = path.parent
    temp = folder / f"{TEMP_PREFIX}{_machine()}-{os.getpid()}-{os.urandom(6).hex()}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        try:
            if durable:
                _write_all(fd, data)
                _fsync(fd)
            else:
                with os.fdopen(os.dup(fd), "wb") as handle:
                    handle.write(data)
        finally:
            os.close(fd)
        if durable:
            _replace_with_retry(temp, path)
        else:
            os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if durable:
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
