"""Where an export is written, whether it may be, and writing it atomically.

Decisions:

- The default folder is ``exports/`` in the workspace, for the command line and the planner
  alike: colleagues get the plan through the same sync, and a calendar can subscribe to the
  `.ics` through the sync tool's share link. `--output` names any other file or folder.
- Rule zero holds for exports too: no file in the workspace is written by two machines. Every
  default name carries this device's id (``someplan-plan-<device>.ics``), and a file inside the
  workspace is refused unless its name does (and never under ``devices/``).
- A default name is stable (the `.ics` keeps its name, so a subscription keeps working), so an
  export replaces the one before. An existing file is replaced without asking only when someplan
  wrote it: its name is one of this device's default names, or it carries someplan's mark (the
  `.ics` PRODID, the HTML generator tag, the Markdown comment). Anything else needs `--force`
  (the planner asks) — a user's own file is never overwritten by a slip.
- Written through `store.atomic.atomic_write`: a reader (a calendar, a sync tool) sees the old
  file or the new one, never half of one. A missing or unwritable folder is a one-line error.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from someplan.i18n import _, pgettext
from someplan.services.errors import UserError
from someplan.store.atomic import atomic_write
from someplan.store.layout import DEVICES
from someplan.store.workspace import Workspace

EXPORT_FOLDER = "exports"
MARKS = (b"PRODID:-//someplan//", b'<meta name="generator" content="someplan">', b"<!-- someplan export -->")
EXTENSIONS = {
    "ics": ".ics",
    "hootsuite": ".csv",
    "markdown": ".md",
    "html": ".html",
    "csv": ".csv",
    "wheel": ".svg",
    "report": ".html",
}


class NotOurs(UserError):
    """The target exists and someplan did not write it: replace only when the user says so."""

    def __init__(self, path: Path) -> None:
        super().__init__(_("{path} exists and was not written by someplan: choose another name, or --force to replace it")
                         .format(path=path))  # fmt: skip
        self.path = path


def device_id(workspace: Workspace) -> str:
    """This machine's device id (a read-only workspace has not looked it up: do it here)."""
    if workspace.identity is not None:
        return workspace.identity.device_id
    from someplan.store.device import IdentityStore

    return IdentityStore().load().device_id


def default_name(fmt: str, device: str, period: str | None = None, channel: str | None = None) -> str:
    """``someplan-plan-<device>.ics``, ``someplan-hootsuite-<channel>-<device>.csv``,
    ``someplan-plan-2026-w48-<device>.md``, ``someplan-posts-<device>.csv``,
    ``someplan-wheel-2027-<device>.svg``, ``someplan-report-2026-q4-<device>.html``."""
    if fmt == "ics":
        parts = ["plan"]
    elif fmt == "hootsuite":
        parts = ["hootsuite", channel or "channel"]
    elif fmt == "csv":
        parts = ["posts", *([period] if period else [])]
    elif fmt == "wheel":
        parts = ["wheel", period or "year"]
    elif fmt == "report":
        parts = ["report", period or "period"]
    else:
        parts = ["plan", period or "period"]
    return "-".join(["someplan", *parts, device]) + EXTENSIONS[fmt]


def default_folder(workspace_root: Path) -> Path:
    return workspace_root / EXPORT_FOLDER


def target_path(output: str | None, workspace_root: Path, name: str) -> Path:
    """The file to write: `output` (a file, or a folder to put `name` in), else the default.
    The workspace's exports folder is made when it is the one written to."""
    folder = default_folder(workspace_root)
    if not output:
        path = folder / name
    else:
        path = Path(output).expanduser()
        if path.is_dir() or _names_a_folder(output, path):
            path = path / name  # a folder that does not exist is then reported by check_target
    if not folder.exists() and workspace_root.is_dir() and _same_folder(path.parent, folder):
        try:
            folder.mkdir()
        except OSError as error:
            raise UserError(_("cannot make the folder {folder}: {reason}").format(folder=folder, reason=_reason(error))) from None
    return path


def _names_a_folder(output: str, path: Path) -> bool:
    """`NEWDIR/` is a folder however it is spelled; so is a new name without an extension:
    taking it for a file would write `NEWDIR` beside where the user looked for the export
    (an export's file name always has its format's extension)."""
    if output.endswith(tuple(sep for sep in (os.sep, os.altsep) if sep)):
        return True
    return not path.exists() and not path.suffix


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def check_target(path: Path, workspace_root: Path, device: str, force: bool = False) -> None:
    """Raise `UserError` (or `NotOurs`) when `path` must not be written."""
    folder = path.parent
    if not folder.is_dir():
        raise UserError(_("the folder {folder} does not exist").format(folder=folder))
    if path.is_dir():
        raise UserError(_("{path} is a folder").format(path=path))
    if not _new_or_plain(path):
        # Replacing it would put a plain file where a link, a device (/dev/full) or a pipe was,
        # even with --force: the user meant that thing, not a file of that name.
        raise UserError(_("{path} is not a plain file (a link, a device or a pipe); choose another name").format(path=path))
    inside = _inside(path, workspace_root)
    if inside is not None:
        if inside.parts[:1] == (DEVICES,) or device not in path.name:
            raise UserError(_("inside the shared workspace an export's name must hold this machine's id ({device}), "
                              "so that two machines never write one file").format(device=device))  # fmt: skip
    if path.exists() and not force and not is_ours(path, device):
        raise NotOurs(path)


def _new_or_plain(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def is_ours(path: Path, device: str) -> bool:
    if path.name.startswith("someplan-") and device in path.name:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return any(mark in head for mark in MARKS)


def _inside(path: Path, root: Path) -> Path | None:
    try:
        return path.parent.resolve().joinpath(path.name).relative_to(root.resolve())
    except (ValueError, OSError):
        return None


def write_file(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as error:
        raise UserError(_("cannot write {path}: {reason}").format(path=path, reason=_reason(error))) from None


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return pgettext("export", "permission denied")
    return error.strerror or os.strerror(error.errno or 0) or str(error)
