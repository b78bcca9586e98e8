"""Which workspace to open: the argument, else $SOMEPLAN_WORKSPACE, else the last one used here."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from someplan.i18n import _
from someplan.store.atomic import atomic_write
from someplan.store.filelock import file_lock
from someplan.store.problems import WorkspaceError
from someplan.store.user_dirs import state_dir

ENV_VAR = "SOMEPLAN_WORKSPACE"
USER_STATE_FILE = "user.json"
USER_STATE_LOCK = ".user.json.lock"


def resolve(argument: str | None) -> Path:
    if argument:
        return Path(argument).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    last = last_used()
    if last is not None:
        return last
    raise WorkspaceError(
        _(
            "no workspace given: name one (someplan status PATH), set $SOMEPLAN_WORKSPACE, "
            "create one with 'someplan init PATH', or try the sample with 'someplan demo'"
        )
    )


def _user_state_path() -> Path:
    return state_dir() / USER_STATE_FILE


# The file as last read, by its signature (inode, size, mtime): one command asks for it several
# times (the language, the last workspace, the asset folder) and reads it once; a change made
# by another process meanwhile gives a new signature, so it is read again.
_last_read: tuple[Path, tuple[int, int, int], str] | None = None


def read_user_state() -> dict[str, Any]:
    global _last_read
    path = _user_state_path()
    try:
        stat = os.stat(path)
        signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if _last_read is not None and _last_read[:2] == (path, signature):
            text = _last_read[2]
        else:
            text = path.read_text(encoding="utf-8")
            _last_read = (path, signature, text)
        doc = json.loads(text)  # parsed each time: callers may change what they are given
        return doc if isinstance(doc, dict) else {}
    except (OSError, ValueError):
        return {}


def write_user_state(**changes: Any) -> None:
    """Change some keys of the user state; under a lock, so that two processes changing
    different keys at once (the planner its theme, a command the last workspace) keep both."""
    global _last_read
    path = _user_state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with file_lock(path.with_name(USER_STATE_LOCK)):
            _last_read = None  # read again under the lock: another process may just have written
            doc = read_user_state() | changes
            atomic_write(path, json.dumps(doc, indent=2, ensure_ascii=False).encode())
    except OSError:
        pass  # remembering is a convenience; never fail a command over it


def last_used() -> Path | None:
    value = read_user_state().get("last_workspace")
    return Path(value) if isinstance(value, str) and Path(value).is_dir() else None


def remember(path: Path) -> None:
    resolved = str(path.resolve())
    if read_user_state().get("last_workspace") != resolved:
        write_user_state(last_workspace=resolved)
