"""Which workspace to open: the argument, else $SOMEPLAN_WORKSPACE, else the last one used here."""

from __future__ import annotations

import json
import os
from pathlib import Path

from someplan.store.atomic import atomic_write
from someplan.store.user_dirs import state_dir
from someplan.i18n import _
from someplan.store.problems import WorkspaceError

ENV_VAR = "SOMEPLAN_WORKSPACE"
USER_STATE_FILE = "user.json"


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


def read_user_state() -> dict:
    try:
        doc = json.loads(_user_state_path().read_text(encoding="utf-8"))
        return doc if isinstance(doc, dict) else {}
    except (OSError, ValueError):
        return {}


def write_user_state(**changes) -> None:
    doc = read_user_state() | changes
    path = _user_state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
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
